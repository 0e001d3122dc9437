/**
 * For GitHub Actions: errors and warnings as workflow annotations, and a short Markdown step
 * summary (verdict, CVs, issue counts). Pure text; the CLI decides where it goes.
 */
import { LEVEL_NAMES } from '../engine/types';
import type { Issue } from '../issues/catalogue';
import type { CountyReport, Report } from '../report/model';
import { fmtCv } from './format';
import { escapeMarkdown } from './markdown-escape';
import { VERDICT_LABEL } from './prose';
import { append } from '../common/lookup';

/** Workflow-command escaping: the message, and (more strictly) property values. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=学校数据.xlsx,title=[CODE]::学校数据!F12［…］：…`: one line per error and warning (info left out). */
/** How many issues become annotations (GitHub shows 10 of a kind per step anyway); the rest are counted. */
export const ANNOTATION_LIMIT = 50;

export function renderAnnotations(
  issues: readonly Issue[],
  file: string,
  csv: boolean,
  limit = ANNOTATION_LIMIT,
): string[] {
  const shown = issues.filter((i) => i.severity !== 'info');
  const lines = shown.slice(0, limit).map((i) => {
    // A CSV row is a line of the file (as long as no field holds a line break): GitHub can point at it.
    const row = i.cell ? Number(/\d+$/.exec(i.cell)?.[0]) : i.row;
    const props = [
      `file=${property(file)}`,
      ...(csv && row ? [`line=${row}`] : []),
      // The place is in the message (the log line shows the message alone); the title is the code.
      `title=${property(`[${i.code}]`)}`,
    ];
    return `::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${data(i.message)}`;
  });
  if (shown.length > limit)
    lines.push(
      `::warning file=${property(file)},title=balance-check::${data(`另有 ${shown.length - limit} 个问题未作为注释列出，见报告或 --json`)}`,
    );
  return lines;
}

/** What made `--strict` fail: a misread warning (its code) or a county not met. */
export interface StrictFailure {
  code?: string;
  text: string;
}

const mark = (pass: boolean, cv: number | null) => (pass ? `${fmtCv(cv)} ✓` : `**${fmtCv(cv)}** ✗`);

/**
 * The CV table: each level with its limit, each CV with ✓ or ✗. Under the 2012 method (rule 'mean') the
 * limit holds the 综合差异系数 (the mean of the CVs), which gets its own column and the mark.
 */
function cvTable(report: Report, levels: CountyReport['levels']): string[] {
  const inds = report.profile.indicators;
  const mean = report.profile.cv.rule === 'mean';
  const limit = mean ? '综合差异系数上限' : '差异系数上限';
  return [
    `校际差异系数（${mean ? '综合差异系数 = 各项的平均；' : ''}✓ 不高于上限，✗ 高于上限）：`,
    '',
    `| 学段（${limit}） | ${inds.map((i) => i.short).join(' | ')}${mean ? ' | 综合差异系数' : ''} | 达标学校 |`,
    `| --- | ${inds.map(() => '---:').join(' | ')}${mean ? ' | ---:' : ''} | ---: |`,
    ...levels.map((l) => {
      const cvs = inds.map((i) => {
        const s = l.result.indicators[i.id]!;
        return mean ? fmtCv(s.cv) : mark(s.cvPass, s.cv);
      });
      if (mean) cvs.push(mark(l.result.cvRulePass, l.result.compositeCv));
      const threshold = report.profile.cv.threshold[l.level].toFixed(2);
      return `| ${LEVEL_NAMES[l.level]}（≤ ${threshold}） | ${cvs.join(' | ')} | ${l.result.compliantSchools}/${l.result.schoolCount} |`;
    }),
    '',
  ];
}

/** Which run the summary is of: its section title says it (a workflow often runs both). */
export type SummaryKind = 'validate' | 'check';

const SECTION_TITLE: Record<SummaryKind, string> = {
  validate: 'balance-check validate（数据检查）',
  check: 'balance-check 检查报告（达标与差异系数）',
};

/**
 * The step summary: what a reviewer reads on the run page: validate's, the data check; the check's,
 * with each county's verdict and CV table. `strictFailures`: what made `--strict` fail (validate: the
 * misread warnings; the check: a sentence for each county not met).
 */
export function renderStepSummary(
  report: Report,
  valid: boolean,
  kind: SummaryKind = 'check',
  strictFailures: readonly StrictFailure[] = [],
): string {
  const { error, warning, info } = report.issueCounts;
  const out = [`### ${SECTION_TITLE[kind]}：${escapeMarkdown(report.input.file)}`, ''];
  out.push(
    `数据检查：${valid ? '通过' : '**未通过**'} · 学校 ${report.input.schoolRows} 所 · 错误 ${error} 个 · 警告 ${warning} 个 · 说明 ${info} 条`,
    '',
  );
  if (strictFailures.length)
    append(out, [
      `**--strict 未通过**（${strictFailures.length} 项）：`,
      '',
      ...strictFailures.slice(0, 20).map((f) => `- ${f.code ? `\`${f.code}\` ` : ''}${escapeMarkdown(f.text)}`),
      ...(strictFailures.length > 20 ? [`- ……另有 ${strictFailures.length - 20} 项，见 --json`] : []),
      '',
    ]);
  // validate checks the data only: the verdict and the CVs are the check's.
  const counties = kind === 'validate' ? [] : report.counties;
  for (const county of counties.slice(0, 20)) {
    out.push(
      `**${escapeMarkdown(county.label)}**：${report.profile.verdictName}${VERDICT_LABEL[county.verdict.status]}`,
      '',
    );
    append(out, cvTable(report, county.levels));
  }
  if (counties.length > 20) out.push(`（另有 ${counties.length - 20} 个县，见报告）`, '');
  const errors = report.issues.filter((i) => i.severity === 'error').slice(0, 10);
  if (errors.length)
    append(out, ['错误（前 10 个）：', '', ...errors.map((i) => `- \`${i.code}\` ${escapeMarkdown(i.message)}`), '']);
  return `${out.join('\n')}\n`;
}

/** A run that stopped before it could check (exit 3): one annotation, titled with its code (null: the command line). */
export function renderFatalAnnotation(code: string | null, message: string): string {
  return `::error title=${property(code ? `balance-check [${code}]` : 'balance-check 命令行错误')}::${data(message)}`;
}

/** …and its section of the step summary. */
export function renderFatalSummary(code: string | null, message: string): string {
  const what = code ? `**无法检查** \`${code}\`` : '**命令行错误**';
  return `### balance-check：无法完成检查\n\n${what}：${escapeMarkdown(message)}\n\n`;
}
