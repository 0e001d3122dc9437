/**
 * Sentences in the register of a 自评报告, shared by the terminal, Markdown and Excel
 * renderers so that the verdict reads the same everywhere.
 */
import { DIMENSIONS, type ChecklistResult, type ClaimDisagreement, type Dimension } from '../engine/checklist';
import { conditionStandard, conditionValue, itemFailText, itemValueText } from '../engine/checklist-text';
import type { Status } from '../engine/school-items';
import { LEVEL_NAMES } from '../engine/types';
import { sectionLabel, type CountyReport, type Gap, type LevelReport, type Report } from '../report/model';
import type { ColumnAccount } from '../schema/column-accounting';
import { fieldLabel } from '../schema/columns';
import { fmtCv, fmtInt, fmtShortfall } from './format';

const indicatorName = (report: Report, id: string) => report.profile.indicators.find((i) => i.id === id)!.name;

/** "全县小学7项指标校际差异系数均小于或等于0.50，26所小学中20所达标……" */
export function levelVerdict(report: Report, l: LevelReport): string {
  const name = LEVEL_NAMES[l.level];
  const n = report.profile.indicators.length;
  const threshold = l.result.indicators[report.profile.indicators[0]!.id]!.cvThreshold.toFixed(2);
  const cvSentence =
    report.profile.cv.rule === 'mean'
      ? `${name}${n}项指标综合差异系数为${fmtCv(l.result.compositeCv)}，${l.result.cvRulePass ? '小于或等于' : '超过'}${threshold}`
      : l.failingCvs.length === 0
        ? `${name}${n}项指标校际差异系数均小于或等于${threshold}`
        : `${name}有${l.failingCvs.length}项指标校际差异系数超过${threshold}（${l.failingCvs
            .map((s) => `${indicatorName(report, s.id)} ${fmtCv(s.cv)}`)
            .join('，')}）`;
  const rule = report.profile.compliance;
  const compliance = rule
    ? `；参与计算的${l.result.schoolCount}所${name}（学段）中，${l.result.compliantSchools}所达到“至少${rule.minIndicatorsMet}项指标达标、余项不低于标准的${Math.round(rule.floorRatio * 100)}%”的要求`
    : '';
  const verdict = `资源配置${l.result.pass ? '达到' : '尚未达到'}${report.profile.verdictName}要求`;
  return `${cvSentence}${compliance}，${verdict}。`;
}

/** "生均体育运动场馆面积不达标小学10所，按标准共缺1,234.5㎡。" */
export function gapSentence(g: Gap): string {
  const { indicator: ind } = g;
  const unit = ind.shortfallUnit;
  const compliance =
    g.toCompliance > 0
      ? `使各校达到学校达标要求至少需${fmtShortfall(ind, g.toCompliance)}${unit}`
      : '这些学校仍符合学校达标要求';
  return `${ind.name}不达标${LEVEL_NAMES[g.level]}${g.schoolsNotMeeting}所，按标准共缺${fmtShortfall(ind, g.toStandard)}${unit}，${compliance}。`;
}

/** "参与计算的38所学校中33所达标（一贯制学校及完全中学须各学段均达标）。" */
export function schoolsSentence(county: CountyReport): string {
  const multi = county.schools.filter((s) => s.sections.length > 1).length;
  return (
    `参与计算的${county.schools.length}所学校中，${county.compliantSchools}所达标` +
    (multi ? `（其中${multi}所一贯制学校或完全中学须各学段均达标）` : '') +
    '。'
  );
}

export function excludedSentence(county: CountyReport): string | null {
  if (county.excluded.length === 0) return null;
  return `未纳入资源配置计算的学校${fmtInt(county.excluded.length)}所：${county.excluded
    .map((e) => `${e.school.name}（${e.reason}）`)
    .join('；')}。`;
}

// ── the whole verdict: items, school items, dimensions ──

export const STATUS_LABEL: Record<Status, string> = { met: '达标', not_met: '未达标', not_provided: '未提供' };
export const VERDICT_LABEL: Record<Status, string> = { met: '达到', not_met: '未达到', not_provided: '无法判定' };
/** The verdict as a sentence ends: 达到要求, 未达到要求, 是否达到要求尚无法判定 (not “无法判定要求”). */
const verdictPhrase = (s: Status) => (s === 'not_provided' ? '是否达到要求尚无法判定' : `${VERDICT_LABEL[s]}要求`);
export const DIMENSION_LABEL: Record<Dimension, string> = {
  resources: '资源配置',
  guarantee: '政府保障程度',
  quality: '教育质量',
  recognition: '社会认可度',
};
/** No 县级指标 sheet although the profile has county items: those items cannot be judged. */
export const countySheetMissing = (report: Report, county: CountyReport) =>
  !county.verdict.countyFiguresGiven && report.profile.countyInputs.length > 0;

