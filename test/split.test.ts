import { describe, expect, it, beforeEach } from 'vitest';
import { ProfileSchema, YOUZHI_2017, type Profile } from '../src/engine/profile';
import { sectionSchool, type Section } from '../src/engine/sections';
import { school } from './helpers/records';

/** The 2017 profile plus a books indicator, to replay the published split example. */
const withBooks: Profile = ProfileSchema.parse({
  ...YOUZHI_2017,
  indicators: [
    ...YOUZHI_2017.indicators,
    {
      id: 'books',
      name: '生均图书册数',
      short: '图书',
      numerator: 'books',
      scale: 1,
      unit: '册',
      shortfallUnit: '册',
      countable: true,
      split: 'weighted',
      standard: null,
    },
  ],
});

function sections(s: ReturnType<typeof school>, profile = withBooks): Section[] {
  const r = sectionSchool(s, profile);
  if (!('sections' in r)) throw new Error(`excluded: ${r.excluded.reason}`);
  return r.sections;
}

describe('九年一贯制 split (shared/vectors/split-nine-year-school)', () => {
  const nineYear = school(
    '九年制',
    '九年一贯制',
    { primary: 166, junior: 210 },
    { books: 23226, qualifiedTeachers: 30, teachingSpace: 3970 },
  );
  // Split before each test, not when the file is collected: code run outside a test is a static mutant to Stryker.
  let p: Section | undefined;
  let j: Section | undefined;
  beforeEach(() => {
    [p, j] = sections(nineYear);
  });

  it('gives the primary section the weighted share 166 / (166 + 1.1 × 210)', () => {
    expect(p!.split!.facilityShare).toBeCloseTo(0.41814, 5);
    expect(j!.split!.facilityShare).toBeCloseTo(1 - 0.41814, 5);
    expect(p!.split!.weights).toEqual({ primary: 1, junior: 1.1 });
  });

  it('reproduces the published book counts (58.5 per weighted student, 9711 / 13515)', () => {
    // The engine's split gives every weighted student the same 58.504 books: 166 primary, 1.1 × 210 junior.
    expect(p!.amounts.books! / 166).toBeCloseTo(58.504, 3);
    expect(j!.amounts.books! / (1.1 * 210)).toBeCloseTo(58.504, 3);
    expect(p!.amounts.books).toBeCloseTo(9711.6, 1);
    expect(j!.amounts.books).toBeCloseTo(13514.4, 1);
    expect(p!.amounts.books! + j!.amounts.books!).toBeCloseTo(23226, 9);
  });

  it('splits facilities by the weights but teachers by plain student counts', () => {
    expect(p!.amounts.teachingSpace).toBeCloseTo(3970 * 0.418136, 3);
    expect(p!.split!.teacherShare).toBeCloseTo(166 / 376, 12);
    expect(p!.amounts.qualifiedTeachers).toBeCloseTo((30 * 166) / 376, 12);
    expect(p!.amounts.qualifiedTeachers).not.toBeCloseTo(30 * 0.418136, 3);
  });

  it('uses per-section figures as given instead of splitting', () => {
    const given = school(
      '九年制',
      '九年一贯制',
      { primary: 166, junior: 210 },
      { books: 23226, qualifiedTeachers: 30 },
      {
        sectionResources: { primary: { qualifiedTeachers: 12 }, junior: { qualifiedTeachers: 18 } },
      },
    );
    const [gp, gj] = sections(given);
    expect(gp!.amounts.qualifiedTeachers).toBe(12);
    expect(gj!.amounts.qualifiedTeachers).toBe(18);
    expect(gp!.split!.givenFields).toEqual(['qualifiedTeachers']);
    expect(gp!.amounts.books).toBeCloseTo(9711.6, 1);
  });

  it('takes the weights from the profile', () => {
    const flat = ProfileSchema.parse({
      ...withBooks,
      splitWeights: { ...withBooks.splitWeights, 九年一贯制: { primary: 1, junior: 1 } },
    });
    expect(sections(nineYear, flat)[0]!.split!.facilityShare).toBeCloseTo(166 / 376, 12);
  });
});

