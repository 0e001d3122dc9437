/**
 * A CSV text as a sheet read a row at a time, as the xlsx reader's sheets are: one pass finds
 * where each record starts; a record's fields are cut from the text when its row is asked for.
 * So a file of 8 million one-field lines costs its text and 4 bytes a row, not an array and a
 * string per field (csv-parse's whole-file result took 2.9 GB and 26 s for 63 MB).
 *
 * The rules are csv-parse's with relax_quotes and the record delimiters \r\n, \n and \r, which
 * this reader used before (test/csv-sheet.test.ts compares the two on every case):
 * - a quote opens a quoted field only at the field's start; elsewhere it is a character;
 * - in a quoted field, "" is a quote, and the closing quote must be followed by the delimiter,
 *   a line end or the end of the text; when it is not, the field is read as written, quotes
 *   and all, up to the next delimiter or line end outside quotes;
 * - every line end outside quotes ends a record; an empty line is a record of one empty field;
 *   the text's last line end does not start a record.
 */
import { withoutControls } from '../common/controls';
import type { CellValue, MergeRange, Row, Sheet } from './types';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A quoted field still open at the end of the text. */
export class UnclosedQuote extends Error {
  constructor(readonly line: number) {
    super(`quote opened at line ${line} never closes`);
  }
}

/**
 * Reads one record from `from`; its fields go to `fields` (none when null). Returns where the next
 * record starts, and the line end count it passed in `lines[0]` (for the unclosed quote's line).
 */
function record(text: string, from: number, delimiter: number, fields: string[] | null, lines: number[]): number {
  const n = text.length;
  let i = from;
  for (;;) {
    // One field from i.
    if (text.charCodeAt(i) === QUOTE) {
      const openedAt = lines[0]!;
      let content = '';
      let piece = i + 1;
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new UnclosedQuote(openedAt + 1);
        const c = text.charCodeAt(j);
        if (c === LF) lines[0]!++;
        if (c !== QUOTE) {
          j++;
          continue;
        }
        if (text.charCodeAt(j + 1) === QUOTE) {
          if (fields) content += text.slice(piece, j + 1);
          j += 2;
          piece = j;
          continue;
        }
        const next = j + 1 < n ? text.charCodeAt(j + 1) : -1;
        if (fields) content += text.slice(piece, j);
        if (next === delimiter || next === LF || next === CR || next === -1) {
          i = j + 1;
          break;
        }
        // A closing quote followed by more text: the field as written, up to the next delimiter or line end.
        let k = j + 1;
        while (k < n) {
          const d = text.charCodeAt(k);
          if (d === delimiter || d === LF || d === CR) break;
          k++;
        }
        if (fields) content = `"${content}"${text.slice(j + 1, k)}`;
        i = k;
        break;
      }
      if (fields) fields.push(content);
    } else {
      let k = i;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === delimiter || d === LF || d === CR) break;
        k++;
      }
      if (fields) fields.push(text.slice(i, k));
      i = k;
    }
    // After a field: a delimiter (another field follows), a line end, or the end of the text.
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      continue;
    }
    lines[0]!++;
    if (c === CR && text.charCodeAt(i + 1) === LF) return i + 2;
    return i + 1;
  }
}

const EMPTY: Row = [];

const cellOf = (s: string): CellValue | undefined => {
  const t = withoutControls(s);
  return t.trim() === '' ? undefined : { kind: 'text', text: t };
};

/** Record starts, growing as they are found (4 bytes a row). */
class Starts {
  private data = new Uint32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const more = new Uint32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i]!;
  }
}

/** Every record's start, in one pass. Throws UnclosedQuote. */
function recordStarts(text: string, delimiter: number): Starts {
  const starts = new Starts();
  const lines = [0];
  for (let at = 0; at < text.length;) {
    starts.push(at);
    at = record(text, at, delimiter, null, lines);
  }
  return starts;
}

/** The text's records as a sheet; rows are cut from the text when asked for. Throws UnclosedQuote. */
export function csvSheet(name: string, text: string, delimiter: string): Sheet {
  const d = delimiter.charCodeAt(0);
  let source: string | null = text;
  const starts = recordStarts(text, d);
  const count = starts.length;
  let all: Row[] | undefined;
  const row = (r: number): Row => {
    if (r < 0 || r >= count || !Number.isInteger(r)) return EMPTY;
    if (all) return all[r]!;
    if (source === null) throw new Error('the CSV sheet was released');
    const fields: string[] = [];
    record(source, starts.at(r), d, fields, [0]);
    return fields.map(cellOf);
  };
  const merges: MergeRange[] = [];
  return {
    name,
    rowCount: count,
    row,
    merges,
    get rows(): Row[] {
      if (!all) {
        const rows: Row[] = [];
        for (let r = 0; r < count; r++) rows.push(row(r));
        all = rows;
      }
      return all;
    },
    release() {
      source = null;
    },
  };
}
