/**
 * The command line: commander wiring and exit codes only.
 *   0 data valid (and with --strict every checked standard met)
 *   1 --strict and something is not met
 *   2 the data has errors (no report is written)
 *   3 the file cannot be read, or the command line is wrong
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CommanderError, Option, type Command } from 'commander';
import { YOUZHI_2017, type Profile } from '../engine/profile';
import { BUILT_IN_PROFILES, ProfileError, resolveProfile } from '../engine/profiles';
import { jsonSafe, terminalSafe } from '../common/controls';
import { FatalError, hasErrors, isMisread, type Issue } from '../issues/catalogue';
import { limitsFromMegabytes, type InflateLimits } from '../read/unzip';
import { compareReports, orderByYear } from '../report/compare';
import type { Report } from '../report/model';
import { renderCompareSummary } from '../render/compare';
import type { CountyResult } from '../engine/evaluate';
import { countyLines, issueJson, renderJson } from '../render/json';
import { findExplained, findIndicator, renderExplained, renderProfiles } from '../render/profiles';
import { verdictSentence } from '../render/prose';
import { issueCountLine, renderIssues, renderPlan, renderSummary, terminalColours } from '../render/terminal';
import { renderTemplate } from '../template/index';
import { renderScenarioTemplate } from '../template/scenario';
import { githubFatal, githubOutput } from './github';
import { progressReporter } from './progress';
import {
  FORMATS,
  parseFormats,
  reportPath,
  schoolsPath,
  type Format,
  writeAtomically,
  writeComparison,
  writeReports,
} from './output';
import { analyse, MAX_DETAIL_SECTIONS, type AnalyseOptions } from './pipeline';
import { addScenarioCommand, writeLeastCostPlan } from './scenario';
import { unknownHelpTopic } from './help';
import { ChineseCommand } from './usage';
import { checkOutputFolder, checkTargets, LineSpool } from './write-set';
import { VERSION } from './version';

export const EXIT = { ok: 0, notMet: 1, dataErrors: 2, unusable: 3 } as const;

/** Thrown for a bad command line; carries a Chinese message. */
class UsageError extends Error {}

interface CheckOptions {
  profile?: string;
  county?: string;
  out?: string;
  format: string;
  json?: boolean;
  sheet?: string;
  strict?: boolean;
  quiet?: boolean;
  maxInflate?: string;
  year?: string;
  notes?: boolean;
}

const MAX_LISTED = 30;

/** Everything printed passes terminalSafe: a name holding ESC or BEL must not clear the screen or retitle the window. */
const out = (s: string) => process.stdout.write(terminalSafe(s.endsWith('\n') ? s : `${s}\n`));
const err = (s: string) => process.stderr.write(terminalSafe(s.endsWith('\n') ? s : `${s}\n`));

