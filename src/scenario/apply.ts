// Takes: the input's school records, one alternative's change rows, the plan's new schools, the profile's wording.
// Gives: the records as the alternative leaves them (new objects; the input's are never changed) and the rows' errors at their cells.
import type { Profile } from '../engine/profile';
import { sectionSchool } from '../engine/sections';
import {
  LEVEL_NAMES,
  TYPE_LEVELS,
  type AnyLevel,
  type Level,
  type ResourceField,
  type SchoolItemField,
  type SchoolRecord,
  type SchoolType,
} from '../engine/types';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../issues/catalogue';
import { normaliseText } from '../schema/text';
import { parseEnum, schoolValueSpecs } from '../schema/values';
import { planField } from './fields';
import type { Change, PlanColumn, PlanField, ScenarioPlan } from './types';

/** What moves with a school closed into another (撤并): its teachers and movable equipment. Buildings, grounds and rooms stay. */
export const MOVED_ON_CLOSING: readonly ResourceField[] = [
  'qualifiedTeachers',
  'backboneTeachers',
  'peArtsTeachers',
  'teachers',
  'midTitleTeachers',
  'equipmentValue',
  'computers',
  'books',
];
/** Its classes go with its pupils; the largest class is the larger of the two. */
const CLASS_ITEMS: readonly SchoolItemField[] = ['classes', 'classesPrimary', 'classesJunior', 'oversizeClasses'];

export interface Applied {
  records: SchoolRecord[];
  issues: Issue[];
}

class RowError extends Error {
  constructor(
    readonly code: IssueCode,
    readonly column: PlanColumn,
    readonly params: IssueParams,
  ) {
    super(code);
  }
}

/** Undefined only when both are: a figure one of them does not give is taken as 0 beside the other's. */
const sum = (a: number | undefined, b: number | undefined) =>
  a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);

/** A record whose parts can be changed without touching the one it is copied from. */
const copyOf = (r: SchoolRecord): SchoolRecord => ({
  ...r,
  students: { ...r.students },
  resources: { ...r.resources },
  sectionResources: Object.fromEntries(Object.entries(r.sectionResources).map(([l, v]) => [l, { ...v }])),
  items: { ...r.items },
});

const TYPE_BY_LEVELS: Record<string, SchoolType> = {
  primary: '小学',
  junior: '初中',
  'primary,junior': '九年一贯制',
  'primary,junior,senior': '十二年一贯制',
  'primary,senior': '十二年一贯制',
  'junior,senior': '完全中学',
};

const num = (x: number) => String(Math.round(x * 100) / 100);

/** The alternative's records: every row applied in order, from the input's. */
export function applyAlternative(
  input: readonly SchoolRecord[],
  changes: readonly Change[],
  plan: Pick<ScenarioPlan, 'newSchools'>,
  profile: Profile,
): Applied {
  const state = new Scenario(input, plan, profile);
  const issues: Issue[] = [];
  for (const change of changes) {
    try {
      state.apply(change);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      const cell = change.cells[e.column] ?? change.cells.操作;
      issues.push(
        makeIssue(
          e.code,
          { sheet: change.sheet, row: change.row, ...(cell ? { cell } : {}), column: e.column, school: change.school },
          e.params,
        ),
      );
    }
  }
  return { records: state.records(), issues };
}

class Scenario {
  private readonly schools: SchoolRecord[];
  private readonly copied = new Set<SchoolRecord>();
  private readonly closed = new Map<string, { row: number; into: string }>();

  constructor(
    input: readonly SchoolRecord[],
    private readonly plan: Pick<ScenarioPlan, 'newSchools'>,
    private readonly profile: Profile,
  ) {
    this.schools = [...input];
  }

  records(): SchoolRecord[] {
    return [...this.schools];
  }

