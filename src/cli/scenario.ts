/**
 * `balance-check scenario SCHOOLS PLAN`: the county's own adjustment plan (布局调整) applied to its
 * school records, each alternative run through the same engine as the check, compared with the input.
 * Wiring only: reading the plan and applying it are src/scenario/, the comparison src/report/scenario.ts.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { jsonSafe, terminalSafe, withoutControls } from '../common/controls';
import { issueJson } from '../render/json';
import { VERSION } from './version';
import { requiredResourceFields, type Profile } from '../engine/profile';
import { FatalError, hasErrors, type Issue } from '../issues/catalogue';
import { OoxmlFormatError, readSource } from '../read/index';
import type { InflateLimits } from '../read/unzip';
import { buildScenarioModel, type ScenarioModel } from '../report/scenario';
import { renderScenarioJson } from '../render/scenario-json';
import { renderScenarioMarkdown } from '../render/scenario-markdown';
import { renderScenarioXlsx } from '../render/scenario-xlsx';
import { renderScenarioDocx } from '../render/docx/index';
import { renderScenarioSummary } from '../render/scenario-terminal';
import { renderIssues, terminalColours } from '../render/terminal';
import { readPlan } from '../scenario/read-plan';
import { runScenario } from '../scenario/run';
import { readInput, reportFrom, type AnalyseOptions } from './pipeline';
import { checkOutputFolder, checkTargets, writeAtomically, writeSet } from './write-set';
import { leastCostRows } from '../scenario/from-plan';
import { renderScenarioTemplate } from '../template/scenario';
import { sectionCount, type Report } from '../report/model';

/** What the scenario command takes from main.ts: the profile loader, the option parsers and the exit path. */
export interface ScenarioWiring {
  finish: (p: Promise<number>) => Promise<void>;
  loadProfile: (spec: string | undefined) => Promise<Profile>;
  inflateLimits: (mb: string | undefined) => { limits?: InflateLimits };
  usageError: (message: string) => Error;
  /** `--unit-cost sports_space=3000,体育场馆=…` as `plan` reads it: indicator id → 元 per unit. */
  unitCosts: (profile: Profile, list: string | undefined) => Record<string, number> | undefined;
}

const SCENARIO_FORMATS = ['xlsx', 'md', 'json', 'docx'] as const;
type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];

interface ScenarioOptions {
  out?: string;
  format: string;
  json?: boolean;
  sheet?: string;
  profile?: string;
  quiet?: boolean;
  maxInflate?: string;
  contributions?: boolean;
  unitCost?: string;
}

const EXIT_OK = 0;
const EXIT_DATA = 2;

const out = (s: string) => process.stdout.write(terminalSafe(s.endsWith('\n') ? s : `${s}\n`));
const err = (s: string) => process.stderr.write(terminalSafe(s.endsWith('\n') ? s : `${s}\n`));

export function addScenarioCommand(program: Command, wiring: ScenarioWiring): void {
  program
    .command('scenario')
    .description(
      '布局调整测算：按本县的调整方案（撤并、合并、划转学生、调配、新增、新建学校、调整学区、调整类型）重新计算，与现状逐项比较',
    )
    .helpOption('-h, --help', '显示帮助')
    .argument('<学校数据>', '学校数据文件（.xlsx 或 .csv）')
    .argument('<调整方案>', '调整方案文件（含“调整方案”表；可用 balance-check template --scenario 生成空白方案）')
    .option('-o, --out <目录>', '报告输出目录（默认：学校数据文件所在目录）')
    .addOption(new Option('-f, --format <格式>', '报告格式，逗号分隔：xlsx,md,json,docx（Word）').default('xlsx,md'))
    .option('--json', '在标准输出打印 JSON（代替比较表）')
    .option('--sheet <表名>', '学校数据所在的工作表')
    .option('-p, --profile <配置名|文件>', '评估配置（内置名或 JSON 文件）')
    .option(
      '--unit-cost <指标=单价,…>',
      '各指标的单价（元/㎡、元/间、元/人），如 sports_space=3000：估算各方案新增和新建学校的投入',
    )
    .option('--no-contributions', '不逐行测算各项调整的作用（方案行数很多时更快）')
    .option('-q, --quiet', '只输出错误')
    .option('--max-inflate <MB>', '.xlsx 解压后允许的最大总量（MB，默认 1024；防止压缩炸弹）')
    .action((schools: string, plan: string, options: ScenarioOptions) =>
      wiring.finish(runScenarioCommand(schools, plan, options, wiring)),
    );
}

