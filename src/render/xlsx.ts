/**
 * The Excel report inspectors audit. 计算数据 holds one row per school section with its
 * students and (split) amounts; the indicator values, met / not met, compliance, shortfalls
 * and the county CVs are live formulas over it and over 标准 (the profile's standards), so
 * an inspector can click any number in Excel, WPS or LibreOffice, and editing a standard
 * recomputes the workbook. Every formula carries the engine's result as its cached value.
 */
import { columnLetters } from '../common/a1';
import type { SectionResult } from '../engine/compliance';
import type { Status } from '../engine/school-items';
import type { IndicatorDef, Profile } from '../engine/profile';
import { COMPARE_DECIMALS } from '../engine/stats';
import { LEVEL_NAMES, type Level } from '../engine/types';
import { sectionLabel, type CountyReport, type Report } from '../report/model';
import { displayWidth } from './format';
import {
  claimText,
  DIMENSION_LABEL,
  gapSentence,
  provinceRow,
  itemStandardText,
  itemValueText,
  levelVerdict,
  schoolItemText,
  schoolsSentence,
  STATUS_LABEL,
  verdictSentence,
} from './prose';
import { sheetRef, WorkbookWriter } from './spreadsheet/book';
import { influenceSheet, planDetailSheet, planSheet } from './spreadsheet/sheets/actions';
import { chartSheets } from './spreadsheet/sheets/charts';
import { SheetBuilder, type CellInput, type CellSpec, type Scalar } from './spreadsheet/sheet';
import { HEADER, paragraph, table, TITLE, wrappedLines, type Column } from './spreadsheet/table';
import type { Style } from './spreadsheet/styles';

const COLOUR = { header: 'FFD9E1F2', ok: 'FFE2EFDA', bad: 'FFFCE4D6', warn: 'FFFFF2CC', badText: 'FFC00000', link: 'FF0563C1', grey: 'FF595959', input: 'FFFFF2CC' } as const;
/** Number formats; a trailing ";" section shows zero as blank. */
const NUM = { int: '#,##0', money: '#,##0', area: '#,##0.0', ratio: '0.00', cv: '0.000', sd: '#,##0.000', pct: '0.00%', amount: '#,##0.##', intBlank: '#,##0;-#,##0;', areaBlank: '#,##0.0;-#,##0.0;' } as const;

const CENTER: Style = { border: true, align: 'center', valign: 'middle' };
const OK_LOOK = { fill: COLOUR.ok };
const BAD_LOOK = { fill: COLOUR.bad, bold: true, color: COLOUR.badText };

const MET = '✓';
const NOT_MET = '✗';
const PASS = '达标';
const FAIL = '未达标';

const R = COMPARE_DECIMALS;
/** ROUND(a,9)>=ROUND(b,9): the engine's comparison, written as a formula. */
const atLeastF = (a: string, b: string) => `ROUND(${a},${R})>=ROUND(${b},${R})`;

export async function renderXlsx(report: Report): Promise<Buffer> {
  const book = new WorkbookWriter();
  const standards = standardsSheet(report.profile);
  book.add(standards.sheet);
  const many = report.counties.length > 1;
  const front: string[] = [];
  const data: string[] = [];
  const links = new Map<string, string>();
  /** Each sheet is written as soon as it is built (see WorkbookWriter); only names and row maps are kept. */
  const write = (sheet: SheetBuilder) => {
    book.add(sheet);
    return sheet.name;
  };
  const province = report.province ? write(provinceSheet(report, report.province)) : null;
  for (const county of report.detail ? report.counties : []) {
    const prefix = many ? `${county.county ?? ''}-` : '';
    const layout = dataLayout(report, county, sheetName(`${prefix}计算数据`), standards);
    data.push(write(dataSheet(report, county, layout)));
    const compliance = complianceSheet(report, county, layout, sheetName(`${prefix}学校达标`));
    const cv = cvSheet(report, county, layout, sheetName(`${prefix}差异系数`));
    const overview = overviewSheet(report, county, sheetName(`${prefix}概览`), compliance, cv);
    const shortfall = shortfallSheet(report, county, layout, compliance, sheetName(`${prefix}缺口测算`));
    const pictures = chartSheets(report, county, sheetName(`${prefix}图表数据`), sheetName(`${prefix}图表`));
    front.push(
      write(overview),
      write(compliance.sheet),
      write(cv.sheet),
      write(pictures.charts),
      write(shortfall),
      ...(county.levels.some((l) => l.actions)
        ? [
            write(planSheet(report, county, sheetName(`${prefix}整改测算`))),
            write(planDetailSheet(county, sheetName(`${prefix}整改明细`))),
            write(influenceSheet(report, county, sheetName(`${prefix}影响分析`))),
          ]
        : []),
      write(guaranteeSheet(county, sheetName(`${prefix}政府保障与教育质量`))),
      write(schoolItemsSheet(report, county, sheetName(`${prefix}学校规模班额与专用教室`))),
      ...(county.groups.length || county.urbanRural.length ? [write(groupsSheet(report, county, sheetName(`${prefix}学区与城乡`)))] : []),
    );
    data.push(write(pictures.data));
    for (const [key, target] of layout.issueLinks) links.set(key, target);
  }
  const issues = write(issuesSheet(report, links));
  return book.toBuffer([...(province ? [province] : []), ...front, issues, ...data, standards.sheet.name]);
}