/** The dimensions a verdict judges, in order, with their status. */
export const judgedDimensions = (v: CountyReport['verdict']) =>
  DIMENSIONS.flatMap((d) => (v.dimensions[d] ? [{ dimension: d, status: v.dimensions[d] }] : []));
/** 达标 / 未达标 / 无法判定, for a dimension. */
export const dimensionStatus = (s: Status) => (s === 'not_provided' ? '无法判定' : STATUS_LABEL[s]);

export const itemNumber = (r: ChecklistResult) => `${DIMENSION_LABEL[r.item.dimension]}第${r.item.number}项`;

export { itemFailText, itemValueText } from '../engine/checklist-text';

/** "自评达标，但测算为未达标：360学时培训完成率 93.50%（应 ≥ 100%）" (the Excel cell; also the warning's text). */
export const claimText = (d: ClaimDisagreement) => `${d.claim}，但测算为${d.computed}：${d.detail}`;

/** "教师5年360学时培训完成率达到100%：自评达标，但测算为未达标（360学时培训完成率 93.50%（应 ≥ 100%））". */
export function claimSentence(r: ChecklistResult): string {
  const d = r.claim!.disagreement!;
  return `${itemNumber(r)}（${r.item.name}）：${d.claim}，但测算为${d.computed}——${d.detail}（${r.claim!.sheet}!${r.claim!.cell}）`;
}

/** The items behind a 无法判定, by dimension: "政府保障程度第3、5项". */
export function notProvidedItems(county: CountyReport): string {
  const missing = county.checklist.filter((c) => c.status === 'not_provided');
  return DIMENSIONS.flatMap((d) => {
    const own = missing.filter((c) => c.item.dimension === d);
    return own.length ? [`${DIMENSION_LABEL[d]}第${own.map((c) => c.item.number).join('、')}项`] : [];
  }).join('，');
}

export function itemStandardText(r: ChecklistResult): string {
  const standard = (c: ChecklistResult['conditions'][number]) =>
    c.condition.kind === 'yesno' ? '应为“是”' : conditionStandard(c.condition);
  // One condition: the item's name says what it is, so the cell holds only the standard.
  if (r.conditions.length === 1) return standard(r.conditions[0]!);
  return r.conditions.map((c) => `${c.condition.label} ${standard(c)}`).join('；');
}

/** The item's figure for a table cell: only the value for a one-condition item, labelled values otherwise. */
export function itemCellText(r: ChecklistResult): string {
  return r.conditions.length === 1 ? conditionValue(r.conditions[0]!) : itemValueText(r);
}

/** Written reports list every school; the terminal passes a limit and says how many in all. */
const schoolList = <T>(items: readonly T[], text: (s: T) => string, max = Infinity) =>
  items.slice(0, max).map(text).join('、') + (items.length > max ? `等${items.length}所` : '');

/** The school-row items in the register of the seeds' reports ("缺音乐教室15间……面积不足41间"). */
export function schoolItemText(r: ChecklistResult, max = Infinity): string {
  const s = r.schools!;
  const parts: string[] = [];
  if (s.rooms && s.failing.length) {
    const t = s.rooms;
    // Only the parts that are not zero: "共缺音乐教室5间", not "…、美术教室0间".
    const rooms = (music: number, art: number) =>
      [music ? `音乐教室${music}间` : '', art ? `美术教室${art}间` : ''].filter(Boolean).join('、');
    const missing = rooms(t.musicMissing, t.artMissing);
    const small = rooms(t.musicTooSmall, t.artTooSmall);
    parts.push(
      `${s.failing.length}所学校未达标${missing ? `，共缺${missing}` : ''}${small ? `，面积不足的${small}` : ''}` +
        `（${schoolList(s.failing, (x) => x.school.name, max)}）`,
    );
  }
  if (r.item.school === 'size' && s.failing.length)
    parts.push(
      `超规模学校${s.failing.length}所：${schoolList(s.failing, (x) => `${x.school.name}${x.size.students}人，超${x.size.over}人`, max)}`,
    );
  if (r.item.school === 'classSize' && s.failing.length)
    parts.push(
      `有超标班额的学校${s.failing.length}所：${schoolList(
        s.failing,
        (x) =>
          x.classSize.oversizeClasses !== null
            ? `${x.school.name}${x.classSize.oversizeClasses}个班`
            : `${x.school.name}最大班额${x.classSize.maxClassSize}人`,
        max,
      )}`,
    );
  if (s.notProvided.length) {
    // “4所学校缺少数据：缺“班级数”的3所（甲、乙、丙），缺“美术专用教室面积达标间数”的1所（丁）”.
    const columns = (fields: readonly string[]) =>
      fields.map((f) => `“${fieldLabel(f)}”`).join(r.item.school === 'classSize' ? '或' : '、');
    const groups = s.missing.map(
      (m) => `缺${columns(m.fields)}的${m.schools.length}所（${schoolList(m.schools, (x) => x.name, max)}）`,
    );
    parts.push(
      s.missing.length === 1
        ? `${s.notProvided.length}所学校缺少${columns(s.missing[0]!.fields)}（${schoolList(s.notProvided, (x) => x.name, max)}）`
        : `${s.notProvided.length}所学校缺少数据：${groups.join('，')}`,
    );
  }
  return parts.length ? parts.join('；') : '各校均达标';
}

