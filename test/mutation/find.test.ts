// Finding a sheet's header (src/schema/header/find.ts) under a small wording made in each test: the row or row
// pair, titles above it, parents over parts, 其中面积达标间数. Each expectation written out from the rule (issue 31:
// the survivors of the mutation run on src/schema).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import { arraySheet, type CellValue, type MergeRange } from '../../src/read/types';
import { findHeader, nearHeader } from '../../src/schema/header/find';
import type { ColumnWording } from '../../src/schema/header/field-match';

// The header passes are kept per wording object (a WeakMap): each test makes its own.
const wording = (): ColumnWording => ({
  schoolHeaders: {
    name: ['校名'],
    studentsPrimary: ['小学在校学生数'],
    studentsJunior: ['初中在校学生数'],
    peArtsTeachers: ['体艺教师'],
  },
  schoolColumns: { teachers: [{ all: ['专任', '教师'], none: [] }] },
  perStudentWords: ['生均'],
  schoolValues: WORDING_2017.schoolValues,
});
const cell = (v: string | number | null): CellValue | undefined =>
  v === null ? undefined : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
const sheetOf = (rows: (string | number | null)[][], merges: MergeRange[] = []) =>
  arraySheet(
    '表',
    rows.map((r) => r.map(cell)),
    merges,
  );
const found = (rows: (string | number | null)[][], merges: MergeRange[] = []) => {
  const h = findHeader(sheetOf(rows, merges), wording());
  return (
    h && {
      row: h.row,
      height: h.height,
      score: h.score,
      columns: h.columns.map((c) => [c.header, c.match?.field.id ?? null]),
    }
  );
};
const HEAD = ['学校名称', '学校类型', '小学在校生数', '联系电话'];
const DATA = ['一小', '小学', 300, '123'];

describe('the header row', () => {
  it('the row reading most fields with a 学校名称, below a title: one row, not the title over it', () => {
    expect(found([['某县统计表'], HEAD, DATA])).toEqual({
      row: 1,
      height: 1,
      score: 3,
      columns: [
        ['学校名称', 'name'],
        ['学校类型', 'type'],
        ['小学在校生数', 'studentsPrimary'],
        ['联系电话', null],
      ],
    });
  });

  it('no 学校名称, or fewer than two fields: no header; the nearest without a name', () => {
    expect(
      found([
        ['学校类型', '小学在校生数'],
        ['小学', 300],
      ]),
    ).toBeNull();
    expect(
      found([
        ['学校名称', '电话'],
        ['一小', '1'],
      ]),
    ).toBeNull();
    const near = nearHeader(sheetOf([['说明'], ['学校类型', '小学在校生数'], ['小学', 300]]), wording());
    expect(near && [near.row, near.height, near.score]).toEqual([1, 1, 2]);
    expect(nearHeader(sheetOf([['学校类型'], ['小学']]), wording())).toBeNull();
  });

  it('rows below the first 30 are not looked at', () => {
    const blank = (k: number) => Array.from({ length: k }, () => [] as (string | null)[]);
    expect(found([...blank(29), HEAD, DATA])?.row).toBe(29);
    // Row 30 is read only as the second row of a pair begun at row 29.
    expect([found([...blank(30), HEAD, DATA])?.row, found([...blank(30), HEAD, DATA])?.height]).toEqual([29, 2]);
    expect(found([...blank(31), HEAD, DATA])).toBeNull();
  });

  it('the best row wins over one read before it', () => {
    const h = found([['学校名称', '学校类型', null], ['说明'], ['学校名称', '学校类型', '小学在校生数'], DATA]);
    expect([h?.row, h?.height, h?.score]).toEqual([2, 1, 3]);
  });
});

