/** The JSON report is a contract (output.md): scripts and CI read it. This pins its shape. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { YOUZHI_2017 } from '../src/engine/profile';
import { toJson } from '../src/render/json';
import { check } from './helpers/files';

// Strict at every level (issue 31): a key the report writes that this test does not name fails. The keys output.md
// documents are typed as documented; the others the report writes beside them are named (`written`), their shapes
// pinned by json-schema.test.ts against the published schema. A new key is a decision: name it here and in the docs.
const written = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, z.unknown()]));

const perIndicator = <T extends z.ZodType>(t: T) =>
  z.strictObject(Object.fromEntries(YOUZHI_2017.indicators.map((i) => [i.id, t])));

const Indicator = z.strictObject({
  standard: z.number().nullable(),
  mean: z.number(),
  cv: z.number().nullable(),
  cvThreshold: z.number(),
  cvPass: z.boolean(),
  schoolsMeeting: z.number().int(),
  ...written('total', 'students', 'sd', 'borderline'),
});
const Level = z.strictObject({
  schoolCount: z.number().int(),
  students: z.number().int(),
  compliantSchools: z.number().int(),
  indicators: perIndicator(Indicator),
  pass: z.boolean(),
  ...written(
    'allCvPass',
    'compositeCv',
    'cvRulePass',
    'shortfallTotals',
    'influence',
    'plan',
    'composite',
    'transfers',
  ),
});
const School = z.strictObject({
  name: z.string(),
  type: z.string(),
  level: z.enum(['primary', 'junior']),
  students: z.number().int(),
  values: perIndicator(z.number()),
  met: perIndicator(z.boolean()),
  compliant: z.boolean(),
  shortfall: perIndicator(z.number().nonnegative()),
  split: z.strictObject({ facilityShare: z.number(), ...written('teacherShare', 'weights', 'givenFields') }).nullable(),
  ...written('code', 'ownership', 'metCount', 'schoolCompliant', 'shortfallToCompliance', 'source'),
});
const Contract = z.strictObject({
  tool: z.strictObject({ name: z.literal('balance-check'), version: z.string() }),
  profile: z.strictObject({ id: z.string(), name: z.string() }),
  counties: z.array(
    z.strictObject({
      county: z.string().nullable(),
      levels: z.strictObject({ primary: Level, junior: Level }).partial(),
      schools: z.array(School),
      excluded: z.array(z.strictObject({ name: z.string(), reason: z.string(), ...written('type') })),
      ...written(
        'pass',
        'schoolCount',
        'compliantSchools',
        'checklist',
        'claimDisagreements',
        'verdict',
        'schoolItems',
        'groups',
        'urbanRural',
      ),
    }),
  ),
  issues: z.array(
    z.strictObject({
      severity: z.enum(['error', 'warning', 'info']),
      code: z.string(),
      sheet: z.string().nullable(),
      cell: z.string().nullable(),
      school: z.string().nullable(),
      column: z.string().nullable(),
      message: z.string(),
      ...written('row', 'county'),
    }),
  ),
  ...written('input', 'droppedIndicators'),
});

describe('JSON report contract (output.md)', () => {
  it('the sample county report has exactly the documented shape', async () => {
    const json = toJson(await check('fixtures/sample-county.xlsx'));
    const parsed = Contract.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });

  it('a key the contract does not name fails it, at any depth', async () => {
    const json = toJson(await check('fixtures/sample-county.xlsx')) as z.infer<typeof Contract>;
    expect(Contract.safeParse({ ...json, extra: 1 }).success).toBe(false);
    const c = json.counties[0]!;
    const school = { ...c.schools[0]!, extra: 1 };
    expect(Contract.safeParse({ ...json, counties: [{ ...c, schools: [school] }] }).success).toBe(false);
    const primary = { ...c.levels.primary!, extra: 1 };
    expect(Contract.safeParse({ ...json, counties: [{ ...c, levels: { ...c.levels, primary } }] }).success).toBe(false);
  });

  it('numbers are unrounded and consistent with the levels', async () => {
    const json = toJson(await check('fixtures/sample-county.xlsx')) as z.infer<typeof Contract>;
    const c = json.counties[0]!;
    const primary = c.levels.primary!;
    const schools = c.schools.filter((s) => s.level === 'primary');
    expect(schools).toHaveLength(primary.schoolCount);
    expect(schools.reduce((s, x) => s + x.students, 0)).toBe(primary.students);
    expect(schools.filter((s) => s.compliant)).toHaveLength(primary.compliantSchools);
    const space = primary.indicators.teaching_space!;
    const weighted = schools.reduce((s, x) => s + x.students * x.values.teaching_space!, 0) / primary.students;
    expect(space.mean).toBeCloseTo(weighted, 9);
    expect(String(space.cv).length).toBeGreaterThan(6);
    expect(c.schools.find((s) => s.name === '黄庄九年制学校')!.split!.facilityShare).toBeCloseTo(
      166 / (166 + 1.1 * 210),
      12,
    );
  });
});

describe('every compared figure in the JSON, with its cell (issue 26)', () => {
  it('a two-sided item carries both sides; a ratio its threshold and each count it was computed from', async () => {
    const json = toJson(await check('fixtures/sample-county.xlsx')) as {
      counties: { checklist: { dimension: string; number: number; conditions: Record<string, unknown>[] }[] }[];
    };
    const item = (n: number) => json.counties[0]!.checklist.find((x) => x.dimension === 'guarantee' && x.number === n)!;
    const pay = item(8).conditions[0]!;
    expect(pay).toMatchObject({ value: 98600, reference: 97200, threshold: null });
    expect(pay.figures).toEqual([
      { id: 'teacherSalary', name: '教师平均工资收入（元）', value: 98600, sheet: '县级指标', cell: 'B6' },
      { id: 'civilServantSalary', name: '公务员平均工资收入（元）', value: 97200, sheet: '县级指标', cell: 'B7' },
    ]);
    const training = item(9).conditions[0]!;
    expect(training).toMatchObject({ source: 'counts', reference: null, threshold: { min: 1, below: null } });
    expect((training.figures as { cell: string }[]).map((f) => f.cell)).toEqual(['B9', 'B10']);
  });
});

describe('every column accounted for (issue 26)', () => {
  it('the JSON lists each column that holds something: used, summed into its field, or ignored with its issue', async () => {
    const json = toJson(await check('fixtures/sample-county.xlsx'));
    const columns = json.input.columns!;
    const at = (cell: string) => columns.find((c) => c.cell === cell)!;
    expect(at('B3')).toMatchObject({ header: ['学校名称'], field: '学校名称', how: 'used', issue: null });
    expect(at('H3')).toMatchObject({ header: ['在校生数', '小学'], field: '小学在校生数', how: 'used' });
    expect(at('O3')).toMatchObject({ header: ['专任教师数', '音乐'], field: '体育艺术专任教师数', how: 'summed' });
    expect(at('AB3')).toMatchObject({ field: '小学部县级及以上骨干教师数', how: 'used' });
    expect(at('A3')).toMatchObject({ header: ['序号'], how: 'ignored', issue: null });
    expect(columns.filter((c) => c.how === 'ignored' && c.issue !== null)).toEqual([]);
  });

  it('a column holding data that no field takes is ignored with a misread warning, in the JSON and the Markdown', async () => {
    const { county, workbook } = await import('./helpers/files');
    const { renderMarkdown } = await import('../src/render/markdown');
    const rows = county().map((r, i) => [...r, i === 0 ? '备用统计项' : 7]);
    const report = await check(await workbook({ 学校数据: rows }));
    const l = toJson(report).input.columns!.find((c) => c.cell === 'L1')!;
    expect(l).toMatchObject({ header: ['备用统计项'], field: null, how: 'ignored', issue: 'COLUMN_IGNORED' });
    expect(renderMarkdown(report)).toMatch(/\| 学校数据!L1 \| 备用统计项 \| 未使用 \| 未使用，见 COLUMN_IGNORED \|/);
  });
});
