/** The county items (15 + 9 + 1), the school items (rooms, size, class size) and the verdict. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluateChecklist, verdictOf, type CountyFigure } from '../src/engine/checklist';
import { ProfileSchema, YOUZHI_2017 } from '../src/engine/profile';
import { evaluateSchoolItems } from '../src/engine/school-items';
import type { SchoolRecord } from '../src/engine/types';
import { renderTemplate, TEMPLATE_COLUMNS, templateHeader } from '../src/template/index';
import { check, county, tmp, workbook, type Cell } from './helpers/files';
import { school } from './helpers/records';

const figures = (values: Record<string, number | boolean>) =>
  new Map(
    Object.entries(values).map(([id, value], i): [string, CountyFigure] => [
      id,
      { value, sheet: '县级指标', cell: `B${i + 2}`, name: id },
    ]),
  );

function item(id: string, values: Record<string, number | boolean>) {
  const { checklist, issues } = evaluateChecklist(YOUZHI_2017, figures(values), []);
  return { ...checklist.find((c) => c.item.id === id)!, issues };
}
const status = (id: string, values: Record<string, number | boolean>) => item(id, values).status;

describe('county items at their thresholds', () => {
  it('巩固率 from raw counts: graduates ÷ (enrolled + in − out − deaths), ≥ 95%', () => {
    const base = { juniorEnrolled3y: 1000, transferIn: 30, transferOut: 20, deaths: 10 }; // denominator 1000
    expect(status('consolidation', { ...base, juniorGraduates: 950 })).toBe('met');
    expect(status('consolidation', { ...base, juniorGraduates: 949 })).toBe('not_met');
    expect(item('consolidation', { ...base, juniorGraduates: 950 }).conditions[0]!.value).toBeCloseTo(0.95, 12);
  });

  it('a ready ratio wins over the raw counts', () => {
    expect(
      status('consolidation', {
        consolidationRate: 0.95,
        juniorGraduates: 1,
        juniorEnrolled3y: 1000,
        transferIn: 0,
        transferOut: 0,
        deaths: 0,
      }),
    ).toBe('met');
  });

  it('counts that do not add up are an error at the cell, and the item is not judged', () => {
    const r = item('consolidation', {
      juniorGraduates: 1001,
      juniorEnrolled3y: 1000,
      transferIn: 0,
      transferOut: 0,
      deaths: 0,
    });
    expect(r.status).toBe('not_provided');
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['COUNTS_INCONSISTENT', 'B2']]);
    expect(item('disabled_enrolment', { disabledEnrolled: 0, disabledTotal: 0 }).issues[0]!.code).toBe(
      'COUNTS_INCONSISTENT',
    );
  });

  it.each([
    ['rotation', { rotatedTeachers: 100, eligibleTeachers: 1000, rotatedBackbone: 20 }, 'met'],
    ['rotation', { rotatedTeachers: 99, eligibleTeachers: 1000, rotatedBackbone: 20 }, 'not_met'],
    ['rotation', { rotatedTeachers: 100, eligibleTeachers: 1000, rotatedBackbone: 19 }, 'not_met'],
    ['rotation', { rotatedTeachers: 100, eligibleTeachers: 1000 }, 'not_provided'],
    ['nearby_enrolment', { urbanNearbyRate: 1, townNearbyRate: 0.95 }, 'met'],
    ['nearby_enrolment', { urbanNearbyRate: 0.999, townNearbyRate: 0.99 }, 'not_met'],
    ['nearby_enrolment', { urbanNearbyRate: 1, townNearbyRate: 0.9499 }, 'not_met'],
    ['quota', { quotaPlaces: 500, seniorPlan: 1000, quotaRural: true }, 'met'],
    ['quota', { quotaPlaces: 499, seniorPlan: 1000, quotaRural: true }, 'not_met'],
    ['quota', { quotaRate: 0.6, quotaRural: false }, 'not_met'],
    [
      'left_behind',
      { leftBehindCare: true, migrantInPublic: 800, migrantInPurchased: 50, migrantEligible: 1000 },
      'met',
    ],
    [
      'left_behind',
      { leftBehindCare: true, migrantInPublic: 800, migrantInPurchased: 49, migrantEligible: 1000 },
      'not_met',
    ],
    ['special_funding', { specialEdFunding: 6000 }, 'met'],
    ['special_funding', { specialEdFunding: 5999.99 }, 'not_met'],
    ['teacher_pay', { teacherSalary: 90000, civilServantSalary: 90000, performancePay: true }, 'met'],
    ['teacher_pay', { teacherSalary: 89999, civilServantSalary: 90000, performancePay: true }, 'not_met'],
    ['teacher_pay', { teacherSalaryOk: true, performancePay: true }, 'met'],
    ['teacher_pay', { teacherSalaryOk: true, performancePay: false }, 'not_met'],
    ['training', { trainedTeachers: 2380, teachersToTrain: 2380 }, 'met'],
    ['training', { trainingRate: 0.999 }, 'not_met'],
    ['certification', { certifiedRate: 1 }, 'met'],
    ['disabled_enrolment', { disabledEnrolled: 95, disabledTotal: 100 }, 'met'],
    ['disabled_enrolment', { disabledRate: 0.9499 }, 'not_met'],
    ['training_funds', { trainingFunds: 50000, publicFundsBudget: 1000000 }, 'met'],
    ['training_funds', { trainingFundsRate: 0.049 }, 'not_met'],
    ['training_funds', { trainingFundsOk: true }, 'met'],
    ['monitoring', { monitoringLevel: true, monitoringDiffRate: 0.1499 }, 'met'],
    ['monitoring', { monitoringLevel: true, monitoringDiffRate: 0.15 }, 'not_met'],
    ['monitoring', { monitoringLevel: false, monitoringDiffRate: 0.1 }, 'not_met'],
    ['recognition', { recognitionRate: 0.85 }, 'met'],
    ['recognition', { recognitionYes: 849, recognitionSurveyed: 1000 }, 'not_met'],
    ['planning', { planningReasonable: false }, 'not_met'],
    ['planning', {}, 'not_provided'],
  ] as const)('%s %j → %s', (id, values, expected) => {
    expect(status(id, values as Record<string, number | boolean>)).toBe(expected);
  });
});

describe('school items (guarantee items 3–5)', () => {
  const judge = (s: SchoolRecord, profile = YOUZHI_2017) => evaluateSchoolItems(s, profile).items;
  const primary = (P: number, items: SchoolRecord['items']) => school('小学', '小学', { primary: P }, {}, { items });

  it('rooms: ceil(classes ÷ 12), at least 1, each up to the minimum area', () => {
    expect(
      judge(
        primary(500, { classes: 12, musicRooms: 1, musicRoomsUpToStandard: 1, artRooms: 1, artRoomsUpToStandard: 1 }),
      ).rooms.status,
    ).toBe('met');
    const thirteen = judge(
      primary(500, { classes: 13, musicRooms: 1, musicRoomsUpToStandard: 1, artRooms: 2, artRoomsUpToStandard: 2 }),
    ).rooms;
    expect(thirteen.status).toBe('not_met');
    expect(thirteen.music).toMatchObject({ needed: 2, missing: 1 });
    const small = judge(
      primary(500, { classes: 6, musicRooms: 1, musicRoomsUpToStandard: 0, artRooms: 1, artRoomsUpToStandard: 1 }),
    ).rooms;
    expect(small.status).toBe('not_met');
    expect(small.music).toMatchObject({ needed: 1, missing: 0, tooSmall: 1 });
    expect(judge(primary(500, { classes: 6, musicRooms: 1, artRooms: 1 })).rooms.status).toBe('not_provided');
  });

  it('a province accepting smaller rooms is a profile override, not a code path', () => {
    const lenient = ProfileSchema.parse({
      ...YOUZHI_2017,
      schoolItems: { ...YOUZHI_2017.schoolItems, rooms: { ...YOUZHI_2017.schoolItems.rooms, sizeRequired: false } },
    });
    expect(
      judge(
        primary(500, { classes: 6, musicRooms: 1, musicRoomsUpToStandard: 0, artRooms: 1, artRoomsUpToStandard: 0 }),
        lenient,
      ).rooms.status,
    ).toBe('met');
  });

  it('size: 小学 2000 is met, 2001 is over by 1; 十二年一贯制 counts only the compulsory part', () => {
    expect(judge(primary(2000, {})).size).toMatchObject({ status: 'met', over: 0 });
    expect(judge(primary(2001, {})).size).toMatchObject({ status: 'not_met', over: 1 });
    const twelve = school('十二年', '十二年一贯制', { primary: 1500, junior: 1000, senior: 900 }, {});
    expect(judge(twelve).size).toMatchObject({ status: 'met', students: 2500, max: 2500 });
  });

  it('class size: oversize classes, or the largest class against 45 / 50', () => {
    expect(judge(primary(500, { oversizeClasses: 0 })).classSize.status).toBe('met');
    expect(judge(primary(500, { oversizeClasses: 1 })).classSize.status).toBe('not_met');
    expect(judge(primary(500, { maxClassSize: 45 })).classSize.status).toBe('met');
    expect(judge(primary(500, { maxClassSize: 46 })).classSize.status).toBe('not_met');
    const nine = (max: number) =>
      judge(school('九年', '九年一贯制', { primary: 300, junior: 200 }, {}, { items: { maxClassSize: max } })).classSize
        .status;
    expect([nine(45), nine(48), nine(51)]).toEqual(['met', 'not_provided', 'not_met']);
  });

  it('more up-to-standard rooms than rooms is an error', () => {
    const { issues } = evaluateSchoolItems(primary(500, { musicRooms: 1, musicRoomsUpToStandard: 2 }), YOUZHI_2017);
    expect(issues.map((i) => i.code)).toEqual(['COUNTS_INCONSISTENT']);
  });
});

describe('the verdict', () => {
  it('without a 县级指标 sheet the county dimensions are not judged, never met', async () => {
    const report = await check(await workbook({ 学校数据: county() }));
    const v = report.counties[0]!.verdict;
    expect(v.countyFiguresGiven).toBe(false);
    expect(v.dimensions).toEqual({
      resources: 'met',
      guarantee: 'not_provided',
      quality: 'not_provided',
      recognition: 'not_provided',
    });
    expect(v.status).toBe('not_provided');
  });

  it('a failing item fails its dimension and the whole verdict', () => {
    const { checklist } = evaluateChecklist(YOUZHI_2017, figures({ planningReasonable: false }), []);
    expect(verdictOf({}, checklist, true)).toMatchObject({
      status: 'not_met',
      dimensions: { guarantee: 'not_met', quality: 'not_provided' },
    });
  });

  it('the sample county: every item judged, the reasons named', async () => {
    const report = await check('fixtures/sample-county.xlsx');
    const c = report.counties[0]!;
    expect(report.input.countySheet).toBe('县级指标');
    expect(c.checklist).toHaveLength(25);
    expect(c.checklist.filter((x) => x.status === 'not_provided').map((x) => x.item.id)).toEqual([]);
    expect(c.checklist.find((x) => x.item.id === 'rotation')!.status).toBe('not_met'); // 骨干 49 / 268 = 18.3%
    expect(c.checklist.find((x) => x.item.id === 'consolidation')!.conditions[0]!.value).toBeCloseTo(
      3612 / (3705 + 86 - 112 - 2),
      12,
    );
    expect(c.verdict.status).toBe('not_met');
  });
});

describe('县级指标 sheet', () => {
  const withFigures = (rows: Cell[][]) =>
    workbook({ 学校数据: county(), 县级指标: [['指标', '数值', '说明'], ...rows] });
  const value = async (rows: Cell[][], id: string) => {
    const report = await check(await withFigures(rows));
    const c = report.counties[0]?.checklist.flatMap((x) => x.conditions).find((x) => x.condition.id === id);
    return { value: c?.value, issues: report.issues };
  };

  it.each([
    ['96.5%', 0.965],
    ['９６．５％', 0.965],
    [0.965, 0.965],
    [96.5, 0.965],
  ])('a percentage written as %j', async (v, expected) => {
    expect((await value([['社会认可度', v]], 'recognition')).value).toBeCloseTo(expected, 12);
  });

  it('a percent unit in the row name makes 1 mean 1%', async () => {
    expect((await value([['交流轮岗比例（%）', 1]], 'rotation')).value).toBeCloseTo(0.01, 12);
  });

  it('yes / no in the usual forms, numbering before the name, 万元 in the name', async () => {
    expect((await value([['1.规划布局合理', '√']], 'planning')).value).toBe(true);
    expect((await value([['规划布局合理', '否']], 'planning')).value).toBe(false);
    expect((await value([['特殊教育学校生均公用经费（万元）', 0.65]], 'special_funding')).value).toBeCloseTo(6500, 9);
    const bad = await value([['规划布局合理', '基本合理']], 'planning');
    expect(bad.issues.map((i) => [i.code, i.cell])).toContainEqual(['INVALID_VALUE', 'B2']);
  });

  it('value columns headed by county names give each county its own figures', async () => {
    const rows = county().map((r, i) => [...r, i === 0 ? '区县' : i < 4 ? '甲县' : '乙县']);
    const path = await workbook({
      学校数据: rows,
      县级指标: [
        ['指标', '甲县', '乙县'],
        ['社会认可度', '90%', '80%'],
      ],
    });
    const report = await check(path);
    const rec = (n: number) => report.counties[n]!.checklist.find((x) => x.item.id === 'recognition')!;
    expect(report.counties.map((c) => c.county)).toEqual(['甲县', '乙县']);
    expect([rec(0).status, rec(1).status]).toEqual(['met', 'not_met']);
  });
});

describe('template round trip', () => {
  it('a workbook filled from the template reads with no errors and no warnings, every item judged', async () => {
    const path = join(tmp(), '模板.xlsx');
    writeFileSync(path, await renderTemplate(YOUZHI_2017));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('学校数据')!;
    const col = (id: string) => TEMPLATE_COLUMNS.findIndex((c) => c.id === id) + 1;
    expect(ws.getRow(1).getCell(col('equipmentValue')).value).toBe(
      templateHeader({ id: 'equipmentValue', unit: '万元' }),
    );
    expect(ws.getRow(1).getCell(col('name')).note).toBeTruthy();
    const schools: Record<string, string | number>[] = [
      {
        name: '一小',
        type: '小学',
        ownership: '公办',
        urbanRural: '城区',
        studentsPrimary: 1000,
        qualifiedTeachers: 50,
        backboneTeachers: 12,
        peTeachers: 5,
        musicTeachers: 3,
        artTeachers: 2,
        teachingSpace: 5000,
        sportsSpace: 8000,
        equipmentValue: 220,
        multimediaRooms: 25,
        teachers: 60,
        classes: 24,
        oversizeClasses: 0,
        musicRooms: 2,
        musicRoomsUpToStandard: 2,
        artRooms: 2,
        artRoomsUpToStandard: 2,
      },
      {
        name: '二小',
        type: '小学',
        ownership: '民办',
        urbanRural: '乡村',
        studentsPrimary: 800,
        qualifiedTeachers: 40,
        backboneTeachers: 10,
        peTeachers: 4,
        musicTeachers: 2,
        artTeachers: 2,
        teachingSpace: 4000,
        sportsSpace: 7000,
        equipmentValue: 180,
        multimediaRooms: 20,
        teachers: 50,
        classes: 18,
        oversizeClasses: 0,
        musicRooms: 2,
        musicRoomsUpToStandard: 2,
        artRooms: 2,
        artRoomsUpToStandard: 2,
      },
      {
        name: '一中',
        type: '初中',
        ownership: '公办',
        urbanRural: '镇区',
        studentsJunior: 900,
        qualifiedTeachers: 55,
        backboneTeachers: 10,
        peTeachers: 4,
        musicTeachers: 2,
        artTeachers: 3,
        teachingSpace: 5500,
        sportsSpace: 10000,
        equipmentValue: 240,
        multimediaRooms: 22,
        teachers: 70,
        classes: 18,
        oversizeClasses: 0,
        musicRooms: 2,
        musicRoomsUpToStandard: 2,
        artRooms: 2,
        artRoomsUpToStandard: 2,
      },
      {
        name: '二中',
        type: '初中',
        ownership: '公办',
        urbanRural: '乡村',
        studentsJunior: 700,
        qualifiedTeachers: 40,
        backboneTeachers: 8,
        peTeachers: 3,
        musicTeachers: 2,
        artTeachers: 2,
        teachingSpace: 4300,
        sportsSpace: 8000,
        equipmentValue: 190,
        multimediaRooms: 18,
        teachers: 55,
        classes: 14,
        oversizeClasses: 0,
        musicRooms: 2,
        musicRoomsUpToStandard: 2,
        artRooms: 2,
        artRoomsUpToStandard: 2,
      },
    ];
    schools.forEach((s, i) => {
      const row = ws.getRow(i + 2);
      for (const [id, v] of Object.entries(s)) row.getCell(col(id)).value = v;
    });
    // The county sheet is the official 自评表: every item row gets the county's claim (达标), every
    // figure row (an item of one figure, or a numbered row under an item) a value that meets it.
    const sheet = wb.getWorksheet('县级指标')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '评估内容', '评估标准', '实际情况', '是否达标', '说明']);
    const answers: Record<string, string | number> = { yesno: '是', percent: 1, count: 100, yuan: 99000, number: 0.1 };
    let figureRows = 0;
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      const name = row.getCell(2).value;
      const item = YOUZHI_2017.checklist.find((c) => c.name === name);
      if (item) row.getCell(5).value = '达标';
      const input =
        YOUZHI_2017.countyInputs.find((x) => x.names[0] === name) ??
        (item && row.getCell(6).value
          ? YOUZHI_2017.countyInputs.find((x) => x.note === row.getCell(6).value)
          : undefined);
      if (input) {
        row.getCell(4).value = answers[input.unit]!;
        figureRows++;
      }
    });
    expect(figureRows).toBe(YOUZHI_2017.countyInputs.length);
    await wb.xlsx.writeFile(path);

    const report = await check(path);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(report.issues.map((i) => i.code)).not.toContain('COLUMN_IGNORED');
    expect(report.issues.map((i) => i.code)).not.toContain('COUNTY_ROW_IGNORED');
    const c = report.counties[0]!;
    expect(c.checklist.filter((x) => x.status === 'not_provided').map((x) => x.item.id)).toEqual([]);
    expect(c.verdict.dimensions.quality).toBe('met');
    expect(c.checklist.filter((x) => x.claim === null).map((x) => x.item.id)).toEqual([]);
    expect(c.claimDisagreements).toEqual([]);
    expect(readFileSync(path).length).toBeGreaterThan(1000);
  });
});

describe('a school-row item that some schools cannot be judged on names the columns they lack (#28)', () => {
  it('“缺少数据” says which column, and which schools', async () => {
    const rooms = [
      '班级数',
      '音乐专用教室数',
      '音乐专用教室面积达标间数',
      '美术专用教室数',
      '美术专用教室面积达标间数',
    ];
    const extra: Cell[][] = [
      [20, 2, 2, 2, 2],
      [null, 2, 2, 2, 2],
      [null, 1, 1, 1, 1],
      [12, 1, null, 1, 1],
      [24, 2, 2, 2, 2],
      [18, 2, 2, 2, 2],
    ];
    const rows = county().map((r, i) => [...r, ...(i === 0 ? rooms : extra[i - 1]!)]);
    const report = await check(await workbook({ 学校: rows }));
    const { schoolItemText } = await import('../src/render/prose');
    const item = (id: string) => report.counties[0]!.checklist.find((c) => c.item.id === id)!;
    expect(schoolItemText(item('art_rooms'))).toBe(
      '3所学校缺少数据：缺“班级数”的2所（二小、三小），缺“音乐专用教室面积达标间数”的1所（四小）',
    );
    // No class-size column at all: either of the two would do.
    expect(schoolItemText(item('class_size'), 2)).toBe('6所学校缺少“超标班额班级数”或“最大班额”（一小、二小等6所）');
  });
});
