// A county figure from its cell (src/schema/county-sheet/figures.ts): numbers, units, phrases, 是/否.
// Each expectation written out by hand from input.md (ratios as 96.5% or 0.965, 是/否 items) and the 2017 wording.
import { describe, expect, it } from 'vitest';
import type { CountyInput, Wording } from '../../src/engine/checklist-rules';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import type { CellValue } from '../../src/read/types';
import { holdsNumber, isBlank, parseFigure, valueKind, yesNo } from '../../src/schema/county-sheet/figures';

// The 是/否 word sets are kept per list: a fresh wording in each test.
const wording = (): Wording => structuredClone(WORDING_2017);
const t = (text: string): CellValue => ({ kind: 'text', text });
const n = (value: number): CellValue => ({ kind: 'number', value });
const input = (unit: CountyInput['unit'], ...names: string[]): CountyInput => ({
  id: 'x',
  names: names.length ? names : ['某项'],
  unit,
  note: '',
  keywords: [],
});
const fig = (cell: CellValue | undefined, unit: CountyInput['unit'], rowUnit: string | null = null, phrases = false) =>
  parseFigure(cell, input(unit), rowUnit, wording(), phrases);

describe('isBlank, valueKind, holdsNumber', () => {
  it('blank cells and placeholders', () => {
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(t(''))).toBe(true);
    expect(isBlank(t('  '))).toBe(true);
    expect(isBlank(t('是'))).toBe(false);
    expect(isBlank(n(0))).toBe(false);
  });

  it('the kind of a value: none, a number, or 是/否', () => {
    const w = wording();
    expect(valueKind(undefined, w)).toBe('none');
    expect(valueKind(t(''), w)).toBe('none');
    expect(valueKind(n(5), w)).toBe('number');
    expect(valueKind(t('96%'), w)).toBe('number');
    expect(valueKind(t('是'), w)).toBe('yesno');
    expect(valueKind(t('否'), w)).toBe('yesno');
    expect(valueKind(t('已建立健全'), w)).toBe('yesno');
  });

  it('a number, not a year or a date', () => {
    expect(holdsNumber(n(3))).toBe(true);
    expect(holdsNumber(t('教师年均工资 90000 元'))).toBe(true);
    expect(holdsNumber(t('2023年完成'))).toBe(false);
    expect(holdsNumber(t('2023-09-01 已完成'))).toBe(false);
    expect(holdsNumber(t('2023年9月1日完成'))).toBe(false);
    expect(holdsNumber(t('是'))).toBe(false);
    expect(holdsNumber(undefined)).toBe(false);
  });
});

describe('yesNo', () => {
  it('whole words, then markers, a negative one first', () => {
    const w = wording();
    expect(yesNo('是', [], w)).toBe(true);
    expect(yesNo('否', [], w)).toBe(false);
    expect(yesNo('已建立健全', [], w)).toBe(true);
    expect(yesNo('部分学校未制定章程', [], w)).toBe(false);
    expect(yesNo('部分学校已制定，部分未制定', [], w)).toBe(false);
    expect(yesNo('见附件', [], w)).toBeUndefined();
  });

  it('the item’s own words and the no-answer phrases are removed first', () => {
    const w = wording();
    // 不低于 is no 不: the 达到 decides.
    expect(yesNo('教师工资不低于公务员，达到要求', [], w)).toBe(true);
    // The figure's own name holds 不 (无过重课业负担 → its 无): removed.
    expect(yesNo('无过重课业负担', ['无过重课业负担'], w)).toBe(undefined);
    expect(yesNo('全部无过重课业负担', ['无过重课业负担'], w)).toBe(true);
  });

  it('a phrase taken out leaves its neighbours apart: 基本均衡达标 is no 基本达标', () => {
    const w = wording();
    // 均衡 is taken out (its 均 is no 均达到); 基本 and 达标 on either side do not make the negative 基本达标.
    expect(yesNo('基本均衡达标', [], w)).toBe(true);
    expect(yesNo('基本均衡合格', [], w)).toBe(true);
    // The item's own words likewise: 基本 + 四统一 + 达到 is no 基本达到.
    expect(yesNo('基本四统一达到', ['四统一'], w)).toBe(true);
    expect(yesNo('基本达标', [], w)).toBe(false);
  });

  it('无 and 有 for a figure named by “none of”', () => {
    const w = wording();
    expect(yesNo('无', ['无过重课业负担'], w)).toBe(true);
    expect(yesNo('有', ['无过重课业负担'], w)).toBe(false);
    expect(yesNo('无', ['四统一'], w)).toBe(false);
    expect(yesNo('有', ['四统一'], w)).toBe(true);
    expect(yesNo('没有', ['没有过重负担'], w)).toBe(true);
  });
});

