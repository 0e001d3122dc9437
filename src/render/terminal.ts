/** The terminal summary: short, coloured when the stream is a TTY and NO_COLOR is unset. */
import { Chalk, type ChalkInstance } from 'chalk';
import { LEVEL_NAMES } from '../engine/types';
import type { Issue } from '../issues/catalogue';
import { sourceLabel, type Report } from '../report/model';
import { fmt, fmtCv, fmtInt, fmtValue, labelWithUnit, padEnd, padStart } from './format';
import type { Status } from '../engine/school-items';
import { budgetSentence, compositeSentence, planRows, planSentence, transferSentence } from './plan-prose';
import { planCostNote, planCostTotal, planLevels, PLAN_METHOD_TITLE } from './written';
import {
  claimSentence,
  countyReasons,
  countySheetMissing,
  partialNote,
  provinceCountSentence,
  notProvidedItems,
  DIMENSION_LABEL,
  dimensionStatus,
  gapSentence,
  itemFailText,
  itemNumber,
  judgedDimensions,
  schoolItemText,
  schoolsSentence,
  VERDICT_LABEL,
} from './prose';

export function terminalColours(stream: NodeJS.WriteStream): ChalkInstance {
  // NO_COLOR and FORCE_COLOR=0 turn colour off; FORCE_COLOR=1…3 turns it on, even when piped (as chalk's users expect).
  const force = process.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return new Chalk({ level: 0 });
  if (force !== undefined && force !== '') return new Chalk({ level: 1 });
  const enabled = stream.isTTY && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? 1 : 0 });
}

/** `notesListed`: the 说明 are listed after the summary (--notes); else the count line says how to list them. */
export function renderSummary(report: Report, c: ChalkInstance, notesListed = false): string {
  const lines: string[] = [];
  const { input, issueCounts } = report;
  lines.push(c.bold(`balance-check ${report.tool.version}`) + c.dim(` · ${report.profile.name}`));
  const where = sourceLabel(input);
  lines.push(
    `读取 ${where}：学校 ${input.schoolRows} 所` + (input.headerRow ? `，表头在第 ${input.headerRow} 行` : ''),
  );
  lines.push(
    issueCountLine(issueCounts, c) + (issueCounts.info > 0 && !notesListed ? c.dim('（加 --notes 列出）') : ''),
  );
  if (report.province) {
    lines.push('', c.bold(`${provinceCountSentence(report, report.province)}未达标的在前：`));
    for (const county of report.province) {
      const levels = county.levels
        .map((l) => `${LEVEL_NAMES[l.level]}${l.result.pass ? c.green('达标') : c.red('未达标')}`)
        .join(' · ');
      lines.push(
        `  ${padEnd(county.label, 14)} ${levels}${county.pass ? '' : c.dim(`  ${countyReasons(report, county)}`)}`,
      );
    }
  }
  if (!report.detail) {
    lines.push('', c.dim('县数较多，各县明细见报告；也可用 --county 县名 单独生成'));
    return lines.join('\n');
  }
  for (const county of report.counties) {
    if (county.county) lines.push('', c.bold.underline(county.county));
    for (const l of county.levels) {
      const r = l.result;
      lines.push('');
      const verdict = r.pass ? c.green('资源配置达标') : c.red('资源配置未达标');
      lines.push(`${c.bold(LEVEL_NAMES[l.level])}  ${r.schoolCount} 所 · 在校生 ${fmtInt(r.students)} 人 · ${verdict}`);
      for (const ind of report.profile.indicators) {
        const s = r.indicators[ind.id]!;
        const cv = fmtCv(s.cv);
        const cvText = s.cvPass ? c.green(`${cv} ✓`) : c.red(`${cv} ✗`);
        lines.push(
          `  ${padEnd(labelWithUnit(ind), 18)}${padStart(fmtValue(ind, s.mean), 8)}  差异系数 ${cvText}${c.dim(` ≤${s.cvThreshold.toFixed(2)}`)}` +
            `${s.borderline ? c.yellow(' 临界') : ''}${s.standard === null ? '' : `  达标校 ${s.schoolsMeeting}/${r.schoolCount}`}`,
        );
      }
      if (report.profile.cv.rule === 'mean') {
        const cv = fmtCv(r.compositeCv);
        lines.push(
          `  ${padEnd('综合差异系数', 18)}${padStart('', 8)}  差异系数 ${r.cvRulePass ? c.green(`${cv} ✓`) : c.red(`${cv} ✗`)}${c.dim(` ≤${report.profile.cv.threshold[l.level].toFixed(2)}`)}`,
        );
      }
      const compliant = `${r.compliantSchools}/${r.schoolCount}`;
      if (report.profile.compliance)
        lines.push(`  学校达标：${r.compliantSchools === r.schoolCount ? c.green(compliant) : c.red(compliant)}`);
    }
    if (report.profile.compliance) lines.push('', `按学校计：${schoolsSentence(county)}`);
    const v = county.verdict;
    const colour = (s: Status) => (s === 'met' ? c.green : s === 'not_met' ? c.red : c.yellow);
    lines.push(
      '',
      `${partialNote(report) ? c.yellow(partialNote(report)) + '\n' : ''}${c.bold(report.profile.verdictName)}：${colour(v.status)(VERDICT_LABEL[v.status])} · ` +
        judgedDimensions(v)
          .map(({ dimension, status }) => `${DIMENSION_LABEL[dimension]} ${colour(status)(dimensionStatus(status))}`)
          .join(' · '),
    );
    for (const item of county.checklist.filter((x) => x.status === 'not_met'))
      lines.push(
        `  ${c.red('✗')} ${itemNumber(item)} ${item.item.name.slice(0, 24)}…：${item.schools ? schoolItemText(item, 8) : itemFailText(item)}`,
      );
    if (countySheetMissing(report, county))
      lines.push(c.dim('  未提供“县级指标”工作表：县级项目无法判定（balance-check template 可生成模板）'));
    else if (county.checklist.some((x) => x.status === 'not_provided'))
      lines.push(`  ${c.yellow('?')} 未提供（无法判定）：${notProvidedItems(county)}`);
    if (county.claimDisagreements.length) {
      lines.push('', c.bold(`自评结论与测算不一致（${county.claimDisagreements.length} 项）`));
      for (const item of county.claimDisagreements) lines.push(`  ${c.yellow('!')} ${claimSentence(item)}`);
    }
    if (county.urbanRural.length || county.groups.length) lines.push('');
    for (const ur of county.urbanRural) {
      // Without 城区 or 乡村 schools there is no ratio to show: say which areas there are instead of a row of dashes.
      const absent = (['城区', '乡村'] as const).filter((a) => !ur.areas[a]);
      lines.push(
        absent.length
          ? `城乡（${LEVEL_NAMES[ur.level]}）：${(['城区', '镇区', '乡村'] as const).flatMap((a) => (ur.areas[a] ? [`${a} ${ur.areas[a].schoolCount} 所`] : [])).join('、')}；无${absent.join('、')}学校，不计算乡村 ÷ 城区`
          : `城乡（${LEVEL_NAMES[ur.level]}）乡村 ÷ 城区：` +
              report.profile.indicators
                .map((i) => `${i.short} ${ur.ruralToUrban[i.id] === null ? '—' : fmt(ur.ruralToUrban[i.id]!, 2)}`)
                .join('、'),
      );
    }
    if (county.groups.length)
      lines.push(`学区（集团）${new Set(county.groups.map((g) => g.group)).size} 个：学区内差异系数见报告“学区与城乡”`);
    if (county.gaps.length > 0) {
      lines.push('', c.bold('最大缺口'));
      for (const g of county.gaps.slice(0, 3)) lines.push(`  · ${gapSentence(g)}`);
    }
    const needed = county.levels.filter((l) => l.actions?.plan.indicators.some((p) => p.total > 0));
    if (needed.length) {
      lines.push('', c.bold('整改测算（最少投入，使各校达标、差异系数达到阈值）'));
      for (const l of needed) lines.push(`  · ${planSentence(l.actions!)}`);
      lines.push(c.dim('  明细、教师调配方案、预算与单价：报告“影响分析与整改测算”，或 balance-check plan'));
    }
    if (county.excluded.length > 0)
      lines.push('', c.dim(`未纳入计算：${county.excluded.map((e) => e.school.name).join('、')}`));
  }
  return lines.join('\n');
}

