// The data rows walked (src/schema/rows/index.ts): hidden rows, stray cells, 学段 headings giving the type, merged
// numbers, codes twice, 区县 filled down. Sheets built in each test and read in process under a new copy of the 2017
// wording; each expectation written out from the rule and the catalogue's templates (issue 31: the survivors of the
// mutation run on src/schema/rows).
import { describe, expect, it } from 'vitest';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import { arraySheet, type CellValue, type MergeRange } from '../../src/read/types';
import { FIELD_BY_ID } from '../../src/schema/columns';
import { parseSchools } from '../../src/schema/index';
import { FirstRows } from '../../src/schema/rows/first-rows';
import { readRows } from '../../src/schema/rows/index';
import { typingOf } from '../../src/schema/rows/typing';

const cell = (v: string | number | null): CellValue | undefined =>
  v === null ? undefined : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
type Rows = (string | number | null)[][];
const parse = (name: string, rows: Rows, parts: { merges?: MergeRange[]; hiddenRows?: number[] } = {}) =>
  parseSchools(
    {
      path: 'test.xlsx',
      format: 'xlsx',
      sheets: [
        arraySheet(
          name,
          rows.map((r) => r.map(cell)),
          parts.merges ?? [],
          false,
          { rows: new Set(parts.hiddenRows ?? []) },
        ),
      ],
    },
    { requiredResources: [], wording: { ...WORDING_2017 } },
  );
const said = (r: ReturnType<typeof parse>, code: string) =>
  r.issues.filter((i) => i.code === code).map((i) => [i.cell ?? i.row, i.text]);
/** A matched column of field `id` at column index `c`, as header matching gives it. */
const col = (c: number, id: string) => ({
  field: FIELD_BY_ID.get(id)!,
  section: null,
  col: c,
  header: FIELD_BY_ID.get(id)!.label,
  unitFactor: 1,
});
const HEAD = ['学校名称', '学校类型', '小学在校生数', '专任教师数'];
const S = (name: string, P = 300) => [name, '小学', P, 20];

describe('rows hidden in the sheet', () => {
  it('schools of hidden rows are read and said: five named, the rest as 等, at the first one’s row', () => {
    const names = ['一小', '二小', '三小', '四小', '五小', '六小', '七小'];
    const r = parse('学校', [HEAD, ...names.map((n) => S(n))], { hiddenRows: [2, 3, 4, 5, 6, 7] });
    expect(r.records.length).toBe(7);
    expect(said(r, 'ROWS_HIDDEN')).toEqual([
      [
        3,
        '6 所学校的行在工作表中被隐藏（第3行二小、第4行三小、第5行四小、第6行五小、第7行六小 等），仍按学校计算；如不应计入，请删除这些行',
      ],
    ]);
    const five = parse('学校', [HEAD, ...names.map((n) => S(n))], { hiddenRows: [3, 4, 5, 6, 7] });
    expect(said(five, 'ROWS_HIDDEN')).toEqual([
      [
        4,
        '5 所学校的行在工作表中被隐藏（第4行三小、第5行四小、第6行五小、第7行六小、第8行七小），仍按学校计算；如不应计入，请删除这些行',
      ],
    ]);
  });
});

describe('cells outside the table', () => {
  it('rows with something only beyond the table’s columns: one note, its count and first cell', () => {
    const r = parse('学校', [
      HEAD,
      S('一小'),
      [null, null, null, null, null, 'x'],
      [null, null, null, null, null, null, 'y'],
      S('二小'),
    ]);
    expect(said(r, 'CELLS_OUTSIDE_TABLE')).toEqual([
      ['F3', '2行只在表格各列之外有内容（首个：F3），不是学校数据，已跳过'],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '二小']);
  });
});

