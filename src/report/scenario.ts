/**
 * The scenario comparison (布局调整测算): the input and each alternative side by side, as one model
 * for every renderer (terminal, JSON, Markdown, Excel). Each column is a whole report of the
 * ordinary check; this model only lines their figures up, with the change against the input and
 * whether it is for the better, and what each change row contributed.
 */
import type { Profile } from '../engine/profile';
import { LEVEL_NAMES, type Level } from '../engine/types';
import type { Alternative, Change } from '../scenario/types';
import type { AlternativeRun } from '../scenario/run';
import { mergeNames } from '../scenario/apply';
import type { CountyReport, Report } from './model';
import { maxOf, minOf } from '../common/lookup';

/** Which way a figure is better: lower (a CV), higher (compliant schools, a ratio to the county), or being met. */
export type Better = 'lower' | 'higher' | 'met';

export type Cell = number | 'met' | 'not_met' | 'not_provided' | null;

export interface Metric {
  /** The section of the comparison it belongs to. */
  part: string;
  label: string;
  /** The label in a few words, for the terminal's table (体育场馆, 第4项 学校规模). */
  short: string;
  better: Better;
  /** A CV's threshold (null for others). */
  threshold: number | null;
  /** How its values are shown: a CV to three places, a count, a ratio to two places, a status. */
  kind: 'cv' | 'count' | 'ratio' | 'status' | 'verdict';
  /** One per column: the input, then each alternative. */
  values: Cell[];
  /** Of every count, the whole it is of (达标学校 12 of 30), per column; null for others. */
  of: (number | null)[] | null;
  /** A CV's pass per column. */
  passes: (boolean | null)[] | null;
  /** Per alternative (columns 1…): the change against the input (numbers) and whether it is for the better (null: no change, or not comparable). */
  changes: { delta: number | null; improved: boolean | null }[];
}

export interface CountyComparison {
  county: string | null;
  label: string;
  metrics: Metric[];
}

export interface CvContribution {
  level: Level;
  indicator: string;
  label: string;
  /** The alternative's CV, and the CV without this row. */
  cv: number | null;
  without: number | null;
  /** cv − without: what this row did to the CV (negative helps). */
  effect: number | null;
}

export interface ChangeRow {
  change: Change;
  /** In 元, where unit costs price it (null: a move, a re-zoning, or no unit cost given). */
  cost: number | null;
  /** The row in words: 撤并 杨柳村小学 → 东河镇中心小学. */
  text: string;
  /** The CVs of each county without this row (the first county's when several). */
  contributions: CvContribution[] | null;
  /** Why there is no contribution (the other rows need this one). */
  reason: string | null;
}

export interface AlternativeModel {
  name: string;
  /** The alternative's cost in 元 where unit costs are given (--unit-cost); null without them. */
  cost: number | null;
  changes: ChangeRow[];
  report: Report;
}

export interface ScenarioModel {
  tool: Report['tool'];
  profile: Profile;
  input: Report['input'];
  plan: { file: string; sheet: string };
  /** Column titles: 现状, then the alternatives' names. */
  columns: string[];
  baseline: Report;
  alternatives: AlternativeModel[];
  counties: CountyComparison[];
  /** What each operation used in the plan does, in words a reader can check the figures against. */
  meanings: string[];
}

export const BASELINE_LABEL = '现状';

/** What each operation means (issue #29), as the reports state it. */
export const OPERATION_MEANINGS: Record<Alternative['changes'][number]['operation'], string> = {
  撤并: '撤并 A → B：A 的在校生（各学段）、各类教师数、教学仪器设备资产值（及计算机、图书）和班级数并入 B；A 的校舍、场地和用房（教学及辅助用房、体育运动场馆、多媒体教室、专用教室）留在原地，不计入 B；A 不再计算。',
  合并: '合并 A + B → B：两校各项数据相加（最大班额取较大者）；学校类型随学段而定（小学 + 初中 → 九年一贯制），除非另有“调整类型”；目标学校写成“B→新名称”时合并后改用新名称。',
  划转学生: '划转学生 A → B：A 该学段的在校生按数量转到 B，其他数据不变。',
  调配: '调配 A → B：A 的该项数据（如交流轮岗教师、设备）按数量转到 B。',
  新增: '新增 A：A 的该项数据增加该数量（新建校舍、新招教师、购置设备）；负数为减少。',
  新建学校: '新建学校：“新建学校”表中的学校按其各列数据加入本县。',
  调整学区: '调整学区 A：A 改属目标学区（只影响学区内差距，不改变县域差异系数）。',
  调整类型: '调整类型 A：A 的学校类型改为目标类型（学段随之改变）。',
};

