/** A gate CI can trust: annotations and a step summary under a simulated GitHub Actions run, and the CLI's other CI behaviour. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIssue } from '../src/issues/catalogue';
import { analyse } from '../src/cli/pipeline';
import { JIBEN_2012 } from '../src/engine/profiles';
import { renderAnnotations, renderStepSummary } from '../src/render/github';
import { zip } from '../src/render/spreadsheet/zip';
import { county, tmp, workbook } from './helpers/files';

const BIN = resolve('bin/balance-check.js');
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('under GitHub Actions', () => {
  it('errors become ::error annotations naming the file and the cell; the step summary says the check failed', () => {
    const summary = join(tmp(), 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = run(['validate', 'fixtures/broken/errors.xlsx'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(2);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(7);
    expect(annotations[0]).toBe(
      '::error file=fixtures/broken/errors.xlsx,title=[NEGATIVE_VALUE]::学校数据!E3［二小 · 高于规定学历教师数］：数值为负（-3）',
    );
    // Said once: the annotated issues are not listed again on stderr (GitHub shows both streams in one log).
    expect(r.stderr).not.toContain('数值为负');
    expect(r.stderr).toContain('数据检查未通过');
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n')).toBe(true); // appended, not replaced
    expect(text).toContain('### balance-check validate（数据检查）：errors.xlsx');
    expect(text).toContain('数据检查：**未通过**');
    expect(text).toContain('`NEGATIVE_VALUE`');
  });

  it.each([
    [['validate', 'fixtures/broken/old-format.xls'], 'FILE_UNREADABLE', '另存为'],
    [['fixtures/broken/not-a-workbook.xlsx'], 'FILE_UNREADABLE', '不是有效的 .xlsx 文件'],
    [['validate', 'fixtures/没有这个文件.xlsx'], 'FILE_UNREADABLE', '文件不存在'],
  ])('a file that cannot be read %j: an ::error annotation and a line in the step summary', (args, code, words) => {
    const summary = join(tmp(), 'summary.md');
    const r = run(args, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(3);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(new RegExp(`^::error title=balance-check \\[${code}\\]::.*${words}`));
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('### balance-check：无法完成检查');
    expect(text).toContain(`**无法检查** \`${code}\``);
    expect(text).toContain(words);
  });

  it('a fatal error with --json keeps stdout one JSON document (the annotation goes to stderr)', () => {
    const r = run(['fixtures/broken/old-format.xls', '--json'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, fatal: { code: 'FILE_UNREADABLE' } });
    expect(r.stderr).toContain('::error title=balance-check [FILE_UNREADABLE]::');
  });

  it('validate --strict lists the warnings that made it fail; the check section has its own title', async () => {
    const summary = join(tmp(), 'summary.md');
    const dir = tmp();
    const input = await workbook(
      {
        学校数据: county(),
        自评表: [
          ['序号', '评估内容', '评估标准', '实际情况', '是否达标', '佐证材料'],
          [9, '教师5年360学时培训完成率达到100%', '100%', '93.5%', '达标', ''],
        ],
      },
      '自评不一致.xlsx',
    );
    const v = run(['validate', input, '--strict'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(v.code).toBe(2);
    const c = run([input, '-o', dir, '-q'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(c.code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('### balance-check validate（数据检查）：自评不一致.xlsx');
    expect(text).toMatch(/\*\*--strict 未通过\*\*（1 项）：\n\n- `CLAIM_DISAGREES` 自评表!E2/);
    // validate's section is the data check only: the CV table is the check's.
    expect(
      text
        .split('### ')
        .filter((x) => x.includes('| 学段'))
        .map((x) => x.split('：')[0]),
    ).toEqual(['balance-check 检查报告（达标与差异系数）']);
    expect(text).toContain('### balance-check 检查报告（达标与差异系数）：自评不一致.xlsx');
  });

  it('a passing check: warnings as ::warning, the summary carries the verdict and the CV table; --json keeps stdout pure JSON', () => {
    const summary = join(tmp(), 'summary.md');
    const r = run(['fixtures/sample-county.xlsx', '-o', tmp(), '--json'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('优质均衡未达到');
    // Says what the figures are, the limit each level is held to, and which pass.
    expect(text).toContain('校际差异系数（✓ 不高于上限，✗ 高于上限）');
    expect(text).toContain('| 学段（差异系数上限） |');
    expect(text).toMatch(/\| 小学（≤ 0\.50） \| 0\.157 ✓ \|.*\*\*0\.603\*\* ✗/);
    expect(text).toMatch(/\| 初中（≤ 0\.45） \|/);
  });

  it('under the 2012 method the limit is the 综合差异系数’s: its own column carries the mark', async () => {
    const report = await analyse('fixtures/sample-county.xlsx', { profile: JIBEN_2012 });
    const text = renderStepSummary(report, true);
    expect(text).toContain('| 学段（综合差异系数上限） |');
    expect(text).toMatch(/\| 小学（≤ 0\.65） \| 0\.\d{3} \|.* \| \**0\.\d{3}\** [✓✗] \| \d+\/\d+ \|/);
  });

  it('annotation text is escaped as workflow commands need (%, line breaks; also , and : in properties)', () => {
    const issue = makeIssue('NOT_A_NUMBER', { sheet: 'a,b:c', cell: 'B7', school: '学校' }, { text: '50%\n以上' });
    const [line] = renderAnnotations([issue], 'x.csv', true);
    expect(line).toBe('::error file=x.csv,line=7,title=[NOT_A_NUMBER]::a,b:c!B7［学校］：“50%25%0A以上”不是数字');
  });

  it('outside GitHub Actions nothing of this is printed', () => {
    const r = run(['validate', 'fixtures/broken/errors.xlsx']);
    expect(r.stdout).not.toContain('::error');
  });
});

describe('other CI behaviour', () => {
  it('--strict -q exits 1 and still says why on stderr, in one line per county', () => {
    const r = run(['fixtures/sample-county.xlsx', '-o', tmp(), '--strict', '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^示例县：全县义务教育优质均衡发展未达到要求。资源配置未达标/);
  });

  it('FORCE_COLOR=1 colours a piped summary, FORCE_COLOR=0 and NO_COLOR do not', () => {
    expect(run(['fixtures/sample-county.xlsx', '-o', tmp()], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(run(['fixtures/sample-county.xlsx', '-o', tmp()], { FORCE_COLOR: '0' }).stdout).not.toContain('\u001b[');
    expect(run(['fixtures/sample-county.xlsx', '-o', tmp()], { NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  }, 30_000); // three whole runs: 4.9 s alone, past vitest's 5 s default under load

  it('a Word file renamed .xlsx, an .ods and an empty CSV say what they are (exit 3)', () => {
    const dir = tmp();
    const docx = join(dir, '学校数据.xlsx');
    writeFileSync(
      docx,
      zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ]),
    );
    const ods = join(dir, 'b.xlsx');
    writeFileSync(
      ods,
      zip([
        { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
        { name: 'content.xml', data: Buffer.from('<x/>') },
      ]),
    );
    const empty = join(dir, 'c.csv');
    writeFileSync(empty, '');
    expect(run(['validate', docx])).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('这是 Word 文档（.docx），不是 Excel 工作簿'),
    });
    expect(run(['validate', ods])).toMatchObject({ code: 3, stderr: expect.stringContaining('OpenDocument 表格') });
    expect(run(['validate', empty])).toMatchObject({ code: 3, stderr: expect.stringContaining('文件是空的') });
  });

  it('after data errors, reports of an earlier run in the output folder are named as stale', () => {
    const out = tmp();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'errors.report.md'), 'old');
    const r = run(['fixtures/broken/errors.xlsx', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(out, 'errors.report.md')} 是此前生成的报告，本次未更新`);
  });
});
