/** 一贯制学校及完全中学的拆分: how the schools of several levels are split, the shares a 附表. */
import { SECTION_TITLE, splitMethodText, splitSections, splitsTable } from '../../written';
import { heading, type Block, type PartContext } from '../outline';

export function splitsPart(ctx: PartContext): Block[] {
  const splits = splitSections(ctx.county);
  if (splits.length === 0) return [];
  return [
    heading(1, SECTION_TITLE.splits),
    ...ctx.place(splitMethodText(ctx.report.profile), 'splits', splitsTable(splits)),
  ];
}
