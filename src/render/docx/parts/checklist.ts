/** 政府保障程度、教育质量、社会认可度: where the county's own claims differ, then each dimension, its items a 附表. */
import { claimSentence, countySheetMissing, DIMENSION_LABEL, dimensionReasons, judgedDimensions } from '../../prose';
import {
  CLAIMS_AGREE,
  checklistTable,
  claimsDisagreeHeading,
  countySheetMissingNote,
  dimensionHeading,
  SECTION_TITLE,
} from '../../written';
import { append } from '../../../common/lookup';
import { heading, numbered, paragraph, type Block, type PartContext } from '../outline';

export function checklistPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  const dims = judgedDimensions(county.verdict).filter((d) => d.dimension !== 'resources');
  if (dims.length === 0) return [];
  const out: Block[] = [heading(1, SECTION_TITLE.checklist)];
  if (countySheetMissing(report, county)) out.push(paragraph(countySheetMissingNote((command) => command)));
  if (county.claimDisagreements.length)
    append(out, [
      heading(2, claimsDisagreeHeading(county.claimDisagreements.length)),
      ...numbered(county.claimDisagreements.map(claimSentence)),
    ]);
  else if (county.checklist.some((c) => c.claim)) out.push(paragraph(CLAIMS_AGREE));
  const reasons = dimensionReasons(report, county);
  for (const { dimension: d, status } of dims)
    append(out, [
      heading(2, dimensionHeading(d, status)),
      ...ctx.place(reasons[d] + '。', 'checklist', checklistTable(county, d), DIMENSION_LABEL[d]),
    ]);
  return out;
}
