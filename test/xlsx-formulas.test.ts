/**
 * The Excel report's numbers are live formulas. With every cached value stripped,
 * LibreOffice recomputes the workbook from the formulas alone; the result must equal
 * the engine (the JSON report) to 1e-9. Needs soffice: CI installs it (.ci/run).
 */
import { describe, expect, it } from 'vitest';
import { ProfileSchema, YOUZHI_2017 } from '../src/engine/profile';
import { LEVEL_NAMES } from '../src/engine/types';
import { sectionLabel, type Report } from '../src/report/model';
import { renderXlsx } from '../src/render/xlsx';
import { analyse } from '../src/cli/pipeline';
import { check, county, workbook } from './helpers/files';
import { hasPdftotext, hasSoffice, printedText, recalculate, stripCachedValues } from './helpers/libreoffice';

if (process.env.CI && !(hasSoffice && hasPdftotext))
  throw new Error('CI must have LibreOffice and pdftotext for the Excel tests: see .ci/run');

const close = (actual: string | undefined, expected: number, what: string) => {
  const x = Number(actual);
  expect(Number.isFinite(x), `${what}: “${actual}” is not a number`).toBe(true);
  expect(Math.abs(x - expected), `${what}: ${x} vs ${expected}`).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
};

/** Compares every computed number and verdict of the recalculated workbook with the engine's report. */
function expectSameAsEngine(sheets: Map<string, string[][]>, report: Report) {
  const county = report.counties[0]!;
  const inds = report.profile.indicators;
  const n = inds.length;

  const cv = sheets.get('差异系数')!.slice(2);
  let row = 0;
  for (const l of county.levels)
    for (const ind of inds) {
      const r = cv[row++]!;
      const s = l.result.indicators[ind.id]!;
      expect(r.slice(0, 2)).toEqual([LEVEL_NAMES[l.level], ind.name]);
      close(r[2], s.total, `${l.level} ${ind.id} total`);
      close(r[3], s.students, `${l.level} ${ind.id} students`);
      close(r[4], s.mean, `${l.level} ${ind.id} mean`);
      close(r[5], s.sd, `${l.level} ${ind.id} S`);
      close(r[6], s.cv!, `${l.level} ${ind.id} CV`);
      expect(r[8], `${l.level} ${ind.id} pass`).toBe(s.cvPass ? '达标' : '未达标');
      expect(r[9], `${l.level} ${ind.id} borderline`).toBe(s.borderline ? '临界' : '');
    }

  const sections = county.levels.flatMap((l) => l.sections);
  const data = sheets.get('计算数据')!.slice(2);
  const compliance = sheets.get('学校达标')!.slice(2);
  const shortfall = sheets
    .get('缺口测算')!
    .slice(2)
    .filter((r) => !r[1]!.endsWith('合计'));
  sections.forEach((s, k) => {
    const name = sectionLabel(s);
    expect(data[k]![1]).toBe(name);
    expect(compliance[k]![1]).toBe(name);
    expect(shortfall[k]![1]).toBe(name);
    inds.forEach((ind, i) => {
      close(data[k]![8 + n + i], s.values[ind.id]!, `${name} ${ind.id} value`);
      expect(compliance[k]![5 + 2 * i], `${name} ${ind.id} met`).toBe(s.met[ind.id] ? '✓' : '✗');
      close(shortfall[k]![3 + i] || '0', s.shortfall[ind.id]!, `${name} ${ind.id} shortfall`);
      close(
        shortfall[k]![5 + n + i] || '0',
        s.shortfallToCompliance[ind.id]!,
        `${name} ${ind.id} shortfall to compliance`,
      );
    });
    close(compliance[k]![4 + 2 * n], s.metCount, `${name} met count`);
    expect(compliance[k]![5 + 2 * n], `${name} compliant`).toBe(s.compliant ? '达标' : '未达标');
  });

  const overview = sheets.get('概览')!.slice(2);
  county.levels.forEach((l, i) => {
    close(overview[i]![3], l.result.compliantSchools, `${l.level} compliant schools`);
    close(overview[i]![4], n - l.failingCvs.length, `${l.level} CVs passed`);
    expect(overview[i]![5]).toBe(l.result.pass ? '达标' : '未达标');
  });
}

