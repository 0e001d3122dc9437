/** Year over year: CVs and compliance side by side, and the schools that changed, with why. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports, orderByYear } from '../src/report/compare';
import { renderCompareMarkdown } from '../src/render/compare';
import { check, county, primary, workbook, type Cell } from './helpers/files';
import { hasPdftotext, hasSoffice, printedPages } from './helpers/libreoffice';

const titled = (year: number, rows: Cell[][]) => ({
  rows: [[`示例县义务教育学校办学条件统计表（${year}年）`], ...rows],
  merges: ['A1:K1'],
});

async function years() {
  const before = county();
  const after = county().filter((r) => r[0] !== '四小');
  after[2]![8] = 6 * 800; // 二小: sports space 6 ㎡ per student, 80% of 7.5: below the 85% floor
  after.push(primary('五小', 400));
  return [
    await workbook({ 学校数据: titled(2023, before) }, '2023.xlsx'),
    await workbook({ 学校数据: titled(2024, after) }, '2024.xlsx'),
  ];
}

describe('compare', () => {
  it('puts each CV and compliance count side by side with the change, labelled by year', async () => {
    const [a, b] = await years();
    const reports = [await check(a!), await check(b!)];
    const c = compareReports(reports);
    expect(c.labels).toEqual(['2023年', '2024年']);
    expect(c.counties.map((x) => x.county)).toEqual(['示例县']);
    const primaryLevel = c.counties[0]!.levels.find((l) => l.level === 'primary')!;
    const sportsCv = (i: number) => reports[i]!.counties[0]!.levels[0]!.result.indicators.sports_space!.cv;
    expect(primaryLevel.cvs.sports_space).toEqual([sportsCv(0), sportsCv(1)]);
    expect(primaryLevel.compliant).toEqual([
      { compliant: 4, schools: 4 },
      { compliant: 3, schools: 4 },
    ]);
  });

  it('every change shown is the difference of the two values shown beside it (Markdown and Excel)', async () => {
    const [a, b] = await years();
    const c = compareReports([await check(a!), await check(b!)]);
    const md = renderCompareMarkdown(c);
    const rows = [...md.matchAll(/^\| [^|]+ \| (\d\.\d{3}) \| (\d\.\d{3}) \| ([+-]?\d\.\d{3}) \|$/gm)];
    expect(rows.length).toBeGreaterThan(5);
    for (const [, first, last, change] of rows) expect(Number(change)).toBeCloseTo(Number(last) - Number(first), 9);
    const { renderCompareXlsx } = await import('../src/render/compare');
    const { unzip } = await import('../src/read/unzip');
    const sheet = unzip(await renderCompareXlsx(c))
      .get('xl/worksheets/sheet1.xml')!
      .toString();
    expect(sheet).toMatch(/<f>ROUND\(E3,3\)-ROUND\(D3,3\)<\/f>/);
  });

  it('names the schools that changed and why; schools added and gone', async () => {
    const [a, b] = await years();
    const c = compareReports([await check(a!), await check(b!)]);
    const changes = c.counties[0]!.changes;
    expect(changes.map((x) => [x.school, x.kind])).toEqual([
      ['二小', 'became_non_compliant'],
      ['五小', 'added'],
      ['四小', 'gone'],
    ]);
    expect(changes[0]!.flipped).toEqual([{ id: 'sports_space', nowMet: false }]);
    const md = renderCompareMarkdown(c);
    expect(md).toContain('二小（小学）：2023年→2024年 变为未达标：生均体育运动场馆面积由达标变为未达标');
    expect(md).toContain('五小（小学）：2023年→2024年 新增');
  });

  it('on the command line: writes Markdown and Excel beside the first file', async () => {
    const [a, b] = await years();
    const r = spawnSync(process.execPath, [resolve('bin/balance-check.js'), 'compare', a!, b!], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('年度比较：2023年 → 2024年');
    expect(r.stdout).toContain('达标学校 4/4 → 3/4');
    const dir = join(a!, '..');
    expect(
      readdirSync(dir)
        .filter((f) => f.includes('.compare.'))
        .sort(),
    ).toEqual(['2023_vs_2024.compare.md', '2023_vs_2024.compare.xlsx']);
    expect(readFileSync(join(dir, '2023_vs_2024.compare.md'), 'utf8')).toContain('# 年度比较：2023年、2024年');
    const one = spawnSync(process.execPath, [resolve('bin/balance-check.js'), 'compare', a!], { encoding: 'utf8' });
    expect(one.status).toBe(3);
  });
});

describe('compare: files in any order, oldest first', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [resolve('bin/balance-check.js'), 'compare', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('newest first: ordered by year, and says so (terminal, Markdown, Excel)', async () => {
    const [a, b] = await years();
    const r = cli([b!, a!]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('年度比较：2023年 → 2024年');
    expect(r.stdout).toContain(
      '说明：已按年度先后排列：2023年（2023.xlsx） → 2024年（2024.xlsx）（命令行中的顺序为 2024.xlsx、2023.xlsx）',
    );
    expect(r.stdout).toContain('达标学校 4/4 → 3/4');
    const dir = join(a!, '..');
    const md = readFileSync(join(dir, '2023_vs_2024.compare.md'), 'utf8');
    expect(md).toContain('# 年度比较：2023年、2024年');
    expect(md).toContain('> 说明：已按年度先后排列');
    const { readOoxml } = await import('../src/read/ooxml');
    const first = readOoxml(readFileSync(join(dir, '2023_vs_2024.compare.xlsx')))[0]!;
    expect(JSON.stringify(first.rows)).toContain('说明：已按年度先后排列');
  });

  it('refuses two files of one year, and a file whose year cannot be read beside dated ones (exit 3)', async () => {
    const [a] = await years();
    const again = await workbook({ 学校数据: titled(2023, county()) }, '2023-修订.xlsx');
    const same = cli([a!, again]);
    expect(same.status).toBe(3);
    expect(same.stderr).toContain('命令行错误：2023.xlsx 和 2023-修订.xlsx 都是 2023年 的数据');
    const undated = await workbook({ 学校数据: county() }, '调整后.xlsx');
    const unknown = cli([a!, undated]);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain('无法确定 调整后.xlsx 的年度');
  });

  it('no file says its year (调整前 / 调整后): the order given, with a note', async () => {
    const before = await check(await workbook({ 学校数据: county() }, '调整前.xlsx'));
    const after = await check(await workbook({ 学校数据: county() }, '调整后.xlsx'));
    const order = orderByYear([before, after]);
    expect(order).toEqual({
      reports: [before, after],
      note: '各文件都未写明年度（表头标题或文件名中的“2024年”），按命令行中的顺序比较：调整前.xlsx → 调整后.xlsx',
    });
  });
});

describe.skipIf(!hasSoffice || !hasPdftotext)('compare: 县级项目比较 printed', () => {
  it('every year’s text is printed whole (wrapped in its column, none clipped or past the page), at 8 pt or more', async () => {
    const { renderCompareXlsx } = await import('../src/render/compare');
    const { readOoxml } = await import('../src/read/ooxml');
    const sample = await check('fixtures/sample-county.xlsx');
    const xlsx = await renderCompareXlsx(compareReports([sample, sample, sample]));
    const sheet = readOoxml(xlsx).find((s) => s.name === '县级项目比较')!;
    const cells = sheet.rows
      .slice(2)
      .flatMap((r) => r.slice(2).map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : '')));
    const pages = printedPages(xlsx).filter((p) => p.text.includes('县级项目与总体结论'));
    // Each character of the year columns is on the printed pages as often as in the cells: none clipped.
    const count = (text: string) => {
      const m = new Map<string, number>();
      for (const ch of text.replace(/\s+/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
      return m;
    };
    const printed = count(pages.map((p) => p.words.map((w) => w.text).join('')).join(''));
    const missing = [...count(cells.join(''))].filter(([ch, n]) => (printed.get(ch) ?? 0) < n);
    expect(missing).toEqual([]);
    for (const p of pages) expect(p.words.filter((w) => w.size < 7.9)).toEqual([]);
    // One page wide: the pages are the sheet's rows, not its columns.
    expect(pages.every((p) => p.text.includes('项目'))).toBe(true);
  }, 240_000);
});

describe('compare: county items and the whole verdict per year', () => {
  it('lists the overall verdict and every county item per year (Markdown and Excel)', async () => {
    const { renderCompareXlsx } = await import('../src/render/compare');
    const { readOoxml } = await import('../src/read/ooxml');
    const reports = [await check('fixtures/sample-county.xlsx'), await check('fixtures/sample-county.xlsx')];
    const c = compareReports(reports);
    expect(c.counties[0]!.verdicts).toEqual(['not_met', 'not_met']);
    expect(c.counties[0]!.items).toHaveLength(25);
    const md = renderCompareMarkdown(c);
    expect(md).toContain('### 县级项目与总体结论');
    expect(md).toMatch(/\| \*\*优质均衡总体结论\*\* \| \*\*未达到\*\* \| \*\*未达到\*\* \|/);
    expect(md).toMatch(/\| 政府保障程度第11项 \| 未达标（.*18\.28%.*） \|/);
    expect(md).toMatch(/\| 政府保障程度第3项 \| 未达标（13所学校） \|/);
    const sheet = readOoxml(await renderCompareXlsx(c)).find((s) => s.name === '县级项目比较')!;
    expect(sheet.rows.length).toBe(2 + 26);
  });
});

describe('the data issues of each year (issue 26: compare and plan hid them)', () => {
  /** A year whose table has a column of no known kind holding data: COLUMN_IGNORED, a misread warning. */
  const withStrayColumn = (rows: Cell[][]) => rows.map((r, i) => [...r, i === 0 ? '备用统计项' : 7]);

  it('compare says each year’s counts and misread warnings on stderr, in the Markdown and in the Excel', async () => {
    const [a] = await years();
    const rows = withStrayColumn(county());
    const b = await workbook({ 学校数据: titled(2024, rows) }, '2024.xlsx');
    const out = join(resolve(b, '..'), 'out');
    const run = spawnSync(process.execPath, ['bin/balance-check.js', 'compare', a!, b, '-o', out], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('2024年（2024.xlsx）：数据问题：错误 0 个，警告 1 个');
    expect(run.stderr).toContain('[COLUMN_IGNORED]');
    const md = readFileSync(join(out, '2023_vs_2024.compare.md'), 'utf8');
    expect(md).toContain('## 各年度的数据问题');
    expect(md).toMatch(/\| 2024年 \| 2024\.xlsx \| 0 \| 1 \| \d+ \| 1 \|/);
    expect(md).toContain('`COLUMN_IGNORED`');
    const c = compareReports([await check(a!), await check(b)]);
    expect(c.dataIssues.map((d) => d.misread.map((x) => x.code))).toEqual([[], ['COLUMN_IGNORED']]);
  });

  it('plan prints the data-issue counts and the warnings on stderr, as the check does', async () => {
    const b = await workbook({ 学校数据: withStrayColumn(county()) });
    const run = spawnSync(process.execPath, ['bin/balance-check.js', 'plan', b], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('数据问题：错误 0 个，警告 1 个');
    expect(run.stderr).toContain('validate --strict 不予通过');
    expect(run.stderr).toContain('[COLUMN_IGNORED]');
  });
});

describe('compare: the terminal counts a CV as grown as the table shows it', () => {
  it('a change below the thousandth (float noise of rescaled data) is not counted; one of 0.002 is', async () => {
    const { renderCompareSummary } = await import('../src/render/compare');
    const { Chalk } = await import('chalk');
    const sample = await check('fixtures/sample-county.xlsx');
    const c = compareReports([sample, sample]);
    const level = c.counties[0]!.levels[0]!;
    const [a, b] = Object.keys(level.cvs) as [string, string];
    const noise = level.cvs[a]!;
    noise[1] = noise[0]! + 4e-17 + 1e-9; // as 0.04506109653976754 → …759: the same to three places
    level.cvChange[a] = noise[1] - noise[0]!;
    const plain = new Chalk({ level: 0 });
    expect(renderCompareSummary(c, plain)).toContain('差异系数变大的指标 0 项');
    const real = level.cvs[b]!;
    real[1] = real[0]! + 0.002;
    level.cvChange[b] = 0.002;
    expect(renderCompareSummary(c, plain)).toContain('差异系数变大的指标 1 项');
  });
});