describe('a title above the header is no parent of its columns', () => {
  // Over 联系电话, a title holding 专任 and 教师 would be read by the keywords of 专任教师数.
  it('a title written in one cell, twelve characters or more', () => {
    const h = found([['县专任教师情况统计汇总表'], HEAD, DATA]);
    expect([h?.row, h?.height, h?.columns[3]]).toEqual([1, 1, ['联系电话', null]]);
    // Eleven: a parent, whose words are read.
    const parent = found([['专任教师情况统计汇总表'], HEAD, DATA]);
    expect([parent?.row, parent?.height, parent?.columns[3]]).toEqual([
      0,
      2,
      ['专任教师情况统计汇总表联系电话', 'teachers'],
    ]);
    // Not the only text of its row: a parent too.
    const two = found([['县专任教师情况统计汇总表', null, null, null, '附'], HEAD, DATA]);
    expect([two?.row, two?.height]).toEqual([0, 2]);
  });

  it('a title merged over more than half the row’s columns, four at least', () => {
    const rows = [
      ['县专任教师表', null, null, null],
      ['学校名称', '联系电话', '学校类型', '小学在校生数'],
      ['一小', '1', '小学', 300],
    ];
    const over = (right: number) => found(rows, [{ top: 0, left: 0, bottom: 0, right }]);
    expect([over(3)?.row, over(3)?.height, over(3)?.columns[1]]).toEqual([1, 1, ['联系电话', null]]);
    // Over three columns of four: a parent, whose words are read.
    expect([over(2)?.row, over(2)?.height, over(2)?.columns[1]]).toEqual([0, 2, ['县专任教师表联系电话', 'teachers']]);
    // Four of eight columns is half, not more: a parent.
    const wide = [
      ['县专任教师表', null, null, null, null, null, null, null],
      ['学校名称', '联系电话', '学校类型', '小学在校生数', '甲', '乙', '丙', '丁'],
      ['一小', '1', '小学', 300],
    ];
    const h = found(wide, [{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect([h?.row, h?.height, h?.columns[1]]).toEqual([0, 2, ['县专任教师表联系电话', 'teachers']]);
  });
});

describe('two header rows', () => {
  it('a merged parent over its parts: the parent and part joined, as a wording has them', () => {
    const rows = [
      ['学校名称', '在校学生数', null, '专任教师数'],
      [null, '小学', '初中', null],
      ['一小', 300, 0, 20],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 1, right: 3 },
    ];
    const expected = {
      row: 0,
      height: 2,
      score: 4,
      columns: [
        ['学校名称', 'name'],
        ['小学在校学生数', 'studentsPrimary'],
        ['初中在校学生数', 'studentsJunior'],
        ['专任教师数', 'teachers'],
      ],
    };
    expect(found(rows, merges)).toEqual(expected);
    // Written once over its parts, not merged (a CSV): the same.
    expect(found(rows)).toEqual(expected);
  });

  it('a parent not merged is over the parts after it only until a column of its own', () => {
    const h = found([
      ['学校名称', '在校学生数', null, '专任教师数', null],
      [null, '小学', '初中', null, '初中'],
      ['一小', 300, 0, 20, 5],
    ]);
    expect(h?.columns.map((c) => c[1])).toEqual(['name', 'studentsPrimary', 'studentsJunior', 'teachers', null]);
  });

  it('parts of a summed field under a parent naming the sum: each part; a 合计 under it is the sum', () => {
    const rows = [
      ['学校名称', '学校类型', '体艺教师', null, null, '体艺教师', null],
      [null, null, '体育', '音乐', '美术', '体育', '合计'],
      ['一小', '小学', 1, 1, 1, 1, 3],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
    ];
    expect(found(rows, merges)?.columns.map((c) => c[1])).toEqual([
      'name',
      'type',
      'peTeachers',
      'musicTeachers',
      'artTeachers',
      'peTeachers',
      'peArtsTeachers',
    ]);
  });
});

describe('其中面积达标间数', () => {
  it('right after a music or art room column: that room’s up-to-standard count; after another, nothing', () => {
    const h = found([
      [
        '学校名称',
        '音乐专用教室数',
        '其中面积达标间数',
        '美术专用教室数',
        '其中：面积达标间数',
        '专任教师数',
        '其中面积达标间数',
      ],
      ['一小', 2, 1, 2, 2, 20, 1],
    ]);
    expect(h?.columns.map((c) => c[1])).toEqual([
      'name',
      'musicRooms',
      'musicRoomsUpToStandard',
      'artRooms',
      null,
      'teachers',
      null,
    ]);
  });
});

// The candidate's columns with the texts tried for each: [header, field, texts].
const withTexts = (rows: (string | number | null)[][], merges: MergeRange[] = []) =>
  findHeader(sheetOf(rows, merges), wording())?.columns.map((c) => [c.header, c.match?.field.id ?? null, c.texts]);

describe('keywords are tried only in a row that reads a 学校名称 or two columns by its wordings', () => {
  it('a 学校名称 and one column read by keywords alone: a header', () => {
    // 专任教师人数 is no wording: only the keywords 专任 + 教师 read it.
    expect(
      found([
        ['学校名称', '专任教师人数'],
        ['一小', 20],
      ]),
    ).toEqual({
      row: 0,
      height: 1,
      score: 2,
      columns: [
        ['学校名称', 'name'],
        ['专任教师人数', 'teachers'],
      ],
    });
  });

  it('no 学校名称: two columns by their wordings, then the keywords too; one, and no keywords', () => {
    const near = nearHeader(
      sheetOf([
        ['学校类型', '小学在校生数', '专任教师人数'],
        ['小学', 300, 20],
      ]),
      wording(),
    );
    expect(near && [near.row, near.height, near.score, near.columns[2]!.match?.field.id]).toEqual([
      0,
      1,
      3,
      'teachers',
    ]);
    // One column by its wording (学校类型): 专任教师人数 is not read, and the row reads one field only.
    expect(
      nearHeader(
        sheetOf([
          ['学校类型', '专任教师人数'],
          ['小学', 20],
        ]),
        wording(),
      ),
    ).toBeNull();
  });
});

describe('the columns of a header', () => {
  it('a column without a header is left out', () => {
    expect(
      found([
        ['学校名称', null, '学校类型'],
        ['一小', 1, '小学'],
      ])?.columns,
    ).toEqual([
      ['学校名称', 'name'],
      ['学校类型', 'type'],
    ]);
  });

  it('a header cell merged past the row’s last cell adds no column', () => {
    const h = found(
      [
        ['学校名称', '学校类型', '小学在校生数'],
        ['一小', '小学', 300, '123'],
      ],
      [{ top: 0, left: 2, bottom: 0, right: 3 }],
    );
    expect(h).toEqual({
      row: 0,
      height: 1,
      score: 3,
      columns: [
        ['学校名称', 'name'],
        ['学校类型', 'type'],
        ['小学在校生数', 'studentsPrimary'],
      ],
    });
  });

  it('in a one-row header, a name merged over four columns of six is read in each, not taken for a title', () => {
    const h = found(
      [
        ['学校名称', null, null, null, '学校类型', '小学在校生数'],
        ['一小', null, null, null, '小学', 300],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 3 }],
    );
    expect([h?.row, h?.height, h?.score, h?.columns[0]]).toEqual([0, 1, 3, ['学校名称', 'name']]);
  });

  it('其中面积达标间数 worded as a field by the profile is that field, whatever column is before it', () => {
    const own: ColumnWording = { ...wording(), schoolHeaders: { artRoomsUpToStandard: ['其中面积达标间数'] } };
    const h = findHeader(
      sheetOf([
        ['学校名称', '音乐专用教室数', '其中面积达标间数'],
        ['一小', 2, 1],
      ]),
      own,
    );
    expect(h?.columns.map((c) => c.match?.field.id ?? null)).toEqual(['name', 'musicRooms', 'artRoomsUpToStandard']);
  });
});

describe('two header rows: the texts tried for each column', () => {
  it('a part with nothing over it, first or after a column without a part: the part alone', () => {
    // 在校学生数 written once over 小学 | 初中 (a CSV).
    expect(
      withTexts([
        [null, '在校学生数', null],
        ['学校名称', '小学', '初中'],
        ['一小', 300, 0],
      ]),
    ).toEqual([
      ['学校名称', 'name', ['学校名称']],
      ['小学在校学生数', 'studentsPrimary', ['小学', '在校学生数小学', '小学在校学生数']],
      ['初中在校学生数', 'studentsJunior', ['初中', '在校学生数初中', '初中在校学生数']],
    ]);
    // 学校名称 without a part under it, then 学校类型 with nothing over it.
    expect(
      withTexts([
        ['学校名称', null, '在校学生数', null],
        [null, '学校类型', '小学', '初中'],
        ['一小', '小学', 300, 0],
      ]),
    ).toEqual([
      ['学校名称', 'name', ['学校名称']],
      ['学校类型', 'type', ['学校类型']],
      ['小学在校学生数', 'studentsPrimary', ['小学', '在校学生数小学', '小学在校学生数']],
      ['初中在校学生数', 'studentsJunior', ['初中', '在校学生数初中', '初中在校学生数']],
    ]);
  });

  it('a header merged down both rows: its text once', () => {
    const rows = [
      ['学校名称', '在校学生数', null],
      [null, '小学', '初中'],
      ['一小', 300, 0],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ];
    expect(withTexts(rows, merges)?.[0]).toEqual(['学校名称', 'name', ['学校名称']]);
  });

  it('the cells under a merged title: their own texts, not joined to the title', () => {
    const rows = [
      ['县学校情况统计表', null, null, null, '在校学生数', null],
      ['学校名称', '联系电话', '学校类型', '备注', '小学', '初中'],
      ['一小', '1', '小学', '', 300, 0],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 5 },
    ];
    expect(withTexts(rows, merges)).toEqual([
      ['学校名称', 'name', ['学校名称']],
      ['联系电话', null, ['联系电话']],
      ['学校类型', 'type', ['学校类型']],
      ['备注', null, ['备注']],
      ['小学在校学生数', 'studentsPrimary', ['小学', '在校学生数小学', '小学在校学生数']],
      ['初中在校学生数', 'studentsJunior', ['初中', '在校学生数初中', '初中在校学生数']],
    ]);
  });

  it('a parent whose part reads nothing: the parent alone, by its wording or by keywords', () => {
    expect(
      found([
        ['校名', '在校学生数', null],
        ['全称', '小学', '初中'],
        ['一小', 300, 0],
      ]),
    ).toEqual({
      row: 0,
      height: 2,
      score: 3,
      columns: [
        ['校名', 'name'],
        ['小学在校学生数', 'studentsPrimary'],
        ['初中在校学生数', 'studentsJunior'],
      ],
    });
    // 专任教师人数 joined to 生均 is a per-student header, read by no keywords; the parent alone is read by them.
    expect(
      found([
        ['学校名称', '在校学生数', null, '专任教师人数'],
        [null, '小学', '初中', '生均'],
        ['一小', 300, 0, 20],
      ])?.columns,
    ).toEqual([
      ['学校名称', 'name'],
      ['小学在校学生数', 'studentsPrimary'],
      ['初中在校学生数', 'studentsJunior'],
      ['专任教师人数', 'teachers'],
    ]);
  });

  it('a 学校名称 read from the parent alone by its wording lets the keywords read the other columns', () => {
    // 校名 over 全称: the name by the wording 校名 alone; 专任 over 教师人数, by keywords only.
    expect(
      found([
        ['校名', '专任'],
        ['全称', '教师人数'],
        ['一小', 20],
      ]),
    ).toEqual({
      row: 0,
      height: 2,
      score: 2,
      columns: [
        ['校名', 'name'],
        ['专任教师人数', 'teachers'],
      ],
    });
  });

  it('a child naming the sum itself under the sum’s parent stays the sum, though it holds a part’s words', () => {
    const rows = [
      ['学校名称', '学校类型', '体艺教师', null],
      [null, null, '体育艺术专任教师', '美术'],
      ['一小', '小学', 3, 1],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
    ];
    expect(found(rows, merges)?.columns.map((c) => c[1])).toEqual(['name', 'type', 'peArtsTeachers', 'artTeachers']);
  });
});

