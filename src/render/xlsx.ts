/** The Excel report users open: one sheet per question, print-ready, same numbers as every other format. */
import ExcelJS from 'exceljs';
import type { SectionResult } from '../engine/compliance';
import { LEVEL_NAMES } from '../engine/types';
import { sectionLabel, type CountyReport, type Report } from '../report/model';
import { displayWidth } from './format';
import { countyTitle, gapSentence, levelVerdict } from './prose';
import { normaliseZipTimestamps } from './zip';

/** Document properties carry dates; a fixed one keeps reruns byte-identical. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const FILL = {
  header: 'FFD9E1F2',
  ok: 'FFE2EFDA',
  bad: 'FFFCE4D6',
  warn: 'FFFFF2CC',
  title: 'FFFFFFFF',
} as const;

const NUM = { int: '#,##0', money: '#,##0', area: '#,##0.0', ratio: '0.00', cv: '0.000', pct: '0.00%' } as const;

interface Column {
  header: string;
  numFmt?: string;
  /** Fixed width; otherwise fitted to the content. */
  width?: number;
}

type CellInput = ExcelJS.CellValue;

export async function renderXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'balance-check';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const county of report.counties) {
    const prefix = report.counties.length > 1 ? `${county.county ?? ''}-` : '';
    overviewSheet(wb, report, county, prefix);
    complianceSheet(wb, report, county, prefix);
    cvSheet(wb, report, county, prefix);
    shortfallSheet(wb, report, county, prefix);
  }
  issuesSheet(wb, report);
  for (const county of report.counties) dataSheet(wb, report, county, report.counties.length > 1 ? `${county.county ?? ''}-` : '');
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return normaliseZipTimestamps(buffer);
}

function newSheet(wb: ExcelJS.Workbook, name: string, headerRows: number): ExcelJS.Worksheet {
  return wb.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRows}:${headerRows}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A titled table: title row, header row (frozen, repeated when printing), data rows with formats and borders. */
function writeTable(ws: ExcelJS.Worksheet, title: string, columns: readonly Column[], rows: readonly CellInput[][]) {
  const titleRow = ws.addRow([title]);
  titleRow.font = { bold: true, size: 13 };
  titleRow.height = 22;
  ws.mergeCells(titleRow.number, 1, titleRow.number, columns.length);
  const header = ws.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = fill(FILL.header);
    cell.border = thin;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const values of rows) {
    const row = ws.addRow(values);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = thin;
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = { vertical: 'middle', wrapText: typeof cell.value === 'string' && displayWidth(cell.value) > 40 };
    });
  }
  fitWidths(ws, columns, rows);
}

function fitWidths(ws: ExcelJS.Worksheet, columns: readonly Column[], rows: readonly CellInput[][]) {
  columns.forEach((c, i) => {
    const contentWidth = Math.max(
      ...c.header.split('\n').map((h) => displayWidth(h) * 0.6 + 2),
      ...rows.map((r) => displayText(r[i], c.numFmt) + 2),
    );
    ws.getColumn(i + 1).width = c.width ?? Math.min(42, Math.max(6, contentWidth));
  });
}

function displayText(v: CellInput | undefined, numFmt?: string): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') {
    const decimals = numFmt?.includes('.') ? numFmt.split('.')[1]!.replace(/[^0]/g, '').length : 0;
    return v.toFixed(decimals).length + Math.floor(Math.abs(v) >= 1000 ? Math.log10(Math.abs(v)) / 3 : 0) + 1;
  }
  if (typeof v === 'object' && 'text' in v) return displayWidth(String(v.text));
  return Math.min(displayWidth(String(v)), 42);
}

const markCell = (ok: boolean) => (ok ? '✓' : '✗');

function colourMarks(ws: ExcelJS.Worksheet) {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === '✓' || cell.value === '达标') cell.fill = fill(FILL.ok);
      if (cell.value === '✗' || cell.value === '未达标') {
        cell.fill = fill(FILL.bad);
        cell.font = { bold: true, color: { argb: 'FFC00000' } };
      }
      if (cell.value === '✓' || cell.value === '✗') cell.alignment = { horizontal: 'center', vertical: 'middle' };
    }),
  );
}

