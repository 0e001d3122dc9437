/**
 * The least-cost plan and the influence lists, checked from outside: a plan's additions,
 * applied to the schools and recomputed by the ordinary method, must reach every target;
 * its total must equal what an independent optimiser (a penalty method written here, and
 * a brute-force search over whole units) finds; influence must agree with leave-one-out.
 */
import { describe, expect, it, beforeEach } from 'vitest';
import { evaluateSection, type SectionResult } from '../src/engine/compliance';
import { evaluateLevel } from '../src/engine/evaluate';
import { influenceOf } from '../src/engine/influence';
import { planIndicator, planLevel } from '../src/engine/plan';
import { transferPlan } from '../src/engine/transfer';
import { YOUZHI_2017, type IndicatorDef } from '../src/engine/profile';
import { sectionSchool } from '../src/engine/sections';
import { plainCv } from './helpers/plain-cv';
import type { ResourceField, SchoolRecord } from '../src/engine/types';
import { rng } from '../scripts/fuzz/mutate';
import { primaryAtStandard, school } from './helpers/records';

const profile = YOUZHI_2017;
const ind = (id: string) => profile.indicators.find((i) => i.id === id)!;

/** n primary schools around the standards, some far apart so CVs fail. */
function randomCounty(seed: number, n: number, spread = 1.2): SchoolRecord[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, k) => {
    const P = 100 + Math.floor(r() * 1900);
    const base = primaryAtStandard(P);
    const res = Object.fromEntries(
      Object.entries(base).map(([f, v]) => {
        const factor = Math.exp((r() - 0.5) * 2 * spread);
        const x = v * factor;
        return [
          f,
          ['qualifiedTeachers', 'backboneTeachers', 'peArtsTeachers', 'multimediaRooms'].includes(f)
            ? Math.round(x)
            : Math.round(x * 10) / 10,
        ];
      }),
    ) as SchoolRecord['resources'];
    return school(`第${k + 1}小学`, '小学', { primary: P }, res);
  });
}

const sectionsOf = (schools: readonly SchoolRecord[]): SectionResult[] =>
  schools.flatMap((s) => {
    const r = sectionSchool(s, profile);
    return 'sections' in r ? r.sections.map((x) => evaluateSection(x, profile)) : [];
  });

/** The plan of every indicator applied to the records (amounts added), as a user would do it. */
function applied(schools: readonly SchoolRecord[], results: readonly SectionResult[], target?: number): SchoolRecord[] {
  const plan = planLevel('primary', results, profile, target === undefined ? {} : { target });
  const extra = new Map<SchoolRecord, Partial<Record<ResourceField, number>>>();
  for (const p of plan.indicators)
    for (const a of p.additions) {
      const e = extra.get(a.section.section.school) ?? {};
      e[p.indicator.numerator] = (e[p.indicator.numerator] ?? 0) + a.add;
      extra.set(a.section.section.school, e);
    }
  return schools.map((s) => {
    const e = extra.get(s) ?? {};
    const resources = { ...s.resources };
    for (const [f, v] of Object.entries(e)) resources[f as ResourceField] = (resources[f as ResourceField] ?? 0) + v;
    return { ...s, resources };
  });
}

describe('the plan, applied and recomputed by the ordinary check', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'random county %i: every CV at or below its target, every school compliant',
    (seed) => {
      const schools = randomCounty(seed, 12 + seed);
      const before = evaluateLevel('primary', sectionsOf(schools), profile);
      expect(before.pass).toBe(false);
      for (const target of [undefined, 0.3]) {
        const after = evaluateLevel('primary', sectionsOf(applied(schools, sectionsOf(schools), target)), profile);
        for (const s of Object.values(after.indicators)) expect(s.cv!).toBeLessThanOrEqual((target ?? 0.5) + 1e-12);
        expect(after.compliantSchools).toBe(after.schoolCount);
      }
    },
  );

  it('cvAfter is the CV the rounded additions really give, and whole units are whole', () => {
    const results = sectionsOf(randomCounty(11, 15));
    for (const p of planLevel('primary', results, profile).indicators) {
      const added = new Map(p.additions.map((a) => [a.section, a.add]));
      const ys = results.map(
        (r) =>
          (((r.section.amounts[p.indicator.numerator] ?? 0) + (added.get(r) ?? 0)) / r.section.students) *
          p.indicator.scale,
      );
      expect(plainCv(ys.map((value, i) => ({ value, weight: results[i]!.section.students }))).cv).toBeCloseTo(
        p.cvAfter!,
        12,
      );
      for (const a of p.additions) {
        if (p.indicator.countable) expect(Number.isInteger(a.add)).toBe(true);
        else expect(Math.abs(a.add * 10 - Math.round(a.add * 10))).toBeLessThan(1e-6);
      }
    }
  });
});

