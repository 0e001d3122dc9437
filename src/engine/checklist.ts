/**
 * The whole 优质均衡 verdict: the county items (from the 县级指标 figures and the school rows)
 * and the four dimensions. A dimension with an item not provided is not judged, never "met".
 */
import { makeIssue, type Issue } from '../issues/catalogue';
import { itemFailText, itemValueText } from './checklist-text';
import type { ChecklistItem, Condition } from './checklist-rules';
import type { Profile } from './profile';
import { combine, missingFields, roomTotals, type SchoolItems, type Status } from './school-items';
import { atLeast, roundTo, COMPARE_DECIMALS } from './stats';
import type { Level, SchoolItemField } from './types';
import type {
  ChecklistResult,
  ClaimDisagreement,
  CountyClaim,
  ConditionResult,
  LevelResult,
  MissingColumns,
  UsedFigure,
} from './results';

export type { ChecklistResult, ClaimDisagreement, CountyClaim, ConditionResult, ListedSchool } from './results';

/** One figure of the 县级指标 sheet, with where it came from. */
export interface CountyFigure {
  value: number | boolean;
  sheet: string;
  cell: string;
  /** The row name as the user wrote it. */
  name: string;
}
export type CountyFigures = ReadonlyMap<string, CountyFigure>;

export type CountyClaims = ReadonlyMap<string, CountyClaim>;

export type Dimension = 'resources' | 'guarantee' | 'quality' | 'recognition';
export const DIMENSIONS: readonly Dimension[] = ['resources', 'guarantee', 'quality', 'recognition'];

export interface Verdict {
  status: Status;
  /** The dimensions the profile judges (a 2012 profile has only resources). */
  dimensions: Partial<Record<Dimension, Status>>;
  /** Whether a 县级指标 sheet was given at all. */
  countyFiguresGiven: boolean;
}

export function evaluateChecklist(
  profile: Profile,
  figures: CountyFigures | null,
  schoolItems: readonly SchoolItems[],
  claims: CountyClaims = new Map(),
  county: string | null = null,
): { checklist: ChecklistResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const checklist = profile.checklist
    .map((item): Judged | ChecklistResult => {
      if (item.school) {
        const status = (s: SchoolItems) =>
          (item.school === 'rooms' ? s.rooms : item.school === 'size' ? s.size : s.classSize).status;
        const failing = schoolItems.filter((s) => status(s) === 'not_met');
        const notProvided = schoolItems.filter((s) => status(s) === 'not_provided');
        const rooms = item.school === 'rooms' ? roomTotals([...failing, ...notProvided]) : null;
        return {
          item,
          status: combine(schoolItems.map(status)),
          conditions: [],
          schools: {
            failing,
            notProvided: notProvided.map((s) => s.school),
            missing: byMissing(notProvided, item.school, profile),
            rooms,
          },
        };
      }
      if (figures === null) return unjudged(item);
      const conditions = item.conditions.map((c) => evaluateCondition(c, figures, issues));
      return { item, status: combine(conditions.map((c) => c.status)), conditions, schools: null };
    })
    .map((r): ChecklistResult => {
      const claim = claims.get(r.item.id);
      if (!claim) return 'claim' in r ? r : { ...r, claim: null };
      const disagreement = disagreementOf(r, claim);
      if (disagreement)
        issues.push(
          makeIssue(
            'CLAIM_DISAGREES',
            { sheet: claim.sheet, cell: claim.cell, column: claim.name, ...(county ? { county } : {}) },
            { ...disagreement },
          ),
        );
      return { ...r, claim: { ...claim, disagreement } };
    });
  return { checklist, issues };
}

type Judged = Omit<ChecklistResult, 'claim'>;

/** The schools an item cannot judge, grouped by the columns their rows lack, groups in order of their first school. */
function byMissing(
  schools: readonly SchoolItems[],
  kind: NonNullable<ChecklistItem['school']>,
  profile: Profile,
): MissingColumns[] {
  const groups = new Map<readonly SchoolItemField[], MissingColumns>();
  for (const s of schools) {
    const fields = missingFields(s, kind, profile);
    const group = groups.get(fields);
    if (group) group.schools.push(s.school);
    else groups.set(fields, { fields, schools: [s.school] });
  }
  return [...groups.values()];
}

const UNJUDGED = new WeakMap<ChecklistItem, ChecklistResult>();
/**
 * An item judged from the county sheet when there is none: 未提供 alike in every county, so one
 * result per item, shared and frozen (a province's thousands of counties would each keep a copy of
 * every such item to the end of the run). Its conditions need no figures to be judged so: no issue.
 */
function unjudged(item: ChecklistItem): ChecklistResult {
  let r = UNJUDGED.get(item);
  if (r === undefined) {
    const conditions = item.conditions.map((c) => Object.freeze(evaluateCondition(c, new Map(), [])));
    r = Object.freeze({
      item,
      status: combine(conditions.map((c) => c.status)),
      conditions: Object.freeze(conditions) as ConditionResult[],
      schools: null,
      claim: null,
    });
    UNJUDGED.set(item, r);
  }
  return r;
}

