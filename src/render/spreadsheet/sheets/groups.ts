/** 学区与城乡: CVs inside 学区 / 集团 and the 城区 / 镇区 / 乡村 values. */
import { LEVEL_NAMES } from '../../../engine/types';
import { type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput, type CellSpec } from '../sheet';
import { HEADER, table, TITLE, type Column } from '../table';
import { NUM } from './common';

export function groupsSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const inds = report.profile.indicators;
  const rows: CellInput[][] = [];
  for (const g of county.groups)
    rows.push([
      LEVEL_NAMES[g.level],
      g.group,
      g.schoolCount,
      g.students,
      ...inds.flatMap((i): CellInput[] => [g.indicators[i.id]!.value, g.indicators[i.id]!.ofCounty, g.indicators[i.id]!.cv ?? '—']),
    ]);
  table(
    sheet,
    '各学区（集团）：学区均值、为全县的倍数、学区内差异系数（按学生数加权）',
    [
      { header: '学段', width: 6 },
      { header: '学区（集团）' },
      { header: '学校', numFmt: NUM.int, width: 6 },
      { header: '在校生', numFmt: NUM.int },
      ...inds.flatMap((i): Column[] => [
        { header: `${i.short}\n均值`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 9 },
        { header: '为全县\n倍数', numFmt: '0.00', width: 7 },
        { header: '学区内\n差异系数', numFmt: NUM.cv, width: 8 },
      ]),
    ],
    rows,
  );
  if (county.urbanRural.length) sheet.widths[1] = Math.max(sheet.widths[1] ?? 0, 46);
  for (const ur of county.urbanRural) {
    sheet.addRow([]);
    const t = sheet.addRow([{ v: `${LEVEL_NAMES[ur.level]}：城区、镇区、乡村（各类学校合计值 = 资源总量 ÷ 在校生）`, s: TITLE }], { height: 22 });
    sheet.mergeAcross(t, 1, 6);
    sheet.addRow(['学段', '指标', '城区', '镇区', '乡村', '乡村÷城区'].map((v) => ({ v, s: HEADER })), { height: 20 });
    for (const i of inds)
      sheet.addRow(
        [
          LEVEL_NAMES[ur.level],
          i.name,
          ...(['城区', '镇区', '乡村'] as const).map((a) => ur.areas[a]?.values[i.id] ?? null),
          ur.ruralToUrban[i.id] ?? null,
        ].map((v, k): CellSpec => ({ v, s: { border: true, ...(k >= 2 ? { numFmt: k === 5 ? '0.00' : i.unit === '元' ? NUM.money : NUM.ratio } : {}) } })),
      );
  }
  return sheet;
}

// ── 概览 ──