/**
 * An independent optimiser for the continuous problem: projected gradient descent on the
 * cost plus a quadratic penalty on the CV constraint, the penalty raised step by step.
 * It knows nothing of water-filling; it ends within a hair of the optimum, slightly infeasible.
 */
function penaltyDescent(ps: number[], bounds: number[], scale: number, target: number): number {
  const N = ps.reduce((s, p) => s + p, 0);
  const cost = (y: number[]) => y.reduce((s, v, i) => s + (v * ps[i]!) / scale, 0);
  const stats = (y: number[]) => {
    const m = y.reduce((s, v, i) => s + ps[i]! * v, 0) / N;
    const S = Math.sqrt(y.reduce((s, v, i) => s + ps[i]! * (v - m) ** 2, 0) / N);
    return { m, S };
  };
  const top = Math.max(...bounds);
  let y = bounds.map(() => top);
  const unit = N / scale;
  for (const mu of [1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8].map((k) => (k * unit) / top)) {
    const F = (v: number[]) => {
      const { m, S } = stats(v);
      const over = Math.max(0, S - target * m);
      return cost(v) + mu * over * over;
    };
    let t = top / unit;
    for (let it = 0; it < 4000; it++) {
      const { m, S } = stats(y);
      const over = Math.max(0, S - target * m);
      const g = y.map(
        (v, i) => ps[i]! / scale + 2 * mu * over * ((S > 0 ? (ps[i]! * (v - m)) / (N * S) : 0) - (target * ps[i]!) / N),
      );
      const f0 = F(y);
      let moved = false;
      for (let k = 0; k < 60; k++) {
        const c = y.map((v, i) => Math.max(bounds[i]!, v - t * g[i]!));
        if (F(c) < f0 - 1e-15 * Math.abs(f0)) {
          y = c;
          t *= 1.5;
          moved = true;
          break;
        }
        t /= 2;
      }
      if (!moved) break;
    }
  }
  return cost(y);
}