/** A claim agrees only with a judged status of the same sense: 达标 against 无法判定 cannot be verified. */
function disagreementOf(r: Judged, claim: CountyClaim): ClaimDisagreement | null {
  if (r.status !== 'not_provided' && (r.status === 'met') === claim.met) return null;
  const computed = r.status === 'not_provided' ? '无法判定' : r.status === 'met' ? '达标' : '未达标';
  return { claim: `自评${claim.met ? '达标' : '未达标'}`, computed, detail: computedDetail(r) };
}

function computedDetail(r: Judged): string {
  if (r.schools) {
    if (r.status === 'not_provided') return '学校数据中缺少计算所需的列';
    if (r.status === 'met') return '各校均达标';
    const failing = r.schools.failing;
    return `${failing.length}所学校未达标（${failing
      .slice(0, 5)
      .map((s) => s.school.name)
      .join('、')}${failing.length > 5 ? ' 等' : ''}）`;
  }
  if (r.status === 'not_provided')
    return `缺少${r.conditions
      .filter((c) => c.status === 'not_provided')
      .map((c) => `“${c.condition.label}”`)
      .join('、')}的数据`;
  return r.status === 'not_met' ? itemFailText(r) : itemValueText(r);
}

function evaluateCondition(c: Condition, figures: CountyFigures, issues: Issue[]): ConditionResult {
  const num = (id: string) => {
    const f = figures.get(id);
    return typeof f?.value === 'number' ? f.value : undefined;
  };
  const yes = (id: string | undefined) => {
    const f = id ? figures.get(id) : undefined;
    return typeof f?.value === 'boolean' ? f.value : undefined;
  };
  /** The figures of these inputs that are there, with where they were read. */
  const used = (...ids: (string | undefined)[]): UsedFigure[] =>
    ids.flatMap((id) => {
      const f = id === undefined ? undefined : figures.get(id);
      return f ? [{ id: id!, value: f.value, sheet: f.sheet, cell: f.cell, name: f.name }] : [];
    });
  const fromYesNo = (v: boolean | undefined, id: string | undefined): ConditionResult | null =>
    v === undefined
      ? null
      : { condition: c, status: v ? 'met' : 'not_met', value: v, source: 'yesno', figures: used(id) };
  const none: ConditionResult = { condition: c, status: 'not_provided', value: null, source: null };

  switch (c.kind) {
    case 'yesno':
      return fromYesNo(yes(c.input), c.input) ?? none;
    case 'amount': {
      const v = num(c.input);
      return v === undefined
        ? none
        : {
            condition: c,
            status: atLeast(v, c.min) ? 'met' : 'not_met',
            value: v,
            source: 'ready',
            figures: used(c.input),
          };
    }
    case 'notBelow': {
      const [a, b] = [num(c.input), num(c.reference)];
      if (a !== undefined && b !== undefined)
        return {
          condition: c,
          status: atLeast(a, b) ? 'met' : 'not_met',
          value: a,
          reference: b,
          source: 'counts',
          figures: used(c.input, c.reference),
        };
      return fromYesNo(yes(c.orYesNo), c.orYesNo) ?? none;
    }
    case 'ratio': {
      const judge = (v: number): Status =>
        (c.min === undefined || atLeast(v, c.min)) && (c.below === undefined || roundTo(v, COMPARE_DECIMALS) < c.below)
          ? 'met'
          : 'not_met';
      const ready = num(c.ready);
      if (ready !== undefined)
        return { condition: c, status: judge(ready), value: ready, source: 'ready', figures: used(c.ready) };
      const terms = [...c.numerator, ...c.denominator];
      const values = terms.map((t) => num(t.input));
      if (terms.length > 0 && values.every((v) => v !== undefined)) {
        const sum = (ts: typeof c.numerator) => ts.reduce((s, t) => s + t.sign * num(t.input)!, 0);
        const [n, d] = [sum(c.numerator), sum(c.denominator)];
        const at = figures.get(c.numerator[0]!.input)!;
        const position = { sheet: at.sheet, cell: at.cell, column: at.name };
        if (d <= 0) {
          issues.push(
            makeIssue('COUNTS_INCONSISTENT', position, { what: `${c.label}的分母不大于0`, part: n, whole: d }),
          );
          return none;
        }
        if (c.share && n > d) {
          issues.push(
            makeIssue('COUNTS_INCONSISTENT', position, { what: `${c.label}的分子大于分母`, part: n, whole: d }),
          );
          return none;
        }
        return {
          condition: c,
          status: judge(n / d),
          value: n / d,
          source: 'counts',
          figures: used(...terms.map((t) => t.input)),
        };
      }
      return fromYesNo(yes(c.orYesNo), c.orYesNo) ?? none;
    }
  }
}

export function verdictOf(
  levels: Partial<Record<Level, LevelResult>>,
  checklist: readonly ChecklistResult[],
  countyFiguresGiven: boolean,
): Verdict {
  const levelResults = Object.values(levels);
  const of = (d: Exclude<Dimension, 'resources'>) =>
    combine(checklist.filter((c) => c.item.dimension === d).map((c) => c.status));
  const dimensions: Partial<Record<Dimension, Status>> = {
    resources: levelResults.length === 0 ? 'not_provided' : levelResults.every((l) => l.pass) ? 'met' : 'not_met',
  };
  for (const d of ['guarantee', 'quality', 'recognition'] as const)
    if (checklist.some((c) => c.item.dimension === d)) dimensions[d] = of(d);
  return { status: combine(Object.values(dimensions)), dimensions, countyFiguresGiven };
}
