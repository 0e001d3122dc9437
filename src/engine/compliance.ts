/**
 * Per-section values, the 6-of-7-and-85% rule (indicators.md §2.1) and shortfalls (§2.5).
 */
import { recordMaker, type RecordMaker } from '../common/record-maker';
import type { IndicatorDef, Profile } from './profile';
import type { Section } from './sections';
import { atLeast, ceilAtCompare, COMPARE_DECIMALS, roundTo, type WeightedCv } from './stats';
import type { Level } from './types';

export type PerIndicator<T> = Record<string, T>;

/** A SectionResult's records, once read. */
interface Records {
  values: PerIndicator<number> | undefined;
  met: PerIndicator<boolean> | undefined;
  gaps: PerIndicator<number> | undefined;
  shortfall: PerIndicator<number> | undefined;
  toCompliance: PerIndicator<number> | undefined;
}
const noRecords = (): Records => ({
  values: undefined,
  met: undefined,
  gaps: undefined,
  shortfall: undefined,
  toCompliance: undefined,
});

/** Where indicator k's figures sit in a SectionResult's numbers: k × STRIDE + one of these. */
const VALUE = 0;
const SHORTFALL = 1;
const GAP = 2;
const TO_COMPLIANCE = 3;
const MET = 4;
const STRIDE = 5;

/**
 * One section's indicators judged. The figures of indicator k (in profile order) are numbers in
 * one array, read by index (valueAt, metAt, …); `values`, `met`, `shortfall`, … are records by
 * indicator id, made when first read and then kept. A province has half a million sections: five
 * records of seven boxed numbers each were most of its memory, and its batch reports read none.
 */
export class SectionResult {
  /**
   * The records, once read (one field for the five: a province's sections read none). Made with
   * all five fields at once, so that every SectionResult's records have one shape.
   */
  private records: Records | null = null;

  constructor(
    readonly section: Section,
    private readonly profile: Profile,
    /**
     * Indicator k's value, shortfall, relative gap, shortfall to compliance and met (1 / 0) at
     * base + k × 5 …: one array for all the sections of a county (evaluateSections), outside the
     * collected heap.
     */
    private readonly numbers: Float64Array,
    private readonly base: number,
    readonly metCount: number,
    readonly compliant: boolean,
    /** Indicators that shortfallToCompliance raises only to the floor (85%), not to the standard. */
    readonly leftAtFloor: readonly string[],
  ) {}

  valueAt(k: number): number {
    return this.numbers[this.base + k * STRIDE + VALUE]!;
  }
  metAt(k: number): boolean {
    return this.numbers[this.base + k * STRIDE + MET] === 1;
  }
  shortfallAt(k: number): number {
    return this.numbers[this.base + k * STRIDE + SHORTFALL]!;
  }
  toComplianceAt(k: number): number {
    return this.numbers[this.base + k * STRIDE + TO_COMPLIANCE]!;
  }

  /** Each indicator's value. */
  get values(): PerIndicator<number> {
    return ((this.records ??= noRecords()).values ??= this.record((k) => this.valueAt(k)));
  }
  get met(): PerIndicator<boolean> {
    return ((this.records ??= noRecords()).met ??= this.record((k) => this.metAt(k)));
  }
  /** How far below its standard each value is, as a share of the standard (0 when met). */
  get relativeGaps(): PerIndicator<number> {
    return ((this.records ??= noRecords()).gaps ??= this.record((k) => this.numbers[this.base + k * STRIDE + GAP]!));
  }
  /** To bring every value to its standard. */
  get shortfall(): PerIndicator<number> {
    return ((this.records ??= noRecords()).shortfall ??= this.record((k) => this.shortfallAt(k)));
  }
  /** The smaller amount that makes the section compliant under the 6-of-7 / 85% rule. */
  get shortfallToCompliance(): PerIndicator<number> {
    return ((this.records ??= noRecords()).toCompliance ??= this.record((k) => this.toComplianceAt(k)));
  }

  /**
   * These results with their figures in an array of their own, just big enough (a batch keeps a
   * county's few non-compliant sections: not the whole county's array).
   */
  static packed(results: readonly SectionResult[]): SectionResult[] {
    if (results.length === 0) return [];
    const width = results[0]!.profile.indicators.length * STRIDE;
    const numbers = new Float64Array(results.length * width);
    return results.map((r, i) => {
      numbers.set(r.numbers.subarray(r.base, r.base + width), i * width);
      const copy = new SectionResult(r.section, r.profile, numbers, i * width, r.metCount, r.compliant, r.leftAtFloor);
      copy.records = r.records;
      return copy;
    });
  }