/** Why each dimension is what it is: the items, CVs and schools behind it. */
export function dimensionReasons(report: Report, county: CountyReport): Record<Dimension, string> {
  const items = (d: Dimension) => county.checklist.filter((c) => c.item.dimension === d);
  const reasonsOf = (d: Dimension) => {
    const list = items(d);
    const failing = list.filter((c) => c.status === 'not_met');
    const missing = list.filter((c) => c.status === 'not_provided');
    const parts: string[] = [];
    if (failing.length)
      parts.push(
        `未达标：${failing.map((c) => `第${c.item.number}项（${c.schools ? schoolItemText(c) : itemFailText(c)}）`).join('；')}`,
      );
    if (missing.length) parts.push(`未提供：第${missing.map((c) => c.item.number).join('、')}项`);
    return parts.join('。') || (list.length === 1 ? '该项达标' : `${list.length}项均达标`);
  };
  const resources = county.levels
    .map((l) => {
      const cvs = l.failingCvs.map((s) => `${indicatorName(report, s.id)}差异系数${fmtCv(s.cv)}`);
      const schools = l.nonCompliant.map(sectionLabel);
      const parts = [
        ...(cvs.length
          ? [
              `${LEVEL_NAMES[l.level]}${cvs.join('、')}超过${l.result.indicators[report.profile.indicators[0]!.id]!.cvThreshold.toFixed(2)}`,
            ]
          : []),
        ...(schools.length
          ? [
              `${schools.length}所${LEVEL_NAMES[l.level]}（学段）未达标：${schools.slice(0, 8).join('、')}${schools.length > 8 ? '等' : ''}`,
            ]
          : []),
      ];
      return parts.join('；');
    })
    .filter(Boolean)
    .join('；');
  return {
    resources:
      resources ||
      (report.profile.compliance
        ? '各学段差异系数均达标，各校均达标'
        : `各学段${report.profile.cv.rule === 'mean' ? '综合' : ''}差异系数均达标`),
    guarantee: reasonsOf('guarantee'),
    quality: reasonsOf('quality'),
    recognition: reasonsOf('recognition'),
  };
}

/** "全县义务教育优质均衡发展：未达到。资源配置未达标（……）；政府保障程度无法判定（……）……" */
export function verdictSentence(report: Report, county: CountyReport): string {
  const reasons = dimensionReasons(report, county);
  const v = county.verdict;
  const dims = judgedDimensions(v).map(
    ({ dimension, status }) => `${DIMENSION_LABEL[dimension]}${dimensionStatus(status)}（${reasons[dimension]}）`,
  );
  const lack = !countySheetMissing(report, county)
    ? ''
    : '未提供县级指标工作表，政府保障程度、教育质量、社会认可度中由县级数据判定的项目无法判定。';
  return `${partialNote(report)}全县义务教育${report.profile.verdictName}发展${verdictPhrase(v.status)}。${lack}${dims.join('；')}。`;
}

/** The one-line verdict a written report opens with: "全县义务教育优质均衡发展未达到要求。" */
export function verdictHeadline(report: Report, county: CountyReport): string {
  const lack = countySheetMissing(report, county) ? '未提供县级指标工作表，由县级数据判定的项目无法判定。' : '';
  return `${partialNote(report)}全县义务教育${report.profile.verdictName}发展${verdictPhrase(county.verdict.status)}。${lack}`;
}

