/** 学区与城乡: CVs inside 学区 / 集团 and the 城区 / 镇区 / 乡村 values. */
import { LEVEL_NAMES } from '../../../engine/types';
import { type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput, type CellSpec } from '../sheet';
import { HEADER, table, TITLE } from '../table';
import { labelWithUnit } from '../../format';
import { NUM, LEVEL_COLUMN, INDICATOR_COLUMN } from './common';

export function groupsSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const inds = report.profile.indicators;
  // One row per 学区 and indicator (8 columns): printable at full size, where one row per 学区 took 25 columns.
  const rows: CellInput[][] = [];
  for (const g of county.groups)
    for (const i of inds) {
      const x = g.indicators[i.id]!;
      rows.push([
        LEVEL_NAMES[g.level],
        g.group,
        labelWithUnit(i),
        g.schoolCount,
        g.students,
        { v: x.value, s: { numFmt: i.unit === '元' ? NUM.money : NUM.ratio } },
        x.ofCounty,
        x.cv ?? '—',
      ]);
    }
  table(
    sheet,
    '学区（集团）与城乡差距：各学区（集团）的学区均值、为全县的倍数、学区内差异系数（按学生数加权）',
    [
      LEVEL_COLUMN,
      { header: '学区（集团）' },
      INDICATOR_COLUMN,
      { header: '学校', numFmt: NUM.int, width: 7 },
      { header: '在校生', numFmt: NUM.int, width: 9 },
      { header: '学区均值', width: 10 },
      { header: '为全县\n倍数', numFmt: '0.00', width: 9 },
      { header: '学区内\n差异系数', numFmt: NUM.cv, width: 10 },
    ],
    rows,
  );
  if (county.urbanRural.length) sheet.widths[1] = Math.max(sheet.widths[1] ?? 0, 30);
  for (const ur of county.urbanRural) {
    sheet.addRow([]);
    const t = sheet.addRow(
      [{ v: `${LEVEL_NAMES[ur.level]}：城区、镇区、乡村（各类学校合计值 = 资源总量 ÷ 在校生）`, s: TITLE }],
      { height: 22 },
    );
    sheet.mergeAcross(t, 1, 8);
    sheet.addRow(
      ['学段', '指标', '', '城区', '镇区', '乡村', '乡村÷\n城区'].map((v) => ({ v, s: HEADER })),
      { height: 34 },
    );
    for (const i of inds)
      sheet.addRow(
        [
          LEVEL_NAMES[ur.level],
          labelWithUnit(i),
          '',
          ...(['城区', '镇区', '乡村'] as const).map((a) => ur.areas[a]?.values[i.id] ?? null),
          ur.ruralToUrban[i.id] ?? null,
        ].map((v, k): CellSpec => ({
          v,
          s: {
            border: true,
            ...(k >= 3 ? { numFmt: k === 6 ? '0.00' : i.unit === '元' ? NUM.money : NUM.ratio } : {}),
          },
        })),
      );
  }
  return sheet;
}

// ── 概览 ──
