/** `balance-check scenario`: the comparison as a Markdown report. */
import { sourceLabel } from '../report/model';
import type { ScenarioModel } from '../report/scenario';
import { escapeMarkdown } from './markdown-escape';
import { fmtCv } from './format';
import {
  betterText,
  cellText,
  changeCellText,
  contributionText,
  costText,
  SCENARIO_TITLE,
  thresholdText,
} from './scenario-text';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

export function renderScenarioMarkdown(model: ScenarioModel): string {
  const e = escapeMarkdown;
  const out: string[] = [
    `# ${SCENARIO_TITLE}`,
    `学校数据：${e(sourceLabel(model.input))}；调整方案：${e(model.plan.file)} › ${e(model.plan.sheet)}；评估口径：${e(model.profile.name)}。`,
    '每个方案都从现状出发，按表中顺序逐行调整后，用与 balance-check 检查相同的方法重新计算；各方案互不影响。',
    '## 各项调整的含义',
    model.meanings.map((m) => `- ${e(m)}`).join('\n'),
  ];
  const alts = model.columns.slice(1);
  for (const county of model.counties) {
    out.push(`## ${model.counties.length > 1 ? `${e(county.label)}：` : ''}现状与各方案`);
    out.push(
      '“✗”为未达到差异系数标准；“变化”为方案减现状，括号内标明较现状改善或变差（差异系数越小越好，达标学校越多越好）。',
    );
    let part = '';
    let table: string[] = [];
    const flush = () => {
      if (table.length) out.push(table.join('\n'));
      table = [];
    };
    for (const m of county.metrics) {
      if (m.part !== part) {
        flush();
        part = m.part;
        out.push(`### ${e(part)}`);
        const header = ['项目', '标准', ...model.columns.map(e), ...alts.map((a) => `变化（${e(a)}）`)];
        table.push(row(header), row(header.map((_, k) => (k < 2 ? '---' : '---:'))));
      }
      table.push(
        row([
          e(m.label),
          thresholdText(m) || betterText(m),
          ...model.columns.map((_, k) => cellText(m, k)),
          ...alts.map((_, k) => changeCellText(m, k + 1) || '—'),
        ]),
      );
    }
    flush();
  }
  for (const a of model.alternatives) {
    out.push(`## ${e(a.name)}：调整明细及各行的作用`);
    out.push('“作用”是本方案的差异系数减去去掉该行后（其余各行照做）的差异系数：负数表示该行使差异系数变小（改善）。');
    const priced = a.cost !== null;
    const header = ['行', '调整', '说明', ...(priced ? ['投入'] : []), '作用'];
    out.push(
      [
        row(header),
        row(['---:', '---', '---', ...(priced ? ['---:'] : []), '---']),
        ...a.changes.map((r) =>
          row([
            String(r.change.row),
            e(r.text),
            e(r.change.note) || '—',
            ...(priced ? [r.cost === null ? '—' : costText(r.cost)] : []),
            r.contributions ? contributionText(r.contributions) : e(r.reason ?? '—'),
          ]),
        ),
      ].join('\n'),
    );
    if (a.cost !== null)
      out.push(`估算投入合计 ${costText(a.cost)}（按 --unit-cost 给出的单价，只计新增和新建学校）。`);
    const county = a.report.counties[0];
    if (county) {
      const cvs = county.levels.flatMap((l) =>
        model.profile.indicators.map(
          (i) => `${l.level === 'primary' ? '小学' : '初中'}${i.short} ${fmtCv(l.result.indicators[i.id]?.cv ?? null)}`,
        ),
      );
      out.push(`调整后：达标学校 ${county.compliantSchools}/${county.schoolCount} 所；差异系数 ${cvs.join('，')}。`);
    }
  }
  return `${out.join('\n\n')}\n`;
}
