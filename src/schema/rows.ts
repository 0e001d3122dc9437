/** Data rows → typed school records, with an issue for every cell that cannot be trusted. */
import { append } from '../common/lookup';
import { z } from 'zod';
import {
  LEVEL_NAMES,
  RESOURCE_FIELDS,
  SCHOOL_ITEM_FIELDS,
  TYPE_LEVELS,
  type AnyLevel,
  type CellRef,
  type Level,
  type ResourceField,
  type SchoolRecord,
} from '../engine/types';
import { makeIssue, type Issue, type IssueCode, type IssueParams, type Position } from '../issues/catalogue';
import { a1, type CellValue, type Sheet } from '../read/types';
import { fieldLabel, type FieldKind } from './columns';
import { isColumnNumberRow, normaliseText, type ColumnMatch } from './header';
import { cellText, OWNERSHIP, parseEnum, parseNumber, SCHOOL_TYPE, URBAN_RURAL, type Parsed } from './values';

/** zod checks for a number read from a cell; failures map to catalogue codes. */
const NUMBER_SCHEMAS: Record<Exclude<FieldKind, 'text'>, z.ZodNumber> = {
  count: z.number().nonnegative().int(),
  area: z.number().nonnegative(),
  money: z.number().nonnegative(),
  number: z.number().nonnegative(),
};

function zodIssueCode(error: z.ZodError): IssueCode {
  return error.issues.some((i) => i.code === 'too_small') ? 'NEGATIVE_VALUE' : 'NOT_INTEGER';
}

const TOTAL_ROW = /合计|总计|小计/;
const NOTE_ROW = /^(填表|填报|制表|审核|负责人|单位负责人|说明|注[:：]|注\d|备注|数据来源|联系电话|日期|栏次$)/;

const STUDENT_FIELD: Record<AnyLevel, string> = {
  primary: 'studentsPrimary',
  junior: 'studentsJunior',
  senior: 'studentsSenior',
};

const PE_ARTS_PARTS = ['peTeachers', 'musicTeachers', 'artTeachers'] as const;

/** The first text of a row's cells. */
const firstText = (cells: readonly (CellValue | undefined)[]) => {
  for (const c of cells) {
    const t = cellText(c);
    if (t) return t;
  }
  return '';
};

const KEYS = new WeakMap<ColumnMatch, string>();
/** A column's field key (`primary:field` for a 小学部 column), made once per column. */
const keyOf = (c: ColumnMatch) => {
  let key = KEYS.get(c);
  if (key === undefined) KEYS.set(c, (key = c.section ? `${c.section}:${c.field.id}` : c.field.id));
  return key;
};

/** One data row, read: its numbers, texts and where each came from. */
interface RowValues {
  row: number;
  numbers: Map<string, number>;
  texts: Map<string, string>;
  cells: Record<string, CellRef>;
  /** Whether some cell of this row could not be read (the row is then not computed). */
  broken: boolean;
  /** Cells that already have an error: one error per cell, the first and most specific. */
  failed: Set<string>;
}

export interface RowsResult {
  /** Rows that read without errors. */
  records: SchoolRecord[];
  issues: Issue[];
}

/**
 * A row's cell positions by field key, made when asked: the object has only its row number, and
 * a getter per column on a prototype shared by the sheet's rows (a province has millions of cells).
 */
const ROW = Symbol('row');
function cellTable(columns: readonly ColumnMatch[]): (row: number) => Record<string, CellRef> {
  const proto: Record<string, CellRef> = {};
  for (const column of columns) {
    const letters = a1(0, column.col).replace(/\d+$/, '');
    Object.defineProperty(proto, keyOf(column), {
      get(this: { [ROW]: number }) {
        return { cell: `${letters}${this[ROW]}`, column: column.header, unitFactor: column.unitFactor };
      },
      enumerable: true,
    });
  }
  return (row) => Object.assign(Object.create(proto) as Record<string, CellRef>, { [ROW]: row });
}

/** A passing zod check without calling zod (a province has millions of numbers); zod decides the issue when one fails. */
const PLAIN_OK: Record<Exclude<FieldKind, 'text'>, (n: number) => boolean> = {
  count: (n) => n >= 0 && Number.isInteger(n),
  area: (n) => n >= 0,
  money: (n) => n >= 0,
  number: (n) => n >= 0,
};

