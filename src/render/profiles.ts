/** `balance-check profiles` and `balance-check explain`: the rules as text. */
import type { z } from 'zod';
import { conditionInputs, type ChecklistItem, type Condition } from '../engine/checklist-rules';
import type { KeywordSetSchema } from '../engine/rule-schema';
import { ITEM_FIELDS } from '../engine/school-items';
import { conditionStandard } from '../engine/checklist-text';
import { quantityName, type IndicatorDef, type Profile } from '../engine/profile';

type KeywordSet = z.infer<typeof KeywordSetSchema>;
import { normaliseText } from '../schema/text';
import { FIELD_BY_ID } from '../schema/columns';
import { exclusionText, splitWeightsText } from './format';

export function renderProfiles(profiles: readonly Profile[], defaultId: string): string {
  const blocks = profiles.map((p) => {
    const { primary, junior } = p.cv.threshold;
    const rule =
      p.cv.rule === 'each'
        ? `每项差异系数 ≤ 小学${primary}、初中${junior}`
        : `综合差异系数（${p.indicators.length}项平均）≤ 小学${primary}、初中${junior}`;
    const compliance = p.compliance
      ? `；学校达标：至少${p.compliance.minIndicatorsMet}项达标、余项不低于${Math.round(p.compliance.floorRatio * 100)}%`
      : '';
    const items = p.checklist.length ? `；县级项目${p.checklist.length}项` : '';
    return `${p.id}${p.id === defaultId ? '（默认）' : ''}  ${p.name}\n  ${p.indicators.length}项指标：${p.indicators.map((i) => i.short).join('、')}\n  ${rule}${compliance}${items}\n  依据：${p.source}\n  纳入范围：${exclusionText(p)}\n`;
  });
  return `${blocks.join('\n')}\n自定义：--profile 文件.json，如 {"extends": "youzhi-2017", "indicators": {"sports_space": {"standard": {"primary": 7.0}}}}`;
}

/** By id, full name, short name, or a part of the name. */
export function findIndicator(profile: Profile, name: string): IndicatorDef | undefined {
  const key = name.trim();
  return profile.indicators.find((i) => i.id === key || i.name === key || i.short === key || i.name.includes(key));
}

export function renderExplain(profile: Profile, ind: IndicatorDef): string {
  const field = FIELD_BY_ID.get(ind.numerator)!.label;
  const standard = ind.standard
    ? `小学 ≥ ${ind.standard.primary}${ind.unit}，初中 ≥ ${ind.standard.junior}${ind.unit}`
    : '无（只计算差异系数）';
  const split =
    ind.split === 'weighted'
      ? `按学生数加权拆分（小学生 : 初中生 : 高中生 = ${splitWeightsText(profile)}）`
      : '按各学段在校生数比例拆分';
  const { primary, junior } = profile.cv.threshold;
  return [
    `${ind.name}（${ind.id}）`,
    `公式：${field} ÷ 在校生数${ind.scale === 100 ? ' × 100' : ''}（单位：${ind.unit || '—'}）`,
    `标准：${standard}`,
    `一贯制学校、完全中学：${split}；分学段填报（小学部…/初中部…）时按填报值`,
    `差异系数：按学生数加权，CV = S / X̄；${profile.cv.rule === 'each' ? '每项' : '综合（各项平均）'}不超过 小学 ${primary}、初中 ${junior}`,
    `纳入范围：${exclusionText(profile)}`,
    `依据：${profile.name}（${profile.source}）`,
  ].join('\n');
}

/** An indicator or a county item, as `explain` finds them. */
export type Explained = { kind: 'indicator'; indicator: IndicatorDef } | { kind: 'item'; item: ChecklistItem };

/** Whether a query holds every word of a keyword set and none of its `none` (the reader's test of a row name). */
const holds = (key: string, set: KeywordSet) =>
  set.all.every((w) => key.includes(normaliseText(w))) && !set.none.some((w) => key.includes(normaliseText(w)));

/**
 * What `explain NAME` means, from the profile's own words: an indicator or item named exactly (id, name,
 * short name, 保障11 / 质量3 / 认可1); else every indicator and item whose words hold the name — an
 * indicator's name and quantity, an item's wording, its conditions, the 县级指标 rows it reads (their names
 * and official wording), the school columns it reads (their labels and header wordings) — or whose keyword
 * sets the name holds (班额, 学校规模, as a 自评表's row is read). Several may fit (公用经费: 保障2, 6, 7, 质量4).
 */
export function findExplained(profile: Profile, name: string): Explained[] {
  const key = normaliseText(name);
  if (!key) return [];
  const ind = (indicator: IndicatorDef): Explained => ({ kind: 'indicator', indicator });
  const itm = (item: ChecklistItem): Explained => ({ kind: 'item', item });
  const exact = profile.indicators.find(
    (i) => i.id === name.trim() || normaliseText(i.name) === key || normaliseText(i.short) === key,
  );
  if (exact) return [ind(exact)];
  const numbered = /(\d+)/.exec(key);
  const dim = DIMENSION_WORDS.find(([re]) => re.test(key))?.[1];
  if (numbered && dim) {
    const item = profile.checklist.find((i) => i.dimension === dim && i.number === Number(numbered[1]));
    return item ? [itm(item)] : [];
  }
  const byId = profile.checklist.find((i) => i.id === name.trim() || normaliseText(i.name) === key);
  if (byId) return [itm(byId)];
  const has = (texts: readonly (string | undefined)[]) =>
    texts.some((t) => t !== undefined && normaliseText(t).includes(key));
  const indicators = profile.indicators.filter((i) =>
    has([i.name, i.short, quantityName(i), FIELD_BY_ID.get(i.numerator)?.label]),
  );
  const items = profile.checklist.filter((item) => {
    const inputs = item.conditions
      .flatMap(conditionInputs)
      .flatMap((id) => profile.countyInputs.filter((x) => x.id === id));
    const fields = item.school ? ITEM_FIELDS[item.school] : [];
    const texts = [
      item.name,
      ...item.aliases,
      ...item.conditions.map((c) => c.label),
      ...inputs.flatMap((x) => [...x.names, x.official]),
      ...fields.flatMap((f) => [FIELD_BY_ID.get(f)?.label, ...(profile.wording.schoolHeaders[f] ?? [])]),
    ];
    const sets = [
      ...(item.keywords ?? []),
      ...inputs.flatMap((x) => x.keywords),
      ...fields.flatMap((f) => profile.wording.schoolColumns[f] ?? []),
    ];
    return has(texts) || sets.some((s) => holds(key, s));
  });
  return [...indicators.map(ind), ...items.map(itm)];
}