export function changeText(c: Change): string {
  const level = c.level ? LEVEL_NAMES[c.level] : null;
  const amount = c.amount === null ? null : String(c.amount);
  switch (c.operation) {
    case '撤并':
      return `撤并 ${c.school} → ${c.target ?? ''}`;
    case '合并': {
      // 目标学校 “B→新名称”: A and B become the school of the new name.
      const { into, renamed } = mergeNames(c.target ?? '');
      return renamed ? `合并 ${c.school} + ${into} → ${renamed}` : `合并 ${c.school} → ${into}`;
    }
    case '划转学生':
      return `划转学生 ${c.school} → ${c.target ?? ''}：${level ?? ''} ${amount ?? ''} 人`;
    case '调配':
      return `调配 ${c.school} → ${c.target ?? ''}：${level ? `${level}` : ''}${c.item ?? ''} ${amount ?? ''}`;
    case '新增':
      return `新增 ${c.school}：${level ? `${level}` : ''}${c.item ?? ''} ${amount ?? ''}`;
    case '新建学校':
      return `新建学校 ${c.school}`;
    case '调整学区':
      return `调整学区 ${c.school} → ${c.target ?? ''}`;
    case '调整类型':
      return `调整类型 ${c.school} → ${c.target ?? ''}`;
  }
}

export function buildScenarioModel(args: {
  baseline: Report;
  alternatives: readonly AlternativeRun[];
  plan: { file: string; sheet: string };
}): ScenarioModel {
  const { baseline } = args;
  const reports = [baseline, ...args.alternatives.map((a) => a.report)];
  const counties = baseline.counties.map((c) => ({
    county: c.county,
    label: c.label,
    metrics: countyMetrics(
      baseline.profile,
      reports.map((r) => r.counties.find((x) => x.county === c.county) ?? null),
    ),
  }));
  const used = new Set(args.alternatives.flatMap((a) => a.alternative.changes.map((c) => c.operation)));
  return {
    tool: baseline.tool,
    profile: baseline.profile,
    input: baseline.input,
    plan: args.plan,
    columns: [BASELINE_LABEL, ...args.alternatives.map((a) => a.alternative.name)],
    baseline,
    alternatives: args.alternatives.map((a) => ({
      name: a.alternative.name,
      report: a.report,
      cost: a.cost?.total ?? null,
      changes: a.contributions.map((k, i) => ({
        change: k.change,
        cost: a.cost?.rows[i] ?? null,
        text: changeText(k.change),
        contributions: k.without ? cvContributions(a.report, k.without) : null,
        reason: k.reason,
      })),
    })),
    counties,
    meanings: (Object.keys(OPERATION_MEANINGS) as (keyof typeof OPERATION_MEANINGS)[])
      .filter((o) => used.has(o))
      .map((o) => OPERATION_MEANINGS[o]),
  };
}

/** Every CV of the first county: the alternative's, without the row, and the difference. */
function cvContributions(report: Report, without: Report): CvContribution[] {
  const county = report.counties[0];
  const other = without.counties.find((c) => c.county === county?.county);
  if (!county) return [];
  return county.levels.flatMap((l) =>
    report.profile.indicators.map((ind) => {
      const cv = l.result.indicators[ind.id]?.cv ?? null;
      const w = other?.levels.find((x) => x.level === l.level)?.result.indicators[ind.id]?.cv ?? null;
      return {
        level: l.level,
        indicator: ind.id,
        label: `${LEVEL_NAMES[l.level]} ${ind.short}`,
        cv,
        without: w,
        effect: cv === null || w === null ? null : cv - w,
      };
    }),
  );
}

type Of<T> = (c: CountyReport) => T;

