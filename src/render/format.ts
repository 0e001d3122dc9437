/** Display formatting shared by the text renderers. Numbers are rounded here, for display only. */
import { fmt } from '../common/number';
import { KNOWN_EXCLUSION_RULES, type IndicatorDef, type Profile } from '../engine/profile';

export { fmt };

/** "1 : 1.1 : 1.32": one 小学生 : 初中生 : 高中生 as the profile weighs them for facilities. */
export function splitWeightsText(profile: Profile): string {
  const w = profile.splitWeights.十二年一贯制;
  return [w.primary, w.junior, w.senior].map((x) => x ?? 1).join(' : ');
}

/**
 * Which schools the indicators leave out, as the profile's rule is (“特殊教育学校和在校生不足50人的教学点不纳入资源配置
 * 计算，其余教学点按小学计算”), and the provincial rule it is the same as, when it is one (KNOWN_EXCLUSION_RULES).
 */
export function exclusionText(profile: Profile): string {
  const x = profile.exclusions;
  const out = [
    x.specialEducation ? '特殊教育学校' : '',
    x.teachingPoints === 'exclude-small' && x.teachingPointMinStudents > 0
      ? `在校生不足${x.teachingPointMinStudents}人的教学点`
      : '',
  ]
    .filter(Boolean)
    .join('和');
  const points =
    x.teachingPoints === 'merge'
      ? '教学点并入所属中心校计算'
      : x.teachingPointMinStudents > 0
        ? '其余教学点按小学计算'
        : '教学点按小学计算';
  const same = KNOWN_EXCLUSION_RULES.find(
    (r) =>
      r.exclusions.specialEducation === x.specialEducation &&
      r.exclusions.teachingPoints === x.teachingPoints &&
      r.exclusions.teachingPointMinStudents === x.teachingPointMinStudents,
  );
  return `${out ? `${out}不纳入资源配置计算，` : ''}${points}${same ? `（与${same.source}相同：“${same.words}”）` : ''}`;
}

export const fmtInt = (x: number): string => fmt(x, 0);
export const fmtCv = (cv: number | null): string => (cv === null ? '—' : fmt(cv, 3));

/** An indicator value with the precision its unit wants: 元 whole, small ratios (师生比 0.0625) to 4 decimals, others 2. */
export const fmtValue = (ind: IndicatorDef, x: number): string =>
  fmt(x, ind.unit === '元' ? 0 : Math.abs(x) < 1 && ind.standard === null ? 4 : 2);
/** "体育场馆（㎡）", or just "师生比" for a ratio without a unit. */
export const labelWithUnit = (ind: IndicatorDef): string => (ind.unit ? `${ind.short}（${ind.unit}）` : ind.short);

/** A shortfall amount: whole persons / rooms / 元, areas to 0.1 ㎡. */
export const fmtShortfall = (ind: IndicatorDef, x: number): string =>
  fmt(x, ind.countable || ind.shortfallUnit === '元' ? 0 : 1);

export const fmtPercent = (x: number, digits = 1): string => `${fmt(x * 100, digits)}%`;

export const fmtStandard = (x: number | null): string => (x === null ? '—' : String(x));

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

export const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
export const padStart = (s: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