const colourCount = (c: ChalkInstance, n: number, label: string, colour: ChalkInstance) =>
  n > 0 ? colour(`${label} ${n} 个`) : c.dim(`${label} 0 个`);

/** “数据问题：错误 0 个，警告 2 个，说明 5 条”: the check's line, also printed by plan and compare. */
export const issueCountLine = (counts: Report['issueCounts'], c: ChalkInstance) =>
  `数据问题：${colourCount(c, counts.error, '错误', c.red)}，${colourCount(c, counts.warning, '警告', c.yellow)}，说明 ${counts.info} 条`;

/** Issues as lines for stderr: errors and warnings always, info only when asked. */
export function renderIssues(issues: readonly Issue[], c: ChalkInstance, withInfo = false): string {
  const label = { error: c.red.bold('错误'), warning: c.yellow('警告'), info: c.dim('说明') };
  return issues
    .filter((i) => withInfo || i.severity !== 'info')
    .map((i) => `${label[i.severity]} ${c.dim(`[${i.code}]`)} ${i.message}`)
    .join('\n');
}

/** The plan's method is in the reports' appendix: one line says where. */
const PLAN_METHOD_LINE = `测算方法（“注水”法及取整规则）见报告正文末“${PLAN_METHOD_TITLE}”（加 -o 目录 写出报告）。`;

/** `balance-check plan`: per county and level, the least-cost plan and the transfer alternative. */
export function renderPlan(report: Report, c: ChalkInstance): string {
  const lines: string[] = [c.bold(`整改测算 · ${report.profile.name}`)];
  for (const county of report.counties) {
    if (report.counties.length > 1) lines.push('', c.bold(county.label));
    const { levels, costs } = planLevels(county);
    const budget = budgetSentence(levels.map((l) => l.actions!));
    if (budget) lines.push('', c.yellow(budget));
    for (const l of county.levels) {
      if (!l.actions) continue;
      lines.push('', c.bold(`${LEVEL_NAMES[l.level]}：${planSentence(l.actions)}`));
      for (const r of planRows(l.actions))
        lines.push(
          `  ${padEnd(labelWithUnit(r.indicator), 18)} 差异系数 ${r.cvBefore} → ${r.cvAfter}（目标 ${r.target}）  新增 ${padStart(r.total, 12)}${r.cost ? `  约 ${r.cost} 元` : ''}  ${c.dim(r.note)}`,
        );
      for (const t of l.actions.transfers) lines.push(`  ${c.cyan('调配')} ${transferSentence(t)}`);
      if (l.actions.composite) lines.push(`  ${c.cyan('综合')} ${compositeSentence(l.actions.composite)}`);
    }
    if (costs) lines.push('', c.bold(planCostTotal(levels)), c.dim(planCostNote(report, levels)));
  }
  lines.push('', c.dim(PLAN_METHOD_LINE));
  return lines.join('\n');
}
