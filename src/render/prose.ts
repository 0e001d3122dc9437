/**
 * Sentences in the register of a 自评报告, shared by the terminal, Markdown and Excel
 * renderers so that the verdict reads the same everywhere.
 */
import { LEVEL_NAMES } from '../engine/types';
import type { CountyReport, Gap, LevelReport, Report } from '../report/model';
import { fmtCv, fmtInt, fmtShortfall } from './format';

const indicatorName = (report: Report, id: string) => report.profile.indicators.find((i) => i.id === id)!.name;

/** "全县小学7项指标校际差异系数均小于或等于0.50，26所小学中20所达标……" */
export function levelVerdict(report: Report, l: LevelReport): string {
  const name = LEVEL_NAMES[l.level];
  const n = report.profile.indicators.length;
  const threshold = l.result.indicators[report.profile.indicators[0]!.id]!.cvThreshold.toFixed(2);
  const cvSentence =
    l.failingCvs.length === 0
      ? `${name}${n}项指标校际差异系数均小于或等于${threshold}`
      : `${name}有${l.failingCvs.length}项指标校际差异系数超过${threshold}（${l.failingCvs
          .map((s) => `${indicatorName(report, s.id)} ${fmtCv(s.cv)}`)
          .join('，')}）`;
  const rule = report.profile.compliance;
  const compliance = rule
    ? `；参与计算的${l.result.schoolCount}所${name}（学段）中，${l.result.compliantSchools}所达到“至少${rule.minIndicatorsMet}项指标达标、余项不低于标准的${Math.round(rule.floorRatio * 100)}%”的要求`
    : '';
  const verdict = l.result.pass ? '资源配置达到优质均衡要求' : '资源配置尚未达到优质均衡要求';
  return `${cvSentence}${compliance}，${verdict}。`;
}

/** "生均体育运动场馆面积不达标小学10所，按标准共缺1,234.5㎡。" */
export function gapSentence(g: Gap): string {
  const { indicator: ind } = g;
  const unit = ind.shortfallUnit;
  return `${ind.name}不达标${LEVEL_NAMES[g.level]}${g.schoolsNotMeeting}所，按标准共缺${fmtShortfall(ind, g.toStandard)}${unit}，使各校达到学校达标要求至少需${fmtShortfall(ind, g.toCompliance)}${unit}。`;
}


/** "参与计算的38所学校中33所达标（一贯制学校及完全中学须各学段均达标）。" */
export function schoolsSentence(county: CountyReport): string {
  const multi = county.schools.filter((s) => s.sections.length > 1).length;
  return `参与计算的${county.schools.length}所学校中，${county.compliantSchools}所达标` +
    (multi ? `（其中${multi}所一贯制学校或完全中学须各学段均达标）` : '') + '。';
}

export function excludedSentence(county: CountyReport): string | null {
  if (county.excluded.length === 0) return null;
  return `未纳入资源配置计算的学校${fmtInt(county.excluded.length)}所：${county.excluded
    .map((e) => `${e.school.name}（${e.reason}）`)
    .join('；')}。`;
}
