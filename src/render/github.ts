/**
 * For GitHub Actions: errors and warnings as workflow annotations, and a short Markdown step
 * summary (verdict, CVs, issue counts). Pure text; the CLI decides where it goes.
 */
import { LEVEL_NAMES } from '../engine/types';
import { describePosition, type Issue } from '../issues/catalogue';
import type { Report } from '../report/model';
import { fmtCv } from './format';
import { escapeMarkdown } from './markdown-escape';
import { VERDICT_LABEL } from './prose';
import { append } from '../common/lookup';

/** Workflow-command escaping: the message, and (more strictly) property values. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=学校数据.xlsx,title=学校数据!F12［…］::…`: one line per error and warning (info left out). */
export function renderAnnotations(issues: readonly Issue[], file: string, csv: boolean, limit = 50): string[] {
  const shown = issues.filter((i) => i.severity !== 'info');
  const lines = shown.slice(0, limit).map((i) => {
    const where = describePosition(i);
    // A CSV row is a line of the file (as long as no field holds a line break): GitHub can point at it.
    const row = i.cell ? Number(/\d+$/.exec(i.cell)?.[0]) : i.row;
    const props = [
      `file=${property(file)}`,
      ...(csv && row ? [`line=${row}`] : []),
      `title=${property(`[${i.code}] ${where || file}`)}`,
    ];
    return `::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${data(i.text)}`;
  });
  if (shown.length > limit)
    lines.push(
      `::warning file=${property(file)},title=balance-check::${data(`另有 ${shown.length - limit} 个问题未作为注释列出，见报告或 --json`)}`,
    );
  return lines;
}

/** The step summary: what a reviewer reads on the run page. */
export function renderStepSummary(report: Report, valid: boolean): string {
  const { error, warning, info } = report.issueCounts;
  const out = [`### balance-check：${escapeMarkdown(report.input.file)}`, ''];
  out.push(
    `数据检查：${valid ? '通过' : '**未通过**'} · 学校 ${report.input.schoolRows} 所 · 错误 ${error} 个 · 警告 ${warning} 个 · 说明 ${info} 条`,
    '',
  );
  for (const county of report.counties.slice(0, 20)) {
    out.push(
      `**${escapeMarkdown(county.label)}**：${report.profile.verdictName}${VERDICT_LABEL[county.verdict.status]}`,
      '',
    );
    const inds = report.profile.indicators;
    out.push(
      `| 学段 | ${inds.map((i) => i.short).join(' | ')} | 达标学校 |`,
      `| --- | ${inds.map(() => '---:').join(' | ')} | ---: |`,
    );
    for (const l of county.levels)
      out.push(
        `| ${LEVEL_NAMES[l.level]} | ${inds
          .map((i) => {
            const s = l.result.indicators[i.id]!;
            return s.cvPass ? fmtCv(s.cv) : `**${fmtCv(s.cv)}** ✗`;
          })
          .join(' | ')} | ${l.result.compliantSchools}/${l.result.schoolCount} |`,
      );
    out.push('');
  }
  if (report.counties.length > 20) out.push(`（另有 ${report.counties.length - 20} 个县，见报告）`, '');
  const errors = report.issues.filter((i) => i.severity === 'error').slice(0, 10);
  if (errors.length)
    append(out, ['错误（前 10 个）：', '', ...errors.map((i) => `- \`${i.code}\` ${escapeMarkdown(i.message)}`), '']);
  return `${out.join('\n')}\n`;
}
