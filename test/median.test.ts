import { describe, expect, it } from 'vitest';
import { median } from '../src/engine/stats';
import { seeded } from './helpers/random';

/** The median as a sort gives it: the reference the selection is checked against. */
const bySort = (values: readonly number[]) => {
  const s = new Float64Array(values).sort();
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

describe('median (selection, not a sort)', () => {
  it('is the value a sort puts in the middle, for random lists of every length up to 300, with repeats', () => {
    const rand = seeded(7);
    for (let n = 0; n <= 300; n++)
      for (let round = 0; round < 3; round++) {
        const values = Array.from({ length: n }, () =>
          round === 0 ? Math.floor(rand() * 5) : round === 1 ? rand() * 1000 : 1 + Math.floor(rand() * 3) / 7,
        );
        expect(Object.is(median(values), bySort(values)), `n=${n} round=${round}`).toBe(true);
      }
  });

  it('sorted, reversed, all equal, and with NaN as a sort has it; the input is left as it was', () => {
    const up = Array.from({ length: 101 }, (_, i) => i / 3);
    for (const values of [
      up,
      [...up].reverse(),
      Array(50).fill(2.5),
      [1, NaN, 3],
      [NaN, NaN, 1, 2],
      [4, NaN, 1, 2],
      [9, NaN, 1, 2, 7, NaN],
      [],
    ])
      expect(Object.is(median(values), bySort(values))).toBe(true);
    // An even count with NaN: the mean of the two finite middles of the sort ([1, 2, 4, NaN] → 3), not NaN.
    expect(median([4, NaN, 1, 2])).toBe(3);
    const typed = new Float64Array([5, 1, 4, 2, 3]);
    expect(median(typed)).toBe(3);
    expect([...typed]).toEqual([5, 1, 4, 2, 3]);
  });
});
