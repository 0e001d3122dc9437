/** 政府保障与教育质量: the 15 + 9 + 1 county items, with the county's own 自评 beside. */
import { type CountyReport } from '../../../report/model';
import { claimText, DIMENSION_LABEL, itemCellText, itemStandardText, schoolItemText } from '../../prose';
import { SheetBuilder, type CellInput } from '../sheet';
import { linesHeight, table, wrappedLines } from '../table';
import { CENTER, colourStatuses, statusCell } from './common';
import { maxOf } from '../../../common/lookup';

/**
 * Schools named in an item's cell, then “等N所”: a printed row cannot run past its page (LibreOffice
 * and Excel cut it there), and a county whose table lacks the class columns would list every school
 * in three rows several pages tall. Every school's own figures are on 学校规模班额与专用教室.
 */
const LISTED_SCHOOLS = 30;

export function guaranteeSheet(county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  // The county's own 是否达标, when its sheet has one: beside each item, with what contradicts it.
  const claims = county.checklist.some((c) => c.claim);
  const wrapTop = { border: true, wrap: true, valign: 'top' } as const;
  table(
    sheet,
    '政府保障程度、教育质量、社会认可度逐项结论（政府保障程度15项、教育质量9项、社会认可度1项）',
    // With the two claim columns the others narrow, so that the whole row — the item, its 结论 and the
    // 自评 — prints on one page across (PAGE_UNITS.landscape, 140 units) at a readable size.
    [
      { header: '维度', width: claims ? 10 : 12 },
      { header: '序号', width: 5 },
      { header: '指标', width: claims ? 34 : 46 },
      { header: '数值', width: claims ? 30 : 40 },
      { header: '标准', width: claims ? 20 : 28 },
      { header: '结论', width: 8 },
      ...(claims
        ? [
            { header: '自评', width: 7 },
            { header: '自评与测算不一致之处', width: 26 },
          ]
        : []),
    ],
    county.checklist.map((c): CellInput[] => [
      DIMENSION_LABEL[c.item.dimension],
      c.item.number,
      { v: c.item.name, s: wrapTop },
      { v: c.schools ? schoolItemText(c, LISTED_SCHOOLS) : itemCellText(c), s: wrapTop },
      { v: c.schools ? '各校均达到' : itemStandardText(c), s: wrapTop },
      statusCell(c.status),
      ...(claims
        ? [
            { v: c.claim ? (c.claim.met ? '达标' : '未达标') : '—', s: CENTER },
            { v: c.claim?.disagreement ? claimText(c.claim.disagreement) : '', s: wrapTop },
          ]
        : []),
    ]),
  );
  for (const row of sheet.rows.slice(sheet.headerRows)) {
    const lines = maxOf(
      [2, 3, 4, ...(claims ? [7] : [])].map((i) => wrappedLines(String(row.cells[i]?.v ?? ''), sheet.widths[i]!)),
    );
    if (lines > 1) row.height = linesHeight(lines);
  }
  const end = sheet.rowCount;
  colourStatuses(sheet, `F3:F${end}`);
  return sheet;
}
