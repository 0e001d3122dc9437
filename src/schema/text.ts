/** Text normalisation shared by every matcher of the schema stage. */

/** Full-width → half-width, no white space or line breaks, no required-field markers. */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*※]+|[*※:]+$/g, '')
    .toLowerCase();
}
