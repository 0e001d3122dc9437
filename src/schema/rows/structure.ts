// Takes: one school's record and its row's cells.
// Gives: the checks across its cells: resources without students, per-section columns given for some sections only, teachers above students.
import { append } from '../../common/lookup';
import {
  LEVEL_NAMES,
  LEVELS,
  RESOURCE_FIELDS,
  TYPE_LEVELS,
  type Level,
  type ResourceField,
  type SchoolRecord,
} from '../../engine/types';
import { makeIssue, type Issue } from '../../issues/catalogue';
import { fieldLabel } from '../columns';
import { STUDENT_FIELD, type RowValues } from '../row-plan';

/** The resource fields with an amount above 0. */
function positive(rs: Partial<Record<ResourceField, number>> | undefined): ResourceField[] {
  const out: ResourceField[] = [];
  for (const f in rs) if ((rs[f as ResourceField] ?? 0) > 0) out.push(f as ResourceField);
  return out;
}

/** Checks across the cells of one school: sections, students against resources, teachers against students. */
export function structuralIssues(school: SchoolRecord, row: RowValues): Issue[] {
  const issues: Issue[] = [];
  const levels = TYPE_LEVELS[school.type];
  let total = 0;
  for (const l of levels) total += school.students[l] ?? 0;

  if (levels.length === 1) {
    if (total === 0 && school.students[levels[0]!] !== undefined) {
      const withValues = positive(school.resources);
      if (withValues.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', row.at(STUDENT_FIELD[levels[0]!]), {
            level: LEVEL_NAMES[levels[0]!],
            fields: withValues.map(fieldLabel).join('、'),
          }),
        );
    }
  } else {
    for (const level of LEVELS) {
      if (!levels.includes(level) || school.students[level] !== 0) continue;
      const given = positive(school.sectionResources[level]);
      if (given.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', row.at(STUDENT_FIELD[level]), {
            level: `${LEVEL_NAMES[level]}部`,
            fields: given.map((f) => `${LEVEL_NAMES[level]}部${fieldLabel(f)}`).join('、'),
          }),
        );
    }
    const allStudentsKnown = levels.every((l) => school.students[l] !== undefined);
    if (allStudentsKnown && total === 0) {
      const whole = positive(school.resources);
      if (whole.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', row.at(STUDENT_FIELD[levels[0]!]), {
            level: '全校',
            fields: whole.map(fieldLabel).join('、'),
          }),
        );
    }
    append(issues, incompleteSections(school, row));
  }

  const teachers = school.resources.teachers ?? school.resources.qualifiedTeachers;
  if (teachers !== undefined && total > 0 && teachers > total) {
    const key = school.resources.teachers !== undefined ? 'teachers' : 'qualifiedTeachers';
    issues.push(
      makeIssue('TEACHERS_EXCEED_STUDENTS', row.at(key), { teachersLabel: fieldLabel(key), teachers, students: total }),
    );
  }
  return issues;
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** Per-section columns must be given for every compulsory section that has students, or for none. */
function incompleteSections(school: SchoolRecord, row: RowValues): readonly Issue[] {
  // Most schools have no 小学部 / 初中部 column: nothing to compare (no list made for them; a province has 30 000 such schools).
  if (school.sectionResources.primary === undefined && school.sectionResources.junior === undefined) return NO_ISSUES;
  const sections = (['primary', 'junior'] as Level[]).filter(
    (l) => TYPE_LEVELS[school.type].includes(l) && (school.students[l] ?? 0) > 0,
  );
  const issues: Issue[] = [];
  for (const field of RESOURCE_FIELDS) {
    const given = sections.filter((l) => school.sectionResources[l]?.[field] !== undefined);
    const missing = sections.filter((l) => !given.includes(l));
    if (given.length === 0 || missing.length === 0) continue;
    const label = (l: Level) => `${LEVEL_NAMES[l]}部${fieldLabel(field)}`;
    issues.push(
      makeIssue('SECTION_VALUES_INCOMPLETE', row.at(`${missing[0]}:${field}`), {
        given: given.map(label).join('、'),
        missing: missing.map(label).join('、'),
      }),
    );
  }
  return issues;
}
