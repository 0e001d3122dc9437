/** Test inputs written to a temporary folder: workbooks built cell by cell, CSV in any encoding. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import iconv from 'iconv-lite';
import { analyse } from '../../src/cli/pipeline';
import { YOUZHI_2017 } from '../../src/engine/profile';

/** The folders made by this test file: removed when its tests are done (a run made some 300 of them, left behind). */
const made: string[] = [];
export const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'balance-check-'));
  made.push(dir);
  return dir;
};
// Under vitest only: test/golden/cases.ts runs these helpers as a plain script too (the manifest).
if (process.env.VITEST)
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

/** scripts/identity.mjs collect: every input a test writes is also kept there, for the byte-identity check. */
let collected = 0;
const collect = (path: string) => {
  const dir = process.env.BALANCE_CHECK_COLLECT_INPUTS;
  if (dir) copyFileSync(path, join(dir, `${process.pid}-${++collected}-${path.split('/').pop()!}`));
};

export type Cell = ExcelJS.CellValue;

export interface SheetSpec {
  rows: Cell[][];
  /** Ranges such as "A1:K1". */
  merges?: string[];
  /** Hidden in the workbook. */
  hidden?: boolean;
  /** Rows and columns hidden in the sheet, 1-based. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

export async function workbook(sheets: Record<string, SheetSpec | Cell[][]>, name = 'test.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, spec] of Object.entries(sheets)) {
    const {
      rows,
      merges = [],
      hidden = false,
      hiddenRows = [],
      hiddenColumns = [],
    } = Array.isArray(spec) ? { rows: spec } : spec;
    const ws = wb.addWorksheet(sheetName, hidden ? { state: 'hidden' } : {});
    for (const r of rows) ws.addRow(r);
    for (const m of merges) ws.mergeCells(m);
    for (const r of hiddenRows) ws.getRow(r).hidden = true;
    for (const c of hiddenColumns) ws.getColumn(c).hidden = true;
  }
  const path = join(tmp(), name);
  await wb.xlsx.writeFile(path);
  collect(path);
  return path;
}

export function csvFile(text: string, encoding: string, name = 'test.csv', bom = false): string {
  const path = join(tmp(), name);
  const body = iconv.encode(text, encoding);
  writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  collect(path);
  return path;
}

export const check = (path: string, sheet?: string) =>
  analyse(path, { profile: YOUZHI_2017, ...(sheet !== undefined ? { sheet } : {}) });

/** The minimal header with every column the 2017 profile needs. */
export const HEADER = [
  '学校名称',
  '学校类型',
  '小学在校生数',
  '初中在校生数',
  '高于规定学历教师数',
  '县级及以上骨干教师数',
  '体育艺术专任教师数',
  '教学及辅助用房面积',
  '体育运动场馆面积',
  '教学仪器设备资产值',
  '网络多媒体教室数',
];

/** A CSV of one county (no 区县 column) of n primary schools, 第1小学 …: the large-county tests' input. */
export function primaryCountyCsv(n: number, name = `county-${n}.csv`): string {
  const rows = [HEADER.join(',')];
  for (let i = 0; i < n; i++)
    rows.push(
      primary(`第${i + 1}小学`, 300 + (i % 500))
        .map((v) => String((v as string | number | null) ?? ''))
        .join(','),
    );
  return csvFile(rows.join('\n'), 'utf8', name);
}

const c = Math.ceil;
/** A primary school a little above every standard. */
export const primary = (name: string, P = 1000): Cell[] => [
  name,
  '小学',
  P,
  null,
  c(0.05 * P),
  c(0.012 * P),
  c(0.01 * P),
  5 * P,
  8 * P,
  2200 * P,
  c(0.025 * P),
];
/** A junior school a little above every standard. */
export const junior = (name: string, P = 1000): Cell[] => [
  name,
  '初中',
  null,
  P,
  c(0.06 * P),
  c(0.012 * P),
  c(0.01 * P),
  6 * P,
  11 * P,
  2700 * P,
  c(0.025 * P),
];

/** A valid small county: four primary and two junior schools. */
export const county = (): Cell[][] => [
  HEADER,
  primary('一小', 1000),
  primary('二小', 800),
  primary('三小', 600),
  primary('四小', 500),
  junior('一中', 1200),
  junior('二中', 900),
];
