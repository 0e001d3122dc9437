// Takes: one row's values (read by cell-values.ts), its school name, the record plan and the type its table gives.
// Gives: the school's record (type, ownership, students, resources by section, items), with its cells' issues; null when it cannot be one.
import { LEVEL_NAMES, TYPE_LEVELS, type SchoolRecord, type SchoolType } from '../../engine/types';
import { ALL_LEVELS, STUDENT_FIELD, type RecordPlan, type RowValues } from '../row-plan';
import { makeIssue } from '../../issues/catalogue';
import { parseEnum, type EnumSpec, type SchoolValueSpecs } from '../values';
import { structuralIssues } from './structure';

/**
 * What most rows have none of (per-section amounts, class and room counts): one frozen empty object
 * shared by them all, not two per school (a province has 260 000). Records are never changed in
 * place (mergeTeachingPoints copies what it adds to).
 */
const NO_SECTION_RESOURCES: SchoolRecord['sectionResources'] = Object.freeze({});
const NO_ITEMS: SchoolRecord['items'] = Object.freeze({});

/** The longest school name read (the longest real ones, with 中心校 and 教学点 in brackets, have about 40 characters). */
export const MAX_NAME_LENGTH = 100;

/** A name past MAX_NAME_LENGTH as messages name it: its first 20 characters. */
export const shortName = (name: string): string => (name.length > MAX_NAME_LENGTH ? `${name.slice(0, 20)}…` : name);

export function buildRecord(
  v: RowValues,
  name: string | undefined,
  plan: RecordPlan,
  specs: SchoolValueSpecs,
  typeOfRow: SchoolType | null,
): SchoolRecord | null {
  const county = v.text(plan.county) ?? null;
  v.school = name;
  v.county = county;
  if (!name) {
    v.fail('MISSING_VALUE', 'name', { hint: '（学校名称必填）' });
    return null;
  }
  // A name no school has (other text pasted into the cell): an error, named by its start, so no report or message carries it whole.
  if (name.length > MAX_NAME_LENGTH) {
    v.school = shortName(name);
    v.fail('NAME_TOO_LONG', 'name', { length: name.length, max: MAX_NAME_LENGTH });
    return null;
  }
  const typeText = v.text(plan.type);
  const type = typeText === undefined && typeOfRow ? typeOfRow : readEnum(v, 'type', typeText, specs.type);
  if (!type) {
    if (!typeText) v.fail('MISSING_VALUE', 'type', { hint: '（学校类型必填，用于确定学段）' });
    return null;
  }
  const ownership = readEnum(v, 'ownership', v.text(plan.ownership), specs.ownership) ?? '公办';
  const urbanRural = readEnum(v, 'urbanRural', v.text(plan.urbanRural), specs.urbanRural);

  const levels = TYPE_LEVELS[type];
  // Each record's values gathered by key index first, then made at once with the keys present (in their order).
  const { scratch } = plan;
  let studentsGiven = 0;
  ALL_LEVELS.forEach((level, i) => {
    const key = STUDENT_FIELD[level];
    const given = v.number(plan.studentsOf[level]);
    if (!levels.includes(level)) {
      if (given) v.fail('LEVEL_NOT_OFFERED', key, { type, level: LEVEL_NAMES[level], students: given });
      return;
    }
    const value = given ?? (levels.length === 1 ? v.number(plan.students) : undefined);
    if (value !== undefined) {
      scratch.students[i] = value;
      studentsGiven |= 1 << i;
    } else if (type !== '特殊教育学校')
      v.fail('MISSING_VALUE', v.cells[key] || levels.length > 1 ? key : 'students', {
        hint: levels.length > 1 ? `（${type}须分学段填写在校生数，用于拆分资源）` : '',
      });
  });
  const students: SchoolRecord['students'] = plan.records.students.make(scratch.students, studentsGiven);

  let resourcesGiven = 0;
  let sectionResources: SchoolRecord['sectionResources'] | undefined;
  plan.amounts.forEach(({ field, parts }, i) => {
    for (const { section, direct, sum } of parts) {
      const amount = amountOf(v, direct, sum, section ? `${section}:${field}` : field);
      if (amount === undefined) continue;
      // The whole-school column first; a one-level school's 小学部 / 初中部 column only when that is blank.
      if (section === null || (levels.length === 1 && levels[0] === section && !(resourcesGiven & (1 << i)))) {
        scratch.resources[i] = amount;
        resourcesGiven |= 1 << i;
      } else if (levels.length === 1 && levels[0] === section) continue;
      else ((sectionResources ??= {})[section] ??= {})[field] = amount;
    }
  });
  const resources: SchoolRecord['resources'] = plan.records.resources.make(scratch.resources, resourcesGiven);
  // A summed field with a blank part: its issues name that part's cell.
  for (const { field, whole, parts } of plan.summed) {
    if (v.number(whole) !== undefined) continue;
    const blankPart = parts.find((p) => p.slot >= 0 && v.number(p.slot) === undefined);
    if (blankPart) Object.defineProperty(v.cells, field, { value: v.cells[blankPart.key]!, enumerable: true });
  }

  let itemsGiven = 0;
  plan.items.forEach(({ slot }, i) => {
    if (v.has[slot] !== 1) return;
    scratch.items[i] = v.num[slot]!;
    itemsGiven |= 1 << i;
  });
  const items: SchoolRecord['items'] = itemsGiven ? plan.records.items.make(scratch.items, itemsGiven) : NO_ITEMS;
  const record: SchoolRecord = {
    name,
    county,
    type,
    ownership,
    students,
    resources,
    sectionResources: sectionResources ?? NO_SECTION_RESOURCES,
    items,
    source: { sheet: v.sheet, row: v.row, cells: v.cells },
  };
  const code = v.text(plan.code);
  if (code !== undefined) record.code = code;
  const group = v.text(plan.group);
  if (group !== undefined) record.group = group;
  if (urbanRural !== undefined) record.urbanRural = urbanRural;
  const parent = v.text(plan.parent);
  if (parent !== undefined) record.parent = parent;
  for (const issue of structuralIssues(record, v)) {
    v.push(issue);
    if (issue.severity === 'error') v.broken = true;
  }
  return record;
}

/** An enumerated cell (学校类型, 办学性质, 城乡分类): its value, or its error at the cell; a code read past (211小学) noted for the column. */
function readEnum<T>(v: RowValues, key: string, text: string | undefined, spec: EnumSpec<T>): T | undefined {
  const parsed = parseEnum(text, spec);
  if (!parsed.ok) {
    v.fail(parsed.code, key, parsed.params);
    return undefined;
  }
  if ('note' in parsed && parsed.note) v.noteCoded(key, parsed.note.code, parsed.note.params);
  return parsed.value;
}

/**
 * A resource of a row: its own column, or the sum of its parts (SUMMED: 体育 + 音乐 + 美术, 县级 + 市级 + …) when
 * each is filled. With both, the column is used once and checked against its parts: SUM_DISAGREES when they differ.
 */
function amountOf(v: RowValues, direct: number, parts: number[] | null, key: string): number | undefined {
  const value = v.number(direct);
  if (parts === null) return value;
  let sum = 0;
  const shown: number[] = [];
  for (const p of parts) {
    const n = v.number(p);
    if (n === undefined) return value;
    sum += n;
    shown.push(n);
  }
  if (value === undefined) return sum;
  if (Math.abs(sum - value) > 1e-9 * Math.max(1, Math.abs(value)))
    v.push(makeIssue('SUM_DISAGREES', v.at(key), { total: value, sum, parts: shown.join(' + ') }));
  return value;
}
