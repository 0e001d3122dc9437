/**
 * `balance-check scenario`. The independent check: for each operation, an alternative's `counties`
 * equal (to 1e-9) the ordinary check of the input edited the same way by this test, cell by cell
 * with the fixture writer — not by the scenario code. Also: the input is not changed, alternatives
 * do not see each other, a 学区-only plan moves the 学区 gaps and no CV, the bad-plan errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeScenario, MAX_SCENARIO_WORK } from '../src/cli/scenario';
import { YOUZHI_2017 } from '../src/engine/profile';
import { CATALOGUE } from '../src/issues/catalogue';
import { jsonSchemas } from '../src/render/json-contract';
import { toJson } from '../src/render/json';
import { scenarioJson } from '../src/render/scenario-json';
import { renderScenarioXlsx } from '../src/render/scenario-xlsx';
import { changeText, type ScenarioModel } from '../src/report/scenario';
import { check, csvFile, primaryCountyCsv, tmp, workbook, type Cell } from './helpers/files';
import { messyCounty } from './helpers/counties';
import { docxToPdf, hasPdftotext, hasWriter } from './helpers/libreoffice';

/** A school as this test writes it: every column of the table below. */
interface School {
  name: string;
  type: string;
  group: string;
  ur: string;
  P: number | null;
  J: number | null;
  qualified: number;
  backbone: number;
  peArts: number;
  teachers: number;
  space: number;
  sports: number;
  equipment: number;
  multimedia: number;
  classes: number;
  oversize: number;
  maxClass: number;
  music: number;
  art: number;
}

const COLUMNS = [
  '学校名称',
  '学校类型',
  '学区',
  '城乡分类',
  '小学在校生数',
  '初中在校生数',
  '高于规定学历教师数',
  '县级及以上骨干教师数',
  '体育艺术专任教师数',
  '专任教师数',
  '教学及辅助用房面积',
  '体育运动场馆面积',
  '教学仪器设备资产值',
  '网络多媒体教室数',
  '班级数',
  '超标班额班级数',
  '最大班额',
  '音乐专用教室数',
  '美术专用教室数',
];
const row = (s: School): Cell[] => [
  s.name,
  s.type,
  s.group,
  s.ur,
  s.P,
  s.J,
  s.qualified,
  s.backbone,
  s.peArts,
  s.teachers,
  s.space,
  s.sports,
  s.equipment,
  s.multimedia,
  s.classes,
  s.oversize,
  s.maxClass,
  s.music,
  s.art,
];

/** A school with P primary and J junior pupils, its resources f times the standards' neighbourhood (uneven on purpose). */
function school(name: string, type: string, group: string, ur: string, P: number, J: number, f: number): School {
  const n = P + J;
  return {
    name,
    type,
    group,
    ur,
    P: P || null,
    J: J || null,
    qualified: Math.round(0.05 * n * f),
    backbone: Math.round(0.012 * n * f),
    peArts: Math.round(0.01 * n * f),
    teachers: Math.round(0.07 * n * f),
    space: Math.round(5 * n * f),
    sports: Math.round(8 * n * f * f),
    equipment: Math.round(2300 * n * f),
    multimedia: Math.max(1, Math.round(0.025 * n * f)),
    classes: Math.ceil(n / 42),
    oversize: f > 1.1 ? 1 : 0,
    maxClass: f > 1.1 ? 52 : 44,
    music: Math.max(1, Math.round(n / 500)),
    art: Math.max(1, Math.round(n / 600)),
  };
}

const COUNTY = (): School[] => [
  school('城关小学', '小学', '城关学区', '城区', 1800, 0, 1.3),
  school('东河镇中心小学', '小学', '东部学区', '镇区', 900, 0, 1.0),
  school('杨柳村小学', '小学', '东部学区', '乡村', 150, 0, 0.8),
  school('西山小学', '小学', '西部学区', '乡村', 400, 0, 0.9),
  school('禾丰镇中心小学', '小学', '西部学区', '镇区', 700, 0, 0.7),
  school('城关中学', '初中', '城关学区', '城区', 0, 1500, 1.2),
  school('东河中学', '初中', '东部学区', '镇区', 0, 800, 0.9),
  school('西山九年制学校', '九年一贯制', '西部学区', '乡村', 300, 200, 1.0),
];

const schoolsFile = (schools: readonly School[], name = 'county.xlsx') =>
  workbook({ 学校数据: [COLUMNS, ...schools.map(row)] }, name);

