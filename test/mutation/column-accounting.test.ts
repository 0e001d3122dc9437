// Each header column's account (src/schema/column-accounting.ts), each expectation written out from the rule (issue
// 31: the survivors of the mutation run on src/schema). Small sheets built in each test.
import { describe, expect, it } from 'vitest';
import { makeIssue, type Issue } from '../../src/issues/catalogue';
import { arraySheet, type CellValue } from '../../src/read/types';
import { FIELD_BY_ID } from '../../src/schema/columns';
import { accountColumns, type HeaderColumns } from '../../src/schema/column-accounting';
import type { ColumnMatch } from '../../src/schema/header/layout';

const t = (text: string): CellValue => ({ kind: 'text', text });
const n = (value: number, formula?: string): CellValue =>
  formula === undefined ? { kind: 'number', value } : { kind: 'number', value, formula };
const col = (c: number, id: string, header: string, section: 'primary' | 'junior' | null = null): ColumnMatch => ({
  field: FIELD_BY_ID.get(id)!,
  section,
  col: c,
  header,
  unitFactor: 1,
});
const one = (...headers: string[]): HeaderColumns => ({
  row: 0,
  height: 1,
  columns: headers.map((header, c) => ({ col: c, header })),
});
const brief = (accounts: ReturnType<typeof accountColumns>) =>
  accounts.map((a) => [a.cell, a.header, a.field, a.how, a.issue, a.formulas]);

describe('columns read', () => {
  it('a column used, a 小学部 column named with its section, a part summed into its field', () => {
    const sheet = arraySheet('学校', [
      [t('学校名称'), t('小学部专任教师数'), t('体育专任教师数')],
      [t('一小'), n(30), n(3)],
    ]);
    const read = [
      col(0, 'name', '学校名称'),
      col(1, 'teachers', '小学部专任教师数', 'primary'),
      col(2, 'peTeachers', '体育专任教师数'),
    ];
    const issues: Issue[] = [];
    expect(
      brief(accountColumns(sheet, one('学校名称', '小学部专任教师数', '体育专任教师数'), read, 1, issues)),
    ).toEqual([
      ['A1', ['学校名称'], '学校名称', 'used', null, 0],
      ['B1', ['小学部专任教师数'], '小学部专任教师数', 'used', null, 0],
      ['C1', ['体育专任教师数'], '体育艺术专任教师数', 'summed', null, 0],
    ]);
    expect(issues).toEqual([]);
  });

  it('a part beside its sum’s own column (same section) is checked; beside another section’s, summed', () => {
    const sheet = arraySheet('学校', [
      [t('学校名称'), t('体育艺术专任教师数'), t('体育专任教师数'), t('初中部体育专任教师数')],
      [t('一小'), n(9), n(3), n(2)],
    ]);
    const read = [
      col(0, 'name', '学校名称'),
      col(1, 'peArtsTeachers', '体育艺术专任教师数'),
      col(2, 'peTeachers', '体育专任教师数'),
      col(3, 'peTeachers', '初中部体育专任教师数', 'junior'),
    ];
    const header = one('学校名称', '体育艺术专任教师数', '体育专任教师数', '初中部体育专任教师数');
    expect(brief(accountColumns(sheet, header, read, 1, []))).toEqual([
      ['A1', ['学校名称'], '学校名称', 'used', null, 0],
      ['B1', ['体育艺术专任教师数'], '体育艺术专任教师数', 'used', null, 0],
      ['C1', ['体育专任教师数'], '体育艺术专任教师数', 'checked', null, 0],
      ['D1', ['初中部体育专任教师数'], '初中部体育艺术专任教师数', 'summed', null, 0],
    ]);
  });

  it('a column with formulas computed (FORMULA_COMPUTED in it, this sheet): computed, its formula cells counted from the data start', () => {
    // The header in row 10 and the data from row 11: cells of two digits, whose column letters are B and C.
    const sheet = arraySheet('学校', [
      [t('标题')],
      ...Array.from({ length: 8 }, () => []),
      [t('学校名称'), t('专任教师数'), t('班级数')],
      [t('一小'), n(30, 'B19+1'), n(6, 'C19')],
      [t('二小'), n(20), n(6)],
      [t('三小')],
      [t('四小'), n(25, 'B19*2'), t('六')],
    ]);
    const read = [col(0, 'name', '学校名称'), col(1, 'teachers', '专任教师数'), col(2, 'classes', '班级数')];
    const issues = [
      makeIssue('FORMULA_COMPUTED', { sheet: '学校', cell: 'B11' }, { formula: 'B19+1', value: 30, count: 2 }),
      // Another sheet's column C: not this one's.
      makeIssue('FORMULA_COMPUTED', { sheet: '其他', cell: 'C11' }, { formula: 'C19', value: 6, count: 1 }),
    ];
    const header: HeaderColumns = {
      row: 9,
      height: 1,
      columns: [
        { col: 0, header: '学校名称' },
        { col: 1, header: '专任教师数' },
        { col: 2, header: '班级数' },
      ],
    };
    expect(brief(accountColumns(sheet, header, read, 10, issues))).toEqual([
      ['A10', ['学校名称'], '学校名称', 'used', null, 0],
      ['B10', ['专任教师数'], '专任教师数', 'computed', null, 2],
      ['C10', ['班级数'], '班级数', 'used', null, 0],
    ]);
    // A formula above the data start is not counted.
    expect(brief(accountColumns(sheet, header, read, 11, issues))[1]).toEqual([
      'B10',
      ['专任教师数'],
      '专任教师数',
      'computed',
      null,
      1,
    ]);
  });

  it('a column of a sheet whose only FORMULA_COMPUTED is another sheet’s, or has no cell, is used', () => {
    const sheet = arraySheet('学校', [
      [t('学校名称'), t('专任教师数')],
      [t('一小'), n(30, 'B9+1')],
    ]);
    const issues = [
      makeIssue('FORMULA_COMPUTED', { sheet: '其他', cell: 'B2' }, { formula: 'B9+1', value: 30, count: 1 }),
      makeIssue('FORMULA_COMPUTED', { sheet: '学校' }, { formula: 'B9+1', value: 30, count: 1 }),
    ];
    const read = [col(0, 'name', '学校名称'), col(1, 'teachers', '专任教师数')];
    expect(brief(accountColumns(sheet, one('学校名称', '专任教师数'), read, 1, issues))[1]).toEqual([
      'B1',
      ['专任教师数'],
      '专任教师数',
      'used',
      null,
      0,
    ]);
  });
});

