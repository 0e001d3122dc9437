/** 缺口测算: each indicator's shortfall in a sentence, the schools' shortfalls a 附表. */
import { LEVEL_NAMES } from '../../../engine/types';
import { gapSentence } from '../../prose';
import { GAPS_ROUNDING_NOTE, noGapsText, SECTION_TITLE, shortfallHeading, shortfallTable } from '../../written';
import { append } from '../../../common/lookup';
import { heading, paragraph, type Block, type PartContext } from '../outline';

export function gapsPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  if (!report.profile.compliance) return [];
  const out: Block[] = [heading(1, SECTION_TITLE.gaps)];
  if (county.gaps.length === 0) out.push(paragraph(noGapsText(report.profile)));
  else {
    for (const g of county.gaps) out.push(paragraph(gapSentence(g)));
    out.push(paragraph(GAPS_ROUNDING_NOTE));
  }
  for (const l of county.levels) {
    const t = shortfallTable(report, l);
    if (t) append(out, [heading(2, shortfallHeading(l)), ...ctx.place('', 'shortfall', t, LEVEL_NAMES[l.level])]);
  }
  return out;
}
