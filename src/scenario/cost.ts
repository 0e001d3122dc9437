// Takes: an alternative's rows, the plan's new schools, the profile and the county's unit costs (元 per unit of an indicator's numerator).
// Gives: what each row costs in 元 (新增 of an amount an indicator counts, 新建学校's amounts) and the alternative's total.
import type { Profile } from '../engine/profile';
import { normaliseText } from '../schema/text';
import { planField } from './fields';
import type { Alternative, ScenarioPlan } from './types';

export interface AlternativeCost {
  /** Per change row, in order: its cost in 元, or null when it costs nothing priced (a move, a re-zoning, no unit cost). */
  rows: (number | null)[];
  total: number;
}

export function alternativeCost(
  alternative: Alternative,
  plan: Pick<ScenarioPlan, 'newSchools'>,
  profile: Profile,
  unitCosts: Readonly<Record<string, number>>,
): AlternativeCost {
  const priceOf = (field: string) =>
    profile.indicators.find((i) => i.numerator === field && unitCosts[i.id] !== undefined);
  const rows = alternative.changes.map((c): number | null => {
    if (c.operation === '新增' && c.item && c.amount !== null && c.amount > 0) {
      const read = planField(c.item, profile.wording);
      if (!read.ok || read.field.target.kind !== 'resource') return null;
      const ind = priceOf(read.field.target.field);
      return ind ? c.amount * read.field.factor * unitCosts[ind.id]! : null;
    }
    if (c.operation === '新建学校') {
      const school = plan.newSchools.find((s) => normaliseText(s.name) === normaliseText(c.school));
      if (!school) return null;
      let cost = 0;
      let priced = false;
      for (const ind of profile.indicators) {
        const price = unitCosts[ind.id];
        const amount = school.resources[ind.numerator];
        if (price === undefined || amount === undefined) continue;
        cost += amount * price;
        priced = true;
      }
      return priced ? cost : null;
    }
    return null;
  });
  return { rows, total: rows.reduce<number>((t, x) => t + (x ?? 0), 0) };
}
