// The checks across one school's cells (src/schema/rows/structure.ts), each written out from its rule (issue 31:
// the survivors of the mutation run on src/schema/rows). The row stands in for RowValues: a position per key.
import { describe, expect, it } from 'vitest';
import type { SchoolRecord } from '../../src/engine/types';
import type { RowValues } from '../../src/schema/row-plan';
import { structuralIssues } from '../../src/schema/rows/structure';
import { school } from '../helpers/records';

const row = { at: (key: string) => ({ sheet: '学校', cell: `@${key}`, field: key }) } as unknown as RowValues;
const found = (s: SchoolRecord) => structuralIssues(s, row).map((i) => ({ code: i.code, cell: i.cell, text: i.text }));

describe('resources without students', () => {
  it('a one-level school with 0 students names the fields above 0, at its students cell', () => {
    const s = school('一小', '小学', { primary: 0 }, { teachers: 5, sportsSpace: 0, teachingSpace: 120.5 });
    expect(found(s)).toEqual([
      {
        code: 'RESOURCES_WITHOUT_STUDENTS',
        cell: '@studentsPrimary',
        text: '小学在校生数为0，却填有资源数据（专任教师数、教学及辅助用房面积）',
      },
    ]);
  });

  it('no issue when its students are not given, when it has students, or when every amount is 0', () => {
    expect(found(school('一小', '小学', {}, { teachers: 5 }))).toEqual([]);
    expect(found(school('一小', '小学', { primary: 10 }, { teachers: 5 }))).toEqual([]);
    expect(found(school('一小', '小学', { primary: 0 }, { teachers: 0, sportsSpace: 0 }))).toEqual([]);
  });

  it('a section with 0 students and its own 初中部 amounts', () => {
    const s = school(
      '一中',
      '完全中学',
      { junior: 0, senior: 300 },
      {},
      { sectionResources: { junior: { sportsSpace: 800, teachers: 0, books: 900 } } },
    );
    expect(found(s)).toEqual([
      {
        code: 'RESOURCES_WITHOUT_STUDENTS',
        cell: '@studentsJunior',
        text: '初中部在校生数为0，却填有资源数据（初中部体育运动场馆面积、初中部图书册数）',
      },
    ]);
  });

  it('a school of two levels with 0 students in both and whole-school amounts: 全校, at the first level’s cell', () => {
    const s = school('九年一贯', '九年一贯制', { primary: 0, junior: 0 }, { teachers: 12, books: 0, sportsSpace: 100 });
    expect(found(s)).toEqual([
      {
        code: 'RESOURCES_WITHOUT_STUDENTS',
        cell: '@studentsPrimary',
        text: '全校在校生数为0，却填有资源数据（专任教师数、体育运动场馆面积）',
      },
    ]);
  });

  it('no 全校 issue while a level’s students are not known, or with no amount above 0', () => {
    expect(found(school('九年一贯', '九年一贯制', { primary: 0 }, { teachers: 12 }))).toEqual([]);
    expect(found(school('九年一贯', '九年一贯制', { primary: 0, junior: 0 }, { teachers: 0 }))).toEqual([]);
  });
});

describe('teachers above students', () => {
  it('专任教师数 above the students is a warning at its cell', () => {
    expect(found(school('一小', '小学', { primary: 20 }, { teachers: 21 }))).toEqual([
      { code: 'TEACHERS_EXCEED_STUDENTS', cell: '@teachers', text: '专任教师数 21 人，多于在校生 20 人，请核实' },
    ]);
  });

  it('without 专任教师数, 高于规定学历教师数 is compared, at its own cell', () => {
    expect(found(school('一小', '小学', { primary: 20 }, { qualifiedTeachers: 25 }))).toEqual([
      {
        code: 'TEACHERS_EXCEED_STUDENTS',
        cell: '@qualifiedTeachers',
        text: '高于规定学历教师数 25 人，多于在校生 20 人，请核实',
      },
    ]);
  });

  it('as many teachers as students, no teachers given, or no students: no warning', () => {
    expect(found(school('一小', '小学', { primary: 20 }, { teachers: 20 }))).toEqual([]);
    expect(found(school('一小', '小学', { primary: 20 }, { sportsSpace: 900 }))).toEqual([]);
    expect(found(school('一小', '小学', {}, { teachers: 5 }))).toEqual([]);
  });
});

describe('per-section columns for some sections only', () => {
  it('初中部 given without 小学部: the missing one is named, at its cell', () => {
    const s = school(
      '九年一贯',
      '九年一贯制',
      { primary: 400, junior: 300 },
      { sportsSpace: 5000 },
      { sectionResources: { junior: { sportsSpace: 2000 } } },
    );
    expect(found(s)).toEqual([
      {
        code: 'SECTION_VALUES_INCOMPLETE',
        cell: '@primary:sportsSpace',
        text: '填了初中部体育运动场馆面积，却缺少小学部体育运动场馆面积：分学段数据须各学段都填，或都不填（按权重拆分全校数）',
      },
    ]);
  });

  it('a section without students needs no column of its own', () => {
    const s = school(
      '九年一贯',
      '九年一贯制',
      { primary: 400, junior: 0 },
      { sportsSpace: 5000 },
      { sectionResources: { primary: { sportsSpace: 2000 } } },
    );
    expect(found(s)).toEqual([]);
  });

  it('both sections given, or neither: no issue', () => {
    const both = school(
      '九年一贯',
      '九年一贯制',
      { primary: 400, junior: 300 },
      {},
      { sectionResources: { primary: { books: 10 }, junior: { books: 20 } } },
    );
    expect(found(both)).toEqual([]);
    expect(found(school('九年一贯', '九年一贯制', { primary: 400, junior: 300 }, { books: 30 }))).toEqual([]);
  });
});
