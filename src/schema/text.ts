/** Text normalisation shared by every matcher of the schema stage. */

/** Full-width → half-width, no white space or line breaks, no required-field markers. */
export function normaliseText(s: string): string {
  // Lower-case letters, digits and CJK unified ideographs are their own NFKC form, with nothing to strip: most names.
  if (UNCHANGED.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*※]+|[*※:]+$/g, '')
    .toLowerCase();
}

const UNCHANGED = /^[a-z0-9\u4e00-\u9fff]*$/;
