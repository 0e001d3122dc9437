/**
 * A sheet's columns → where each data row's values go: the field keys, a slot for each, the plan
 * of the record built from them, and the one store of a row's values (reused row after row).
 */
import { SparseRecords } from '../common/record-maker';
import {
  RESOURCE_FIELDS,
  SCHOOL_ITEM_FIELDS,
  type AnyLevel,
  type CellRef,
  type Level,
  type ResourceField,
} from '../engine/types';
import { blankHint, makeIssue, type Issue, type IssueCode, type IssueParams, type Position } from '../issues/catalogue';
import { a1 } from '../read/types';
import { BACKBONE_PARTS, fieldLabel, PE_ARTS_PARTS, SPACE_PARTS, SUMMED } from './columns';
import type { ColumnMatch } from './header/layout';

export const STUDENT_FIELD: Record<AnyLevel, string> = {
  primary: 'studentsPrimary',
  junior: 'studentsJunior',
  senior: 'studentsSenior',
};

const KEYS = new WeakMap<ColumnMatch, string>();
/** A column's field key (`primary:field` for a 小学部 column), made once per column. */
export const keyOf = (c: ColumnMatch) => {
  let key = KEYS.get(c);
  if (key === undefined) KEYS.set(c, (key = c.section ? `${c.section}:${c.field.id}` : c.field.id));
  return key;
};

/**
 * A row's cell positions by field key, made when asked: the object has only its row number, and
 * a getter per column on a prototype shared by the sheet's rows (a province has millions of cells).
 */
const ROW = Symbol('row');
export function cellTable(columns: readonly ColumnMatch[]): (row: number) => Record<string, CellRef> {
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
  function Cells(this: { [ROW]: number }, row: number) {
    this[ROW] = row;
  }
  Cells.prototype = proto;
  return (row) => new (Cells as unknown as new (row: number) => Record<string, CellRef>)(row);
}

/** Each field key of the sheet's columns numbered once: a row's values live in arrays by that number. */
export type Slots = Map<string, number>;
export function slotsOf(columns: readonly ColumnMatch[]): Slots {
  const slots: Slots = new Map();
  for (const c of columns) if (!slots.has(keyOf(c))) slots.set(keyOf(c), slots.size);
  return slots;
}
const slotOf = (slots: Slots, key: string) => slots.get(key) ?? -1;

/** Where the record of a row reads each of its parts: the slots, found once per sheet. */
export interface RecordPlan {
  county: number;
  type: number;
  ownership: number;
  urbanRural: number;
  code: number;
  group: number;
  parent: number;
  students: number;
  studentsOf: Record<AnyLevel, number>;
  /** For each resource field the sheet can give, per part: its own column, and the columns it is summed from when blank (SUMMED; null: none). */
  amounts: { field: ResourceField; parts: { section: Level | null; direct: number; sum: number[] | null }[] }[];
  /** Each summed field of the whole school: its own slot and its parts', for the cell of a blank part. */
  summed: { field: ResourceField; whole: number; parts: { key: string; slot: number }[] }[];
  items: { field: (typeof SCHOOL_ITEM_FIELDS)[number]; slot: number }[];
  /** The records' makers (keys in the order above) and the arrays their values are gathered in, row after row. */
  records: { students: SparseRecords; resources: SparseRecords; items: SparseRecords };
  scratch: { students: number[]; resources: number[]; items: number[] };
}

export const ALL_LEVELS: readonly AnyLevel[] = ['primary', 'junior', 'senior'];

export function recordPlan(columns: readonly ColumnMatch[], slots: Slots): RecordPlan {
  const at = (key: string) => slotOf(slots, key);
  const amounts = amountPlan(columns).map(({ field, sections }) => ({
    field,
    parts: sections.map((section) => {
      const keys = SECTION_KEYS[section ?? 'whole'];
      const summed = SUMMED[field];
      const sum =
        summed && summed.required.every((p) => at(keys[p]!) >= 0)
          ? summed.parts.map((p) => at(keys[p]!)).filter((slot) => slot >= 0)
          : null;
      return { section, direct: at(keys[field]!), sum };
    }),
  }));
  const items = SCHOOL_ITEM_FIELDS.map((field) => ({ field, slot: at(field) })).filter((i) => i.slot >= 0);
  return {
    county: at('county'),
    type: at('type'),
    ownership: at('ownership'),
    urbanRural: at('urbanRural'),
    code: at('code'),
    group: at('group'),
    parent: at('parent'),
    students: at('students'),
    studentsOf: {
      primary: at(STUDENT_FIELD.primary),
      junior: at(STUDENT_FIELD.junior),
      senior: at(STUDENT_FIELD.senior),
    },
    amounts,
    summed: Object.entries(SUMMED).map(([field, { parts }]) => ({
      field: field as ResourceField,
      whole: at(field),
      parts: parts.map((key) => ({ key, slot: at(key) })),
    })),
    items,
    records: {
      students: new SparseRecords(ALL_LEVELS),
      resources: new SparseRecords(amounts.map((a) => a.field)),
      items: new SparseRecords(items.map((i) => i.field)),
    },
    scratch: { students: ALL_LEVELS.map(() => 0), resources: amounts.map(() => 0), items: items.map(() => 0) },
  };
}

/**
 * One data row, read: its numbers and texts by slot, where each came from, and the issues found
 * at its cells. One per sheet, reset for every row (a province has 100 000 rows: no maps per row).
 */
