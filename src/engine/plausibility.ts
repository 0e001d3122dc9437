/**
 * Plausible-but-suspicious values (input.md): a per-student value far from the
 * level median, and equipment that looks like 万元 typed into a 元 column.
 * Warnings only: the numbers are still computed, but a person must look.
 */
import { append } from '../common/lookup';
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
  append(issues, equipmentUnitIssues(results, profile));
  return issues;
}

/** Equipment typed in the wrong unit (万元 in a 元 column, 元 under a 万元 header): one warning per cell, as the two sections of a 九年一贯制 school share the whole-school column. */
function equipmentUnitIssues(results: readonly SectionResult[], profile: Profile): Issue[] {
  const ind = profile.indicators.find((i) => i.numerator === 'equipmentValue');
  if (!ind) return [];
  const issues: Issue[] = [];
  const warned = new Set<string>();
  for (const { section } of results) {
    const code = looksLikeWan(ind, section, profile)
      ? 'EQUIPMENT_LOOKS_LIKE_WAN'
      : looksLikeYuan(ind, section, profile)
        ? 'EQUIPMENT_LOOKS_LIKE_YUAN'
        : null;
    if (code === null) continue;
    const key = `${section.school.source.sheet}!${cellOf(section, 'equipmentValue')?.cell ?? section.school.source.row}`;
    if (warned.has(key)) continue;
    warned.add(key);
    const { value, standard } = equipmentOf(ind, section)!;
    issues.push(
      makeIssue(code, positionOf(section, ind), { value: roundTo(value, 2), times: Math.round(value / standard) }),
    );
  }
  return issues;
}

/** Equipment per student and its standard, for the two unit checks below; null for another indicator. */
function equipmentOf(ind: IndicatorDef, section: Section): { value: number; standard: number } | null {
  if (ind.numerator !== 'equipmentValue') return null;
  const standard = standardOf(ind, section.level);
  return standard === null ? null : { value: indicatorValue(ind, section), standard };
}

/** The unit factor of the section's equipment cell (a position is made only when asked); null without one. */
const unitFactorOf = (section: Section, ind: IndicatorDef) => cellOf(section, ind.numerator)?.unitFactor ?? null;

/** Equipment in a 元 column so small per student that it was surely typed in 万元. */
function looksLikeWan(ind: IndicatorDef, section: Section, profile: Profile): boolean {
  const e = equipmentOf(ind, section);
  // Only then the cell: a 万元 column was already converted.
  return (
    !!e &&
    e.value > 0 &&
    e.value < profile.plausibility.equipmentWanRatio * e.standard &&
    unitFactorOf(section, ind) === 1
  );
}

/** Equipment under a 万元 / 千元 header so large per student that it was surely typed in 元 (16 416 667 元 a student). */
function looksLikeYuan(ind: IndicatorDef, section: Section, profile: Profile): boolean {
  const e = equipmentOf(ind, section);
  return !!e && e.value > profile.plausibility.equipmentYuanRatio * e.standard && (unitFactorOf(section, ind) ?? 1) > 1;
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
