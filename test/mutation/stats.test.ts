/**
 * roundTo (src/engine/stats.ts) away from a .5 boundary: the value itself is rounded, not its 15 significant digits,
 * so a large amount keeps its last digits (the 15-digit reading is only for values next to a half).
 */
import { describe, expect, it } from 'vitest';
import { roundTo } from '../../src/engine/stats';

describe('roundTo', () => {
  it('a 16-digit whole number, or 9 decimals of a large value, keep their digits', () => {
    expect(roundTo(1234567890123456, 0)).toBe(1234567890123456);
    expect(roundTo(9007199254740991, 0)).toBe(9007199254740991);
    expect(roundTo(123456789.25, 1)).toBe(123456789.3);
  });
});
