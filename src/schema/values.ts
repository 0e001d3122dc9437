/** One cell → a typed value, or the issue that explains why not. */
import { lookup } from '../common/lookup';
import { SCHOOL_TYPES, type Ownership, type SchoolType, type UrbanRural } from '../engine/types';
import type { IssueCode, IssueParams } from '../issues/catalogue';
import type { CellValue } from '../read/types';
import { normaliseText } from './header';

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

/** Units people type after a number inside the cell ("12人", "4.5㎡"). */
const TRAILING_UNIT = /(人|个|间|台|册|班|所|名|元|平方米|平米|m2)$/;

/**
 * A number from a cell. Text numbers ("1,234", "１２３", " 45 ", "12人") are read and
 * noted; `plainTextIsNormal` (CSV, where every cell is text) notes only unusual forms.
 */
export function parseNumber(cell: CellValue | undefined, plainTextIsNormal: boolean): Parsed<number> {
  if (!cell) return { ok: true, value: undefined };
  switch (cell.kind) {
    case 'number':
      return { ok: true, value: cell.value };
    case 'error':
      return { ok: false, code: 'EXCEL_ERROR', params: { error: cell.error } };
    case 'formula-no-result':
      return { ok: false, code: 'FORMULA_NO_RESULT', params: { formula: cell.formula } };
    case 'bool':
      return { ok: false, code: 'NOT_A_NUMBER', params: { text: cell.value ? 'TRUE' : 'FALSE' } };
    case 'date':
      return { ok: false, code: 'NOT_A_NUMBER', params: { text: cell.value.toISOString().slice(0, 10) } };
    case 'text': {
      const raw = cell.text;
      const compact = normaliseText(raw);
      if (compact === '' || BLANK_MARKS.has(compact)) return { ok: true, value: undefined };
      const digits = compact.replace(/,(?=\d{3}(\D|$))/g, '').replace(TRAILING_UNIT, '');
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits))
        return { ok: false, code: 'NOT_A_NUMBER', params: { text: raw.trim() } };
      const value = Number(digits);
      const unusual = !plainTextIsNormal || digits !== raw.trim();
      return unusual ? { ok: true, value, note: { code: 'TEXT_NUMBER', params: { text: raw.trim(), value } } } : { ok: true, value };
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

const TYPE_ALIASES: Record<string, SchoolType> = {
  小学: '小学',
  完全小学: '小学',
  完小: '小学',
  中心校: '小学',
  中心小学: '小学',
  村小: '小学',
  村小学: '小学',
  非完全小学: '小学',
  初中: '初中',
  初级中学: '初中',
  独立初中: '初中',
  九年一贯制: '九年一贯制',
  九年一贯制学校: '九年一贯制',
  十二年一贯制: '十二年一贯制',
  十二年一贯制学校: '十二年一贯制',
  完全中学: '完全中学',
  完中: '完全中学',
  教学点: '教学点',
  小学教学点: '教学点',
  特殊教育学校: '特殊教育学校',
  特教学校: '特殊教育学校',
  特殊教育: '特殊教育学校',
};
for (const t of SCHOOL_TYPES) TYPE_ALIASES[t] = t;

const OWNERSHIP_ALIASES: Record<string, Ownership> = { 公办: '公办', 公立: '公办', 民办: '民办', 私立: '民办' };
const URBAN_RURAL_ALIASES: Record<string, UrbanRural> = {
  城区: '城区',
  城市: '城区',
  镇区: '镇区',
  县镇: '镇区',
  镇: '镇区',
  乡村: '乡村',
  农村: '乡村',
};

export interface EnumSpec<T> {
  aliases: Record<string, T>;
  allowed: string;
  code: IssueCode;
}

export const SCHOOL_TYPE: EnumSpec<SchoolType> = {
  aliases: TYPE_ALIASES,
  allowed: SCHOOL_TYPES.join('、'),
  code: 'UNKNOWN_SCHOOL_TYPE',
};
export const OWNERSHIP: EnumSpec<Ownership> = { aliases: OWNERSHIP_ALIASES, allowed: '公办、民办', code: 'INVALID_VALUE' };
export const URBAN_RURAL: EnumSpec<UrbanRural> = {
  aliases: URBAN_RURAL_ALIASES,
  allowed: '城区、镇区、乡村',
  code: 'INVALID_VALUE',
};

/** Per spec, the parse of each text seen: a province writes 小学 / 公办 / 城区 a hundred thousand times. */
const PARSED = new WeakMap<object, Map<string, Parsed<unknown>>>();

export function parseEnum<T>(text: string | undefined, spec: EnumSpec<T>): Parsed<T> {
  if (text === undefined) return { ok: true, value: undefined };
  let seen = PARSED.get(spec);
  if (!seen) PARSED.set(spec, (seen = new Map()));
  const known = seen.get(text) as Parsed<T> | undefined;
  if (known) return known;
  const parsed = parseEnumText(text, spec);
  if (seen.size < 10_000) seen.set(text, parsed);
  return parsed;
}

function parseEnumText<T>(text: string, spec: EnumSpec<T>): Parsed<T> {
  const key = normaliseText(text);
  const value = lookup(spec.aliases, key);
  return value === undefined
    ? { ok: false, code: spec.code, params: { text, allowed: spec.allowed } }
    : { ok: true, value };
}
