// Takes: a header text (a parent and its part joined, or one cell's) and the profile's wording of school columns.
// Gives: the field it names (by wordings, then keywords), or the column it is a per-student figure of, says it is not, or is nearest.
import type { Wording } from '../../engine/checklist-rules';
import type { Level } from '../../engine/types';
import { FIELDS, SECTION_PREFIXES, type FieldDef } from '../columns';
import { matchName, nearest, normaliseKeywords, normaliseName, type Target } from '../match';
import { normaliseText } from '../text';

/** "教学仪器设备资产值（万元）" → { base: "教学仪器设备资产值", unit: "万元" }. */
export function splitUnit(normalised: string): { base: string; unit: string | null } {
  const m = /^(.+?)\(([^()]*)\)$/.exec(normalised);
  return m ? { base: m[1]!, unit: m[2]! } : { base: normalised, unit: null };
}

export interface FieldMatch {
  field: FieldDef;
  section: Level | null;
}

/** Header texts (normalised) → field: each field's label, its profile wordings and its id, with 小学部 / 初中部 before them where it may be given per section. */
function lookupOf(headers: ColumnWording['schoolHeaders']): Map<string, FieldMatch> {
  const map = new Map<string, FieldMatch>();
  for (const field of FIELDS) {
    for (const h of [field.label, ...(headers[field.id] ?? []), field.id]) {
      map.set(normaliseText(h), { field, section: null });
      if (field.sectionable)
        for (const [prefix, section] of Object.entries(SECTION_PREFIXES))
          map.set(normaliseText(prefix + h), { field, section });
    }
  }
  // A wording without its closing 数 is the same header (专任教师 · 音乐专用教室 · 小学在校生), unless it is another's wording.
  for (const [text, match] of [...map])
    if (text.endsWith('数') && text.length > 2 && !map.has(text.slice(0, -1))) map.set(text.slice(0, -1), match);
  return map;
}

/** The profile's wording of school columns: header wordings and keyword sets per column id. */
export type ColumnWording = Pick<Wording, 'schoolHeaders' | 'schoolColumns' | 'schoolValues' | 'perStudentWords'>;

/**
 * One way of matching header texts: by the wordings only, or by the wordings and then the keywords.
 * Header cells repeat (every candidate row is tried with each height): each text is matched once per pass.
 */
export interface Pass {
  lookup: Map<string, FieldMatch>;
  /** Null in the first pass over every row: wordings only. */
  keywords: Target<FieldDef>[] | null;
  matched: Map<string, HeaderMatch>;
  /** The profile's per-student words (生均, 每百名), normalised: a header holding one is no column's by keywords. */
  perStudent: readonly string[];
}
const PASSES = new WeakMap<ColumnWording, { wordings: Pass; keywords: Pass }>();
export function passesOf(wording: ColumnWording): { wordings: Pass; keywords: Pass } {
  let passes = PASSES.get(wording);
  if (!passes) {
    const lookup = lookupOf(wording.schoolHeaders);
    const targets = FIELDS.flatMap((field) => {
      const sets = wording.schoolColumns[field.id];
      return sets ? [{ value: field, aliases: [], official: [], keywords: normaliseKeywords(sets) }] : [];
    });
    const perStudent = wording.perStudentWords.map(normaliseText);
    passes = {
      wordings: { lookup, keywords: null, matched: new Map(), perStudent },
      keywords: { lookup, keywords: targets, matched: new Map(), perStudent },
    };
    PASSES.set(wording, passes);
  }
  return passes;
}

const HAN = /\p{Script=Han}/u;

const isPerStudent = (norm: string, words: readonly string[]) => words.some((w) => norm.includes(w));

/**
 * The column a per-student figure's header is of (生均教学及辅助用房面积 → 教学及辅助用房面积): its text
 * without the per-student words, read by wordings and keywords; null when it is no per-student header.
 */
export function perStudentOf(text: string, wording: ColumnWording): FieldDef | null {
  const { keywords } = passesOf(wording);
  const norm = normaliseText(text);
  if (!isPerStudent(norm, keywords.perStudent)) return null;
  let rest = norm;
  for (const w of keywords.perStudent) rest = rest.split(w).join('');
  const m = rest ? matchHeader(rest, keywords) : null;
  return m && m.section === null ? m.field : null;
}

/** byKeywords: matched by the profile's keyword sets, not by a wording (a wording wins over it, wherever it stands). */
export type HeaderMatch = (FieldMatch & { unit: string | null; byKeywords?: true }) | null;

export function matchHeader(text: string, pass: Pass): HeaderMatch {
  let m = pass.matched.get(text);
  if (m === undefined) pass.matched.set(text, (m = matchHeaderText(text, pass)));
  return m;
}

/**
 * A header text → field: the whole text first (县(市、区)), then without its unit, then without
 * punctuation and remarks in brackets, then by the profile's keywords (在校学生数小学 → 小学在校生数).
 */
function matchHeaderText(text: string, pass: Pass): HeaderMatch {
  const { lookup } = pass;
  const norm = normaliseText(text);
  const whole = lookup.get(norm);
  if (whole) return { ...whole, unit: null };
  const { base, unit } = splitUnit(norm);
  const m = lookup.get(base);
  if (m) return { ...m, unit };
  // Beyond the wordings (the first pass over every row) only Chinese wording is matched, and only in a
  // row whose wordings read a 学校名称 column or two columns: a number or a school's name in a data row never is a header.
  if (pass.keywords === null || !HAN.test(text)) return null;
  const plain = normaliseName(text, []).text;
  const p = lookup.get(plain);
  if (p) return { ...p, unit };
  // 生均教学及辅助用房面积 has the keywords of 教学及辅助用房面积, and is not it.
  if (isPerStudent(norm, pass.perStudent)) return null;
  const k = matchName(plain, pass.keywords);
  return k.kind === 'one' ? { field: k.target.value, section: null, unit, byKeywords: true } : null;
}

/**
 * The column a header says it is not: one of a field's keyword sets holds but for a word it excludes
 * (小学毕业生数: 小学 + 生数, but 毕业; 交流轮岗骨干教师数: 骨干, but 交流). The field and the word, or null.
 */
export function excludedBy(text: string, wording: ColumnWording): { field: FieldDef; word: string } | null {
  const { keywords } = passesOf(wording);
  const plain = normaliseName(text, []).text;
  for (const target of keywords.keywords!)
    for (const set of target.keywords) {
      if (!set.all.every((w) => plain.includes(w))) continue;
      const word = set.none.find((w) => plain.includes(w));
      if (word !== undefined) return { field: target.value, word };
    }
  return null;
}

/** The two field headers most like an unknown one, for "是否指…？" (named by their labels). */
export function nearestFields(text: string, wording: ColumnWording): string[] {
  const targets = FIELDS.map((f) => ({
    value: f.label,
    aliases: [f.label, ...(wording.schoolHeaders[f.id] ?? [])].map((h) => normaliseName(h, []).text),
    official: [],
    keywords: [],
  }));
  return nearest(normaliseName(text, []).text, targets).map((t) => t.value);
}
