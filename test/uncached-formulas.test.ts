/**
 * Formulas without a cached result, as scripts (openpyxl and others) write them: computed when they are
 * arithmetic over their own sheet, said once per column; anything else an error naming why (issue 26).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slideFormula } from '../src/read/formula';
import { readOoxml } from '../src/read/ooxml';
import { unzip } from '../src/read/unzip';
import { readXlsxFallback } from '../src/read/xlsx';
import { zip } from '../src/render/spreadsheet/zip';
import { check, county, tmp, workbook, type Cell } from './helpers/files';

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

describe('shared formulas without a cached result', () => {
  /**
   * The county with H, I and J as shared formulas, as Excel writes a formula filled down: the text once, in
   * the first cell of its range, the other cells `<f t="shared" si="…"/>` with no text of their own.
   * H is arithmetic; I refers to another sheet; J's cells name a shared formula the file does not have.
   */
  function sharedFormulas(): Cell[][] {
    const rows = county();
    rows.slice(1).forEach((r, k) => {
      r[7] = { formula: `(C${k + 2}+D${k + 2})*5` };
      r[8] = { formula: `其他表!$B$1*C${k + 2}` };
      r[9] = { formula: '0' };
    });
    return rows;
  }
  const write = async (): Promise<Buffer> => {
    const files = unzip(readFileSync(await workbook({ 学校数据: sharedFormulas() })));
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = files
      .get(sheet)!
      .toString('utf8')
      .replace(
        /<c r="([HIJ])(\d+)"([^>]*)><f>([^<]*)<\/f><\/c>/g,
        (_, col: string, row: string, attrs: string, f: string) => {
          const si = { H: 0, I: 1, J: 9 }[col]!;
          const first = row === '2' && col !== 'J';
          return `<c r="${col}${row}"${attrs}>${first ? `<f t="shared" ref="${col}2:${col}7" si="${si}">${f}</f>` : `<f t="shared" si="${si}"/>`}</c>`;
        },
      );
    files.set(sheet, Buffer.from(xml, 'utf8'));
    return zip([...files].map(([name, data]) => ({ name, data })));
  };

  it('each cell is the first cell’s formula moved to it: computed when arithmetic, else named, never 公式“=”', async () => {
    const bytes = await write();
    const path = join(tmp(), 'shared.xlsx');
    writeFileSync(path, bytes);
    const r = await check(path);
    // H: (C+D)*5 in each row, computed (no cell of it an error).
    expect(r.issues.filter((i) => i.cell?.startsWith('H') && i.severity === 'error')).toEqual([]);
    const note = r.issues.find((i) => i.code === 'FORMULA_COMPUTED')!;
    expect(note.message).toContain('“=(C2+D2)*5”= 5000；此列共 6 格');
    // I: another sheet, named with the cell's own references and where the shared formula starts.
    const errors = r.issues.filter((i) => i.code === 'FORMULA_NO_RESULT');
    const at = (cell: string) => errors.find((e) => e.cell === cell)!.text;
    expect(at('I2')).toMatch(/^公式“=其他表!\$B\$1\*C2”没有保存计算结果，且引用了其他工作表/);
    expect(at('I5')).toMatch(/^公式“=其他表!\$B\$1\*C5”（I2 起的共享公式）没有保存计算结果，且引用了其他工作表/);
    // J: a shared formula the file does not hold.
    expect(at('J3')).toMatch(/^此格（共享公式）没有保存计算结果，且该共享公式的公式文本在文件中找不到/);
    expect(errors.some((e) => e.text.includes('公式“=”'))).toBe(false);
    // The exceljs fallback reads the same cells, and gives the same formulas.
    const fast = readOoxml(bytes)[0]!.rows;
    const slow = (await readXlsxFallback(bytes, 'shared.xlsx'))[0]!.rows;
    for (const row of [2, 5, 7])
      for (const col of [7, 8]) expect(slow[row - 1]![col], `${row}:${col}`).toEqual(fast[row - 1]![col]);
    expect(fast[4]![7]).toEqual({ kind: 'formula-no-result', formula: '(C5+D5)*5', shared: 'H2' });
    expect(fast[4]![8]).toEqual({ kind: 'formula-no-result', formula: '其他表!$B$1*C5', shared: 'I2' });
  });

  it('slideFormula moves relative references only, and never text, names or sheet names', () => {
    expect(slideFormula('$C$2*5+C$2+$C2+C2', 2, 1)).toBe('$C$2*5+D$2+$C4+D4');
    expect(slideFormula('SUM(C2:D2)+SUM(A:B)+SUM(2:3)+SUM($A:B)', 1, 1)).toBe('SUM(D3:E3)+SUM(B:C)+SUM(3:4)+SUM($A:C)');
    expect(slideFormula(`'其他 表'!C2&"A1"&LOG10(A1)+1E5+Table1[[#This Row],[Col1]]`, 1, 0)).toBe(
      `'其他 表'!C3&"A1"&LOG10(A2)+1E5+Table1[[#This Row],[Col1]]`,
    );
    expect(slideFormula('XFE1+A1', 1, 0)).toBe('XFE1+A2');
    expect(slideFormula('A1', -1, 0)).toBeNull();
    expect(slideFormula('XFD1', 0, 1)).toBeNull();
  });
});