/** A county item (政府保障程度 / 教育质量 / 社会认可度) by id, number (“保障11”, “质量3”), its wording, or a figure it reads (“巩固率”): the first that fits. */
export function findChecklistItem(profile: Profile, name: string): ChecklistItem | undefined {
  for (const x of findExplained(profile, name)) if (x.kind === 'item') return x.item;
  return undefined;
}

/** How many matches `explain` explains in full; more are listed, one a line. */
export const EXPLAINED_IN_FULL = 4;

/** “保障6”, “体育场馆（sports_space）”: a match as `explain` takes it back. */
const explainedLabel = (x: Explained) =>
  x.kind === 'indicator'
    ? `${x.indicator.short}（${x.indicator.id}）`
    : `${DIMENSION_WORDS.find(([, d]) => d === x.item.dimension)![2]}${x.item.number}`;

/** `explain`'s answer: one match explained; a few each explained in turn; many listed, to be asked again by number. */
export function renderExplained(profile: Profile, name: string, matches: readonly Explained[]): string {
  const one = (x: Explained) =>
    x.kind === 'indicator' ? renderExplain(profile, x.indicator) : renderExplainItem(profile, x.item);
  if (matches.length === 1) return one(matches[0]!);
  const head = `“${name.trim()}”对应${matches.length}项：${matches.map(explainedLabel).join('、')}`;
  if (matches.length <= EXPLAINED_IN_FULL) return [head, ...matches.map(one)].join('\n\n');
  const line = (x: Explained) => `  ${explainedLabel(x)}  ${x.kind === 'indicator' ? x.indicator.name : x.item.name}`;
  return [
    head,
    ...matches.map(line),
    `用编号或 id 查看其一，如 balance-check explain ${explainedLabel(matches[0]!)}`,
  ].join('\n');
}

/** The words that name a dimension in a query (保障11), and the short name a match is labelled by. */
const DIMENSION_WORDS: readonly [RegExp, ChecklistItem['dimension'], string][] = [
  [/保障/, 'guarantee', '保障'],
  [/质量/, 'quality', '质量'],
  [/认可/, 'recognition', '认可'],
];

const DIMENSION_NAMES: Record<ChecklistItem['dimension'], string> = {
  guarantee: '政府保障程度',
  quality: '教育质量',
  recognition: '社会认可度',
};
const SCHOOL_ITEM_RULE: Record<NonNullable<ChecklistItem['school']>, string> = {
  rooms: '由学校数据表逐校判定：班级数、音乐/美术专用教室数及其中面积达标间数',
  size: '由学校数据表逐校判定：各校义务教育在校生数与规模上限',
  classSize: '由学校数据表逐校判定：超标班额班级数或最大班额',
};

export function renderExplainItem(profile: Profile, item: ChecklistItem): string {
  const input = (id: string) => profile.countyInputs.find((x) => x.id === id);
  const nameOf = (id: string) => `“${input(id)?.names[0] ?? id}”`;
  const terms = (ts: readonly { input: string; sign: 1 | -1 }[]) =>
    ts.map((t, k) => `${k === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${nameOf(t.input)}`).join('');
  const rule = (c: Condition): string => {
    switch (c.kind) {
      case 'yesno':
        return `${c.label}：县级指标表${nameOf(c.input)}填“是”或“否”，标准：是`;
      case 'amount':
        return `${c.label}：${nameOf(c.input)}，标准 ${conditionStandard(c)}`;
      case 'notBelow':
        return `${c.label}：${nameOf(c.input)} ≥ ${nameOf(c.reference)}（或${nameOf(c.orYesNo)}填“是”）`;
      case 'ratio':
        return `${c.label} = ${terms(c.numerator)} ÷ ${c.denominator.length > 1 ? `（${terms(c.denominator)}）` : terms(c.denominator)}（或直接填${nameOf(c.ready)}${c.orYesNo ? `，或${nameOf(c.orYesNo)}填“是”` : ''}），标准 ${conditionStandard(c)}`;
    }
  };
  const rows = [...new Set(item.conditions.flatMap(conditionInputs))];
  return [
    `${DIMENSION_NAMES[item.dimension]}第${item.number}项（${item.id}）`,
    `内容：${item.name}`,
    ...(item.school ? [`判定：${SCHOOL_ITEM_RULE[item.school]}`] : item.conditions.map((c) => `判定：${rule(c)}`)),
    ...(rows.length
      ? [`县级指标表的行：${rows.map((id) => `${input(id)?.names[0] ?? id}（${input(id)?.note ?? ''}）`).join('；')}`]
      : []),
    `依据：${profile.name}（${profile.source}）`,
  ].join('\n');
}