export class RowValues {
  row = 0;
  readonly num: Float64Array;
  readonly has: Uint8Array;
  readonly txt: (string | undefined)[];
  cells: Record<string, CellRef> = {};
  /** Whether some cell of this row could not be read (the row is then not computed). */
  broken = false;
  /** Cells that already have an error: one error per cell, the first and most specific. */
  private failed: Set<string> | null = null;
  /** The school and the county named in the row, for the issues' positions. */
  school: string | undefined = undefined;
  county: string | null | undefined = undefined;

  constructor(
    readonly sheet: string,
    size: number,
    private readonly issues: Issue[],
  ) {
    this.num = new Float64Array(size);
    this.has = new Uint8Array(size);
    this.txt = new Array<string | undefined>(size).fill(undefined);
  }

  reset(row: number, cells: Record<string, CellRef>): void {
    this.row = row;
    this.cells = cells;
    this.broken = false;
    this.failed = null;
    this.school = undefined;
    this.county = undefined;
    this.has.fill(0);
    this.txt.fill(undefined);
  }

  number(slot: number): number | undefined {
    return slot >= 0 && this.has[slot] === 1 ? this.num[slot] : undefined;
  }

  text(slot: number): string | undefined {
    return slot >= 0 ? this.txt[slot] : undefined;
  }

  /** An issue at a cell read; an error there keeps later errors from the same cell. */
  atCell(issue: Issue): void {
    if (issue.severity === 'error') (this.failed ??= new Set()).add(issue.cell!);
    this.issues.push(issue);
  }

  /** An issue found while building the record: one error per cell. */
  push(issue: Issue): void {
    if (issue.severity === 'error' && issue.cell) {
      if (this.failed?.has(issue.cell)) return;
      (this.failed ??= new Set()).add(issue.cell);
    }
    this.issues.push(issue);
  }

  /** The position of a field of this row: its cell, or its row and the field's label. */
  at(key: string): Position {
    const base: Position = {
      sheet: this.sheet,
      ...(this.school ? { school: this.school } : {}),
      ...(this.county ? { county: this.county } : {}),
    };
    const ref = this.cells[key];
    const field = key.replace(/^(primary|junior):/, '');
    return ref
      ? { ...base, cell: ref.cell, column: ref.column, field }
      : { ...base, row: this.row, column: fieldLabel(key), field };
  }

  /**
   * Per column (of 学校类型, 办学性质, 城乡分类), the first cell read by its name after a statistics code
   * (211小学) and how many were: one note for the column, not one per school (a province has 100 000).
   */
  readonly coded = new Map<string, { code: IssueCode; at: Position; params: IssueParams; count: number }>();

  /** A value read past what it is written as (VALUE_CODE_IGNORED: 211小学; VALUE_READ_BY_ENDING: 乡镇中心小学): one note per column and code. */
  noteCoded(key: string, code: IssueCode, params: IssueParams): void {
    const seen = this.coded.get(`${key}:${code}`);
    if (seen) seen.count++;
    else {
      const ref = this.cells[key];
      this.coded.set(`${key}:${code}`, {
        code,
        at: { sheet: this.sheet, ...(ref ? { cell: ref.cell, column: ref.column } : { row: this.row }), field: key },
        params,
        count: 1,
      });
    }
  }

  fail(code: IssueCode, key: string, params: IssueParams = {}): void {
    const written = code === 'MISSING_VALUE' ? this.cells[key]?.written : undefined;
    this.push(
      makeIssue(
        code,
        this.at(key),
        written ? { ...params, hint: blankHint(String(params.hint ?? ''), written) } : params,
      ),
    );
    this.broken = true;
  }

  /** This row's cell of `key` holds a placeholder read as blank (“—”, “/”): kept with the cell, for a missing value's message. */
  noteWritten(key: string, text: string): void {
    const ref = this.cells[key];
    if (ref)
      Object.defineProperty(this.cells, key, {
        value: { ...ref, written: text },
        enumerable: true,
        configurable: true,
      });
  }
}

/** For each resource field, the parts (whole school, 小学部, 初中部) the sheet's columns can give: the only ones a row is asked for. */
type AmountPlan = { field: ResourceField; sections: (Level | null)[] }[];
function amountPlan(columns: readonly ColumnMatch[]): AmountPlan {
  const has = new Set(columns.map(keyOf));
  return RESOURCE_FIELDS.map((field) => ({
    field,
    sections: ([null, 'primary', 'junior'] as const).filter((section) => {
      const keys = SECTION_KEYS[section ?? 'whole'];
      return has.has(keys[field]!) || (SUMMED[field]?.required.every((p) => has.has(keys[p]!)) ?? false);
    }),
  })).filter((p) => p.sections.length > 0);
}

/** `field`, `primary:field`, `junior:field`: made once, not per row. */
const SECTION_KEYS = Object.fromEntries(
  (['whole', 'primary', 'junior'] as const).map((s) => [
    s,
    Object.fromEntries(
      [...RESOURCE_FIELDS, ...PE_ARTS_PARTS, ...BACKBONE_PARTS, ...SPACE_PARTS].map((f) => [
        f,
        s === 'whole' ? f : `${s}:${f}`,
      ]),
    ),
  ]),
) as Record<'whole' | Level, Record<string, string>>;
