// Takes: one school row's cells and the table's columns (each with its slot and unit factor).
// Gives: each column's text or number into the row's values, or its issue at the cell (a negative, a fraction of a count, a unit in the cell).
import { z } from 'zod';
import { makeIssue, type IssueCode, type IssueParams, type Position } from '../../issues/catalogue';
import { a1, type CellValue } from '../../read/types';
import { UNITS, type FieldKind } from '../columns';
import type { ColumnMatch } from '../header/layout';
import { keyOf, type RowValues } from '../row-plan';
import { invisibleIn, visibleText } from '../text';
import { cellText, impossibleText, parseNumber } from '../values';

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

/** A passing zod check without calling zod (a province has millions of numbers); zod decides the issue when one fails. */
const PLAIN_OK: Record<Exclude<FieldKind, 'text'>, (n: number) => boolean> = {
  count: (n) => n >= 0 && Number.isInteger(n),
  area: (n) => n >= 0,
  money: (n) => n >= 0,
  number: (n) => n >= 0,
};

export function readRowValues(
  values: RowValues,
  row: readonly (CellValue | undefined)[],
  reading: readonly { column: ColumnMatch; slot: number }[],
  r: number,
  school: string | undefined,
  county: string | undefined,
  plainTextIsNormal: boolean,
): void {
  /** An issue at this row's cell of `column`. */
  const report = (column: ColumnMatch, code: IssueCode, params: IssueParams) => {
    const pos: Position = {
      sheet: values.sheet,
      cell: a1(r, column.col),
      column: column.header,
      field: column.field.id,
      ...(school ? { school } : {}),
      ...(county ? { county } : {}),
    };
    values.atCell(makeIssue(code, pos, params));
  };
  for (let k = 0; k < reading.length; k++) {
    const { column, slot } = reading[k]!;
    const raw = row[column.col];
    const kind = column.field.kind;
    if (kind === 'text') {
      const written = cellText(raw);
      // Zero-width and other invisible characters are no part of a name: left out (two names the same but for one are one), noted once a column.
      const text = written === undefined ? undefined : visibleText(written);
      if (text !== written)
        values.noteCoded(keyOf(column), 'INVISIBLE_CHARS_REMOVED', { value: text ?? '', chars: invisibleIn(written!) });
      if (text !== undefined) values.txt[slot] = text;
      // An error value (#N/A of a lookup that found nothing) or a formula without its result is not a blank:
      // said as what it is, at its cell (the record's own 必填 check then keeps quiet about the cell).
      else if (raw?.kind === 'error' || raw?.kind === 'formula-no-result') {
        const parsed = parseNumber(raw, plainTextIsNormal);
        if (!parsed.ok) report(column, parsed.code, parsed.params);
        values.broken = true;
      }
      continue;
    }
    // A number cell (nearly every cell of a province): no parse object.
    if (raw !== undefined && raw.kind === 'number') {
      const value = raw.value * column.unitFactor;
      if (PLAIN_OK[kind](value) && value <= column.field.max) {
        values.num[slot] = value;
        values.has[slot] = 1;
        // A formula a script wrote without its result, computed by the reader: said once for the column.
        if (raw.formula !== undefined)
          values.noteCoded(keyOf(column), 'FORMULA_COMPUTED', { formula: raw.formula, value: raw.value });
        continue;
      }
    }
    if (raw === undefined) continue;
    const parsed = parseNumber(raw, plainTextIsNormal, kind);
    if (!parsed.ok) {
      report(column, parsed.code, parsed.params);
      values.broken = true;
      continue;
    }
    if (parsed.value === undefined) {
      if (raw.kind === 'text' && raw.text.trim()) values.noteWritten(keyOf(column), raw.text.trim());
      continue;
    }
    // A unit written in the cell ("110万") is the number's, whatever the header's.
    const factor = parsed.factor ?? column.unitFactor;
    const value = parsed.value * factor;
    if (factor !== column.unitFactor)
      report(column, 'UNIT_IN_CELL', { text: cellText(raw)!, value, base: UNITS[kind].base });
    else if ('note' in parsed && parsed.note) report(column, parsed.note.code, parsed.note.params);
    if (!PLAIN_OK[kind](value)) {
      const check = NUMBER_SCHEMAS[kind].safeParse(value);
      if (!check.success) {
        report(column, zodIssueCode(check.error), { value });
        values.broken = true;
        continue;
      }
    }
    if (value > column.field.max) {
      report(column, 'VALUE_IMPOSSIBLE', { value: impossibleText(value), max: impossibleText(column.field.max) });
      values.broken = true;
      continue;
    }
    values.num[slot] = value;
    values.has[slot] = 1;
  }
}