function overviewSheet(wb: ExcelJS.Workbook, report: Report, county: CountyReport, prefix: string) {
  const ws = newSheet(wb, `${prefix}概览`, 3);
  const title = `${countyTitle(county, report)} 义务教育优质均衡 资源配置测算（${report.profile.name}）`;
  writeTable(
    ws,
    title,
    [
      { header: '学段' },
      { header: '参与计算学校（学段）', numFmt: NUM.int },
      { header: '在校生', numFmt: NUM.int },
      { header: '达标学校', numFmt: NUM.int },
      { header: '差异系数达标项', width: 16 },
      { header: '结论', width: 14 },
    ],
    county.levels.map((l) => [
      LEVEL_NAMES[l.level],
      l.result.schoolCount,
      l.result.students,
      l.result.compliantSchools,
      `${report.profile.indicators.length - l.failingCvs.length}/${report.profile.indicators.length}`,
      l.result.pass ? '达标' : '未达标',
    ]),
  );
  const paragraph = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, 6);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).font = { bold };
    row.height = Math.max(18, Math.ceil(displayWidth(text) / 95) * 16);
  };
  ws.addRow([]);
  paragraph('结论', true);
  for (const l of county.levels) paragraph(`全县${levelVerdict(report, l)}`);
  ws.addRow([]);
  paragraph('校际差异系数', true);
  for (const l of county.levels) {
    const failing = l.failingCvs.map((s) => report.profile.indicators.find((i) => i.id === s.id)!.name);
    paragraph(
      `${LEVEL_NAMES[l.level]}：${failing.length === 0 ? '7项均达标' : `未达标 ${failing.join('、')}`}` +
        (l.borderlineCvs.length ? `；临界 ${l.borderlineCvs.length} 项` : '') +
        '（明细见“差异系数”表）',
    );
  }
  ws.addRow([]);
  paragraph('最大缺口', true);
  if (county.gaps.length === 0) paragraph('各校7项指标均达到标准。');
  for (const g of county.gaps.slice(0, 3)) paragraph(gapSentence(g));
  ws.addRow([]);
  const counts = report.issueCounts;
  const link = ws.addRow([
    {
      text: `数据问题：错误 ${counts.error} 个，警告 ${counts.warning} 个，说明 ${counts.info} 条 → 查看“数据问题”表`,
      hyperlink: "#'数据问题'!A1",
    },
  ]);
  ws.mergeCells(link.number, 1, link.number, 6);
  link.getCell(1).font = { color: { argb: 'FF0563C1' }, underline: true };
  colourMarks(ws);
}

function complianceSheet(wb: ExcelJS.Workbook, report: Report, county: CountyReport, prefix: string) {
  const ws = newSheet(wb, `${prefix}学校达标`, 2);
  const inds = report.profile.indicators;
  const columns: Column[] = [
    { header: '学段' },
    { header: '学校' },
    { header: '类型' },
    { header: '在校生', numFmt: NUM.int },
    ...inds.flatMap((i): Column[] => [
      { header: `${i.short}\n（${i.unit}）`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 11 },
      { header: '', width: 3.5 },
    ]),
    { header: '达标项数', width: 9 },
    { header: '是否达标', width: 9 },
  ];
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s) => [
      LEVEL_NAMES[l.level],
      sectionLabel(s),
      s.section.school.type,
      s.section.students,
      ...inds.flatMap((i) => [s.values[i.id]!, markCell(s.met[i.id]!)]),
      `${s.metCount}/${inds.length}`,
      s.compliant ? '达标' : '未达标',
    ]),
  );
  writeTable(ws, '学校达标情况（✓ 达到标准，✗ 未达到）', columns, rows);
  const standards = ws.addRow([
    '标准',
    '',
    '',
    '',
    ...inds.flatMap((i) => [county.levels.map((l) => `${LEVEL_NAMES[l.level]}${i.standard?.[l.level] ?? '—'}`).join(' / '), '']),
  ]);
  standards.font = { italic: true, color: { argb: 'FF595959' } };
  colourMarks(ws);
}

function cvSheet(wb: ExcelJS.Workbook, report: Report, county: CountyReport, prefix: string) {
  const ws = newSheet(wb, `${prefix}差异系数`, 2);
  const rows = county.levels.flatMap((l) =>
    report.profile.indicators.map((ind) => {
      const s = l.result.indicators[ind.id]!;
      return [
        LEVEL_NAMES[l.level],
        ind.name,
        s.total,
        s.students,
        s.mean,
        s.sd,
        s.cv,
        s.cvThreshold,
        s.cvPass ? '达标' : '未达标',
        s.borderline ? '临界' : '',
      ];
    }),
  );
  writeTable(
    ws,
    '校际差异系数（按学生数加权：CV = S / X̄）',
    [
      { header: '学段' },
      { header: '指标' },
      { header: '县域总量', numFmt: NUM.area },
      { header: '在校生', numFmt: NUM.int },
      { header: '县域均值', numFmt: '#,##0.00' },
      { header: '标准差 S', numFmt: '#,##0.000' },
      { header: '差异系数', numFmt: NUM.cv },
      { header: '阈值', numFmt: '0.00' },
      { header: '是否达标' },
      { header: '临界' },
    ],
    rows,
  );
  colourMarks(ws);
}