function progress(message: string, quiet: boolean | undefined) {
  if (!quiet && process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
}

const endProgress = (quiet: boolean | undefined) => {
  if (!quiet && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
};

/** `annotated`: the issues given as GitHub annotations already, not listed twice. */
function listIssues(report: Report, withWarnings: boolean, annotated: ReadonlySet<Issue> = new Set()) {
  const c = terminalColours(process.stderr);
  const shown = report.issues.filter(
    (i) => !annotated.has(i) && (i.severity === 'error' || (withWarnings && i.severity === 'warning')),
  );
  if (shown.length === 0) return;
  err(renderIssues(shown.slice(0, MAX_LISTED), c));
  if (shown.length > MAX_LISTED) err(`……另有 ${shown.length - MAX_LISTED} 个问题未列出（用 --json 查看全部）`);
}

/** `--notes`: the 说明 (how the file was read: units converted, schools left out …) on stderr, after the warnings; all of them. */
function listNotes(report: Report, notes: boolean | undefined) {
  const shown = notes ? report.issues.filter((i) => i.severity === 'info') : [];
  if (shown.length) err(renderIssues(shown, terminalColours(process.stderr), true));
}

/** On stderr: the data-issue counts (with whose they are) and the warnings, as the check lists them. */
function dataIssues(report: Report, whose: string | null) {
  const c = terminalColours(process.stderr);
  err('');
  err(`${whose ? `${whose}：` : ''}${issueCountLine(report.issueCounts, c)}`);
  const misread = report.issues.filter(isMisread).length;
  if (misread) err(`（其中 ${misread} 个警告表明有数据未按所写读取或与自评不一致：validate --strict 不予通过）`);
  listIssues(report, true);
}

async function runCheck(file: string | undefined, options: CheckOptions, command: Command): Promise<number> {
  if (!file) {
    command.outputHelp({ error: true });
    throw new UsageError('缺少要检查的文件，例如：balance-check 学校数据.xlsx');
  }
  const formats = parseFormats(options.format);
  if (!formats)
    throw new UsageError(`--format 只能是 ${FORMATS.join('、')} 的组合（逗号分隔），收到“${options.format}”`);

  const profile = await loadProfile(options.profile);
  checkOutput(file, options.out, formats, options.county);
  progress(`正在读取 ${file} …`, options.quiet);
  // A batch's reports show counties only; its JSON Lines (every school) are written as its counties are computed.
  const spool = formats.includes('json') ? new LineSpool(schoolsPath(file, options.out)) : null;
  try {
    return await checkWith(file, options, profile, formats, spool);
  } finally {
    spool?.discard();
  }
}

async function checkWith(
  file: string,
  options: CheckOptions,
  profile: Profile,
  formats: Format[],
  spool: LineSpool | null,
): Promise<number> {
  const report = await analyse(file, {
    ...analyseOptions(profile, options),
    batchSummaries: true,
    ...(spool ? { onBatchCounty: (c: CountyResult) => spool.write(countyLines(c)) } : {}),
  });
  endProgress(options.quiet);

  if (hasErrors(report.issues)) {
    if (options.json) out(renderJson(report));
    const annotated = githubOutput({ report, file, valid: false, json: options.json, kind: 'check' }, out, err);
    listIssues(report, !options.quiet, annotated);
    err(
      `发现 ${report.issueCounts.error} 个数据错误，未生成报告。请修正后重试（balance-check validate 可只做数据检查）。`,
    );
    warnStale([
      ...formats.map((f) => reportPath(file, options.out, f, report.input.county)),
      ...(formats.includes('json') ? [schoolsPath(file, options.out)] : []),
    ]);
    return EXIT.dataErrors;
  }

  progress('正在生成报告 …', options.quiet);
  const written = await writeReports(report, file, options.out, formats, spool);
  endProgress(options.quiet);

  if (options.json) out(renderJson(report));
  else if (!options.quiet) {
    out(renderSummary(report, terminalColours(process.stdout), options.notes));
    out(`\n报告：${written.join('，')}`);
  }
  // Every checked standard: items not provided (no 县级指标 sheet) do not fail --strict; the verdict says so.
  const failed = report.counties.filter((c) => c.verdict.status === 'not_met');
  const strictFailures = options.strict
    ? failed.map((c) => ({ text: `${c.label}：${verdictSentence(report, c)}` }))
    : [];
  const annotated = githubOutput(
    { report, file, valid: true, json: options.json, kind: 'check', strictFailures },
    out,
    err,
  );
  if (!options.quiet && !options.json && report.issueCounts.warning > annotated.size) {
    err('');
    listIssues(report, true, annotated);
  }
  listNotes(report, options.notes);

  // Even with -q, a failing --strict says why on stderr (a CI log with exit 1 and nothing else helps no one).
  if (options.strict && failed.length && (options.quiet || options.json))
    for (const county of failed.slice(0, 5)) err(`${county.label}：${verdictSentence(report, county)}`);
  return options.strict && failed.length ? EXIT.notMet : EXIT.ok;
}

/** After data errors no report is written; reports of an earlier run stay and must not be taken for this one. */
function warnStale(paths: readonly string[]) {
  const stale = paths.filter((p) => existsSync(p));
  if (stale.length) err(`注意：${stale.join('、')} 是此前生成的报告，本次未更新，请勿当作本次结果使用。`);
}

/** A path that cannot take the reports fails now, not after the analysis. */
function checkOutput(file: string, outDir: string | undefined, formats: readonly Format[], county?: string) {
  if (outDir !== undefined) checkOutputFolder(outDir);
  checkTargets(formats.map((f) => reportPath(file, outDir, f, county)));
}

/** The command-line options every analysing command shares, as analyse() takes them. */
function analyseOptions(profile: Profile, options: CheckOptions): AnalyseOptions {
  const onProgress = progressReporter(options.quiet);
  return {
    profile,
    detailLimit: MAX_DETAIL_SECTIONS,
    ...(onProgress ? { onProgress } : {}),
    ...inflateLimits(options.maxInflate),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.county !== undefined ? { county: options.county } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  };
}

async function runTemplate(options: { out?: string; force?: boolean; scenario?: boolean }): Promise<number> {
  const file = options.out ?? (options.scenario ? '调整方案模板.xlsx' : '学校数据模板.xlsx');
  if (existsSync(file) && !options.force) throw new UsageError(`“${file}”已存在，未覆盖（确需覆盖请加 --force）`);
  if (options.scenario) {
    await writeAtomically(file, await renderScenarioTemplate());
    out(`已生成调整方案模板：${file}（填好“调整方案”表后运行 balance-check scenario 学校数据.xlsx ${file}）`);
    return EXIT.ok;
  }
  await writeAtomically(file, await renderTemplate(YOUZHI_2017));
  out(`已生成模板：${file}（填好“学校数据”与“县级指标”两张表后运行 balance-check ${file}）`);
  return EXIT.ok;
}

/** `--max-inflate <MB>`: how far an .xlsx may inflate. */
function inflateLimits(mb: string | undefined): { limits?: InflateLimits } {
  if (mb === undefined) return {};
  const n = Number(mb);
  if (!Number.isInteger(n) || n < 1 || n > 65536)
    throw new UsageError(`--max-inflate 应为 1 到 65536 之间的整数（MB），收到“${mb}”`);
  return { limits: limitsFromMegabytes(n) };
}

/** A built-in profile by id, or a JSON file extending one. */
async function loadProfile(spec: string | undefined): Promise<Profile> {
  if (spec === undefined) return YOUZHI_2017;
  const builtIn = BUILT_IN_PROFILES.find((p) => p.id === spec);
  if (builtIn) return builtIn;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(spec, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在，也不是内置配置名'
        : code === 'ELOOP'
          ? '文件路径存在循环的符号链接（链接直接或间接指向自身）'
          : code === 'EISDIR'
            ? '这是一个目录'
            : code === 'EACCES' || code === 'EPERM'
              ? '没有读取权限'
              : code !== undefined
                ? `读取失败（${code}）`
                : `不是有效的 JSON（${(e as Error).message}）`;
    throw new UsageError(`--profile “${spec}”：${why}（内置配置：${BUILT_IN_PROFILES.map((p) => p.id).join('、')}）`);
  }
  try {
    return resolveProfile(json);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`--profile “${spec}”：${e.message}`);
    throw e;
  }
}

type CompareOptions = {
  out?: string;
  format: string;
  profile?: string;
  sheet?: string;
  quiet?: boolean;
  maxInflate?: string;
};

async function runCompare(files: string[], options: CompareOptions): Promise<number> {
  if (files.length < 2)
    throw new UsageError('compare 至少需要两个文件，例如：balance-check compare 2023.xlsx 2024.xlsx');
  const formats = parseFormats(options.format)?.filter((f) => f === 'xlsx' || f === 'md');
  if (!formats?.length) throw new UsageError(`compare 的 --format 只能是 xlsx、md 的组合，收到“${options.format}”`);
  const profile = await loadProfile(options.profile);
  if (options.out !== undefined) checkOutputFolder(options.out);
  const reports: Report[] = [];
  const limits = inflateLimits(options.maxInflate);
  for (const file of files)
    reports.push(
      await analyse(file, { profile, ...limits, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) }),
    );
  const broken = reports.filter((r) => hasErrors(r.issues));
  if (broken.length) {
    for (const r of broken) listIssues(r, false);
    err(`${broken.map((r) => r.input.file).join('、')} 有数据错误，未生成比较报告。`);
    return EXIT.dataErrors;
  }
  // Oldest first, whatever order the files were given in (or refused: two of one year, a year unread).
  const order = orderByYear(reports);
  if ('refusal' in order) throw new UsageError(order.refusal);
  const comparison = compareReports(order.reports, order.note);
  const written = await writeComparison(
    comparison,
    order.reports.map((r) => files[reports.indexOf(r)]!),
    options.out,
    formats,
  );
  if (!options.quiet) {
    out(renderCompareSummary(comparison, terminalColours(process.stdout)));
    out(`\n报告：${written.join('，')}`);
    // Each year's reading, as the check says it: the comparison rests on all of them.
    order.reports.forEach((r, i) => {
      const label = comparison.labels[i]!;
      dataIssues(r, label.includes(r.input.file) ? label : `${label}（${r.input.file}）`);
    });
  }
  return EXIT.ok;
}