/**
 * A formula that repeats down a block of rows, written once as an OOXML shared formula: the
 * block's first row builds the text, later rows carry only their cached value. Keys are unique
 * per block (they include the level where a standard's cell differs by level).
 */
function shared(seen: Set<string>, key: string, formula: () => string, v: Scalar, s?: Style): CellSpec {
  const spec: CellSpec = { share: key, v, ...(s ? { s } : {}) };
  if (!seen.has(key)) {
    seen.add(key);
    spec.f = formula();
  }
  return spec;
}

/** 达标 green, 未达标 red, over a range (the colour follows a recalculated formula). */
const colourVerdicts = (sheet: SheetBuilder, range: string) =>
  sheet.highlights.push({ range, text: PASS, style: OK_LOOK }, { range, text: FAIL, style: BAD_LOOK });
/** 未达标 red, 未提供 yellow, for checklist and school-item statuses. */
const colourStatuses = (sheet: SheetBuilder, range: string) =>
  sheet.highlights.push({ range, text: STATUS_LABEL.not_met, style: BAD_LOOK }, { range, text: STATUS_LABEL.not_provided, style: { fill: COLOUR.warn } });

const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
const ref = (sheet: string, cell: string) => `${sheetRef(sheet)}!${cell}`;
const abs = (col: number, row: number) => `$${columnLetters(col - 1)}$${row}`;
const cellAt = (col: number, row: number) => `${columnLetters(col - 1)}${row}`;

// ── 标准: the profile's rule values, the cells every formula reads ──

interface StandardsLayout {
  sheet: SheetBuilder;
  /** The standard of indicator i (0-based) for a level, as an absolute reference. */
  standard(i: number, level: Level): string | null;
  /** Indicator short names, as a range (for INDEX / MATCH). */
  shortNames: string;
  shortName(i: number): string;
  cvThreshold(level: Level): string;
  minMet(level: Level): string | null;
  floor(level: Level): string | null;
  cvDecimals(level: Level): string;
  borderline(level: Level): string;
}

function standardsSheet(profile: Profile): StandardsLayout {
  const sheet = new SheetBuilder('标准');
  const inds = profile.indicators;
  const levelCol: Record<Level, number> = { primary: 2, junior: 3 };
  const input: Style = { border: true, fill: COLOUR.input, numFmt: NUM.amount };
  table(
    sheet,
    '评估标准：修改黄色单元格，工作簿各表随之重算',
    [{ header: '指标' }, { header: '小学', width: 10 }, { header: '初中', width: 10 }, { header: '单位', width: 6 }, { header: '计算', width: 34 }, { header: '简称', width: 12 }],
    inds.map((ind) => [
      ind.name,
      { v: ind.standard?.primary ?? null, s: input },
      { v: ind.standard?.junior ?? null, s: input },
      ind.unit,
      `${ind.short}数量 ÷ 在校生${ind.scale === 100 ? ' × 100' : ''}`,
      ind.short,
    ]),
  );
  const first = sheet.headerRows + 1;
  sheet.addRow([]);
  sheet.addRow([`依据：${profile.name}（${profile.source}）`], { style: { italic: true, color: COLOUR.grey } });
  const setting = (label: string, values: Record<Level, number> | null, note: string) => {
    if (!values) return null;
    return sheet.addRow([{ v: label, s: { border: true } }, { v: values.primary, s: input }, { v: values.junior, s: input }, null, { v: note, s: { border: true } }]);
  };
  const both = (x: number) => ({ primary: x, junior: x });
  const cvRow = setting('差异系数阈值（≤）', profile.cv.threshold, `${inds.length}项差异系数均不超过阈值`)!;
  const c = profile.compliance;
  const minRow = c && setting('学校达标：最少达标项数', both(c.minIndicatorsMet), '每校至少这么多项达到标准');
  const floorRow = c && setting('学校达标：余项不低于标准的比例', both(c.floorRatio), '未达标项不低于标准 × 此比例');
  const decimalsRow = setting('差异系数比较位数', both(profile.cv.decimals), '差异系数四舍五入到此位数后与阈值比较')!;
  const borderRow = setting('临界范围', both(profile.cv.borderlineMargin), '差异系数距阈值不超过此值时标注“临界”')!;
  const at = (row: number | null, level: Level) => (row === null ? null : ref('标准', abs(levelCol[level], row)));
  return {
    sheet,
    standard: (i, level) => (inds[i]!.standard ? ref('标准', abs(levelCol[level], first + i)) : null),
    shortNames: ref('标准', `$F$${first}:$F$${first + inds.length - 1}`),
    shortName: (i) => ref('标准', abs(6, first + i)),
    cvThreshold: (level) => at(cvRow, level)!,
    minMet: (level) => at(minRow, level),
    floor: (level) => at(floorRow, level),
    cvDecimals: (level) => at(decimalsRow, level)!,
    borderline: (level) => at(borderRow, level)!,
  };
}

