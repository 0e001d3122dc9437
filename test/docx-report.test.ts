/**
 * The Word document (-f docx): what a reader sees in it (LibreOffice Writer → PDF → text: the
 * verdict, the failing CVs, every 附表 and the references to it, landscape pages for wide 附表), how
 * it is built (every table with its grid, headers repeated, East Asian fonts named), the same
 * bytes for the same input, and docx loaded only when a Word document is asked for.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_WORD_SECTIONS, parseFormats } from '../src/cli/output';
import { analyse } from '../src/cli/pipeline';
import { JIBEN_2012 } from '../src/engine/profiles';
import { unzip } from '../src/read/unzip';
import { fmtCv } from '../src/render/format';
import { renderDocx } from '../src/render/docx';
import { documentOutline } from '../src/render/docx/document';
import { check, county, primary, primaryCountyCsv, tmp, workbook, HEADER } from './helpers/files';
import { province } from './helpers/counties';
import { docxToPdf, hasPdftotext, hasWriter } from './helpers/libreoffice';

const BIN = resolve('bin/balance-check.js');
const SAMPLE = resolve('fixtures/sample-county.xlsx');

if (process.env.CI && !(hasWriter && hasPdftotext))
  throw new Error('CI must have LibreOffice Writer and pdftotext for the Word tests: see .ci/run');
if (!hasWriter || !hasPdftotext)
  console.warn(
    'test/docx-report: LibreOffice Writer or pdftotext not found, the Word document is not printed and read ' +
      '(apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)',
  );

const parts = (docx: Buffer) => unzip(docx);
const xmlOf = (docx: Buffer, name = 'word/document.xml') => parts(docx).get(name)!.toString('utf8');
/** The document's text, without tags or spaces. */
const textOf = (docx: Buffer) =>
  xmlOf(docx)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!hasWriter || !hasPdftotext)('the Word document read in LibreOffice Writer', () => {
  it('the sample county: the verdict, the failing CVs, every 附表 and its references, landscape pages', async () => {
    const report = await check(SAMPLE);
    const pdf = docxToPdf(await renderDocx(report));
    const text = squeeze(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    expect(text).toContain('全县义务教育优质均衡发展未达到要求。');
    // The cover is one page: page 2 opens 一、总体结论 (a sentence below the form had run onto a page of its own).
    const page = (n: number) =>
      squeeze(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }));
    expect(page(1)).toContain('日期');
    expect(page(2).startsWith('一、总体结论')).toBe(true);
    expect(text).toMatch(/一、总体结论.*数据问题：错误0个.*二、/);
    const c = report.counties[0]!;
    const failing = c.levels.flatMap((l) =>
      l.failingCvs.map((s) => report.profile.indicators.find((i) => i.id === s.id)!.name + '差异系数' + fmtCv(s.cv)),
    );
    expect(failing).toEqual(['生均体育运动场馆面积差异系数0.603', '生均体育运动场馆面积差异系数0.590']);
    for (const f of failing) expect(text).toContain(f);
    const outline = documentOutline(report);
    expect(outline.appendix.length).toBeGreaterThanOrEqual(12);
    for (const t of outline.appendix) expect(text).toContain(squeeze(t.caption));
    expect(text).toContain('附表1校际差异系数（小学）');
    expect(text).toContain('附表2学校达标情况（小学）');
    expect(text).toContain('详见附表2（小学）。');
    // Each school of the compliance table, and the 附表 list that says which tables are in the Excel report only.
    for (const s of c.levels[0]!.sections.slice(0, 5)) expect(text).toContain(squeeze(s.section.school.name));
    expect(text).toContain('附表5各校规模、班额、音乐美术专用教室（见Excel报告）');
    // Portrait body, landscape pages for the wide 附表 (学校达标情况 has 12 columns).
    const sizes = [
      ...execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' }).matchAll(
        /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g,
      ),
    ].map((m) => Number(m[1]) > Number(m[2]));
    expect(sizes[0]).toBe(false);
    expect(sizes.filter(Boolean).length).toBeGreaterThan(0);
  }, 240_000);

  it('a list of item numbers breaks where it must: the justified line before it is not stretched', async () => {
    // No 县级指标 sheet: 未提供：第1、2、6、7、8、9、10、11、12、13、14、15项 in 一、总体结论.
    const pdf = docxToPdf(await renderDocx(await check(resolve('fixtures/sample-county.csv'))));
    const lines = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 }).split(
      '\n',
    );
    const from = lines.findIndex((l) => l.includes('总体结论'));
    const conclusion = lines.slice(
      from,
      lines.findIndex((l, i) => i > from && l.includes('二、')),
    );
    expect(conclusion.join('')).toContain('未提供：第 1、2、6、7');
    // A stretched line comes out of the PDF with a space (or more) between every two characters.
    for (const l of conclusion) expect(l).not.toMatch(/(\p{Script=Han}\s+){5}/u);
    // The mark that lets the list break is invisible: it is not in the text a reader copies.
    expect(conclusion.join('')).not.toContain('\u200B');
  }, 240_000);
});