describe.skipIf(!hasSoffice)('Excel formulas recalculated by LibreOffice', () => {
  it('the messy sample county: every CV, value, mark and shortfall equals the engine to 1e-9', async () => {
    const report = await check('fixtures/sample-county.xlsx');
    expectSameAsEngine(recalculate(stripCachedValues(await renderXlsx(report))), report);
  }, 120_000);

  it('changing a standard in the 标准 sheet recomputes the workbook like the engine with that standard', async () => {
    const report = await check('fixtures/sample-county.xlsx');
    const i = YOUZHI_2017.indicators.findIndex((x) => x.id === 'sports_space');
    // 标准: title, header, then one row per indicator; B is 小学.
    const cell = `B${3 + i}`;
    const book = stripCachedValues(await renderXlsx(report), {
      sheet: '标准',
      change: (xml) => {
        const changed = xml.replace(
          new RegExp(`(<c r="${cell}"[^>]*><v>)7\\.5(</v>)`),
          (_, open: string, close: string) => `${open}15${close}`,
        );
        expect(changed).not.toBe(xml);
        return changed;
      },
    });
    const stricter = ProfileSchema.parse({
      ...YOUZHI_2017,
      indicators: YOUZHI_2017.indicators.map((x) =>
        x.id === 'sports_space' ? { ...x, standard: { primary: 15, junior: 10.2 } } : x,
      ),
    });
    const expected = await analyse('fixtures/sample-county.xlsx', { profile: stricter });
    expect(expected.counties[0]!.levels[0]!.result.compliantSchools).toBeLessThan(
      report.counties[0]!.levels[0]!.result.compliantSchools,
    );
    expectSameAsEngine(recalculate(book), expected);
  }, 120_000);
});

describe.skipIf(!hasSoffice)('to-compliance shortfalls at the floor', () => {
  it('an indicator left at 85% that is already above 85% needs nothing (not a negative amount)', async () => {
    // 一小 (1000 students): 骨干 9 → 0.9 per 100 (90% of 1.0), 场馆 7400 → 7.4 ㎡ (98.7% of 7.5): 5 of 7 met,
    // not compliant; 骨干 is furthest below, so it is left at 85% — which it already exceeds.
    const rows = county();
    rows[1]![5] = 9;
    rows[1]![8] = 7400;
    const report = await check(await workbook({ 学校数据: rows }));
    const first = report.counties[0]!.levels[0]!.sections[0]!;
    expect(first.compliant).toBe(false);
    expect(first.leftAtFloor).toEqual(['backbone_teachers']);
    expect(first.shortfallToCompliance.backbone_teachers).toBe(0);
    expectSameAsEngine(recalculate(stripCachedValues(await renderXlsx(report))), report);
  }, 120_000);
});

describe.skipIf(!hasSoffice)('a 2012 (jiben) workbook recalculated', () => {
  it('every CV and the 综合差异系数 equal the engine; the overview verdict follows the composite', async () => {
    const { JIBEN_2012 } = await import('../src/engine/profiles');
    const report = await analyse('fixtures/sample-county.xlsx', { profile: JIBEN_2012 });
    const sheets = recalculate(stripCachedValues(await renderXlsx(report)));
    const cv = sheets.get('差异系数')!.slice(2);
    let row = 0;
    for (const l of report.counties[0]!.levels) {
      for (const ind of report.profile.indicators)
        close(cv[row++]![6], l.result.indicators[ind.id]!.cv!, `${l.level} ${ind.id} CV`);
      const composite = cv[row++]!;
      expect(composite[1]).toBe('综合差异系数（各项平均）');
      close(composite[6], l.result.compositeCv!, `${l.level} composite`);
      expect(composite[8]).toBe(l.result.cvRulePass ? '达标' : '未达标');
    }
    const overview = sheets.get('概览')!.slice(2);
    report.counties[0]!.levels.forEach((l, i) => expect(overview[i]![5]).toBe(l.result.pass ? '达标' : '未达标'));
  }, 120_000);
});

describe.skipIf(!hasSoffice || !hasPdftotext)('the Excel report printed', () => {
  it('prints without #### and with every school name whole', async () => {
    const report = await check('fixtures/sample-county.xlsx');
    const text = printedText(await renderXlsx(report));
    expect(text).not.toContain('###');
    const compact = text.replace(/\s+/g, '');
    for (const s of report.counties[0]!.levels.flatMap((l) => l.sections))
      expect(compact, sectionLabel(s)).toContain(sectionLabel(s));
    for (const ind of report.profile.indicators) expect(compact, ind.name).toContain(ind.name);
    expect(compact).toContain('第1页，共');
    // The charts are drawn: each chart's legend shows its standard as a series name (only charts do).
    for (const l of report.counties[0]!.levels)
      for (const ind of report.profile.indicators)
        expect(compact, `${l.level} ${ind.id} chart`).toContain(`标准${ind.standard![l.level]}`);
    expect(compact).toContain('小学·体育场馆（㎡）（差异系数0.603）');
    // 学区与城乡: one row per 学区 and indicator, headers whole (it was 25 columns at about 5 pt).
    for (const h of ['学区（集团）', '学区均值', '乡村÷', '北部学区体育场馆（㎡）']) expect(compact, h).toContain(h);
  }, 120_000);
});