describe('完全中学 and 十二年一贯制', () => {
  it('完全中学: junior share B / (B + 1.2C); the high-school part is removed', () => {
    const s = sections(
      school('完中', '完全中学', { junior: 1100, senior: 1300 }, { teachingSpace: 24000, qualifiedTeachers: 200 }),
    );
    expect(s.map((x) => x.level)).toEqual(['junior']);
    expect(s[0]!.split!.facilityShare).toBeCloseTo(1100 / (1100 + 1.2 * 1300), 12);
    expect(s[0]!.amounts.teachingSpace).toBeCloseTo((24000 * 1100) / (1100 + 1.2 * 1300), 9);
    expect(s[0]!.amounts.qualifiedTeachers).toBeCloseTo((200 * 1100) / 2400, 12);
  });

  it('十二年一贯制: A/(A+1.1B+1.32C) and 1.1B/(A+1.1B+1.32C)', () => {
    const [p, j] = sections(
      school('十二年', '十二年一贯制', { primary: 1200, junior: 900, senior: 800 }, { sportsSpace: 30000 }),
    );
    const d = 1200 + 1.1 * 900 + 1.32 * 800;
    expect(p!.split!.facilityShare).toBeCloseTo(1200 / d, 12);
    expect(j!.split!.facilityShare).toBeCloseTo((1.1 * 900) / d, 12);
    expect(p!.amounts.sportsSpace! + j!.amounts.sportsSpace!).toBeCloseTo((30000 * (1200 + 990)) / d, 9);
  });

  it('a 九年一贯制 school without junior students has one primary section holding everything', () => {
    const s = sections(school('九年制', '九年一贯制', { primary: 300, junior: 0 }, { teachingSpace: 1500 }));
    expect(s).toHaveLength(1);
    expect(s[0]!.amounts.teachingSpace).toBe(1500);
  });
});

describe('exclusions (indicators.md §2.3)', () => {
  it('leaves out special schools and 教学点 under 50 students, keeps 教学点 of 50', () => {
    const r = (s: ReturnType<typeof school>) => sectionSchool(s, YOUZHI_2017);
    expect(r(school('特教', '特殊教育学校', { primary: 40, junior: 30 }, {}))).toHaveProperty('excluded');
    expect(r(school('点', '教学点', { primary: 49 }, {}))).toHaveProperty(
      'excluded.reason',
      '教学点在校生49人，不足50人',
    );
    expect(r(school('点', '教学点', { primary: 50 }, {}))).toHaveProperty('sections');
    expect(r(school('民办', '小学', { primary: 23 }, {}, { ownership: '民办' }))).toHaveProperty('sections');
  });

  it('merges 教学点 into their 所属中心校 when the profile says so (students and resources added)', async () => {
    const { evaluateCounty } = await import('../src/engine/evaluate');
    const { resolveProfile } = await import('../src/engine/profiles');
    const centre = school('中心校', '小学', { primary: 500 }, { teachingSpace: 2500, qualifiedTeachers: 25 });
    const point = school(
      '北沟点',
      '教学点',
      { primary: 30 },
      { teachingSpace: 180, qualifiedTeachers: 2 },
      { parent: '中心校' },
    );
    const merged = evaluateCounty(null, [centre, point], resolveProfile({ exclusions: { teachingPoints: 'merge' } }));
    const s = merged.sections.map((r) => r.section);
    expect(s.map((x) => [x.school.name, x.students, x.amounts.teachingSpace, x.amounts.qualifiedTeachers])).toEqual([
      ['中心校', 530, 2680, 27],
    ]);
    expect(merged.excluded.map((e) => e.reason)).toEqual(['教学点并入所属中心校“中心校”计算']);
    // The default rule excludes the 30-student point instead.
    const separate = evaluateCounty(null, [centre, point], YOUZHI_2017);
    expect(separate.sections.map((r) => r.section.students)).toEqual([500]);
    expect(separate.excluded[0]!.reason).toBe('教学点在校生30人，不足50人');
    expect(centre.students.primary).toBe(500); // the input records are not modified
  });

  it('takes the 教学点 threshold from the profile', () => {
    const p = ProfileSchema.parse({
      ...YOUZHI_2017,
      exclusions: { specialEducation: true, teachingPoints: 'exclude-small', teachingPointMinStudents: 0 },
    });
    expect(sectionSchool(school('点', '教学点', { primary: 12 }, {}), p)).toHaveProperty('sections');
  });
});
