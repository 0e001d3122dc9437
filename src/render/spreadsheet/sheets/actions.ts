/**
 * The Excel sheets of "what to do": 整改测算 (the least-cost plan per level and indicator,
 * the teacher-transfer alternative), 整改明细 (what each section gets) and 影响分析 (each
 * section's share of every CV). Values, not formulas: the plan is an optimisation.
 */
import { LEVEL_COLUMN, INDICATOR_COLUMN, NUM } from './common';
import type { LevelReport, Report, CountyReport } from '../../../report/model';
import { sectionLabel } from '../../../report/model';
import { LEVEL_NAMES } from '../../../engine/types';
import {
  budgetSentence,
  compositeSentence,
  planMethodText,
  planRows,
  transferIntro,
  transferSentence,
} from '../../plan-prose';
import { labelWithUnit } from '../../format';
import { SheetBuilder, type CellInput } from '../sheet';
import { paragraph, table } from '../table';

const withActions = (county: CountyReport) =>
  county.levels.filter((l): l is LevelReport & { actions: NonNullable<LevelReport['actions']> } => l.actions !== null);

export function planSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const levels = withActions(county);
  const costs = levels.some((l) => l.actions.plan.indicators.some((p) => p.cost !== null));
  const rows = levels.flatMap((l) =>
    planRows(l.actions).map((r): CellInput[] => [
      LEVEL_NAMES[l.level],
      labelWithUnit(r.indicator),
      r.cvBefore,
      r.target,
      r.total,
      r.forFloors,
      r.schools,
      r.cvAfter,
      ...(costs ? [r.cost] : []),
      r.note,
    ]),
  );
  table(
    sheet,
    '整改测算：使各校达标、差异系数达到目标的最少新增量',
    [
      LEVEL_COLUMN,
      INDICATOR_COLUMN,
      { header: '现差异\n系数', width: 8 },
      { header: '目标', width: 6 },
      { header: '需新增', width: 13 },
      { header: '其中补足\n学校达标', width: 12 },
      { header: '涉及\n学校', width: 6 },
      { header: '测算后\n差异系数', width: 9 },
      ...(costs ? [{ header: '折合金额\n（元，本县假设单价）', width: 16 }] : []),
      { header: '说明', width: 30 },
    ],
    rows,
  );
  const width = costs ? 10 : 9;
  const budget = budgetSentence(levels.map((l) => l.actions));
  if (budget) paragraph(sheet, budget, width);
  for (const l of levels)
    if (l.actions.composite)
      paragraph(sheet, `综合差异系数（2012年方法）：${compositeSentence(l.actions.composite)}`, width);
  for (const l of levels)
    if (l.actions.transfers.length) {
      paragraph(sheet, `${LEVEL_NAMES[l.level]}教师交流轮岗调剂（不新增教师的方案）。${transferIntro}`, width, {
        bold: true,
      });
      for (const t of l.actions.transfers) paragraph(sheet, transferSentence(t), width);
    }
  paragraph(sheet, `测算方法：${planMethodText(report.profile)}`, width);
  return sheet;
}

export function planDetailSheet(county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const rows = withActions(county).flatMap((l) =>
    l.actions.plan.indicators.flatMap((p) =>
      p.additions.map((a): CellInput[] => [
        LEVEL_NAMES[l.level],
        sectionLabel(a.section),
        labelWithUnit(p.indicator),
        a.before,
        a.floor ?? '',
        a.add,
        p.indicator.shortfallUnit,
        a.after,
      ]),
    ),
  );
  table(
    sheet,
    '整改明细：各校须新增',
    [
      LEVEL_COLUMN,
      { header: '学校' },
      INDICATOR_COLUMN,
      { header: '现值', numFmt: NUM.value, width: 10 },
      { header: '达标所需值', numFmt: NUM.value, width: 11 },
      { header: '新增', numFmt: '#,##0.#', width: 11 },
      { header: '单位', width: 6 },
      { header: '新增后', numFmt: NUM.value, width: 10 },
    ],
    rows.length ? rows : [['', '无需新增', '', '', '', '', '', '']],
  );
  return sheet;
}

export function influenceSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const rows = withActions(county).flatMap((l) =>
    Object.entries(l.actions.influence).flatMap(([id, list]) => {
      const stats = l.result.indicators[id]!;
      return list.map((x): CellInput[] => [
        LEVEL_NAMES[l.level],
        labelWithUnit(report.profile.indicators.find((i) => i.id === id)!),
        sectionLabel(x.section),
        x.section.values[id]!,
        stats.mean,
        x.above ? '高于' : '低于',
        x.share,
        x.cvWithout ?? '',
        stats.cv ?? '',
      ]);
    }),
  );
  table(
    sheet,
    '影响分析：各校占差异系数（加权离差平方和）的份额，及去掉该校后的差异系数',
    [
      LEVEL_COLUMN,
      INDICATOR_COLUMN,
      { header: '学校' },
      { header: '生均值', numFmt: NUM.value, width: 10 },
      { header: '全县值', numFmt: NUM.value, width: 10 },
      { header: '高于/低于\n全县值', width: 10 },
      { header: '占离差\n平方和', numFmt: '0.0%', width: 9 },
      { header: '去掉该校后\n差异系数', numFmt: NUM.cv, width: 11 },
      { header: '全县\n差异系数', numFmt: NUM.cv, width: 9 },
    ],
    rows,
  );
  return sheet;
}