function shortfallSheet(wb: ExcelJS.Workbook, report: Report, county: CountyReport, prefix: string) {
  const ws = newSheet(wb, `${prefix}缺口测算`, 2);
  const inds = report.profile.indicators;
  const fmtOf = (unit: string) => (unit === '㎡' ? NUM.area : NUM.int);
  const amounts = (s: SectionResult['shortfall']) => inds.map((i) => s[i.id]! || null);
  const rows: CellInput[][] = [];
  for (const l of county.levels) {
    for (const s of l.sections.filter((x) => inds.some((i) => x.shortfall[i.id]! > 0)))
      rows.push([LEVEL_NAMES[l.level], sectionLabel(s), s.section.students, ...amounts(s.shortfall)]);
    rows.push([LEVEL_NAMES[l.level], '合计：达到标准', l.result.students, ...amounts(l.result.shortfallTotals.toStandard)]);
    rows.push([LEVEL_NAMES[l.level], '合计：使各校达标', l.result.students, ...amounts(l.result.shortfallTotals.toCompliance)]);
  }
  writeTable(
    ws,
    '缺口测算（达到标准所需增加的数量；教师、教室按整数向上取整）',
    [
      { header: '学段' },
      { header: '学校' },
      { header: '在校生', numFmt: NUM.int },
      ...inds.map((i): Column => ({ header: `${i.short}\n（${i.shortfallUnit}）`, numFmt: fmtOf(i.shortfallUnit), width: 12 })),
    ],
    rows,
  );
  ws.eachRow((row) => {
    if (String(row.getCell(2).value).startsWith('合计')) row.eachCell((c) => (c.font = { bold: true }));
  });
}

function issuesSheet(wb: ExcelJS.Workbook, report: Report) {
  const ws = newSheet(wb, '数据问题', 2);
  const label = { error: '错误', warning: '警告', info: '说明' } as const;
  writeTable(
    ws,
    `数据问题（错误 ${report.issueCounts.error}，警告 ${report.issueCounts.warning}，说明 ${report.issueCounts.info}）`,
    [
      { header: '级别', width: 6 },
      { header: '代码' },
      { header: '位置' },
      { header: '学校' },
      { header: '列' },
      { header: '说明', width: 70 },
    ],
    report.issues.map((i) => [
      label[i.severity],
      i.code,
      i.cell ? `${i.sheet}!${i.cell}` : i.row ? `${i.sheet} 第${i.row}行` : (i.sheet ?? ''),
      i.school ?? '',
      i.column ?? '',
      i.message,
    ]),
  );
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const sev = row.getCell(1).value;
    if (sev === '错误') row.getCell(1).fill = fill(FILL.bad);
    if (sev === '警告') row.getCell(1).fill = fill(FILL.warn);
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  });
}

function dataSheet(wb: ExcelJS.Workbook, report: Report, county: CountyReport, prefix: string) {
  const ws = newSheet(wb, `${prefix}计算数据`, 2);
  const inds = report.profile.indicators;
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s) => [
      LEVEL_NAMES[l.level],
      sectionLabel(s),
      s.section.school.type,
      s.section.school.ownership,
      s.section.school.source.row,
      s.section.students,
      s.section.split?.teacherShare ?? null,
      s.section.split?.facilityShare ?? null,
      ...inds.map((i) => s.section.amounts[i.numerator] ?? null),
      ...inds.map((i) => s.values[i.id]!),
    ]),
  );
  writeTable(
    ws,
    '计算数据：各校（学段）在校生与资源量（一贯制学校已拆分）及7项指标值',
    [
      { header: '学段' },
      { header: '学校' },
      { header: '类型' },
      { header: '办学性质' },
      { header: '原表行', numFmt: '0' },
      { header: '在校生', numFmt: NUM.int },
      { header: '教师\n拆分比例', numFmt: NUM.pct },
      { header: '设施\n拆分比例', numFmt: NUM.pct },
      ...inds.map((i): Column => ({ header: `${i.short}\n数量`, numFmt: i.countable ? '#,##0.##' : NUM.area, width: 11 })),
      ...inds.map((i): Column => ({ header: `${i.short}\n指标值`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 11 })),
    ],
    rows,
  );
}
