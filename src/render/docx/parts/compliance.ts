/** 学校达标情况: each level's count, the schools a 附表 (not under the 2012 method, which has no per-school standards). */
import { LEVEL_NAMES } from '../../../engine/types';
import { complianceHeading, complianceTable, SECTION_TITLE } from '../../written';
import { heading, type Block, type PartContext } from '../outline';

export function compliancePart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  if (!report.profile.compliance) return [];
  return [
    heading(1, SECTION_TITLE.compliance),
    ...county.levels.flatMap((l) => [
      heading(2, complianceHeading(l)),
      ...ctx.place('', 'compliance', complianceTable(report, l), LEVEL_NAMES[l.level]),
    ]),
  ];
}
