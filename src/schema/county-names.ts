// Takes: the counties of a file (区县 column) and a county's name as someone wrote it (a county sheet's heading, --county).
// Gives: which county it means, by its full name or its name without 县, 区, 市, 旗 … (白水 for 白水县).
import { normaliseText } from './text';

/** The name without its suffix (白水 for 白水县), when two characters or more are left; else null. */
function shortName(normalised: string, endings: readonly string[]): string | null {
  const suffix = endings.find((x) => normalised.endsWith(x) && normalised.length - x.length >= 2);
  return suffix === undefined ? null : normalised.slice(0, -suffix.length);
}

/** Normalised full name, and short form held by one county only, → the county (a county sheet's column headings). */
export function countyHeadings(counties: readonly string[], suffixes: readonly string[]): Map<string, string> {
  const out = new Map(counties.map((c) => [normaliseText(c), c]));
  const short = new Map<string, string | null>();
  const endings = suffixes.map(normaliseText);
  for (const c of counties) {
    const key = shortName(normaliseText(c), endings);
    if (key === null) continue;
    short.set(key, short.has(key) && short.get(key) !== c ? null : c);
  }
  for (const [key, c] of short) if (c !== null && !out.has(key)) out.set(key, c);
  return out;
}

/**
 * The counties a name given by a user means (`--county 白水`): the one so named, else those whose name
 * without its suffix is the name without its own (白水 and 白水区 both find 白水县). Several: ambiguous.
 */
export function countiesNamed(counties: readonly string[], name: string, suffixes: readonly string[]): string[] {
  const key = normaliseText(name);
  const exact = counties.filter((c) => normaliseText(c) === key);
  if (exact.length) return [...new Set(exact)];
  const endings = suffixes.map(normaliseText);
  const stem = shortName(key, endings) ?? key;
  const stemOf = (c: string) => shortName(normaliseText(c), endings) ?? normaliseText(c);
  return [...new Set(counties.filter((c) => stemOf(c) === stem))];
}
