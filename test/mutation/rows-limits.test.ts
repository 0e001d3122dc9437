// The data rows walked past the limits (src/schema/rows/index.ts): the most rows one school table is read with, and
// the progress said every 1 000 rows. Sheets made row by row on demand (300 000 rows are not held as arrays); each
// expectation written out from the rule (issue 31: the survivors of the mutation run on src/schema/rows/index.ts).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import type { CellValue, Row, Sheet } from '../../src/read/types';
import { parseSchools } from '../../src/schema/index';

const text = (t: string): CellValue => ({ kind: 'text', text: t });
const num = (value: number): CellValue => ({ kind: 'number', value });
const HEAD: Row = ['学校名称', '学校类型', '小学在校生数', '专任教师数'].map(text);
/** A sheet of the header, one school, then `strays` rows with a cell only beyond the table's columns. */
const strays = (count: number): Sheet => {
  const school: Row = [text('一小'), text('小学'), num(300), num(20)];
  const stray: Row = [undefined, undefined, undefined, undefined, undefined, text('x')];
  const row = (r: number): Row => (r === 0 ? HEAD : r === 1 ? school : r < count + 2 ? stray : []);
  return {
    name: '学校',
    rowCount: count + 2,
    row,
    merges: [],
    get rows() {
      return Array.from({ length: count + 2 }, (_, r) => [...row(r)]);
    },
  };
};
const parse = (sheet: Sheet, onRows?: (n: number) => void) =>
  parseSchools(
    { path: 'test.xlsx', format: 'xlsx', sheets: [sheet] },
    { requiredResources: [], wording: { ...WORDING_2017 }, ...(onRows ? { onRows } : {}) },
  );

describe('the most rows one table is read with', () => {
  it('300 000 rows with a cell below the header are read; one more is FILE_TOO_LARGE naming the sheet and row', () => {
    const full = parse(strays(300_000 - 1));
    expect(full.records.map((s) => s.name)).toEqual(['一小']);
    expect(() => parse(strays(300_000))).toThrow(
      '工作表“学校”在第 300002 行已有超过 300,000 行数据，超过一张学校表的上限（全国义务教育学校和教学点合计约 26 万所）。请检查是否把其他数据接在了表后，或按地区拆成几个文件',
    );
  }, 60_000);
});

describe('progress', () => {
  it('the rows read so far, every 1 000 rows below the header', () => {
    const seen: number[] = [];
    parse(strays(2_998), (n) => seen.push(n));
    expect(seen).toEqual([1000, 2000]);
    const more: number[] = [];
    parse(strays(2_999), (n) => more.push(n));
    expect(more).toEqual([1000, 2000, 3000]);
  });
});
