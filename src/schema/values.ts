/** One cell → a typed value, or the issue that explains why not. */
import { lookup } from '../common/lookup';
import type { Wording } from '../engine/checklist-rules';
import {
  OWNERSHIPS,
  SCHOOL_TYPES,
  URBAN_RURALS,
  type Ownership,
  type SchoolType,
  type UrbanRural,
} from '../engine/types';
import type { IssueCode, IssueParams } from '../issues/catalogue';
import type { CellValue } from '../read/types';
import { UNITS, type FieldKind } from './columns';
import { normaliseText } from './text';

/**
 * A formula as FORMULA_NO_RESULT names it: 公式“=C3*5”, and for one of the other cells of a shared formula
 * (which has no text of its own) where it comes from: 公式“=C3*5”（H2 起的共享公式）, or 此格（共享公式）
 * when the text cannot be had.
 */
function formulaNamed(cell: { formula: string; shared?: string }): string {
  if (cell.shared === undefined) return `公式“=${cell.formula}”`;
  const from = cell.shared ? `${cell.shared} 起的共享公式` : '共享公式';
  return cell.formula ? `公式“=${cell.formula}”（${from}）` : `此格（${from}）`;
}

export type Parsed<T> =
  | { ok: true; value: T; note?: { code: IssueCode; params: IssueParams } }
  | { ok: false; code: IssueCode; params: IssueParams }
  | { ok: true; value: undefined };

/** Placeholders people type for "nothing here": treated as blank. */
const BLANK_MARKS = new Set(['-', '—', '–', '/', '\\', '——', '--']);
/** Blank, or a placeholder for blank ("-", "/", "—"). */
export const isBlankText = (text: string) => {
  const t = normaliseText(text);
  return t === '' || BLANK_MARKS.has(t);
};

/** Units people type after a number inside the cell ("12人", "4.5㎡"), when the column's kind is not known (the county sheet). */
const TRAILING_UNIT = /(人|个|间|台|册|班|所|名|元|平方米|平米|m2)$/;

/**
 * The units a number in a school column's cell may carry, by the column's kind, with the factor to the
 * kind's base unit (元, 平方米): its header's units (UNITS), the largest first, and a bare 万 for money
 * and area — "110万" in a 元 column is 1 100 000 元, as the county wrote it.
 */
const CELL_UNITS = {} as Record<FieldKind, readonly (readonly [string, number])[]>;
for (const kind of Object.keys(UNITS) as FieldKind[]) {
  const own = Object.entries(UNITS[kind].units).sort((a, b) => b[1] - a[1]);
  CELL_UNITS[kind] = kind === 'money' || kind === 'area' ? [...own, ['万', 10000]] : own;
}
const ALL_CELL_UNITS = [...new Set(Object.values(CELL_UNITS).flatMap((us) => us.map(([u]) => u)))].sort(
  (a, b) => b.length - a.length,
);

/** What a school column's cell holds: a number in its column's unit, or with a unit of its own written after it. */
export type CellNumber = Parsed<number> & { factor?: number };

/**
 * A number from a cell. Text numbers ("1,234", "１２３", " 45 ", "12人") are read and
 * noted; `plainTextIsNormal` (CSV, where every cell is text) notes only unusual forms.
 * With the column's kind (a school column), a unit written in the cell must be one of that kind:
 * a money or area unit gives the `factor` to the base unit, which replaces the header's
 * ("110万" in a 元 column, UNIT_IN_CELL); a unit of another kind ("4900平方米" in a 元 column) is
 * UNIT_NOT_OF_COLUMN, not dropped.
 */
