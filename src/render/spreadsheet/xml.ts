/**
 * XML escaping in one pass. Element text needs only & and < escaped; attribute values
 * also need ". Control characters that XML 1.0 forbids are dropped.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const TEXT_SPECIAL = /[&<\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const TEXT_ALL = /[&<\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const ATTR_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const ATTR_ALL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const replace = (c: string) => ESCAPES[c] ?? '';

export const escapeText = (s: string): string => (TEXT_SPECIAL.test(s) ? s.replace(TEXT_ALL, replace) : s);
export const escapeXml = (s: string): string => (ATTR_SPECIAL.test(s) ? s.replace(ATTR_ALL, replace) : s);
