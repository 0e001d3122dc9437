/**
 * The student-weighted 差异系数 written out plainly from indicators.md §2.2, for tests to check the engine
 * against: never the engine's weightedCv (a test that recomputes with the code under test passes when both are
 * wrong — issue 31). X̄ = Σ P_i·X_i / Σ P_i, S = √(Σ P_i·(X_i − X̄)² / Σ P_i), CV = S / X̄.
 */
export interface Point {
  /** The section's indicator value X_i. */
  value: number;
  /** The section's students P_i. */
  weight: number;
}

export function plainCv(points: readonly Point[]): { mean: number; cv: number | null } {
  let n = 0;
  let total = 0;
  for (const { value, weight } of points) {
    n += weight;
    total += weight * value;
  }
  const mean = total / n;
  let squares = 0;
  for (const { value, weight } of points) squares += weight * (value - mean) * (value - mean);
  return { mean, cv: mean === 0 ? null : Math.sqrt(squares / n) / mean };
}