// ── 计算数据: one row per school section; everything else is computed from here ──

interface DataLayout {
  sheet: string;
  standards: StandardsLayout;
  row: Map<SectionResult, number>;
  levelRows: Map<Level, [number, number]>;
  students: number;
  amount: (i: number) => number;
  value: (i: number) => number;
  gap: (i: number) => number;
  /** Issue key (school + field) → link target in this sheet. */
  issueLinks: Map<string, string>;
}

export const issueLinkKey = (county: string | null | undefined, school: string, field?: string) => `${county ?? ''}\u0000${school}\u0000${field ?? ''}`;

function dataLayout(report: Report, county: CountyReport, sheet: string, standards: StandardsLayout): DataLayout {
  const n = report.profile.indicators.length;
  const row = new Map<SectionResult, number>();
  const levelRows = new Map<Level, [number, number]>();
  let next = 3;
  for (const l of county.levels) {
    levelRows.set(l.level, [next, next + l.sections.length - 1]);
    for (const s of l.sections) row.set(s, next++);
  }
  const layout: DataLayout = {
    sheet,
    standards,
    row,
    levelRows,
    students: 6,
    amount: (i) => 9 + i,
    value: (i) => 9 + n + i,
    gap: (i) => 9 + 2 * n + i,
    issueLinks: new Map(),
  };
  for (const [s, r] of row) {
    const school = s.section.school;
    layout.issueLinks.set(issueLinkKey(county.county, school.name), ref(sheet, `B${r}`));
    report.profile.indicators.forEach((ind, i) => {
      const key = issueLinkKey(county.county, school.name, ind.numerator);
      if (!layout.issueLinks.has(key)) layout.issueLinks.set(key, ref(sheet, cellAt(layout.amount(i), r)));
    });
  }
  return layout;
}

function dataSheet(report: Report, county: CountyReport, layout: DataLayout): SheetBuilder {
  const sheet = new SheetBuilder(layout.sheet);
  const seen = new Set<string>();
  sheet.pagesWide = 2;
  sheet.titleColumns = 2;
  const inds = report.profile.indicators;
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s): CellInput[] => {
      const r = layout.row.get(s)!;
      const P = cellAt(layout.students, r);
      return [
        LEVEL_NAMES[l.level],
        sectionLabel(s),
        s.section.school.type,
        s.section.school.ownership,
        s.section.school.source.row,
        s.section.students,
        s.section.split?.teacherShare ?? null,
        s.section.split?.facilityShare ?? null,
        ...inds.map((i) => s.section.amounts[i.numerator] ?? null),
        ...inds.map((ind, i): CellSpec =>
          shared(seen, `value:${i}`, () => `${cellAt(layout.amount(i), r)}/${P}${ind.scale === 1 ? '' : `*${ind.scale}`}`, s.values[ind.id]!),
        ),
        ...inds.map((ind, i): CellSpec => {
          const std = layout.standards.standard(i, l.level);
          const V = cellAt(layout.value(i), r);
          return std ? shared(seen, `gap:${i}:${l.level}`, () => `IF(${atLeastF(V, std)},0,1-${V}/${std})`, s.relativeGaps[ind.id]!) : { v: 0 };
        }),
      ];
    }),
  );
  table(
    sheet,
    '计算数据：各校（学段）在校生与资源量（一贯制学校及完全中学已拆分）；指标值 = 数量 ÷ 在校生（每百名 × 100）',
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
      ...inds.map((i): Column => ({ header: `${i.short}\n低于标准`, numFmt: '0.0%;-0.0%;', width: 10 })),
    ],
    rows,
  );
  return sheet;
}

// ── 学校达标 ──

interface ComplianceLayout {
  sheet: SheetBuilder;
  row: Map<SectionResult, number>;
  compliantCol: number;
  levelRows: Map<Level, [number, number]>;
}

