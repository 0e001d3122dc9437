/**
 * The Excel reports printed as a county prints them (LibreOffice → PDF): the sample, a messy
 * county (a 自评表 with claims, long school names, 学区, unit notes) and a province, each sheet's
 * title and header whole, and no word on any page below 8 pt.
 */
import { describe, expect, it } from 'vitest';
import { readOoxml } from '../src/read/ooxml';
import { renderXlsx } from '../src/render/xlsx';
import { check, county, HEADER, primary, junior, workbook, type Cell } from './helpers/files';
import { hasPdftotext, hasSoffice, printedPages } from './helpers/libreoffice';
import { merged, ZIPINGBIAO } from './helpers/ziping';

if (process.env.CI && !(hasSoffice && hasPdftotext)) throw new Error('CI must have LibreOffice and pdftotext for the print tests: see .ci/run');

const textOf = (c: unknown) => (c && typeof c === 'object' && 'kind' in c && (c as { kind: string }).kind === 'text' ? (c as unknown as { text: string }).text : '');

/** Prints the report; checks every sheet's title and header lines are in the print and every word is ≥ 8 pt. */
async function printsWhole(xlsx: Buffer) {
  const pages = printedPages(xlsx);
  const all = pages.map((p) => p.text).join('\n');
  for (const sheet of readOoxml(xlsx)) {
    const title = textOf(sheet.rows[0]?.[0]);
    expect(all, `${sheet.name}: title`).toContain(title.replace(/\s+/g, ''));
    const header = sheet.rows.find((r, i) => i > 0 && r.filter((c) => textOf(c)).length >= 3) ?? [];
    for (const cell of header)
      for (const line of textOf(cell).split('\n').filter(Boolean)) expect(all, `${sheet.name}: header ${line}`).toContain(line.replace(/\s+/g, ''));
  }
  pages.forEach((p, i) => {
    const small = p.words.filter((w) => w.size < 7.9);
    expect(small.map((w) => `${w.text} ${w.size.toFixed(1)}pt`), `page ${i + 1} of ${pages.length}: ${p.text.slice(0, 30)}`).toEqual([]);
  });
  return pages;
}

/** Six schools with long names in two 学区, a 万元 column, and the published 自评表 with claims. */
async function messyCounty(): Promise<string> {
  const names = ['城关镇第一中心小学（含东关分校区）', '城关镇第二实验小学', '青龙山乡中心小学附属教学点合并校', '四小', '城关镇第一初级中学（民族中学）', '二中'];
  const rows = county().map((r, i) => {
    if (i === 0) return [...r.slice(0, 9), '教学仪器设备资产值（万元）', r[10], '所属学区（集团）'];
    const x = [...r];
    x[0] = names[i - 1]!;
    x[9] = Number(x[9]) / 10_000;
    return [...x, i % 2 ? '城关教育集团（东片区）' : '山区学区'];
  });
  return workbook({ 学校数据: rows, 自评表: { rows: ZIPINGBIAO, merges: ['A1:F1', ...merged(ZIPINGBIAO)] } });
}

/** Three counties (a detailed batch) or thirty (the province table alone), in a 区县 column. */
async function province(counties: number): Promise<string> {
  const rows: Cell[][] = [[...HEADER, '区县']];
  for (let k = 0; k < counties; k++) {
    const name = `第${k + 1}测试县`;
    rows.push([...primary(`${name}一小`, 900 + k), name], [...primary(`${name}二小`, 400), name], [...junior(`${name}一中`, 1000), name]);
    if (k % 3 === 0) rows.push([...primary(`${name}山区小学`, 300).map((v, i) => (i === 8 ? 600 : v)), name]);
  }
  return workbook({ 学校数据: rows });
}

describe.skipIf(!hasSoffice || !hasPdftotext)('the Excel reports printed', () => {
  it('the sample county', async () => {
    const pages = await printsWhole(await renderXlsx(await check('fixtures/sample-county.xlsx')));
    // A table printed several pages wide carries its whole title on every page, as the page header.
    const title = '附表13　计算数据：各校（学段）在校生与资源量（一贯制学校及完全中学已拆分）；指标值 = 数量 ÷ 在校生（每百名 × 100）'.replace(/\s+/g, '');
    expect(pages.filter((p) => p.text.replace(/\s+/g, '').includes(title)).length).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('a messy county: 自评表 with claims, long names, 学区, a unit note', async () => {
    const report = await check(await messyCounty());
    expect(report.counties[0]!.checklist.some((c) => c.claim)).toBe(true);
    expect(report.counties[0]!.groups.length).toBeGreaterThan(0);
    await printsWhole(await renderXlsx(report));
  }, 240_000);

  it('a province: three counties in detail, and thirty in one table', async () => {
    await printsWhole(await renderXlsx(await check(await province(3))));
    const thirty = await check(await province(30));
    expect(thirty.detail).toBe(false);
    await printsWhole(await renderXlsx(thirty));
  }, 360_000);
});
