// Where a data row's values go (src/schema/row-plan.ts): field keys, cell positions, slots, the record plan and the
// row's store. Each expectation written out from the rule (issue 31: the survivors of the mutation run on src/schema).
import { describe, expect, it } from 'vitest';
import { makeIssue, type Issue } from '../../src/issues/catalogue';
import { FIELD_BY_ID } from '../../src/schema/columns';
import type { ColumnMatch } from '../../src/schema/header/layout';
import { cellTable, keyOf, recordPlan, RowValues, slotsOf } from '../../src/schema/row-plan';

// Keys are kept per column object (a WeakMap): each test makes its own columns.
const col = (c: number, id: string, section: 'primary' | 'junior' | null = null, unitFactor = 1): ColumnMatch => ({
  field: FIELD_BY_ID.get(id)!,
  section,
  col: c,
  header: `${section ?? ''}${id}`,
  unitFactor,
});

describe('keys, cells and slots', () => {
  it('a column’s key is its field, with its section before it', () => {
    expect(keyOf(col(0, 'teachers'))).toBe('teachers');
    expect(keyOf(col(0, 'teachers', 'primary'))).toBe('primary:teachers');
    const c = col(0, 'books', 'junior');
    expect(keyOf(c)).toBe(keyOf(c));
    expect(keyOf(c)).toBe('junior:books');
  });

  it('a row’s cells: each key’s cell, header and unit factor, for the row asked', () => {
    const table = cellTable([col(0, 'name'), col(27, 'teachers', 'primary', 10000)]);
    const row = table(12);
    expect(Object.keys(Object.getPrototypeOf(row) as object)).toEqual(['name', 'primary:teachers']);
    expect(row.name).toEqual({ cell: 'A12', column: 'name', unitFactor: 1 });
    expect(row['primary:teachers']).toEqual({ cell: 'AB12', column: 'primaryteachers', unitFactor: 10000 });
    expect(table(3).name!.cell).toBe('A3');
  });

  it('slots: each key numbered once, in order', () => {
    const slots = slotsOf([col(0, 'name'), col(1, 'teachers'), col(2, 'teachers'), col(3, 'teachers', 'primary')]);
    expect([...slots]).toEqual([
      ['name', 0],
      ['teachers', 1],
      ['primary:teachers', 2],
    ]);
  });
});

describe('the record plan', () => {
  it('the slots of each part, −1 where the sheet has no column', () => {
    const columns = [
      col(0, 'name'),
      col(1, 'type'),
      col(2, 'studentsPrimary'),
      col(3, 'studentsSenior'),
      col(4, 'county'),
      col(5, 'teachers'),
      col(6, 'teachers', 'junior'),
      col(7, 'musicRooms'),
    ];
    const plan = recordPlan(columns, slotsOf(columns));
    expect([
      plan.county,
      plan.type,
      plan.ownership,
      plan.urbanRural,
      plan.code,
      plan.group,
      plan.parent,
      plan.students,
    ]).toEqual([4, 1, -1, -1, -1, -1, -1, -1]);
    expect(plan.studentsOf).toEqual({ primary: 2, junior: -1, senior: 3 });
    expect(plan.amounts).toEqual([
      {
        field: 'teachers',
        parts: [
          { section: null, direct: 5, sum: null },
          { section: 'junior', direct: 6, sum: null },
        ],
      },
    ]);
    expect(plan.items).toEqual([{ field: 'musicRooms', slot: 7 }]);
    expect(plan.scratch).toEqual({ students: [0, 0, 0], resources: [0], items: [0] });
  });

  it('a summed field: from its parts when all it requires are there, for each section that has them', () => {
    const columns = [
      col(0, 'name'),
      col(1, 'backboneCounty'),
      col(2, 'backboneProvincial'),
      col(3, 'peTeachers', 'primary'),
      col(4, 'musicTeachers', 'primary'),
      col(5, 'artTeachers', 'primary'),
      col(6, 'peTeachers'),
      col(7, 'backboneCity', 'junior'),
    ];
    const plan = recordPlan(columns, slotsOf(columns));
    expect(plan.amounts).toEqual([
      { field: 'backboneTeachers', parts: [{ section: null, direct: -1, sum: [1, 2] }] },
      { field: 'peArtsTeachers', parts: [{ section: 'primary', direct: -1, sum: [3, 4, 5] }] },
    ]);
    expect(plan.summed.map((s) => [s.field, s.whole, s.parts.map((p) => `${p.key}=${p.slot}`)])).toEqual([
      ['peArtsTeachers', -1, ['peTeachers=6', 'musicTeachers=-1', 'artTeachers=-1']],
      ['teachingSpace', -1, ['teachingRooms=-1', 'auxiliaryRooms=-1']],
      ['backboneTeachers', -1, ['backboneCounty=1', 'backboneCity=-1', 'backboneProvincial=2', 'backboneNational=-1']],
    ]);
  });
});

