/**
 * The reports' charts, one per level and indicator: each section's value sorted from low to
 * high, those meeting the standard in one colour and the others in red, the standard dashed and
 * the county value as a line. The Markdown report's are SVG files (svg-chart.ts); the Excel
 * report and the Word document draw the same picture as a native chart (chartPicture).
 */
import type { SectionResult } from '../engine/compliance';
import type { IndicatorDef } from '../engine/profile';
import { LEVEL_NAMES, type Level } from '../engine/types';
import { byValue, sectionLabel, type LevelReport, type Report } from '../report/model';
import { fmtCv, labelWithUnit } from './format';
import { svgChart } from './svg-chart';
import { reportStem } from '../report/names';

/** The folder name, beside the report: the input's name as the reports use it. */
export const chartsFolder = (report: Report) => `${reportStem(report.input.file, report.input.county)}.report.charts`;
export const chartFile = (level: Level, ind: IndicatorDef) => `${level}-${ind.id}.svg`;
export const chartTitle = (l: LevelReport, ind: IndicatorDef) =>
  `${LEVEL_NAMES[l.level]} · ${labelWithUnit(ind)}（差异系数 ${fmtCv(l.result.indicators[ind.id]!.cv)}）`;

/** Every chart of a detailed report: relative path (folder/file) → SVG text. */
export function renderCharts(report: Report): { path: string; svg: string }[] {
  return chartFiles(report).map((c) => ({ path: c.path, svg: c.svg() }));
}

/**
 * The same charts, each drawn when it is asked for: a county of 30 000 schools has 14 charts of
 * 30 000 bars, 90 MB of SVG text, which the writer need not hold at once.
 */
export function chartFiles(report: Report): { path: string; svg: () => string }[] {
  if (!report.detail || report.counties.length !== 1) return [];
  const county = report.counties[0]!;
  return county.levels.flatMap((l) =>
    report.profile.indicators.map((ind) => ({
      path: `${chartsFolder(report)}/${chartFile(l.level, ind)}`,
      svg: () => svgChart(chartTitle(l, ind), ind, l.result.indicators[ind.id]!, l.sections),
    })),
  );
}

export const CHART_COLOURS = { met: '4472C4', notMet: 'C00000', standard: '548235', county: 'ED7D31' } as const;

export interface PictureSeries {
  /** Which of the four: its colour, and the Excel data column it reads. */
  key: keyof typeof CHART_COLOURS;
  name: string;
  kind: 'bar' | 'line';
  /** RRGGBB */
  colour: string;
  dashed?: boolean;
  /** One per category; null: no bar. */
  values: readonly (number | null)[];
}

/** One native chart: its title, the sections (sorted by value) and the four series. */
export interface ChartPicture {
  title: string;
  /** The sections, sorted by value, and their labels. */
  sections: readonly SectionResult[];
  categories: readonly string[];
  series: readonly PictureSeries[];
  /** The value axis' number format. */
  numberFormat: string;
}

export function chartPicture(l: LevelReport, ind: IndicatorDef): ChartPicture {
  const stats = l.result.indicators[ind.id]!;
  const sorted = byValue(l.sections, ind);
  const standard = stats.standard;
  const value = (ok: boolean) => sorted.map((s) => (s.met[ind.id]! === ok ? s.values[ind.id]! : null));
  return {
    title: chartTitle(l, ind),
    sections: sorted,
    categories: sorted.map((s) => sectionLabel(s)),
    numberFormat: ind.unit === '元' ? '#,##0' : '0.0',
    series: [
      { key: 'met', name: '达到标准', kind: 'bar', colour: CHART_COLOURS.met, values: value(true) },
      { key: 'notMet', name: '未达到标准', kind: 'bar', colour: CHART_COLOURS.notMet, values: value(false) },
      ...(standard === null
        ? []
        : [
            {
              key: 'standard' as const,
              name: `标准 ${standard}`,
              kind: 'line' as const,
              colour: CHART_COLOURS.standard,
              dashed: true,
              values: sorted.map(() => standard),
            },
          ]),
      {
        key: 'county',
        name: '全县值',
        kind: 'line',
        colour: CHART_COLOURS.county,
        values: sorted.map(() => stats.mean),
      },
    ],
  };
}
