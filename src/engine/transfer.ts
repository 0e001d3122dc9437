/**
 * The teacher-transfer alternative (交流轮岗调剂) for the teacher indicators: the fewest
 * teachers moved, one at a time, from a section above the county value to one below it,
 * so that the CV meets its target without new hires; where moves alone cannot reach it,
 * the moves plus the fewest hires. Pure.
 *
 * A move keeps the total and the students, so the county value x̄ stays fixed and the
 * variance is a sum of one convex term per section, P_i (x_i − x̄)². The best move pairs
 * the donor whose loss lowers its term most with the receiver whose gain lowers its term
 * most; both marginal gains shrink with every move, so taking the best move each time
 * gives, after k moves, the largest fall any k moves can give: the fewest moves. (Tested
 * against a breadth-first search over all move sequences on small counties.)
 */
import type { SectionResult } from './compliance';
import { standardOf } from './compliance';
import type { IndicatorDef, Profile } from './profile';
import { weightedCv } from './stats';
import type { Level } from './types';

export interface Move {
  from: SectionResult;
  to: SectionResult;
  teachers: number;
}

export interface Hire {
  section: SectionResult;
  teachers: number;
}

export interface TransferPlan {
  indicator: IndicatorDef;
  level: Level;
  target: number;
  status: 'already' | 'transfers' | 'transfers_and_hires' | 'unreachable';
  reason: string | null;
  moves: Move[];
  moved: number;
  hires: Hire[];
  hired: number;
  cvBefore: number | null;
  cvAfter: number | null;
}

/** The indicators a transfer applies to: teachers (persons), not rooms, areas or 元. */
export const isTeacherIndicator = (ind: IndicatorDef) => ind.countable && ind.shortfallUnit === '人';

const MAX_STEPS = 100_000;

export function transferPlan(
  level: Level,
  results: readonly SectionResult[],
  ind: IndicatorDef,
  profile: Profile,
  target = profile.cv.threshold[level],
): TransferPlan {
  const ps = results.map((r) => r.section.students);
  const counts = results.map((r) => r.section.amounts[ind.numerator] ?? 0);
  const valueOf = (i: number) => (counts[i]! / ps[i]!) * ind.scale;
  const cv = () => weightedCv(counts.map((_, i) => ({ value: valueOf(i), weight: ps[i]! }))).cv;
  const cvBefore = cv();
  const base: TransferPlan = {
    indicator: ind,
    level,
    target,
    status: 'unreachable',
    reason: null,
    moves: [],
    moved: 0,
    hires: [],
    hired: 0,
    cvBefore,
    cvAfter: cvBefore,
  };
  const N = ps.reduce((s, p) => s + p, 0);
  if (N === 0) return { ...base, reason: '此学段没有在校生' };
  if (!(target > 0)) return { ...base, reason: `目标差异系数为 ${target}：按整人调配做不到` };
  if (cvBefore !== null && cvBefore <= target) return { ...base, status: 'already' };
  const standard = standardOf(ind, level) ?? 0;
  const mean = (counts.reduce((s, c) => s + c, 0) / N) * ind.scale;
  /** Change of P_i (x_i − x̄)² when section i gains d teachers. */
  const delta = (i: number, d: number) => {
    const x = valueOf(i);
    const y = ((counts[i]! + d) / ps[i]!) * ind.scale;
    return ps[i]! * ((y - mean) ** 2 - (x - mean) ** 2);
  };
  const pairs = new Map<string, Move>();
  let moved = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const now = cv();
    if (now !== null && now <= target) break;
    let donor = -1;
    let receiver = -1;
    for (let i = 0; i < counts.length; i++) {
      const x = valueOf(i);
      // A donor is above the county value and stays at or above its standard: no new failure.
      if (
        x > mean &&
        counts[i]! >= 1 &&
        ((counts[i]! - 1) / ps[i]!) * ind.scale >= standard - 1e-12 &&
        (donor < 0 || delta(i, -1) < delta(donor, -1))
      )
        donor = i;
      if (x < mean && (receiver < 0 || delta(i, 1) < delta(receiver, 1))) receiver = i;
    }
    if (donor < 0 || receiver < 0 || delta(donor, -1) + delta(receiver, 1) >= 0) break;
    counts[donor]!--;
    counts[receiver]!++;
    moved++;
    const key = `${donor}>${receiver}`;
    const m = pairs.get(key) ?? { from: results[donor]!, to: results[receiver]!, teachers: 0 };
    m.teachers++;
    pairs.set(key, m);
  }
  const moves = [...pairs.values()];
  const reached = () => {
    const c = cv();
    return c !== null && c <= target;
  };
  if (reached()) return { ...base, status: 'transfers', moves, moved, cvAfter: cv() };
  // Moves alone cannot: hire, one teacher at a time, where the value is lowest.
  const hiredAt = new Map<number, number>();
  let hired = 0;
  for (let step = 0; step < MAX_STEPS && !reached(); step++) {
    let low = 0;
    for (let i = 1; i < counts.length; i++) if (valueOf(i) < valueOf(low)) low = i;
    counts[low]!++;
    hired++;
    hiredAt.set(low, (hiredAt.get(low) ?? 0) + 1);
  }
  if (!reached()) return { ...base, moves, moved, reason: '调配与新增教师均无法使差异系数达到目标' };
  const hires = [...hiredAt].map(([i, teachers]) => ({ section: results[i]!, teachers }));
  return { ...base, status: 'transfers_and_hires', moves, moved, hires, hired, cvAfter: cv() };
}
