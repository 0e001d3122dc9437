/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1) in what a user
 * wrote: a name holding ESC or BEL would clear a terminal, change its title, or make an SVG
 * not well-formed XML. The reader drops them from cell texts and sheet names (the Excel
 * writer always has); every text output drops them again, for texts that come from elsewhere
 * (a file name, a path on the command line).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The text without control characters (tab, line feed and carriage return kept). */
export const withoutControls = (s: string): string => (CONTROL.test(s) ? s.replace(CONTROL_ALL, '') : s);

/**
 * Terminal output: every control character but line feed and tab removed, and every escape
 * sequence but a colour (SGR: ESC [ digits ; … m, which is all chalk writes).
 */
const TERMINAL_UNSAFE = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
export const terminalSafe = (s: string): string =>
  CONTROL.test(s) || s.includes('\r') ? s.replace(TERMINAL_UNSAFE, (m) => (m.length > 1 ? m : '')) : s;

/** JSON text with DEL and the C1 controls (which JSON.stringify leaves raw) written as \u escapes. */
const C1_ALL = /[\u007f-\u009f]/g;
export const jsonSafe = (json: string): string =>
  /[\u007f-\u009f]/.test(json)
    ? json.replace(C1_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