describe('the Word document as built', () => {
  it('every table has its column grid; each 附表 repeats its header row; fonts name East Asian text', async () => {
    const docx = await renderDocx(await check(SAMPLE));
    const xml = xmlOf(docx);
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(t)![0];
      expect(grid.length).toBe((firstRow.match(/<w:tc>/g) ?? []).length);
      expect(grid.every((w) => w > 0)).toBe(true);
    }
    // The cover's form has no header row; every other table repeats its first row on each page.
    expect(tables.slice(1).every((t) => /^[\s\S]*?<w:tr><w:trPr>(?:<w:cantSplit\/>)?<w:tblHeader\/>/.test(t))).toBe(
      true,
    );
    const styles = xmlOf(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋"/);
    // A4, and page numbers in the footers.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xmlOf(docx, 'word/footer1.xml')).toContain('PAGE');
    // One native chart per level and indicator, as in the Excel report.
    expect([...parts(docx).keys()].filter((k) => /^word\/charts\/chart\d+\.xml$/.test(k)).length).toBe(14);
  }, 60_000);

  it('the same input gives the same bytes: no timestamps, no random ids', async () => {
    const report = await check(SAMPLE);
    const a = await renderDocx(report);
    for (let i = 0; i < 100; i++) Math.random();
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderDocx(report);
    expect(a.equals(b)).toBe(true);
    expect(xmlOf(a, 'docProps/core.xml')).not.toMatch(/dcterms:(created|modified)/);
  }, 60_000);

  it('user texts stay text: XML characters escaped, control characters dropped', async () => {
    const rows = county();
    rows[1]![0] = '一小<script>&"\u0007';
    const docx = await renderDocx(await check(await workbook({ 学校: rows })));
    const xml = xmlOf(docx);
    expect(xml).toContain('一小&lt;script&gt;&amp;');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(textOf(docx)).toContain('一小<script>&');
  }, 60_000);

  it('a batch: the province table, failing counties first, with no 附表', async () => {
    const report = await check(await province(3));
    expect(report.counties.length).toBe(3);
    const docx = await renderDocx(report);
    const text = textOf(docx);
    expect(text).toContain('各县（市、区）汇总');
    for (const c of report.counties) expect(text).toContain(c.label);
    expect(text).not.toContain('附表1');
    expect(xmlOf(docx)).toContain('w:orient="landscape"');
  }, 60_000);

  it('the 2012 method (no per-school standards: no 学校达标情况 or 缺口测算) and a county of one school', async () => {
    const basic = await analyse(resolve('fixtures/vectors/cv-books-5-schools.csv'), { profile: JIBEN_2012 });
    const text = textOf(await renderDocx(basic));
    expect(text).toContain('一、总体结论');
    expect(text).toContain('二、校际差异系数');
    expect(text).not.toContain('学校达标情况（');
    const one = await renderDocx(await check(await workbook({ 学校: [HEADER, primary('独小', 300)] })));
    expect(textOf(one)).toContain('一、总体结论');
  }, 60_000);
});

describe('-f docx on the command line', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--require', resolve('test/helpers/loaded-packages.cjs'), BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('word and docx name the format', () => {
    expect(parseFormats('word')).toEqual(['docx']);
    expect(parseFormats('md,docx,word')).toEqual(['md', 'docx']);
  });

  it('writes <input>.report.docx with the other reports, loading docx only then', () => {
    const out = tmp();
    const r = run([SAMPLE, '-o', out, '-f', 'md,docx', '-q']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'sample-county.report.charts',
      'sample-county.report.docx',
      'sample-county.report.md',
    ]);
    expect(r.stderr).toContain('loaded: docx');
    const plain = run([SAMPLE, '-o', tmp(), '-f', 'xlsx,md,json', '-q']);
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toContain('loaded: docx');
    expect(run(['--version']).stderr).not.toContain('loaded: docx');
  }, 60_000); // four whole runs: timed out at 5 s under a load of 8 on 2 cores
});

describe('a county too large for its Word report', () => {
  it('2 001 sections with -f docx: FILE_TOO_LARGE naming the Word limit, exit 3, nothing written; xlsx alone is written', () => {
    const input = primaryCountyCsv(MAX_WORD_SECTIONS + 1, 'big.csv');
    const out = tmp();
    const word = spawnSync(process.execPath, [BIN, input, '-o', out, '-f', 'xlsx,docx'], { encoding: 'utf8' });
    expect(word.status).toBe(3);
    expect(word.stderr).toContain('“big”有 2,001 个学段，超过 Word 报告的上限 2,000 个');
    expect(readdirSync(out)).toEqual([]);
    const excel = spawnSync(process.execPath, [BIN, input, '-o', out, '-f', 'xlsx', '-q'], { encoding: 'utf8' });
    expect(excel.status).toBe(0);
    expect(readdirSync(out)).toEqual(['big.report.xlsx']);
  }, 120_000);
});