function complianceSheet(report: Report, county: CountyReport, layout: DataLayout, name: string): ComplianceLayout {
  const sheet = new SheetBuilder(name);
  const seen = new Set<string>();
  const inds = report.profile.indicators;
  const n = inds.length;
  const valueCol = (i: number) => 5 + 2 * i;
  const markCol = (i: number) => 6 + 2 * i;
  const countCol = 5 + 2 * n;
  const compliantCol = countCol + 1;
  const rule = report.profile.compliance;
  const rows = county.levels.flatMap((l) =>
    l.sections.map((s): CellInput[] => {
      const r = layout.row.get(s)!;
      const data = (col: number) => ref(layout.sheet, cellAt(col, r));
      const marks = inds.map((ind, i): CellSpec => {
        const std = layout.standards.standard(i, l.level);
        return std
          ? shared(seen, `mark:${i}:${l.level}`, () => `IF(${atLeastF(cellAt(valueCol(i), r), std)},"${MET}","${NOT_MET}")`, s.met[ind.id] ? MET : NOT_MET, CENTER)
          : { v: '—', s: CENTER };
      });
      const count = shared(seen, 'count', () => inds.map((_, i) => `(${cellAt(markCol(i), r)}="${MET}")`).join('+'), s.metCount, CENTER);
      const floors = () =>
        inds
          .map((_, i) => {
            const std = layout.standards.standard(i, l.level);
            return std ? atLeastF(cellAt(valueCol(i), r), `${layout.standards.floor(l.level)}*${std}`) : null;
          })
          .filter((x): x is string => x !== null);
      const compliant: CellSpec = rule
        ? shared(seen, `compliant:${l.level}`, () => `IF(AND(${cellAt(countCol, r)}>=${layout.standards.minMet(l.level)},${floors().join(',')}),"${PASS}","${FAIL}")`, s.compliant ? PASS : FAIL, CENTER)
        : { v: '—', s: CENTER };
      return [
        LEVEL_NAMES[l.level],
        sectionLabel(s),
        s.section.school.type,
        shared(seen, 'students', () => data(layout.students), s.section.students),
        ...inds.flatMap((ind, i) => [shared(seen, `value:${i}`, () => data(layout.value(i)), s.values[ind.id]!), marks[i]!]),
        count,
        compliant,
      ];
    }),
  );
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
  const floorText = rule ? `每校至少${rule.minIndicatorsMet}项达标、余项不低于标准的${Math.round(rule.floorRatio * 100)}%为达标` : '';
  table(sheet, `学校达标情况（${MET} 达到标准，${NOT_MET} 未达到；${floorText}；标准见“标准”表）`, columns, rows);
  // The standards under the table, as references to 标准.
  for (const l of county.levels)
    sheet.addRow(
      ['', `${LEVEL_NAMES[l.level]}标准`, '', '', ...inds.flatMap((ind, i) => {
        const std = layout.standards.standard(i, l.level);
        return [std ? { f: std, v: ind.standard![l.level] } : null, null];
      })],
      { style: { italic: true, color: COLOUR.grey, numFmt: NUM.amount } },
    );
  const last = sheet.headerRows + rows.length;
  const dataRange = (col: number) => `${cellAt(col, sheet.headerRows + 1)}:${cellAt(col, last)}`;
  if (rows.length) {
    const marks = `${cellAt(markCol(0), sheet.headerRows + 1)}:${cellAt(markCol(n - 1), last)}`;
    sheet.highlights.push({ range: marks, text: MET, style: OK_LOOK }, { range: marks, text: NOT_MET, style: BAD_LOOK });
    colourVerdicts(sheet, dataRange(compliantCol));
  }
  const row = new Map([...layout.row].map(([s, r]) => [s, r]));
  return { sheet, row, compliantCol, levelRows: layout.levelRows };
}

// ── 差异系数 ──

interface CvLayout {
  sheet: SheetBuilder;
  /** Row of (level, indicator i). */
  row: (level: Level, i: number) => number;
  cvCol: number;
  thresholdCol: number;
  passCol: number;
  levelRows: Map<Level, [number, number]>;
  /** Row of the 综合差异系数 (rule 'mean'). */
  compositeRows: Map<Level, number>;
}