export function parseNumber(cell: CellValue | undefined, plainTextIsNormal: boolean, kind?: FieldKind): CellNumber {
  if (!cell) return { ok: true, value: undefined };
  switch (cell.kind) {
    case 'number':
      return { ok: true, value: cell.value };
    case 'error':
      return { ok: false, code: 'EXCEL_ERROR', params: { error: cell.error } };
    case 'formula-no-result':
      return {
        ok: false,
        code: 'FORMULA_NO_RESULT',
        params: { formula: formulaNamed(cell), why: cell.why ?? '不是本表单元格的四则运算' },
      };
    case 'bool':
      return { ok: false, code: 'NOT_A_NUMBER', params: { text: cell.value ? 'TRUE' : 'FALSE' } };
    case 'date':
      return { ok: false, code: 'NOT_A_NUMBER', params: { text: cell.value.toISOString().slice(0, 10) } };
    case 'text': {
      const raw = cell.text;
      const compact = normaliseText(raw);
      if (compact === '' || BLANK_MARKS.has(compact)) return { ok: true, value: undefined };
      const grouped = compact.replace(/,(?=\d{3}(\D|$))/g, '');
      let digits = grouped;
      let factor: number | undefined;
      if (kind === undefined) digits = grouped.replace(TRAILING_UNIT, '');
      else {
        const unit = ALL_CELL_UNITS.find((u) => grouped.endsWith(u) && /\d\.?$/.test(grouped.slice(0, -u.length)));
        if (unit !== undefined) {
          const own = CELL_UNITS[kind].find(([u]) => u === unit);
          if (!own)
            return {
              ok: false,
              code: 'UNIT_NOT_OF_COLUMN',
              params: {
                text: raw.trim(),
                unit,
                allowed: CELL_UNITS[kind].map(([u]) => u).join('、') || '不带单位的数字',
              },
            };
          digits = grouped.slice(0, -unit.length);
          if (kind === 'money' || kind === 'area') factor = own[1];
        }
      }
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits))
        return { ok: false, code: 'NOT_A_NUMBER', params: { text: raw.trim() } };
      const value = Number(digits);
      const unusual = !plainTextIsNormal || digits !== raw.trim();
      const read = factor === undefined ? { ok: true as const, value } : { ok: true as const, value, factor };
      return unusual ? { ...read, note: { code: 'TEXT_NUMBER', params: { text: raw.trim(), value } } } : read;
    }
  }
}

export function cellText(cell: CellValue | undefined): string | undefined {
  if (!cell) return undefined;
  switch (cell.kind) {
    case 'text':
      return cell.text.trim() || undefined;
    case 'number':
      return String(cell.value);
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      return cell.value.toISOString().slice(0, 10);
    default:
      return undefined;
  }
}

/** Excel's day 0 (1899-12-30), for the date a day number shows as. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}年\d{1,2}月)$/;

/**
 * A school name that is no name: a number (12345; a day number such as 45170 is a date Excel shows as
 * 2023/9/1), a date (2023/9/1, 2023-09-01, 2023年9月1日), TRUE / FALSE. What it is, for SCHOOL_NAME_IS_VALUE.
 */
export function valueAsName(cell: CellValue | undefined): { what: string; text: string } | null {
  if (!cell) return null;
  switch (cell.kind) {
    case 'number': {
      const v = cell.value;
      // 1954 to 2099: a date formatted cell read without its format.
      const day =
        Number.isInteger(v) && v >= 20000 && v <= 73050
          ? `（若在 Excel 中显示为日期，即 ${new Date(EXCEL_EPOCH + v * 86_400_000).toISOString().slice(0, 10)}）`
          : '';
      return { what: `一个数字${day}`, text: String(v) };
    }
    case 'date':
      return { what: '一个日期', text: cell.value.toISOString().slice(0, 10) };
    case 'bool':
      return { what: '逻辑值', text: cell.value ? 'TRUE' : 'FALSE' };
    case 'text': {
      const t = normaliseText(cell.text);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { what: '一个数字', text: cell.text.trim() };
      if (DATE_TEXT.test(t)) return { what: '一个日期', text: cell.text.trim() };
      return null;
    }
    default:
      return null;
  }
}

export interface EnumSpec<T> {
  aliases: Record<string, T>;
  allowed: string;
  code: IssueCode;
  /** A text no word is may still end with one (乡镇中心小学 → 中心小学): the 学校类型 only. */
  byEnding?: boolean;
}

/** The three enumerated school columns, read with a profile's wording. */
export interface SchoolValueSpecs {
  type: EnumSpec<SchoolType>;
  ownership: EnumSpec<Ownership>;
  urbanRural: EnumSpec<UrbanRural>;
}

/** The profile's words for each value (keys normalised as cells are), and the official names themselves. */
function aliasesOf<T extends string>(words: Readonly<Record<string, T>>, official: readonly T[]): Record<string, T> {
  const aliases: Record<string, T> = Object.create(null) as Record<string, T>;
  for (const [word, value] of Object.entries(words)) aliases[normaliseText(word)] = value;
  for (const value of official) aliases[value] = value;
  return aliases;
}