  apply(c: Change): void {
    switch (c.operation) {
      case '撤并':
        return this.close(c);
      case '合并':
        return this.merge(c);
      case '划转学生':
        return this.moveStudents(c);
      case '调配':
        return this.transfer(c);
      case '新增':
        return this.add(c);
      case '新建学校':
        return this.build(c);
      case '调整学区': {
        const a = this.edit(this.find(c.school, '学校', c));
        a.group = c.target!;
        return;
      }
      case '调整类型':
        return this.retype(c);
    }
  }

  /** A school by its name or a unique start of it, among the schools the alternative has so far. */
  private find(name: string, column: PlanColumn, c: Change): number {
    const key = normaliseText(name);
    const exact = this.schools.findIndex((s) => normaliseText(s.name) === key);
    if (exact >= 0) return exact;
    const gone = [...this.closed].find(([n]) => normaliseText(n) === key);
    if (gone)
      throw new RowError('SCENARIO_SCHOOL_CLOSED', column, {
        name: gone[0],
        where: `第 ${gone[1].row} 行`,
        into: gone[1].into,
        operation: c.operation,
      });
    const starts = this.schools.flatMap((s, i) => (normaliseText(s.name).startsWith(key) ? [i] : []));
    if (starts.length === 1) return starts[0]!;
    if (starts.length > 1)
      throw new RowError('SCENARIO_AMBIGUOUS_SCHOOL', column, {
        name,
        candidates: starts
          .slice(0, 5)
          .map((i) => this.schools[i]!.name)
          .join('、'),
      });
    const built = this.plan.newSchools.some((s) => normaliseText(s.name) === key);
    throw new RowError('SCENARIO_UNKNOWN_SCHOOL', column, {
      name,
      hint: built ? '（它在“新建学校”表中：请先在本方案中用“新建学校”建成它）' : '（请按学校数据表中的名称填写）',
    });
  }

  /** The school at i, copied once so that it can be changed. */
  private edit(i: number): SchoolRecord {
    const s = this.schools[i]!;
    if (this.copied.has(s)) return s;
    const copy = copyOf(s);
    this.copied.add(copy);
    this.schools[i] = copy;
    return copy;
  }

  private pair(c: Change): [number, number] {
    const a = this.find(c.school, '学校', c);
    const b = this.find(targetName(c), '目标学校', c);
    if (a === b) throw new RowError('SCENARIO_BAD_VALUE', '目标学校', { text: c.target!, why: '与“学校”是同一所学校' });
    return [a, b];
  }

  private requireTaught(b: SchoolRecord, level: AnyLevel, hint = '；如该校改为九年一贯制等，请先用“调整类型”') {
    if (!TYPE_LEVELS[b.type].includes(level))
      throw new RowError('SCENARIO_LEVEL_NOT_TAUGHT', '目标学校', {
        target: b.name,
        type: b.type,
        level: LEVEL_NAMES[level],
        hint,
      });
  }

  /** 撤并 A → B: pupils, teachers, equipment and classes join B; buildings, grounds and rooms stay; A is gone. */
  private close(c: Change) {
    const [ai, bi] = this.pair(c);
    const a = this.schools[ai]!;
    for (const [level, n] of Object.entries(a.students) as [AnyLevel, number][])
      if (n > 0) this.requireTaught(this.schools[bi]!, level);
    const b = this.edit(bi);
    for (const [level, n] of Object.entries(a.students) as [AnyLevel, number][])
      b.students[level] = sum(b.students[level], n);
    for (const f of MOVED_ON_CLOSING) joinResource(a, b, f);
    for (const f of CLASS_ITEMS) b.items[f] = sum(b.items[f], a.items[f]);
    if (a.items.maxClassSize !== undefined)
      b.items.maxClassSize = Math.max(b.items.maxClassSize ?? 0, a.items.maxClassSize);
    this.remove(ai, c, b.name);
  }