function countyMetrics(profile: Profile, columns: (CountyReport | null)[]): Metric[] {
  const metrics: Metric[] = [];
  const levels = (['primary', 'junior'] as const).filter((l) =>
    columns.some((c) => c?.levels.some((x) => x.level === l)),
  );
  const level = (c: CountyReport, l: Level) => c.levels.find((x) => x.level === l)?.result ?? null;
  const add = (
    part: string,
    [label, short]: [string, string],
    kind: Metric['kind'],
    better: Better,
    value: Of<Cell>,
    extra: { threshold?: number | null; of?: Of<number | null>; pass?: Of<boolean | null> } = {},
  ) => {
    const values = columns.map((c) => (c ? value(c) : null));
    const base = values[0] ?? null;
    metrics.push({
      part,
      label,
      short,
      better,
      threshold: extra.threshold ?? null,
      kind,
      values,
      of: extra.of ? columns.map((c) => (c ? extra.of!(c) : null)) : null,
      passes: extra.pass ? columns.map((c) => (c ? extra.pass!(c) : null)) : null,
      changes: values.slice(1).map((v) => changeOf(base, v, better)),
    });
  };
  for (const l of levels) {
    const part = `${LEVEL_NAMES[l]}差异系数`;
    for (const ind of profile.indicators) {
      const stats = (c: CountyReport) => level(c, l)?.indicators[ind.id] ?? null;
      const threshold = columns.map((c) => (c ? stats(c)?.cvThreshold : undefined)).find((t) => t !== undefined);
      add(part, [ind.name, ind.short], 'cv', 'lower', (c) => stats(c)?.cv ?? null, {
        threshold: threshold ?? null,
        pass: (c) => stats(c)?.cvPass ?? null,
      });
    }
    if (columns.some((c) => c && level(c, l)?.compositeCv !== null && level(c, l)?.compositeCv !== undefined))
      add(part, twice('综合差异系数'), 'cv', 'lower', (c) => level(c, l)?.compositeCv ?? null);
    add(part, twice('差异系数达标'), 'status', 'met', (c) => statusOf(level(c, l)?.cvRulePass));
    add(
      `${LEVEL_NAMES[l]}学校达标`,
      twice(`${LEVEL_NAMES[l]}达标学校（学段）`),
      'count',
      'higher',
      (c) => level(c, l)?.compliantSchools ?? null,
      {
        of: (c) => level(c, l)?.schoolCount ?? null,
      },
    );
  }
  add('学校达标', twice('达标学校（整校）'), 'count', 'higher', (c) => c.compliantSchools, {
    of: (c) => c.schoolCount,
  });
  const items = (columns[0]?.checklist ?? []).filter((r) => r.schools);
  for (const item of items)
    add(
      '政府保障程度（学校逐校判定的项目）',
      [
        `第${item.item.number}项 ${item.item.name}`,
        `第${item.item.number}项 ${ITEM_SHORT[item.item.school ?? ''] ?? ''}`,
      ],
      'status',
      'met',
      (c) => c.checklist.find((r) => r.item.id === item.item.id)?.status ?? null,
    );
  for (const item of items)
    add(
      '政府保障程度（学校逐校判定的项目）',
      twice(`第${item.item.number}项 未达标学校数`),
      'count',
      'lower',
      (c) => c.checklist.find((r) => r.item.id === item.item.id)?.schools?.failing.length ?? null,
    );
  for (const l of levels) {
    const names = [
      ...new Set(columns.flatMap((c) => c?.groups.filter((g) => g.level === l).map((g) => g.group) ?? [])),
    ];
    for (const name of names)
      add(`${LEVEL_NAMES[l]}学区差距`, [`${name} 学区内最大差异系数`, `${name} 学区内最大CV`], 'cv', 'lower', (c) => {
        const g = c.groups.find((x) => x.level === l && x.group === name);
        return g ? largest(Object.values(g.indicators).map((x) => x.cv)) : null;
      });
    if (names.length)
      add(
        `${LEVEL_NAMES[l]}学区差距`,
        ['最低学区均值占全县（最低一项）', '最低学区均值÷全县'],
        'ratio',
        'higher',
        (c) =>
          smallest(
            c.groups.filter((g) => g.level === l).flatMap((g) => Object.values(g.indicators).map((x) => x.ofCounty)),
          ),
      );
    if (columns.some((c) => c?.urbanRural.some((u) => u.level === l)))
      add(`${LEVEL_NAMES[l]}城乡差距`, ['乡村 ÷ 城区（最低一项）', '乡村÷城区（最低项）'], 'ratio', 'higher', (c) =>
        smallest(Object.values(c.urbanRural.find((u) => u.level === l)?.ruralToUrban ?? {})),
      );
  }
  add('结论', ['资源配置', '资源配置'], 'status', 'met', (c) => c.verdict.dimensions.resources ?? null);
  add('结论', [`${profile.verdictName}总体结论`, '总体结论'], 'verdict', 'met', (c) => c.verdict.status);
  return metrics;
}

const twice = (label: string): [string, string] => [label, label];
const ITEM_SHORT: Record<string, string> = { rooms: '专用教室', size: '学校规模', classSize: '班额' };

const statusOf = (pass: boolean | undefined): Cell => (pass === undefined ? null : pass ? 'met' : 'not_met');

const largest = (xs: readonly (number | null)[]) => {
  const n = xs.filter((x): x is number => x !== null);
  return n.length ? maxOf(n) : null;
};
const smallest = (xs: readonly (number | null)[]) => {
  const n = xs.filter((x): x is number => x !== null);
  return n.length ? minOf(n) : null;
};

const RANK: Record<string, number> = { met: 2, not_provided: 1, not_met: 0 };

function changeOf(base: Cell, value: Cell, better: Better): Metric['changes'][number] {
  if (typeof base === 'number' && typeof value === 'number') {
    const delta = value - base;
    // Rounding noise is no change: a CV recomputed from the same figures differs in the 16th place.
    if (Math.abs(delta) < 1e-12) return { delta: 0, improved: null };
    return { delta, improved: better === 'lower' ? delta < 0 : delta > 0 };
  }
  if (typeof base === 'string' && typeof value === 'string' && base !== value)
    return { delta: null, improved: RANK[value]! > RANK[base]! };
  return { delta: null, improved: null };
}
