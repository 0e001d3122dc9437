/** `balance-check scenario` on the terminal: the comparison table, then each alternative's rows and what each did. */
import type { ChalkInstance } from 'chalk';
import { sourceLabel } from '../report/model';
import type { ScenarioModel } from '../report/scenario';
import { maxOf } from '../common/lookup';
import { displayWidth, padEnd, padStart } from './format';
import { cellText, contributionText, costText, SCENARIO_TITLE, shownImproved, thresholdText } from './scenario-text';

export function renderScenarioSummary(model: ScenarioModel, c: ChalkInstance): string {
  const lines: string[] = [
    c.bold(`${SCENARIO_TITLE} · ${model.profile.name}`),
    `学校数据：${sourceLabel(model.input)}；调整方案：${model.plan.file} › ${model.plan.sheet}`,
  ];
  const width = maxOf(
    model.counties.flatMap((x) => x.metrics.map((m) => displayWidth(m.short) + 1)),
    16,
  );
  const col = maxOf(
    model.columns.map((n) => displayWidth(n) + 2),
    12,
  );
  for (const county of model.counties) {
    if (model.counties.length > 1) lines.push('', c.bold(county.label));
    let part = '';
    for (const m of county.metrics) {
      if (m.part !== part) {
        part = m.part;
        lines.push(
          '',
          padEnd(c.bold(part), width + 10 + (c.bold(part).length - part.length)) +
            model.columns.map((n) => padStart(n, col)).join(''),
        );
      }
      const cells = model.columns.map((_, k) => {
        const text = padStart(cellText(m, k), col);
        const improved = k > 0 ? shownImproved(m, k) : null;
        return improved === true ? c.green(text) : improved === false ? c.red(text) : text;
      });
      lines.push(`  ${padEnd(m.short, width)}${padEnd(thresholdText(m), 8)}${cells.join('')}`);
    }
  }
  for (const a of model.alternatives) {
    lines.push(
      '',
      c.bold(`${a.name}：${a.changes.length} 项调整${a.cost !== null ? `，估算投入 ${costText(a.cost)}` : ''}`),
    );
    for (const row of a.changes) {
      const effect = row.contributions ? contributionText(row.contributions) : (row.reason ?? '');
      lines.push(
        `  第 ${row.change.row} 行  ${row.text}${row.cost !== null ? `  约 ${costText(row.cost)}` : ''}${row.change.note ? c.dim(`（${row.change.note}）`) : ''}`,
      );
      if (effect) lines.push(c.dim(`      作用：${effect}`));
    }
  }
  lines.push(
    '',
    c.dim(
      `✗ 未达到差异系数标准；绿色为较现状改善，红色为变差${model.alternatives.some((a) => a.changes.some((r) => r.contributions)) ? '；“作用”为本方案的差异系数减去去掉该行后的差异系数（负数表示该行使差异系数变小，即改善）' : ''}。`,
    ),
  );
  return lines.join('\n');
}