  /** 合并 A + B → B (or B→新名称): everything summed; the type follows the levels. */
  private merge(c: Change) {
    const [ai, bi] = this.pair(c);
    const a = this.schools[ai]!;
    const rename = newName(c);
    if (rename !== null && this.schools.some((s, i) => i !== bi && normaliseText(s.name) === normaliseText(rename)))
      throw new RowError('SCENARIO_BAD_VALUE', '目标学校', { text: rename, why: '已是另一所学校的名称' });
    const b = this.edit(bi);
    for (const [level, n] of Object.entries(a.students) as [AnyLevel, number][])
      b.students[level] = sum(b.students[level], n);
    const fields = new Set([...Object.keys(a.resources), ...Object.keys(b.resources)]) as Set<ResourceField>;
    const levels = [...new Set([...TYPE_LEVELS[a.type], ...TYPE_LEVELS[b.type]])];
    const type =
      a.type === b.type || b.type === '特殊教育学校'
        ? b.type
        : (TYPE_BY_LEVELS[(['primary', 'junior', 'senior'] as const).filter((l) => levels.includes(l)).join(',')] ??
          b.type);
    for (const f of fields) joinResource(a, b, f);
    for (const f of Object.keys(a.items) as SchoolItemField[])
      b.items[f] = f === 'maxClassSize' ? Math.max(a.items[f] ?? 0, b.items[f] ?? 0) : sum(a.items[f], b.items[f]);
    b.type = type;
    if (rename !== null) b.name = rename;
    this.remove(ai, c, b.name);
  }

  private remove(i: number, c: Change, into: string) {
    this.closed.set(this.schools[i]!.name, { row: c.row, into });
    this.schools.splice(i, 1);
  }

  /** 划转学生 A → B: that many pupils of that level; nothing else moves. */
  private moveStudents(c: Change) {
    const [ai, bi] = this.pair(c);
    const level = c.level!;
    this.moveAmount(
      ai,
      bi,
      { target: { kind: 'students', level }, label: `${LEVEL_NAMES[level]}在校生数`, factor: 1 },
      c,
    );
  }

  /** 调配 A → B: that much of the field moves. */
  private transfer(c: Change) {
    const [ai, bi] = this.pair(c);
    this.moveAmount(ai, bi, this.field(c), c);
  }

  private moveAmount(ai: number, bi: number, field: PlanField, c: Change) {
    const n = c.amount! * field.factor;
    if (field.target.kind === 'students') {
      const level = this.studentLevel(this.schools[ai]!, field, c);
      this.requireTaught(this.schools[bi]!, level);
      const a = this.schools[ai]!;
      const has = a.students[level] ?? 0;
      if (n > has + 1e-9) throw more(a, `${LEVEL_NAMES[level]}在校生数`, has, '转出', n);
      this.edit(ai).students[level] = has - n;
      const b = this.edit(bi);
      b.students[level] = (b.students[level] ?? 0) + n;
      return;
    }
    this.change(ai, field, -n, c, '调出');
    this.change(bi, field, n, c, '调入');
  }

  /** 新增 A: A's field grows (a negative amount takes away, not below nothing). */
  private add(c: Change) {
    const i = this.find(c.school, '学校', c);
    const field = this.field(c);
    const n = c.amount! * field.factor;
    if (field.target.kind === 'students') {
      const level = this.studentLevel(this.schools[i]!, field, c);
      const s = this.schools[i]!;
      if (n > 0) this.requireTaught(s, level, '');
      const has = s.students[level] ?? 0;
      if (has + n < -1e-9) throw more(s, `${LEVEL_NAMES[level]}在校生数`, has, '减少', -n);
      this.edit(i).students[level] = has + n;
      return;
    }
    this.change(i, field, n, c, n < 0 ? '减少' : '增加');
  }

