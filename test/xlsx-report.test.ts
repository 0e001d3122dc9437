/** The Excel report's structure: sheets, print setup, links (no LibreOffice needed). */
import { describe, expect, it } from 'vitest';
import { columnLetters } from '../src/common/a1';
import { readOoxml } from '../src/read/ooxml';
import { unzip } from '../src/read/unzip';
import { renderXlsx } from '../src/render/xlsx';
import { renderMarkdown } from '../src/render/markdown';
import { analyse } from '../src/cli/pipeline';
import { JIBEN_2012 } from '../src/engine/profiles';
import { check, county, workbook } from './helpers/files';

async function sampleWorkbook() {
  const report = await check('fixtures/sample-county.xlsx');
  const buffer = await renderXlsx(report);
  const files = unzip(buffer);
  const names = readOoxml(buffer).map((s) => s.name);
  const sheetXml = (name: string) => files.get(`xl/worksheets/sheet${names.indexOf(name) + 1}.xml`)!.toString('utf8');
  return { report, buffer, files, names, sheetXml };
}

describe('Excel report structure', () => {
  it('has the sheets in the documented order: 封面, 概览, then 附表1 … in their numbers', async () => {
    const { names } = await sampleWorkbook();
    expect(names).toEqual([
      '封面',
      '概览',
      '差异系数',
      '学校达标',
      '缺口测算',
      '政府保障与教育质量',
      '学校规模班额与专用教室',
      '学区与城乡',
      '影响分析',
      '整改测算',
      '整改明细',
      '图表',
      '数据问题',
      '计算数据',
      '图表数据',
      '标准',
    ]);
  });

  it('附表N names the same table in the Markdown captions, the Excel titles and the 封面 list', async () => {
    const { report, buffer, names } = await sampleWorkbook();
    const sheets = readOoxml(buffer);
    const title = (name: string) => {
      const c = sheets.find((s) => s.name === name)!.rows[0]![0]!;
      return c.kind === 'text' ? c.text : '';
    };
    const md = renderMarkdown(report);
    const cover = sheets
      .find((s) => s.name === '封面')!
      .rows.map((r) => r.map((c) => (c?.kind === 'text' ? c.text : '')));
    const listed = cover.filter((r) => /^附表\d+$/.test(r[0] ?? ''));
    expect(listed.map((r) => r[0])).toEqual(listed.map((_, i) => `附表${i + 1}`));
    for (const [no, name, sheet] of listed) {
      const caption = `${no}　${name}`;
      if (sheet !== '（见 Markdown 报告）') expect(title(sheet!), sheet).toMatch(new RegExp(`^${caption}[（：]`));
      const inMarkdown = md.includes(`**${caption}`);
      if (sheet === '（见 Markdown 报告）') expect(inMarkdown, caption).toBe(true);
    }
    // Every Markdown caption is one of the numbered tables, numbers in order of first appearance.
    const captions = [...md.matchAll(/^\*\*附表(\d+)(（续）)?　(.+?)\*\*$/gm)];
    const firsts = captions.filter((m) => !m[2]).map((m) => Number(m[1]));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    for (const m of captions)
      expect(
        listed.some((r) => r[0] === `附表${m[1]}` && (m[3] === r[1] || m[3]!.startsWith(`${r[1]}（`))),
        m[0],
      ).toBe(true);
    expect(md).toContain('**附表7　一贯制学校及完全中学的拆分**');
    expect(names.indexOf('差异系数')).toBeLessThan(names.indexOf('学校达标'));
  });

  it('图表 holds one native chart per level and indicator, each reading 图表数据 and colouring the sections below standard', async () => {
    const { files, names, report } = await sampleWorkbook();
    const sheet = names.indexOf('图表') + 1;
    expect(files.get(`xl/worksheets/_rels/sheet${sheet}.xml.rels`)!.toString()).toContain('../drawings/drawing1.xml');
    const charts = [...files.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const county = report.counties[0]!;
    expect(charts).toHaveLength(county.levels.length * report.profile.indicators.length);
    const types = files.get('[Content_Types].xml')!.toString();
    for (const c of charts) expect(types).toContain(`/${c}`);
    const sports = charts.map((c) => files.get(c)!.toString()).find((x) => x.includes('小学 · 体育场馆'))!;
    expect(sports).toContain("<c:f>'图表数据'!$C$");
    expect(sports).toContain('<c:barChart>');
    expect(sports).toContain('<c:lineChart>');
    // The failing sections' series holds exactly the values of the sections below the standard.
    const failing = county.levels[0]!.sections.filter((s) => !s.met.sports_space).length;
    const notMet = /<c:tx><c:v>未达到标准<\/c:v><\/c:tx>[\s\S]*?<\/c:ser>/.exec(sports)![0];
    expect(failing).toBeGreaterThan(0);
    expect((notMet.match(/<c:pt idx="\d+"><c:v>[\d.]+<\/c:v><\/c:pt>/g) ?? []).length).toBe(failing);
  });

  it('a 数据问题 row links to the school’s cell in 计算数据', async () => {
    const rows = county();
    rows[2]![8] = 800; // 二小: sports space far below the median → OUTLIER_LOW on 体育运动场馆面积
    const report = await check(await workbook({ 学校数据: rows }));
    expect(report.issues.map((i) => i.code)).toContain('OUTLIER_LOW');
    const buffer = await renderXlsx(report);
    const names = readOoxml(buffer).map((s) => s.name);
    const sheetXml = (name: string) =>
      unzip(buffer)
        .get(`xl/worksheets/sheet${names.indexOf(name) + 1}.xml`)!
        .toString('utf8');
    const data = readOoxml(buffer).find((s) => s.name === '计算数据')!;
    const row = data.rows.findIndex((r) => r[1]?.kind === 'text' && r[1].text === '二小') + 1;
    const header = data.rows[1]!.findIndex((c) => c?.kind === 'text' && c.text === '体育场馆\n数量');
    expect(row).toBeGreaterThan(2);
    expect(sheetXml('数据问题')).toContain(`location="'计算数据'!${columnLetters(header)}${row}"`);
  });

  it('every sheet freezes its header and prints A4 landscape with repeated header rows', async () => {
    const { files, names, sheetXml } = await sampleWorkbook();
    const tables = names.filter((n) => n !== '封面');
    for (const name of tables) {
      const xml = sheetXml(name);
      expect(xml, name).toContain('state="frozen"');
      expect(xml, name).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    }
    // 学校达标 prints two pages wide, parted between two indicators (never between a value and its ✓), at a fixed scale that honours the break.
    expect(sheetXml('学校达标')).toContain(
      '<colBreaks count="1" manualBreakCount="1"><brk id="12" max="1048575" man="1"/></colBreaks>',
    );
    expect(sheetXml('学校达标')).toMatch(
      /<pageSetup paperSize="9" orientation="landscape" scale="(7[3-9]|[89]\d|100)"\/>/,
    );
    expect(sheetXml('学校达标')).not.toContain('fitToPage');
    expect(sheetXml('封面')).toMatch(/<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="1"/);
    const workbook = files.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(tables.length);
    // 计算数据 prints three pages wide: school columns on each, the header row repeated, from row 2, its title as the page header.
    expect(workbook).toContain("'计算数据'!$A:$B,'计算数据'!$2:$2");
    expect(workbook).toMatch(
      /<definedName name="_xlnm\.Print_Area" localSheetId="\d+">'计算数据'!\$A\$2:\$AC\$\d+<\/definedName>/,
    );
    expect(sheetXml('计算数据')).toContain('<headerFooter><oddHeader>&amp;L&amp;"-,Bold"&amp;11附表13　计算数据');
  });

  it('uses only functions Excel 2010, WPS and LibreOffice all have', async () => {
    const { files } = await sampleWorkbook();
    const allowed = new Set([
      'SUM',
      'SUMPRODUCT',
      'SQRT',
      'ROUND',
      'ROUNDUP',
      'IF',
      'AND',
      'OR',
      'COUNTIF',
      'INDEX',
      'MATCH',
      'MAX',
      'ABS',
      'ISNUMBER',
      'AVERAGE',
    ]);
    const used = new Set<string>();
    for (const [name, data] of files)
      if (name.startsWith('xl/worksheets/'))
        for (const m of data.toString('utf8').matchAll(/<f\b[^>]*>([^<]*)<\/f>/g))
          for (const fn of m[1]!.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(fn[1]!);
    expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
    expect(used.has('SUMPRODUCT')).toBe(true);
  });
});

describe('a 2012 (jiben) Excel report', () => {
  it('has no per-school standards sheets and says 基本均衡 in its titles', async () => {
    const report = await analyse('fixtures/vectors/cv-books-5-schools.csv', { profile: JIBEN_2012 });
    const sheets = readOoxml(await renderXlsx(report));
    const names = sheets.map((s) => s.name);
    expect(names).not.toContain('学校达标');
    expect(names).not.toContain('缺口测算');
    const text = (name: string) =>
      sheets
        .find((s) => s.name === name)!
        .rows[0]!.map((c) => (c?.kind === 'text' ? c.text : ''))
        .join('');
    expect(text('概览')).toContain('义务教育基本均衡');
    expect(text('封面')).toContain('义务教育基本均衡发展');
    expect(text('差异系数')).toMatch(/^附表1　校际差异系数/);
  });
});

describe('政府保障与教育质量: schools listed in an item', () => {
  it('names at most 30, then 等N所, so that the row prints on its page; the Markdown names every one', async () => {
    const { HEADER, primary } = await import('./helpers/files');
    // 40 schools and no class or room columns: items 3 and 5 lack data in every school.
    const rows = [HEADER, ...Array.from({ length: 40 }, (_, k) => primary(`第${k + 1}小学`, 800 + k))];
    const report = await check(await workbook({ 学校数据: rows }));
    const sheet = readOoxml(await renderXlsx(report)).find((s) => s.name === '政府保障与教育质量')!;
    const item3 = sheet.rows.find((r) => r[1]?.kind === 'number' && r[1].value === 3)!;
    const text = item3[3]?.kind === 'text' ? item3[3].text : '';
    expect(text).toContain('40所学校缺少“班级数”');
    expect(text).toContain('第30小学等40所');
    expect(text).not.toContain('第31小学');
    expect(renderMarkdown(report)).toContain('第40小学');
  });
});

describe('政府保障与教育质量 with the county’s own 自评', () => {
  it('prints each item with its 结论, 自评 and disagreement on one page across', async () => {
    const item8 =
      '全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量';
    const report = await check(
      await workbook({
        学校数据: county(),
        自评表: [
          ['序号', '评估内容', '实际情况', '是否达标'],
          [8, item8, '教师年均工资 90000 元', '达标'],
        ],
      }),
    );
    const buffer = await renderXlsx(report);
    const names = readOoxml(buffer).map((s) => s.name);
    const xml = unzip(buffer)
      .get(`xl/worksheets/sheet${names.indexOf('政府保障与教育质量') + 1}.xml`)!
      .toString('utf8');
    // The two claim columns are there, and the sheet fits one page wide (140 width units at ≥ 8 pt).
    expect(xml).toContain('fitToWidth="1"');
    const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(8);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(140);
  });
});
