/** Student-weighted statistics over school sections (indicators.md §2.2). */

export interface Weighted {
  /** The section's indicator value X_i. */
  value: number;
  /** The section's students P_i. */
  weight: number;
}

export interface WeightedCv {
  /** X̄ = Σ P_i·X_i / N */
  mean: number;
  /** S = sqrt(Σ P_i·(X_i − X̄)² / N) */
  sd: number;
  /** S / X̄, or null when X̄ = 0 (no resource anywhere: the CV is undefined). */
  cv: number | null;
  /** N = Σ P_i */
  students: number;
}

export function weightedCv(points: readonly Weighted[]): WeightedCv {
  let students = 0;
  for (const p of points) students += p.weight;
  if (students === 0) return { mean: 0, sd: 0, cv: null, students };
  let sum = 0;
  for (const p of points) sum += p.weight * p.value;
  const mean = sum / students;
  let squares = 0;
  for (const p of points) squares += p.weight * (p.value - mean) ** 2;
  const sd = Math.sqrt(squares / students);
  return { mean, sd, cv: mean === 0 ? null : sd / mean, students };
}

/**
 * The plain mean-over-schools CV that home-made tools compute. It is NOT the official
 * method; it exists so tests and reports can show how far off it would be.
 */
export function unweightedCv(values: readonly number[]): number | null {
  return weightedCv(values.map((value) => ({ value, weight: 1 }))).cv;
}

export function median(values: readonly number[] | Float64Array): number {
  if (values.length === 0) return NaN;
  const a = values instanceof Float64Array ? values.slice() : new Float64Array(values);
  const mid = a.length >> 1;
  // A sort puts NaN last (never in these values: a section's value is an amount over its students > 0).
  if (a.some(Number.isNaN)) {
    a.sort();
    return a.length % 2 ? a[mid]! : (a[mid - 1]! + a[mid]!) / 2;
  }
  // The middle values found in place, not by sorting (a province takes 2 850 × 14 medians): the same values a sort puts there.
  const upper = select(a, mid, 0, a.length - 1);
  if (a.length % 2) return upper;
  // The lower middle is the largest value left of `mid` once `mid` is in place.
  let lower = a[0]!;
  for (let i = 1; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest of a[lo..hi] (Hoare's selection), a rearranged so that a[k] holds it, smaller ones before it, larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * Round half away from zero at `decimals`, as Excel's ROUND does: the scaled value is first
 * taken at 15 significant digits, so binary artefacts (0.5005 stored as 0.50049999…) round up.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  // Only a value next to a .5 boundary can round differently at 15 significant digits.
  const nearHalf = Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6;
  return (Math.sign(x) * Math.round(nearHalf ? Number(scaled.toPrecision(15)) : scaled)) / f;
}

/**
 * Comparisons with a standard are made at 9 decimal places on both sides, in the engine
 * and in the Excel report's formulas alike (ROUND(x,9) >= ROUND(bound,9)), so that 42
 * teachers for 1 000 students meets 4.2 whatever the last bit of the division.
 */
export const COMPARE_DECIMALS = 9;
export function atLeast(value: number, bound: number): boolean {
  // Rounding is monotonic: it can only change the answer when the two are within a rounding unit.
  if (value >= bound) return true;
  if (bound - value > 1e-8 * Math.max(1, Math.abs(bound))) return false;
  return roundTo(value, COMPARE_DECIMALS) >= roundTo(bound, COMPARE_DECIMALS);
}
/** Whole persons or rooms needed: ROUNDUP(ROUND(x, 9), 0). */
export const ceilAtCompare = (x: number) => Math.ceil(roundTo(x, COMPARE_DECIMALS));