describe('the total is the minimum', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'continuous (体育场馆): equals an independent penalty method, random county %i',
    (seed) => {
      const results = sectionsOf(randomCounty(100 + seed, 3 + (seed % 4), 2.5));
      const sports = ind('sports_space');
      const plan = planIndicator('primary', results, sports, profile);
      if (plan.status === 'already') {
        // Nothing to add: the CV already meets the target and every section its floor.
        expect(plan.cvBefore!).toBeLessThanOrEqual(plan.target);
        expect(results.every((r) => r.shortfallToCompliance.sports_space === 0)).toBe(true);
        return;
      }
      const ps = results.map((r) => r.section.students);
      const xs = results.map((r) => r.values.sports_space!);
      const bounds = results.map((r, i) =>
        Math.max(
          xs[i]!,
          r.shortfallToCompliance.sports_space! > 0
            ? (r.section.amounts.sportsSpace! + r.shortfallToCompliance.sports_space!) / ps[i]!
            : 0,
        ),
      );
      const have = results.reduce((s, r) => s + r.section.amounts.sportsSpace!, 0);
      const best = penaltyDescent(ps, bounds, sports.scale, plan.target) - have;
      // The penalty method ends a hair inside the infeasible side; the plan, feasible, rounds each addition up to 0.1 ㎡.
      expect(plan.cvAfter!).toBeLessThanOrEqual(plan.target);
      expect(plan.total).toBeGreaterThanOrEqual(best * (1 - 1e-3));
      expect(plan.total).toBeLessThanOrEqual(best * (1 + 1e-3) + 0.1 * results.length);
    },
  );

  /** Every combination of whole additions 0…max per section: the least total meeting the floors and the target. */
  function bruteForce(results: SectionResult[], ind: IndicatorDef, target: number, max: number): number {
    // Any solution cheaper than `max` in all has no section above `max`.
    const ps = results.map((r) => r.section.students);
    const have = results.map((r) => r.section.amounts[ind.numerator] ?? 0);
    const need = results.map((r) => r.shortfallToCompliance[ind.id]!);
    let best = max + 1;
    const adds = results.map(() => 0);
    const visit = (k: number, sum: number) => {
      if (sum >= best) return;
      if (k === results.length) {
        const ys = adds.map((a, i) => ((have[i]! + a) / ps[i]!) * ind.scale);
        const cv = plainCv(ys.map((value, i) => ({ value, weight: ps[i]! }))).cv;
        if (cv !== null && cv <= target) best = sum;
        return;
      }
      for (let a = need[k]!; a <= max; a++) {
        adds[k] = a;
        visit(k + 1, sum + a);
      }
    };
    visit(0, 0);
    return best;
  }

  it.each(Array.from({ length: 10 }, (_, i) => i + 1))(
    'whole units (多媒体教室): within one unit a section of the brute-force minimum, random county %i',
    (seed) => {
      const results = sectionsOf(randomCounty(200 + seed, 3 + (seed % 2), 2.5));
      const rooms = ind('multimedia_rooms');
      const plan = planIndicator('primary', results, rooms, profile);
      expect(plan.status).toBe('planned');
      const best = bruteForce(results, rooms, plan.target, plan.total);
      expect(best).toBeLessThanOrEqual(plan.total);
      expect(plan.total).toBeGreaterThanOrEqual(best);
      expect(plan.total).toBeLessThanOrEqual(best + results.length);
    },
  );
});

describe('budgets and unreachable targets', () => {
  const sports = ind('sports_space');
  // Made before each test, not when the file is collected: code run outside a test is a static mutant to Stryker.
  let results!: SectionResult[];
  let full!: ReturnType<typeof planIndicator>;
  beforeEach(() => {
    results = sectionsOf(randomCounty(31, 14, 1.5));
    full = planIndicator('primary', results, sports, profile);
  });

  it('a budget below the full plan: spends at most the budget, lowest sections first, and the CV falls', () => {
    expect(full.status).toBe('planned');
    let last = full.cvBefore!;
    for (const share of [0.1, 0.3, 0.6, 0.9]) {
      const budget = Math.round(full.total * share);
      const p = planIndicator('primary', results, sports, profile, { budget: { sports_space: budget } });
      expect(p.status).toBe('budget');
      expect(p.total).toBeLessThanOrEqual(budget + 1e-9);
      expect(p.cvAfter!).toBeLessThan(last + 1e-12);
      last = p.cvAfter!;
      const lifted = p.additions.map((a) => a.before);
      const untouched = results.map((r) => r.values.sports_space!).filter((x) => !lifted.includes(x));
      expect(Math.max(...lifted)).toBeLessThanOrEqual(Math.min(...untouched) + 1e-9);
    }
  });

  it('a budget above the full plan gives the full plan', () => {
    const p = planIndicator('primary', results, sports, profile, { budget: { sports_space: full.total * 2 } });
    expect(p.total).toBe(full.total);
    expect(p.status).toBe('planned');
  });

  it('unit costs total the plan in 元', () => {
    const p = planIndicator('primary', results, sports, profile, { unitCosts: { sports_space: 3000 } });
    expect(p.cost).toBeCloseTo(full.total * 3000, 6);
  });

  it('a target of 0, or a level without students, says why instead of a number', () => {
    expect(planIndicator('primary', results, sports, profile, { target: 0 })).toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('完全相等'),
    });
    expect(planIndicator('primary', [], sports, profile)).toMatchObject({
      status: 'unreachable',
      reason: expect.stringContaining('没有在校生'),
    });
  });
});