  /** A resource or class / room count of school i changed by n (in the record's unit). */
  private change(i: number, field: PlanField, n: number, c: Change, verb: string) {
    const s = this.schools[i]!;
    const t = field.target;
    if (t.kind === 'item') {
      const f = t.field as SchoolItemField;
      const has = s.items[f] ?? 0;
      if (has + n < -1e-9) throw more(s, field.label, has, verb, -n);
      const e = this.edit(i);
      e.items[f] = f === 'maxClassSize' && n > 0 && verb === '调入' ? Math.max(has, n) : has + n;
      return;
    }
    if (t.kind !== 'resource') return;
    const f = t.field as ResourceField;
    const level = t.section ?? c.level;
    const given = (Object.keys(s.sectionResources) as Level[]).filter((l) => s.sectionResources[l]?.[f] !== undefined);
    if (given.length > 0 && level === null)
      throw new RowError('SCENARIO_LEVEL_NEEDED', '学段', {
        school: s.name,
        field: field.label,
        levels: given.map((l) => LEVEL_NAMES[l]).join('或'),
      });
    // A 学段 named on a school whose field is split between its sections: its sections are written out as they are
    // now (as 小学部 / 初中部 columns would give them), so that the amount goes to that 学段 alone.
    if (given.length === 0 && level !== null) this.writeSections(i, f);
    const whole = s.resources[f] ?? 0;
    const part = level !== null ? this.schools[i]!.sectionResources[level]?.[f] : undefined;
    const has = part ?? whole;
    if (has + n < -1e-9)
      throw more(s, part !== undefined ? `${LEVEL_NAMES[level!]}部${field.label}` : field.label, has, verb, -n);
    const e = this.edit(i);
    e.resources[f] = whole + n;
    if (part !== undefined) e.sectionResources[level!]![f] = part + n;
  }

  private writeSections(i: number, f: ResourceField) {
    const split = sectionSchool(this.schools[i]!, this.profile);
    // A 完全中学 has one compulsory section beside its 高中: its junior share is written out too.
    if (!('sections' in split) || TYPE_LEVELS[this.schools[i]!.type].length < 2) return;
    const e = this.edit(i);
    for (const section of split.sections) {
      const amount = section.amounts[f];
      if (amount === undefined) return;
      e.sectionResources[section.level] = { ...e.sectionResources[section.level], [f]: amount };
    }
  }

  private studentLevel(s: SchoolRecord, field: PlanField, c: Change): AnyLevel {
    const t = field.target;
    const level = (t.kind === 'students' ? t.level : null) ?? c.level;
    if (level) return level;
    const taught = (Object.keys(s.students) as AnyLevel[]).filter((l) => (s.students[l] ?? 0) > 0);
    if (taught.length === 1) return taught[0]!;
    throw new RowError('SCENARIO_LEVEL_NEEDED', '学段', {
      school: s.name,
      field: field.label,
      levels: TYPE_LEVELS[s.type].map((l) => LEVEL_NAMES[l]).join('或'),
    });
  }

  private field(c: Change): PlanField {
    const read = planField(c.item!, this.profile.wording);
    if (read.ok) return read.field;
    if (read.code === 'text')
      throw new RowError('SCENARIO_FIELD_NOT_AMOUNT', '项目', {
        text: c.item!,
        field: read.label ?? '',
        hint: '：学区、学校类型请用“调整学区”“调整类型”',
      });
    throw new RowError('SCENARIO_UNKNOWN_FIELD', '项目', { text: c.item!, hint: '' });
  }

  /** 新建学校: the school of that name on the 新建学校 sheet joins the county. */
  private build(c: Change) {
    const key = normaliseText(c.school);
    const given = this.plan.newSchools.find((s) => normaliseText(s.name) === key);
    if (!given)
      throw new RowError('SCENARIO_NEW_SCHOOL', '学校', {
        reason: `“新建学校”表中没有“${c.school}”：新学校的各项数据请填在该表（列与学校数据表相同）`,
      });
    if (this.schools.some((s) => normaliseText(s.name) === key) || this.closed.has(given.name))
      throw new RowError('SCENARIO_NEW_SCHOOL', '学校', { reason: `学校数据中已有“${c.school}”，新建学校请另起名称` });
    const counties = [...new Set(this.schools.map((s) => s.county))];
    let county = given.county;
    if (county === null && counties.length === 1) county = counties[0]!;
    if (county === null && counties.some((x) => x !== null))
      throw new RowError('SCENARIO_NEW_SCHOOL', '学校', {
        reason: `“${c.school}”属于哪个区县？学校数据有 ${counties.filter((x) => x !== null).join('、')}：请在“新建学校”表的“区县”列填写`,
      });
    const school = { ...copyOf(given), county };
    this.copied.add(school);
    this.schools.push(school);
  }