describe('学段 headings', () => {
  it('without a 学校类型 column, each heading types the schools below it, counted', () => {
    const r = parse('学校', [
      ['学校名称', '小学在校生数', '初中在校生数', '专任教师数'],
      ['一、小学'],
      ['一小', 300, null, 20],
      ['二小', 300, null, 20],
      ['二、初中'],
      ['一中', null, 400, 20],
    ]);
    expect(r.records.map((s) => [s.name, s.type])).toEqual([
      ['一小', '小学'],
      ['二小', '小学'],
      ['一中', '初中'],
    ]);
    expect(said(r, 'TYPE_FROM_HEADING')).toEqual([
      [2, '表中没有“学校类型”列：按学段标题“一、小学”，其下 2 所学校按小学计算'],
      [5, '表中没有“学校类型”列：按学段标题“二、初中”，其下 1 所学校按初中计算'],
    ]);
  });

  it('a sheet named by a 学段: its schools counted; a heading row in a table with a 学校类型 column is skipped', () => {
    const r = parse('初中', [
      ['学校名称', '初中在校生数', '专任教师数'],
      ['一中', 400, 20],
      ['二中', 400, 20],
    ]);
    expect(said(r, 'TYPE_FROM_SHEET_NAME')).toEqual([
      [1, '表中没有“学校类型”列：按工作表名“初中”，本表 2 所学校均按初中计算'],
    ]);
    const typed = parse('学校', [HEAD, ['小学部分'], S('一小')]);
    expect(said(typed, 'ROW_SKIPPED_SECTION')).toEqual([[2, '分段标题行“小学部分”已跳过']]);
    expect(typed.records.map((s) => s.name)).toEqual(['一小']);
  });
});

describe('merged cells and repeated values', () => {
  it('a number merged down over schools: an error at each covered cell; the schools are not computed', () => {
    const r = parse('学校', [HEAD, S('一小'), ['二小', '小学', null, 20], S('三小')], {
      merges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
    });
    expect(r.issues.filter((i) => i.code === 'MERGED_NUMBER').map((i) => [i.cell, i.school, i.text])).toEqual([
      ['C3', '二小', '此格与上方 C2 合并为一格，数值只写在 C2：合并的数值分不到各校，请在每所学校的行中分别填写'],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '三小']);
  });

  it('one 学校标识码 on two rows: both computed, the second said; a placeholder code is no code', () => {
    const head = ['学校标识码', ...HEAD];
    const r = parse('学校', [
      head,
      ['1234567890', ...S('一小')],
      ['1234567890', ...S('一小分校')],
      ['/', ...S('二小')],
      ['/', ...S('三小')],
    ]);
    expect(r.records.length).toBe(4);
    expect(said(r, 'DUPLICATE_SCHOOL_CODE')).toEqual([
      [
        'A3',
        '学校标识码“1234567890”与 学校!A2 相同：两行按两所学校计算；如为同一学校的两个校区，应合并为一行（统计口径按学校计）',
      ],
    ]);
  });

  it('a blank 区县 takes the one above, said once; a 小计 ends it', () => {
    const head = ['区县', ...HEAD];
    const r = parse('学校', [
      head,
      ['甲县', ...S('一小')],
      [null, ...S('二小')],
      [null, ...S('三小')],
      ['小计'],
      [null, ...S('四小')],
      ['乙县', ...S('五小')],
    ]);
    expect(r.records.map((s) => [s.name, s.county])).toEqual([
      ['一小', '甲县'],
      ['二小', '甲县'],
      ['三小', '甲县'],
      ['五小', '乙县'],
    ]);
    expect(said(r, 'COUNTY_FILLED_DOWN')).toEqual([
      [
        'A3',
        '此列有 2 所学校的区县为空，按其上一行学校的区县读取（合并的区县另存为 CSV 等时只留首格）；如不是，请逐行填写',
      ],
    ]);
    expect(said(r, 'MISSING_VALUE').map((i) => i[0])).toEqual(['A6']);
  });
});