const SPECS = new WeakMap<Wording['schoolValues'], SchoolValueSpecs>();
export function schoolValueSpecs(words: Wording['schoolValues']): SchoolValueSpecs {
  let specs = SPECS.get(words);
  if (!specs) {
    specs = {
      type: {
        aliases: aliasesOf(words.type, SCHOOL_TYPES),
        allowed: SCHOOL_TYPES.join('、'),
        code: 'UNKNOWN_SCHOOL_TYPE',
        byEnding: true,
      },
      ownership: {
        aliases: aliasesOf(words.ownership, OWNERSHIPS),
        allowed: OWNERSHIPS.join('、'),
        code: 'INVALID_VALUE',
      },
      urbanRural: {
        aliases: aliasesOf(words.urbanRural, URBAN_RURALS),
        allowed: URBAN_RURALS.join('、'),
        code: 'INVALID_VALUE',
      },
    };
    SPECS.set(words, specs);
  }
  return specs;
}

/** Every word a 学校类型 cell may say (the official names and the profile's), as normalised texts have them. */
export function typeWords(words: Wording['schoolValues']): string[] {
  return [...SCHOOL_TYPES, ...Object.keys(words.type)].map(normaliseText);
}

/** Per spec, the parse of each text seen: a province writes 小学 / 公办 / 城区 a hundred thousand times. */
const PARSED = new WeakMap<object, Map<string, Parsed<unknown>>>();

export function parseEnum<T>(text: string | undefined, spec: EnumSpec<T>): Parsed<T> {
  if (text === undefined) return { ok: true, value: undefined };
  let seen = PARSED.get(spec);
  if (!seen) PARSED.set(spec, (seen = new Map<string, Parsed<unknown>>()));
  const known = seen.get(text) as Parsed<T> | undefined;
  if (known) return known;
  const parsed = parseEnumText(text, spec);
  if (seen.size < 10_000) seen.set(text, parsed);
  return parsed;
}

/** A statistics export's code before the name (211小学, 111主城区, 312-九年一贯制学校): the code, then the name. */
const CODED = /^(\d{1,4})[-_.、:：]?(\D.*)$/;

/** A value with a remark in brackets after it (城区（主城区）, 公办（教育部门）, 初中（九年制）). */
const REMARKED = /^([^()]+)\(([^()]*)\)$/;

function parseEnumText<T>(text: string, spec: EnumSpec<T>): Parsed<T> {
  const key = normaliseText(text);
  const value = lookup(spec.aliases, key);
  if (value !== undefined) return { ok: true, value };
  // The word before the brackets is the value, the brackets a remark, as in a header; said once per column.
  const remarked = REMARKED.exec(key);
  const outer = remarked ? parseEnumText(remarked[1]!, spec) : undefined;
  if (outer?.ok && outer.value !== undefined)
    return {
      ok: true,
      value: outer.value,
      note: {
        code: 'VALUE_REMARK_IGNORED',
        params: { text: text.trim(), word: remarked![1]!, value: String(outer.value) },
      },
    };
  // The name decides when it is one of the column's words; the code is said once per column (VALUE_CODE_IGNORED).
  const coded = CODED.exec(key);
  const named = coded ? lookup(spec.aliases, coded[2]!) : undefined;
  if (named !== undefined)
    return {
      ok: true,
      value: named,
      note: { code: 'VALUE_CODE_IGNORED', params: { text: text.trim(), value: String(named) } },
    };
  // 乡镇中心小学, 民族小学, 城关初级中学: the longest word (two characters at least) the text ends with, said once per column.
  if (spec.byEnding) {
    let word: string | undefined;
    for (const w of Object.keys(spec.aliases))
      if (w.length >= 2 && w.length < key.length && key.endsWith(w) && (!word || w.length > word.length)) word = w;
    if (word !== undefined) {
      const value = spec.aliases[word]!;
      return {
        ok: true,
        value,
        note: { code: 'VALUE_READ_BY_ENDING', params: { text: text.trim(), word, value: String(value) } },
      };
    }
  }
  return { ok: false, code: spec.code, params: { text, allowed: spec.allowed } };
}

/** A figure past any school's or county's, as its message writes it: 1.2e+308 as 1.2×10^308; past Number's range in words. */
export function impossibleText(n: number): string {
  if (!Number.isFinite(n)) return '超出数值范围';
  if (n < 1e15) return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const [m, e] = n.toExponential(3).split('e');
  return `${Number(m)}×10^${Number(e)}`;
}

/**
 * A cell as a message shows what was written in it: its text, or an error value as itself (#DIV/0!), a formula
 * without its result as the formula (=B2/B3); '' for a blank.
 */
export function cellShown(cell: CellValue | undefined): string {
  if (cell?.kind === 'error') return cell.error;
  if (cell?.kind === 'formula-no-result') return cell.formula ? `=${cell.formula}` : '（公式）';
  return cellText(cell) ?? '';
}
