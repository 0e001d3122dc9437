/** 各县汇总: the province table, one row per county and level. */
import { columnLetters } from '../../../common/a1';
import { LEVEL_NAMES } from '../../../engine/types';
import { type CountyReport, type Report } from '../../../report/model';
import { levelReasons, provinceCountSentence, provinceRow } from '../../prose';
import { SheetBuilder, type CellInput } from '../sheet';
import { paragraph, table, type Column } from '../table';
import { COLOUR, NUM, CENTER, BAD_LOOK, PASS, FAIL, LEVEL_COLUMN } from './common';

export function provinceSheet(report: Report, counties: readonly CountyReport[]): SheetBuilder {
  const sheet = new SheetBuilder('各县汇总');
  const inds = report.profile.indicators;
  const mean = report.profile.cv.rule === 'mean';
  const withCompliance = report.profile.compliance !== null;
  const columns: Column[] = [
    LEVEL_COLUMN,
    { header: '区县' },
    { header: '学校', numFmt: NUM.int, width: 6 },
    { header: '在校生', numFmt: NUM.int },
    ...inds.flatMap((i): Column[] => [
      { header: `${i.short}\n全县平均值`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 10 },
      { header: '差异\n系数', numFmt: NUM.cv, width: 7 },
    ]),
    { header: mean ? '综合\n差异系数' : '差异系数\n达标项', numFmt: mean ? NUM.cv : '0', width: 9 },
    ...(withCompliance ? [{ header: '达标\n学校', numFmt: NUM.int, width: 7 }] : []),
    { header: '结论', width: 8 },
    { header: '原因', width: 40 },
  ];
  const rows: CellInput[][] = [];
  for (const level of ['primary', 'junior'] as const)
    for (const c of counties) {
      const r = provinceRow(report, c, level);
      if (!r) continue;
      rows.push([
        LEVEL_NAMES[level],
        r.pass ? r.county : { v: r.county, s: { bold: true, color: COLOUR.badText } },
        r.schools,
        r.students,
        ...r.indicators.flatMap((x): CellInput[] => [x.mean, x.cv ?? '—']),
        mean ? (r.composite ?? '—') : r.cvsPassed,
        ...(withCompliance ? [r.compliant] : []),
        { v: r.pass ? PASS : FAIL, s: CENTER },
        r.pass
          ? ''
          : levelReasons(
              report,
              c.levels.find((l) => l.level === level)!,
            ),
      ]);
    }
  // A short title (the table prints several pages wide); the counts and the note under the table, within the first page's width.
  table(
    sheet,
    `各县（市、区）${report.profile.verdictName}资源配置汇总：全县平均值与差异系数（未达标的在前）`,
    columns,
    rows,
  );
  if (rows.length) {
    const verdictCol = columnLetters(columns.length - 2);
    sheet.highlights.push({ range: `${verdictCol}3:${verdictCol}${sheet.rowCount}`, text: FAIL, style: BAD_LOOK });
  }
  let across = 0;
  for (let w = 0; across < sheet.widths.length && w + sheet.widths[across]! <= 100; across++)
    w += sheet.widths[across]!;
  sheet.addRow([]);
  paragraph(sheet, provinceCountSentence(report, counties), Math.max(1, across));
  if (!report.detail)
    paragraph(
      sheet,
      '县数较多，此处只列汇总表；各县明细请用 balance-check 文件 --county 县名 分别生成（JSON 报告含全部明细）。',
      Math.max(1, across),
    );
  return sheet;
}

// ── 学区与城乡 ──