function cvSheet(report: Report, county: CountyReport, layout: DataLayout, name: string): CvLayout {
  const sheet = new SheetBuilder(name);
  const inds = report.profile.indicators;
  const rowOf = new Map<string, number>();
  const levelRows = new Map<Level, [number, number]>();
  const compositeRows = new Map<Level, number>();
  let r = 3;
  const rows = county.levels.flatMap((l) => {
    const [first, last] = layout.levelRows.get(l.level)!;
    const range = (col: number) => ref(layout.sheet, `$${columnLetters(col - 1)}$${first}:$${columnLetters(col - 1)}$${last}`);
    levelRows.set(l.level, [r, r + inds.length - 1]);
    const indicatorRows = inds.map((ind, i): CellInput[] => {
      const s = l.result.indicators[ind.id]!;
      rowOf.set(`${l.level}:${i}`, r);
      const c = (col: string) => `${col}${r}`;
      const threshold = layout.standards.cvThreshold(l.level);
      const cells: CellInput[] = [
        LEVEL_NAMES[l.level],
        ind.name,
        { f: `SUM(${range(layout.amount(i))})`, v: s.total },
        { f: `SUM(${range(layout.students)})`, v: s.students },
        { f: `${c('C')}/${c('D')}${ind.scale === 1 ? '' : `*${ind.scale}`}`, v: s.mean, ...(ind.standard === null ? { s: { numFmt: '[<1]0.0000;#,##0.00' } } : {}) },
        { f: `SQRT(SUMPRODUCT(${range(layout.students)},(${range(layout.value(i))}-${c('E')})^2)/${c('D')})`, v: s.sd },
        { f: `IF(${c('E')}=0,"—",${c('F')}/${c('E')})`, v: s.cv ?? '—' },
        { f: threshold, v: s.cvThreshold },
        { f: `IF(ISNUMBER(${c('G')}),IF(ROUND(${c('G')},${layout.standards.cvDecimals(l.level)})<=${c('H')},"${PASS}","${FAIL}"),"${FAIL}")`, v: s.cvPass ? PASS : FAIL, s: CENTER },
        { f: `IF(ISNUMBER(${c('G')}),IF(ABS(${c('G')}-${c('H')})<=${layout.standards.borderline(l.level)},"临界",""),"")`, v: s.borderline ? '临界' : '', s: CENTER },
      ];
      r++;
      return cells;
    });
    if (report.profile.cv.rule !== 'mean') return indicatorRows;
    // 综合差异系数 (2012): the mean of the level's CVs, against the threshold.
    const [vf, vl] = [r - inds.length, r - 1];
    compositeRows.set(l.level, r);
    const composite: CellInput[] = [
      LEVEL_NAMES[l.level],
      { v: '综合差异系数（各项平均）', s: { bold: true, border: true } },
      null,
      null,
      null,
      null,
      { f: `AVERAGE(G${vf}:G${vl})`, v: l.result.compositeCv ?? '—', s: { bold: true, border: true, numFmt: NUM.cv } },
      { f: layout.standards.cvThreshold(l.level), v: l.result.indicators[inds[0]!.id]!.cvThreshold },
      { f: `IF(ISNUMBER(G${r}),IF(ROUND(G${r},${layout.standards.cvDecimals(l.level)})<=H${r},"${PASS}","${FAIL}"),"${FAIL}")`, v: l.result.cvRulePass ? PASS : FAIL, s: CENTER },
      '',
    ];
    r++;
    return [...indicatorRows, composite];
  });
  table(
    sheet,
    '校际差异系数（按学生数加权：X̄ = ΣPᵢXᵢ/N，S = √(ΣPᵢ(Xᵢ−X̄)²/N)，CV = S/X̄；公式引用“计算数据”表）',
    [
      { header: '学段', width: 6 },
      { header: '指标' },
      { header: '县域总量', numFmt: NUM.area },
      { header: '在校生', numFmt: NUM.int },
      { header: '县域均值', numFmt: '#,##0.00' },
      { header: '标准差 S', numFmt: NUM.sd },
      { header: '差异系数', numFmt: NUM.cv },
      { header: '阈值', numFmt: '0.00' },
      { header: '是否达标', width: 9 },
      { header: '临界', width: 6 },
    ],
    rows,
  );
  if (rows.length) {
    const range = `I3:I${2 + rows.length}`;
    colourVerdicts(sheet, range);
    sheet.highlights.push({ range: `J3:J${2 + rows.length}`, text: '临界', style: { fill: COLOUR.warn, bold: true } });
  }
  return { sheet, row: (level, i) => rowOf.get(`${level}:${i}`)!, cvCol: 7, thresholdCol: 8, passCol: 9, levelRows, compositeRows };
}

// ── 缺口测算 ──

