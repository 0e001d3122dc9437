/**
 * What the user wrote (school, county, 学区 names, sheet and file names, cell texts in
 * issue messages) must read as text in Markdown, which county portals render as HTML:
 * `<script>` shows as `<script>`, `[点我](javascript:…)` as brackets (a `!` only makes an image before a `[`), `**x**` as stars.
 */
import { withoutControls } from '../common/controls';
import { SectionResult } from '../engine/compliance';
import type { Section } from '../engine/sections';
import type { Report } from '../report/model';
import type { ColumnAccount } from '../schema/column-accounting';

const SPECIAL = /[\\`*_[\]~#&<>]/g;
/** Whatever escapeMarkdown changes: Markdown and HTML punctuation, line breaks, control characters. */
const NEEDS_ESCAPE = /[\\`*_[\]~#&<>\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** One user text as Markdown text: HTML characters as entities, Markdown punctuation backslash-escaped, on one line. */
export const escapeMarkdown = (s: string): string =>
  !NEEDS_ESCAPE.test(s)
    ? s
    : withoutControls(s)
        .replace(/[\r\n]+/g, ' ')
        .replace(SPECIAL, (ch) => ENTITY[ch] ?? `\\${ch}`);

/** The fields of the model that hold user text (the profile is the tool's own and stays as it is). */
const USER_TEXT = new Set([
  'name',
  'text',
  'county',
  'label',
  'group',
  'parent',
  'sheet',
  'column',
  'school',
  'message',
  'file',
  'title',
  'countySheet',
  'reason',
  'year',
]);

/** Fields that hold only numbers, flags or ids: shared as they are, not copied (a province has many). */
const NO_USER_TEXT = new Set([
  'values',
  'met',
  'shortfall',
  'shortfallToCompliance',
  'relativeGaps',
  'amounts',
  'resources',
  'sectionResources',
  'items',
  'students',
  'cells',
  'shortfallTotals',
  'weights',
  'split',
]);

/**
 * The report with every user text escaped, for the Markdown renderer only. Shared objects
 * stay shared (lookups by identity still work); Maps keep their keys.
 */
export function escapedForMarkdown(report: Report): Report {
  // A batch's Markdown shows only the province table and the issues: only their user texts need escaping.
  if (!report.detail) {
    const counties = new Map(
      report.counties.map((c) => [
        c,
        { ...c, label: escapeMarkdown(c.label), county: c.county === null ? null : escapeMarkdown(c.county) },
      ]),
    );
    const issue = (i: Report['issues'][number]) => {
      const o = { ...i } as Record<string, unknown>;
      for (const k of USER_TEXT) if (typeof o[k] === 'string') o[k] = escapeMarkdown(o[k]);
      return o as unknown as typeof i;
    };
    return {
      ...report,
      input: {
        ...report.input,
        file: escapeMarkdown(report.input.file),
        sheet: report.input.sheet && escapeMarkdown(report.input.sheet),
        ...(report.input.sheets ? { sheets: report.input.sheets.map(escapeMarkdown) } : {}),
        ...(report.input.columns ? { columns: report.input.columns.map(escapedAccount) } : {}),
      },
      counties: report.counties.map((c) => counties.get(c)!),
      province: report.province && report.province.map((c) => counties.get(c)!),
      issues: report.issues.map(issue),
    };
  }
  // Copy on write: an object none of whose user texts changes is kept as it is (most are: a county's names seldom
  // hold Markdown punctuation), so only the paths to a changed text are copied. Shared objects stay shared.
  const seen = new Map<object, unknown>();
  const keep = (x: unknown) => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.set(x, x);
    for (const v of x instanceof Map ? x.values() : Object.values(x)) keep(v);
  };
  keep(report.profile);
  const copy = (x: unknown, key: string): unknown => {
    if (typeof x === 'string') return USER_TEXT.has(key) ? escapeMarkdown(x) : x;
    if (typeof x !== 'object' || x === null || x instanceof Date || NO_USER_TEXT.has(key)) return x;
    const done = seen.get(x);
    if (done !== undefined) return done;
    // Sets, and typed arrays (a county's section figures), hold no user text: shared as they are.
    if (x instanceof Set || ArrayBuffer.isView(x)) return x;
    // While its parts are copied, an object stands for itself (the model has no cycles; this only ends one).
    seen.set(x, x);
    let result: unknown = x;
    if (x instanceof Map) {
      let m: Map<unknown, unknown> | undefined;
      let at = 0;
      for (const [k, v] of x) {
        const c = copy(v, key);
        if (c !== v && !m) {
          m = new Map();
          let i = 0;
          for (const [k2, v2] of x) {
            if (i++ >= at) break;
            m.set(k2, v2);
          }
        }
        m?.set(k, c);
        at++;
      }
      if (m) result = m;
    } else if (Array.isArray(x)) {
      let a: unknown[] | undefined;
      for (let i = 0; i < x.length; i++) {
        const v: unknown = x[i];
        const c = copy(v, key);
        if (c !== v) a ??= x.slice(0, i);
        a?.push(c);
      }
      if (a) result = a;
    } else if (x instanceof SectionResult) {
      // A section's judgement: the same, over the copy of its section (one shape for all of them).
      const section = copy(x.section, 'section') as Section;
      if (section !== x.section) result = x.withSection(section);
    } else {
      let o: Record<string, unknown> | undefined;
      for (const k in x) {
        if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
        const v = (x as Record<string, unknown>)[k];
        const c = copy(v, k);
        if (c !== v && !o) {
          o = Object.create(Object.getPrototypeOf(x) as object | null) as Record<string, unknown>;
          for (const k2 in x) {
            if (k2 === k) break;
            if (Object.prototype.hasOwnProperty.call(x, k2)) o[k2] = (x as Record<string, unknown>)[k2];
          }
        }
        if (o) o[k] = c;
      }
      if (o) result = o;
    }
    seen.set(x, result);
    return result;
  };
  const escaped = copy(report, '') as Report;
  // The columns' accounts are escaped by their own rule; the report and its input are new objects (a copy on write may have kept them).
  return report.input.columns
    ? { ...escaped, input: { ...escaped.input, columns: report.input.columns.map(escapedAccount) } }
    : escaped;
}

/** A column's account with its user texts (sheet, header, field as read) escaped. */
const escapedAccount = (a: ColumnAccount): ColumnAccount => ({
  ...a,
  sheet: escapeMarkdown(a.sheet),
  header: a.header.map(escapeMarkdown),
  field: a.field && escapeMarkdown(a.field),
});