function formatsOf(list: string, wiring: ScenarioWiring): ScenarioFormat[] {
  const items = list
    .split(/[,，\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (s === 'excel' ? 'xlsx' : s === 'markdown' ? 'md' : s === 'word' ? 'docx' : s));
  const bad = items.filter((s) => !(SCENARIO_FORMATS as readonly string[]).includes(s));
  if (items.length === 0 || bad.length)
    throw wiring.usageError(
      `scenario 的 --format 只能是 ${SCENARIO_FORMATS.join('、')} 的组合（逗号分隔），收到“${list}”`,
    );
  return [...new Set(items as ScenarioFormat[])];
}

/** `<schools>.scenario.<format>`, beside the school file or in -o. */
export function scenarioPath(schools: string, outDir: string | undefined, format: ScenarioFormat): string {
  const stem = withoutControls(basename(schools, extname(schools)));
  return join(outDir ?? dirname(schools), `${stem}.scenario.${format}`);
}

function listErrors(issues: readonly Issue[], what: string) {
  const shown = issues.filter((i) => i.severity === 'error');
  err(renderIssues(shown.slice(0, 30), terminalColours(process.stderr)));
  if (shown.length > 30) err(`……另有 ${shown.length - 30} 个错误未列出`);
  err(`${what}有 ${shown.length} 个错误，未生成报告。请修正后重试。`);
}

async function runScenarioCommand(
  schools: string,
  planFile: string,
  options: ScenarioOptions,
  wiring: ScenarioWiring,
): Promise<number> {
  const formats = formatsOf(options.format, wiring);
  const profile = await wiring.loadProfile(options.profile);
  if (options.out !== undefined) checkOutputFolder(options.out);
  const paths = formats.map((f) => scenarioPath(schools, options.out, f));
  for (const p of paths)
    if (resolve(p) === resolve(schools) || resolve(p) === resolve(planFile))
      throw new FatalError('OUTPUT_SAME_AS_INPUT', { path: p });
  checkTargets(paths);

  const computed = await computeScenario(schools, planFile, {
    profile,
    // Every alternative is a whole check held in the model: with one alternative, this many sections at most.
    detailLimit: MAX_SCENARIO_WORK / 2,
    ...wiring.inflateLimits(options.maxInflate),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    contributions: options.contributions !== false,
    unitCosts: { ...profile.unitCosts, ...wiring.unitCosts(profile, options.unitCost) },
  });
  if ('errors' in computed) {
    if (options.json)
      out(
        jsonSafe(
          JSON.stringify(
            { tool: { name: 'balance-check', version: VERSION }, valid: false, issues: computed.errors.map(issueJson) },
            null,
            2,
          ),
        ),
      );
    listErrors(computed.errors, computed.whose);
    return EXIT_DATA;
  }
  const { model } = computed;
  const files = await Promise.all(
    formats.map(async (f, k) => ({ path: paths[k]!, content: await renderAs(model, f) })),
  );
  await writeSet(files, options.out);
  if (options.json) out(renderScenarioJson(model));
  else if (!options.quiet) {
    out(renderScenarioSummary(model, terminalColours(process.stdout)));
    out(`\n报告：${paths.join('，')}`);
  }
  return EXIT_OK;
}

/**
 * How much a scenario may compute: school sections × (alternatives + 1). Each alternative is a whole check
 * of the county held in the model (one county of 5 000 sections: 2 alternatives 0.66 GB, 6 alternatives
 * 1.32 GB; issue 27 asks ≤ 1 GB on any input). Real counties have at most about a thousand schools.
 */
export const MAX_SCENARIO_WORK = 20_000;

/** The scenario computed, or the errors that stop it (the school table's, or the plan's), with whose they are. */
export async function computeScenario(
  schools: string,
  planFile: string,
  options: AnalyseOptions & { contributions?: boolean; unitCosts?: Readonly<Record<string, number>> },
): Promise<{ model: ScenarioModel } | { errors: Issue[]; whose: string }> {
  const input = await readInput(schools, options);
  const evaluate = (records: Parameters<typeof reportFrom>[1]) => reportFrom(input, records, options);
  const baseline = evaluate(input.records);
  if (hasErrors(baseline.issues)) return { errors: baseline.issues, whose: `学校数据 ${basename(schools)} ` };
  const planRead = await readPlanFile(planFile, input.profile, options.limits);
  const whose = `调整方案 ${basename(planFile)} `;
  if (!planRead.plan || hasErrors(planRead.issues)) return { errors: planRead.issues, whose };
  const runs = planRead.plan.alternatives.length + 1;
  const sections = baseline.counties.reduce((n, c) => n + sectionCount(c), 0);
  if (sections * runs > MAX_SCENARIO_WORK)
    throw new FatalError('FILE_TOO_LARGE', {
      reason: `调整方案有 ${runs - 1} 个方案，学校数据有 ${sections.toLocaleString('en-US')} 个学段：每个方案都是一次完整的测算，学段数 ×（方案数 + 1）超过上限 ${MAX_SCENARIO_WORK.toLocaleString('en-US')}。请分几次测算，每次少放几个方案`,
    });
  const run = runScenario(input.records, planRead.plan, input.profile, evaluate, {
    contributions: options.contributions !== false,
    ...(options.unitCosts ? { unitCosts: options.unitCosts } : {}),
  });
  if (hasErrors(run.issues)) return { errors: run.issues, whose };
  return {
    model: buildScenarioModel({
      baseline: run.baseline,
      alternatives: run.alternatives,
      plan: { file: withoutControls(basename(planFile)), sheet: planRead.plan.sheet },
    }),
  };
}

async function renderAs(model: ScenarioModel, format: ScenarioFormat): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(renderScenarioJson(model), 'utf8');
    case 'md':
      return Buffer.from(renderScenarioMarkdown(model), 'utf8');
    case 'xlsx':
      return renderScenarioXlsx(model);
    case 'docx':
      // The docx package is loaded only now (renderScenarioDocx requires it when called).
      return renderScenarioDocx(model);
  }
}

async function readPlanFile(path: string, profile: Profile, limits: InflateLimits | undefined) {
  const source = await readSource(path, limits);
  const read = (s: typeof source) => readPlan(s, profile.wording, requiredResourceFields(profile));
  try {
    return read(source);
  } catch (e) {
    if (e instanceof OoxmlFormatError && source.fallback) return read(await source.fallback());
    throw e;
  }
}

/** `plan --as-scenario FILE`: the least-cost plan as a 调整方案 workbook; returns the path written. */
export async function writeLeastCostPlan(report: Report, file: string): Promise<string> {
  await writeAtomically(file, await renderScenarioTemplate(leastCostRows(report)));
  return file;
}
