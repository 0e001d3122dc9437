/** `balance-check profiles` and `balance-check explain`: the rules as text. */
import { conditionInputs, type ChecklistItem, type Condition } from '../engine/checklist-rules';
import { conditionStandard } from '../engine/checklist-text';
import type { IndicatorDef, Profile } from '../engine/profile';
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

/** A county item (政府保障程度 / 教育质量 / 社会认可度) by id, number (“保障11”, “质量3”), its wording, or a figure it reads (“巩固率”). */
export function findChecklistItem(profile: Profile, name: string): ChecklistItem | undefined {
  const key = normaliseText(name);
  if (!key) return undefined;
  const dims: [RegExp, ChecklistItem['dimension']][] = [
    [/保障/, 'guarantee'],
    [/质量/, 'quality'],
    [/认可/, 'recognition'],
  ];
  const numbered = /(\d+)/.exec(key);
  const dim = dims.find(([re]) => re.test(key))?.[1];
  if (numbered && dim) return profile.checklist.find((i) => i.dimension === dim && i.number === Number(numbered[1]));
  const inputNames = (i: ChecklistItem) =>
    i.conditions.flatMap(conditionInputs).flatMap((id) => profile.countyInputs.find((x) => x.id === id)?.names ?? []);
  return (
    profile.checklist.find((i) => i.id === name.trim()) ??
    profile.checklist.find(
      (i) => normaliseText(i.name).includes(key) || i.aliases.some((a) => normaliseText(a).includes(key)),
    ) ??
    profile.checklist.find(
      (i) =>
        i.conditions.some((c) => normaliseText(c.label).includes(key)) ||
        inputNames(i).some((n) => normaliseText(n).includes(key)),
    )
  );
}

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