describe('influence', () => {
  it.each([1, 2, 3])('agrees with leave-one-out recomputation, shares sum to 1, largest first (county %i)', (seed) => {
    const results = sectionsOf(randomCounty(300 + seed, 9));
    for (const i of profile.indicators) {
      const inf = influenceOf(results, i);
      expect(inf.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
      for (let k = 1; k < inf.length; k++) expect(inf[k - 1]!.share).toBeGreaterThanOrEqual(inf[k]!.share);
      const mean = plainCv(results.map((r) => ({ value: r.values[i.id]!, weight: r.section.students }))).mean;
      for (const x of inf) {
        const rest = results.filter((r) => r !== x.section);
        expect(x.cvWithout).toBeCloseTo(
          plainCv(rest.map((r) => ({ value: r.values[i.id]!, weight: r.section.students }))).cv!,
          10,
        );
        expect(x.above).toBe(x.section.values[i.id]! > mean);
      }
    }
  });

  it('a small private school far above the rest can alone push a CV over the line', () => {
    const schools = [
      school('城关小学', '小学', { primary: 1500 }, primaryAtStandard(1500, 1.1)),
      school('二小', '小学', { primary: 1200 }, primaryAtStandard(1200, 1.0)),
      school('三小', '小学', { primary: 900 }, primaryAtStandard(900, 1.05)),
      school('民办实验小学', '小学', { primary: 23 }, { ...primaryAtStandard(23), sportsSpace: 23 * 400 }),
    ];
    const results = sectionsOf(schools);
    const inf = influenceOf(results, ind('sports_space'));
    expect(inf[0]!.section.section.school.name).toBe('民办实验小学');
    expect(inf[0]!.above).toBe(true);
    expect(inf[0]!.share).toBeGreaterThan(0.9);
    expect(inf[0]!.cvWithout!).toBeLessThan(0.5);
    expect(
      plainCv(results.map((r) => ({ value: r.values.sports_space!, weight: r.section.students }))).cv!,
    ).toBeGreaterThan(0.5);
  });
});

describe('the teacher-transfer plan', () => {
  const backbone = ind('backbone_teachers');

  /** Breadth-first over every sequence of single moves under the same rules: the fewest moves that reach the target. */
  function fewestMoves(results: SectionResult[], target: number, limit: number): number | null {
    const ps = results.map((r) => r.section.students);
    const start = results.map((r) => r.section.amounts.backboneTeachers ?? 0);
    const N = ps.reduce((s, p) => s + p, 0);
    const mean = (start.reduce((s, c) => s + c, 0) / N) * 100;
    const value = (c: number[], i: number) => (c[i]! / ps[i]!) * 100;
    const ok = (c: number[]) => plainCv(c.map((_, i) => ({ value: value(c, i), weight: ps[i]! }))).cv! <= target;
    let frontier = [start];
    const seen = new Set([start.join(',')]);
    for (let k = 0; k <= limit; k++) {
      if (frontier.some(ok)) return k;
      const next: number[][] = [];
      for (const c of frontier)
        for (let i = 0; i < c.length; i++)
          for (let j = 0; j < c.length; j++) {
            if (i === j || !(value(c, i) > mean) || !(value(c, j) < mean) || ((c[i]! - 1) / ps[i]!) * 100 < 1.0 - 1e-12)
              continue;
            const d = [...c];
            d[i]!--;
            d[j]!++;
            const key = d.join(',');
            if (!seen.has(key)) {
              seen.add(key);
              next.push(d);
            }
          }
      frontier = next;
    }
    return null;
  }

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'moves alone: the recomputed CV meets the target, with the fewest moves (breadth-first search), county %i',
    (seed) => {
      const r = rng(900 + seed);
      const n = 3 + (seed % 2);
      const schools = Array.from({ length: n }, (_, k) => {
        const P = 200 + Math.floor(r() * 600);
        return school(
          `校${k}`,
          '小学',
          { primary: P },
          { ...primaryAtStandard(P), backboneTeachers: Math.round((P / 100) * (0.6 + r() * 3)) },
        );
      });
      const results = sectionsOf(schools);
      const target = 0.1;
      const plan = transferPlan('primary', results, backbone, profile, target);
      const best = fewestMoves(results, target, 12);
      if (plan.status === 'already') return expect(best).toBe(0);
      // Moves alone cannot reach it: nor can any sequence of up to 12 moves.
      if (plan.status !== 'transfers') return expect(best).toBeNull();
      expect(plan.moved).toBe(best);
      // Recomputed from the moved counts:
      const counts = new Map(results.map((x) => [x, x.section.amounts.backboneTeachers ?? 0]));
      for (const m of plan.moves) {
        counts.set(m.from, counts.get(m.from)! - m.teachers);
        counts.set(m.to, counts.get(m.to)! + m.teachers);
      }
      const cv = plainCv(
        results.map((x) => ({ value: (counts.get(x)! / x.section.students) * 100, weight: x.section.students })),
      ).cv!;
      expect(cv).toBeLessThanOrEqual(target);
      expect(cv).toBeCloseTo(plan.cvAfter!, 12);
      for (const m of plan.moves)
        expect(m.from.values.backbone_teachers!).toBeGreaterThan(m.to.values.backbone_teachers!);
    },
  );

  it('where moves cannot reach the target, moves plus hires do, and the plan says so', () => {
    // Everyone at the standard but one section far below: no donor can give without dropping below 1.0.
    const schools = [
      school('甲', '小学', { primary: 1000 }, { ...primaryAtStandard(1000), backboneTeachers: 10 }),
      school('乙', '小学', { primary: 1000 }, { ...primaryAtStandard(1000), backboneTeachers: 10 }),
      school('丙', '小学', { primary: 800 }, { ...primaryAtStandard(800), backboneTeachers: 1 }),
    ];
    const plan = transferPlan('primary', sectionsOf(schools), backbone, profile, 0.2);
    expect(plan.status).toBe('transfers_and_hires');
    expect(plan.moved).toBe(0);
    expect(plan.hired).toBeGreaterThan(0);
    expect(plan.cvAfter!).toBeLessThanOrEqual(0.2);
    expect(plan.hires.map((h) => h.section.section.school.name)).toEqual(['丙']);
  });
});

