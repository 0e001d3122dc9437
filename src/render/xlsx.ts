/** The Excel report users open: one sheet per question, print-ready, the same numbers as every other format. */
import type { SectionResult } from '../engine/compliance';
import { LEVEL_NAMES } from '../engine/types';
import { sectionLabel, type CountyReport, type Report } from '../report/model';
import { displayWidth } from './format';
import { gapSentence, levelVerdict, schoolsSentence } from './prose';
import { writeWorkbook } from './spreadsheet/book';
import { SheetBuilder, type CellInput, type CellSpec } from './spreadsheet/sheet';
import type { Style } from './spreadsheet/styles';

const COLOUR = { header: 'FFD9E1F2', ok: 'FFE2EFDA', bad: 'FFFCE4D6', warn: 'FFFFF2CC', badText: 'FFC00000', link: 'FF0563C1', grey: 'FF595959' } as const;
const NUM = { int: '#,##0', money: '#,##0', area: '#,##0.0', ratio: '0.00', cv: '0.000', pct: '0.00%', amount: '#,##0.##' } as const;

const HEADER: Style = { bold: true, fill: COLOUR.header, border: true, align: 'center', valign: 'middle', wrap: true };
const TITLE: Style = { bold: true, size: 13 };

interface Column {
  header: string;
  numFmt?: string;
  /** Fixed width; otherwise fitted to the content. */
  width?: number;
}

export async function renderXlsx(report: Report): Promise<Buffer> {
  const sheets: SheetBuilder[] = [];
  const many = report.counties.length > 1;
  for (const county of report.counties) {
    const prefix = many ? `${county.county ?? ''}-` : '';
    sheets.push(overviewSheet(report, county, prefix), complianceSheet(report, county, prefix), cvSheet(report, county, prefix), shortfallSheet(report, county, prefix));
  }
  sheets.push(issuesSheet(report));
  for (const county of report.counties) sheets.push(dataSheet(report, county, many ? `${county.county ?? ''}-` : ''));
  return writeWorkbook(sheets);
}

const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, '').slice(0, 31);

/** Met / not met: colour and a symbol, so black-and-white prints still show it. */
const mark = (ok: boolean): CellSpec =>
  ok
    ? { v: '✓', s: { border: true, align: 'center', fill: COLOUR.ok } }
    : { v: '✗', s: { border: true, align: 'center', fill: COLOUR.bad, bold: true, color: COLOUR.badText } };
const verdict = (ok: boolean): CellSpec =>
  ok
    ? { v: '达标', s: { border: true, align: 'center', fill: COLOUR.ok } }
    : { v: '未达标', s: { border: true, align: 'center', fill: COLOUR.bad, bold: true, color: COLOUR.badText } };

/** Title row, header row (frozen, repeated on printed pages), then data rows with borders and number formats. */
function table(sheet: SheetBuilder, title: string, columns: readonly Column[], rows: readonly CellInput[][]) {
  const t = sheet.addRow([{ v: title, s: TITLE }], { height: 22 });
  sheet.mergeAcross(t, 1, columns.length);
  sheet.addRow(columns.map((c) => ({ v: c.header, s: HEADER })), { height: columns.some((c) => c.header.includes('\n')) ? 32 : 20 });
  sheet.headerRows = sheet.rowCount;
  for (const row of rows)
    sheet.addRow(
      row.map((cell, i) => {
        const spec: CellSpec = cell !== null && typeof cell === 'object' ? cell : { v: cell };
        const numFmt = columns[i]?.numFmt;
        return { ...spec, s: { border: true, valign: 'middle', ...(numFmt ? { numFmt } : {}), ...spec.s } };
      }),
    );
  sheet.widths = columns.map((c, i) => c.width ?? fitWidth(c, rows.map((r) => r[i] ?? null)));
}

function fitWidth(column: Column, values: readonly CellInput[]): number {
  const header = Math.max(...column.header.split('\n').map((h) => displayWidth(h) * 1.1 + 2));
  const content = values.map((v) => {
    const x = v !== null && typeof v === 'object' ? (v.v ?? null) : v;
    if (typeof x === 'number') return formattedLength(x, column.numFmt) + 2;
    return typeof x === 'string' ? displayWidth(x) * 1.1 + 2 : 0;
  });
  return Math.min(44, Math.max(6, header, ...content));
}

function formattedLength(x: number, numFmt = ''): number {
  const decimals = numFmt.includes('.') ? numFmt.split('.')[1]!.length : 0;
  const digits = Math.round(Math.abs(x)).toString().length;
  return digits + Math.floor((digits - 1) / 3) + (decimals ? decimals + 1 : 0) + (x < 0 ? 1 : 0);
}

function paragraph(sheet: SheetBuilder, text: string, columns: number, style: Style = {}) {
  const lines = Math.max(1, Math.ceil(displayWidth(text) / 100));
  const row = sheet.addRow([{ v: text, s: { wrap: true, valign: 'top', ...style } }], { height: 16 * lines + 4 });
  sheet.mergeAcross(row, 1, columns);
}

