/** `balance-check profiles` and `balance-check explain`: the rules as text. */
import type { IndicatorDef, Profile } from '../engine/profile';
import { FIELD_BY_ID } from '../schema/columns';
import { splitWeightsText } from './format';

export function renderProfiles(profiles: readonly Profile[], defaultId: string): string {
  const blocks = profiles.map((p) => {
    const { primary, junior } = p.cv.threshold;
    const rule = p.cv.rule === 'each' ? `每项差异系数 ≤ 小学${primary}、初中${junior}` : `综合差异系数（${p.indicators.length}项平均）≤ 小学${primary}、初中${junior}`;
    const compliance = p.compliance ? `；学校达标：至少${p.compliance.minIndicatorsMet}项达标、余项不低于${Math.round(p.compliance.floorRatio * 100)}%` : '';
    const items = p.checklist.length ? `；县级项目${p.checklist.length}项` : '';
    return `${p.id}${p.id === defaultId ? '（默认）' : ''}  ${p.name}\n  ${p.indicators.length}项指标：${p.indicators.map((i) => i.short).join('、')}\n  ${rule}${compliance}${items}\n  依据：${p.source}\n`;
  });
  return `${blocks.join('\n')}\n自定义：--profile 文件.json，如 {"extends": "youzhi-2017", "indicators": {"sports_space": {"standard": {"primary": 7.0}}}}`;
}

/** By id, full name, short name, or a part of the name. */
export function findIndicator(profile: Profile, name: string): IndicatorDef | undefined {
  const key = name.trim();
  return profile.indicators.find((i) => i.id === key || i.name === key || i.short === key || i.name.includes(key));
}

export function renderExplain(profile: Profile, ind: IndicatorDef): string {
  const field = FIELD_BY_ID.get(ind.numerator)!.headers[0];
  const standard = ind.standard ? `小学 ≥ ${ind.standard.primary}${ind.unit}，初中 ≥ ${ind.standard.junior}${ind.unit}` : '无（只计算差异系数）';
  const split = ind.split === 'weighted' ? `按学生数加权拆分（小学生 : 初中生 : 高中生 = ${splitWeightsText(profile)}）` : '按各学段在校生数比例拆分';
  const { primary, junior } = profile.cv.threshold;
  return [
    `${ind.name}（${ind.id}）`,
    `公式：${field} ÷ 在校生数${ind.scale === 100 ? ' × 100' : ''}（单位：${ind.unit || '—'}）`,
    `标准：${standard}`,
    `一贯制学校、完全中学：${split}；分学段填报（小学部…/初中部…）时按填报值`,
    `差异系数：按学生数加权，CV = S / X̄；${profile.cv.rule === 'each' ? '每项' : '综合（各项平均）'}不超过 小学 ${primary}、初中 ${junior}`,
    `依据：${profile.name}（${profile.source}）`,
  ].join('\n');
}
