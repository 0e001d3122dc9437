// What a row is when it is no school (src/schema/rows/marks.ts), each expectation written out from the 2017 profile's
// words (issue 31: the survivors of the mutation run on src/schema/rows).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import type { CellValue } from '../../src/read/types';
import type { ColumnMatch } from '../../src/schema/header/layout';
import { anyCell, cellCount, firstText, headerAgain, rowMarks } from '../../src/schema/rows/marks';

// The marks are made once per wording object and kept (a WeakMap): the tests make their own, from a new object each,
// so that the marks are built under the mutant being tested, not taken from an earlier test's.
const fresh = () => rowMarks({ schoolRows: WORDING_2017.schoolRows, schoolValues: WORDING_2017.schoolValues });
const text = (t: string): CellValue => ({ kind: 'text', text: t });
const num = (n: number): CellValue => ({ kind: 'number', value: n });

describe('row marks of the 2017 wording', () => {
  it('are made once per wording object', () => {
    const marks = rowMarks(WORDING_2017);
    expect(rowMarks(WORDING_2017)).toBe(marks);
    // A copy of the wording is another object: its own marks, alike.
    const copy = { schoolRows: WORDING_2017.schoolRows, schoolValues: WORDING_2017.schoolValues };
    expect(rowMarks(copy)).not.toBe(marks);
    expect(rowMarks(copy).total('合计')).toBe(true);
  });

  it('a profile’s words are matched as a normalised first text has them (full width, spaces)', () => {
    const custom = {
      schoolRows: { ...WORDING_2017.schoolRows, notePrefixes: ['填 表　人：'], totalTexts: ['ＡＢ 县'] },
      schoolValues: WORDING_2017.schoolValues,
    };
    const m = rowMarks(custom);
    expect(m.note('填表人:王芳')).toBe(true);
    expect(m.total('ab县')).toBe(true);
  });

  it('a breakdown begins with 其中：; not every prefix need match', () => {
    const marks = fresh();
    // First texts are normalised (full-width colon → ':') before they are asked about, as the words are.
    expect(marks.breakdown('其中:小学')).toBe(true);
    expect(marks.breakdown('其中:民办')).toBe(true);
    expect(marks.breakdown('一小')).toBe(false);
    // A profile with two different prefixes: either one makes a breakdown.
    const two = rowMarks({
      schoolRows: { ...WORDING_2017.schoolRows, totalPrefixes: ['其中:', '另:'] },
      schoolValues: WORDING_2017.schoolValues,
    });
    expect(two.breakdown('另:民办')).toBe(true);
  });

  it('a 学段 heading: a type with a suffix, or numbered and naming a type; a school’s own name is none', () => {
    const marks = fresh();
    expect(marks.section('小学部分')).toBe(true);
    expect(marks.section('初中')).toBe(true);
    expect(marks.section('二、初中学校')).toBe(true);
    expect(marks.section('城关小学')).toBe(false);
    expect(marks.section('小学部分说明')).toBe(false);
  });

  it('the type a heading names: the longest of words inside one another; none when two kinds', () => {
    const marks = fresh();
    expect(marks.sectionType('小学部分')).toBe('小学');
    expect(marks.sectionType('一、小学教学点')).toBe('教学点');
    expect(marks.sectionType('二、初中')).toBe('初中');
    expect(marks.sectionType('三、小学和初中')).toBeNull();
    expect(marks.sectionType('城关小学')).toBeNull();
    expect(marks.sectionType('附件')).toBeNull();
  });
});

describe('cells of a row', () => {
  it('counts the cells that hold something: a blank text is none, a number is one', () => {
    expect(cellCount([undefined, text('  '), num(0), text('一小')])).toBe(2);
    expect(cellCount([text('\u3000'), text('x')])).toBe(1);
  });

  it('the first text, any cell at all', () => {
    expect(firstText([undefined, num(3), text('一小'), text('二小')])).toBe('3');
    expect(firstText([undefined])).toBe('');
    expect(anyCell([undefined, undefined])).toBe(false);
    expect(anyCell([undefined, num(0)])).toBe(true);
    expect(anyCell([])).toBe(false);
  });

  it('the header again: three columns at least holding their own header text, and more than half of them', () => {
    const columns = [0, 1, 2, 3, 4].map((col) => ({ col }) as ColumnMatch);
    const headers = ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数'];
    const row = (n: number) => headers.map((h, k) => (k < n ? text(h) : undefined));
    expect(headerAgain(row(3), columns, headers)).toBe(true);
    expect(headerAgain(row(2), columns, headers)).toBe(false);
    // Three of six is not more than half.
    const six = [...columns, { col: 5 } as ColumnMatch];
    expect(headerAgain(row(3), six, [...headers, '班级数'])).toBe(false);
    expect(headerAgain([...row(3).slice(0, 5), text('班级数')], six, [...headers, '班级数'])).toBe(true);
    // Two of three columns hold their headers: more than half, but fewer than three.
    expect(headerAgain(row(2), columns.slice(0, 3), headers.slice(0, 3))).toBe(false);
    // Other texts in the columns are not their headers.
    expect(headerAgain([text('一小'), text('小学'), text('500')], columns, headers)).toBe(false);
  });
});