  /** The same judgement of another copy of the section (the Markdown report's, its names escaped): a SectionResult of the same shape. */
  withSection(section: Section): SectionResult {
    const copy = new SectionResult(
      section,
      this.profile,
      this.numbers,
      this.base,
      this.metCount,
      this.compliant,
      this.leftAtFloor,
    );
    copy.records = this.records;
    return copy;
  }

  private record<T>(at: (k: number) => T): PerIndicator<T> {
    const n = this.profile.indicators.length;
    const list: T[] = [];
    for (let k = 0; k < n; k++) list.push(at(k));
    return makerOf(this.profile)(list);
  }
}

/**
 * weightedCv of each of the first `count` indicators over these sections (value weighted by
 * students): the same sums in the same order as weightedCv of each indicator's points, in three passes for all.
 */
export function sectionCvs(results: readonly SectionResult[], count: number): WeightedCv[] {
  let students = 0;
  for (let i = 0; i < results.length; i++) students += results[i]!.section.students;
  if (students === 0) return Array.from({ length: count }, () => ({ mean: 0, sd: 0, cv: null, students }));
  const sums = new Float64Array(count);
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const w = r.section.students;
    for (let k = 0; k < count; k++) sums[k] = sums[k]! + w * r.valueAt(k);
  }
  const means = sums.map((sum) => sum / students);
  const squares = new Float64Array(count);
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const w = r.section.students;
    for (let k = 0; k < count; k++) squares[k] = squares[k]! + w * (r.valueAt(k) - means[k]!) ** 2;
  }
  return Array.from({ length: count }, (_, k) => {
    const mean = means[k]!;
    const sd = Math.sqrt(squares[k]! / students);
    return { mean, sd, cv: mean === 0 ? null : sd / mean, students };
  });
}

/** Per profile, made once: the maker of its per-indicator records. */
const MAKERS = new WeakMap<Profile, RecordMaker>();
function makerOf(profile: Profile): RecordMaker {
  let make = MAKERS.get(profile);
  if (!make) MAKERS.set(profile, (make = recordMaker(profile.indicators.map((i) => i.id))));
  return make;
}

/** An indicator's value from a section's amount and students (× 100 for per-100 indicators). */
const perStudent = (ind: IndicatorDef, amount: number, students: number): number => (amount / students) * ind.scale;

export const indicatorValue = (ind: IndicatorDef, section: Section): number =>
  perStudent(ind, section.amounts[ind.numerator] ?? 0, section.students);

export const standardOf = (ind: IndicatorDef, level: Level): number | null => ind.standard?.[level] ?? null;

export function evaluateSection(section: Section, profile: Profile): SectionResult {
  return evaluateSections([section], profile)[0]!;
}

/** Each section judged; their figures in one array (a county's sections: one allocation, not one each). */
export function evaluateSections(sections: readonly Section[], profile: Profile): SectionResult[] {
  const width = profile.indicators.length * STRIDE;
  const numbers = new Float64Array(sections.length * width);
  return sections.map((section, i) => judge(section, profile, numbers, i * width));
}

/** What a compliant section leaves at the floor: nothing (one frozen list for all of them). */
const NONE_LEFT: readonly string[] = Object.freeze([]);

/** A profile's indicators as judge reads them, per level: made once per profile. */
interface Judging {
  numerators: readonly IndicatorDef['numerator'][];
  /** Per level, indicator k's standard (NaN: none) and floorRatio × standard. */
  standards: Record<Level, { standard: Float64Array; floor: Float64Array }>;
}
const JUDGING = new WeakMap<Profile, Judging>();
function judgingOf(profile: Profile): Judging {
  let j = JUDGING.get(profile);
  if (j) return j;
  const perLevel = (level: Level) => {
    const standard = Float64Array.from(profile.indicators, (ind) => standardOf(ind, level) ?? NaN);
    const ratio = profile.compliance?.floorRatio ?? 1;
    return { standard, floor: standard.map((x) => ratio * x) };
  };
  j = {
    numerators: profile.indicators.map((i) => i.numerator),
    standards: { primary: perLevel('primary'), junior: perLevel('junior') },
  };
  JUDGING.set(profile, j);
  return j;
}

