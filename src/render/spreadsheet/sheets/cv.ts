/** 差异系数: per level and indicator, the student-weighted CV as live formulas. */
import { columnLetters } from '../../../common/a1';
import { LEVEL_NAMES, type Level } from '../../../engine/types';
import { type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput } from '../sheet';
import { table } from '../table';
import { COLOUR, NUM, CENTER, PASS, FAIL, colourVerdicts, ref, LEVEL_COLUMN } from './common';
import { type DataLayout } from './data';

export interface CvLayout {
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

export function cvSheet(report: Report, county: CountyReport, layout: DataLayout, name: string): CvLayout {
  const sheet = new SheetBuilder(name);
  const inds = report.profile.indicators;
  const rowOf = new Map<string, number>();
  const levelRows = new Map<Level, [number, number]>();
  const compositeRows = new Map<Level, number>();
  let r = 3;
  const rows = county.levels.flatMap((l) => {
    const [first, last] = layout.levelRows.get(l.level)!;
    const range = (col: number) =>
      ref(layout.sheet, `$${columnLetters(col - 1)}$${first}:$${columnLetters(col - 1)}$${last}`);
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
        {
          f: `${c('C')}/${c('D')}${ind.scale === 1 ? '' : `*${ind.scale}`}`,
          v: s.mean,
          ...(ind.standard === null ? { s: { numFmt: '[<1]0.0000;#,##0.00' } } : {}),
        },
        { f: `SQRT(SUMPRODUCT(${range(layout.students)},(${range(layout.value(i))}-${c('E')})^2)/${c('D')})`, v: s.sd },
        { f: `IF(${c('E')}=0,"—",${c('F')}/${c('E')})`, v: s.cv ?? '—' },
        { f: threshold, v: s.cvThreshold },
        {
          f: `IF(ISNUMBER(${c('G')}),IF(ROUND(${c('G')},${layout.standards.cvDecimals(l.level)})<=${c('H')},"${PASS}","${FAIL}"),"${FAIL}")`,
          v: s.cvPass ? PASS : FAIL,
          s: CENTER,
        },
        {
          f: `IF(ISNUMBER(${c('G')}),IF(ABS(${c('G')}-${c('H')})<=${layout.standards.borderline(l.level)},"临界",""),"")`,
          v: s.borderline ? '临界' : '',
          s: CENTER,
        },
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
      {
        f: `IF(ISNUMBER(G${r}),IF(ROUND(G${r},${layout.standards.cvDecimals(l.level)})<=H${r},"${PASS}","${FAIL}"),"${FAIL}")`,
        v: l.result.cvRulePass ? PASS : FAIL,
        s: CENTER,
      },
      '',
    ];
    r++;
    return [...indicatorRows, composite];
  });
  table(
    sheet,
    '校际差异系数（按学生数加权：X̄ = ΣPᵢXᵢ/N，S = √(ΣPᵢ(Xᵢ−X̄)²/N)，CV = S/X̄；公式引用“计算数据”表）',
    [
      LEVEL_COLUMN,
      { header: '指标' },
      { header: '县域总量', numFmt: NUM.area },
      { header: '在校生', numFmt: NUM.int },
      { header: '县域均值', numFmt: NUM.value },
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
  return {
    sheet,
    row: (level, i) => rowOf.get(`${level}:${i}`)!,
    cvCol: 7,
    thresholdCol: 8,
    passCol: 9,
    levelRows,
    compositeRows,
  };
}

// ── 缺口测算 ──
