/**
 * The Excel reports printed as a county prints them (LibreOffice → PDF): the sample, a messy
 * county (a 自评表 with claims, long school names, 学区, unit notes) and a province, each sheet's
 * title and header whole, and no word on any page below 8 pt.
 */
import { describe, expect, it } from 'vitest';
import { readOoxml } from '../src/read/ooxml';
import { renderXlsx } from '../src/render/xlsx';
import { check } from './helpers/files';
import { messyCounty, province } from './helpers/counties';
import { hasPdftotext, hasSoffice, printedPages } from './helpers/libreoffice';

if (process.env.CI && !(hasSoffice && hasPdftotext))
  throw new Error('CI must have LibreOffice and pdftotext for the print tests: see .ci/run');

const textOf = (c: unknown) =>
  c && typeof c === 'object' && 'kind' in c && (c as { kind: string }).kind === 'text'
    ? (c as unknown as { text: string }).text
    : '';

/** Prints the report; checks every sheet's title and header lines are in the print and every word is ≥ 8 pt. */
async function printsWhole(xlsx: Buffer) {
  const pages = printedPages(xlsx);
  const all = pages.map((p) => p.text).join('\n');
  for (const sheet of readOoxml(xlsx)) {
    const title = textOf(sheet.rows[0]?.[0]);
    expect(all, `${sheet.name}: title`).toContain(title.replace(/\s+/g, ''));
    const header = sheet.rows.find((r, i) => i > 0 && r.filter((c) => textOf(c)).length >= 3) ?? [];
    for (const cell of header)
      for (const line of textOf(cell).split('\n').filter(Boolean))
        expect(all, `${sheet.name}: header ${line}`).toContain(line.replace(/\s+/g, ''));
  }
  pages.forEach((p, i) => {
    const small = p.words.filter((w) => w.size < 7.9);
    expect(
      small.map((w) => `${w.text} ${w.size.toFixed(1)}pt`),
      `page ${i + 1} of ${pages.length}: ${p.text.slice(0, 30)}`,
    ).toEqual([]);
  });
  return pages;
}

describe.skipIf(!hasSoffice || !hasPdftotext)('the Excel reports printed', () => {
  it('the sample county', async () => {
    const pages = await printsWhole(await renderXlsx(await check('fixtures/sample-county.xlsx')));
    // A table printed several pages wide carries its whole title on every page, as the page header.
    const title =
      '附表13　计算数据：各校（学段）在校生与资源量（一贯制学校及完全中学已拆分）；指标值 = 数量 ÷ 在校生（每百名 × 100）'.replace(
        /\s+/g,
        '',
      );
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