/** The smallest amount one adds: whole persons, rooms and 元, 0.1 ㎡ (a shortfall and a plan alike). */
export const resolutionOf = (ind: IndicatorDef): number => (ind.countable || ind.shortfallUnit === '元' ? 1 : 0.1);

/**
 * `x` rounded up to a multiple of `step` (1 or 0.1), after rounding to the compared decimals as the
 * Excel report's ROUNDUP(ROUND(x, 9), 0 or 1) does: a school's shortfall as the reports show it, so
 * that the shown amounts add up to the shown total and to the plan's (which adds the same units).
 */
export function roundUpTo(x: number, step: number): number {
  if (x <= 0) return 0;
  if (step === 1) return ceilAtCompare(x);
  const units = Math.ceil(roundTo(roundTo(x, COMPARE_DECIMALS) / step, COMPARE_DECIMALS));
  return Number((units * step).toFixed(6));
}

/** What must be added to a section (its students, amount and value) for its value to reach `target`, in whole units (resolutionOf). */
function reach(ind: IndicatorDef, students: number, amount: number, value: number, target: number): number {
  const needed = (target * students) / ind.scale - amount;
  if (needed <= 0 || atLeast(value, target)) return 0;
  return roundUpTo(needed, resolutionOf(ind));
}

function judge(section: Section, profile: Profile, numbers: Float64Array, base: number): SectionResult {
  const inds = profile.indicators;
  const { numerators, standards } = judgingOf(profile);
  const { standard, floor } = standards[section.level];
  const { amounts, students } = section;
  const rule = profile.compliance;
  let metCount = 0;
  // Compliant (indicators.md §2.1): at least N met, and every one with a standard at or above its floor.
  let aboveFloors = true;
  for (let k = 0; k < inds.length; k++) {
    const ind = inds[k]!;
    const amount = amounts[numerators[k]!] ?? 0;
    const value = perStudent(ind, amount, students);
    const std = standard[k]!;
    const none = Number.isNaN(std);
    const ok = none || atLeast(value, std);
    if (ok) metCount++;
    // A met indicator is above its floor too (floorRatio ≤ 1, as the profile schema bounds it).
    else if (rule && aboveFloors && !atLeast(value, floor[k]!)) aboveFloors = false;
    const at = base + k * STRIDE;
    numbers[at + VALUE] = value;
    numbers[at + SHORTFALL] = none ? 0 : reach(ind, students, amount, value, std);
    numbers[at + GAP] = none || ok ? 0 : 1 - value / std;
    numbers[at + TO_COMPLIANCE] = 0;
    numbers[at + MET] = ok ? 1 : 0;
  }
  const compliant = !rule || (metCount >= rule.minIndicatorsMet && aboveFloors);
  const leftAtFloor = compliant ? NONE_LEFT : indicatorsLeftAtFloor(profile, numbers, base);
  if (!compliant)
    for (let k = 0; k < inds.length; k++) {
      const at = base + k * STRIDE;
      if (numbers[at + MET] === 1) continue;
      const ind = inds[k]!;
      const target = leftAtFloor.includes(ind.id) ? floor[k]! : standard[k]!;
      numbers[at + TO_COMPLIANCE] = reach(ind, students, amounts[numerators[k]!] ?? 0, numbers[at + VALUE]!, target);
    }
  return new SectionResult(section, profile, numbers, base, metCount, compliant, leftAtFloor);
}

/**
 * The cheapest way to compliance: the indicators allowed to stay below standard
 * (7 − 6 = 1) are the ones furthest below it (relative gap 1 − value ÷ standard; the
 * first in profile order on a tie), raised only to the floor (85%); every other unmet
 * indicator is raised to its standard.
 */
function indicatorsLeftAtFloor(profile: Profile, numbers: Float64Array, base: number): string[] {
  const allowedBelow = profile.indicators.length - profile.compliance!.minIndicatorsMet;
  const gap = (k: number) => numbers[base + k * STRIDE + GAP]!;
  const unmet = profile.indicators.flatMap((ind, k) => (numbers[base + k * STRIDE + MET] === 1 ? [] : [{ ind, k }]));
  return unmet
    .sort((a, b) => gap(b.k) - gap(a.k))
    .slice(0, allowedBelow)
    .map((u) => u.ind.id);
}
