/**
 * `scenario -f docx`: the comparison of a county's own 布局调整 alternatives as a Word document, laid
 * out as the check's (build.ts): landscape pages (a column for 现状 and for each alternative), the
 * tables in the text under their headings, the same words and tables as the Markdown report.
 */
import { sourceLabel } from '../../report/model';
import type { ScenarioModel } from '../../report/scenario';
import {
  afterSentence,
  changesTable,
  comparisonTables,
  COMPARISON_NOTE,
  CONTRIBUTION_NOTE,
  costSentence,
  SCENARIO_INTRO,
  SCENARIO_TITLE,
} from '../scenario-text';
import { generatedBy } from '../written';
import { heading, numbered, paragraph, type Block, type DocumentOutline } from './outline';

export function scenarioOutline(model: ScenarioModel): DocumentOutline {
  const body: Block[] = [
    { kind: 'title', text: SCENARIO_TITLE },
    paragraph(
      `学校数据：${sourceLabel(model.input)}；调整方案：${model.plan.file} › ${model.plan.sheet}；评估口径：${model.profile.name}。`,
    ),
    paragraph(SCENARIO_INTRO),
    heading(1, '各项调整的含义'),
    ...numbered(model.meanings),
  ];
  for (const county of model.counties) {
    body.push(
      heading(1, `${model.counties.length > 1 ? `${county.label}：` : ''}现状与各方案`),
      paragraph(COMPARISON_NOTE),
    );
    for (const { part, table } of comparisonTables(model, county))
      body.push(heading(2, part), { kind: 'table', table });
  }
  for (const a of model.alternatives) {
    body.push(heading(1, `${a.name}：调整明细及各行的作用`), paragraph(CONTRIBUTION_NOTE), {
      kind: 'table',
      table: changesTable(a),
    });
    for (const text of [costSentence(a), afterSentence(model, a)]) if (text) body.push(paragraph(text));
  }
  body.push(paragraph(generatedBy(model.baseline)));
  return { title: SCENARIO_TITLE, body, appendixIntro: null, appendix: [], landscape: true };
}
