/**
 * Formulas without a cached result, as scripts (openpyxl and others) write them: computed when they are
 * arithmetic over their own sheet, said once per column; anything else an error naming why (issue 26).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzip } from '../src/read/unzip';
import { zip } from '../src/render/spreadsheet/zip';
import { check, county, workbook, type Cell } from './helpers/files';

/** The county with 教学及辅助用房 (H), 体育场馆 (I) and 仪器设备 (J) as formulas of the students (C or D). */
function withFormulas(): Cell[][] {
  const rows = county();
  rows.slice(1).forEach((r, k) => {
    const n = k + 2;
    const students = r[2] === null ? `D${n}` : `C${n}`;
    const junior = r[2] === null;
    r[7] = { formula: `${students}*${junior ? 6 : 5}` };
    r[8] = { formula: `SUM(${students}:${students})*${junior ? 11 : 8}` };
    r[9] = { formula: `(${students}*${junior ? 2700 : 2200}+0)/1` };
  });
  return rows;
}

/** What openpyxl writes: an empty <v></v> after each formula. */
function withEmptyValues(path: string): string {
  const files = unzip(readFileSync(path));
  const entries = [...files].map(([name, data]) => ({
    name,
    data: name.startsWith('xl/worksheets/')
      ? Buffer.from(data.toString('utf8').replace(/(<f>[^<]*<\/f>)(?!<v>)/g, '$1<v></v>'), 'utf8')
      : data,
  }));
  const out = path.replace(/\.xlsx$/, '.openpyxl.xlsx');
  writeFileSync(out, zip(entries));
  return out;
}

const values = (r: Awaited<ReturnType<typeof check>>) =>
  r.counties[0]!.levels.map((l) => Object.values(l.result.indicators).map((i) => i.cv));

describe('formulas without a cached result', () => {
  it('are computed as the plain numbers would be, and said once per column', async () => {
    const plain = await check(await workbook({ 学校数据: county() }));
    const path = await workbook({ 学校数据: withFormulas() });
    for (const file of [path, withEmptyValues(path)]) {
      const r = await check(file);
      expect(r.issueCounts.error).toBe(0);
      expect(values(r)).toEqual(values(plain));
      const notes = r.issues.filter((i) => i.code === 'FORMULA_COMPUTED');
      expect(notes.map((n) => n.cell)).toEqual(['H2', 'I2', 'J2']);
      expect(notes[0]!.message).toContain('“=C2*5”= 5000；此列共 6 格');
      expect(r.issues.some((i) => i.code === 'MISSING_VALUE')).toBe(false);
    }
  });

  it('a cycle, or a formula over text, is FORMULA_NO_RESULT at its cell naming why, never 此项为空', async () => {
    const rows = county();
    rows[1]![7] = { formula: 'I2+1' };
    rows[1]![8] = { formula: 'H2+1' };
    rows[2]![9] = { formula: 'A3*2' };
    const r = await check(withEmptyValues(await workbook({ 学校数据: rows })));
    const errors = r.issues.filter((i) => i.code === 'FORMULA_NO_RESULT');
    expect(errors.map((e) => e.cell)).toEqual(['H2', 'I2', 'J3']);
    expect(errors[0]!.message).toContain('循环引用');
    expect(errors[2]!.message).toContain('引用的单元格是文字');
    expect(r.issues.some((i) => i.code === 'MISSING_VALUE')).toBe(false);
  });
});
