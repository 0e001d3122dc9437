/**
 * `balance-check scenario` as Excel: 方案比较 (the input and every alternative side by side),
 * 调整明细 (each change row and what it did), then for the input and each alternative its school
 * table as changed (计算数据) and its CVs as live formulas over it — the main report's sheet writers.
 */
import type { ScenarioModel } from '../report/scenario';
import { WorkbookWriter } from './spreadsheet/book';
import type { CellInput } from './spreadsheet/sheet';
import { sheetName } from './spreadsheet/sheets/common';
import { cvSheet } from './spreadsheet/sheets/cv';
import { dataLayout, dataSheet } from './spreadsheet/sheets/data';
import { standardsSheet } from './spreadsheet/sheets/standards';
import { linesHeight, paragraph, simpleSheet, table, wrappedLines } from './spreadsheet/table';
import { SheetBuilder } from './spreadsheet/sheet';
import { maxOf } from '../common/lookup';
import {
  betterText,
  cellText,
  changeCellText,
  contributionText,
  SCENARIO_TITLE,
  shownImproved,
  thresholdText,
} from './scenario-text';

export async function renderScenarioXlsx(model: ScenarioModel): Promise<Buffer> {
  const book = new WorkbookWriter();
  const alts = model.columns.slice(1);
  const many = model.counties.length > 1;
  const rows: CellInput[][] = model.counties.flatMap((county) =>
    county.metrics.map((m): CellInput[] => [
      ...(many ? [county.label] : []),
      m.part,
      m.label,
      thresholdText(m) || betterText(m),
      ...model.columns.map((_, k) => {
        const v = m.values[k];
        // CVs and ratios as numbers (sortable, comparable); counts and statuses as the text shown.
        return typeof v === 'number' && (m.kind === 'cv' || m.kind === 'ratio')
          ? {
              v,
              s:
                m.passes?.[k] === false
                  ? { fill: 'FFFCE4D6', numFmt: '0.000' }
                  : { numFmt: m.kind === 'cv' ? '0.000' : '0.00' },
            }
          : cellText(m, k);
      }),
      ...alts.map((_, k) => {
        const improved = shownImproved(m, k + 1);
        const text = changeCellText(m, k + 1) || '—';
        return improved === true
          ? { v: text, s: { fill: 'FFE2EFDA' } }
          : improved === false
            ? { v: text, s: { fill: 'FFFCE4D6' } }
            : text;
      }),
    ]),
  );
  await book.add(
    simpleSheet({
      name: '方案比较',
      title: `${SCENARIO_TITLE}：现状与各方案（变化 = 方案 − 现状；绿色改善，红色变差）`,
      columns: [
        ...(many ? [{ header: '区县' }] : []),
        // 部分 and 项目 wide enough for their words (政府保障程度（学校逐校判定的项目）, the 体育、艺术 teachers), one page
        // wide with two alternatives (140 width units print on a landscape page).
        { header: '部分', width: 30 },
        { header: '项目', width: 40 },
        { header: '标准', width: 8 },
        ...model.columns.map((c) => ({ header: c, width: 10 })),
        ...alts.map((a) => ({ header: `变化（${a}）`, width: 14 })),
      ],
      rows,
    }),
  );
  await book.add(changesSheet(model));
  const standards = standardsSheet(model.profile);
  await book.add(standards.sheet);
  const reports = [{ name: model.columns[0]!, report: model.baseline }, ...model.alternatives];
  const used = new Set(['方案比较', '调整明细', '标准']);
  /** A sheet name of at most 31 characters, unique in the workbook: two alternatives' names may begin alike. */
  const unique = (prefix: string, suffix: string) => {
    for (let n = 1; ; n++) {
      const tag = n === 1 ? '' : `(${n})`;
      const name = sheetName(`${prefix.slice(0, 31 - suffix.length - tag.length - 1)}${tag}-${suffix}`);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  for (const { name, report } of reports)
    for (const county of report.detail ? report.counties : []) {
      const prefix = `${name}${many ? `-${county.county ?? ''}` : ''}`;
      const layout = dataLayout(report, county, unique(prefix, '计算数据'), standards);
      // Printed, a page says whose table it is: the title (and the running header) names the column.
      await book.add(titled(prefix, dataSheet(report, county, layout)));
      await book.add(titled(prefix, cvSheet(report, county, layout, unique(prefix, '差异系数')).sheet));
    }
  return book.toBuffer();
}

/** 调整明细: each alternative's rows in order and what each did, then what each operation means; long texts wrapped. */
function changesSheet(model: ScenarioModel): SheetBuilder {
  const sheet = new SheetBuilder('调整明细');
  const wrap = { wrap: true, valign: 'top' } as const;
  const columns = [
    { header: '方案', width: 16 },
    { header: '方案表行', width: 7 },
    { header: '调整', width: 30 },
    { header: '说明', width: 24 },
    { header: '投入（元）', width: 12, numFmt: '#,##0' },
    { header: '作用（本方案差异系数 − 去掉该行后的差异系数；负为改善）', width: 46 },
  ];
  const rows = model.alternatives.flatMap((a) =>
    a.changes.map((r): CellInput[] => [
      { v: a.name, s: wrap },
      { v: r.change.row, s: wrap },
      { v: r.text, s: wrap },
      { v: r.change.note, s: wrap },
      r.cost,
      { v: r.contributions ? contributionText(r.contributions) : (r.reason ?? ''), s: wrap },
    ]),
  );
  table(sheet, '各方案的调整（每个方案从现状出发，按行顺序执行）及各行的作用', columns, rows);
  const first = sheet.rowCount - rows.length;
  rows.forEach((r, i) => {
    const lines = maxOf(
      r.map((c, k) => {
        const v = c !== null && typeof c === 'object' ? c.v : c;
        return typeof v === 'string' ? wrappedLines(v, columns[k]!.width) : 1;
      }),
      1,
    );
    sheet.rows[first + i]!.height = linesHeight(lines);
  });
  sheet.addRow([]);
  for (const m of model.meanings) paragraph(sheet, m, columns.length, { size: 10 });
  sheet.widths = columns.map((c) => c.width);
  return sheet;
}

/** The sheet's title row begun with whose table it is (现状, or the alternative's name). */
function titled(whose: string, sheet: SheetBuilder): SheetBuilder {
  const title = sheet.rows[0]?.cells[0];
  if (title && typeof title.v === 'string') title.v = `${whose}　${title.v}`;
  return sheet;
}