const PLAN_HEADER = ['方案', '操作', '学校', '目标学校', '学段', '项目', '数量', '说明'];
const planFile = (rows: Cell[][], extra: Record<string, Cell[][]> = {}) =>
  workbook({ 调整方案: [PLAN_HEADER, ...rows], ...extra }, 'plan.xlsx');

async function scenario(schools: string, plan: string): Promise<ScenarioModel> {
  const r = await computeScenario(schools, plan, { profile: YOUZHI_2017 });
  if ('errors' in r) throw new Error(r.errors.map((i) => i.message).join('\n'));
  return r.model;
}

/** The counties with their source rows left out (an edited workbook's rows move), numbers compared to 1e-9. */
function expectSameCounties(actual: unknown, expected: unknown, path = 'counties') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectSameCounties((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    const keys = Object.keys(expected).filter((k) => k !== 'source');
    expect(
      Object.keys(actual as object).filter((k) => k !== 'source'),
      path,
    ).toEqual(keys);
    for (const k of keys)
      expectSameCounties(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** The ordinary check's counties of a county the test edited itself. */
async function checked(schools: readonly School[]) {
  const report = await check(await schoolsFile(schools, 'edited.xlsx'));
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return toJson(report).counties;
}

const edit = (f: (s: School[]) => void) => {
  const s = COUNTY().map((x) => ({ ...x }));
  f(s);
  return s;
};
const byName = (s: School[], name: string) => s.find((x) => x.name === name)!;

describe('scenario: each operation equals the check of the input edited by hand', () => {
  const cases: { name: string; rows: Cell[][]; extra?: Record<string, Cell[][]>; edited: () => School[] }[] = [
    {
      name: '撤并: pupils, teachers, equipment and classes join; buildings, grounds and rooms stay; the school is gone',
      rows: [['方案一', '撤并', '杨柳村小学', '东河镇中心小学', null, null, null, '']],
      edited: () =>
        edit((s) => {
          const a = byName(s, '杨柳村小学');
          const b = byName(s, '东河镇中心小学');
          b.P = b.P! + a.P!;
          b.qualified += a.qualified;
          b.backbone += a.backbone;
          b.peArts += a.peArts;
          b.teachers += a.teachers;
          b.equipment += a.equipment;
          b.classes += a.classes;
          b.oversize += a.oversize;
          b.maxClass = Math.max(a.maxClass, b.maxClass);
          s.splice(s.indexOf(a), 1);
        }),
    },
    {
      name: '合并 into a school of another level: everything summed, the type follows the levels, a new name',
      rows: [['方案一', '合并', '东河中学', '东河镇中心小学→东河九年一贯制学校', null, null, null, '']],
      edited: () =>
        edit((s) => {
          const a = byName(s, '东河中学');
          const b = byName(s, '东河镇中心小学');
          b.name = '东河九年一贯制学校';
          b.type = '九年一贯制';
          b.J = a.J;
          for (const k of [
            'qualified',
            'backbone',
            'peArts',
            'teachers',
            'space',
            'sports',
            'equipment',
            'multimedia',
            'classes',
            'oversize',
            'music',
            'art',
          ] as const)
            b[k] += a[k];
          b.maxClass = Math.max(a.maxClass, b.maxClass);
          s.splice(s.indexOf(a), 1);
        }),
    },
    {
      name: '划转学生: that many pupils of the level move, nothing else (a prefix names the school)',
      rows: [['方案一', '划转学生', '城关小学', '东河镇中心', '小学', null, 300, '调整片区']],
      edited: () =>
        edit((s) => {
          byName(s, '城关小学').P! -= 300;
          byName(s, '东河镇中心小学').P! += 300;
        }),
    },
    {
      name: '调配: teachers and equipment (in 万元) move',
      rows: [
        ['方案一', '调配', '城关小学', '西山小学', null, '县级及以上骨干教师数', 5, '交流轮岗'],
        ['方案一', '调配', '城关小学', '西山小学', null, '教学仪器设备资产值（万元）', 12, ''],
      ],
      edited: () =>
        edit((s) => {
          byName(s, '城关小学').backbone -= 5;
          byName(s, '西山小学').backbone += 5;
          byName(s, '城关小学').equipment -= 120000;
          byName(s, '西山小学').equipment += 120000;
        }),
    },
    {
      name: '新增: a sports ground, hires, and rooms taken away (negative)',
      rows: [
        ['方案一', '新增', '禾丰镇中心小学', null, null, '体育运动场馆面积', 3000, '新建运动场'],
        ['方案一', '新增', '禾丰镇中心小学', null, null, '体育专任教师数', 4, ''],
        ['方案一', '新增', '城关中学', null, null, '网络多媒体教室数', -2, ''],
        ['方案一', '新增', '西山九年制学校', null, '初中', '初中在校生数', 40, ''],
      ],
      edited: () =>
        edit((s) => {
          byName(s, '禾丰镇中心小学').sports += 3000;
          byName(s, '禾丰镇中心小学').peArts += 4;
          byName(s, '城关中学').multimedia -= 2;
          byName(s, '西山九年制学校').J! += 40;
        }),
    },
    {
      name: '新建学校: the school of the 新建学校 sheet joins the county',
      rows: [['方案一', '新建学校', '城南实验小学', null, null, null, null, '']],
      extra: { 新建学校: [COLUMNS, row(school('城南实验小学', '小学', '城关学区', '城区', 600, 0, 1.1))] },
      edited: () => edit((s) => s.push(school('城南实验小学', '小学', '城关学区', '城区', 600, 0, 1.1))),
    },
    {
      name: '调整类型 then 划转学生 into the level it now teaches',
      rows: [
        ['方案一', '调整类型', '西山小学', '九年一贯制', null, null, null, ''],
        ['方案一', '划转学生', '东河中学', '西山小学', '初中', null, 100, ''],
      ],
      edited: () =>
        edit((s) => {
          byName(s, '西山小学').type = '九年一贯制';
          byName(s, '西山小学').J = 100;
          byName(s, '东河中学').J! -= 100;
        }),
    },
    {
      name: '调整学区',
      rows: [['方案一', '调整学区', '杨柳村小学', '西部学区', null, null, null, '']],
      edited: () => edit((s) => (byName(s, '杨柳村小学').group = '西部学区')),
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const input = await schoolsFile(COUNTY());
      const model = await scenario(input, await planFile(c.rows, c.extra));
      const json = scenarioJson(model);
      expect(json.alternatives).toHaveLength(1);
      expectSameCounties(json.alternatives[0]!.counties, await checked(c.edited()));
      // The baseline is the check of the input itself.
      expectSameCounties(json.baseline.counties, await checked(COUNTY()));
    });
});

describe('scenario: alternatives and the input', () => {
  it('no alternative changes the input file; two alternatives do not see each other’s changes', async () => {
    const input = await schoolsFile(COUNTY());
    const before = readFileSync(input);
    const plan = await planFile([
      ['甲', '撤并', '杨柳村小学', '东河镇中心小学', null, null, null, ''],
      ['乙', '新增', '杨柳村小学', null, null, '体育运动场馆面积', 1000, ''],
      ['甲', '新增', '城关小学', null, null, '体育运动场馆面积', 500, ''],
    ]);
    const json = scenarioJson(await scenario(input, plan));
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(json.alternatives.map((a) => a.name)).toEqual(['甲', '乙']);
    // 乙 still has 杨柳村小学 (甲 closed it), and only its own 1 000 ㎡.
    expectSameCounties(
      json.alternatives[1]!.counties,
      await checked(edit((s) => (byName(s, '杨柳村小学').sports += 1000))),
    );
    expectSameCounties(
      json.alternatives[0]!.counties,
      await checked(
        edit((s) => {
          const a = byName(s, '杨柳村小学');
          const b = byName(s, '东河镇中心小学');
          b.P = b.P! + a.P!;
          for (const k of ['qualified', 'backbone', 'peArts', 'teachers', 'equipment', 'classes', 'oversize'] as const)
            b[k] += a[k];
          b.maxClass = Math.max(a.maxClass, b.maxClass);
          s.splice(s.indexOf(a), 1);
          byName(s, '城关小学').sports += 500;
        }),
      ),
    );
  });

  it('a plan that only re-zones 学区 leaves every CV unchanged and moves the 学区 gaps', async () => {
    const input = await schoolsFile(COUNTY());
    const model = await scenario(
      input,
      await planFile([
        [null, '调整学区', '杨柳村小学', '西部学区', null, null, null, ''],
        [null, '调整学区', '城关小学', '东部学区', null, null, null, ''],
      ]),
    );
    expect(model.columns).toEqual(['现状', '方案一']);
    const metrics = model.counties[0]!.metrics;
    const cvs = metrics.filter((m) => m.part.endsWith('差异系数'));
    expect(cvs.length).toBeGreaterThan(7);
    for (const m of cvs) expect(m.values[1], m.label).toBe(m.values[0]);
    const groups = metrics.filter((m) => m.part.endsWith('学区差距'));
    expect(groups.some((m) => m.values[1] !== m.values[0])).toBe(true);
    const base = model.baseline.counties[0]!.groups;
    const after = model.alternatives[0]!.report.counties[0]!.groups;
    expect(after).not.toEqual(base);
    expect(after.find((g) => g.group === '城关学区' && g.level === 'primary')).toBeUndefined();
  });

  it('each row’s contribution is the CVs of the alternative without it', async () => {
    const input = await schoolsFile(COUNTY());
    const model = await scenario(
      input,
      await planFile([
        [null, '新增', '禾丰镇中心小学', null, null, '体育运动场馆面积', 3000, ''],
        [null, '调整学区', '杨柳村小学', '西部学区', null, null, null, ''],
      ]),
    );
    const [ground, zone] = model.alternatives[0]!.changes;
    const sports = ground!.contributions!.find((x) => x.level === 'primary' && x.indicator === 'sports_space')!;
    // Without the ground, the CV is the input's (the other row moves no CV).
    const base = model.baseline.counties[0]!.levels.find((l) => l.level === 'primary')!.result.indicators.sports_space!;
    expect(sports.without).toBeCloseTo(base.cv!, 12);
    expect(sports.effect!).toBeLessThan(0);
    for (const x of zone!.contributions!) expect(Math.abs(x.effect!)).toBeLessThan(1e-12);
  });

  it('every counties array is the main report’s contract (the shipped JSON Schema)', async () => {
    const dir = tmp();
    const input = await schoolsFile(COUNTY());
    const plan = await planFile([
      ['甲', '撤并', '杨柳村小学', '东河镇中心小学', null, null, null, ''],
      ['乙', '新增', '禾丰镇中心小学', null, null, '体育运动场馆面积', 3000, ''],
    ]);
    const r = spawnSync(process.execPath, ['bin/balance-check.js', scenarioArgs(input, plan, dir), '--json'].flat(), {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['tool', 'baseline', 'alternatives']));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(jsonSchemas()['report.schema.json']);
    const report = toJson(await check(input));
    for (const counties of [json.baseline.counties, ...json.alternatives.map((a: { counties: unknown }) => a.counties)])
      expect(validate({ ...report, counties }), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['county.scenario.json']);
  });
});

const scenarioArgs = (input: string, plan: string, dir: string) => ['scenario', input, plan, '-o', dir, '-f', 'json'];

describe('scenario: bad plans', () => {
  const bad: { name: string; rows: Cell[][]; code: string; cell: string; words: string }[] = [
    {
      name: 'an unknown school',
      rows: [[null, '新增', '不存在小学', null, null, '体育运动场馆面积', 100, '']],
      code: 'SCENARIO_UNKNOWN_SCHOOL',
      cell: 'C2',
      words: '学校数据中没有“不存在小学”',
    },
    {
      name: 'an unknown field',
      rows: [[null, '新增', '城关小学', null, null, '游泳池面积', 100, '']],
      code: 'SCENARIO_UNKNOWN_FIELD',
      cell: 'F2',
      words: '无法识别的项目“游泳池面积”',
    },
    {
      name: 'a move of more than the school has',
      rows: [[null, '划转学生', '杨柳村小学', '东河镇中心小学', '小学', null, 151, '']],
      code: 'SCENARIO_MORE_THAN_HAS',
      cell: 'G2',
      words: '杨柳村小学的小学在校生数只有 150，不能转出 151',
    },
    {
      name: 'pupils into a level the target does not teach',
      rows: [[null, '划转学生', '东河中学', '西山小学', '初中', null, 10, '']],
      code: 'SCENARIO_LEVEL_NOT_TAUGHT',
      cell: 'D2',
      words: '西山小学（小学）没有初中学段',
    },
    {
      name: 'a school closed twice',
      rows: [
        [null, '撤并', '杨柳村小学', '东河镇中心小学', null, null, null, ''],
        [null, '撤并', '杨柳村小学', '西山小学', null, null, null, ''],
      ],
      code: 'SCENARIO_SCHOOL_CLOSED',
      cell: 'C3',
      words: '“杨柳村小学”已在本方案第 2 行撤并（并入东河镇中心小学）',
    },
    {
      name: 'an unknown operation',
      rows: [[null, '关停', '杨柳村小学', null, null, null, null, '']],
      code: 'SCENARIO_UNKNOWN_OPERATION',
      cell: 'B2',
      words: '无法识别的操作“关停”',
    },
    {
      name: 'a blank 数量',
      rows: [[null, '调配', '城关小学', '西山小学', null, '专任教师数', null, '']],
      code: 'SCENARIO_MISSING_VALUE',
      cell: 'G2',
      words: '“调配”需要填写数量',
    },
    {
      name: 'a 学段 that is none',
      rows: [[null, '划转学生', '城关小学', '东河镇中心小学', '高中', null, 10, '']],
      code: 'SCENARIO_BAD_VALUE',
      cell: 'E2',
      words: '“高中”不是学段',
    },
    {
      name: 'a prefix several schools share',
      rows: [[null, '新增', '东河', null, null, '专任教师数', 2, '']],
      code: 'SCENARIO_AMBIGUOUS_SCHOOL',
      cell: 'C2',
      words: '“东河”可以指多所学校（东河镇中心小学、东河中学）',
    },
    {
      name: 'a text column as the 项目',
      rows: [[null, '新增', '城关小学', null, null, '学区', 1, '']],
      code: 'SCENARIO_FIELD_NOT_AMOUNT',
      cell: 'F2',
      words: '请用“调整学区”“调整类型”',
    },
    {
      name: 'pupils of a two-level school without their 学段',
      rows: [[null, '新增', '西山九年制学校', null, null, '在校生数', 10, '']],
      code: 'SCENARIO_LEVEL_NEEDED',
      cell: 'E2',
      words: '请在“学段”列写明小学或初中',
    },
    {
      name: 'a new school not on the 新建学校 sheet',
      rows: [[null, '新建学校', '城南小学', null, null, null, null, '']],
      code: 'SCENARIO_NEW_SCHOOL',
      cell: 'C2',
      words: '“新建学校”表中没有“城南小学”',
    },
  ];
  for (const b of bad)
    it(`${b.name}: ${b.code} at its cell, exit 2, nothing written`, async () => {
      const dir = tmp();
      const r = spawnSync(
        process.execPath,
        [
          'bin/balance-check.js',
          'scenario',
          await schoolsFile(COUNTY()),
          await planFile(b.rows),
          '-o',
          dir,
          '-f',
          'xlsx,md,json',
        ],
        { encoding: 'utf8' },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`调整方案!${b.cell}`);
      expect(r.stderr).toContain(b.words);
      expect(r.stderr).toContain('未生成报告');
      expect(readdirSync(dir)).toEqual([]);
      const computed = await computeScenario(await schoolsFile(COUNTY()), await planFile(b.rows), {
        profile: YOUZHI_2017,
      });
      expect('errors' in computed && computed.errors.map((i) => i.code)).toContain(b.code);
    });

  it('a plan with a header and no rows', async () => {
    const computed = await computeScenario(await schoolsFile(COUNTY()), await planFile([]), { profile: YOUZHI_2017 });
    expect('errors' in computed && computed.errors[0]!.code).toBe('SCENARIO_EMPTY_PLAN');
  });

  it('every SCENARIO_ code of the catalogue has a case here', () => {
    const here = new Set([...bad.map((b) => b.code), 'SCENARIO_PLAN_NOT_FOUND', 'SCENARIO_EMPTY_PLAN']);
    expect(Object.keys(CATALOGUE).filter((c) => c.startsWith('SCENARIO_') && !here.has(c))).toEqual([]);
  });

  it('a plan file without a 调整方案 sheet', async () => {
    const plan = await workbook({ 随便: [['a', 'b']] }, 'plan.xlsx');
    const computed = await computeScenario(await schoolsFile(COUNTY()), plan, { profile: YOUZHI_2017 });
    expect('errors' in computed && computed.errors[0]!.code).toBe('SCENARIO_PLAN_NOT_FOUND');
  });
});

describe('scenario on the sample county', () => {
  it('the two-alternative example plan: terminal, Markdown, Excel and JSON', () => {
    const dir = tmp();
    const r = spawnSync(
      process.execPath,
      [
        'bin/balance-check.js',
        'scenario',
        'fixtures/sample-county.xlsx',
        'fixtures/sample-scenario.xlsx',
        '-o',
        dir,
        '-f',
        'xlsx,md,json',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('布局调整测算');
    expect(r.stdout).toContain('体育场馆');
    for (const f of ['xlsx', 'md', 'json']) expect(existsSync(join(dir, `sample-county.scenario.${f}`))).toBe(true);
    const md = readFileSync(join(dir, 'sample-county.scenario.md'), 'utf8');
    expect(md).toContain('## 各项调整的含义');
    expect(md).toContain('撤并 A → B');
    const json = JSON.parse(readFileSync(join(dir, 'sample-county.scenario.json'), 'utf8'));
    expect(json.alternatives).toHaveLength(2);
  }, 30_000);
});

describe.skipIf(!hasWriter || !hasPdftotext)('scenario -f docx', () => {
  it('the comparison as a Word document: printed, it holds the alternatives, every part, the CVs and each row’s effect', () => {
    const dir = tmp();
    const args = ['scenario', 'fixtures/sample-county.xlsx', 'fixtures/sample-scenario.xlsx', '-o', dir, '-f', 'word'];
    const r = spawnSync(process.execPath, ['bin/balance-check.js', ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const docx = readFileSync(join(dir, 'sample-county.scenario.docx'));
    const text = execFileSync('pdftotext', ['-layout', docxToPdf(docx), '-'], { encoding: 'utf8' }).replace(/ +/g, ' ');
    for (const words of [
      '布局调整测算（方案比较）',
      '各项调整的含义',
      '现状与各方案',
      '小学差异系数',
      '方案一：撤并分流：调整明细及各行的作用',
      '方案二：补齐场地：调整明细及各行的作用',
      '0.603✗',
      '0.556✗',
    ])
      expect(text).toContain(words);
    // The same comparison as the Markdown: the sports-ground CVs of 现状 and both alternatives on one line.
    expect(text).toMatch(/生均体育运动场馆面积.*0\.603✗ +0\.580✗ +0\.556✗/);
  }, 120_000);
});

describe('scenario on a messy county', () => {
  it('a GBK CSV plan with other header words, school prefixes and a 万元 项目; merged 方案 cells in a workbook plan', async () => {
    const input = await messyCounty();
    const csv = csvFile(
      '方案名称,操作类型,学校名称,目标学校,学段,调整项目,调整数量,备注\r\n' +
        '分流,划转学生,城关镇第一中心,四小,小学,,100,\r\n' +
        '分流,新增,二中,,,教学仪器设备资产值（万元）,50,购置\r\n',
      'gbk',
      'plan.csv',
    );
    const model = await scenario(input, csv);
    expect(model.columns).toEqual(['现状', '分流']);
    const before = model.baseline.counties[0]!.levels.flatMap((l) => l.sections);
    const after = model.alternatives[0]!.report.counties[0]!.levels.flatMap((l) => l.sections);
    const students = (list: typeof before, name: string) => list.find((s) => s.section.school.name === name)!.section;
    expect(students(after, '四小').students).toBe(students(before, '四小').students + 100);
    expect(students(after, '城关镇第一中心小学（含东关分校区）').students).toBe(
      students(before, '城关镇第一中心小学（含东关分校区）').students - 100,
    );
    const equipment = (list: typeof before) =>
      list.find((s) => s.section.school.name === '二中')!.section.school.resources.equipmentValue!;
    expect(equipment(after) - equipment(before)).toBeCloseTo(500_000, 6);

    const merged = await workbook(
      {
        调整方案: {
          rows: [
            PLAN_HEADER,
            ['甲', '调整学区', '四小', '山区学区', null, null, null, ''],
            [null, '新增', '四小', null, null, '体育运动场馆面积', 100, ''],
          ],
          merges: ['A2:A3'],
        },
      },
      'plan.xlsx',
    );
    const m = await scenario(input, merged);
    expect(m.columns).toEqual(['现状', '甲']);
    expect(m.alternatives[0]!.changes).toHaveLength(2);
  });
});

describe('template --scenario', () => {
  it('writes a blank plan that reads as empty, and reads once filled in (a change row and a 新建学校 row)', async () => {
    const dir = tmp();
    const file = join(dir, '方案.xlsx');
    const r = spawnSync(process.execPath, ['bin/balance-check.js', 'template', '--scenario', '-o', file], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('balance-check scenario');
    const blank = await computeScenario(await schoolsFile(COUNTY()), file, { profile: YOUZHI_2017 });
    expect('errors' in blank && blank.errors.map((i) => i.code)).toEqual(['SCENARIO_EMPTY_PLAN']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['调整方案', '新建学校', '填写说明']);
    wb.getWorksheet('调整方案')!.addRow(['方案一', '新建学校', '城南实验小学', null, null, null, null, '']);
    wb.getWorksheet('调整方案')!.addRow([
      '方案一',
      '新增',
      '杨柳村小学',
      null,
      null,
      '教学仪器设备资产值（万元）',
      3,
      '',
    ]);
    const header = (wb.getWorksheet('新建学校')!.getRow(1).values as unknown[]).slice(1) as string[];
    const s = school('城南实验小学', '小学', '城关学区', '城区', 600, 0, 1.1);
    const value: Record<string, Cell> = {
      学校名称: s.name,
      学校类型: s.type,
      学区: s.group,
      城乡分类: s.ur,
      '小学在校生数（人）': s.P,
      '专任教师数（人）': s.teachers,
      '高于规定学历教师数（人）': s.qualified,
      '县级及以上骨干教师数（人）': s.backbone,
      '体育专任教师数（人）': s.peArts,
      '音乐专任教师数（人）': 0,
      '美术专任教师数（人）': 0,
      '教学及辅助用房面积（平方米）': s.space,
      '体育运动场馆面积（平方米）': s.sports,
      '教学仪器设备资产值（万元）': s.equipment / 10_000,
      '网络多媒体教室数（间）': s.multimedia,
      '班级数（个）': s.classes,
      '超标班额班级数（个）': s.oversize,
      '最大班额（人）': s.maxClass,
      '音乐专用教室数（间）': s.music,
      '美术专用教室数（间）': s.art,
    };
    wb.getWorksheet('新建学校')!.addRow(header.map((h) => value[h] ?? null));
    await wb.xlsx.writeFile(file);
    const model = await scenario(await schoolsFile(COUNTY()), file);
    expectSameCounties(
      scenarioJson(model).alternatives[0]!.counties,
      await checked(
        edit((x) => {
          x.push(s);
          byName(x, '杨柳村小学').equipment += 30_000;
        }),
      ),
    );
  });
});

describe('plan --as-scenario', () => {
  it('writes the least-cost plan as a 调整方案 whose scenario gives every CV the plan promised (一贯制 and 完全中学 sections too)', async () => {
    const dir = tmp();
    const file = join(dir, 'least.xlsx');
    const r = spawnSync(
      process.execPath,
      ['bin/balance-check.js', 'plan', 'fixtures/sample-county.xlsx', '--as-scenario', file, '--json'],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const planned = JSON.parse(r.stdout).counties[0].levels as Record<
      string,
      { plan: Record<string, { cvAfter: number | null }> }
    >;
    const model = await scenario('fixtures/sample-county.xlsx', file);
    expect(model.columns).toEqual(['现状', '整改测算（最少新增）']);
    const after = scenarioJson(model).alternatives[0]!.counties[0]!.levels as Record<
      string,
      { indicators: Record<string, { cv: number }>; compliantSchools: number; schoolCount: number }
    >;
    let compared = 0;
    for (const [level, l] of Object.entries(planned))
      for (const [id, p] of Object.entries(l.plan)) {
        expect(Math.abs(after[level]!.indicators[id]!.cv - p.cvAfter!), `${level} ${id}`).toBeLessThan(1e-9);
        compared++;
      }
    expect(compared).toBe(14);
    for (const l of Object.values(after)) expect(l.compliantSchools).toBe(l.schoolCount);
    // The written file is named as the plan to edit, not as a report.
    const told = spawnSync(
      process.execPath,
      ['bin/balance-check.js', 'plan', 'fixtures/sample-county.xlsx', '--as-scenario', file],
      {
        encoding: 'utf8',
      },
    );
    expect(told.stdout).toContain(`调整方案（可修改后用 balance-check scenario 测算）：${file}`);
    expect(told.stdout).not.toContain('报告（含整改测算）');
  }, 30_000);

  it('the terminal: a 学段 of a 新增 is said; without contributions no empty 作用 lines and no note on them', async () => {
    const plan = await planFile([
      ['甲', '新增', '黄庄九年制学校', null, '初中', '体育运动场馆面积', 1500, null],
      ['甲', '新增', '马坊小学', null, null, '体育运动场馆面积', 500, null],
    ]);
    const r = spawnSync(
      process.execPath,
      ['bin/balance-check.js', 'scenario', 'fixtures/sample-county.xlsx', plan, '-o', tmp(), '--no-contributions'],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/新增 黄庄九年制学校：初中体育运动场馆面积 1500/);
    expect(r.stdout).not.toContain('作用');
  }, 30_000);
});

describe('scenario costs', () => {
  it('--unit-cost prices each 新增 and 新建学校 in 元; moves and re-zoning cost nothing', async () => {
    const input = await schoolsFile(COUNTY());
    const plan = await planFile(
      [
        [null, '新增', '禾丰镇中心小学', null, null, '体育运动场馆面积', 1000, ''],
        [null, '调配', '城关小学', '西山小学', null, '县级及以上骨干教师数', 2, ''],
        [null, '新增', '西山小学', null, null, '教学仪器设备资产值（万元）', 5, ''],
        [null, '新建学校', '城南实验小学', null, null, null, null, ''],
      ],
      { 新建学校: [COLUMNS, row(school('城南实验小学', '小学', '城关学区', '城区', 600, 0, 1.1))] },
    );
    const r = await computeScenario(input, plan, {
      profile: YOUZHI_2017,
      unitCosts: { sports_space: 300, backbone_teachers: 100_000, equipment_value: 1 },
      contributions: false,
    });
    if ('errors' in r) throw new Error(r.errors[0]!.message);
    const a = scenarioJson(r.model).alternatives[0]!;
    const built = school('城南实验小学', '小学', '城关学区', '城区', 600, 0, 1.1);
    expect(a.changes.map((c) => c.cost)).toEqual([
      300_000,
      null,
      50_000,
      built.sports * 300 + built.backbone * 100_000 + built.equipment,
    ]);
    expect(a.cost).toBe(300_000 + 50_000 + built.sports * 300 + built.backbone * 100_000 + built.equipment);
  });
});

describe('scenario Excel', () => {
  it('one comparison sheet, the changes, and per column its school table and live CVs, under unique sheet names', async () => {
    const long = '方案一：城关片区撤并与寄宿制学校建设一期工程';
    const model = await scenario(
      await schoolsFile(COUNTY()),
      await planFile([
        [`${long}甲`, '新增', '城关小学', null, null, '体育运动场馆面积', 100, ''],
        [`${long}乙`, '新增', '西山小学', null, null, '体育运动场馆面积', 100, ''],
      ]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderScenarioXlsx(model)) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 5)).toEqual(['方案比较', '调整明细', '标准', '现状-计算数据', '现状-差异系数']);
    expect(names).toHaveLength(9);
    expect(new Set(names).size).toBe(9);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    // The CVs are live formulas over the alternative's own 计算数据 sheet.
    const cv = wb.getWorksheet(names[8])!;
    const formulas: string[] = [];
    cv.eachRow((r) => r.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.some((f) => f.includes(names[7]!))).toBe(true);
    // Printed, each page says whose table it is: the title row begins with the column's name.
    expect(wb.getWorksheet('现状-计算数据')!.getCell('A1').text).toMatch(/^现状　计算数据/);
    expect(cv.getCell('A1').text).toMatch(new RegExp(`^${long}乙　校际差异系数`));
  });
});

describe('scenario: bounded work (issue 27: ≤ 1 GB on any input)', () => {
  it('sections × (alternatives + 1) over MAX_SCENARIO_WORK: FILE_TOO_LARGE before computing, exit 3, nothing written', async () => {
    const n = MAX_SCENARIO_WORK / 4 + 1; // three alternatives: 4 × n > the limit
    const schools = primaryCountyCsv(n, 'big.csv');
    const plan = await planFile(
      [1, 2, 3].map((a): Cell[] => [`方案${a}`, '新增', `第${a}小学`, null, null, '体育运动场馆面积', 1000, null]),
    );
    const out = tmp();
    const r = spawnSync(process.execPath, ['bin/balance-check.js', 'scenario', schools, plan, '-o', out], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`调整方案有 3 个方案，学校数据有 ${n.toLocaleString('en-US')} 个学段`);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);
});

describe('scenario: a change as the reports say it', () => {
  it('合并 with a new name reads A + B → 新名 (one arrow), without one A → B', () => {
    const base = { sheet: '调整方案', row: 2, level: null, item: null, amount: null, note: '', cells: {} } as const;
    expect(
      changeText({ ...base, operation: '合并', school: '东河中学', target: '东河镇中心小学→东河九年一贯制学校' }),
    ).toBe('合并 东河中学 + 东河镇中心小学 → 东河九年一贯制学校');
    expect(changeText({ ...base, operation: '合并', school: '东河中学', target: '东河镇中心小学' })).toBe(
      '合并 东河中学 → 东河镇中心小学',
    );
  });
});
