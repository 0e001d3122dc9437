/**
 * Which sections drive a CV (影响分析): each section's share of the student-weighted sum of
 * squared deviations, P_i (x_i − x̄)² / Σ P_j (x_j − x̄)², and the CV with that section left
 * out. Pure; O(n) per indicator (leave-one-out from running sums, not n recomputations).
 */
import type { SectionResult } from './compliance';
import type { IndicatorDef } from './profile';

export interface Influence {
  section: SectionResult;
  /** Share of Σ P_j (x_j − x̄)²; 0 for all when every value is equal. */
  share: number;
  /** The CV of the level without this section (null when nothing is left, or the mean left is 0). */
  cvWithout: number | null;
  /** Whether the section's value lies above the county value (it pulls the CV up from above). */
  above: boolean;
}

/** Largest share first; ties in input order. */
export function influenceOf(results: readonly SectionResult[], ind: IndicatorDef): Influence[] {
  let n = 0;
  let sx = 0;
  let sxx = 0;
  for (const r of results) {
    const p = r.section.students;
    const x = r.values[ind.id]!;
    n += p;
    sx += p * x;
    sxx += p * x * x;
  }
  const mean = n ? sx / n : 0;
  let total = 0;
  for (const r of results) total += r.section.students * (r.values[ind.id]! - mean) ** 2;
  const out = results.map((r): Influence => {
    const p = r.section.students;
    const x = r.values[ind.id]!;
    const n1 = n - p;
    let cvWithout: number | null = null;
    if (n1 > 0) {
      const m1 = (sx - p * x) / n1;
      const variance = Math.max(0, (sxx - p * x * x) / n1 - m1 * m1);
      cvWithout = m1 === 0 ? null : Math.sqrt(variance) / m1;
    }
    return { section: r, share: total > 0 ? (p * (x - mean) ** 2) / total : 0, cvWithout, above: x > mean };
  });
  return out
    .map((x, i) => [x, i] as const)
    .sort((a, b) => b[0].share - a[0].share || a[1] - b[1])
    .map(([x]) => x);
}