describe('a school’s amounts by section (src/schema/rows/record.ts)', () => {
  it('the whole-school column first; a one-level school’s own 学部 column only where that is blank; another 学部 apart', () => {
    const r = parse('学校', [
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数', '小学部专任教师数', '初中部专任教师数'],
      ['一小', '小学', 300, null, 20, 18, null],
      ['二小', '小学', 300, null, null, 18, null],
      ['一中', '初中', null, 400, null, 9, 30],
      ['九年', '九年一贯制', 300, 400, 50, 20, 30],
    ]);
    expect(r.records.map((s) => [s.name, s.resources.teachers, s.sectionResources])).toEqual([
      ['一小', 20, {}],
      ['二小', 18, {}],
      ['一中', 30, { primary: { teachers: 9 } }],
      ['九年', 50, { primary: { teachers: 20 }, junior: { teachers: 30 } }],
    ]);
  });

  it('a summed field with a blank part: its cell is that part’s', () => {
    const r = parse('学校', [
      [...HEAD, '体育专任教师数', '音乐专任教师数', '美术专任教师数'],
      [...S('一小'), 2, null, 1],
      [...S('二小'), 2, 1, 1],
    ]);
    expect(r.records.map((s) => [s.resources.peArtsTeachers, s.source.cells.peArtsTeachers?.cell])).toEqual([
      [undefined, 'F2'],
      [4, undefined],
    ]);
  });

  it('a type a heading gives stands only where the row has no 学校类型 of its own', () => {
    const r = parse('学校', [
      ['学校名称', '小学在校生数', '初中在校生数', '专任教师数'],
      ['小学'],
      ['一小', 300, null, 20],
    ]);
    expect(r.records.map((s) => s.type)).toEqual(['小学']);
  });
});

