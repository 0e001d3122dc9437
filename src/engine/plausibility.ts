/**
 * Plausible-but-suspicious values (input.md): a per-student value far from the
 * level median, and equipment that looks like 万元 typed into a 元 column.
 * Warnings only: the numbers are still computed, but a person must look.
 */
import { makeIssue, type Issue } from '../issues/catalogue';
import { indicatorValue, standardOf, type SectionResult } from './compliance';
import type { IndicatorDef, Profile } from './profile';
import { cellOf, type Section } from './sections';
import { median, roundTo } from './stats';
import { LEVEL_NAMES, type Level } from './types';

export function plausibilityIssues(results: readonly SectionResult[], profile: Profile): Issue[] {
  const issues: Issue[] = [];
  const { outlierFactor: factor } = profile.plausibility;
  for (const level of ['primary', 'junior'] as Level[]) {
    const ofLevel = results.filter((r) => r.section.level === level);
    for (const [k, ind] of profile.indicators.entries()) {
      // The values evaluateSection computed (indicatorValue of each section), read, not computed again.
      const values = new Float64Array(ofLevel.length);
      for (let i = 0; i < ofLevel.length; i++) values[i] = ofLevel[i]!.valueAt(k);
      const med = median(values);
      if (!(med > 0)) continue;
      for (const r of ofLevel) {
        const { section } = r;
        const value = r.valueAt(k);
        const code = value > factor * med ? 'OUTLIER_HIGH' : value < med / factor ? 'OUTLIER_LOW' : null;
        if (code && !looksLikeWan(ind, section, profile) && !looksLikeYuan(ind, section, profile))
          issues.push(
            makeIssue(code, positionOf(section, ind), {
              indicator: ind.name,
              value: roundTo(value, 2),
              median: roundTo(med, 2),
              level: LEVEL_NAMES[level],
              factor,
            }),
          );
      }
    }
  }
  // One warning per cell: the two sections of a 九年一贯制 school share the whole-school column.
  const equipment = profile.indicators.find((i) => i.numerator === 'equipmentValue');
  const warned = new Set<string>();
  for (const { section } of results) {
    if (!equipment) break;
    const code = looksLikeWan(equipment, section, profile) ? 'EQUIPMENT_LOOKS_LIKE_WAN' : looksLikeYuan(equipment, section, profile) ? 'EQUIPMENT_LOOKS_LIKE_YUAN' : null;
    if (code === null) continue;
    const key = `${section.school.source.sheet}!${cellOf(section, 'equipmentValue')?.cell ?? section.school.source.row}`;
    if (warned.has(key)) continue;
    warned.add(key);
    const value = indicatorValue(equipment, section);
    const standard = standardOf(equipment, section.level)!;
    issues.push(makeIssue(code, positionOf(section, equipment), { value: roundTo(value, 2), times: Math.round(value / standard) }));
  }
  return issues;
}

/** Equipment in a 元 column so small per student that it was surely typed in 万元. */
function looksLikeWan(ind: IndicatorDef, section: Section, profile: Profile): boolean {
  if (ind.numerator !== 'equipmentValue') return false;
  const standard = standardOf(ind, section.level);
  if (standard === null) return false;
  const value = indicatorValue(ind, section);
  if (!(value > 0 && value < profile.plausibility.equipmentWanRatio * standard)) return false;
  // Only now the cell (a position is made when asked): a 万元 column was already converted.
  const ref = cellOf(section, ind.numerator);
  return !!ref && ref.unitFactor === 1;
}

/** Equipment under a 万元 / 千元 header so large per student that it was surely typed in 元 (16 416 667 元 a student). */
function looksLikeYuan(ind: IndicatorDef, section: Section, profile: Profile): boolean {
  if (ind.numerator !== 'equipmentValue') return false;
  const standard = standardOf(ind, section.level);
  if (standard === null) return false;
  if (!(indicatorValue(ind, section) > profile.plausibility.equipmentYuanRatio * standard)) return false;
  const ref = cellOf(section, ind.numerator);
  return !!ref && ref.unitFactor > 1;
}

function positionOf(section: Section, ind: IndicatorDef) {
  const { school } = section;
  const ref = cellOf(section, ind.numerator);
  return {
    sheet: school.source.sheet,
    ...(ref ? { cell: ref.cell, column: ref.column } : { row: school.source.row }),
    field: ind.numerator,
    school: school.name,
    county: school.county,
  };
}
