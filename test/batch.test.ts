/** Many counties in one file (a 区县 column): each computed on its own; the province table. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/cli/pipeline';
import { YOUZHI_2017 } from '../src/engine/profile';
import { renderMarkdown } from '../src/render/markdown';
import { renderXlsx } from '../src/render/xlsx';
import { readOoxml } from '../src/read/ooxml';
import { check, HEADER, junior, primary, tmp, workbook, type Cell } from './helpers/files';

const withCounty = (county: string, row: Cell[]) => [...row, county];
// 甲县: two identical primary schools (every CV 0); 乙县: 1000 and 250 students with the same resources
// per school except sports space 8000 in both (so 乙县's sports CV ≠ 0); 丙县: 甲县 again, named 一小 too.
const rows: Cell[][] = [
  [...HEADER, '区县'],
  withCounty('乙县', primary('一小', 1000)),
  withCounty('甲县', primary('一小', 500)),
  withCounty('甲县', primary('二小', 500)),
  withCounty('乙县', [...primary('二小', 250).slice(0, 8), 8000, ...primary('二小', 250).slice(9)]),
  withCounty('甲县', junior('一中', 800)),
  withCounty('乙县', junior('一中', 800)),
];

describe('batch: a 区县 column', () => {
  it('computes every county separately; duplicate names are per county', async () => {
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issueCounts.error).toBe(0);
    expect(r.counties.map((c) => c.county)).toEqual(['乙县', '甲县']);
    const sports = (county: string) =>
      r.counties.find((c) => c.county === county)!.levels[0]!.result.indicators.sports_space!;
    expect(sports('甲县').cv).toBeCloseTo(0, 12);
    // 乙县 sports: 8000/1000 = 8 (1000 students), 8000/250 = 32 (250): X̄ = 16000/1250 = 12.8,
    // S² = (1000·4.8² + 250·19.2²)/1250 = 92.16, CV = 9.6/12.8 = 0.75.
    expect(sports('乙县').mean).toBeCloseTo(12.8, 12);
    expect(sports('乙县').cv).toBeCloseTo(0.75, 12);
  });

  it('the province table puts failing counties first, in Markdown and Excel', async () => {
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.province!.map((c) => c.label)).toEqual(['乙县', '甲县']); // 乙县 fails on the 0.75 CV
    const md = renderMarkdown(r);
    expect(md).toMatch(/# 各县（市、区）汇总/);
    expect(md.indexOf('**乙县**')).toBeLessThan(md.indexOf('| 甲县 |'));
    const sheets = readOoxml(await renderXlsx(r));
    expect(sheets[0]!.name).toBe('各县汇总');
    expect(sheets.map((s) => s.name)).toContain('甲县-概览');
  });

  it('issues keep their county', async () => {
    const bad = rows.map((r) => [...r]);
    bad[3]![4] = '约20'; // 甲县 二小 高于规定学历教师数
    const r = await check(await workbook({ 学校数据: bad }));
    const issue = r.issues.find((i) => i.code === 'NOT_A_NUMBER')!;
    expect(issue).toMatchObject({ county: '甲县', school: '二小', cell: 'E4' });
    expect(issue.message).toContain('甲县 · 二小');
  });

  it('--county picks one county; an unknown one is a usage error', async () => {
    const path = await workbook({ 学校数据: rows });
    const one = await analyse(path, { profile: YOUZHI_2017, county: '甲县' });
    expect(one.counties.map((c) => c.county)).toEqual(['甲县']);
    expect(one.province).toBeNull();
    await expect(analyse(path, { profile: YOUZHI_2017, county: '丁县' })).rejects.toThrow(/没有区县“丁县”.*乙县、甲县/);
  });

  it('--county finds a county without its 县 / 区 / 市 (白水 for 白水县), and refuses a name that fits two', async () => {
    const named = [
      [...HEADER, '区县'],
      withCounty('白水县', primary('一小', 500)),
      withCounty('白水县', junior('一中', 800)),
      withCounty('澄城县', primary('一小', 600)),
      withCounty('澄城区', primary('二小', 600)),
    ];
    const path = await workbook({ 学校数据: named });
    for (const name of ['白水', '白水县', '白水区', ' 白水 '])
      expect((await analyse(path, { profile: YOUZHI_2017, county: name })).input.county, name).toBe('白水县');
    await expect(analyse(path, { profile: YOUZHI_2017, county: '澄城' })).rejects.toMatchObject({
      code: 'COUNTY_AMBIGUOUS',
      message: expect.stringMatching(/“澄城”可指多个区县：澄城县、澄城区.*白水县、澄城县、澄城区/) as unknown,
    });
    await expect(analyse(path, { profile: YOUZHI_2017, county: '蒲城' })).rejects.toMatchObject({
      code: 'COUNTY_NOT_FOUND',
    });
  });

  it('above 5 counties the reports keep the province table and leave detail to --county', async () => {
    const many: Cell[][] = [[...HEADER, '区县']];
    for (let k = 1; k <= 6; k++)
      many.push(withCounty(`${k}县`, primary('一小', 500)), withCounty(`${k}县`, primary('二小', 600)));
    const r = await check(await workbook({ 学校数据: many }));
    expect(r.counties).toHaveLength(6);
    expect(r.detail).toBe(false);
    const names = readOoxml(await renderXlsx(r)).map((s) => s.name);
    expect(names).toEqual(['各县汇总', '数据问题', '标准']);
    expect(renderMarkdown(r)).toContain('--county 县名');
  });
});

describe('the province table gives reasons', () => {
  it('counts the passing counties and, for each failing one, says why (terminal, Markdown, Excel)', async () => {
    const { renderSummary } = await import('../src/render/terminal');
    const { Chalk } = await import('chalk');
    const { countyReasons } = await import('../src/render/prose');
    const r = await check(await workbook({ 学校数据: rows }));
    const failing = r.province!.filter((c) => !c.pass);
    expect(failing.length).toBeGreaterThan(0);
    const md = renderMarkdown(r);
    expect(md).toContain(
      `${r.counties.length}个县（市、区）中，资源配置达到优质均衡要求的${r.counties.length - failing.length}个`,
    );
    for (const c of failing) {
      const why = countyReasons(r, c);
      expect(why).not.toBe('—');
      expect(md).toContain(`${c.label}：${why}`);
    }
    const text = renderSummary(r, new Chalk({ level: 0 }));
    for (const c of failing) expect(text).toContain(countyReasons(r, c));
    const sheet = readOoxml(await renderXlsx(r)).find((s) => s.name === '各县汇总')!;
    expect(sheet.rows[1]!.map((x) => (x?.kind === 'text' ? x.text : ''))).toContain('原因');
  });
});

describe('a batch kept as its reports show it (batchSummaries)', () => {
  // Eight counties: in each, one school short of two standards (not compliant), one 九年一贯制-free pair that is.
  const many: Cell[][] = [[...HEADER, '区县']];
  for (let k = 1; k <= 8; k++) {
    const short = primary(`${k}县三小`, 700);
    short[4] = 10; // 高于规定学历教师数 far below
    short[8] = 1000; // 体育运动场馆面积 far below
    const shorter = primary(`${k}县四小`, 400 + 10 * k);
    shorter[9] = 1000; // 教学仪器设备资产值 far below
    shorter[8] = 900;
    many.push(
      withCounty(`${k}县`, primary('一小', 500 + 10 * k)),
      withCounty(`${k}县`, short),
      withCounty(`${k}县`, shorter),
      withCounty(`${k}县`, junior('一中', 800)),
    );
  }

  it('gives the same terminal summary, Markdown and Excel bytes as the whole results', async () => {
    const { renderSummary } = await import('../src/render/terminal');
    const { Chalk } = await import('chalk');
    const path = await workbook({ 学校数据: many });
    const whole = await analyse(path, { profile: YOUZHI_2017 });
    const kept = await analyse(path, { profile: YOUZHI_2017, batchSummaries: true });
    expect(whole.detail).toBe(false);
    expect(whole.counties.every((c) => !c.summary)).toBe(true);
    expect(kept.counties.every((c) => c.summary)).toBe(true);
    // Only the sections reports name are kept: the two not compliant per county.
    expect(kept.counties.map((c) => c.levels.flatMap((l) => l.sections).length)).toEqual(Array(8).fill(2));
    expect(kept.counties.map((c) => c.schoolCount)).toEqual(whole.counties.map((c) => c.schools.length));
    expect(kept.counties.map((c) => c.compliantSchools)).toEqual(Array(8).fill(2));
    // Their figures, copied out of the county's array, are the whole results' (every indicator).
    for (const [k, c] of kept.counties.entries())
      for (const s of c.levels.flatMap((l) => l.sections)) {
        const w = whole.counties[k]!.levels.flatMap((l) => l.sections).find(
          (x) => x.section.school.name === s.section.school.name,
        )!;
        expect([s.values, s.met, s.shortfall, s.shortfallToCompliance, s.relativeGaps]).toEqual([
          w.values,
          w.met,
          w.shortfall,
          w.shortfallToCompliance,
          w.relativeGaps,
        ]);
      }
    expect(renderMarkdown(kept)).toBe(renderMarkdown(whole));
    expect((await renderXlsx(kept)).equals(await renderXlsx(whole))).toBe(true);
    const chalk = new Chalk({ level: 0 });
    expect(renderSummary(kept, chalk)).toBe(renderSummary(whole, chalk));
    // The reasons that name the schools not compliant (the verdict's) read the kept sections.
    const { dimensionReasons } = await import('../src/render/prose');
    expect(kept.counties.map((c) => dimensionReasons(kept, c).resources)).toEqual(
      whole.counties.map((c) => dimensionReasons(whole, c).resources),
    );
    expect(dimensionReasons(kept, kept.counties[0]!).resources).toContain('1县三小');
  });

  it('keeps of the schools the county items list only their names, not their records', async () => {
    const { renderJson } = await import('../src/render/json');
    const path = await workbook({ 学校数据: many });
    const whole = await analyse(path, { profile: YOUZHI_2017 });
    const kept = await analyse(path, { profile: YOUZHI_2017, batchSummaries: true });
    // No class or room columns: items 3–5 lack data in every school, and list every one.
    const listed = kept.counties.flatMap((c) => c.checklist.flatMap((r) => r.schools?.notProvided ?? []));
    expect(listed).toHaveLength(8 * 4 * 2);
    for (const s of listed) expect(Object.keys(s).sort()).toEqual(['county', 'name']);
    // One name per school, whichever items list it.
    expect(new Set(listed).size).toBe(8 * 4);
    expect(renderJson(kept)).toBe(renderJson(whole));
  });

  it('shares, across counties and schools, what a province has alike in every row and county', async () => {
    const whole = await analyse(await workbook({ 学校数据: many }), { profile: YOUZHI_2017 });
    // No 小学部 / 初中部 amounts and no class or room counts: one frozen empty object for every school.
    const records = whole.counties.flatMap((c) => c.schools.map((s) => s.school));
    expect(records).toHaveLength(8 * 4);
    expect(new Set(records.map((r) => r.sectionResources)).size).toBe(1);
    expect(new Set(records.map((r) => r.items)).size).toBe(1);
    expect(Object.isFrozen(records[0]!.items) && Object.isFrozen(records[0]!.sectionResources)).toBe(true);
    // No county sheet: each of its items is 未提供 alike in every county, one result shared (and frozen).
    const [first, second] = whole.counties;
    const sheetItems = first!.checklist.filter((r) => r.schools === null);
    expect(sheetItems.length).toBeGreaterThan(15);
    for (const r of sheetItems) {
      expect(r.status).toBe('not_provided');
      expect(second!.checklist.find((x) => x.item === r.item)).toBe(r);
      expect(Object.isFrozen(r)).toBe(true);
    }
  });

  it('refuses to write JSON Lines from summaries (they need every school)', async () => {
    const { schoolLines } = await import('../src/render/json');
    const kept = await analyse(await workbook({ 学校数据: many }), { profile: YOUZHI_2017, batchSummaries: true });
    expect(() => [...schoolLines(kept)]).toThrow(/batch summary/);
  });
});

describe('--county on the command line', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/balance-check.js', ...args], { encoding: 'utf8' });

  it('names each county’s reports after it, beside the file’s own: no run overwrites another', async () => {
    const input = await workbook({ 学校数据: rows }, '某市汇总.xlsx');
    const dir = tmp();
    expect(cli([input, '-q', '-f', 'xlsx,md,json,docx', '-o', dir]).status).toBe(0);
    expect(cli([input, '--county', '甲县', '-q', '-f', 'xlsx,md,json,docx', '-o', dir]).status).toBe(0);
    expect(cli([input, '--county', '乙县', '-q', '-f', 'md', '-o', dir]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '某市汇总.report.docx',
      '某市汇总.report.json',
      '某市汇总.report.md',
      '某市汇总.report.xlsx',
      '某市汇总.schools.jsonl',
      '某市汇总.乙县.report.charts',
      '某市汇总.乙县.report.md',
      '某市汇总.甲县.report.charts',
      '某市汇总.甲县.report.docx',
      '某市汇总.甲县.report.json',
      '某市汇总.甲县.report.md',
      '某市汇总.甲县.report.xlsx',
    ]);
    // The Markdown's pictures are in its own folder.
    expect(readFileSync(join(dir, '某市汇总.甲县.report.md'), 'utf8')).toContain(
      `](${encodeURIComponent('某市汇总.甲县.report.charts')}/`,
    );
    expect(readdirSync(join(dir, '某市汇总.甲县.report.charts')).length).toBeGreaterThan(0);
  });

  it('an unknown county: a Chinese error listing the counties, exit 3, nothing written', async () => {
    const input = await workbook({ 学校数据: rows }, '某市汇总.xlsx');
    const dir = tmp();
    const r = cli([input, '--county', '丁县', '-o', dir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('错误 [COUNTY_NOT_FOUND]：文件中没有区县“丁县”（文件中的区县：乙县、甲县）');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--county on a file without a 区县 column says the file is one county and needs none', () => {
    const r = cli(['fixtures/sample-county.xlsx', '--county', '示例', '-o', tmp()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('这个文件没有“区县”列，是一个县的数据，不需要 --county');
  });
});

describe('a batch’s JSON Lines, written as its counties are computed', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['bin/balance-check.js', ...args], { encoding: 'utf8' });

  it('are, byte for byte, the lines of the whole results', async () => {
    const { schoolLines } = await import('../src/render/json');
    const { province } = await import('./helpers/counties');
    const input = await province(12);
    const dir = tmp();
    expect(cli([input, '-q', '-f', 'json,md', '-o', dir]).status).toBe(0);
    const whole = await analyse(input, { profile: YOUZHI_2017 });
    expect(whole.counties.every((c) => !c.summary)).toBe(true);
    const written = readFileSync(join(dir, 'province-12.schools.jsonl'), 'utf8');
    expect(written).toBe([...schoolLines(whole)].join(''));
    expect(written.split('\n').filter(Boolean)).toHaveLength(
      whole.counties.reduce((n, c) => n + c.levels.reduce((m, l) => m + l.sections.length, 0), 0),
    );
    // No temporary file left beside the reports.
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a batch with a data error writes no JSON Lines and leaves no temporary file', async () => {
    const bad: Cell[][] = [[...HEADER, '区县']];
    for (let k = 1; k <= 8; k++)
      bad.push(withCounty(`${k}县`, primary('一小', 500)), withCounty(`${k}县`, junior('一中', 700)));
    bad[5]![4] = '约20';
    const dir = tmp();
    const run = cli([await workbook({ 学校数据: bad }), '-q', '-f', 'json', '-o', dir]);
    expect(run.status).toBe(2);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
