/** The Markdown report's chart files: `<name>.report.charts/<level>-<indicator>.svg`, beside the report. */
import type { IndicatorDef } from '../engine/profile';
import { LEVEL_NAMES, type Level } from '../engine/types';
import type { LevelReport, Report } from '../report/model';
import { fmtCv, labelWithUnit } from './format';
import { svgChart } from './svg-chart';

/** The folder name, beside the report: the input's name as the reports use it. */
export const chartsFolder = (report: Report) => `${report.input.file.replace(/\.[^.]*$/, '')}.report.charts`;
export const chartFile = (level: Level, ind: IndicatorDef) => `${level}-${ind.id}.svg`;
export const chartTitle = (l: LevelReport, ind: IndicatorDef) =>
  `${LEVEL_NAMES[l.level]} · ${labelWithUnit(ind)}（差异系数 ${fmtCv(l.result.indicators[ind.id]!.cv)}）`;

/** Every chart of a detailed report: relative path (folder/file) → SVG text. */
export function renderCharts(report: Report): { path: string; svg: string }[] {
  if (!report.detail || report.counties.length !== 1) return [];
  const county = report.counties[0]!;
  return county.levels.flatMap((l) =>
    report.profile.indicators.map((ind) => ({
      path: `${chartsFolder(report)}/${chartFile(l.level, ind)}`,
      svg: svgChart(chartTitle(l, ind), ind, l.result.indicators[ind.id]!, l.sections),
    })),
  );
}