function shortfallSheet(report: Report, county: CountyReport, layout: DataLayout, compliance: ComplianceLayout, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const seen = new Set<string>();
  const inds = report.profile.indicators;
  const n = inds.length;
  const rule = report.profile.compliance;
  /** With one indicator allowed below standard, the formula can pick it (MATCH of the largest gap). */
  const formulaForCompliance = rule !== null && n - rule.minIndicatorsMet === 1;
  const toStandardCol = (i: number) => 4 + i;
  const compliantCol = 4 + n;
  const keptCol = 5 + n;
  const toComplianceCol = (i: number) => 6 + n + i;
  const fmtOf = (ind: IndicatorDef) => (ind.countable || ind.shortfallUnit === '元' ? NUM.intBlank : NUM.areaBlank);
  const rows: CellInput[][] = [];
  const totals: number[] = [];
  let r = 3;
  for (const l of county.levels) {
    const first = r;
    for (const s of l.sections) {
      const d = layout.row.get(s)!;
      const data = (col: number) => ref(layout.sheet, cellAt(col, d));
      const reach = (i: number, target: string) => {
        const ind = inds[i]!;
        const needed = `${target}*${data(layout.students)}${ind.scale === 1 ? '' : `/${ind.scale}`}-${data(layout.amount(i))}`;
        // Never negative: a value already above a lowered target (85%) needs nothing, as in the engine.
        return ind.countable ? `MAX(0,ROUNDUP(ROUND(${needed},${R}),0))` : `MAX(0,${needed})`;
      };
      const met = (i: number, std: string) => atLeastF(data(layout.value(i)), std);
      const compliantRef = ref(compliance.sheet.name, cellAt(compliance.compliantCol, compliance.row.get(s)!));
      const kept = cellAt(keptCol, r);
      const gaps = () => ref(layout.sheet, `${cellAt(layout.gap(0), d)}:${cellAt(layout.gap(n - 1), d)}`);
      rows.push([
        LEVEL_NAMES[l.level],
        sectionLabel(s),
        shared(seen, `students:${l.level}`, () => data(layout.students), s.section.students),
        ...inds.map((ind, i): CellInput => {
          const std = layout.standards.standard(i, l.level);
          return std ? shared(seen, `short:${i}:${l.level}`, () => `IF(${met(i, std)},0,${reach(i, std)})`, s.shortfall[ind.id]!) : null;
        }),
        shared(seen, `compliant:${l.level}`, () => compliantRef, s.compliant ? PASS : FAIL, CENTER),
        formulaForCompliance
          ? shared(seen, `kept:${l.level}`, () => `IF(${cellAt(compliantCol, r)}="${PASS}","—",INDEX(${layout.standards.shortNames},MATCH(MAX(${gaps()}),${gaps()},0)))`, keptName(report, s), CENTER)
          : { v: keptName(report, s), s: CENTER },
        ...inds.map((ind, i): CellInput => {
          const std = layout.standards.standard(i, l.level);
          if (!std || !formulaForCompliance) return std ? s.shortfallToCompliance[ind.id]! : null;
          const target = () => `IF(${kept}=${layout.standards.shortName(i)},${layout.standards.floor(l.level)}*${std},${std})`;
          return shared(seen, `tocomp:${i}:${l.level}`, () => `IF(OR(${cellAt(compliantCol, r)}="${PASS}",${met(i, std)}),0,${reach(i, target())})`, s.shortfallToCompliance[ind.id]!);
        }),
      ]);
      r++;
    }
    const last = r - 1;
    const sum = (col: number, v: number): CellSpec => ({ f: `SUM(${cellAt(col, first)}:${cellAt(col, last)})`, v, s: { bold: true, border: true } });
    const t = l.result.shortfallTotals;
    rows.push([
      { v: LEVEL_NAMES[l.level], s: { bold: true, border: true } },
      { v: `${LEVEL_NAMES[l.level]}合计`, s: { bold: true, border: true } },
      { ...sum(3, l.result.students), s: { bold: true, border: true, numFmt: NUM.int } },
      ...inds.map((ind, i) => ({ ...sum(toStandardCol(i), t.toStandard[ind.id]!), s: { bold: true, border: true, numFmt: fmtOf(ind) } })),
      { f: `COUNTIF(${cellAt(compliantCol, first)}:${cellAt(compliantCol, last)},"${PASS}")&"/${l.sections.length}所达标"`, v: `${l.result.compliantSchools}/${l.sections.length}所达标`, s: { bold: true, border: true, align: 'center' } },
      { v: '', s: { border: true } },
      ...inds.map((ind, i) => ({ ...sum(toComplianceCol(i), t.toCompliance[ind.id]!), s: { bold: true, border: true, numFmt: fmtOf(ind) } })),
    ]);
    totals.push(r);
    r++;
  }
  const rate = rule ? `${Math.round(rule.floorRatio * 100)}%` : '';
  table(
    sheet,
    `缺口测算：左为各项达到标准所需增加的数量，右为使学校达标所需的最少数量（低于标准最多的一项只补到标准的${rate}）；教师、教室向上取整`,
    [
      { header: '学段', width: 6 },
      { header: '学校' },
      { header: '在校生', numFmt: NUM.int },
      ...inds.map((i): Column => ({ header: `达到标准\n${i.short}\n（${i.shortfallUnit}）`, numFmt: fmtOf(i), width: 10 })),
      { header: '学校\n是否达标', width: 9 },
      { header: `只补到\n${rate}的指标`, width: 11 },
      ...inds.map((i): Column => ({ header: `使学校达标\n${i.short}\n（${i.shortfallUnit}）`, numFmt: fmtOf(i), width: 10 })),
    ],
    rows,
  );
  if (rows.length) {
    const range = `${cellAt(compliantCol, 3)}:${cellAt(compliantCol, 2 + rows.length)}`;
    sheet.highlights.push({ range, text: FAIL, style: BAD_LOOK });
  }
  return sheet;
}

function keptName(report: Report, s: SectionResult): string {
  if (s.compliant) return '—';
  return s.leftAtFloor.map((id) => report.profile.indicators.find((i) => i.id === id)!.short).join('、');
}

// ── 政府保障与教育质量 ──

const statusCell = (s: Status): CellSpec => ({ v: STATUS_LABEL[s], s: CENTER });

