/** 概览: the verdict per level, the CVs, compliance counts and the largest gaps. */
import { LEVEL_NAMES, type Level } from '../../../engine/types';
import { type CountyReport, type Report } from '../../../report/model';
import { dimensionLines, gapSentence, levelVerdict, schoolsSentence, verdictHeadline } from '../../prose';
import { SheetBuilder, type CellInput } from '../sheet';
import { HEADER, paragraph, table } from '../table';
import { COLOUR, NUM, CENTER, BAD_LOOK, PASS, FAIL, colourVerdicts, ref, cellAt } from './common';
import { type ComplianceLayout } from './compliance';
import { type CvLayout } from './cv';

export function overviewSheet(
  report: Report,
  county: CountyReport,
  name: string,
  compliance: ComplianceLayout,
  cv: CvLayout,
): SheetBuilder {
  const sheet = new SheetBuilder(name);
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
        ? {
            f: `COUNTIF(${ref(compliance.sheet.name, `${cellAt(compliance.compliantCol, cf)}:${cellAt(compliance.compliantCol, cl)}`)},"${PASS}")`,
            v: l.result.compliantSchools,
          }
        : '—',
      {
        f: `COUNTIF(${ref(cv.sheet.name, `${cellAt(cv.passCol, vf)}:${cellAt(cv.passCol, vl)}`)},"${PASS}")`,
        v: l.cvsPassed,
      },
      {
        f: `IF(AND(${levelPassConditions(report, cv, l.level, r).join(',')}),"${PASS}","${FAIL}")`,
        v: l.result.pass ? PASS : FAIL,
        s: CENTER,
      },
    ];
    r++;
    return row;
  });
  table(
    sheet,
    `${county.label} 义务教育${report.profile.verdictName} 资源配置测算`,
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
  paragraph(sheet, verdictHeadline(report, county), width, { bold: true });
  dimensionLines(report, county).forEach((x, i) => paragraph(sheet, `${i + 1}. ${x}`, width));
  for (const l of county.levels) paragraph(sheet, `全县${levelVerdict(report, l)}`, width);
  if (report.profile.compliance) paragraph(sheet, `按学校计，${schoolsSentence(county)}`, width);
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

/** The level's verdict as formula conditions: the CVs by the profile's rule, and every school compliant (when the profile has the rule). */
export function levelPassConditions(report: Report, cv: CvLayout, level: Level, r: number): string[] {
  const cvs =
    report.profile.cv.rule === 'mean'
      ? `${ref(cv.sheet.name, cellAt(cv.passCol, cv.compositeRows.get(level)!))}="${PASS}"`
      : `E${r}=${report.profile.indicators.length}`;
  return report.profile.compliance ? [`D${r}=B${r}`, cvs] : [cvs];
}

// ── 数据问题 ──