export function readRows(
  sheet: Sheet,
  columns: readonly ColumnMatch[],
  dataStart: number,
  plainTextIsNormal: boolean,
  onRows?: (rows: number) => void,
): RowsResult {
  const issues: Issue[] = [];
  const cellsOf = cellTable(columns);
  const amounts = amountPlan(columns);
  const records: SchoolRecord[] = [];
  const nameCol = columns.find((c) => c.field.id === 'name')!;
  const countyCol = columns.find((c) => c.field.id === 'county');
  const firstSeen = new Map<string, string>();
  let stray = 0;
  let firstStray = '';

  for (let r = dataStart; r < sheet.rowCount; r++) {
    if (onRows && (r - dataStart) % 1000 === 999) onRows(r - dataStart + 1);
    const cells = sheet.row(r);
    if (!cells.some((c) => c !== undefined)) continue;
    const name = cellText(cells[nameCol.col]);
    let texts: string[] | null = null;
    /** The row's texts, made only for the rows that need them (a province has 100 000 school rows). */
    const allTexts = () => (texts ??= cells.map((c) => cellText(c)).filter((t): t is string => !!t));
    const leadText = name ?? allTexts()[0];
    const lead = normaliseText(leadText ?? '');
    const where: Position = { sheet: sheet.name, row: r + 1 };
    if (TOTAL_ROW.test(lead)) {
      issues.push(makeIssue('ROW_SKIPPED_TOTAL', where, { text: leadText ?? '' }));
      continue;
    }
    // A column-number row starts with 甲 (a short first text); only such rows need all their texts.
    const numbersRow = () => firstText(cells).length <= 4 && isColumnNumberRow(allTexts());
    if (NOTE_ROW.test(lead) || numbersRow() || (!name && allTexts().length === 1 && NOTE_ROW.test(normaliseText(allTexts()[0]!)))) {
      issues.push(makeIssue('ROW_SKIPPED_NOTE', where, { text: (leadText ?? '').slice(0, 40) }));
      continue;
    }
    // Nothing in any column of the table: a stray cell, not a school (a million such rows are one note).
    if (!columns.some((c) => cells[c.col] !== undefined)) {
      if (stray++ === 0) firstStray = a1(r, cells.findIndex((c) => c !== undefined));
      continue;
    }
    const county = countyCol ? cellText(cells[countyCol.col]) : undefined;
    const values = readRowValues(sheet, columns, r, name, county, plainTextIsNormal, issues, cellsOf(r + 1));
    const record = buildRecord(sheet, values, name, issues, amounts);
    if (!record) continue;
    const key = `${record.county ?? ''}\u0000${record.name}`;
    const first = firstSeen.get(key);
    if (first) {
      issues.push(
        makeIssue('DUPLICATE_SCHOOL', { ...where, cell: values.cells.name!.cell, column: nameCol.header, school: record.name, county: record.county }, { firstCell: first }),
      );
      continue;
    }
    firstSeen.set(key, `${sheet.name}!${values.cells.name!.cell}`);
    if (!values.broken) records.push(record);
  }
  if (stray) issues.push(makeIssue('CELLS_OUTSIDE_TABLE', { sheet: sheet.name, cell: firstStray }, { count: stray, first: firstStray }));
  return { records, issues };
}

function readRowValues(
  sheet: Sheet,
  columns: readonly ColumnMatch[],
  r: number,
  school: string | undefined,
  county: string | undefined,
  plainTextIsNormal: boolean,
  issues: Issue[],
  cells: Record<string, CellRef>,
): RowValues {
  const values: RowValues = { row: r + 1, numbers: new Map(), texts: new Map(), cells, broken: false, failed: new Set() };
  const row = sheet.row(r);
  /** An issue at this row's cell of `column` (one function per row, not one per cell). */
  const report = (column: ColumnMatch, code: IssueCode, params: IssueParams) => {
    const cell = a1(r, column.col);
    const pos: Position = { sheet: sheet.name, cell, column: column.header, field: column.field.id, ...(school ? { school } : {}), ...(county ? { county } : {}) };
    const issue = makeIssue(code, pos, params);
    if (issue.severity === 'error') values.failed.add(cell);
    issues.push(issue);
  };
  for (const column of columns) {
    const key = keyOf(column);
    const raw = row[column.col];
    if (column.field.kind === 'text') {
      const text = cellText(raw);
      if (text !== undefined) values.texts.set(key, text);
      continue;
    }
    // A number cell (nearly every cell of a province): no parse object.
    if (raw?.kind === 'number') {
      const value = raw.value * column.unitFactor;
      if (PLAIN_OK[column.field.kind](value)) {
        values.numbers.set(key, value);
        continue;
      }
    }
    const parsed = parseNumber(raw, plainTextIsNormal);
    if (!parsed.ok) {
      report(column, parsed.code, parsed.params);
      values.broken = true;
      continue;
    }
    if (parsed.value === undefined) continue;
    if ('note' in parsed && parsed.note) report(column, parsed.note.code, parsed.note.params);
    const value = parsed.value * column.unitFactor;
    if (!PLAIN_OK[column.field.kind](value)) {
      const check = NUMBER_SCHEMAS[column.field.kind].safeParse(value);
      if (!check.success) {
        report(column, zodIssueCode(check.error), { value });
        values.broken = true;
        continue;
      }
    }
    values.numbers.set(key, value);
  }
  return values;
}