function guaranteeSheet(county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  // The county's own 是否达标, when its sheet has one: beside each item, with what contradicts it.
  const claims = county.checklist.some((c) => c.claim);
  const wrapTop = { border: true, wrap: true, valign: 'top' } as const;
  table(
    sheet,
    '政府保障程度（15项）、教育质量（9项）、社会认可度：逐项结论',
    // With the two claim columns the others narrow, so that the page prints at a readable size.
    [
      { header: '维度', width: claims ? 10 : 12 },
      { header: '序号', width: 5 },
      { header: '指标', width: claims ? 38 : 46 },
      { header: '数值', width: claims ? 32 : 40 },
      { header: '标准', width: claims ? 22 : 28 },
      { header: '结论', width: 8 },
      ...(claims ? [{ header: '自评', width: 7 }, { header: '自评与测算不一致之处', width: 28 }] : []),
    ],
    county.checklist.map((c): CellInput[] => [
      DIMENSION_LABEL[c.item.dimension],
      c.item.number,
      { v: c.item.name, s: wrapTop },
      { v: c.schools ? schoolItemText(c) : itemValueText(c), s: wrapTop },
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
    const lines = Math.max(...[2, 3, 4, ...(claims ? [7] : [])].map((i) => wrappedLines(String(row.cells[i]?.v ?? ''), sheet.widths[i]!)));
    if (lines > 1) row.height = 15 * lines + 3;
  }
  const end = sheet.rowCount;
  colourStatuses(sheet, `F3:F${end}`);
  return sheet;
}

function schoolItemsSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  const rule = report.profile.schoolItems;
  const n = (x: number | null | undefined): CellInput => (x === null || x === undefined ? '' : x);
  const int = (header: string, width = 8): Column => ({ header, numFmt: NUM.int, width });
  table(
    sheet,
    `各校规模、班额、音乐美术专用教室（政府保障程度第3–5项；每${rule.rooms.classesPerRoom}个班至少各1间，音乐≥${rule.rooms.musicMinArea}㎡、美术≥${rule.rooms.artMinArea}㎡）`,
    [
      { header: '学校' },
      { header: '类型' },
      int('义务教育\n在校生', 9),
      int('规模\n上限'),
      int('超出\n人数'),
      int('班级数'),
      int('超标班额\n班级数', 9),
      int('最大\n班额'),
      int('需音乐、美术\n教室各', 11),
      int('音乐\n教室'),
      int('其中面积\n达标', 9),
      int('美术\n教室'),
      int('其中面积\n达标', 9),
      { header: '规模', width: 7 },
      { header: '班额', width: 7 },
      { header: '专用\n教室', width: 7 },
    ],
    county.schoolItems.map((s): CellInput[] => [
        s.school.name,
        s.school.type,
        s.size.students,
        Number.isFinite(s.size.max) ? s.size.max : '',
        s.size.over || '',
        n(s.classes),
        n(s.classSize.oversizeClasses),
        n(s.classSize.maxClassSize),
        n(s.rooms.music?.needed),
        n(s.rooms.music?.have),
        n(s.school.items.musicRoomsUpToStandard),
        n(s.rooms.art?.have),
        n(s.school.items.artRoomsUpToStandard),
        statusCell(s.size.status),
        statusCell(s.classSize.status),
        statusCell(s.rooms.status),
    ]),
  );
  const last = sheet.rowCount;
  if (county.schoolItems.length)
    colourStatuses(sheet, `N3:P${last}`);
  return sheet;
}

// ── 各县汇总 ──

function provinceSheet(report: Report, counties: readonly CountyReport[]): SheetBuilder {
  const sheet = new SheetBuilder('各县汇总');
  const inds = report.profile.indicators;
  const mean = report.profile.cv.rule === 'mean';
  const withCompliance = report.profile.compliance !== null;
  const columns: Column[] = [
    { header: '学段', width: 6 },
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
      ]);
    }
  const detail = report.detail ? '' : '；县数较多，各县明细请用 --county 分别生成';
  table(sheet, `各县（市、区）${report.profile.verdictName}资源配置汇总：全县平均值与差异系数（未达标的在前${detail}）`, columns, rows);
  if (rows.length) {
    const verdictCol = columnLetters(columns.length - 1);
    sheet.highlights.push({ range: `${verdictCol}3:${verdictCol}${sheet.rowCount}`, text: FAIL, style: BAD_LOOK });
  }
  return sheet;
}

// ── 学区与城乡 ──

function groupsSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
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

