/**
 * Plausible-but-suspicious values (src/engine/plausibility.ts, input.md): a per-student value more than 5 times the
 * level's median or under a fifth of it, and equipment that looks like 万元 typed into a 元 column (under 1 % of the
 * standard) or 元 under a 万元 header (over 100 times the standard). Primary schools of 100 students at the 2017
 * standards (体育运动场馆 7.5 ㎡, 仪器设备 2000 元 a student) but for the value a test changes.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSection, type SectionResult } from '../../src/engine/compliance';
import { plausibilityIssues } from '../../src/engine/plausibility';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { JIBEN_2012 } from '../../src/engine/profiles';
import { sectionSchool } from '../../src/engine/sections';
import type { CellRef, SchoolRecord } from '../../src/engine/types';
import { primaryAtStandard, school } from '../helpers/records';

const copy = (): Profile => structuredClone(YOUZHI_2017);

function judged(profile: Profile, schools: SchoolRecord[]): SectionResult[] {
  return schools.flatMap((s) => {
    const r = sectionSchool(s, profile);
    return 'sections' in r ? r.sections.map((x) => evaluateSection(x, profile)) : [];
  });
}

const primary = (
  name: string,
  change: Partial<SchoolRecord['resources']> = {},
  cells: Record<string, CellRef> = {},
  row = 2,
): SchoolRecord =>
  school(
    name,
    '小学',
    { primary: 100 },
    { ...primaryAtStandard(100), ...change },
    {
      source: { sheet: '学校', row, cells },
    },
  );

const equipmentCell = (cell: string, unitFactor: number): Record<string, CellRef> => ({
  equipmentValue: { cell, column: '设备值', unitFactor },
});

const issuesOf = (schools: SchoolRecord[], profile = copy()) =>
  plausibilityIssues(judged(profile, schools), profile).map((i) => [i.code, i.school, i.text]);

describe('outliers against the level’s median', () => {
  it('over 5 times the median is high, under a fifth is low; at 5 times and at a fifth, nothing', () => {
    // 体育运动场馆 a student: 7.5, 7.5, 45 (6 times), 1.25 (1/6): median 7.5.
    expect(
      issuesOf([
        primary('甲'),
        primary('乙'),
        primary('丙', { sportsSpace: 4500 }),
        primary('丁', { sportsSpace: 125 }),
      ]),
    ).toEqual([
      ['OUTLIER_HIGH', '丙', '生均体育运动场馆面积为 45，超过全县小学中位数 7.5 的5倍，请核实'],
      ['OUTLIER_LOW', '丁', '生均体育运动场馆面积为 1.25，不足全县小学中位数 7.5 的1/5，请核实'],
    ]);
    // 37.5 (5 times) and 1.5 (a fifth).
    expect(
      issuesOf([
        primary('甲'),
        primary('乙'),
        primary('丙', { sportsSpace: 3750 }),
        primary('丁', { sportsSpace: 150 }),
      ]),
    ).toEqual([]);
  });

  it('the factor is the profile’s; each level has its own median; a median of 0 flags nothing', () => {
    const p = copy();
    p.plausibility.outlierFactor = 2;
    // 7.5, 7.5, 16 (more than twice 7.5).
    expect(issuesOf([primary('甲'), primary('乙'), primary('丙', { sportsSpace: 1600 })], p).map((i) => i[2])).toEqual([
      '生均体育运动场馆面积为 16，超过全县小学中位数 7.5 的2倍，请核实',
    ]);
    // A junior school far above the primary ones is judged among juniors only.
    const junior = (name: string, sports: number) =>
      school(name, '初中', { junior: 100 }, { ...primaryAtStandard(100), sportsSpace: sports });
    expect(issuesOf([primary('甲'), primary('乙'), junior('初一', 4000), junior('初二', 4000)])).toEqual([]);
    // Half the schools at 0: median 0, nothing is an outlier.
    expect(issuesOf([primary('甲', { sportsSpace: 0 }), primary('乙', { sportsSpace: 0 }), primary('丙')])).toEqual([]);
  });

  it('the position: the cell when the row has one, else the row', () => {
    const cells = { sportsSpace: { cell: 'G9', column: '体育场馆', unitFactor: 1 } };
    const issues = plausibilityIssues(
      judged(copy(), [primary('甲'), primary('乙'), primary('丙', { sportsSpace: 4500 }, cells, 9)]),
      copy(),
    );
    expect(issues.map((i) => [i.sheet, i.cell, i.column, i.row, i.field])).toEqual([
      ['学校', 'G9', '体育场馆', undefined, 'sportsSpace'],
    ]);
    const byRow = plausibilityIssues(
      judged(copy(), [primary('甲'), primary('乙'), primary('丙', { sportsSpace: 4500 }, {}, 9)]),
      copy(),
    );
    expect(byRow.map((i) => [i.sheet, i.cell, i.row])).toEqual([['学校', undefined, 9]]);
  });
});

describe('equipment in the wrong unit', () => {
  it('under 1 % of the standard in a 元 column: 万元 typed into it, instead of a low outlier', () => {
    // 20 元 for 100 students: 0.2 a student (standard 2000).
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 20 }, equipmentCell('H4', 1))]),
    ).toEqual([
      [
        'EQUIPMENT_LOOKS_LIKE_WAN',
        '丙',
        '生均教学仪器设备值仅 0.2 元，疑似按“万元”填入了“元”列；如确为万元，请在表头写“（万元）”',
      ],
    ]);
  });

  it('at 1 % of the standard, at 0, or without a cell: no unit warning', () => {
    // 20 a student (1 %): a low outlier only.
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 2000 }, equipmentCell('H4', 1))]).map(
        (i) => i[0],
      ),
    ).toEqual(['OUTLIER_LOW']);
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 0 }, equipmentCell('H4', 1))]).map(
        (i) => i[0],
      ),
    ).toEqual(['OUTLIER_LOW']);
    expect(issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 20 })]).map((i) => i[0])).toEqual([
      'OUTLIER_LOW',
    ]);
  });

  it('over 100 times the standard under a 万元 header: 元 typed under it, with how many times', () => {
    // 300 000 a student: 150 times 2000.
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 3e7 }, equipmentCell('H4', 10000))]),
    ).toEqual([
      [
        'EQUIPMENT_LOOKS_LIKE_YUAN',
        '丙',
        '生均教学仪器设备值达 300000 元（标准的 150 倍），疑似表头写“万元”而数值按“元”填写；如数值确为元，请将表头改为“（元）”',
      ],
    ]);
    // Exactly 100 times, or the same under a 元 header: only the outlier.
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 2e7 }, equipmentCell('H4', 10000))]).map(
        (i) => i[0],
      ),
    ).toEqual(['OUTLIER_HIGH']);
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 3e7 }, equipmentCell('H4', 1))]).map(
        (i) => i[0],
      ),
    ).toEqual(['OUTLIER_HIGH']);
  });

  it('one warning per cell: a 九年一贯制 school’s two sections share its column; two rows are two', () => {
    const nine = (name: string, row: number, cells: Record<string, CellRef>) =>
      school(
        name,
        '九年一贯制',
        { primary: 100, junior: 100 },
        { ...primaryAtStandard(200), equipmentValue: 40 },
        { source: { sheet: '学校', row, cells } },
      );
    const issues = issuesOf([nine('甲', 3, equipmentCell('H3', 1)), nine('乙', 4, equipmentCell('H4', 1))]);
    expect(issues.map((i) => [i[0], i[1]])).toEqual([
      ['EQUIPMENT_LOOKS_LIKE_WAN', '甲'],
      ['EQUIPMENT_LOOKS_LIKE_WAN', '乙'],
    ]);
  });

  it('one warning per cell: a school’s 小学部 and 初中部 columns on one row are two', () => {
    const s = school(
      '甲',
      '九年一贯制',
      { primary: 100, junior: 100 },
      { ...primaryAtStandard(200), equipmentValue: undefined },
      {
        sectionResources: { primary: { equipmentValue: 20 }, junior: { equipmentValue: 20 } },
        source: {
          sheet: '学校',
          row: 3,
          cells: {
            'primary:equipmentValue': { cell: 'H3', column: '小学部设备值', unitFactor: 1 },
            'junior:equipmentValue': { cell: 'I3', column: '初中部设备值', unitFactor: 1 },
          },
        },
      },
    );
    const issues = plausibilityIssues(judged(copy(), [s]), copy()).filter((i) => i.code === 'EQUIPMENT_LOOKS_LIKE_WAN');
    expect(issues.map((i) => i.cell)).toEqual(['H3', 'I3']);
  });

  it('another indicator under 1 % of its standard is only an outlier, whatever its cell', () => {
    // 体育运动场馆 0.05 ㎡ a student (under 1 % of 7.5) in a plain cell: a low outlier, no unit warning.
    const cells = { sportsSpace: { cell: 'G4', column: '体育场馆', unitFactor: 1 } };
    expect(issuesOf([primary('甲'), primary('乙'), primary('丙', { sportsSpace: 5 }, cells)]).map((i) => i[0])).toEqual(
      ['OUTLIER_LOW'],
    );
  });

  it('the 2012 method has no equipment standard: no unit warning under a 万元 header', () => {
    const p = structuredClone(JIBEN_2012);
    const even = (name: string, equipment: number, cells: Record<string, CellRef> = {}) =>
      school(
        name,
        '小学',
        { primary: 100 },
        {
          ...primaryAtStandard(100),
          computers: 10,
          books: 3000,
          teachers: 5,
          midTitleTeachers: 2,
          equipmentValue: equipment,
        },
        { source: { sheet: '学校', row: 2, cells } },
      );
    expect(
      plausibilityIssues(judged(p, [even('甲', 2e5), even('乙', 2e5), even('丙', 3e5, equipmentCell('H4', 10000))]), p),
    ).toEqual([]);
  });

  it('a profile without an equipment indicator: no unit warnings', () => {
    const p = copy();
    p.indicators = p.indicators.filter((i) => i.numerator !== 'equipmentValue');
    expect(
      issuesOf([primary('甲'), primary('乙'), primary('丙', { equipmentValue: 20 }, equipmentCell('H4', 1))], p),
    ).toEqual([]);
  });
});
