// A header text → the field it names (src/schema/header/field-match.ts), under a small wording made in each test.
// Each expectation written out from the rule and that wording (issue 31: the survivors of the mutation run on src/schema).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import {
  excludedBy,
  matchHeader,
  nearestFields,
  passesOf,
  perStudentOf,
  splitUnit,
  type ColumnWording,
} from '../../src/schema/header/field-match';

// The passes are kept per wording object (a WeakMap): each test makes its own.
const wording = (extra: Partial<ColumnWording> = {}): ColumnWording => ({
  schoolHeaders: { county: ['县(市、区)'], students: ['人数'], teachers: ['教师'], studentsPrimary: ['教师数'] },
  schoolColumns: { teachers: [{ all: ['专任', '教师'], none: ['体育', '交流'] }] },
  perStudentWords: ['生均', '每百名'],
  schoolValues: WORDING_2017.schoolValues,
  ...extra,
});
const byWordings = (text: string, w = wording()) => brief(matchHeader(text, passesOf(w).wordings));
const byKeywords = (text: string, w = wording()) => brief(matchHeader(text, passesOf(w).keywords));
const brief = (m: ReturnType<typeof matchHeader>) => m && [m.field.id, m.section, m.unit, m.byKeywords ?? false];

describe('splitUnit', () => {
  it('the last bracket at the end is the unit', () => {
    expect(splitUnit('教学仪器设备资产值(万元)')).toEqual({ base: '教学仪器设备资产值', unit: '万元' });
    expect(splitUnit('面积(含操场)(平方米)')).toEqual({ base: '面积(含操场)', unit: '平方米' });
    expect(splitUnit('面积')).toEqual({ base: '面积', unit: null });
    expect(splitUnit('(万元)')).toEqual({ base: '(万元)', unit: null });
    expect(splitUnit('面积(平方米)合计')).toEqual({ base: '面积(平方米)合计', unit: null });
    expect(splitUnit('面积()')).toEqual({ base: '面积', unit: '' });
  });
});

describe('the wordings', () => {
  it('a field’s label, its wordings and its id name it; 小学部 / 初中部 before a field given per section', () => {
    expect(byWordings('专任教师数')).toEqual(['teachers', null, null, false]);
    expect(byWordings('教师')).toEqual(['teachers', null, null, false]);
    expect(byWordings('teachers')).toEqual(['teachers', null, null, false]);
    expect(byWordings('小学部专任教师数')).toEqual(['teachers', 'primary', null, false]);
    expect(byWordings('初中部教师')).toEqual(['teachers', 'junior', null, false]);
    expect(byWordings('初中部teachers')).toEqual(['teachers', 'junior', null, false]);
    // 学校名称 is not given per section.
    expect(byWordings('小学部学校名称')).toBeNull();
    expect(byWordings('学校名称')).toEqual(['name', null, null, false]);
  });

  it('a wording without its closing 数 is the same, unless it is another’s or one character is left', () => {
    expect(byWordings('专任教师')).toEqual(['teachers', null, null, false]);
    expect(byWordings('小学部专任教师')).toEqual(['teachers', 'primary', null, false]);
    // 教师数 (小学在校生数 here) less 数 is 教师, the teachers' wording.
    expect(byWordings('教师数')).toEqual(['studentsPrimary', null, null, false]);
    expect(byWordings('教师')).toEqual(['teachers', null, null, false]);
    // 人数 less 数 is one character.
    expect(byWordings('人数')).toEqual(['students', null, null, false]);
    expect(byWordings('人')).toBeNull();
    // Only a closing 数 is left out.
    expect(byWordings('学校名')).toBeNull();
    expect(byWordings('teacher')).toBeNull();
  });

  it('the whole text first (a wording with brackets), then without its unit', () => {
    expect(byWordings('县(市、区)')).toEqual(['county', null, null, false]);
    expect(byWordings('县（市、区）')).toEqual(['county', null, null, false]);
    expect(byWordings('专任教师数（人）')).toEqual(['teachers', null, '人', false]);
    expect(byWordings('教学仪器设备资产值（万元）')).toEqual(['equipmentValue', null, '万元', false]);
  });

  it('the first pass reads no keywords, nor numbering, nor a text but its wordings', () => {
    expect(byWordings('学校专任教师')).toBeNull();
    expect(byWordings('一、专任教师数')).toBeNull();
  });

  it('each text is matched once per pass: the same answer again', () => {
    const pass = passesOf(wording()).wordings;
    const first = matchHeader('专任教师数', pass);
    expect(matchHeader('专任教师数', pass)).toBe(first);
    expect(pass.matched.get('专任教师数')).toBe(first);
  });
});

describe('the keywords', () => {
  it('without its numbering and punctuation a text is looked up again, with the unit of its end', () => {
    expect(byKeywords('一、专任教师数')).toEqual(['teachers', null, null, false]);
    expect(byKeywords('一、专任教师数（人）')).toEqual(['teachers', null, '人', false]);
  });

  it('then by the keyword sets, in Chinese text only', () => {
    expect(byKeywords('学校专任教师总人')).toEqual(['teachers', null, null, true]);
    expect(byKeywords('学校专任教师总人（名）')).toEqual(['teachers', null, '名', true]);
    expect(byKeywords('体育专任教师总人')).toBeNull();
    expect(byKeywords('teachers x')).toBeNull();
    expect(byKeywords('12')).toBeNull();
  });

  it('a per-student header is no column’s by keywords', () => {
    expect(byKeywords('生均专任教师人')).toBeNull();
    expect(byKeywords('每百名学生专任教师人')).toBeNull();
  });
});

describe('perStudentOf', () => {
  it('the column a per-student header is of: its text without the per-student words', () => {
    expect(perStudentOf('生均专任教师数', wording())?.id).toBe('teachers');
    expect(perStudentOf('每百名学生专任教师数', wording())?.id).toBe('teachers');
    expect(perStudentOf('每百名专任教师生均', wording())?.id).toBe('teachers');
    expect(perStudentOf('生均学校专任教师', wording())?.id).toBe('teachers');
    expect(perStudentOf('专任教师数', wording())).toBeNull();
    expect(perStudentOf('生均', wording())).toBeNull();
    // Of a 小学部 column: no whole-school total.
    expect(perStudentOf('生均小学部专任教师数', wording())).toBeNull();
    expect(perStudentOf('生均图书', wording())).toBeNull();
  });
});

describe('excludedBy', () => {
  it('a keyword set that holds but for a word it excludes: the field and the word', () => {
    const r = excludedBy('体育专任教师数', wording());
    expect([r?.field.id, r?.word]).toEqual(['teachers', '体育']);
    const s = excludedBy('交流专任教师', wording());
    expect([s?.field.id, s?.word]).toEqual(['teachers', '交流']);
    expect(excludedBy('专任教师数', wording())).toBeNull();
    expect(excludedBy('体育教师', wording())).toBeNull();
  });
});

describe('nearestFields', () => {
  it('the two labels (or wordings) most like an unknown header', () => {
    const w = wording({ schoolHeaders: {} });
    // 学校名称x: 学校名称 6/7, 学校类型 2/7, 学校标识码 2/8 (学校 shared).
    expect(nearestFields('学校名称x', w)).toEqual(['学校名称', '学校类型']);
    // A wording counts, by the label of its field.
    expect(nearestFields('某某某某', wording({ schoolHeaders: { teachers: ['某某某某'] } }))).toEqual(['专任教师数']);
    expect(nearestFields('某某某某', w)).toEqual([]);
  });
});
