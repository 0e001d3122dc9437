// Takes: a checked report with its least-cost plan (整改测算).
// Gives: that plan as 调整方案 rows (one 新增 a section and indicator), so a county can start its own plan from it.
import { LEVEL_NAMES, TYPE_LEVELS } from '../engine/types';
import type { Report } from '../report/model';
import { fieldLabel } from '../schema/columns';

export const LEAST_COST_ALTERNATIVE = '整改测算（最少新增）';

export type PlanRow = (string | number | null)[];

export function leastCostRows(report: Report): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const county of report.counties)
    for (const level of county.levels)
      for (const p of level.actions?.plan.indicators ?? [])
        for (const a of p.additions) {
          const school = a.section.section.school;
          // A school of several levels (完全中学 too, with its 高中) takes the addition in that 学段 alone.
          const twoLevels = TYPE_LEVELS[school.type].length > 1;
          rows.push([
            LEAST_COST_ALTERNATIVE,
            '新增',
            school.name,
            null,
            twoLevels ? LEVEL_NAMES[level.level] : null,
            fieldLabel(p.indicator.numerator),
            a.add,
            `${LEVEL_NAMES[level.level]}${p.indicator.short}：差异系数 ${p.cvBefore?.toFixed(3) ?? '—'} → ${p.cvAfter?.toFixed(3) ?? '—'}（目标 ${p.target}）${a.floor !== null ? '，含补至达标' : ''}`,
          ]);
        }
  return rows;
}
