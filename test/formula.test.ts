/** The evaluator of formulas without a cached result (src/read/formula.ts), against values worked by hand. */
import { describe, expect, it } from 'vitest';
import { evaluateFormula, type RefValue } from '../src/read/formula';

/** A sheet: A1 = 10, B1 = 4, C1 blank, D1 = text, E1 = 2.5, A2 = 1, A3 = 2, A4 = 3, B2 = text "x". */
const grid: Record<string, RefValue> = {
  '0,0': { kind: 'number', value: 10 },
  '0,1': { kind: 'number', value: 4 },
  '0,3': { kind: 'other', why: '引用的单元格是文字“合计”' },
  '0,4': { kind: 'number', value: 2.5 },
  '1,0': { kind: 'number', value: 1 },
  '2,0': { kind: 'number', value: 2 },
  '3,0': { kind: 'number', value: 3 },
  '1,1': { kind: 'other', why: '引用的单元格是文字“x”' },
};
const read = (r: number, c: number): RefValue => grid[`${r},${c}`] ?? { kind: 'blank' };
const value = (f: string) => {
  const r = evaluateFormula(f, read);
  return r.ok ? r.value : `× ${r.why}`;
};

describe('arithmetic over numbers and cells of the sheet', () => {
  it.each([
    ['A1+B1', 14],
    ['=A1+B1', 14],
    ['A1-B1*2', 2],
    ['(A1-B1)*2', 12],
    ['A1/B1', 2.5],
    ['-A1+B1', -6],
    ['A1^2', 100],
    ['2^3^2', 64], // from left to right, as Excel does
    ['-2^2', 4], // the sign first, as Excel does
    ['A1*50%', 5],
    ['$A$1+B$1', 14],
    ['a1+b1', 14],
    ['C1+A1', 10], // a blank cell beside a number is 0
    ['SUM(A1:A4)', 16],
    ['SUM(A2:A4,B1)', 10],
    ['SUM(A1,B1,5)', 19],
    ['sum(A4:A1)', 16], // a range written backwards
    ['AVERAGE(A2:A4)', 2],
    ['MIN(A1:A4)', 1],
    ['MAX(A1:E1)', 10], // the text in D1 and the blank C1 are skipped in a range
    ['SUM(A1:B2)', 15], // text B2 skipped in a range
    ['1.5e3/3', 500],
    ['A1 + B1 * 2', 18],
    ['ROUND(2.675,2)', 2.68], // as written, not as the binary 2.675 rounds
    ['ROUND(-2.5,0)', -3], // half away from zero
    ['ROUND(1234,-2)', 1200],
    ['ROUNDUP(A1/3,0)', 4],
    ['ROUNDDOWN(-E1,0)', -2],
    ['INT(-E1)', -3],
    ['ABS(B1-A1)', 6],
    ['ROUND(1850*0.0035,0)', 6],
  ])('%s = %s', (f, v) => {
    expect(value(f)).toBeCloseTo(v, 12);
  });
});

describe('anything else is not guessed', () => {
  it.each([
    ['D1+1', '文字'],
    ['Sheet2!A1', '其他工作表'],
    ['IF(A1>1,1,0)', '函数 IF'],
    ['ROUND(A1)', '参数个数不对'],
    ['VLOOKUP(A1,B1:B2,1)', '函数 VLOOKUP'],
    ['A1/C1', '除数为 0'],
    ['AVERAGE(C1:C3)', '没有数值'],
    ['A1+', '公式不完整'],
    ['A1:A4', '区域只能用在'],
    ['SUM(A1:XFD1048576)', '区域过大'],
    ['"abc"', '含不能计算的部分'],
    ['', '公式为空'],
    ['SUM(C1:C9)', '引用的单元格都是空的'], // Excel's 0, but no school's figure
    ['C1*5', '引用的单元格都是空的'],
    ['A1 & B1', '含不能计算的部分'],
  ])('%s: %s', (f, why) => {
    const r = evaluateFormula(f, read);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.why).toContain(why);
  });
});
