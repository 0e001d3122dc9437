/** 学校达标: each section's 7 values, met / not met and compliance, as formulas over 计算数据. */
import type { SectionResult } from '../../../engine/compliance';
import { LEVEL_NAMES, type Level } from '../../../engine/types';
import { sectionLabel, type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput, type CellSpec } from '../sheet';
import { table, type Column } from '../table';
import {
  COLOUR,
  NUM,
  CENTER,
  OK_LOOK,
  BAD_LOOK,
  MET,
  NOT_MET,
  PASS,
  FAIL,
  atLeastF,
  shared,
  colourVerdicts,
  ref,
  cellAt,
  LEVEL_COLUMN,
} from './common';
import { type DataLayout } from './data';

export interface ComplianceLayout {
  sheet: SheetBuilder;
  row: Map<SectionResult, number>;
  compliantCol: number;
  levelRows: Map<Level, [number, number]>;
}

export function complianceSheet(
  report: Report,
  county: CountyReport,
  layout: DataLayout,
  name: string,
): ComplianceLayout {
  const sheet = new SheetBuilder(name);
  sheet.titleColumns = 2; // 学段, 学校 on every printed page when the table prints two pages wide
  const seen = new Set<string>();
  const inds = report.profile.indicators;
  const n = inds.length;
  const valueCol = (i: number) => 5 + 2 * i;
  const markCol = (i: number) => 6 + 2 * i;
  const countCol = 5 + 2 * n;
  const compliantCol = countCol + 1;
  const rule = report.profile.compliance;
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s): CellInput[] => {
      const r = layout.row.get(s)!;
      const data = (col: number) => ref(layout.sheet, cellAt(col, r));
      const marks = inds.map((ind, i): CellSpec => {
        const std = layout.standards.standard(i, l.level);
        return std
          ? shared(
              seen,
              `mark:${i}:${l.level}`,
              () => `IF(${atLeastF(cellAt(valueCol(i), r), std)},"${MET}","${NOT_MET}")`,
              s.met[ind.id] ? MET : NOT_MET,
              CENTER,
            )
          : { v: '—', s: CENTER };
      });
      const count = shared(
        seen,
        'count',
        () => inds.map((_, i) => `(${cellAt(markCol(i), r)}="${MET}")`).join('+'),
        s.metCount,
        CENTER,
      );
      const floors = () =>
        inds
          .map((_, i) => {
            const std = layout.standards.standard(i, l.level);
            return std ? atLeastF(cellAt(valueCol(i), r), `${layout.standards.floor(l.level)}*${std}`) : null;
          })
          .filter((x): x is string => x !== null);
      const compliant: CellSpec = rule
        ? shared(
            seen,
            `compliant:${l.level}`,
            () =>
              `IF(AND(${cellAt(countCol, r)}>=${layout.standards.minMet(l.level)},${floors().join(',')}),"${PASS}","${FAIL}")`,
            s.compliant ? PASS : FAIL,
            CENTER,
          )
        : { v: '—', s: CENTER };
      return [
        LEVEL_NAMES[l.level],
        sectionLabel(s),
        s.section.school.type,
        shared(seen, 'students', () => data(layout.students), s.section.students),
        ...inds.flatMap((ind, i) => [
          shared(seen, `value:${i}`, () => data(layout.value(i)), s.values[ind.id]!),
          marks[i]!,
        ]),
        count,
        compliant,
      ];
    }),
  );
  const columns: Column[] = [
    LEVEL_COLUMN,
    { header: '学校' },
    { header: '类型' },
    { header: '在校生', numFmt: NUM.int },
    ...inds.flatMap((i): Column[] => [
      { header: `${i.short}\n（${i.unit}）`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 10 },
      { header: '', width: 3.5 },
    ]),
    { header: '达标\n项数', width: 7 },
    { header: '是否\n达标', width: 8 },
  ];
  const floorText = rule
    ? `每校至少${rule.minIndicatorsMet}项达标、余项不低于标准的${Math.round(rule.floorRatio * 100)}%为达标`
    : '';
  // Printed two pages wide, the pages part between two indicators (never between a value and its ✓).
  sheet.colBreaks.push(4 + 2 * Math.ceil(inds.length / 2));
  table(sheet, `学校达标情况（${MET} 达到标准，${NOT_MET} 未达到；${floorText}；标准见“标准”表）`, columns, rows);
  // The standards under the table, as references to 标准.
  for (const l of county.levels)
    sheet.addRow(
      [
        '',
        `${LEVEL_NAMES[l.level]}标准`,
        '',
        '',
        ...inds.flatMap((ind, i) => {
          const std = layout.standards.standard(i, l.level);
          return [std ? { f: std, v: ind.standard![l.level] } : null, null];
        }),
      ],
      { style: { italic: true, color: COLOUR.grey, numFmt: NUM.amount } },
    );
  const last = sheet.headerRows + rows.length;
  const dataRange = (col: number) => `${cellAt(col, sheet.headerRows + 1)}:${cellAt(col, last)}`;
  if (rows.length) {
    const marks = `${cellAt(markCol(0), sheet.headerRows + 1)}:${cellAt(markCol(n - 1), last)}`;
    sheet.highlights.push(
      { range: marks, text: MET, style: OK_LOOK },
      { range: marks, text: NOT_MET, style: BAD_LOOK },
    );
    colourVerdicts(sheet, dataRange(compliantCol));
  }
  const row = new Map([...layout.row].map(([s, r]) => [s, r]));
  return { sheet, row, compliantCol, levelRows: layout.levelRows };
}

// ── 差异系数 ──
