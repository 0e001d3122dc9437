/**
 * Per-section values, the 6-of-7-and-85% rule (indicators.md §2.1) and shortfalls (§2.5).
 */
import { recordMaker, type RecordMaker } from '../common/record-maker';
import type { IndicatorDef, Profile } from './profile';
import type { Section } from './sections';
import { atLeast, ceilAtCompare } from './stats';
import type { Level } from './types';

export type PerIndicator<T> = Record<string, T>;

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
  /** The records, once read (one field for the five: a province's sections read none). */
  private records: {
    values?: PerIndicator<number>;
    met?: PerIndicator<boolean>;
    gaps?: PerIndicator<number>;
    shortfall?: PerIndicator<number>;
    toCompliance?: PerIndicator<number>;
  } | null = null;

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
    return ((this.records ??= {}).values ??= this.record((k) => this.valueAt(k)));
  }
  get met(): PerIndicator<boolean> {
    return ((this.records ??= {}).met ??= this.record((k) => this.metAt(k)));
  }
  /** How far below its standard each value is, as a share of the standard (0 when met). */
  get relativeGaps(): PerIndicator<number> {
    return ((this.records ??= {}).gaps ??= this.record((k) => this.numbers[this.base + k * STRIDE + GAP]!));
  }
  /** To bring every value to its standard. */
  get shortfall(): PerIndicator<number> {
    return ((this.records ??= {}).shortfall ??= this.record((k) => this.shortfallAt(k)));
  }
  /** The smaller amount that makes the section compliant under the 6-of-7 / 85% rule. */
  get shortfallToCompliance(): PerIndicator<number> {
    return ((this.records ??= {}).toCompliance ??= this.record((k) => this.toComplianceAt(k)));
  }

  private record<T>(at: (k: number) => T): PerIndicator<T> {
    const n = this.profile.indicators.length;
    const list: T[] = [];
    for (let k = 0; k < n; k++) list.push(at(k));
    return makerOf(this.profile)(list);
  }
}

/** Per profile, made once: the maker of its per-indicator records. */
const MAKERS = new WeakMap<Profile, RecordMaker>();
function makerOf(profile: Profile): RecordMaker {
  let make = MAKERS.get(profile);
  if (!make) MAKERS.set(profile, (make = recordMaker(profile.indicators.map((i) => i.id))));
  return make;
}

export const indicatorValue = (ind: IndicatorDef, section: Section): number =>
  ((section.amounts[ind.numerator] ?? 0) / section.students) * ind.scale;

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

function judge(section: Section, profile: Profile, numbers: Float64Array, base: number): SectionResult {
  const inds = profile.indicators;
  let metCount = 0;
  for (let k = 0; k < inds.length; k++) {
    const ind = inds[k]!;
    const value = indicatorValue(ind, section);
    const standard = standardOf(ind, section.level);
    const ok = standard === null || atLeast(value, standard);
    if (ok) metCount++;
    const at = base + k * STRIDE;
    numbers[at + VALUE] = value;
    numbers[at + SHORTFALL] = standard === null ? 0 : amountToReach(ind, section, standard);
    numbers[at + GAP] = standard === null || ok ? 0 : 1 - value / standard;
    numbers[at + TO_COMPLIANCE] = 0;
    numbers[at + MET] = ok ? 1 : 0;
  }
  const compliant = isCompliant(profile, section.level, (k) => numbers[base + k * STRIDE + VALUE]!, metCount);
  const leftAtFloor = compliant ? NONE_LEFT : indicatorsLeftAtFloor(profile, numbers, base);
  if (!compliant)
    for (let k = 0; k < inds.length; k++) {
      if (numbers[base + k * STRIDE + MET] === 1) continue;
      const ind = inds[k]!;
      const standard = standardOf(ind, section.level)!;
      const target = leftAtFloor.includes(ind.id) ? profile.compliance!.floorRatio * standard : standard;
      numbers[base + k * STRIDE + TO_COMPLIANCE] = amountToReach(ind, section, target);
    }
  return new SectionResult(section, profile, numbers, base, metCount, compliant, leftAtFloor);
}

/** At least N of the indicators meet the standard and every one that misses is ≥ floor × standard (indicator k's value by index). */
function isCompliant(profile: Profile, level: Level, valueAt: (k: number) => number, metCount: number): boolean {
  const rule = profile.compliance;
  if (!rule) return true;
  if (metCount < rule.minIndicatorsMet) return false;
  return profile.indicators.every((ind, k) => {
    const standard = standardOf(ind, level);
    return standard === null || atLeast(valueAt(k), rule.floorRatio * standard);
  });
}

/** What must be added to one section so that its value reaches `target` (persons and rooms rounded up). */
export function amountToReach(ind: IndicatorDef, section: Section, target: number): number {
  const needed = (target * section.students) / ind.scale - (section.amounts[ind.numerator] ?? 0);
  if (needed <= 0 || atLeast(indicatorValue(ind, section), target)) return 0;
  return ind.countable ? ceilAtCompare(needed) : needed;
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
  return unmet.sort((a, b) => gap(b.k) - gap(a.k)).slice(0, allowedBelow).map((u) => u.ind.id);
}
