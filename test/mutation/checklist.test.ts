/**
 * The county items and the verdict (src/engine/checklist.ts) from outside: each condition's status and source as
 * indicators.md §3–5 words them, the 是/否 row taken only when the figures are not there, the county's claim against
 * the computed status (with the reason in words), the rooms totals of the schools that fail or lack data, and the
 * four dimensions of the verdict. Each test judges with its own copy of the profile: the items not judged without a
 * 县级指标 sheet are made once per item object, so the copy makes this test the one that makes them.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateChecklist,
  verdictOf,
  type ChecklistResult,
  type CountyClaim,
  type CountyFigure,
} from '../../src/engine/checklist';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import type { LevelResult } from '../../src/engine/results';
import { evaluateSchoolItems } from '../../src/engine/school-items';
import type { SchoolRecord } from '../../src/engine/types';
import { school } from '../helpers/records';

const copy = (): Profile => structuredClone(YOUZHI_2017);

const figures = (values: Record<string, number | boolean>) =>
  new Map(
    Object.entries(values).map(([id, value], i): [string, CountyFigure] => [
      id,
      { value, sheet: '县级指标', cell: `B${i + 2}`, name: `行${id}` },
    ]),
  );

const claim = (met: boolean): CountyClaim => ({
  met,
  sheet: '自评表',
  cell: 'C5',
  text: met ? '达标' : '未达标',
  name: '自评',
});

function judge(
  id: string,
  values: Record<string, number | boolean> | null,
  options: { claims?: [string, CountyClaim][]; schools?: SchoolRecord[]; county?: string | null } = {},
) {
  const profile = copy();
  const items = (options.schools ?? []).map((s) => evaluateSchoolItems(s, profile).items);
  const { checklist, issues } = evaluateChecklist(
    profile,
    values === null ? null : figures(values),
    items,
    new Map(options.claims ?? []),
    options.county ?? null,
  );
  return { ...checklist.find((c) => c.item.id === id)!, issues };
}

const conditionsOf = (r: ChecklistResult) => r.conditions.map((c) => [c.condition.id, c.status, c.source, c.value]);

describe('conditions: status, source and value', () => {
  it('a 是/否 item: 是 is met from the 是/否 row, 否 not met', () => {
    expect(conditionsOf(judge('planning', { planningReasonable: true }))).toEqual([['planning', 'met', 'yesno', true]]);
    expect(conditionsOf(judge('planning', { planningReasonable: false }))).toEqual([
      ['planning', 'not_met', 'yesno', false],
    ]);
  });

  it('an amount (特殊教育学校生均公用经费 ≥ 6000): 6000 met, 5999 not, none given not provided', () => {
    expect(conditionsOf(judge('special_funding', { specialEdFunding: 6000 }))).toEqual([
      ['special_funding', 'met', 'ready', 6000],
    ]);
    expect(conditionsOf(judge('special_funding', { specialEdFunding: 5999 }))).toEqual([
      ['special_funding', 'not_met', 'ready', 5999],
    ]);
    const none = judge('special_funding', { planningReasonable: true });
    expect(none.status).toBe('not_provided');
    expect(conditionsOf(none)).toEqual([['special_funding', 'not_provided', null, null]]);
  });

  it('teachers’ pay not below civil servants’: from the two figures, else from the 是/否 row', () => {
    const both = judge('teacher_pay', { teacherSalary: 80000, civilServantSalary: 80000, performancePay: true });
    expect(both.status).toBe('met');
    expect(both.conditions[0]).toMatchObject({ status: 'met', source: 'counts', value: 80000, reference: 80000 });
    expect(both.conditions[0]!.figures!.map((f) => f.id)).toEqual(['teacherSalary', 'civilServantSalary']);
    // Only the reference figure and the 是/否 row: the row decides.
    const yes = judge('teacher_pay', { civilServantSalary: 80000, teacherSalaryOk: true, performancePay: true });
    expect(yes.status).toBe('met');
    expect(yes.conditions[0]).toMatchObject({ status: 'met', source: 'yesno', value: true });
    expect(yes.conditions[0]!.figures!.map((f) => f.id)).toEqual(['teacherSalaryOk']);
  });

  it('a ratio: a ready figure (source ready), or Σ numerator ÷ Σ denominator (source counts)', () => {
    expect(conditionsOf(judge('training', { trainingRate: 1 }))).toEqual([['training', 'met', 'ready', 1]]);
    expect(conditionsOf(judge('training', { trainedTeachers: 200, teachersToTrain: 200 }))).toEqual([
      ['training', 'met', 'counts', 1],
    ]);
    expect(conditionsOf(judge('training', { trainedTeachers: 199, teachersToTrain: 200 }))).toEqual([
      ['training', 'not_met', 'counts', 0.995],
    ]);
  });

  it('counts that do not add up: the issue says which condition and how', () => {
    const zero = judge('training', { trainedTeachers: 0, teachersToTrain: 0 });
    expect(zero.status).toBe('not_provided');
    expect(zero.issues.map((i) => [i.code, i.text])).toEqual([
      ['COUNTS_INCONSISTENT', '360学时培训完成率的分母不大于0（0 对 0），数据不一致'],
    ]);
    const over = judge('training', { trainedTeachers: 201, teachersToTrain: 200 });
    expect(over.issues.map((i) => [i.code, i.text])).toEqual([
      ['COUNTS_INCONSISTENT', '360学时培训完成率的分子大于分母（201 对 200），数据不一致'],
    ]);
  });
});

describe('without a 县级指标 sheet', () => {
  it('every county item is not provided, each condition too, with no value', () => {
    const profile = copy();
    const { checklist, issues } = evaluateChecklist(profile, null, []);
    const county = checklist.filter((c) => !c.item.school);
    expect(county.length).toBe(22);
    for (const c of county) {
      expect(c.status).toBe('not_provided');
      for (const k of c.conditions) expect([k.status, k.value]).toEqual(['not_provided', null]);
    }
    expect(issues).toEqual([]);
  });
});

/** A 小学 of the given classes and rooms (音乐 and 美术 alike: rooms, of which up to standard). */
const withRooms = (name: string, classes: number, rooms?: number, upToStandard?: number): SchoolRecord =>
  school(
    name,
    '小学',
    { primary: 30 * classes },
    {},
    {
      items: {
        classes,
        ...(rooms === undefined ? {} : { musicRooms: rooms, artRooms: rooms }),
        ...(upToStandard === undefined
          ? {}
          : { musicRoomsUpToStandard: upToStandard, artRoomsUpToStandard: upToStandard }),
      },
    },
  );