describe('the record plan at slot 0', () => {
  it('a part or an item in the first column is at slot 0, and counts', () => {
    const columns = [col(0, 'backboneCounty'), col(1, 'name'), col(2, 'backboneCity')];
    expect(recordPlan(columns, slotsOf(columns)).amounts).toEqual([
      { field: 'backboneTeachers', parts: [{ section: null, direct: -1, sum: [0, 2] }] },
    ]);
    const items = [col(0, 'musicRooms'), col(1, 'name')];
    expect(recordPlan(items, slotsOf(items)).items).toEqual([{ field: 'musicRooms', slot: 0 }]);
  });

  it('a sum column beside only some of its parts is not summed', () => {
    const columns = [col(0, 'name'), col(1, 'peArtsTeachers'), col(2, 'peTeachers'), col(3, 'musicTeachers')];
    expect(recordPlan(columns, slotsOf(columns)).amounts).toEqual([
      { field: 'peArtsTeachers', parts: [{ section: null, direct: 1, sum: null }] },
    ]);
  });
});

describe('a row’s values', () => {
  const setUp = () => {
    const issues: Issue[] = [];
    const row = new RowValues('学校', 3, issues);
    const cells = cellTable([col(1, 'teachers'), col(2, 'type')])(7);
    row.reset(7, cells);
    return { issues, row };
  };

  it('a number or text only where set, and only at a slot', () => {
    const { row } = setUp();
    row.num[0] = 5;
    row.txt[1] = '小学';
    expect([row.number(0), row.number(-1), row.text(1), row.text(-1)]).toEqual([
      undefined,
      undefined,
      '小学',
      undefined,
    ]);
    row.has[0] = 1;
    expect(row.number(0)).toBe(5);
    row.reset(8, {});
    expect([row.number(0), row.text(1), row.row, row.broken, row.school, row.county]).toEqual([
      undefined,
      undefined,
      8,
      false,
      undefined,
      undefined,
    ]);
  });

  it('a field’s position: its cell, or its row and label; with the school and county when known', () => {
    const { row } = setUp();
    expect(row.at('teachers')).toEqual({ sheet: '学校', cell: 'B7', column: 'teachers', field: 'teachers' });
    expect(row.at('primary:books')).toEqual({ sheet: '学校', row: 7, column: 'primary:books', field: 'books' });
    expect(row.at('junior:books').field).toBe('books');
    expect(row.at('books')).toEqual({ sheet: '学校', row: 7, column: '图书册数', field: 'books' });
    row.school = '一小';
    row.county = '甲县';
    expect(row.at('books')).toEqual({
      sheet: '学校',
      school: '一小',
      county: '甲县',
      row: 7,
      column: '图书册数',
      field: 'books',
    });
    row.county = null;
    expect(row.at('books')).toEqual({ sheet: '学校', school: '一小', row: 7, column: '图书册数', field: 'books' });
  });

  it('one error per cell: a later error at a cell that has one is dropped; warnings and errors without a cell are kept', () => {
    const { row, issues } = setUp();
    const error = (cell?: string) =>
      makeIssue('MISSING_VALUE', cell ? { sheet: '学校', cell } : { sheet: '学校', row: 7 }, { hint: '' });
    const warning = makeIssue('DUPLICATE_COLUMN', { sheet: '学校', cell: 'B7' }, { firstCell: 'A1', field: 'x' });
    // A warning at a cell keeps no later error from it.
    row.atCell(makeIssue('DUPLICATE_COLUMN', { sheet: '学校', cell: 'D7' }, { firstCell: 'A1', field: 'x' }));
    row.push(error('D7'));
    row.atCell(error('B7'));
    row.push(error('B7'));
    row.push(warning);
    row.push(error());
    row.push(error());
    row.push(error('C7'));
    row.push(error('C7'));
    row.atCell(error('C7'));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ['DUPLICATE_COLUMN', 'D7'],
      ['MISSING_VALUE', 'D7'],
      ['MISSING_VALUE', 'B7'],
      ['DUPLICATE_COLUMN', 'B7'],
      ['MISSING_VALUE', undefined],
      ['MISSING_VALUE', undefined],
      ['MISSING_VALUE', 'C7'],
      ['MISSING_VALUE', 'C7'],
    ]);
    // A new row forgets the cells with errors.
    row.reset(7, row.cells);
    row.push(error('B7'));
    expect(issues.length).toBe(9);
  });

  it('fail: the issue at the field, the row broken; a blank written as a placeholder is named', () => {
    const { row, issues } = setUp();
    row.noteWritten('teachers', '/');
    row.noteWritten('teachers', '—');
    row.noteWritten('type', '无');
    row.noteWritten('books', '/');
    row.fail('MISSING_VALUE', 'teachers', { hint: '（专任教师数必填）' });
    row.fail('MISSING_VALUE', 'type');
    row.fail('NEGATIVE_VALUE', 'books', { value: -1 });
    expect(row.broken).toBe(true);
    expect(issues.map((i) => [i.code, i.cell ?? i.row, i.text])).toEqual([
      ['MISSING_VALUE', 'B7', '此项为空，无法计算（此格写的是“—”，按未填读取；专任教师数必填）'],
      ['MISSING_VALUE', 'C7', '此项为空，无法计算（此格写的是“无”，按未填读取）'],
      ['NEGATIVE_VALUE', 7, '数值为负（-1）'],
    ]);
    expect(row.cells.teachers).toEqual({ cell: 'B7', column: 'teachers', unitFactor: 1, written: '—' });
    expect(Object.keys(row.cells)).toEqual(['teachers', 'type']);
  });

  it('a value read past what is written: one note per column and code, counted', () => {
    const { row } = setUp();
    row.noteCoded('type', 'VALUE_CODE_IGNORED', { text: '211小学' });
    row.noteCoded('type', 'VALUE_CODE_IGNORED', { text: '211初中' });
    row.noteCoded('type', 'VALUE_READ_BY_ENDING', { text: '中心小学' });
    row.noteCoded('ownership', 'VALUE_CODE_IGNORED', { text: '1公办' });
    expect([...row.coded]).toEqual([
      [
        'type:VALUE_CODE_IGNORED',
        {
          code: 'VALUE_CODE_IGNORED',
          at: { sheet: '学校', cell: 'C7', column: 'type', field: 'type' },
          params: { text: '211小学' },
          count: 2,
        },
      ],
      [
        'type:VALUE_READ_BY_ENDING',
        {
          code: 'VALUE_READ_BY_ENDING',
          at: { sheet: '学校', cell: 'C7', column: 'type', field: 'type' },
          params: { text: '中心小学' },
          count: 1,
        },
      ],
      [
        'ownership:VALUE_CODE_IGNORED',
        {
          code: 'VALUE_CODE_IGNORED',
          at: { sheet: '学校', row: 7, field: 'ownership' },
          params: { text: '1公办' },
          count: 1,
        },
      ],
    ]);
  });
});
