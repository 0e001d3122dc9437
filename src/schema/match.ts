/**
 * Matching a name as a county wrote it to what it means, with every wording as profile data:
 * normalise (numbering, brackets, punctuation, full-width, leading 全县 / 所有 …), then
 * exact alias → official text (equal, containing or contained, or nearly equal) → keywords.
 * One best match is taken; several equally good are reported as such, never guessed between.
 */
import { normaliseText } from './text';
import { maxOf } from '../common/lookup';

export interface KeywordSet {
  all: readonly string[];
  none: readonly string[];
}

export interface Target<T> {
  value: T;
  /** Normalised aliases: an equal name matches at once. */
  aliases: readonly string[];
  /** Normalised official wordings: equal, containing, contained or nearly equal. */
  official: readonly string[];
  keywords: readonly KeywordSet[];
  /** Keyword sets that must hold for a near match only (an item: its figures' keywords); default `keywords`. */
  guard?: readonly KeywordSet[];
}

export interface NormalisedName {
  /** The name with numbering, brackets, punctuation and empty prefixes removed. */
  text: string;
  /** What the last bracket held ("%", "万元"), if anything. */
  unit: string | null;
  /** Written as a part of the row above: （1）, ①, 其中：. */
  sub: boolean;
  /** The text with what its brackets held kept (the brackets themselves removed). */
  withBrackets: string;
}

const CIRCLED = /^[\u2460-\u2473\u2776-\u277f\u2780-\u2793]/;
/** A circled number as the name starts after normaliseText: ①–⑳ become digits (NFKC), ❶–❿ and ➀–➓ stay as they are. */
const CIRCLED_LEFT = /^(?:[0-9]+|[\u2776-\u277f\u2780-\u2793])/;
/**
 * Numbering at the start: 一、 （一） 1. 1、 1) 1.2 1.2. 第1项 第一条; the ones of a sub-row ((1), ①) set `sub`.
 * A number of several levels (1.2, 1.2.3) is tried before a number and its mark, which would take "1." of it.
 */
const TOP_NUMBERING =
  /^(第[0-9一二三四五六七八九十百]+[项条点]|[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)|[0-9]+(\.[0-9]+)+[.、)]?|[0-9]+[.、)])/;
const SUB_NUMBERING = /^\([0-9]+\)/;
const BRACKETS = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g;
const PUNCTUATION = /[，,。．.、；;：:“”"'‘’!！?？·•\-—–_/\\《》<>〈〉「」『』]/g;

export function normaliseName(
  raw: string,
  prefixes: readonly string[],
  subPrefixes: readonly string[] = [],
): NormalisedName {
  let sub = CIRCLED.test(raw.trim());
  let s = normaliseText(raw);
  if (sub) s = s.replace(CIRCLED_LEFT, '');
  for (let k = 0; k < 3; k++) {
    const before = s;
    if (SUB_NUMBERING.test(s)) {
      sub = true;
      s = s.replace(SUB_NUMBERING, '');
    }
    s = s.replace(TOP_NUMBERING, '');
    for (const p of normalisedList(subPrefixes))
      if (s.startsWith(p)) {
        sub = true;
        s = s.slice(p.length);
      }
    s = s.replace(/^[:：,，、.]+/, '');
    if (s === before) break;
  }
  const brackets = s.match(BRACKETS);
  const unit = brackets ? brackets[brackets.length - 1]!.slice(1, -1) : null;
  const withBrackets = brackets
    ? stripPrefixes(s.replace(/[()[\]【】〔〕]/g, '').replace(PUNCTUATION, ''), prefixes)
    : null;
  s = stripPrefixes((brackets ? s.replace(BRACKETS, '') : s).replace(PUNCTUATION, ''), prefixes);
  return { text: s, unit: unit === '' ? null : unit, sub, withBrackets: withBrackets ?? s };
}

/** Alias and official texts go through the same normalisation as the names matched against them. */
export const normaliseWording = (text: string, prefixes: readonly string[]) => normaliseName(text, prefixes).text;

const NORMALISED = new WeakMap<readonly string[], string[]>();
/** A wording list normalised once (profile lists are the same arrays for every row). */
function normalisedList(list: readonly string[]): string[] {
  let n = NORMALISED.get(list);
  if (!n) NORMALISED.set(list, (n = list.map(normaliseText)));
  return n;
}

const SORTED = new WeakMap<readonly string[], string[]>();
function stripPrefixes(s: string, prefixes: readonly string[]): string {
  let sorted = SORTED.get(prefixes);
  if (!sorted) SORTED.set(prefixes, (sorted = [...prefixes].map(normaliseText).sort((a, b) => b.length - a.length)));
  for (let again = true; again;) {
    again = false;
    for (const p of sorted)
      if (p && s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length);
        again = true;
      }
  }
  return s;
}

export const normaliseKeywords = (sets: readonly KeywordSet[]): KeywordSet[] =>
  sets.map((k) => ({ all: k.all.map(normaliseText), none: k.none.map(normaliseText) }));

/**
 * Each text's bigram counts, kept: the same aliases are compared with every row, and a row name with
 * every target. Bounded, so a file of many distinct names cannot grow it without end.
 */