describe('items judged from the school rows', () => {
  it('rooms: the totals count the schools that fail or lack data, not those met', () => {
    const schools = [
      // 24 classes need 2 rooms of each: 1 is missing one of each.
      withRooms('缺一间', 24, 1, 1),
      // 12 classes need 1: 2 rooms, 1 up to standard, is met (1 too small).
      withRooms('达标', 12, 2, 1),
      // Music 2 rooms, 1 up to standard (met, 1 too small); art without its 面积达标间数: not provided.
      school(
        '缺列',
        '小学',
        { primary: 300 },
        {},
        { items: { classes: 12, musicRooms: 2, musicRoomsUpToStandard: 1, artRooms: 1 } },
      ),
    ];
    const r = judge('art_rooms', null, { schools });
    expect(r.status).toBe('not_met');
    expect(r.schools!.failing.map((s) => s.school.name)).toEqual(['缺一间']);
    expect(r.schools!.notProvided.map((s) => s.name)).toEqual(['缺列']);
    expect(r.schools!.rooms).toEqual({ musicMissing: 1, artMissing: 1, musicTooSmall: 1, artTooSmall: 0 });
  });

  it('size and class size carry no room totals', () => {
    const schools = [withRooms('甲', 12, 1, 1)];
    expect(judge('school_size', null, { schools }).schools!.rooms).toBeNull();
    expect(judge('class_size', null, { schools }).schools!.rooms).toBeNull();
  });
});