describe('parseFigure', () => {
  it('是/否 figures', () => {
    expect(fig(t('是'), 'yesno')).toEqual({ ok: true, value: true });
    expect(fig(undefined, 'yesno')).toEqual({ ok: true, value: undefined });
    expect(fig(t('见附件'), 'yesno')).toEqual({
      ok: false,
      code: 'INVALID_VALUE',
      params: { text: '见附件', allowed: '是、否' },
    });
    expect(fig(t('见附件'), 'yesno', null, true)).toEqual({ ok: 'unclear', why: '看不出“是”还是“否”' });
  });

  it('rates: 96.5%, 0.965, 96.5 and the row’s %', () => {
    expect(fig(t('96.5%'), 'percent')).toEqual({ ok: true, value: 0.965 });
    expect(fig(n(0.965), 'percent')).toEqual({ ok: true, value: 0.965 });
    expect(fig(n(96.5), 'percent')).toEqual({ ok: true, value: 0.965 });
    expect(fig(n(1), 'percent')).toEqual({ ok: true, value: 1 });
    expect(fig(n(0.5), 'percent', '%')).toEqual({ ok: true, value: 0.005 });
    expect(fig(t('120%'), 'percent')).toEqual({ ok: false, code: 'RATIO_OUT_OF_RANGE', params: { text: '120%' } });
    expect(fig(n(100), 'percent')).toEqual({ ok: true, value: 1 });
  });

  it('counts and amounts, with their units', () => {
    expect(fig(n(2000), 'count')).toEqual({ ok: true, value: 2000 });
    expect(fig(t('2000'), 'count')).toEqual({ ok: true, value: 2000 });
    expect(fig(n(20.5), 'count')).toEqual({ ok: false, code: 'NOT_INTEGER', params: { value: 20.5 } });
    expect(fig(n(-3), 'count')).toEqual({ ok: false, code: 'NEGATIVE_VALUE', params: { value: -3 } });
    expect(fig(t('6.2万元'), 'yuan')).toEqual({ ok: true, value: 62000 });
    expect(fig(t('6千元'), 'yuan')).toEqual({ ok: true, value: 6000 });
    expect(fig(t('6500元'), 'yuan')).toEqual({ ok: true, value: 6500 });
    expect(fig(n(6.2), 'yuan', '万元')).toEqual({ ok: true, value: 62000 });
    expect(fig(n(0.12), 'number')).toEqual({ ok: true, value: 0.12 });
    expect(fig(t('6.2%'), 'yuan')).toEqual({ ok: 'unclear', why: '写的是百分比，而此项应填人数或金额', percent: true });
    expect(fig(t(''), 'count')).toEqual({ ok: true, value: undefined });
    expect(fig(undefined, 'count')).toEqual({ ok: true, value: undefined });
  });

  it('past any county’s figure', () => {
    expect(fig(n(1e7), 'count')).toEqual({ ok: true, value: 1e7 });
    expect(fig(n(1e7 + 1), 'count')).toMatchObject({ ok: false, code: 'VALUE_IMPOSSIBLE' });
    expect(fig(n(1e9), 'count')).toEqual({
      ok: false,
      code: 'VALUE_IMPOSSIBLE',
      params: { value: '1,000,000,000', max: '10,000,000' },
    });
    expect(fig(n(1e13), 'yuan')).toEqual({ ok: true, value: 1e13 });
    expect(fig(n(1e9), 'yuan', '万元')).toEqual({ ok: true, value: 1e13 });
    expect(fig(n(2e9), 'yuan', '万元')).toMatchObject({ ok: false, code: 'VALUE_IMPOSSIBLE' });
  });

  it('one figure from a phrase', () => {
    expect(fig(t('初中三年巩固率为96.3%'), 'percent')).toEqual({ ok: true, value: 0.963 });
    expect(fig(t('教师年均工资 90000 元，公务员 96200 元'), 'percent', null, true)).toEqual({
      ok: 'unclear',
      why: '含有多个数字（90000元、96200元），无法确定取哪一个',
    });
    // The one figure of the asked unit among others.
    expect(fig(t('2024年共188人，占96%'), 'count')).toEqual({ ok: true, value: 188 });
    expect(fig(t('共3所学校，188人'), 'count')).toEqual({ ok: true, value: 188 });
    expect(fig(t('2024年度拨付6.2万元'), 'yuan')).toEqual({ ok: true, value: 62000 });
    expect(fig(t('共计2个'), 'number')).toEqual({ ok: true, value: 2 });
    expect(fig(t('3人，5人'), 'count', null, true)).toEqual({
      ok: 'unclear',
      why: '含有多个数字（3人、5人），无法确定取哪一个',
    });
    expect(fig(t('已完成'), 'count', null, true)).toEqual({ ok: 'unclear', why: '没有数字' });
    expect(fig(t('已完成'), 'count')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
  });

  it('the one figure of the asked unit among figures of other units', () => {
    expect(fig(t('188人，占96%'), 'percent')).toEqual({ ok: true, value: 0.96 });
    expect(fig(t('3所，6500元'), 'yuan')).toEqual({ ok: true, value: 6500 });
    expect(fig(t('3所，6千元'), 'yuan')).toEqual({ ok: true, value: 6000 });
    expect(fig(t('3所，6.2万元'), 'yuan')).toEqual({ ok: true, value: 62000 });
    expect(fig(t('3所学校，188名'), 'count')).toEqual({ ok: true, value: 188 });
    expect(fig(t('3人，差异率0.12'), 'number')).toEqual({ ok: true, value: 0.12 });
    expect(fig(t('0.5%'), 'percent')).toEqual({ ok: true, value: 0.005 });
    // Several of the asked unit: those are shown, not the others.
    expect(fig(t('3人，5人，2所'), 'count', null, true)).toEqual({
      ok: 'unclear',
      why: '含有多个数字（3人、5人），无法确定取哪一个',
    });
  });

  it('a cell of a wrong kind: its error, not a blank; a placeholder with phrases expected: blank', () => {
    expect(fig({ kind: 'error', error: '#DIV/0!' }, 'count')).toEqual({
      ok: false,
      code: 'EXCEL_ERROR',
      params: { error: '#DIV/0!' },
    });
    expect(fig(t('/'), 'count', null, true)).toEqual({ ok: true, value: undefined });
  });

  it('a whole-cell number and unit: 1,200万元 is 12 000 000元; a leading 3% before other figures is no whole', () => {
    expect(fig(t('1,200元'), 'yuan')).toEqual({ ok: true, value: 1200 });
    expect(fig(t('1,200万元'), 'yuan')).toEqual({ ok: true, value: 12_000_000 });
    expect(fig(t('3%，5人'), 'count')).toEqual({ ok: true, value: 5 });
    // A count's figure with no unit among others of other units.
    expect(fig(t('3所，188'), 'count')).toEqual({ ok: true, value: 188 });
  });

  it('the 10-million bound of a count is on the count, whatever the row’s unit', () => {
    expect(fig(n(2000), 'count', '万元')).toEqual({ ok: true, value: 2000 });
  });
});

describe('whole 是/否 words and dates', () => {
  it('1 and 0 are 是/否 words of the 2017 wording: a 是/否 kind', () => {
    const w = wording();
    expect(valueKind(t('1'), w)).toBe('yesno');
    expect(valueKind(t('0'), w)).toBe('yesno');
    expect(valueKind(t('12'), w)).toBe('number');
  });

  it('a figure with two names, one of them “none of”: 无 restates it', () => {
    expect(yesNo('无', ['无过重课业负担', '学生课业负担'], wording())).toBe(true);
  });

  it('a year and month (2023.9, 2023年9月) is a date, no number', () => {
    expect(holdsNumber(t('2023.9完成'))).toBe(false);
    expect(holdsNumber(t('2023年9月完成'))).toBe(false);
  });
});
