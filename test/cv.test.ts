import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateLevel } from '../src/engine/evaluate';
import { roundTo, unweightedCv, weightedCv } from '../src/engine/stats';
import { YOUZHI_2017 } from '../src/engine/profile';
import { evaluateSection } from '../src/engine/compliance';
import { sectionSchool } from '../src/engine/sections';
import { primaryAtStandard, school } from './helpers/records';
import type { SchoolRecord } from '../src/engine/types';

/** shared/vectors/cv-books-5-schools.csv, copied into fixtures/vectors. */
/** The engine's primary level of these schools: sectioned, each section judged, the level evaluated. */
function primaryLevel(schools: readonly SchoolRecord[]) {
  const sections = schools.flatMap((s) => {
    const r = sectionSchool(s, YOUZHI_2017);
    return 'sections' in r ? r.sections : [];
  });
  return evaluateLevel(
    'primary',
    sections.map((s) => evaluateSection(s, YOUZHI_2017)),
    YOUZHI_2017,
  );
}

function booksVector() {
  const lines = readFileSync(new URL('../fixtures/vectors/cv-books-5-schools.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return lines.map((l) => {
    const [, , students, books] = l.split(',');
    return { students: Number(students), books: Number(books) };
  });
}

describe('student-weighted CV (indicators.md §2.2)', () => {
  it('reproduces the published 生均图书册数 example', () => {
    const rows = booksVector();
    const r = weightedCv(rows.map((s) => ({ value: s.books / s.students, weight: s.students })));
    expect(r.students).toBe(302);
    expect(r.mean).toBeCloseTo(1913 / 302, 12);
    expect(r.sd).toBeCloseTo(3.2639, 4);
    expect(r.cv!).toBeCloseTo(0.515257, 6);
    expect(roundTo(r.cv!, 4)).toBe(0.5153);
    expect(roundTo(r.cv!, 2)).toBe(0.52);
  });

  it('differs from the unweighted CV, which would wrongly pass a 0.50 threshold', () => {
    const rows = booksVector();
    const weighted = weightedCv(rows.map((s) => ({ value: s.books / s.students, weight: s.students }))).cv!;
    const unweighted = unweightedCv(rows.map((s) => s.books / s.students))!;
    expect(unweighted).toBeCloseTo(0.4888, 4);
    expect(unweighted <= 0.5).toBe(true);
    expect(weighted > 0.5).toBe(true);
  });

  it('is 0 when every school has the same value, whatever the sizes', () => {
    expect(
      weightedCv([
        { value: 3, weight: 10 },
        { value: 3, weight: 500 },
      ]).cv,
    ).toBe(0);
  });

  it('is null (undefined) when the county has none of the resource', () => {
    expect(
      weightedCv([
        { value: 0, weight: 10 },
        { value: 0, weight: 20 },
      ]).cv,
    ).toBeNull();
  });

  it('no students at all: mean and SD 0, no CV (never NaN)', () => {
    expect(weightedCv([])).toEqual({ mean: 0, sd: 0, cv: null, students: 0 });
    expect(weightedCv([{ value: 5, weight: 0 }])).toEqual({ mean: 0, sd: 0, cv: null, students: 0 });
  });

  it('is computed by the engine per level from section values, weighted by students', () => {
    // Two primary schools: 100 students at 2× the standard, 300 at exactly the standard.
    const a = school('甲', '小学', { primary: 100 }, primaryAtStandard(100, 2));
    const b = school('乙', '小学', { primary: 300 }, primaryAtStandard(300, 1));
    const space = primaryLevel([a, b]).indicators.teaching_space!;
    // X̄ = (9·100 + 4.5·300)/400 = 5.625; S² = (100·3.375² + 300·1.125²)/400 = 3.796875
    expect(space.mean).toBeCloseTo(5.625, 12);
    expect(space.sd).toBeCloseTo(Math.sqrt(3.796875), 12);
    expect(space.cv!).toBeCloseTo(Math.sqrt(3.796875) / 5.625, 12);
    expect(space.total).toBeCloseTo(900 + 1350, 9);
  });
});

describe('rounding as Excel does', () => {
  it.each([
    [0.5005, 3, 0.501],
    [-0.5005, 3, -0.501],
    [0.4995, 3, 0.5],
    [1.005, 2, 1.01],
    [1e-7, 9, 1e-7],
    [2781.23456789012, 9, 2781.23456789],
    [0.45049, 3, 0.45],
  ])('ROUND(%d, %d) = %d', (x, d, expected) => {
    expect(roundTo(x, d)).toBe(expected);
  });

  it.each([
    // Two primary schools of 100 students, 教学及辅助用房 at the standard × 1 and × f: CV = (f − 1) / (f + 1).
    [3, 0.5, true], // exactly the threshold 0.50
    [3.0032, 0.5004, true], // rounds to 0.500 at the profile's 3 decimals
    [3.005, 0.5006, false], // rounds to 0.501
  ])(
    'the engine judges a CV that rounds to the threshold as passing, one that rounds above as failing (× %d: CV %d)',
    (f, cv, pass) => {
      const level = primaryLevel([
        school('甲', '小学', { primary: 100 }, primaryAtStandard(100, 1)),
        school('乙', '小学', { primary: 100 }, primaryAtStandard(100, f)),
      ]);
      const space = level.indicators.teaching_space!;
      expect(space.cv!).toBeCloseTo(cv, 4);
      expect(space.cvThreshold).toBe(0.5);
      expect(space.cvPass).toBe(pass);
    },
  );

  it('a ratio at the standard meets it despite binary rounding', async () => {
    const { atLeast } = await import('../src/engine/stats');
    expect(atLeast((42 / 1000) * 100, 4.2)).toBe(true);
    expect(atLeast(0.85 * 4.2, 3.57)).toBe(true);
    expect(atLeast(3.57, 0.85 * 4.2)).toBe(true);
  });
});

describe('display formatting', () => {
  it.each([
    [1234567.891, 2, '1,234,567.89'],
    [-1234.5, 1, '-1,234.5'],
    [999.996, 2, '1,000.00'],
    [0.5153, 3, '0.515'],
    [-0.0001, 2, '0.00'],
    [12, 0, '12'],
  ])('fmt(%d, %d) = %s', async (x, d, expected) => {
    const { fmt } = await import('../src/render/format');
    expect(fmt(x, d)).toBe(expected);
  });
});

describe('atLeast at 9 decimals', () => {
  it.each([
    [4.2, 4.2, true],
    [4.199999999999999, 4.2, true],
    [4.1999999996, 4.2, true],
    [4.1999999994, 4.2, false],
    [4.19, 4.2, false],
    [2000.0000001, 2000, true],
    [1999.9999999996, 2000, true],
    [1999.999999, 2000, false],
    // Below 1 the shortcut's margin is 1e-8 absolute: 0.0009999999 rounds to 0.001 at 9 decimals, and meets it.
    [0.0009999999, 0.001, true],
    [0.000999998, 0.001, false],
  ])('atLeast(%d, %d) = %s', async (v, b, expected) => {
    const { atLeast } = await import('../src/engine/stats');
    expect(atLeast(v, b)).toBe(expected);
  });
});