describe('the county’s claim against the computed status', () => {
  const detail = (r: ChecklistResult) => r.claim!.disagreement;

  it('a claim of 未达标 against an item that cannot be judged: 无法判定, and which figures are missing', () => {
    // 绩效工资 given, the pay figures not: only the pay condition is named.
    const r = judge('teacher_pay', { performancePay: true }, { claims: [['teacher_pay', claim(false)]] });
    expect(r.status).toBe('not_provided');
    expect(detail(r)).toEqual({
      claim: '自评未达标',
      computed: '无法判定',
      detail: '缺少“教师平均工资收入不低于公务员”的数据',
    });
    const none = judge('teacher_pay', { planningReasonable: true }, { claims: [['teacher_pay', claim(true)]] });
    expect(detail(none)!.detail).toBe('缺少“教师平均工资收入不低于公务员”、“足额核定绩效工资总量”的数据');
  });

  it('a claim of 未达标 against a met item: the values in words', () => {
    const r = judge('special_funding', { specialEdFunding: 6000 }, { claims: [['special_funding', claim(false)]] });
    expect(detail(r)).toEqual({ claim: '自评未达标', computed: '达标', detail: '特殊教育学校生均公用经费 6,000元' });
    expect(r.issues.map((i) => [i.code, i.sheet, i.cell, i.column])).toEqual([
      ['CLAIM_DISAGREES', '自评表', 'C5', '自评'],
    ]);
    expect(r.issues[0]!.county).toBeUndefined();
  });

  it('a claim that agrees gives no disagreement; the county is named in the issue when given', () => {
    expect(
      detail(judge('special_funding', { specialEdFunding: 6000 }, { claims: [['special_funding', claim(true)]] })),
    ).toBeNull();
    const r = judge(
      'special_funding',
      { specialEdFunding: 5000 },
      {
        claims: [['special_funding', claim(true)]],
        county: '甲县',
      },
    );
    expect(detail(r)).toEqual({
      claim: '自评达标',
      computed: '未达标',
      detail: '特殊教育学校生均公用经费 5,000元（应 ≥ 6,000元）',
    });
    expect(r.issues[0]!.county).toBe('甲县');
  });

  it('school items: which columns are missing, 各校均达标, or the failing schools (five named, then 等)', () => {
    const noRooms = judge('art_rooms', null, {
      schools: [withRooms('甲', 12)],
      claims: [['art_rooms', claim(true)]],
    });
    expect(detail(noRooms)).toEqual({ claim: '自评达标', computed: '无法判定', detail: '学校数据中缺少计算所需的列' });
    const met = judge('art_rooms', null, {
      schools: [withRooms('甲', 12, 1, 1)],
      claims: [['art_rooms', claim(false)]],
    });
    expect(detail(met)).toEqual({ claim: '自评未达标', computed: '达标', detail: '各校均达标' });
    const failing = (n: number) =>
      detail(
        judge('art_rooms', null, {
          schools: Array.from({ length: n }, (_, k) => withRooms(`校${k + 1}`, 24, 1, 1)),
          claims: [['art_rooms', claim(true)]],
        }),
      )!;
    expect(failing(5)).toEqual({
      claim: '自评达标',
      computed: '未达标',
      detail: '5所学校未达标（校1、校2、校3、校4、校5）',
    });
    expect(failing(6).detail).toBe('6所学校未达标（校1、校2、校3、校4、校5 等）');
  });
});

describe('the verdict', () => {
  const level = (pass: boolean) => ({ pass }) as LevelResult;
  const item = (dimension: 'guarantee' | 'quality' | 'recognition', status: ChecklistResult['status']) =>
    ({ item: { dimension }, status }) as ChecklistResult;

  it('resources: not provided without levels, met only when every level passes', () => {
    expect(verdictOf({}, [], false).dimensions.resources).toBe('not_provided');
    expect(verdictOf({ primary: level(true), junior: level(true) }, [], false).dimensions.resources).toBe('met');
    expect(verdictOf({ primary: level(true), junior: level(false) }, [], false).dimensions.resources).toBe('not_met');
  });

  it('each dimension from its own items only', () => {
    const v = verdictOf(
      { primary: level(true) },
      [item('guarantee', 'met'), item('quality', 'not_met'), item('recognition', 'not_provided')],
      true,
    );
    expect(v.dimensions).toEqual({
      resources: 'met',
      guarantee: 'met',
      quality: 'not_met',
      recognition: 'not_provided',
    });
    expect(v.status).toBe('not_met');
    expect(v.countyFiguresGiven).toBe(true);
  });

  it('a dimension without items is not judged at all (a 2012 profile has only resources)', () => {
    expect(verdictOf({ primary: level(true) }, [], false).dimensions).toEqual({ resources: 'met' });
    expect(verdictOf({ primary: level(true) }, [item('guarantee', 'met')], true)).toEqual({
      status: 'met',
      dimensions: { resources: 'met', guarantee: 'met' },
      countyFiguresGiven: true,
    });
  });
});