describe('a lone title above the header', () => {
  it('a cell of spaces beside the title is blank: the title is still alone', () => {
    const h = found([['县专任教师情况统计汇总表', '  '], HEAD, DATA]);
    expect([h?.row, h?.height, h?.columns[3]]).toEqual([1, 1, ['联系电话', null]]);
  });

  it('a long text after another text is no lone title: a parent', () => {
    const h = found([['附', null, null, '县专任教师情况统计汇总表'], HEAD, DATA]);
    expect([h?.row, h?.height, h?.columns[3]]).toEqual([0, 2, ['县专任教师情况统计汇总表联系电话', 'teachers']]);
  });

  it('a long text merged over three columns of four is no lone title: a parent', () => {
    const h = found(
      [
        ['县专任教师情况统计汇总表', null, null, null],
        ['联系电话', '学校名称', '学校类型', '小学在校生数'],
        ['1', '一小', '小学', 300],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 2 }],
    );
    expect([h?.row, h?.height, h?.columns[0]]).toEqual([0, 2, ['县专任教师情况统计汇总表联系电话', 'teachers']]);
  });

  it('a short lone text is a parent of the parts under it', () => {
    const h = found([
      [null, '在校学生数', null],
      ['学校名称', '小学', '初中'],
      ['一小', 300, 0],
    ]);
    expect([h?.row, h?.height, h?.score]).toEqual([0, 2, 3]);
  });
});

describe('of two candidates reading as much, the first', () => {
  it('a header row written twice: the first', () => {
    const h = found([HEAD, HEAD, DATA]);
    expect([h?.row, h?.height, h?.score]).toEqual([0, 1, 3]);
  });

  it('a row pair, then a row further down reading as much: the pair', () => {
    const h = found([
      [null, '在校学生数', null],
      ['学校名称', '小学', '初中'],
      ['一小', 300, 0],
      ['学校名称', '学校类型', '小学在校生数'],
    ]);
    expect([h?.row, h?.height, h?.score]).toEqual([0, 2, 3]);
  });
});