/** For each resource field, the parts (whole school, 小学部, 初中部) the sheet's columns can give: the only ones a row is asked for. */
type AmountPlan = { field: ResourceField; sections: (Level | null)[] }[];
function amountPlan(columns: readonly ColumnMatch[]): AmountPlan {
  const has = new Set(columns.map(keyOf));
  return RESOURCE_FIELDS.map((field) => ({
    field,
    sections: ([null, 'primary', 'junior'] as const).filter((section) => {
      const keys = SECTION_KEYS[section ?? 'whole'];
      return has.has(keys[field]!) || (field === 'peArtsTeachers' && PE_ARTS_PARTS.every((p) => has.has(keys[p]!)));
    }),
  })).filter((p) => p.sections.length > 0);
}

function buildRecord(sheet: Sheet, v: RowValues, name: string | undefined, issues: Issue[], plan: AmountPlan): SchoolRecord | null {
  const county = v.texts.get('county') ?? null;
  const base: Position = { sheet: sheet.name, ...(name ? { school: name } : {}), ...(county ? { county } : {}) };
  const at = (key: string): Position => {
    const ref = v.cells[key];
    const field = key.replace(/^(primary|junior):/, '');
    return ref ? { ...base, cell: ref.cell, column: ref.column, field } : { ...base, row: v.row, column: fieldLabel(key), field };
  };
  const fail = (code: IssueCode, key: string, params: IssueParams = {}) => {
    push(makeIssue(code, at(key), params));
    v.broken = true;
  };
  const push = (issue: Issue) => {
    if (issue.severity === 'error' && issue.cell) {
      if (v.failed.has(issue.cell)) return;
      v.failed.add(issue.cell);
    }
    issues.push(issue);
  };
  if (!name) {
    fail('MISSING_VALUE', 'name', { hint: '（学校名称必填）' });
    return null;
  }
  const enumOf = <T>(key: string, parsed: Parsed<T>): T | undefined => {
    if (!parsed.ok) {
      fail(parsed.code, key, parsed.params);
      return undefined;
    }
    return parsed.value;
  };
  const type = enumOf('type', parseEnum(v.texts.get('type'), SCHOOL_TYPE));
  if (!type) {
    if (!v.texts.get('type')) fail('MISSING_VALUE', 'type', { hint: '（学校类型必填，用于确定学段）' });
    return null;
  }
  const ownership = enumOf('ownership', parseEnum(v.texts.get('ownership'), OWNERSHIP)) ?? '公办';
  const urbanRural = enumOf('urbanRural', parseEnum(v.texts.get('urbanRural'), URBAN_RURAL));

  const levels = TYPE_LEVELS[type];
  const students: Partial<Record<AnyLevel, number>> = {};
  for (const level of ['primary', 'junior', 'senior'] as AnyLevel[]) {
    const key = STUDENT_FIELD[level];
    const given = v.numbers.get(key);
    if (!levels.includes(level)) {
      if (given) fail('LEVEL_NOT_OFFERED', key, { type, level: LEVEL_NAMES[level], students: given });
      continue;
    }
    const value = given ?? (levels.length === 1 ? v.numbers.get('students') : undefined);
    if (value !== undefined) students[level] = value;
    else if (type !== '特殊教育学校')
      fail('MISSING_VALUE', v.cells[key] || levels.length > 1 ? key : 'students', {
        hint: levels.length > 1 ? `（${type}须分学段填写在校生数，用于拆分资源）` : '',
      });
  }

  const resources: SchoolRecord['resources'] = {};
  const sectionResources: SchoolRecord['sectionResources'] = {};
  const sectionOf = (level: Level) => (sectionResources[level] ??= {});
  for (const { field, sections } of plan)
    for (const section of sections) {
      const amount = amountOf(v, field, section);
      if (amount === undefined) continue;
      if (section === null) resources[field] = amount;
      else if (levels.length === 1 && levels[0] === section) resources[field] ??= amount;
      else sectionOf(section)[field] = amount;
    }
  if (v.numbers.get('peArtsTeachers') === undefined) {
    const blankPart = PE_ARTS_PARTS.find((p) => v.cells[p] && v.numbers.get(p) === undefined);
    if (blankPart) Object.defineProperty(v.cells, 'peArtsTeachers', { value: v.cells[blankPart]!, enumerable: true });
  }

  const items = Object.fromEntries(
    SCHOOL_ITEM_FIELDS.filter((f) => v.numbers.has(f)).map((f) => [f, v.numbers.get(f)!]),
  ) as SchoolRecord['items'];
  const record: SchoolRecord = {
    name,
    county,
    type,
    ownership,
    students,
    resources,
    sectionResources,
    items,
    source: { sheet: sheet.name, row: v.row, cells: v.cells },
    ...optional('code', v.texts.get('code')),
    ...optional('group', v.texts.get('group')),
    ...optional('urbanRural', urbanRural),
    ...optional('parent', v.texts.get('parent')),
  };
  for (const issue of structuralIssues(record, at)) {
    push(issue);
    if (issue.severity === 'error') v.broken = true;
  }
  return record;
}

