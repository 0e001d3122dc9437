/**
 * Hostile inputs, second round (issue 27): impossible numbers, control characters, a sheet
 * part listed many times, absurd names, a table of millions of rows, a CSV too large to hold.
 * Each test fails without its fix.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withinCellLimit } from '../src/render/spreadsheet/book';
import { unzip } from '../src/read/unzip';
import { zip } from '../src/render/spreadsheet/zip';
import { county, HEADER, primary, junior, tmp, workbook, type Cell } from './helpers/files';

const BIN = resolve('bin/balance-check.js');
const SAMPLE = resolve('fixtures/sample-county.xlsx');

function run(args: string[], node: string[] = []) {
  const r = spawnSync(process.execPath, [...node, BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, out: `${r.stdout}${r.stderr}` };
}

/** Every file a run wrote, by name, as text (xlsx entries inflated and joined). */
function written(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.xlsx'))
        files.set(p, [...unzip(readFileSync(p)).values()].map((b) => b.toString('utf8')).join('\n'));
      else files.set(p, readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

describe('impossible numbers', () => {
  it('1e308 students, 1e305 万元 of equipment, 1e308 ㎡: an error at each cell, no report with Infinity or NaN', async () => {
    const rows = county();
    rows[0] = rows[0]!.map((h) => (h === '教学仪器设备资产值' ? '教学仪器设备资产值（万元）' : h));
    rows[1]![2] = 1e308;
    rows[2]![9] = 1e305;
    rows[3]![7] = 1e308;
    const out = tmp();
    const r = run([await workbook({ 学校: rows }), '-o', out, '-f', 'xlsx,md,json']);
    expect(r.code).toBe(2);
    expect(r.out.match(/VALUE_IMPOSSIBLE/g)).toHaveLength(3);
    for (const cell of ['C2', 'J3', 'H4']) expect(r.out).toContain(cell);
    expect(r.out).not.toMatch(/Infinity|NaN|e\+30/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('the largest figures still accepted give finite numbers in every output', async () => {
    const rows: Cell[][] = [
      HEADER,
      primary('大校', 99_999),
      primary('小校', 20),
      junior('一中', 1200),
      junior('二中', 900),
    ];
    rows[1]![9] = 1e11 - 1;
    rows[2]![7] = 9_999_999;
    const out = tmp();
    const r = run([await workbook({ 学校: rows }), '-o', out, '-f', 'xlsx,md,json']);
    expect([0, 1]).toContain(r.code);
    const files = written(out);
    expect(files.size).toBeGreaterThan(10);
    for (const [path, text] of files) expect(text, path).not.toMatch(/\bNaN\b|Infinity/);
  });
});

describe('control characters', () => {
  const ESC = '\u001b';
  const nasty = `杨柳${ESC}]0;pwned\u0007${ESC}[2J\b小学`;

  it('ESC, BEL and BS in a school name and the file name reach no output raw; every SVG is well-formed', async () => {
    const rows = county();
    rows[1]![0] = nasty;
    const dir = tmp();
    const path = await workbook({ 学校: rows }, `县${ESC}[2J数据.xlsx`);
    const r = run([path, '-o', dir, '-f', 'xlsx,md,json']);
    expect([0, 1]).toContain(r.code);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const files = written(dir);
    for (const p of files.keys()) expect(p).not.toMatch(/[\u0000-\u001f]/);
    const svgs = [...files].filter(([p]) => p.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(5);
    for (const [p, text] of files) {
      // The JSON may say \u001b; no file holds the raw character.
      expect(text, p).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    }
    for (const [p, svg] of svgs) expect(() => wellFormed(svg), p).not.toThrow();
    const md = [...files].find(([p]) => p.endsWith('.md'))![1];
    expect(md).toMatch(/杨柳\\?\]0;pwned\\?\[2J小学/);
  });

  it('--json on stdout holds no raw control character either', async () => {
    const rows = county();
    rows[1]![0] = `${nasty}\u0085\u009b`;
    const r = run([await workbook({ 学校: rows }), '--json', '-o', tmp()]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(JSON.parse(r.stdout)).toBeTruthy();
  });
});

/** A small well-formedness check: every tag closes in order, no raw control character, & only as an entity. */
function wellFormed(xml: string): void {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) throw new Error('control character');
  if (/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-f]+;)/i.test(xml)) throw new Error('bare &');
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([\w:-]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> out of order`);
    } else stack.push(m[2]!);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(',')}`);
}

describe('a sheet part listed by many sheets', () => {
  it('10 000 sheets over one part: refused at once, not read 10 000 times', () => {
    const files = unzip(readFileSync(SAMPLE));
    const sheets = Array.from(
      { length: 10_000 },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rIdX"/>`,
    ).join('');
    const wb = files
      .get('xl/workbook.xml')!
      .toString('utf8')
      .replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`);
    files.set('xl/workbook.xml', Buffer.from(wb));
    const rels = files
      .get('xl/_rels/workbook.xml.rels')!
      .toString('utf8')
      .replace(
        '</Relationships>',
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
      );
    files.set('xl/_rels/workbook.xml.rels', Buffer.from(rels));
    const path = join(tmp(), 'many.xlsx');
    writeFileSync(path, zip([...files].map(([name, data]) => ({ name, data }))));
    const started = Date.now();
    const r = run([path, '-o', tmp()]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('多个工作表指向同一份数据');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('absurd sizes', () => {
  it('a 100 000-character school name: an error naming its first 20 characters, the name printed nowhere whole', async () => {
    const rows = county();
    rows[2]![0] = `二小${'很'.repeat(100_000)}`;
    const r = run([await workbook({ 学校: rows }), '-o', tmp()]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('NAME_TOO_LONG');
    expect(r.out).toContain('100002 个字');
    expect(r.out.length).toBeLessThan(5_000);
  });

  it('the Excel writer cuts any text to Excel’s 32 767 characters, not inside a surrogate pair', () => {
    expect(withinCellLimit('a'.repeat(40_000))).toHaveLength(32_767);
    expect(withinCellLimit('短')).toBe('短');
    const cut = withinCellLimit(`${'a'.repeat(32_765)}😀😀`);
    expect(cut.length).toBeLessThanOrEqual(32_767);
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\ud800-\udbff]…$/.test(cut)).toBe(false);
  });

  it('a school table past 300 000 rows ends in FILE_TOO_LARGE (exit 3), not in gigabytes', () => {
    const line = '第1学校,小学,500,,30,8,6,2500,4000,1100000,13\n';
    const path = join(tmp(), 'huge.csv');
    writeFileSync(path, `${HEADER.join(',')}\n${line.repeat(300_001)}`);
    const r = run([path, '-o', tmp(), '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.out).toContain('FILE_TOO_LARGE');
    expect(r.out).toContain('300,000');
  }, 60_000);

  it('a CSV of 8 million one-field lines is read within a 400 MB heap (it took 2.9 GB)', () => {
    const parts = ['学校名称'];
    for (let i = 0; i < 8_000_000; i++) parts.push(String(1_000_000 + i));
    const path = join(tmp(), 'one-column.csv');
    writeFileSync(path, parts.join('\n'));
    const r = run([path, '-o', tmp(), '-f', 'json'], ['--max-old-space-size=400']);
    expect(r.out).not.toMatch(/heap out of memory|内部错误/);
    expect(r.code).toBe(2);
    expect(r.out).toContain('HEADER_NOT_FOUND');
  }, 60_000);
});