  /** 调整类型: the school's type (and so its levels) becomes the one named. */
  private retype(c: Change) {
    const i = this.find(c.school, '学校', c);
    const parsed = parseEnum(c.target!, schoolValueSpecs(this.profile.wording.schoolValues).type);
    if (!parsed.ok || parsed.value === undefined)
      throw new RowError('SCENARIO_BAD_VALUE', '目标学校', {
        text: c.target!,
        why: `不是学校类型（可用：${schoolValueSpecs(this.profile.wording.schoolValues).type.allowed}）`,
      });
    const s = this.schools[i]!;
    const type = parsed.value;
    const left = (Object.keys(s.students) as AnyLevel[]).find(
      (l) => (s.students[l] ?? 0) > 0 && !TYPE_LEVELS[type].includes(l),
    );
    if (left)
      throw new RowError('SCENARIO_BAD_VALUE', '目标学校', {
        text: c.target!,
        why: `：改为${type}后没有${LEVEL_NAMES[left]}学段，但该校仍有${LEVEL_NAMES[left]}学生 ${num(s.students[left]!)} 人：请先用“划转学生”转出`,
      });
    this.edit(i).type = type;
  }
}

/** 目标学校 of a 合并 may give the merged school a new name: “东河镇中心小学→东河镇九年一贯制学校”. */
const ARROW = /\s*(?:→|->|=>|＝>|=)\s*/;
/** A 合并's 目标学校 read: the school merged into, and the new name if one is given. */
export function mergeNames(target: string): { into: string; renamed: string | null } {
  const parts = target.split(ARROW);
  return { into: parts[0]!, renamed: parts.length > 1 && parts[1]!.trim() ? parts[1]!.trim() : null };
}
const targetName = (c: Change) => (c.operation === '合并' ? mergeNames(c.target!).into : c.target!);
const newName = (c: Change) => mergeNames(c.target!).renamed;

const more = (s: SchoolRecord, field: string, has: number, verb: string, n: number) =>
  new RowError('SCENARIO_MORE_THAN_HAS', '数量', { school: s.name, field, has: num(has), verb, amount: num(n) });

/**
 * A's amount of a resource added to B's: to the whole, and, where B gives that field per section,
 * to B's section of each level A's amount is of (A's own section figure, else its whole when it has
 * one level, else its whole shared by its pupils).
 */
function joinResource(a: SchoolRecord, b: SchoolRecord, f: ResourceField) {
  const amount = a.resources[f];
  if (amount === undefined && b.resources[f] === undefined) return;
  b.resources[f] = sum(b.resources[f], amount);
  for (const level of Object.keys(b.sectionResources) as Level[]) {
    const given = b.sectionResources[level];
    if (given?.[f] === undefined) continue;
    given[f] = given[f] + levelAmount(a, level, f);
  }
}

function levelAmount(s: SchoolRecord, level: Level, f: ResourceField): number {
  const own = s.sectionResources[level]?.[f];
  if (own !== undefined) return own;
  const whole = s.resources[f] ?? 0;
  const levels = TYPE_LEVELS[s.type].filter((l) => l !== 'senior');
  if (levels.length === 1) return levels[0] === level ? whole : 0;
  const total = levels.reduce((t, l) => t + (s.students[l] ?? 0), 0);
  return total > 0 ? (whole * (s.students[level] ?? 0)) / total : 0;
}
