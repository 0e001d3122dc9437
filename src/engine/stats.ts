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
  const students = points.reduce((s, p) => s + p.weight, 0);
  if (students === 0) return { mean: 0, sd: 0, cv: null, students };
  const mean = points.reduce((s, p) => s + p.weight * p.value, 0) / students;
  const variance = points.reduce((s, p) => s + p.weight * (p.value - mean) ** 2, 0) / students;
  const sd = Math.sqrt(variance);
  return { mean, sd, cv: mean === 0 ? null : sd / mean, students };
}

/**
 * The plain mean-over-schools CV that home-made tools compute. It is NOT the official
 * method; it exists so tests and reports can show how far off it would be.
 */
export function unweightedCv(values: readonly number[]): number | null {
  return weightedCv(values.map((value) => ({ value, weight: 1 }))).cv;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Round half away from zero at `decimals`, immune to binary artefacts such as 0.5005 → 0.500. */
export function roundTo(x: number, decimals: number): number {
  return Number(`${Math.round(Number(`${Math.abs(x)}e${decimals}`))}e-${decimals}`) * Math.sign(x);
}

/** Float comparisons at a relative tolerance: 42 / 1000 × 100 must meet a standard of 4.2. */
const EPS = 1e-9;
export const atLeast = (value: number, bound: number) => value >= bound - EPS * Math.max(1, Math.abs(bound));
export const atMost = (value: number, bound: number) => value <= bound + EPS * Math.max(1, Math.abs(bound));
export const ceilTolerant = (x: number) => Math.ceil(x - EPS * Math.max(1, Math.abs(x)));
