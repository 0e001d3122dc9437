// A table's rows sorted into schools, totals, notes, repeated headers and strays (src/schema/rows/index.ts), each
// expectation written out from the rule (issue 31: survivors of the mutation run on src/schema/rows). CSVs in process.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model';
import { check, csvFile, HEADER } from '../helpers/files';

const ROW = (name: string, P = 500) => [name, '小学', P, '', 42, 10, 9, 500, 1000, 200000, 10].join(',');
const read = (rows: string[], header = HEADER) => check(csvFile([header.join(','), ...rows].join('\n'), 'utf8'));
const found = (r: Report, code: string) =>
  r.issues.filter((i) => i.code === code).map((i) => ({ row: i.row, cell: i.cell, text: i.text, school: i.school }));

describe('rows that are no school', () => {
  it('a total row and a note row are skipped, each named by its text at its row', async () => {
    const r = await read([ROW('一小'), ROW('二小'), '合计,,1000,,,,,,,,', '填表人：王芳,,,,,,,,,,']);
    expect(found(r, 'ROW_SKIPPED_TOTAL')).toEqual([
      { row: 4, cell: undefined, text: '合计行“合计”已跳过，不作为学校', school: undefined },
    ]);
    expect(found(r, 'ROW_SKIPPED_NOTE')).toEqual([
      { row: 5, cell: undefined, text: '表下注释“填表人：王芳”已跳过', school: undefined },
    ]);
    expect(r.input.schoolRows).toBe(2);
  });

  it('the header written again is skipped, its first three texts quoted; a school named like no header is read', async () => {
    const r = await read([ROW('一小'), HEADER.join(','), ROW('二小')]);
    expect(found(r, 'ROW_SKIPPED_HEADER')).toEqual([
      {
        row: 3,
        cell: undefined,
        text: '重复的表头行（“学校名称 | 学校类型 | 小学在校生数”）已跳过',
        school: undefined,
      },
    ]);
    expect(r.input.schoolRows).toBe(2);
  });

  it('a school named again: its first row’s cell is named, at the second row', async () => {
    const r = await read([ROW('一小'), ROW('二小'), ROW('一小', 600)]);
    expect(found(r, 'DUPLICATE_SCHOOL')).toEqual([
      { row: 4, cell: 'A4', text: '学校名称重复（首次出现在 test!A2）', school: '一小' },
    ]);
  });
});

describe('a 区县 column', () => {
  it('a school without a 区县 while others have one: an error saying why, and it is left out', async () => {
    const header = ['区县', ...HEADER];
    // A blank 区县 takes the one above (merged cells); the first row has none above to take.
    const r = await read(
      [`,${ROW('三小')}`, `甲县,${ROW('一小')}`, `甲县,${ROW('二小')}`, `乙县,${ROW('四小')}`],
      header,
    );
    const missing = r.issues.filter((i) => i.code === 'MISSING_VALUE');
    expect(missing.map((i) => [i.school, i.cell, i.text])).toEqual([
      ['三小', 'A2', '此项为空，无法计算（表中其他学校填有区县，此校未填，无法归入县）'],
    ]);
    // Left out of the calculation: the three others are the schools read.
    expect(r.input.schoolRows).toBe(3);
  });
});
