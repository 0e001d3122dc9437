// Takes: a plan row's 项目 text and the profile's wording of the school table.
// Gives: where that amount lives in a school record (students of a level, a resource, a class or room count) and its unit factor; or why not.
import type { Wording } from '../engine/checklist-rules';
import { RESOURCE_FIELDS, SCHOOL_ITEM_FIELDS, type Level } from '../engine/types';
import { SUMMED, UNITS, fieldLabel, type FieldDef } from '../schema/columns';
import { matchHeader, passesOf, splitUnit, type ColumnWording } from '../schema/header/field-match';
import { normaliseText } from '../schema/text';
import type { PlanField } from './types';

const STUDENT_LEVEL: Record<string, Level | 'senior' | null> = {
  studentsPrimary: 'primary',
  studentsJunior: 'junior',
  studentsSenior: 'senior',
  students: null,
};

/** A part added up into a whole column (体育专任教师数 → 体育艺术专任教师数): the whole it counts in. */
const WHOLE_OF: Record<string, string> = Object.fromEntries(
  Object.entries(SUMMED).flatMap(([whole, spec]) => spec.parts.map((p) => [p, whole])),
);

export type FieldRead = { ok: true; field: PlanField } | { ok: false; code: 'unknown' | 'text'; label?: string };

export function planField(text: string, wording: Pick<Wording, keyof ColumnWording>): FieldRead {
  const { keywords } = passesOf(wording);
  const m = matchHeader(text, keywords);
  if (!m) return { ok: false, code: 'unknown' };
  return fieldOf(m.field, m.section, unitFactor(m.field, m.unit ?? splitUnit(normaliseText(text)).unit));
}

function unitFactor(field: FieldDef, unit: string | null): number {
  if (unit === null) return 1;
  return UNITS[field.kind].units[unit] ?? 1;
}

function fieldOf(field: FieldDef, section: Level | null, factor: number): FieldRead {
  const id = field.id;
  if (id in STUDENT_LEVEL)
    return { ok: true, field: { target: { kind: 'students', level: STUDENT_LEVEL[id]! }, label: field.label, factor } };
  const whole = WHOLE_OF[id] ?? id;
  if ((RESOURCE_FIELDS as readonly string[]).includes(whole))
    return {
      ok: true,
      field: { target: { kind: 'resource', field: whole, section }, label: fieldLabel(whole), factor },
    };
  if ((SCHOOL_ITEM_FIELDS as readonly string[]).includes(id))
    return { ok: true, field: { target: { kind: 'item', field: id }, label: field.label, factor } };
  return { ok: false, code: 'text', label: field.label };
}