function overviewSheet(report: Report, county: CountyReport, prefix: string): SheetBuilder {
  const sheet = new SheetBuilder(sheetName(`${prefix}概览`));
  const n = report.profile.indicators.length;
  table(
    sheet,
    `${county.label} 义务教育优质均衡 资源配置测算`,
    [
      { header: '学段', width: 10 },
      { header: '参与计算学校（学段）', numFmt: NUM.int, width: 20 },
      { header: '在校生', numFmt: NUM.int, width: 12 },
      { header: '达标学校', numFmt: NUM.int, width: 12 },
      { header: '差异系数达标项', width: 16 },
      { header: '资源配置结论', width: 30 },
    ],
    county.levels.map((l) => [
      LEVEL_NAMES[l.level],
      l.result.schoolCount,
      l.result.students,
      l.result.compliantSchools,
      `${n - l.failingCvs.length}/${n}`,
      verdict(l.result.pass),
    ]),
  );
  const width = 6;
  const heading = (text: string) => paragraph(sheet, text, width, { bold: true });
  sheet.addRow([]);
  heading('结论');
  for (const l of county.levels) paragraph(sheet, `全县${levelVerdict(report, l)}`, width);
  paragraph(sheet, `按学校计，${schoolsSentence(county)}`, width);
  sheet.addRow([]);
  heading('校际差异系数');
  for (const l of county.levels) {
    const failing = l.failingCvs.map((s) => report.profile.indicators.find((i) => i.id === s.id)!.name);
    paragraph(
      sheet,
      `${LEVEL_NAMES[l.level]}：${failing.length === 0 ? `${n}项均达标` : `未达标 ${failing.join('、')}`}` +
        (l.borderlineCvs.length ? `；临界 ${l.borderlineCvs.length} 项` : '') +
        '（明细见“差异系数”表）',
      width,
    );
  }
  sheet.addRow([]);
  heading('最大缺口');
  if (county.gaps.length === 0) paragraph(sheet, `各校${n}项指标均达到标准。`, width);
  for (const g of county.gaps.slice(0, 3)) paragraph(sheet, gapSentence(g), width);
  sheet.addRow([]);
  const c = report.issueCounts;
  const link = sheet.addRow([
    {
      v: `数据问题：错误 ${c.error} 个，警告 ${c.warning} 个，说明 ${c.info} 条 → 查看“数据问题”表`,
      s: { color: COLOUR.link, underline: true },
      link: "'数据问题'!A1",
    },
  ]);
  sheet.mergeAcross(link, 1, width);
  return sheet;
}

function complianceSheet(report: Report, county: CountyReport, prefix: string): SheetBuilder {
  const sheet = new SheetBuilder(sheetName(`${prefix}学校达标`));
  const inds = report.profile.indicators;
  const columns: Column[] = [
    { header: '学段', width: 6 },
    { header: '学校' },
    { header: '类型' },
    { header: '在校生', numFmt: NUM.int },
    ...inds.flatMap((i): Column[] => [
      { header: `${i.short}\n（${i.unit}）`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 10 },
      { header: '', width: 3.5 },
    ]),
    { header: '达标\n项数', width: 7 },
    { header: '是否\n达标', width: 8 },
  ];
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s): CellInput[] => [
      LEVEL_NAMES[l.level],
      sectionLabel(s),
      s.section.school.type,
      s.section.students,
      ...inds.flatMap((i) => [s.values[i.id]!, mark(s.met[i.id]!)]),
      `${s.metCount}/${inds.length}`,
      verdict(s.compliant),
    ]),
  );
  table(sheet, '学校达标情况（✓ 达到标准，✗ 未达到；每校至少6项达标、余项不低于标准的85%为达标）', columns, rows);
  for (const l of county.levels)
    sheet.addRow(['', `${LEVEL_NAMES[l.level]}标准`, '', '', ...inds.flatMap((i) => [i.standard?.[l.level] ?? null, null])], {
      style: { italic: true, color: COLOUR.grey, numFmt: NUM.amount },
    });
  return sheet;
}

function cvSheet(report: Report, county: CountyReport, prefix: string): SheetBuilder {
  const sheet = new SheetBuilder(sheetName(`${prefix}差异系数`));
  const rows = county.levels.flatMap((l) =>
    report.profile.indicators.map((ind): CellInput[] => {
      const s = l.result.indicators[ind.id]!;
      return [LEVEL_NAMES[l.level], ind.name, s.total, s.students, s.mean, s.sd, s.cv, s.cvThreshold, verdict(s.cvPass), s.borderline ? '临界' : ''];
    }),
  );
  table(
    sheet,
    '校际差异系数（按学生数加权：X̄ = ΣPᵢXᵢ/N，S = √(ΣPᵢ(Xᵢ−X̄)²/N)，CV = S/X̄）',
    [
      { header: '学段', width: 6 },
      { header: '指标' },
      { header: '县域总量', numFmt: NUM.area },
      { header: '在校生', numFmt: NUM.int },
      { header: '县域均值', numFmt: '#,##0.00' },
      { header: '标准差 S', numFmt: '#,##0.000' },
      { header: '差异系数', numFmt: NUM.cv },
      { header: '阈值', numFmt: '0.00' },
      { header: '是否达标', width: 9 },
      { header: '临界', width: 6 },
    ],
    rows,
  );
  return sheet;
}

