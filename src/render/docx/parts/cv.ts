/** 校际差异系数: how they are computed, then each level, its table a 附表. */
import { LEVEL_NAMES } from '../../../engine/types';
import { cvHeading, cvMethodText, cvTable, SECTION_TITLE } from '../../written';
import { heading, paragraph, type Block, type PartContext } from '../outline';

export function cvPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  return [
    heading(1, SECTION_TITLE.cv),
    paragraph(cvMethodText(report.profile)),
    ...county.levels.flatMap((l) => [
      heading(2, cvHeading(l)),
      ...ctx.place('', 'cv', cvTable(report, l), LEVEL_NAMES[l.level]),
    ]),
  ];
}
