/** Text normalisation shared by every matcher of the schema stage. */

/** Full-width → half-width, no white space or line breaks, no required-field markers. */
export function normaliseText(s: string): string {
  // Lower-case letters, digits and CJK unified ideographs are their own NFKC form, with nothing to strip: most names.
  if (UNCHANGED.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(INVISIBLE, '')
    .replace(/^[*※]+|[*※:]+$/g, '')
    .toLowerCase();
}

const UNCHANGED = /^[a-z0-9\u4e00-\u9fff]*$/;

/**
 * Characters that show as nothing: zero-width spaces and joiners, direction marks and embeddings, the
 * word joiner, a BOM inside text, a soft hyphen, Hangul fillers. Pasted from web pages and chat apps, they
 * make two names that look the same different.
 */
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

const INVISIBLE_NAMES = new Map<number, string>([
  [0x00ad, '软连字符'],
  [0x200b, '零宽空格'],
  [0x200c, '零宽非连接符'],
  [0x200d, '零宽连接符'],
  [0x200e, '从左到右标记'],
  [0x200f, '从右到左标记'],
  [0x2060, '词连接符'],
  [0xfeff, '零宽不换行空格'],
]);

/** A cell's text without its invisible characters, trimmed again; undefined when nothing is left. */
export function visibleText(text: string): string | undefined {
  if (!HAS_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, '').trim() || undefined;
}

/** The invisible characters of a text, each once, as U+200B（零宽空格）. */
export function invisibleIn(text: string): string {
  const codes = new Set<number>();
  for (const m of text.matchAll(INVISIBLE)) codes.add(m[0].codePointAt(0)!);
  return [...codes]
    .map((c) => {
      const name = INVISIBLE_NAMES.get(c);
      return `U+${c.toString(16).toUpperCase().padStart(4, '0')}${name ? `（${name}）` : ''}`;
    })
    .join('、');
}