function overviewSheet(report: Report, county: CountyReport, name: string, compliance: ComplianceLayout, cv: CvLayout): SheetBuilder {
  const sheet = new SheetBuilder(name);
  sheet.pagesTall = 1;
  const inds = report.profile.indicators;
  const n = inds.length;
  const width = 6;
  let r = 3;
  const levelRows = county.levels.map((l): CellInput[] => {
    const [cf, cl] = compliance.levelRows.get(l.level)!;
    const [vf, vl] = cv.levelRows.get(l.level)!;
    const row: CellInput[] = [
      LEVEL_NAMES[l.level],
      l.result.schoolCount,
      l.result.students,
      report.profile.compliance
        ? { f: `COUNTIF(${ref(compliance.sheet.name, `${cellAt(compliance.compliantCol, cf)}:${cellAt(compliance.compliantCol, cl)}`)},"${PASS}")`, v: l.result.compliantSchools }
        : '—',
      { f: `COUNTIF(${ref(cv.sheet.name, `${cellAt(cv.passCol, vf)}:${cellAt(cv.passCol, vl)}`)},"${PASS}")`, v: l.cvsPassed },
      { f: `IF(AND(${levelPassConditions(report, cv, l.level, r).join(',')}),"${PASS}","${FAIL}")`, v: l.result.pass ? PASS : FAIL, s: CENTER },
    ];
    r++;
    return row;
  });
  table(
    sheet,
    `${county.label} 义务教育优质均衡 资源配置测算`,
    [
      { header: '学段', width: 8 },
      { header: '参与计算学校（学段）', numFmt: NUM.int, width: 22 },
      { header: '在校生', numFmt: NUM.int, width: 34 },
      { header: '达标学校', numFmt: NUM.int, width: 14 },
      { header: `差异系数达标项（共${n}项）`, numFmt: '0', width: 24 },
      { header: '资源配置结论', width: 26 },
    ],
    levelRows,
  );
  if (levelRows.length) colourVerdicts(sheet, `F3:F${2 + levelRows.length}`);

  sheet.addRow([]);
  const cvHeader = sheet.addRow(['学段', '指标', '', '差异系数', '阈值', '结论'].map((v) => ({ v, s: HEADER })));
  sheet.mergeAcross(cvHeader, 2, 3);
  for (const l of county.levels)
    inds.forEach((ind, i) => {
      const s = l.result.indicators[ind.id]!;
      const at = (col: number) => ref(cv.sheet.name, cellAt(col, cv.row(l.level, i)));
      const row = sheet.addRow([
        { v: LEVEL_NAMES[l.level], s: { border: true } },
        { v: ind.name, s: { border: true } },
        { v: null, s: { border: true } },
        { f: at(cv.cvCol), v: s.cv ?? '—', s: { border: true, numFmt: NUM.cv } },
        { f: at(cv.thresholdCol), v: s.cvThreshold, s: { border: true, numFmt: '0.00' } },
        { f: at(cv.passCol), v: s.cvPass ? PASS : FAIL, s: CENTER },
      ]);
      sheet.mergeAcross(row, 2, 3);
      sheet.highlights.push({ range: `F${row}`, text: FAIL, style: BAD_LOOK });
    });

  const heading = (text: string) => paragraph(sheet, text, width, { bold: true });
  sheet.addRow([]);
  heading('结论（生成报告时的测算结果）');
  paragraph(sheet, verdictSentence(report, county), width, { bold: true });
  for (const l of county.levels) paragraph(sheet, `全县${levelVerdict(report, l)}`, width);
  paragraph(sheet, `按学校计，${schoolsSentence(county)}`, width);
  sheet.addRow([]);
  heading('最大缺口');
  if (county.gaps.length === 0) paragraph(sheet, `各校${n}项指标均达到标准。`, width);
  for (const g of county.gaps.slice(0, 3)) paragraph(sheet, gapSentence(g), width);
  sheet.addRow([]);
  const c = report.issueCounts;
  const link = sheet.addRow([
    { v: `数据问题：错误 ${c.error} 个，警告 ${c.warning} 个，说明 ${c.info} 条 → 查看“数据问题”表`, s: { color: COLOUR.link, underline: true }, link: "'数据问题'!A1" },
  ]);
  sheet.mergeAcross(link, 1, width);
  return sheet;
}

/** The level's verdict as formula conditions: the CVs by the profile's rule, and every school compliant (when the profile has the rule). */
function levelPassConditions(report: Report, cv: CvLayout, level: Level, r: number): string[] {
  const cvs =
    report.profile.cv.rule === 'mean'
      ? `${ref(cv.sheet.name, cellAt(cv.passCol, cv.compositeRows.get(level)!))}="${PASS}"`
      : `E${r}=${report.profile.indicators.length}`;
  return report.profile.compliance ? [`D${r}=B${r}`, cvs] : [cvs];
}

// ── 数据问题 ──

function issuesSheet(report: Report, links: Map<string, string>): SheetBuilder {
  const sheet = new SheetBuilder('数据问题');
  const label = { error: '错误', warning: '警告', info: '说明' } as const;
  const fill = { error: COLOUR.bad, warning: COLOUR.warn, info: undefined } as const;
  const c = report.issueCounts;
  const linkOf = (i: Report['issues'][number]) =>
    i.school ? (links.get(issueLinkKey(i.county, i.school, i.field)) ?? links.get(issueLinkKey(i.county, i.school))) : undefined;
  table(
    sheet,
    `数据问题（错误 ${c.error}，警告 ${c.warning}，说明 ${c.info}）——点击“计算数据”列可跳到该校数据`,
    [{ header: '级别', width: 6 }, { header: '代码' }, { header: '位置（原表）' }, { header: '学校' }, { header: '列' }, { header: '计算数据', width: 10 }, { header: '说明', width: 64 }],
    report.issues.map((i): CellInput[] => {
      const target = linkOf(i);
      return [
        { v: label[i.severity], s: { border: true, ...(fill[i.severity] ? { fill: fill[i.severity] } : {}) } },
        i.code,
        i.cell ? `${i.sheet}!${i.cell}` : i.row ? `${i.sheet} 第${i.row}行` : (i.sheet ?? ''),
        i.school ?? '',
        i.column ?? '',
        target ? { v: '查看', link: target, s: { border: true, color: COLOUR.link, underline: true, align: 'center' } } : '',
        { v: i.text, s: { border: true, wrap: true, valign: 'top' } },
      ];
    }),
  );
  const messageWidth = sheet.widths[6]!;
  for (const row of sheet.rows.slice(sheet.headerRows)) {
    const lines = Math.ceil(displayWidth(String(row.cells[6]?.v ?? '')) / (messageWidth * 0.95));
    if (lines > 1) row.height = 15 * lines + 2;
  }
  return sheet;
}

