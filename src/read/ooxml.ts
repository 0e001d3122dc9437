/**
 * A small, fast reader for the parts of SpreadsheetML balance-check needs: sheet names
 * and order, shared strings, cell values (cached formula results, errors, inline strings)
 * and merged ranges. Anything it does not recognise throws OoxmlFormatError, and the
 * caller falls back to exceljs.
 */
import { mergeKey, type CellValue, type Sheet } from './types';
import { unzip } from './unzip';

export class OoxmlFormatError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? whole),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR_PATTERNS = new Map<string, RegExp>();
const attr = (attrs: string, name: string): string | undefined => {
  let pattern = ATTR_PATTERNS.get(name);
  if (!pattern) ATTR_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = pattern.exec(attrs);
  return m ? decodeXml(m[1]!) : undefined;
};

/** All text of <t> elements, phonetic guides (<rPh>) left out. */
const textOf = (xml: string) =>
  [...xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');

function cellRef(ref: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) throw new OoxmlFormatError(`cell reference ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

export function readOoxml(buffer: Buffer): Sheet[] {
  const files = unzip(buffer);
  const text = (name: string) => files.get(name)?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new OoxmlFormatError('no xl/workbook.xml');
  const targets = new Map<string | undefined, string | undefined>(
    [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((m) => [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')]),
  );
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map((m) => {
    const name = attr(m[1]!, 'name');
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[1]!);
    const target = id ? targets.get(id[1] ?? id[2]) : undefined;
    const xml = target ? text(resolveTarget(target)) : undefined;
    if (name === undefined || xml === undefined) throw new OoxmlFormatError(`sheet ${name}`);
    return readSheet(name, xml, shared);
  });
}

const CELL_OR_ROW = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

function readSheet(name: string, xml: string, shared: readonly string[]): Sheet {
  const data = /<(?:\w+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml);
  const rows: (CellValue | undefined)[][] = [];
  let row = -1;
  let col = -1;
  for (const m of (data?.[1] ?? '').matchAll(CELL_OR_ROW)) {
    if (m[1] !== undefined) {
      const r = attr(m[1], 'r');
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    const attrs = m[2]!;
    const r = attr(attrs, 'r');
    [row, col] = r ? cellRef(r) : [row, col + 1];
    const value = cellValue(attr(attrs, 't') ?? 'n', m[3] ?? '', shared);
    if (value) (rows[row] ??= [])[col] = value;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const mergedInto = new Map<string, [number, number]>();
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
    const [from = '', to = from] = m[1]!.split(':');
    const [r0, c0] = cellRef(from);
    const [r1, c1] = cellRef(to);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) mergedInto.set(mergeKey(r, c), [r0, c0]);
  }
  return { name, rows, mergedInto };
}

function cellValue(type: string, inner: string, shared: readonly string[]): CellValue | undefined {
  const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  const formula = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(inner);
  if (v === undefined && type !== 'inlineStr')
    return formula ? { kind: 'formula-no-result', formula: decodeXml(formula[1] ?? '') } : undefined;
  const text = (s: string): CellValue | undefined => (s.trim() === '' ? undefined : { kind: 'text', text: s });
  switch (type) {
    case 's': {
      const s = shared[Number(v)];
      if (s === undefined) throw new OoxmlFormatError(`shared string ${v}`);
      return text(s);
    }
    case 'str':
      return text(decodeXml(v!));
    case 'inlineStr':
      return text(textOf(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? ''));
    case 'b':
      return { kind: 'bool', value: v === '1' || v === 'true' };
    case 'e':
      return { kind: 'error', error: decodeXml(v!) };
    case 'd':
      return { kind: 'date', value: new Date(decodeXml(v!)) };
    case 'n': {
      const n = Number(v);
      if (!Number.isFinite(n)) throw new OoxmlFormatError(`number ${v}`);
      return { kind: 'number', value: n };
    }
    default:
      throw new OoxmlFormatError(`cell type ${type}`);
  }
}