const optional = <K extends string, T>(key: K, value: T | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, T>>;

/** A resource of a row: its own column, or for 体育艺术 the sum of 体育 + 音乐 + 美术 when all three are there. */
function amountOf(v: RowValues, field: ResourceField, section: Level | null): number | undefined {
  const keys = SECTION_KEYS[section ?? 'whole'];
  const direct = v.numbers.get(keys[field]!);
  if (direct !== undefined || field !== 'peArtsTeachers') return direct;
  let sum = 0;
  for (const p of PE_ARTS_PARTS) {
    const n = v.numbers.get(keys[p]!);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** `field`, `primary:field`, `junior:field`: made once, not per row. */
const SECTION_KEYS = Object.fromEntries(
  (['whole', 'primary', 'junior'] as const).map((s) => [s, Object.fromEntries([...RESOURCE_FIELDS, ...PE_ARTS_PARTS].map((f) => [f, s === 'whole' ? f : `${s}:${f}`]))]),
) as Record<'whole' | Level, Record<string, string>>;

/** Checks across the cells of one school: sections, students against resources, teachers against students. */
function structuralIssues(school: SchoolRecord, at: (key: string) => Position): Issue[] {
  const issues: Issue[] = [];
  const levels = TYPE_LEVELS[school.type];
  const total = levels.reduce((s, l) => s + (school.students[l] ?? 0), 0);
  const positive = (rs: Partial<Record<ResourceField, number>> | undefined) => {
    const out: ResourceField[] = [];
    for (const f in rs) if ((rs[f as ResourceField] ?? 0) > 0) out.push(f as ResourceField);
    return out;
  };

  if (levels.length === 1) {
    const withValues = positive(school.resources);
    if (total === 0 && school.students[levels[0]!] !== undefined && withValues.length > 0)
      issues.push(
        makeIssue('RESOURCES_WITHOUT_STUDENTS', at(STUDENT_FIELD[levels[0]!]), {
          level: LEVEL_NAMES[levels[0]!],
          fields: withValues.map(fieldLabel).join('、'),
        }),
      );
  } else {
    for (const level of ['primary', 'junior'] as Level[]) {
      const given = positive(school.sectionResources[level]);
      if (levels.includes(level) && school.students[level] === 0 && given.length > 0)
        issues.push(
          makeIssue('RESOURCES_WITHOUT_STUDENTS', at(STUDENT_FIELD[level]), {
            level: `${LEVEL_NAMES[level]}部`,
            fields: given.map((f) => `${LEVEL_NAMES[level]}部${fieldLabel(f)}`).join('、'),
          }),
        );
    }
    const whole = positive(school.resources);
    const allStudentsKnown = levels.every((l) => school.students[l] !== undefined);
    if (allStudentsKnown && total === 0 && whole.length > 0)
      issues.push(
        makeIssue('RESOURCES_WITHOUT_STUDENTS', at(STUDENT_FIELD[levels[0]!]), {
          level: '全校',
          fields: whole.map(fieldLabel).join('、'),
        }),
      );
    append(issues, incompleteSections(school, at));
  }

  const teachers = school.resources.teachers ?? school.resources.qualifiedTeachers;
  if (teachers !== undefined && total > 0 && teachers > total) {
    const key = school.resources.teachers !== undefined ? 'teachers' : 'qualifiedTeachers';
    issues.push(
      makeIssue('TEACHERS_EXCEED_STUDENTS', at(key), { teachersLabel: fieldLabel(key), teachers, students: total }),
    );
  }
  return issues;
}

/** Per-section columns must be given for every compulsory section that has students, or for none. */
function incompleteSections(school: SchoolRecord, at: (key: string) => Position): Issue[] {
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
      makeIssue('SECTION_VALUES_INCOMPLETE', at(`${missing[0]}:${field}`), {
        given: given.map(label).join('、'),
        missing: missing.map(label).join('、'),
      }),
    );
  }
  return issues;
}
