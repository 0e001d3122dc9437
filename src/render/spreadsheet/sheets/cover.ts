/** 封面: the report's title, the cover block (县, 数据年度, 来源, 依据, lines to sign) and the list of 附表 with links. */
import { dataYear, type CountyReport, type Report } from '../../../report/model';
import { coverRows, reportTitle, type Exhibit } from '../../exhibits';
import { SheetBuilder } from '../sheet';
import { HEADER } from '../table';
import { ref } from './common';

export function coverSheet(
  report: Report,
  county: CountyReport,
  name: string,
  exhibits: readonly (Exhibit & { sheet: string | null })[],
): SheetBuilder {
  const sheet = new SheetBuilder(name);
  sheet.landscape = false;
  sheet.pagesTall = 1;
  sheet.widths = [14, 52, 26];
  const title = sheet.addRow(
    [{ v: reportTitle(report, county), s: { bold: true, size: 16, align: 'center', valign: 'middle', wrap: true } }],
    { height: 48 },
  );
  sheet.mergeAcross(title, 1, 3);
  sheet.addRow([]);
  const cell = { border: true, valign: 'middle' as const, wrap: true };
  for (const [k, v] of coverRows(report, county, dataYear(report.input))) {
    const r = sheet.addRow(
      [
        { v: k, s: { ...cell, bold: true } },
        { v: v || null, s: cell },
        { v: null, s: cell },
      ],
      { height: 24 },
    );
    sheet.mergeAcross(r, 2, 3);
  }
  sheet.addRow([]);
  const head = sheet.addRow([{ v: '附表目录', s: { bold: true, size: 13 } }], { height: 22 });
  sheet.mergeAcross(head, 1, 3);
  sheet.addRow(['附表', '名称', '工作表'].map((v) => ({ v, s: HEADER })));
  for (const e of exhibits)
    sheet.addRow([
      { v: `附表${e.no}`, s: { ...cell, align: 'center' } },
      { v: e.title, s: cell },
      e.sheet
        ? { v: e.sheet, s: { ...cell, color: 'FF0563C1', underline: true }, link: ref(e.sheet, 'A1') }
        : { v: '（见 Markdown 报告）', s: cell },
    ]);
  return sheet;
}