const GRAMS = new Map<string, { counts: Map<string, number>; size: number }>();
function gramsOf(s: string): { counts: Map<string, number>; size: number } {
  let g = GRAMS.get(s);
  if (g) return g;
  const chars = [...s];
  const counts = new Map<string, number>();
  const list = chars.length < 2 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  for (const b of list) counts.set(b, (counts.get(b) ?? 0) + 1);
  g = { counts, size: list.length };
  if (GRAMS.size < 20_000) GRAMS.set(s, g);
  return g;
}

/** Dice similarity of the character bigrams: 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = gramsOf(a);
  const y = gramsOf(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const [g, n] of x.counts) {
    const m = y.counts.get(g);
    if (m !== undefined) shared += Math.min(n, m);
  }
  return (2 * shared) / (x.size + y.size);
}

export type MatchResult<T> =
  | { kind: 'one'; target: Target<T>; how: 'alias' | 'official' | 'similar' | 'keywords' }
  /** `weak`: only names that contradict the candidates' keywords. */
  | { kind: 'several'; targets: Target<T>[]; weak?: boolean }
  | { kind: 'none' };

/** Two near matches closer than this are too close to choose between. */
const TIE = 0.05;
/** An official text this similar (Dice of bigrams) to the name counts, contained or not. */
const NEAR = 0.75;
/** A contained name must be at least this long: "率" alone names nothing. */
const MIN_CONTAINED = 3;

/**
 * The target a normalised name means. `same` says whether two targets mean the same thing
 * (an item and its one figure): they then count as one.
 */
export function matchName<T>(
  name: string,
  targets: readonly Target<T>[],
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): MatchResult<T> {
  if (!name) return { kind: 'none' };
  const distinct = (list: Target<T>[]) => list.filter((t, i) => list.findIndex((u) => same(u.value, t.value)) === i);
  const decide = (list: Target<T>[], how: 'alias' | 'official'): MatchResult<T> | null => {
    const d = distinct(list);
    return d.length === 1 ? { kind: 'one', target: d[0]!, how } : d.length > 1 ? { kind: 'several', targets: d } : null;
  };
  const exact = decide(
    targets.filter((t) => t.aliases.includes(name)),
    'alias',
  );
  if (exact) return exact;
  const official = decide(
    targets.filter((t) => t.official.includes(name)),
    'official',
  );
  if (official) return official;

  // Containing, contained or nearly equal: scored by similarity, the best taken when it stands out.
  // A target whose keywords do not hold is a weak candidate: "生均公用经费" lies inside "特殊教育学校
  // 生均公用经费" but lacks the words (特殊教育) that make it that figure. Weak candidates are named,
  // never taken, unless nothing else is near (then the caller may decide in a narrower scope).
  const scored = targets
    .map((t) => {
      let score = 0;
      for (const text of [...t.aliases, ...t.official]) {
        const related =
          (text.length >= 2 && name.includes(text)) || (name.length >= MIN_CONTAINED && text.includes(name));
        const s = similarity(name, text);
        if (related || s >= NEAR) score = Math.max(score, related ? Math.max(s, 0.01) : s);
      }
      const guard = t.guard ?? t.keywords;
      return { t, score, weak: guard.length > 0 && keywordSize(guard, name) === 0 };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const strong = scored.filter((x) => !x.weak);
  if (strong.length) {
    const best = strong[0]!;
    const rivals = distinct(strong.filter((x) => best.score - x.score < TIE).map((x) => x.t));
    return rivals.length === 1 ? { kind: 'one', target: best.t, how: 'similar' } : { kind: 'several', targets: rivals };
  }
  if (scored.length) return { kind: 'several', targets: distinct(scored.map((x) => x.t)), weak: true };

  // Keywords: the most specific set that holds wins.
  const byKeywords = targets
    .map((t) => ({ t, size: keywordSize(t.keywords, name) }))
    .filter((x) => x.size > 0)
    .sort((a, b) => b.size - a.size);
  if (byKeywords.length) {
    const top = distinct(byKeywords.filter((x) => x.size === byKeywords[0]!.size).map((x) => x.t));
    return top.length === 1 ? { kind: 'one', target: top[0]!, how: 'keywords' } : { kind: 'several', targets: top };
  }
  return { kind: 'none' };
}

/** The size of the largest keyword set that holds for the name (0: none holds). */
function keywordSize(sets: readonly KeywordSet[], name: string): number {
  let size = 0;
  for (const k of sets)
    if (k.all.length > size && k.all.every((w) => name.includes(w)) && !k.none.some((w) => name.includes(w)))
      size = k.all.length;
  return size;
}

/** The `n` targets most like the name, for "是否指…？". */
export function nearest<T>(name: string, targets: readonly Target<T>[], n = 2, min = 0.25): Target<T>[] {
  return targets
    .map((t) => ({
      t,
      s: maxOf(
        [...t.aliases, ...t.official].map((x) => similarity(name, x)),
        0,
      ),
    }))
    .filter((x) => x.s >= min)
    .sort((a, b) => b.s - a.s)
    .slice(0, n)
    .map((x) => x.t);
}