describe('cells read (src/schema/rows/cell-values.ts)', () => {
  const at = (r: ReturnType<typeof parse>) => r.issues.map((i) => [i.code, i.cell, i.text]);

  it('a placeholder where a number is needed is read as blank, and the blank names it', () => {
    const r = parse('学校', [HEAD, ['一小', '小学', ' — ', 20], S('二小')]);
    expect(at(r)).toEqual([['MISSING_VALUE', 'C2', '此项为空，无法计算（此格写的是“—”，按未填读取）']]);
    expect(r.records.map((s) => s.name)).toEqual(['二小']);
  });

  it('an error value in a text column is said at its cell, not also as a blank; the school is not computed', () => {
    const sheet = arraySheet('学校', [
      HEAD.map((h) => cell(h)),
      [cell('一小'), { kind: 'error', error: '#N/A' }, cell(300), cell(20)],
      S('二小').map(cell),
    ]);
    const r = parseSchools(
      { path: 'test.xlsx', format: 'xlsx', sheets: [sheet] },
      { requiredResources: [], wording: { ...WORDING_2017 } },
    );
    expect(at(r)).toEqual([['EXCEL_ERROR', 'B2', '单元格是 Excel 错误值 #N/A']]);
    expect(r.records.map((s) => s.name)).toEqual(['二小']);
  });

  it('a count not whole, and a value past any school’s: errors naming the value; the school is not computed', () => {
    const r = parse('学校', [HEAD, ['一小', '小学', 300, 20.5], ['二小', '小学', 300, 100001], S('三小')]);
    expect(at(r)).toEqual([
      ['NOT_INTEGER', 'D2', '应为整数，实际为 20.5'],
      [
        'VALUE_IMPOSSIBLE',
        'D3',
        '数值 100,001 超出任何学校可能的范围（不超过 100,000）：请检查是否多输了位数或单位写错',
      ],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['三小']);
  });
});

describe('first rows of schools and codes (src/schema/rows/first-rows.ts)', () => {
  it('a school again names its first row’s cell, on whichever sheet, per county', () => {
    const first = new FirstRows();
    first.begin('甲', 0, 2);
    expect(first.firstCell('', '一小', 2)).toBeUndefined();
    expect(first.firstCell('', '一小', 7)).toBe('甲!A2');
    expect(first.firstCell('乙县', '一小', 8)).toBeUndefined();
    expect(first.firstCodeCell('', '1234567890', 2)).toBeUndefined();
    expect(first.firstCodeCell('', '1234567890', 3)).toBe('甲!C2');
    first.begin('乙', 1);
    expect(first.firstCell('', '一小', 5)).toBe('甲!A2');
    expect(first.firstCell('', '二小', 3)).toBeUndefined();
    expect(first.firstCell('', '二小', 4)).toBe('乙!B3');
    expect(first.firstCodeCell('', '222', 1048576)).toBeUndefined();
    expect(first.firstCodeCell('', '222', 9)).toBe('乙!B1048576');
  });
});

describe('a type without a 学校类型 column (src/schema/rows/typing.ts)', () => {
  const typing = (name: string, rows: Rows, ids = ['name', 'studentsPrimary']) =>
    typingOf(
      arraySheet(
        name,
        rows.map((r) => r.map(cell)),
      ),
      ids.map((id, c) => col(c, id)),
      1,
      1,
      { schoolRows: WORDING_2017.schoolRows, schoolValues: WORDING_2017.schoolValues },
    );

  it('the sheet’s name, or the first row below the header when it is a 学段 heading alone', () => {
    expect(typing('初中学校', [['学校名称'], ['一中', 300]])).toEqual({ fromSheet: '初中', headerRow: 1 });
    expect(typing('表', [['学校名称'], [], [null, '小学部分'], ['一小', 300]])).toEqual({
      fromSheet: null,
      headerRow: 1,
    });
    expect(typing('表', [['学校名称'], ['小学部分', 1], ['一小', 300]])).toBeNull();
    expect(typing('表', [['学校名称'], ['一小', 300], ['初中部分']])).toBeNull();
    expect(typing('表', [['学校名称'], []])).toBeNull();
    expect(typing('小学', [['学校名称'], ['一小', 300]], ['name', 'type'])).toBeNull();
  });
});

describe('the cells of a row (rows/cell-values.ts)', () => {
  const text = (t: string): CellValue => ({ kind: 'text', text: t });
  const num = (value: number): CellValue => ({ kind: 'number', value });
  const parseCells = (rows: (CellValue | undefined)[][]) =>
    parseSchools(
      { path: 'test.xlsx', format: 'xlsx', sheets: [arraySheet('学校', [HEAD.map(text), ...rows])] },
      { requiredResources: [], wording: { ...WORDING_2017 } },
    );
  const codes = (r: ReturnType<typeof parseCells>) => r.issues.map((i) => [i.code, i.cell ?? i.row]);

  it('a name with a zero-width space: read without it, noted once for the column', () => {
    const r = parseCells([
      [text('一\u200b小'), text('小学'), num(300), num(20)],
      [text('二\u200b小'), text('小学'), num(300), num(20)],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '二小']);
    expect(codes(r)).toEqual([['INVISIBLE_CHARS_REMOVED', 'A2']]);
  });

  it('an error value or a formula without its result where the name belongs: said at its cell as what it is', () => {
    const r = parseCells([
      [{ kind: 'error', error: '#N/A' }, text('小学'), num(300), num(20)],
      [{ kind: 'formula-no-result', formula: 'VLOOKUP(A1,B:C,2)' }, text('小学'), num(300), num(20)],
      [text('三小'), text('小学'), num(300), num(20)],
    ]);
    expect(codes(r).filter(([c]) => c !== 'NO_SCHOOLS')).toEqual([
      ['EXCEL_ERROR', 'A2'],
      ['FORMULA_NO_RESULT', 'A3'],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['三小']);
  });

  it('a required number left as a placeholder (— or 无, spaces around): missing, and the message says what is written', () => {
    const r = parseCells([
      [text('一小'), text('小学'), text(' — '), num(20)],
      [text('二小'), text('小学'), num(300), num(20)],
    ]);
    const missing = r.issues.filter((i) => i.code === 'MISSING_VALUE');
    expect(missing.map((i) => i.cell)).toEqual(['C2']);
    expect(missing[0]!.text).toContain('“—”');
    expect(missing[0]!.text).not.toContain('“ — ”');
  });
});

describe('the rows walked (rows/index.ts, survivors of the run of 2026-12-07)', () => {
  const codes = (r: ReturnType<typeof parse>) => r.issues.map((i) => [i.code, i.cell ?? i.row]);

  it('the note rows’ texts are handed on (where the county signs); a long note is quoted by its first 40 characters', () => {
    // 40 characters, then more.
    const first40 = '注：本表数据截至二零二三年九月一日，由各校填报、教育局审核后上报，以学籍系统为准';
    const note = `${first40}，如有疑问请联系教育股`;
    const rows = readRows(
      arraySheet(
        '学校',
        [['学校名称', '小学在校生数'], ['一小', 300], ['填表人：王芳', null, '审核人：李强'], [note]].map((r) =>
          r.map(cell),
        ),
      ),
      [col(0, 'name'), col(1, 'studentsPrimary')],
      1,
      false,
      { schoolRows: WORDING_2017.schoolRows, schoolValues: WORDING_2017.schoolValues },
    );
    expect(rows.notes).toEqual(['填表人：王芳', '审核人：李强', note]);
    expect(rows.issues.filter((i) => i.code === 'ROW_SKIPPED_NOTE').map((i) => [i.row, i.text])).toEqual([
      [3, '表下注释“填表人：王芳”已跳过'],
      [4, '表下注释“注：本表数据截至二零二三年九月一日，由各校填报、教育局审核后上报，以学籍系统为准”已跳过'],
    ]);
  });

  it('one 学校标识码 twice in a county: said at its own column’s cell with the county; in another county it is no repeat', () => {
    const r = parse('学校', [
      ['区县', ...HEAD, '学校标识码'],
      ['甲县', ...S('一小'), '1234567890'],
      ['甲县', ...S('二小'), '1234567890'],
      ['乙县', ...S('三小'), '1234567890'],
    ]);
    expect(r.issues.filter((i) => i.code === 'DUPLICATE_SCHOOL_CODE').map((i) => [i.cell, i.county, i.text])).toEqual([
      [
        'F3',
        '甲县',
        '学校标识码“1234567890”与 学校!F2 相同：两行按两所学校计算；如为同一学校的两个校区，应合并为一行（统计口径按学校计）',
      ],
    ]);
    expect(r.records.length).toBe(3);
  });

  it('a sheet named by a 学段 with a total row: both said, the sheet’s note first', () => {
    const r = parse('初中', [
      ['学校名称', '初中在校生数', '专任教师数'],
      ['一中', 400, 20],
      ['合计', 400, 20],
    ]);
    expect(codes(r)).toEqual([
      ['TYPE_FROM_SHEET_NAME', 1],
      ['ROW_SKIPPED_TOTAL', 3],
    ]);
  });

  it('an empty row between schools is nothing: no stray cell, no issue', () => {
    const r = parse('学校', [HEAD, S('一小'), [], [null, null, null, null], S('二小')]);
    expect(r.issues).toEqual([]);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '二小']);
  });

  it('a 其中： row below a school keeps its 区县 running (a 小计 ends it)', () => {
    const r = parse('学校', [
      ['区县', ...HEAD],
      ['甲县', ...S('一小')],
      ['其中：小学', null, null, 300, 20],
      [null, ...S('二小')],
    ]);
    expect(r.records.map((s) => [s.name, s.county])).toEqual([
      ['一小', '甲县'],
      ['二小', '甲县'],
    ]);
    expect(said(r, 'ROW_SKIPPED_TOTAL')).toEqual([[3, '合计行“其中：小学”已跳过，不作为学校']]);
  });

  it('with a 学校类型 column, a 学段 heading only outside the table’s columns is a stray cell', () => {
    const r = parse('学校', [HEAD, S('一小'), [null, null, null, null, null, '一、小学'], S('二小')]);
    expect(codes(r)).toEqual([['CELLS_OUTSIDE_TABLE', 'F3']]);
  });

  it('a 学段 heading alone in its row is skipped though its 学校类型 cell holds spaces (a blank cell)', () => {
    const r = parse('学校', [HEAD, S('一小'), ['小学部分', '  ', null, null], S('二小')]);
    expect(r.issues.map((i) => [i.code, i.row, i.text])).toEqual([
      ['ROW_SKIPPED_SECTION', 3, '分段标题行“小学部分”已跳过'],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '二小']);
  });

  it('a 学段 heading with numbers beside it is a row of the table (a school without a type), not a heading', () => {
    const r = parse('学校', [HEAD, S('一小'), ['二、初中', null, 300, 20], S('二小')]);
    expect(r.issues.map((i) => [i.code, i.cell, i.text])).toEqual([
      ['MISSING_VALUE', 'B3', '此项为空，无法计算（学校类型必填，用于确定学段）'],
    ]);
  });

  it('the header again only when the name column holds its header: a blank name or another name is a row of the table', () => {
    const blank = parse('学校', [HEAD, S('一小'), [null, '学校类型', '小学在校生数', '专任教师数'], S('二小')]);
    expect(said(blank, 'ROW_SKIPPED_HEADER')).toEqual([]);
    expect(blank.issues.map((i) => [i.code, i.cell, i.text])).toEqual([
      ['NOT_A_NUMBER', 'C3', '“小学在校生数”不是数字'],
      ['NOT_A_NUMBER', 'D3', '“专任教师数”不是数字'],
      ['MISSING_VALUE', 'A3', '此项为空，无法计算（学校名称必填）'],
    ]);
    const other = parse('学校', [HEAD, S('一小'), ['校名', '学校类型', '小学在校生数', '专任教师数'], S('二小')]);
    expect(said(other, 'ROW_SKIPPED_HEADER')).toEqual([]);
    expect(other.records.map((s) => s.name)).toEqual(['一小', '二小']);
    expect(other.issues.some((i) => i.school === '校名')).toBe(true);
    // The name header's text in a column left of the table's (序号), the name column blank: no header either.
    const moved = parse('学校', [
      ['序号', ...HEAD],
      [1, ...S('一小')],
      ['学校名称', null, '学校类型', '小学在校生数', '专任教师数'],
      [2, ...S('二小')],
    ]);
    expect(said(moved, 'ROW_SKIPPED_HEADER')).toEqual([]);
    expect(said(moved, 'MISSING_VALUE')).toEqual([['B3', '此项为空，无法计算（学校名称必填）']]);
  });

  it('a 区县 cell that is a formula without its result is said there, not filled from above', () => {
    const sheet = arraySheet('学校', [
      ['区县', ...HEAD].map((h) => cell(h)),
      ['甲县', ...S('一小')].map(cell),
      [{ kind: 'formula-no-result', formula: 'B1' }, ...S('二小').map(cell)],
      [null, ...S('三小')].map(cell),
    ]);
    const r = parseSchools(
      { path: 'test.xlsx', format: 'xlsx', sheets: [sheet] },
      { requiredResources: [], wording: { ...WORDING_2017 } },
    );
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ['FORMULA_NO_RESULT', 'A3'],
      ['COUNTY_FILLED_DOWN', 'A4'],
    ]);
    expect(r.records.map((s) => [s.name, s.county])).toEqual([
      ['一小', '甲县'],
      ['三小', '甲县'],
    ]);
  });

  it('the 区县 issues name their field; a merged number and a name that is a value name the school’s county', () => {
    const r = parse(
      '学校',
      [
        ['区县', ...HEAD],
        ['甲县', ...S('一小')],
        [null, '二小', '小学', 300, null],
        [null, 12345, '小学', 300, 20],
        ['乙县', ...S('四小')],
        [null, null, ...S('五小').slice(1)],
      ],
      { merges: [{ top: 1, left: 4, bottom: 2, right: 4 }] },
    );
    expect(r.issues.map((i) => [i.code, i.cell, i.field, i.county])).toEqual([
      ['MERGED_NUMBER', 'E3', 'teachers', '甲县'],
      ['SCHOOL_NAME_IS_VALUE', 'B4', 'name', '甲县'],
      ['MISSING_VALUE', 'B6', 'name', '乙县'],
      ['COUNTY_FILLED_DOWN', 'A3', 'county', undefined],
    ]);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '12345', '四小']);
  });

  it('a school with no 区县 while others have one: the error names the 区县 field', () => {
    const r = parse('学校', [
      ['区县', ...HEAD],
      [null, ...S('一小')],
      ['甲县', ...S('二小')],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.field, i.school])).toEqual([
      ['MISSING_VALUE', 'A2', 'county', '一小'],
    ]);
  });
});

