/** The built CLI (dist/cli.cjs via bin/), run as users and CI run it. `npm test` builds first. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { county, tmp, workbook } from './helpers/files';
import { progressReporter } from '../src/cli/progress';

const BIN = resolve('bin/balance-check.js');
const SAMPLE = resolve('fixtures/sample-county.xlsx');

function run(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

beforeAll(() => {
  if (!existsSync('dist/cli.cjs')) throw new Error('dist/cli.cjs missing: run `npm test` (it builds first)');
});

describe('balance-check FILE', () => {
  it('checks the sample county, prints a summary and writes the xlsx and md reports (exit 0)', () => {
    const out = tmp();
    const r = run([SAMPLE, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('小学');
    expect(r.stdout).toContain('差异系数');
    expect(readdirSync(out).sort()).toEqual([
      'sample-county.report.charts',
      'sample-county.report.md',
      'sample-county.report.xlsx',
    ]);
  });

  it('writes beside the input by default, never touching the input', () => {
    const dir = tmp();
    const input = join(dir, '示例县.xlsx');
    copyFileSync(SAMPLE, input);
    const before = readFileSync(input);
    expect(run([input, '--format', 'md,json', '-q']).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '示例县.report.charts',
      '示例县.report.json',
      '示例县.report.md',
      '示例县.xlsx',
    ]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('produces byte-identical reports for the same input', () => {
    const [a, b] = [tmp(), tmp()];
    run([SAMPLE, '-o', a, '--format', 'xlsx,md,json', '-q']);
    run([SAMPLE, '-o', b, '--format', 'xlsx,md,json', '-q']);
    const files = (d: string) =>
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(d.length));
    for (const f of files(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(files(a)).toHaveLength(3 + 14);
  });

  it('--json prints the JSON report on stdout', () => {
    const r = run([SAMPLE, '-o', tmp(), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.tool.name).toBe('balance-check');
    expect(json.counties[0].levels.primary.indicators.sports_space.cvPass).toBe(false);
  });

  it('--strict exits 1 when a standard is not met, 0 when all are', async () => {
    expect(run([SAMPLE, '-o', tmp(), '--strict', '-q']).code).toBe(1);
    expect(run([await workbook({ 学校数据: county() }), '-o', tmp(), '--strict', '-q']).code).toBe(0);
  });

  it('--quiet prints nothing on success', () => {
    const r = run([SAMPLE, '-o', tmp(), '-q']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('data errors: exit 2, the problems in Chinese with their cells on stderr, and no report', () => {
    const out = tmp();
    const r = run([resolve('fixtures/broken/errors.xlsx'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('学校数据!E3［二小 · 高于规定学历教师数］：数值为负');
    expect(r.stderr).toContain('“约30”不是数字');
    expect(r.stderr).toContain('#DIV/0!');
    expect(r.stderr).toContain('未生成报告');
    noStackTrace(r.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a missing column: exit 2 naming the column', () => {
    const r = run([resolve('fixtures/broken/missing-column.csv'), '-o', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少必需的列“体育运动场馆面积”');
  });

  it.each([
    [['fixtures/broken/not-a-workbook.xlsx'], '不是有效的 .xlsx 文件'],
    [['fixtures/broken/old-format.xls'], '另存为'],
    [['fixtures/没有这个文件.xlsx'], '文件不存在'],
    [[SAMPLE, '--sheet', '不存在'], '找不到工作表'],
    [[SAMPLE, '--format', 'pdf'], '--format'],
    [[SAMPLE, '--no-such-option'], '命令行错误'],
    [[], '缺少要检查的文件'],
  ])('unreadable file or bad usage %j: exit 3, no stack trace', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(message);
    noStackTrace(r.stderr);
  });

  it.each([
    [['a.xlsx', 'b', 'c', 'd', 'e'], '命令行错误：参数过多：只需要 1 个文件，收到 5 个（文件名含空格时请用引号括起）'],
    [['validate', 'a.xlsx', 'b'], '命令行错误：参数过多：validate 只需要 1 个文件，收到 2 个'],
    // A word that is neither a file nor a command, before the file: named as the unknown command it was meant as.
    [['check', SAMPLE], '命令行错误：没有命令 check（命令：validate、compare、plan、scenario、'],
    [['explain', 'a', 'b'], '命令行错误：参数过多：explain 只需要 1 个参数，收到 2 个'],
    [['profiles', 'x'], '命令行错误：参数过多：profiles 不需要参数，收到 1 个'],
    [['validate'], '命令行错误：缺少参数：validate 需要学校数据文件（.xlsx 或 .csv）'],
    [[SAMPLE, '--no-such-option'], '命令行错误：未知选项 --no-such-option'],
    [[SAMPLE, '--ou', 'x'], '命令行错误：未知选项 --ou（是否要用 --out？）'],
    [['validate', SAMPLE, '--bogus'], '命令行错误：validate 命令没有选项 --bogus'],
    [[SAMPLE, '-o'], '命令行错误：选项 -o, --out <目录> 后缺少取值（报告输出目录'],
    [['plan', SAMPLE, '--target'], '命令行错误：选项 --target <差异系数> 后缺少取值'],
  ])('a command-line mistake %j is said in Chinese: exit 3', (args, message) => {
    // Found with five words given for one file (a path with spaces): commander's “too many arguments. Expected 1 argument but got 5.”
    const r = run(args);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/error:|argument|unknown option|Did you mean|Expected/);
    noStackTrace(r.stderr);
  });

  it.each([
    [['--help']],
    [['help']],
    [['help', 'plan']],
    ...['validate', 'compare', 'plan', 'scenario', 'profiles', 'explain', 'template'].map((c) => [[c, '--help']]),
  ])('%j is in Chinese: no English commander words, terms aligned, exit 0', (args) => {
    const r = run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：balance-check/);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).not.toMatch(/Usage|Options|Arguments|Commands|default:|display help|\[options\]|\[command\]/i);
    // Placeholders and argument names in Chinese too (<目录>, not <dir>).
    expect(r.stdout).not.toMatch(/<(dir|list|name|file|schools|plan)\b|^ {2}(schools|plan) {2,}/m);
    // Every description starts in one column: a term with Chinese in it (--year <年度>) takes two columns a character.
    const wide = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const starts = r.stdout.split('\n').flatMap((line) => {
      const m = /^( {2}\S.*?  +)\S/.exec(line);
      return m ? [wide(m[1]!)] : [];
    });
    expect(new Set(starts).size, r.stdout).toBe(1);
  });

  it('help with no such command: exit 3, the commands listed', () => {
    const r = run(['help', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('命令行错误：help：没有命令“nope”（命令：validate、compare、plan、');
  });

  it('--help names the default in Chinese and help plan shows the plan options', () => {
    expect(run(['--help']).stdout.replace(/\n */g, '')).toContain('（默认：xlsx,md）');
    expect(run(['help', 'plan']).stdout).toContain('--unit-cost');
  });

  it('--help and --version exit 0', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('退出码');
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

describe('balance-check validate FILE', () => {
  it('valid data: exit 0, no report written', () => {
    const dir = tmp();
    const input = join(dir, 'a.csv');
    copyFileSync('fixtures/sample-county.csv', input);
    const r = run(['validate', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('数据检查通过');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('data errors: exit 2; --json lists them with code and cell', () => {
    const r = run(['validate', 'fixtures/broken/errors.xlsx', '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.valid).toBe(false);
    const codes = new Set(json.issues.map((i: { code: string }) => i.code));
    for (const c of [
      'NEGATIVE_VALUE',
      'NOT_A_NUMBER',
      'EXCEL_ERROR',
      'UNKNOWN_SCHOOL_TYPE',
      'DUPLICATE_SCHOOL',
      'RESOURCES_WITHOUT_STUDENTS',
      'LEVEL_NOT_OFFERED',
    ])
      expect(codes, c).toContain(c);
  });

  it('an unreadable file: exit 3', () => {
    expect(run(['validate', 'fixtures/broken/not-a-workbook.xlsx']).code).toBe(3);
  });
});

describe('balance-check template', () => {
  it('writes a template that validates once filled, refuses to overwrite without --force', () => {
    const dir = tmp();
    const file = join(dir, '模板.xlsx');
    const first = run(['template', '-o', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已生成模板');
    expect(statSync(file).size).toBeGreaterThan(5000);
    const again = run(['template', '-o', file]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('--force');
    expect(run(['template', '-o', file, '--force']).code).toBe(0);
    // Empty, it is not yet data: validate says so with exit 2.
    const empty = run(['validate', file]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('NO_SCHOOLS');
  }, 30_000);
});

describe('the whole verdict on the command line', () => {
  it('prints the 优质均衡 verdict with the failing items; --strict exits 1 on it', () => {
    const r = run([SAMPLE, '-o', tmp()]);
    expect(r.stdout).toMatch(
      /优质均衡：未达到 · 资源配置 未达标 · 政府保障程度 未达标 · 教育质量 达标 · 社会认可度 达标/,
    );
    expect(r.stdout).toContain('政府保障程度第11项');
  });

  it('the JSON report carries the checklist and the verdict per county', () => {
    const json = JSON.parse(run([SAMPLE, '-o', tmp(), '--json']).stdout);
    const c = json.counties[0];
    expect(c.checklist).toHaveLength(25);
    expect(c.checklist[10]).toMatchObject({ dimension: 'guarantee', number: 11, id: 'rotation', status: 'not_met' });
    expect(c.verdict).toMatchObject({ status: 'not_met', countyFiguresGiven: true, dimensions: { quality: 'met' } });
    expect(typeof c.verdict.reasons.guarantee).toBe('string');
  });
});

describe('atomic writes', () => {
  it('leaves no temporary files behind', () => {
    const out = tmp();
    run([SAMPLE, '-o', out, '--format', 'xlsx,md,json', '-q']);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of readdirSync(out)) expect(statSync(join(out, f)).size).toBeGreaterThan(100);
  });
});

describe('a 自评表 whose claims disagree, as a CI gate sees it', () => {
  const form = async () =>
    workbook({
      学校数据: county(),
      自评表: [
        ['序号', '评估内容', '评估标准', '实际情况', '是否达标', '佐证材料'],
        [9, '教师5年360学时培训完成率达到100%', '100%', '93.5%', '达标', ''],
        [12, '义务教育学校专任教师持证上岗率', '100%', '100%', '达标', ''],
      ],
    });

  it('validate exits 0 without --strict and 2 with it; the JSON lists the warning', async () => {
    const input = await form();
    expect(run(['validate', input, '-q']).code).toBe(0);
    const strict = run(['validate', input, '--strict', '--json']);
    expect(strict.code).toBe(2);
    const json = JSON.parse(strict.stdout) as { valid: boolean; issues: { code: string; cell: string }[] };
    expect(json.valid).toBe(false);
    expect(json.issues.filter((i) => i.code === 'CLAIM_DISAGREES').map((i) => i.cell)).toEqual(['E2']);
  });

  it('the terminal, the Markdown and the JSON report each list the disagreement and the items not provided', async () => {
    const input = await form();
    const out = tmp();
    const r = run([input, '-o', out, '-f', 'md,json,xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('自评结论与测算不一致（1 项）');
    expect(r.stdout).toContain('未提供（无法判定）：政府保障程度第1、2');
    const md = readFileSync(join(out, 'test.report.md'), 'utf8');
    expect(md).toContain('### 自评结论与测算不一致（1项）');
    expect(md).toContain('自评达标，但测算为未达标——360学时培训完成率 93.50%（应 ≥ 100%）（自评表!E2）');
    const json = JSON.parse(readFileSync(join(out, 'test.report.json'), 'utf8')) as {
      counties: { claimDisagreements: { id: string; detail: string }[] }[];
    };
    expect(json.counties[0]!.claimDisagreements.map((d) => d.id)).toEqual(['training']);
  });
});

describe('the Markdown cover', () => {
  it('names the county, the data year (title row, or --year), the source, rules and tool, and who signed the table (else blank lines to fill in); no date of the run', async () => {
    const out = tmp();
    expect(run([SAMPLE, '-o', out, '-f', 'md', '-q']).code).toBe(0);
    const md = readFileSync(join(out, 'sample-county.report.md'), 'utf8');
    expect(md).toContain('| 县（市、区） | 示例县 |');
    expect(md).toContain('| 数据年度 | 2024年 |');
    // The sample's 填报单位 line above the table and its 填表人 note row below it.
    for (const line of [
      '| 填报单位 | 示例县教育局 |',
      '| 填报人 | 王×× |',
      '| 审核人 | 李×× |',
      '| 日期 | 2024年10月8日 |',
    ])
      expect(md).toContain(line);
    expect(md).not.toMatch(/20\d\d-\d\d-\d\d/);
    const unsigned = tmp();
    expect(run([await workbook({ 学校数据: county() }), '-o', unsigned, '-f', 'md', '-q']).code).toBe(0);
    const plain = readFileSync(join(unsigned, 'test.report.md'), 'utf8');
    for (const line of ['| 填报单位 |  |', '| 填报人 |  |', '| 审核人 |  |', '| 日期 |  |'])
      expect(plain).toContain(line);
    const out2 = tmp();
    run([SAMPLE, '-o', out2, '-f', 'md', '-q', '--year', '2025学年']);
    expect(readFileSync(join(out2, 'sample-county.report.md'), 'utf8')).toContain('| 数据年度 | 2025学年 |');
  });
});

describe('progress on a terminal', () => {
  it('rows read and counties computed for a large input, at most ten a second; nothing when quiet, piped or small', () => {
    let t = 0;
    const lines: string[] = [];
    const report = progressReporter(
      false,
      (s) => lines.push(s),
      true,
      () => t,
    )!;
    report({ rows: 1000 });
    expect(lines).toEqual([]); // a small input: nothing
    report({ rows: 6000 });
    t += 50;
    report({ rows: 7000 }); // within 100 ms of the last line
    t += 100;
    report({ counties: 1, of: 3 });
    report({ counties: 3, of: 3 }); // the last county always
    expect(lines.map((l) => l.replace(/\r|\x1b\[K/g, ''))).toEqual([
      '已读取 6,000 行学校数据 …',
      '已计算 1 / 3 个县（市、区）…',
      '已计算 3 / 3 个县（市、区）…',
    ]);
    expect(progressReporter(true, () => {}, true)).toBeUndefined();
    expect(progressReporter(false, () => {}, false)).toBeUndefined();
    const small: string[] = [];
    const quietSmall = progressReporter(
      false,
      (s) => small.push(s),
      true,
      () => t,
    )!;
    quietSmall({ rows: 3000 });
    quietSmall({ counties: 1, of: 1 });
    expect(small).toEqual([]);
  });
});
