/** `balance-check scenario`: the comparison as a Markdown report. */
import { sourceLabel } from '../report/model';
import type { ScenarioModel } from '../report/scenario';
import { escapeMarkdown } from './markdown-escape';
import {
  afterSentence,
  changesTable,
  comparisonTables,
  COMPARISON_NOTE,
  CONTRIBUTION_NOTE,
  costSentence,
  SCENARIO_INTRO,
  SCENARIO_TITLE,
} from './scenario-text';
import { cellText, type WrittenTable } from './written';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

export function renderScenarioMarkdown(model: ScenarioModel): string {
  const e = escapeMarkdown;
  const out: string[] = [
    `# ${SCENARIO_TITLE}`,
    `学校数据：${e(sourceLabel(model.input))}；调整方案：${e(model.plan.file)} › ${e(model.plan.sheet)}；评估口径：${e(model.profile.name)}。`,
    SCENARIO_INTRO,
    '## 各项调整的含义',
    model.meanings.map((m) => `- ${e(m)}`).join('\n'),
  ];
  const rule = (align: WrittenTable['align']) => (align ?? []).map((a) => (a === 'r' ? '---:' : '---'));
  const tableText = (t: WrittenTable, escapeFrom: number) =>
    [
      row(t.header.map(e)),
      row(rule(t.align)),
      ...t.rows.map((r) => row(r.map((c, k) => (k < escapeFrom ? e(cellText(c)) : cellText(c))))),
    ].join('\n');
  for (const county of model.counties) {
    out.push(`## ${model.counties.length > 1 ? `${e(county.label)}：` : ''}现状与各方案`);
    out.push(COMPARISON_NOTE);
    for (const { part, table } of comparisonTables(model, county)) out.push(`### ${e(part)}`, tableText(table, 1));
  }
  for (const a of model.alternatives) {
    out.push(`## ${e(a.name)}：调整明细及各行的作用`);
    out.push(CONTRIBUTION_NOTE);
    out.push(tableText(changesTable(a), Infinity));
    const cost = costSentence(a);
    if (cost) out.push(cost);
    const after = afterSentence(model, a);
    if (after) out.push(after);
  }
  return `${out.join('\n\n')}\n`;
}