describe('a school’s record (rows/record.ts, survivors of the run of 2026-12-07)', () => {
  it('a name of 100 characters names the school whole in its cells’ issues', () => {
    const long = '第'.repeat(100);
    const r = parse('学校', [HEAD, [long, '小学', 300, 20.5], S('二小')]);
    expect(r.issues.map((i) => [i.code, i.cell, i.school])).toEqual([['NOT_INTEGER', 'D2', long]]);
  });

  it('a one-level school’s blank students in a table with one 在校生数 column: that column’s cell is missing', () => {
    const r = parse('学校', [
      ['学校名称', '学校类型', '在校生数', '专任教师数'],
      ['一小', '小学', null, 20],
      ['二小', '小学', 300, 20],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.field, i.text])).toEqual([
      ['MISSING_VALUE', 'C2', 'students', '此项为空，无法计算'],
    ]);
  });

  it('a two-level school’s 学部 columns stay by section when its whole-school column is blank', () => {
    const r = parse('学校', [
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数', '小学部专任教师数', '初中部专任教师数'],
      ['九年', '九年一贯制', 300, 400, null, 20, 30],
    ]);
    expect(r.records.map((s) => [s.resources.teachers, s.sectionResources])).toEqual([
      [undefined, { primary: { teachers: 20 }, junior: { teachers: 30 } }],
    ]);
  });

  it('a summed field’s cell: its own when given; else its blank part’s, the table’s first column too, listed among the cells', () => {
    const whole = parse('学校', [
      [...HEAD, '体育艺术专任教师数', '体育专任教师数', '音乐专任教师数', '美术专任教师数'],
      [...S('一小'), 4, 2, null, 1],
    ]);
    expect(whole.records.map((s) => [s.resources.peArtsTeachers, s.source.cells.peArtsTeachers?.cell])).toEqual([
      [4, 'E2'],
    ]);
    const first = parse('学校', [
      ['体育专任教师数', ...HEAD, '音乐专任教师数', '美术专任教师数'],
      [null, ...S('一小'), 1, 1],
    ]);
    const [school] = first.records;
    expect(school!.source.cells.peArtsTeachers?.cell).toBe('A2');
    expect(Object.keys(school!.source.cells)).toContain('peArtsTeachers');
  });

  it('a 学部 column against its parts: the disagreement at that column’s cell; a billionth apart is rounding', () => {
    const head = [...HEAD, '小学部教学及辅助用房面积', '小学部教学用房面积', '小学部教学辅助用房面积'];
    const r = parse('学校', [head, [...S('一小'), 1000, 600, 300]]);
    expect(said(r, 'SUM_DISAGREES')).toEqual([
      ['E2', '此列为 1000，而同组分列之和为 900（600 + 300），两者不符；已用此列，请核对'],
    ]);
    const near = parse('学校', [
      [...HEAD, '教学及辅助用房面积', '教学用房面积', '教学辅助用房面积'],
      [...S('一小'), 0, 0.000000001, 0],
    ]);
    expect(said(near, 'SUM_DISAGREES')).toEqual([]);
  });
});