function runProfiles(): number {
  out(renderProfiles(BUILT_IN_PROFILES, YOUZHI_2017.id));
  return EXIT.ok;
}

async function runExplain(name: string, options: { profile?: string }): Promise<number> {
  const profile = await loadProfile(options.profile);
  const matches = findExplained(profile, name);
  if (matches.length === 0)
    throw new UsageError(
      `“${name}”不是 ${profile.id} 的指标${profile.checklist.length ? '或县级项目' : ''}（指标：${profile.indicators.map((i) => `${i.id}（${i.short}）`).join('、')}` +
        // A profile without county items (2012) is not offered any.
        (profile.checklist.length ? `；县级项目如 保障11、质量3、巩固率、${profile.checklist[0]!.id}）` : '）'),
    );
  out(renderExplained(profile, name, matches));
  return EXIT.ok;
}

type PlanCliOptions = CheckOptions & { target?: string; budget?: string; unitCost?: string; asScenario?: string };

/** "sports_space=5000,体育场馆=3000": indicator (id or name) → amount. */
function perIndicator(profile: Profile, list: string | undefined, what: string): Record<string, number> | undefined {
  if (list === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of list
    .split(/[,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*[=＝:：]\s*([0-9.]+)$/.exec(part);
    const ind = m ? findIndicator(profile, m[1]!) : undefined;
    const n = m ? Number(m[2]) : NaN;
    if (!m || !ind || !(n >= 0))
      throw new UsageError(
        `${what}“${part}”应为 指标=数量，如 sports_space=5000（指标：${profile.indicators.map((i) => i.id).join('、')}）`,
      );
    out[ind.id] = n;
  }
  return out;
}

async function runPlan(file: string, options: PlanCliOptions): Promise<number> {
  const formats = parseFormats(options.format);
  if (!formats)
    throw new UsageError(`--format 只能是 ${FORMATS.join('、')} 的组合（逗号分隔），收到“${options.format}”`);
  const profile = await loadProfile(options.profile);
  const target = options.target === undefined ? undefined : Number(options.target);
  if (target !== undefined && !(target > 0 && target < 1))
    throw new UsageError(`--target 应为 0 到 1 之间的差异系数，如 0.45，收到“${options.target}”`);
  const unitCosts = { ...profile.unitCosts, ...perIndicator(profile, options.unitCost, '--unit-cost') };
  const budget = perIndicator(profile, options.budget, '--budget');
  if (options.out !== undefined) checkOutput(file, options.out, formats, options.county);
  const report = await analyse(file, {
    ...analyseOptions(profile, options),
    plan: {
      ...(target !== undefined ? { target } : {}),
      ...(budget ? { budget } : {}),
      ...(Object.keys(unitCosts).length ? { unitCosts } : {}),
    },
  });
  if (hasErrors(report.issues)) {
    const annotated = githubOutput({ report, file, valid: false, json: options.json, kind: 'check' }, out, err);
    listIssues(report, !options.quiet, annotated);
    err(`发现 ${report.issueCounts.error} 个数据错误，无法测算。请修正后重试。`);
    return EXIT.dataErrors;
  }
  const written = options.out !== undefined ? await writeReports(report, file, options.out, formats) : [];
  const planFile = options.asScenario !== undefined ? await writeLeastCostPlan(report, options.asScenario) : null;
  if (options.json) out(renderJson(report));
  else if (!options.quiet) {
    out(renderPlan(report, terminalColours(process.stdout)));
    if (written.length) out(`\n报告（含整改测算）：${written.join('，')}`);
    if (planFile) out(`\n调整方案（可修改后用 balance-check scenario 测算）：${planFile}`);
    // The plan rests on the same reading as the check: its warnings are said as the check says them.
    dataIssues(report, null);
  }
  listNotes(report, options.notes);
  return EXIT.ok;
}

type ValidateOptions = {
  sheet?: string;
  json?: boolean;
  quiet?: boolean;
  profile?: string;
  strict?: boolean;
  maxInflate?: string;
  notes?: boolean;
};

async function runValidate(file: string, options: ValidateOptions): Promise<number> {
  const profile = await loadProfile(options.profile);
  const onProgress = progressReporter(options.quiet || options.json);
  // validate reports issues only: a batch's counties are kept as summaries.
  const report = await analyse(file, {
    profile,
    batchSummaries: true,
    ...inflateLimits(options.maxInflate),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  endProgress(options.quiet);
  // --strict: a file part of which was not read as written (ignored, ambiguous, contradicted) is refused too.
  const misread = options.strict ? report.issues.filter(isMisread) : [];
  const valid = !hasErrors(report.issues) && misread.length === 0;
  const annotated = githubOutput(
    {
      report,
      file,
      valid,
      json: options.json,
      kind: 'validate',
      strictFailures: misread.map((i) => ({ code: i.code, text: i.message })),
    },
    out,
    err,
  );
  if (options.json) {
    out(
      jsonSafe(
        JSON.stringify(
          { tool: report.tool, input: report.input, valid, issues: report.issues.map(issueJson) },
          null,
          2,
        ),
      ),
    );
  } else {
    listIssues(report, !options.quiet, annotated);
    listNotes(report, options.notes);
    const { error, warning, info } = report.issueCounts;
    const line = `${report.input.file}：学校 ${report.input.schoolRows} 所，错误 ${error} 个，警告 ${warning} 个，说明 ${info} 条`;
    if (valid) {
      if (!options.quiet) out(`数据检查通过。${line}`);
    } else
      err(
        `数据检查未通过。${line}${misread.length ? `（--strict：${misread.length} 个警告表明有数据未按所写读取或与自评不一致）` : ''}`,
      );
  }
  return valid ? EXIT.ok : EXIT.dataErrors;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new ChineseCommand('balance-check');
  const finish = (p: Promise<number>) => p.then(setExit);
  program
    .enablePositionalOptions()
    .description(
      '县域义务教育优质均衡 资源配置测算：校验学校数据，计算7项指标的学校达标情况与学生加权校际差异系数，生成 Excel / Word / Markdown / JSON 报告',
    )
    .version(VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .argument('[文件]', '学校数据文件（.xlsx 或 .csv，GBK/UTF-8 自动识别）')
    .option('-o, --out <目录>', '报告输出目录（默认：输入文件所在目录）')
    .addOption(new Option('-f, --format <格式>', '报告格式，逗号分隔：xlsx,md,json,docx（Word）').default('xlsx,md'))
    .option('--json', '在标准输出打印 JSON 报告（代替摘要）')
    .option('--sheet <表名>', '学校数据所在的工作表（默认：自动识别）')
    .option('-p, --profile <配置名|文件>', '评估配置：内置 youzhi-2017（默认）、jiben-2012，或 JSON 配置文件')
    .option('--county <区县>', '多县文件中只检查这个区县（生成该县的完整明细）')
    .option('--strict', '有任一项目未达标时以退出码 1 结束（未提供的县级项目不算未达标）')
    .option('--year <年度>', '数据年度，写在报告封面（默认：从表头标题或文件名读取，如“2024年”）')
    .option('-q, --quiet', '只输出错误')
    .option('--notes', '同时列出全部“说明”（读取说明：单位换算、未纳入计算的学校等），在警告之后')
    .option('--max-inflate <MB>', '.xlsx 解压后允许的最大总量（MB，默认 1024；防止压缩炸弹）')
    .showHelpAfterError('（运行 balance-check --help 查看用法）')
    .helpCommand('help [命令]', '显示某个命令的帮助，如 balance-check help plan')
    .addHelpText(
      'after',
      '\n退出码：0 数据有效（--strict 时且全部达标）；1 --strict 且有未达标；2 数据有错误（不生成报告）；3 文件无法读取或命令行有误\n' +
        '示例：\n  balance-check 学校数据.xlsx\n  balance-check 学校数据.xlsx -o 报告 --format xlsx,md,json\n  balance-check validate 学校数据.csv\n  balance-check template -o 模板.xlsx',
    )
    .action((file: string | undefined, options: CheckOptions, command: Command) =>
      finish(runCheck(file, options, command)),
    );
  program
    .command('validate')
    .description('只做数据检查（供 CI 使用）：有错误时退出码为 2')
    .helpOption('-h, --help', '显示帮助')
    .argument('<文件>', '学校数据文件（.xlsx 或 .csv）')
    .option('--sheet <表名>', '学校数据所在的工作表')
    .option('-p, --profile <配置名|文件>', '评估配置（内置名或 JSON 文件）')
    .option('--json', '以 JSON 输出问题列表')
    .option('--strict', '有未使用的行或列、无法确定的指标名称、自评与测算不一致等警告时也以退出码 2 结束')
    .option('-q, --quiet', '只输出错误')
    .option('--notes', '同时列出全部“说明”（读取说明：单位换算、未纳入计算的学校等），在警告之后')
    .option('--max-inflate <MB>', '.xlsx 解压后允许的最大总量（MB，默认 1024；防止压缩炸弹）')
    .action((file: string, options: ValidateOptions) => finish(runValidate(file, options)));
  program
    .command('compare')
    .description('比较不同年度的文件（同一县或同一批县）：差异系数、达标学校及其变化原因、新增和不再出现的学校')
    .helpOption('-h, --help', '显示帮助')
    .argument('<文件...>', '两个或更多不同年度的学校数据文件（按表头标题或文件名中的年度自动排序）')
    .option('-o, --out <目录>', '比较报告输出目录（默认：最早年度的文件所在目录）')
    .addOption(new Option('-f, --format <格式>', '报告格式：xlsx,md').default('xlsx,md'))
    .option('-p, --profile <配置名|文件>', '评估配置（内置名或 JSON 文件）')
    .option('--sheet <表名>', '学校数据所在的工作表')
    .option('-q, --quiet', '只输出错误')
    .option('--max-inflate <MB>', '.xlsx 解压后允许的最大总量（MB，默认 1024；防止压缩炸弹）')
    .action((files: string[], options: CompareOptions) => finish(runCompare(files, options)));
  program
    .command('plan')
    .description('整改测算：使各校达标、差异系数达到目标的最少新增量（注水法），教师交流轮岗调剂方案；可给预算与单价')
    .helpOption('-h, --help', '显示帮助')
    .argument('<文件>', '学校数据文件（.xlsx 或 .csv）')
    .option('--target <差异系数>', '目标差异系数（默认：配置的阈值，如小学0.50、初中0.45；可留余量，如 0.45）')
    .option(
      '--budget <指标=数量,…>',
      '各指标每个学段可投入的量（指标单位；小学、初中各按此数），如 sports_space=5000,多媒体教室=10：先补最低的学校',
    )
    .option(
      '--unit-cost <指标=单价,…>',
      '各指标的单价（元/㎡、元/间、元/人·年），如 sports_space=3000：本县自行假设，用于折合金额',
    )
    .option('-o, --out <目录>', '同时写出含整改测算的报告到此目录')
    .option('--as-scenario <文件>', '把最少新增方案写成调整方案文件（可修改后用 balance-check scenario 测算）')
    .addOption(new Option('-f, --format <格式>', '报告格式（与 -o 一起）：xlsx,md,json,docx').default('xlsx,md'))
    .option('--json', '在标准输出打印 JSON 报告（含整改测算）')
    .option('--sheet <表名>', '学校数据所在的工作表')
    .option('-p, --profile <配置名|文件>', '评估配置（内置名或 JSON 文件）')
    .option('--county <区县>', '多县文件中只测算这个区县')
    .option('-q, --quiet', '只输出错误')
    .option('--notes', '同时列出全部“说明”（读取说明：单位换算、未纳入计算的学校等），在警告之后')
    .option('--max-inflate <MB>', '.xlsx 解压后允许的最大总量（MB，默认 1024；防止压缩炸弹）')
    .action((file: string, options: PlanCliOptions) => finish(runPlan(file, options)));
  addScenarioCommand(program, {
    finish,
    loadProfile,
    inflateLimits,
    usageError: (m) => new UsageError(m),
    unitCosts: (profile, list) => perIndicator(profile, list, '--unit-cost'),
  });
  program
    .command('profiles')
    .description('列出内置评估配置')
    .helpOption('-h, --help', '显示帮助')
    .action(() => finish(Promise.resolve(runProfiles())));
  program
    .command('explain')
    .description('说明一项指标的定义、公式、标准和依据')
    .helpOption('-h, --help', '显示帮助')
    .argument('<指标>', '指标或县级项目：id、名称、编号或所读的数，如 sports_space、体育场馆、保障11、巩固率')
    .option('-p, --profile <配置名|文件>', '评估配置（内置名或 JSON 文件）')
    .action((indicator: string, options: { profile?: string }) => finish(runExplain(indicator, options)));
  program
    .command('template')
    .description('生成空白的学校数据模板（含“县级指标”表、下拉列表和填写说明）')
    .helpOption('-h, --help', '显示帮助')
    .option('-o, --out <文件>', '模板文件名（默认：学校数据模板.xlsx；--scenario 时为 调整方案模板.xlsx）')
    .option('--force', '文件已存在时覆盖')
    .option('--scenario', '改为生成空白的布局调整方案（供 balance-check scenario 使用）')
    .action((options: { out?: string; force?: boolean; scenario?: boolean }) => finish(runTemplate(options)));
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  // commander's errors, worded in Chinese by ChineseCommand, under the same prefix as ours: for every command.
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({ outputError: (s, write) => write(`命令行错误：${s}`) });
  }
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // The help shown as an error: `help` with no such command.
      if (e.code === 'commander.help') {
        if (e.exitCode === 0) return EXIT.ok;
        err(`命令行错误：${unknownHelpTopic(argv, program)}`);
        return EXIT.unusable;
      }
      githubFatal(null, e.message, out, err);
      return EXIT.unusable;
    }
    if (e instanceof UsageError) {
      err(`命令行错误：${e.message}`);
      githubFatal(null, e.message, out, err);
      return EXIT.unusable;
    }
    if (e instanceof FatalError) {
      err(`错误 [${e.code}]：${e.message}`);
      // With --json the annotation must not break stdout's one JSON document.
      githubFatal(e.code, e.message, argv.includes('--json') ? err : out, err);
      if (argv.includes('--json'))
        out(
          jsonSafe(
            JSON.stringify(
              {
                tool: { name: 'balance-check', version: VERSION },
                valid: false,
                fatal: { code: e.code, message: e.message },
              },
              null,
              2,
            ),
          ),
        );
      return EXIT.unusable;
    }
    err(
      `内部错误：${e instanceof Error ? e.message : String(e)}（这是 balance-check 的缺陷，请报告；设置 BALANCE_CHECK_DEBUG=1 可显示详情）`,
    );
    if (process.env.BALANCE_CHECK_DEBUG) err(e instanceof Error ? (e.stack ?? '') : '');
    return EXIT.unusable;
  }
}
