/**
 * 图表: per level and indicator, each section's value sorted from low to high, the
 * sections meeting the standard in blue and the others in red, with the standard and the
 * county value as lines. The numbers sit on 图表数据, so the charts redraw when they change.
 */
import { LEVEL_COLUMN, INDICATOR_COLUMN, NUM } from './common';
import { columnLetters } from '../../../common/a1';
import { LEVEL_NAMES } from '../../../engine/types';
import type { SectionResult } from '../../../engine/compliance';
import type { IndicatorDef } from '../../../engine/profile';
import type { CountyReport, LevelReport, Report } from '../../../report/model';
import { sectionLabel } from '../../../report/model';
import { labelWithUnit } from '../../format';
import { chartPicture } from '../../charts';
import { sheetRef } from '../book';
import type { ChartSpec } from '../chart';
import { SheetBuilder, type CellInput } from '../sheet';
import { table, TITLE } from '../table';

/** The 图表数据 column (0-based) each series reads. */
const DATA_COLUMN = { met: 3, notMet: 4, standard: 5, county: 6 } as const;

/** Chart size on the sheet: one across, narrow enough to print near full scale (its 9 pt labels at ≥ 8 pt), two to a page. */
const CHART_COLS = 11;
const CHART_ROWS = 16;
const ACROSS = 1;

export function chartSheets(
  report: Report,
  county: CountyReport,
  dataName: string,
  chartName: string,
): { data: () => SheetBuilder; charts: SheetBuilder } {
  const charts = new SheetBuilder(chartName);
  charts.widths = Array.from({ length: CHART_COLS * ACROSS }, () => 10);
  const t = charts.addRow(
    [{ v: `各校生均值与标准、全县值（蓝：达到标准；红：未达到；绿虚线：标准；橙线：全县值）`, s: TITLE }],
    { height: 22 },
  );
  charts.mergeAcross(t, 1, CHART_COLS * ACROSS);
  charts.headerRows = 1;
  const abs = (col: number, row: number) => `${sheetRef(dataName)}!$${columnLetters(col)}$${row}`;
  /** One table on 图表数据 (title row 1, header row 2): each chart reads its own block of rows. */
  const blocks: { level: LevelReport; ind: IndicatorDef; sections: readonly SectionResult[] }[] = [];
  let rowCount = 0;
  let k = 0;
  for (const l of county.levels)
    for (const ind of report.profile.indicators) {
      const picture = chartPicture(l, ind);
      blocks.push({ level: l, ind, sections: picture.sections });
      const first = rowCount + 3;
      rowCount += picture.sections.length;
      const last = rowCount + 2;
      const range = (col: number) => `${abs(col, first)}:$${columnLetters(col)}$${last}`;
      const spec: ChartSpec = {
        title: picture.title,
        categoriesRef: range(2),
        categories: picture.categories,
        numberFormat: picture.numberFormat,
        series: picture.series.map((s) => ({
          name: s.name,
          kind: s.kind,
          colour: s.colour,
          ...(s.dashed ? { dashed: true } : {}),
          ref: range(DATA_COLUMN[s.key]),
          values: s.values,
        })),
        from: { col: (k % ACROSS) * CHART_COLS, row: 1 + Math.floor(k / ACROSS) * CHART_ROWS },
        to: {
          col: (k % ACROSS) * CHART_COLS + CHART_COLS,
          row: 1 + Math.floor(k / ACROSS) * CHART_ROWS + CHART_ROWS - 1,
        },
      };
      charts.charts.push(spec);
      k++;
    }
  // Rows for the charts to sit on (so the print area covers them), and a page after every two rows of charts.
  for (let r = charts.rowCount; r < 1 + Math.ceil(k / ACROSS) * CHART_ROWS; r++) charts.addRow([]);
  for (let r = 1 + 2 * CHART_ROWS; r < charts.rowCount; r += 2 * CHART_ROWS) charts.rowBreaks.push(r);
  return { data: () => dataSheet(dataName, blocks), charts };
}

/** 图表数据: one table (title row 1, header row 2), each chart's block of rows in the charts' order. */
function dataSheet(
  dataName: string,
  blocks: readonly { level: LevelReport; ind: IndicatorDef; sections: readonly SectionResult[] }[],
): SheetBuilder {
  const data = new SheetBuilder(dataName);
  const rows: CellInput[][] = [];
  for (const { level: l, ind, sections } of blocks) {
    const stats = l.result.indicators[ind.id]!;
    for (const s of sections) {
      const v = s.values[ind.id]!;
      const ok = s.met[ind.id]!;
      rows.push([
        LEVEL_NAMES[l.level],
        labelWithUnit(ind),
        sectionLabel(s),
        ok ? v : null,
        ok ? null : v,
        stats.standard,
        stats.mean,
      ]);
    }
  }
  table(
    data,
    '图表数据：各图的数值（按生均值从低到高；改动这里，图表随之更新）',
    [
      LEVEL_COLUMN,
      INDICATOR_COLUMN,
      { header: '学校' },
      { header: '达到标准', numFmt: NUM.value, width: 11 },
      { header: '未达到标准', numFmt: NUM.value, width: 11 },
      { header: '标准', numFmt: NUM.value, width: 9 },
      { header: '全县值', numFmt: NUM.value, width: 10 },
    ],
    rows,
  );
  return data;
}
