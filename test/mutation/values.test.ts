/**
 * One cell → a typed value (src/schema/values.ts), cell by cell: numbers as Excel and people write them (input.md),
 * the units a cell may carry by its column's kind, formulas without a result named as the message names them,
 * names that are values, and the enumerated columns (type, ownership, 城乡) with their words, remarks, codes and
 * endings. A small wording of its own, so that the expectations do not depend on the built-in word lists.
 */
import { describe, expect, it } from 'vitest';
import type { Wording } from '../../src/engine/checklist-rules';
import { SCHOOL_TYPES } from '../../src/engine/types';
import {
  cellShown,
  cellText,
  impossibleText,
  isBlankText,
  parseEnum,
  parseNumber,
  schoolValueSpecs,
  typeWords,
  valueAsName,
} from '../../src/schema/values';

const text = (t: string) => ({ kind: 'text' as const, text: t });
const words: Wording['schoolValues'] = {
  type: { 完小: '小学', 中心小学: '小学' },
  ownership: { 民营: '民办' },
  urbanRural: { 主城区: '城区' },
};

describe('parseNumber', () => {
  it('cells that are not text', () => {
    expect(parseNumber(undefined, false)).toEqual({ ok: true, value: undefined });
    expect(parseNumber({ kind: 'number', value: 4.5 }, false)).toEqual({ ok: true, value: 4.5 });
    expect(parseNumber({ kind: 'error', error: '#DIV/0!' }, false)).toEqual({
      ok: false,
      code: 'EXCEL_ERROR',
      params: { error: '#DIV/0!' },
    });
    expect(parseNumber({ kind: 'bool', value: true }, false)).toEqual({
      ok: false,
      code: 'NOT_A_NUMBER',
      params: { text: 'TRUE' },
    });
    expect(parseNumber({ kind: 'bool', value: false }, false)).toMatchObject({ params: { text: 'FALSE' } });
    expect(parseNumber({ kind: 'date', value: new Date(Date.UTC(2023, 8, 1)) }, false)).toEqual({
      ok: false,
      code: 'NOT_A_NUMBER',
      params: { text: '2023-09-01' },
    });
  });

  it('a formula without its result, named as its message names it', () => {
    const f = (cell: { formula: string; why?: string; shared?: string }) =>
      parseNumber({ kind: 'formula-no-result', ...cell }, false);
    expect(f({ formula: 'C3*5' })).toEqual({
      ok: false,
      code: 'FORMULA_NO_RESULT',
      params: { formula: '公式“=C3*5”', why: '不是本表单元格的四则运算' },
    });
    expect(f({ formula: 'C3*5', why: '引用了其他工作表' })).toMatchObject({ params: { why: '引用了其他工作表' } });
    expect(f({ formula: 'C3*5', shared: 'H2' })).toMatchObject({
      params: { formula: '公式“=C3*5”（H2 起的共享公式）' },
    });
    expect(f({ formula: 'C3*5', shared: '' })).toMatchObject({ params: { formula: '公式“=C3*5”（共享公式）' } });
    expect(f({ formula: '', shared: '' })).toMatchObject({ params: { formula: '此格（共享公式）' } });
  });

  it('text: blank marks, separators, signs and decimals; a note unless plain text is normal and plain', () => {
    for (const blank of ['', '  ', '-', '—', '/', '\\', '--'])
      expect(parseNumber(text(blank), false)).toEqual({ ok: true, value: undefined });
    expect(parseNumber(text(' 1,234 '), false)).toEqual({
      ok: true,
      value: 1234,
      note: { code: 'TEXT_NUMBER', params: { text: '1,234', value: 1234 } },
    });
    expect(parseNumber(text('1,234,567'), true)).toMatchObject({ ok: true, value: 1234567, note: {} });
    expect(parseNumber(text('45'), true)).toEqual({ ok: true, value: 45 });
    expect(parseNumber(text('45'), false)).toMatchObject({ value: 45, note: { code: 'TEXT_NUMBER' } });
    expect(parseNumber(text('.5'), true)).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber(text('.55'), true)).toEqual({ ok: true, value: 0.55 });
    // Spaces around a number are no unusual form in CSV; the messages quote the text trimmed.
    expect(parseNumber(text(' 45 '), true)).toEqual({ ok: true, value: 45 });
    expect(parseNumber(text(' abc '), true)).toEqual({ ok: false, code: 'NOT_A_NUMBER', params: { text: 'abc' } });
    expect(parseNumber(text('+3.'), true)).toEqual({ ok: true, value: 3 });
    expect(parseNumber(text('-2'), true)).toEqual({ ok: true, value: -2 });
    for (const bad of ['1,23', 'abc', '1.2.3', '12人多'])
      expect(parseNumber(text(bad), true)).toEqual({ ok: false, code: 'NOT_A_NUMBER', params: { text: bad } });
  });

  it('a unit in the cell: any known one without a kind; by the column’s kind with one', () => {
    expect(parseNumber(text('12人'), true)).toMatchObject({ ok: true, value: 12, note: { code: 'TEXT_NUMBER' } });
    expect(parseNumber(text('4.5平方米'), true)).toMatchObject({ ok: true, value: 4.5 });
    // 110万 in a 元 column: 110 × 10 000 元, the factor replacing the header's.
    expect(parseNumber(text('110万'), true, 'money')).toEqual({
      ok: true,
      value: 110,
      factor: 10000,
      note: { code: 'TEXT_NUMBER', params: { text: '110万', value: 110 } },
    });
    expect(parseNumber(text('3万元'), true, 'money')).toMatchObject({ value: 3, factor: 10000 });
    expect(parseNumber(text('2千元'), true, 'money')).toMatchObject({ value: 2, factor: 1000 });
    expect(parseNumber(text('1.5万平方米'), true, 'area')).toMatchObject({ value: 1.5, factor: 10000 });
    expect(parseNumber(text('900平米'), true, 'area')).toMatchObject({ value: 900, factor: 1 });
    // A count column's unit is only words: no factor.
    const count = parseNumber(text('12人'), true, 'count');
    expect(count).toMatchObject({ ok: true, value: 12 });
    expect('factor' in count).toBe(false);
    expect(parseNumber(text('4900平方米'), true, 'money')).toEqual({
      ok: false,
      code: 'UNIT_NOT_OF_COLUMN',
      params: { text: '4900平方米', unit: '平方米', allowed: '万元、千元、元、万' },
    });
    expect(parseNumber(text('5元'), true, 'text')).toEqual({
      ok: false,
      code: 'UNIT_NOT_OF_COLUMN',
      params: { text: '5元', unit: '元', allowed: '不带单位的数字' },
    });
    expect(parseNumber(text(' 4900平方米 '), true, 'money')).toMatchObject({ params: { text: '4900平方米' } });
    // 12a平方米: the unit follows no number, so it is no unit of the cell: not a number, not a unit of another kind.
    expect(parseNumber(text('12a平方米'), true, 'money')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    // A unit not after a number is no unit: the text is not a number.
    expect(parseNumber(text('万元'), true, 'money')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
  });
});

describe('cellText, valueAsName, impossibleText, isBlankText', () => {
  it('cellText', () => {
    expect(cellText(undefined)).toBeUndefined();
    expect(cellText(text('  第一小学 '))).toBe('第一小学');
    expect(cellText(text('   '))).toBeUndefined();
    expect(cellText({ kind: 'number', value: 3.5 })).toBe('3.5');
    expect(cellText({ kind: 'bool', value: true })).toBe('TRUE');
    expect(cellText({ kind: 'bool', value: false })).toBe('FALSE');
    expect(cellText({ kind: 'date', value: new Date(Date.UTC(2023, 8, 1)) })).toBe('2023-09-01');
    expect(cellText({ kind: 'error', error: '#N/A' })).toBeUndefined();
  });

  it('valueAsName: numbers (a day number as the date Excel shows), dates, logic values', () => {
    expect(valueAsName(undefined)).toBeNull();
    expect(valueAsName({ kind: 'number', value: 12345 })).toEqual({ what: '一个数字', text: '12345' });
    expect(valueAsName({ kind: 'number', value: 45170 })).toEqual({
      what: '一个数字（若在 Excel 中显示为日期，即 2023-09-01）',
      text: '45170',
    });
    expect(valueAsName({ kind: 'number', value: 20000 })!.what).toContain('1954-10-03');
    expect(valueAsName({ kind: 'number', value: 73050 })!.what).toContain('2099-12-31');
    expect(valueAsName({ kind: 'number', value: 19999 })!.what).toBe('一个数字');
    expect(valueAsName({ kind: 'number', value: 73051 })!.what).toBe('一个数字');
    expect(valueAsName({ kind: 'number', value: 45170.5 })!.what).toBe('一个数字');
    expect(valueAsName({ kind: 'date', value: new Date(Date.UTC(2023, 8, 1)) })).toEqual({
      what: '一个日期',
      text: '2023-09-01',
    });
    expect(valueAsName({ kind: 'bool', value: false })).toEqual({ what: '逻辑值', text: 'FALSE' });
    expect(valueAsName({ kind: 'bool', value: true })).toEqual({ what: '逻辑值', text: 'TRUE' });
    expect(valueAsName(text(' 12.5 '))).toEqual({ what: '一个数字', text: '12.5' });
    for (const n of ['+5', '-5', '7', '.55', '12.'])
      expect(valueAsName(text(n))).toEqual({ what: '一个数字', text: n });
    expect(valueAsName(text(' 2023/9/1 '))).toEqual({ what: '一个日期', text: '2023/9/1' });
    for (const d of ['2023/9/1', '2023-09-01', '2023年9月1日', '9/1/2023', '2023年9月'])
      expect(valueAsName(text(d))).toEqual({ what: '一个日期', text: d });
    expect(valueAsName(text('第一小学'))).toBeNull();
    expect(valueAsName({ kind: 'error', error: '#N/A' })).toBeNull();
  });

  it('impossibleText and isBlankText', () => {
    expect(impossibleText(Infinity)).toBe('超出数值范围');
    expect(impossibleText(1234.567)).toBe('1,234.57');
    expect(impossibleText(999_999_999_999_999)).toBe('999,999,999,999,999');
    expect(impossibleText(1e15)).toBe('1×10^15');
    expect(impossibleText(1.2e308)).toBe('1.2×10^308');
    expect(isBlankText(' — ')).toBe(true);
    expect(isBlankText('')).toBe(true);
    expect(isBlankText('0')).toBe(false);
  });
});

describe('parseEnum', () => {
  // Made inside each test from a copy of the words: the specs are made once per words object.
  const fresh = () => schoolValueSpecs(structuredClone(words));
  it('official names and the wording’s words; a remark in brackets; a code before the name; unknown', () => {
    const specs = fresh();
    expect(parseEnum(undefined, specs.type)).toEqual({ ok: true, value: undefined });
    expect(parseEnum('小学', specs.type)).toEqual({ ok: true, value: '小学' });
    expect(parseEnum('完小', specs.type)).toEqual({ ok: true, value: '小学' });
    expect(parseEnum('民营', specs.ownership)).toEqual({ ok: true, value: '民办' });
    expect(parseEnum('主城区', specs.urbanRural)).toEqual({ ok: true, value: '城区' });
    expect(parseEnum('初中（九年制）', specs.type)).toEqual({
      ok: true,
      value: '初中',
      note: { code: 'VALUE_REMARK_IGNORED', params: { text: '初中（九年制）', word: '初中', value: '初中' } },
    });
    expect(parseEnum('211小学', specs.type)).toEqual({
      ok: true,
      value: '小学',
      note: { code: 'VALUE_CODE_IGNORED', params: { text: '211小学', value: '小学' } },
    });
    expect(parseEnum('312-九年一贯制', specs.type)).toMatchObject({ ok: true, value: '九年一贯制' });
    expect(parseEnum('大学', specs.type)).toEqual({
      ok: false,
      code: 'UNKNOWN_SCHOOL_TYPE',
      params: { text: '大学', allowed: SCHOOL_TYPES.join('、') },
    });
    expect(parseEnum('集体', specs.ownership)).toEqual({
      ok: false,
      code: 'INVALID_VALUE',
      params: { text: '集体', allowed: '公办、民办' },
    });
    expect(parseEnum('郊区', specs.urbanRural)).toEqual({
      ok: false,
      code: 'INVALID_VALUE',
      params: { text: '郊区', allowed: '城区、镇区、乡村' },
    });
  });

  it('a 学校类型 by the longest word it ends with (two characters at least); the others never', () => {
    const specs = fresh();
    expect(parseEnum('城关中心小学', specs.type)).toEqual({
      ok: true,
      value: '小学',
      note: { code: 'VALUE_READ_BY_ENDING', params: { text: '城关中心小学', word: '中心小学', value: '小学' } },
    });
    expect(parseEnum('城关初中', specs.type)).toMatchObject({ value: '初中', note: { params: { word: '初中' } } });
    expect(parseEnum('城关公办', specs.ownership)).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    // The same text again: the same answer.
    expect(parseEnum('城关中心小学', specs.type)).toMatchObject({ value: '小学' });
    // A one-character word is no ending; the longest ending wins whatever the order of the words.
    const own = schoolValueSpecs({
      ...structuredClone(words),
      type: { 中: '初中', 小学校: '小学', 中心小学校: '九年一贯制' },
    });
    expect(parseEnum('城关中', own.type)).toMatchObject({ ok: false, code: 'UNKNOWN_SCHOOL_TYPE' });
    expect(parseEnum('城关中心小学校', own.type)).toMatchObject({
      value: '九年一贯制',
      note: { params: { word: '中心小学校' } },
    });
  });

  it('the texts in notes are trimmed', () => {
    const specs = fresh();
    expect(parseEnum(' 初中（九年制） ', specs.type)).toMatchObject({ note: { params: { text: '初中（九年制）' } } });
    expect(parseEnum(' 211小学 ', specs.type)).toMatchObject({ note: { params: { text: '211小学' } } });
    expect(parseEnum(' 城关中心小学 ', specs.type)).toMatchObject({ note: { params: { text: '城关中心小学' } } });
  });

  it('typeWords: the official names and the wording’s words', () => {
    expect(typeWords(words)).toEqual([...SCHOOL_TYPES, '完小', '中心小学']);
  });
});

describe('cellShown', () => {
  it('a text, a number, an error value, a formula without its result (its text, or said to be one), a blank', () => {
    expect(cellShown({ kind: 'text', text: ' 是 ' })).toBe('是');
    expect(cellShown({ kind: 'number', value: 2.5 })).toBe('2.5');
    expect(cellShown({ kind: 'error', error: '#N/A' })).toBe('#N/A');
    expect(cellShown({ kind: 'formula-no-result', formula: 'SUM(B2:B9)' })).toBe('=SUM(B2:B9)');
    expect(cellShown({ kind: 'formula-no-result', formula: '', shared: 'H2' })).toBe('（公式）');
    expect(cellShown(undefined)).toBe('');
    expect(cellShown({ kind: 'text', text: '  ' })).toBe('');
  });
});
