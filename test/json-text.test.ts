/** The JSON report written in pieces is JSON.stringify(value, null, 2), byte for byte. */
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../src/render/json-text';
import { seeded } from './helpers/random';

/** Pieces of one value: a large object below the cut depth is several pieces, not one. */
const pieces = (v: unknown) => [...jsonPieces(v)].length;

const joined = (v: unknown) => [...jsonPieces(v)].join('');

describe('jsonPieces', () => {
  it.each([
    ['scalars', [1, 'a', null, true, 1.5e300, -0]],
    ['empty', { a: [], b: {}, c: [[]], d: [{}] }],
    ['omitted and null', { a: undefined, b: () => 1, c: [undefined, () => 1, NaN, Infinity], d: null }],
    ['a date and a class', { when: new Date(0), map: new Map([[1, 2]]), set: new Set([1]) }],
    [
      'nested',
      {
        counties: [
          { levels: [{ schools: Array.from({ length: 120 }, (_, i) => ({ i, n: `学校${i}`, v: [i, { x: i }] })) }] },
        ],
      },
    ],
    [
      'a long array deep down',
      { a: { b: { c: { d: { e: Array.from({ length: 60 }, (_, i) => [i, { k: 'v\n"' }]) } } } } },
    ],
    [
      // An object below the cut depth holding more than SMALL values is cut too (a 20 000-section list in an indicator).
      'a large object deep down',
      {
        a: { b: { c: { d: { e: { rows: Array.from({ length: 30 }, (_, i) => ({ i, v: [i, 'x'] })), n: 1 } } } } },
        f: [[[[{ big: { list: Array.from({ length: 500 }, (_, i) => i), more: { deep: 'y' } } }]]]],
      },
    ],
    ['strings to escape', { '键\n"': 'é\u2028\u001b', empty: '' }],
    ['top-level array', Array.from({ length: 70 }, (_, i) => ({ i }))],
  ])('%s', (_, value) => {
    expect(joined(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('an object deep down holding 500 values is written in pieces, not as one string', () => {
    const deep = (v: unknown) => ({ a: { b: { c: { d: { e: v } } } } });
    expect(pieces(deep({ list: Array.from({ length: 500 }, (_, i) => i) }))).toBeGreaterThan(500);
    expect(pieces(deep({ list: Array.from({ length: 30 }, (_, i) => i) }))).toBeLessThan(30);
  });

  it('a random tree of 300 nodes, 50 times', () => {
    const next = seeded(3);
    let nodes = 0;
    const make = (depth: number): unknown => {
      const r = next();
      if (depth > 6 || r < 0.3 || ++nodes > 300) return [1, 'x', null, undefined, true, 2.5][Math.floor(next() * 6)];
      if (r < 0.65) return Array.from({ length: Math.floor(next() * (next() < 0.2 ? 80 : 5)) }, () => make(depth + 1));
      const o: Record<string, unknown> = {};
      for (let k = 0; k < Math.floor(next() * 6); k++) o[`k${k}`] = make(depth + 1);
      return o;
    };
    for (let t = 0; t < 50; t++) {
      nodes = 0;
      const v = make(0);
      expect(joined(v)).toBe(JSON.stringify(v, null, 2) ?? 'null');
    }
  });
});
