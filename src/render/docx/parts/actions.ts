/**
 * 影响分析与整改测算: per level, which schools drive each CV and its chart (the Excel report's
 * native chart), the least-cost plan and each school's additions as 附表, and the teacher transfers.
 */
import { LEVEL_NAMES } from '../../../engine/types';
import { chartPicture } from '../../charts';
import {
  compositeSentence,
  budgetSentence,
  influenceSentence,
  planSentence,
  transferIntro,
  transferSentence,
} from '../../plan-prose';
import {
  compositeLead,
  influenceHeading,
  planCostNote,
  planCostTotal,
  planDetailLead,
  planDetailTable,
  planHeading,
  planLevels,
  planTable,
  PLAN_METHOD_POINTER,
  SECTION_TITLE,
  transferHeading,
} from '../../written';
import { append } from '../../../common/lookup';
import { heading, numbered, paragraph, type Block, type PartContext } from '../outline';

export function actionsPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  const { levels, costs } = planLevels(county);
  if (levels.length === 0) return [];
  const inds = report.profile.indicators;
  const out: Block[] = [heading(1, SECTION_TITLE.actions), paragraph(PLAN_METHOD_POINTER)];
  const budget = budgetSentence(levels.map((l) => l.actions!));
  if (budget) out.push(paragraph(budget));
  for (const l of levels) {
    const a = l.actions!;
    append(out, [
      heading(2, influenceHeading(l.level)),
      ...numbered(inds.map((i) => influenceSentence(i, l.result.indicators[i.id]!, a.influence[i.id]!))),
    ]);
    if (l.sections.length) for (const i of inds) out.push({ kind: 'chart', picture: chartPicture(l, i) });
    append(out, [
      heading(2, planHeading(l.level)),
      ...ctx.place(planSentence(a), 'plan', planTable(a, costs), LEVEL_NAMES[l.level]),
    ]);
    const detail = planDetailTable(a);
    if (detail) append(out, ctx.place(planDetailLead(l.level), 'planDetail', detail, LEVEL_NAMES[l.level]));
    if (a.composite) out.push(paragraph(compositeLead(compositeSentence(a.composite))));
    if (a.transfers.length)
      append(out, [
        heading(2, transferHeading(l.level)),
        paragraph(transferIntro),
        ...numbered(a.transfers.map(transferSentence)),
      ]);
  }
  if (costs) out.push(paragraph(planCostTotal(levels)), paragraph(planCostNote(report, levels)));
  return out;
}
