/** 一、总体结论: the verdict in one line, each dimension and why, each level, the schools, and what was left out. */
import { dimensionLines, excludedSentence, levelVerdict, schoolsSentence, verdictHeadline } from '../../prose';
import { issueCountSentence, SECTION_TITLE } from '../../written';
import { heading, numbered, paragraph, type Block, type PartContext } from '../outline';

export function conclusionPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  const out: Block[] = [
    heading(1, SECTION_TITLE.conclusion),
    paragraph(verdictHeadline(report, county), true),
    ...numbered(dimensionLines(report, county)),
    ...county.levels.map((l) => paragraph(`全县${levelVerdict(report, l)}`)),
  ];
  // The 2012 method has no per-school standards: no count of compliant schools.
  if (report.profile.compliance) out.push(paragraph(`按学校计，${schoolsSentence(county)}`));
  const excluded = excludedSentence(county);
  if (excluded) out.push(paragraph(excluded));
  out.push(paragraph(issueCountSentence(report)));
  return out;
}