describe('the sample county, end to end', () => {
  it('its plan, applied to its schools (per-section amounts for split schools) and checked again, passes every level', async () => {
    const { check } = await import('./helpers/files');
    const { evaluateCounty } = await import('../src/engine/evaluate');
    const report = await check('fixtures/sample-county.xlsx');
    const county = report.counties[0]!;
    expect(county.levels.some((l) => !l.result.pass)).toBe(true);
    const records = new Map<SchoolRecord, SchoolRecord>();
    const copy = (s: SchoolRecord) => {
      let c = records.get(s);
      if (!c)
        records.set(
          s,
          (c = {
            ...s,
            resources: { ...s.resources },
            sectionResources: { primary: { ...s.sectionResources.primary }, junior: { ...s.sectionResources.junior } },
          }),
        );
      return c;
    };
    for (const l of county.levels)
      for (const p of l.actions!.plan.indicators)
        for (const a of p.additions) {
          const { school, level, split } = a.section.section;
          const c = copy(school);
          const f = p.indicator.numerator;
          if (!split) c.resources[f] = (c.resources[f] ?? 0) + a.add;
          else {
            // As a county would write it: 小学部 / 初中部 amounts, this section's raised, the other's as split today.
            for (const other of county.levels.flatMap((x) => x.sections).filter((s) => s.section.school === school))
              c.sectionResources[other.section.level]![f] ??= other.section.amounts[f];
            c.sectionResources[level]![f] = c.sectionResources[level]![f]! + a.add;
          }
        }
    const schools = county.schools.map((s) => records.get(s.school) ?? s.school);
    const after = evaluateCounty(null, schools, report.profile);
    for (const level of Object.values(after.levels)) {
      expect(level.compliantSchools).toBe(level.schoolCount);
      for (const s of Object.values(level.indicators)) expect(s.cv!).toBeLessThanOrEqual(s.cvThreshold + 1e-12);
      expect(level.pass).toBe(true);
    }
  });

  it('balance-check plan prints the plan; --json carries it; a bad --budget is a usage error', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['bin/balance-check.js', 'plan', 'fixtures/sample-county.xlsx', ...args], {
        encoding: 'utf8',
      });
    const text = run(['--unit-cost', '体育场馆=3000']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/体育场馆（㎡）\s+差异系数 0\.603 → 0\.500/);
    expect(text.stdout).toMatch(/约 [\d,]+ 元/);
    const json = JSON.parse(run(['--json', '--target', '0.45']).stdout);
    expect(json.counties[0].levels.primary.plan.sports_space).toMatchObject({ target: 0.45, status: 'planned' });
    expect(json.counties[0].levels.primary.plan.sports_space.cvAfter).toBeLessThanOrEqual(0.45);
    expect(run(['--budget', 'nothing=1']).status).toBe(3);
  });
});

