/** 计算数据: one row per school section, its students and (split) amounts: what every formula reads. */
import type { SectionResult } from '../../../engine/compliance';
import { LEVEL_NAMES, type Level } from '../../../engine/types';
import { sectionLabel, type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput, type CellSpec } from '../sheet';
import { table, type Column } from '../table';
import { NUM, atLeastF, shared, ref, cellAt, LEVEL_COLUMN } from './common';
import { type StandardsLayout } from './standards';

export interface DataLayout {
  sheet: string;
  standards: StandardsLayout;
  row: Map<SectionResult, number>;
  levelRows: Map<Level, [number, number]>;
  students: number;
  amount: (i: number) => number;
  value: (i: number) => number;
  gap: (i: number) => number;
  /** Issue key (school + field) → link target in this sheet. */
  issueLinks: Map<string, string>;
}

export const issueLinkKey = (county: string | null | undefined, school: string, field?: string) =>
  `${county ?? ''}\u0000${school}\u0000${field ?? ''}`;

export function dataLayout(
  report: Report,
  county: CountyReport,
  sheet: string,
  standards: StandardsLayout,
): DataLayout {
  const n = report.profile.indicators.length;
  const row = new Map<SectionResult, number>();
  const levelRows = new Map<Level, [number, number]>();
  let next = 3;
  for (const l of county.levels) {
    levelRows.set(l.level, [next, next + l.sections.length - 1]);
    for (const s of l.sections) row.set(s, next++);
  }
  const layout: DataLayout = {
    sheet,
    standards,
    row,
    levelRows,
    students: 6,
    amount: (i) => 9 + i,
    value: (i) => 9 + n + i,
    gap: (i) => 9 + 2 * n + i,
    issueLinks: new Map(),
  };
  for (const [s, r] of row) {
    const school = s.section.school;
    layout.issueLinks.set(issueLinkKey(county.county, school.name), ref(sheet, `B${r}`));
    report.profile.indicators.forEach((ind, i) => {
      const key = issueLinkKey(county.county, school.name, ind.numerator);
      if (!layout.issueLinks.has(key)) layout.issueLinks.set(key, ref(sheet, cellAt(layout.amount(i), r)));
    });
  }
  return layout;
}

export function dataSheet(report: Report, county: CountyReport, layout: DataLayout): SheetBuilder {
  const sheet = new SheetBuilder(layout.sheet);
  const seen = new Set<string>();
  sheet.pagesWide = 2;
  sheet.titleColumns = 2;
  const inds = report.profile.indicators;
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s): CellInput[] => {
      const r = layout.row.get(s)!;
      const P = cellAt(layout.students, r);
      return [
        LEVEL_NAMES[l.level],
        sectionLabel(s),
        s.section.school.type,
        s.section.school.ownership,
        s.section.school.source.row,
        s.section.students,
        s.section.split?.teacherShare ?? null,
        s.section.split?.facilityShare ?? null,
        ...inds.map((i) => s.section.amounts[i.numerator] ?? null),
        ...inds.map((ind, i): CellSpec =>
          shared(
            seen,
            `value:${i}`,
            () => `${cellAt(layout.amount(i), r)}/${P}${ind.scale === 1 ? '' : `*${ind.scale}`}`,
            s.values[ind.id]!,
          ),
        ),
        ...inds.map((ind, i): CellSpec => {
          const std = layout.standards.standard(i, l.level);
          const V = cellAt(layout.value(i), r);
          return std
            ? shared(
                seen,
                `gap:${i}:${l.level}`,
                () => `IF(${atLeastF(V, std)},0,1-${V}/${std})`,
                s.relativeGaps[ind.id]!,
              )
            : { v: 0 };
        }),
      ];
    }),
  );
  table(
    sheet,
    '计算数据：各校（学段）在校生与资源量（一贯制学校及完全中学已拆分）；指标值 = 数量 ÷ 在校生（每百名 × 100）',
    [
      LEVEL_COLUMN,
      { header: '学校' },
      { header: '类型' },
      { header: '办学\n性质', width: 6 },
      { header: '原表行', numFmt: '0', width: 7 },
      { header: '在校生', numFmt: NUM.int },
      { header: '教师\n拆分比例', numFmt: NUM.pct, width: 9 },
      { header: '设施\n拆分比例', numFmt: NUM.pct, width: 9 },
      ...inds.map((i): Column => ({
        header: `${i.short}\n数量`,
        numFmt: i.countable ? NUM.amount : NUM.area,
        width: 11,
      })),
      ...inds.map((i): Column => ({
        header: `${i.short}\n指标值`,
        numFmt: i.unit === '元' ? NUM.money : NUM.ratio,
        width: 10,
      })),
      ...inds.map((i): Column => ({ header: `${i.short}\n低于标准`, numFmt: '0.0%;-0.0%;', width: 10 })),
    ],
    rows,
  );
  return sheet;
}

// ── 学校达标 ──
