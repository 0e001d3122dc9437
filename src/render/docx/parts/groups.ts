/** 学区（集团）与城乡差距: each level's 学区 and 城区 / 镇区 / 乡村 tables as 附表. */
import {
  GROUPS_CELL_NOTE,
  groupsHeading,
  groupsPart as groupsPartName,
  groupsTable,
  SECTION_TITLE,
  urbanRuralHeading,
  urbanRuralPart,
  urbanRuralTable,
} from '../../written';
import { append } from '../../../common/lookup';
import { heading, type Block, type PartContext } from '../outline';

export function groupsPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  if (county.groups.length === 0 && county.urbanRural.length === 0) return [];
  const out: Block[] = [heading(1, SECTION_TITLE.groups)];
  for (const level of ['primary', 'junior'] as const) {
    const groups = county.groups.filter((g) => g.level === level);
    if (groups.length)
      append(out, [
        heading(2, groupsHeading(level)),
        ...ctx.place(GROUPS_CELL_NOTE, 'groups', groupsTable(report, groups), groupsPartName(level)),
      ]);
    const ur = county.urbanRural.find((u) => u.level === level);
    if (ur)
      append(out, [
        heading(2, urbanRuralHeading(level)),
        ...ctx.place('', 'groups', urbanRuralTable(report, ur), urbanRuralPart(level)),
      ]);
  }
  return out;
}