describe('the 2012 method: the cheapest combination in 元 under the 综合差异系数', () => {
  it('equals a brute-force search over every combination of the per-indicator targets, and the recomputed composite passes', async () => {
    const { resolveProfile } = await import('../src/engine/profiles');
    const { compositePlan, COMPOSITE_STEP } = await import('../src/engine/plan');
    const p2012 = resolveProfile({
      extends: 'youzhi-2017',
      cv: { rule: 'mean', threshold: { primary: 0.25, junior: 0.25 } },
      compliance: null,
    });
    const schools = randomCounty(77, 8, 0.6);
    const results = schools.flatMap((s) => {
      const r = sectionSchool(s, p2012);
      return 'sections' in r ? r.sections.map((x) => evaluateSection(x, p2012)) : [];
    });
    const unitCosts = { sports_space: 3000, teaching_space: 4500, multimedia_rooms: 80000 };
    const plan = compositePlan('primary', results, p2012, { unitCosts })!;
    expect(plan.status).toBe('planned');
    expect(plan.compositeAfter!).toBeLessThanOrEqual(0.25);
    // Brute force: every combination of the same grid of targets for the priced indicators.
    const cvOfInd = (id: string) =>
      plainCv(results.map((r) => ({ value: r.values[id]!, weight: r.section.students }))).cv!;
    const fixed = p2012.indicators.filter((i) => !(i.id in unitCosts)).reduce((s, i) => s + cvOfInd(i.id), 0);
    const lists = Object.keys(unitCosts).map((id) => {
      const ind = p2012.indicators.find((i) => i.id === id)!;
      const out = [{ cv: cvOfInd(id), cost: 0 }];
      for (
        let c = Math.floor(cvOfInd(id) / COMPOSITE_STEP) * COMPOSITE_STEP;
        c > COMPOSITE_STEP / 2;
        c -= COMPOSITE_STEP
      ) {
        const q = planIndicator('primary', results, ind, p2012, { target: Number(c.toFixed(6)), unitCosts });
        out.push({ cv: q.cvAfter!, cost: q.cost! });
      }
      return out;
    });
    let best = Infinity;
    for (const a of lists[0]!)
      for (const b of lists[1]!)
        for (const c of lists[2]!)
          if ((fixed + a.cv + b.cv + c.cv) / p2012.indicators.length <= 0.25 + 1e-12)
            best = Math.min(best, a.cost + b.cost + c.cost);
    expect(plan.cost).toBeCloseTo(best, 6);
    // The plan's additions, applied, give the composite it claims.
    const after = p2012.indicators.map((ind, k) => {
      const part = plan.parts[k]!;
      const added = new Map((part.plan?.additions ?? []).map((a) => [a.section, a.add]));
      return plainCv(
        results.map((r) => ({
          value: (((r.section.amounts[ind.numerator] ?? 0) + (added.get(r) ?? 0)) / r.section.students) * ind.scale,
          weight: r.section.students,
        })),
      ).cv!;
    });
    expect(after.reduce((s, x) => s + x, 0) / after.length).toBeCloseTo(plan.compositeAfter!, 10);
  });
});