describe('columns not read', () => {
  it('a column holding data that nothing accounts for is ignored with a COLUMN_IGNORED warning at its header', () => {
    const sheet = arraySheet('学校', [
      [t('学校名称'), t('联系电话'), t('空列'), t('序号')],
      [t('一小'), t('12345'), t(' '), n(1)],
    ]);
    const issues: Issue[] = [];
    const accounts = accountColumns(
      sheet,
      one('学校名称', '联系电话', '空列', '序号'),
      [col(0, 'name', '学校名称')],
      1,
      issues,
    );
    // 空列 holds only a blank text: no account. 序号 holds data but is ignored silently.
    expect(brief(accounts)).toEqual([
      ['A1', ['学校名称'], '学校名称', 'used', null, 0],
      ['B1', ['联系电话'], null, 'ignored', 'COLUMN_IGNORED', 0],
      ['D1', ['序号'], null, 'ignored', null, 0],
    ]);
    expect(issues.map((i) => [i.code, i.sheet, i.cell, i.column, i.text])).toEqual([
      ['COLUMN_IGNORED', '学校', 'B1', '联系电话', '未识别的列“联系电话”，其中的数据未使用（未能归入任何字段）'],
    ]);
  });

  it('a column whose header cell already has a warning or note is accounted by it; an error or another sheet’s issue does not count', () => {
    const sheet = arraySheet('学校', [
      [t('学校名称'), t('生均教学及辅助用房面积'), t('空一'), t('空二'), t('空三')],
      [t('一小'), n(5)],
    ]);
    const issues = [
      makeIssue('PER_STUDENT_COLUMN', { sheet: '学校', cell: 'B1' }, { header: '生均教学及辅助用房面积', total: 'x' }),
      makeIssue('COLUMN_NOT_USED', { sheet: '学校', cell: 'B1' }, { header: '又一', field: 'y', word: 'z' }),
      makeIssue('DUPLICATE_COLUMN', { sheet: '学校', cell: 'C1' }, { firstCell: 'A1', field: '学校名称' }),
      makeIssue('UNKNOWN_UNIT', { sheet: '学校', cell: 'D1' }, { unit: '亩', allowed: '平方米' }),
      makeIssue('DUPLICATE_COLUMN', { sheet: '其他', cell: 'E1' }, { firstCell: 'A1', field: '学校名称' }),
    ];
    const before = issues.length;
    const accounts = accountColumns(
      sheet,
      one('学校名称', '生均教学及辅助用房面积', '空一', '空二', '空三'),
      [col(0, 'name', '学校名称')],
      1,
      issues,
    );
    // 空一 holds nothing but has its own note: accounted. 空二's error and 空三's other-sheet issue do not count.
    expect(brief(accounts)).toEqual([
      ['A1', ['学校名称'], '学校名称', 'used', null, 0],
      ['B1', ['生均教学及辅助用房面积'], null, 'ignored', 'PER_STUDENT_COLUMN', 0],
      ['C1', ['空一'], null, 'ignored', 'DUPLICATE_COLUMN', 0],
    ]);
    expect(issues.length).toBe(before);
    // The first issue at a cell is the one named.
    expect(accounts[1]!.sheet).toBe('学校');
  });
});

describe('a two-row header', () => {
  it('a column under a parent names both; one written once over both rows, or in one row only, names one text', () => {
    const sheet = arraySheet('学校', [
      [t('学校名称'), t('在校学生数'), t('在校学生数'), t('专任教师数'), t('备用')],
      [t('学校名称'), t('小学'), t('初中'), t(''), t('')],
      [t('一小'), n(100), n(0), n(9), n(1)],
    ]);
    const header: HeaderColumns = {
      row: 0,
      height: 2,
      columns: [
        { col: 0, header: '学校名称' },
        { col: 1, header: '在校学生数小学' },
        { col: 2, header: '在校学生数初中' },
        { col: 3, header: '专任教师数' },
        { col: 4, header: '备用' },
      ],
    };
    const read = [
      col(0, 'name', '学校名称'),
      col(1, 'studentsPrimary', '在校学生数小学'),
      col(2, 'studentsJunior', '在校学生数初中'),
      col(3, 'teachers', '专任教师数'),
    ];
    const issues: Issue[] = [];
    expect(brief(accountColumns(sheet, header, read, 2, issues))).toEqual([
      ['A1', ['学校名称'], '学校名称', 'used', null, 0],
      ['B1', ['在校学生数', '小学'], '小学在校生数', 'used', null, 0],
      ['C1', ['在校学生数', '初中'], '初中在校生数', 'used', null, 0],
      ['D1', ['专任教师数'], '专任教师数', 'used', null, 0],
      ['E1', ['备用'], null, 'ignored', 'COLUMN_IGNORED', 0],
    ]);
    expect(issues.map((i) => i.cell)).toEqual(['E1']);
  });
});
