/**
 * The Word document's content: for one county, the cover, 一、总体结论 and the numbered sections
 * in the Markdown report's order, every table a numbered 附表 at the end (the numbers the Markdown
 * and Excel reports use); for a batch, the province table.
 */
import type { Report } from '../../report/model';
import { countyExhibits, reportTitle } from '../exhibits';
import { planMethodText } from '../plan-prose';
import {
  batchNote,
  exhibitListSentence,
  generatedBy,
  hasPlans,
  issueCountSentence,
  PLAN_METHOD_TITLE,
  provinceTitle,
} from '../written';
import { inText, paragraph, PartContext, type Block, type DocumentOutline } from './outline';
import { actionsPart } from './parts/actions';
import { checklistPart } from './parts/checklist';
import { compliancePart } from './parts/compliance';
import { conclusionPart } from './parts/conclusion';
import { coverPart } from './parts/cover';
import { cvPart } from './parts/cv';
import { gapsPart } from './parts/gaps';
import { groupsPart } from './parts/groups';
import { issuesPart } from './parts/issues';
import { provincePart } from './parts/province';
import { splitsPart } from './parts/splits';

const COUNTY_PARTS = [
  coverPart,
  conclusionPart,
  cvPart,
  compliancePart,
  gapsPart,
  checklistPart,
  groupsPart,
  splitsPart,
  actionsPart,
  (ctx: PartContext) => issuesPart(ctx.report, ctx.place),
] as const;

export function documentOutline(report: Report): DocumentOutline {
  const county = report.counties.length === 1 && report.detail ? report.counties[0]! : null;
  if (!county) {
    const counties = report.province ?? report.counties;
    const title = provinceTitle(report, counties);
    const body: Block[] = [
      { kind: 'title', text: title },
      ...provincePart(report, counties),
      ...(report.detail ? [] : [paragraph(batchNote(report, (command) => command))]),
      paragraph(issueCountSentence(report)),
      ...issuesPart(report, inText),
      paragraph(generatedBy(report)),
    ];
    return { title, body, appendixIntro: null, appendix: [], landscape: true };
  }
  const exhibits = countyExhibits(report, county);
  const ctx = new PartContext(report, county, exhibits);
  const body = COUNTY_PARTS.flatMap((part) => part(ctx));
  if (hasPlans(report)) body.push(paragraph(PLAN_METHOD_TITLE, true), paragraph(planMethodText(report.profile)));
  body.push(paragraph(generatedBy(report)));
  return {
    title: reportTitle(report, county),
    body,
    appendixIntro: exhibitListSentence([...exhibits.values()]),
    // By number: a level's 整改测算 and 整改明细 alternate in the text.
    appendix: [...ctx.appendix].sort((a, b) => a.no - b.no),
    landscape: false,
  };
}