describe('what the plan says, as a county reads it (#28)', () => {
  const runPlan = async (args: string[]) => {
    const { spawnSync } = await import('node:child_process');
    return spawnSync(process.execPath, ['bin/balance-check.js', 'plan', 'fixtures/sample-county.xlsx', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  };

  it('names the quantity added, not the per-student indicator; the method is one line at the end', async () => {
    const r = await runPlan([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('新增体育运动场馆面积17,487.4㎡');
    expect(r.stdout).toContain('须新增县级及以上骨干教师1人');
    expect(r.stdout).toContain('新增网络多媒体教室4间');
    expect(r.stdout).not.toMatch(/须新增：|新增生均|新增每百名/);
    expect(r.stdout).not.toContain('KKT');
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toContain('附：整改测算方法');
    expect(lines.filter((l) => l.includes('注水'))).toHaveLength(1);
  });

  it('a budget is each level’s, and says so; the terminal totals the 元', async () => {
    const r = await runPlan(['--budget', '体育场馆=5000', '--unit-cost', '体育场馆=3000']);
    expect(r.stdout).toContain(
      '给定预算按学段分别使用：体育运动场馆面积小学、初中各至多新增5,000.0㎡（合计至多10,000.0㎡）',
    );
    expect(r.stdout).toContain('体育运动场馆面积以小学预算5,000.0㎡为限');
    expect(r.stdout).toContain('小学预算5,000.0㎡内');
    expect(r.stdout).toContain('初中预算5,000.0㎡内');
    expect(r.stdout).toContain('按给定单价，以上整改合计约30,000,000元（小学约15,000,000元，初中约15,000,000元）');
    const help = await runPlan(['--help']);
    expect(help.stdout).toMatch(/--budget[\s\S]*每个学段/);
  });

  it('the reports hold the method in an appendix at the end, and point to it from the plan', async () => {
    const { check } = await import('./helpers/files');
    const { renderMarkdown } = await import('../src/render/markdown');
    const md = renderMarkdown(await check('fixtures/sample-county.xlsx'));
    const appendix = md.indexOf('## 附：整改测算方法');
    expect(appendix).toBeGreaterThan(md.indexOf('## 数据问题'));
    expect(md.indexOf('KKT')).toBeGreaterThan(appendix);
    expect(md.slice(0, appendix)).toContain('测算方法（“注水”法及取整规则）见正文末“附：整改测算方法”。');
    expect(md.slice(0, appendix)).not.toContain('KKT');
  });

  it('缺口 and plan agree: each school rounded up to the plan’s unit (1 元, 0.1 ㎡), the totals their sums', async () => {
    const { check } = await import('./helpers/files');
    const report = await check('fixtures/sample-county.xlsx');
    const equipment = report.profile.indicators.find((i) => i.id === 'equipment_value')!;
    const junior = report.counties[0]!.levels.find((l) => l.level === 'junior')!;
    // 5 582.x + 56 133.x 元: 5 583 + 56 134 = 61 717 shown in both (before, 缺口 61 716 beside plan 61 717).
    const shorts = junior.sections.map((s) => s.shortfallToCompliance[equipment.id]!).filter((x) => x > 0);
    expect(shorts.every((x) => Number.isInteger(x))).toBe(true);
    expect(junior.result.shortfallTotals.toCompliance[equipment.id]).toBe(61_717);
    for (const l of report.counties[0]!.levels)
      for (const p of l.actions!.plan.indicators) {
        const sum = l.sections.reduce((s, x) => s + x.shortfallToCompliance[p.indicator.id]!, 0);
        expect(l.result.shortfallTotals.toCompliance[p.indicator.id]).toBeCloseTo(sum, 6);
        if (p.status === 'planned') expect(p.forFloors).toBeCloseTo(sum, 6);
        for (const s of l.sections) {
          const x = s.shortfall[p.indicator.id]!;
          expect(Math.abs(x * 10 - Math.round(x * 10))).toBeLessThan(1e-6);
        }
      }
  });
});
