/** 标准: the profile's rule values, the cells every formula reads. */
import type { Profile } from '../../../engine/profile';
import { type Level } from '../../../engine/types';
import { SheetBuilder } from '../sheet';
import { table } from '../table';
import type { Style } from '../styles';
import { exclusionText } from '../../format';
import { COLOUR, NUM, ref, abs } from './common';

export interface StandardsLayout {
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

export function standardsSheet(profile: Profile): StandardsLayout {
  const sheet = new SheetBuilder('标准');
  const inds = profile.indicators;
  const levelCol: Record<Level, number> = { primary: 2, junior: 3 };
  const input: Style = { border: true, fill: COLOUR.input, numFmt: NUM.amount };
  table(
    sheet,
    '评估标准：修改黄色单元格，工作簿各表随之重算',
    [
      { header: '指标' },
      { header: '小学', width: 10 },
      { header: '初中', width: 10 },
      { header: '单位', width: 6 },
      { header: '计算', width: 34 },
      { header: '简称', width: 12 },
    ],
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
  sheet.addRow([`纳入范围：${exclusionText(profile)}`], { style: { italic: true, color: COLOUR.grey } });
  const setting = (label: string, values: Record<Level, number> | null, note: string) => {
    if (!values) return null;
    return sheet.addRow([
      { v: label, s: { border: true } },
      { v: values.primary, s: input },
      { v: values.junior, s: input },
      null,
      { v: note, s: { border: true } },
    ]);
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