/** One line per judged dimension, its status and why: "资源配置：未达标。小学生均体育运动场馆面积差异系数0.603超过0.50……" */
export function dimensionLines(report: Report, county: CountyReport): string[] {
  const reasons = dimensionReasons(report, county);
  return judgedDimensions(county.verdict).map(
    ({ dimension, status }) => `${DIMENSION_LABEL[dimension]}：${dimensionStatus(status)}。${reasons[dimension]}。`,
  );
}

/** Some indicators could not be computed: the result is no formal verdict, and says so first. */
export function partialNote(report: Report): string {
  const n = report.droppedIndicators.length;
  if (n === 0) return '';
  const of = report.profile.indicators.length + n;
  return `【只计算了${of}项指标中的${report.profile.indicators.length}项（缺少${report.droppedIndicators.join('、')}），以下不是正式结论】`;
}

/** Why a county's resources fail at a level, in a few words: "差异系数超标：体育场馆0.603；未达标学校4所". */
export function levelReasons(report: Report, l: LevelReport): string {
  const parts: string[] = [];
  if (l.failingCvs.length)
    parts.push(
      `差异系数超标：${l.failingCvs.map((s) => `${report.profile.indicators.find((i) => i.id === s.id)!.short}${fmtCv(s.cv)}`).join('、')}`,
    );
  if (report.profile.cv.rule === 'mean' && !l.result.cvRulePass)
    parts.push(`综合差异系数${fmtCv(l.result.compositeCv)}超标`);
  if (report.profile.compliance && l.nonCompliant.length) parts.push(`未达标学校${l.nonCompliant.length}所`);
  return parts.join('；');
}

/** A failing county in one line for the province table: each level's reasons, then the county items not met. */
export function countyReasons(report: Report, county: CountyReport): string {
  const levels = county.levels
    .filter((l) => !l.result.pass)
    .map((l) => `${LEVEL_NAMES[l.level]}${levelReasons(report, l)}`);
  const items = county.checklist
    .filter((c) => c.status === 'not_met')
    .map((c) => `${DIMENSION_LABEL[c.item.dimension]}第${c.item.number}项`);
  return [...levels, ...(items.length ? [`未达标项目：${items.join('、')}`] : [])].join('；') || '—';
}

/** "200个县（市、区）中，资源配置达标的41个" */
export function provinceCountSentence(report: Report, counties: readonly CountyReport[]): string {
  const passing = counties.filter((c) => c.pass).length;
  return `${counties.length}个县（市、区）中，资源配置达到${report.profile.verdictName}要求的${passing}个，未达到的${counties.length - passing}个。`;
}

/** The province table's columns for one level: per indicator 全县平均值 and 差异系数, then the verdict. */
export function provinceRow(report: Report, county: CountyReport, level: LevelReport['level']) {
  const l = county.levels.find((x) => x.level === level);
  if (!l) return null;
  return {
    county: county.label,
    schools: l.result.schoolCount,
    students: l.result.students,
    indicators: report.profile.indicators.map((i) => ({
      mean: l.result.indicators[i.id]!.mean,
      cv: l.result.indicators[i.id]!.cv,
    })),
    composite: l.result.compositeCv,
    cvsPassed: l.cvsPassed,
    compliant: l.result.compliantSchools,
    pass: l.result.pass,
  };
}

/** What became of a column of the school table, in words: 读作“体育艺术专任教师数”（相加）… */
export const HOW_LABEL = {
  used: '读取',
  summed: '相加',
  checked: '核对',
  computed: '按公式计算',
  ignored: '未使用',
} as const;
export function columnAccountText(a: ColumnAccount): string {
  const formulas = a.formulas ? `；其中 ${a.formulas} 格是没有保存结果的公式，已按公式计算` : '';
  return howText(a) + (a.how === 'computed' ? '' : formulas);
}
function howText(a: ColumnAccount): string {
  switch (a.how) {
    case 'used':
      return `读作“${a.field}”`;
    case 'summed':
      return `与同组各列相加，作“${a.field}”`;
    case 'checked':
      return `“${a.field}”另有合计列：与同组各列相加后与之核对，合计列为空时用其和`;
    case 'computed':
      return `读作“${a.field}”；其中 ${a.formulas} 格是没有保存结果的公式，已按公式计算`;
    case 'ignored':
      return a.issue ? `未使用，见 ${a.issue}` : '未使用（序号、备注等不参与计算的列）';
  }
}