function shortfallSheet(report: Report, county: CountyReport, prefix: string): SheetBuilder {
  const sheet = new SheetBuilder(sheetName(`${prefix}缺口测算`));
  const inds = report.profile.indicators;
  const amounts = (s: SectionResult['shortfall'], style?: Style) => inds.map((i): CellInput => ({ v: s[i.id]! || null, ...(style ? { s: style } : {}) }));
  const rows: CellInput[][] = [];
  for (const l of county.levels) {
    for (const s of l.sections.filter((x) => inds.some((i) => x.shortfall[i.id]! > 0)))
      rows.push([LEVEL_NAMES[l.level], sectionLabel(s), s.section.students, ...amounts(s.shortfall)]);
    const bold: Style = { bold: true, border: true };
    rows.push([LEVEL_NAMES[l.level], { v: '合计：达到标准', s: bold }, l.result.students, ...amounts(l.result.shortfallTotals.toStandard, bold)]);
    rows.push([LEVEL_NAMES[l.level], { v: '合计：使各校达标', s: bold }, l.result.students, ...amounts(l.result.shortfallTotals.toCompliance, bold)]);
  }
  table(
    sheet,
    '缺口测算（达到标准所需增加的数量；教师、教室向上取整为整数）',
    [
      { header: '学段', width: 6 },
      { header: '学校' },
      { header: '在校生', numFmt: NUM.int },
      ...inds.map((i): Column => ({ header: `${i.short}\n（${i.shortfallUnit}）`, numFmt: i.shortfallUnit === '㎡' ? NUM.area : NUM.int, width: 12 })),
    ],
    rows,
  );
  // Bold totals keep their number formats.
  for (const row of sheet.rows.slice(sheet.headerRows))
    if (String(row.cells[1]?.v ?? '').startsWith('合计')) row.cells.forEach((c) => (c.s = { ...c.s, bold: true }));
  return sheet;
}

function issuesSheet(report: Report): SheetBuilder {
  const sheet = new SheetBuilder('数据问题');
  const label = { error: '错误', warning: '警告', info: '说明' } as const;
  const fill = { error: COLOUR.bad, warning: COLOUR.warn, info: undefined } as const;
  const c = report.issueCounts;
  table(
    sheet,
    `数据问题（错误 ${c.error}，警告 ${c.warning}，说明 ${c.info}）`,
    [{ header: '级别', width: 6 }, { header: '代码' }, { header: '位置' }, { header: '学校' }, { header: '列' }, { header: '说明', width: 70 }],
    report.issues.map((i): CellInput[] => [
      { v: label[i.severity], s: { border: true, ...(fill[i.severity] ? { fill: fill[i.severity] } : {}) } },
      i.code,
      i.cell ? `${i.sheet}!${i.cell}` : i.row ? `${i.sheet} 第${i.row}行` : (i.sheet ?? ''),
      i.school ?? '',
      i.column ?? '',
      { v: i.text, s: { border: true, wrap: true, valign: 'top' } },
    ]),
  );
  const messageWidth = sheet.widths[5]!;
  for (const row of sheet.rows.slice(sheet.headerRows)) {
    const lines = Math.ceil(displayWidth(String(row.cells[5]?.v ?? '')) / (messageWidth * 0.95));
    if (lines > 1) row.height = 15 * lines + 2;
  }
  return sheet;
}

function dataSheet(report: Report, county: CountyReport, prefix: string): SheetBuilder {
  const sheet = new SheetBuilder(sheetName(`${prefix}计算数据`));
  const inds = report.profile.indicators;
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s): CellInput[] => [
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
  table(
    sheet,
    '计算数据：各校（学段）在校生与资源量（一贯制学校已拆分）及指标值',
    [
      { header: '学段', width: 6 },
      { header: '学校' },
      { header: '类型' },
      { header: '办学\n性质', width: 6 },
      { header: '原表行', numFmt: '0', width: 7 },
      { header: '在校生', numFmt: NUM.int },
      { header: '教师\n拆分比例', numFmt: NUM.pct, width: 9 },
      { header: '设施\n拆分比例', numFmt: NUM.pct, width: 9 },
      ...inds.map((i): Column => ({ header: `${i.short}\n数量`, numFmt: i.countable ? NUM.amount : NUM.area, width: 11 })),
      ...inds.map((i): Column => ({ header: `${i.short}\n指标值`, numFmt: i.unit === '元' ? NUM.money : NUM.ratio, width: 10 })),
    ],
    rows,
  );
  return sheet;
}
