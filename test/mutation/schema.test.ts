// The schema stage as a whole (src/schema/index.ts): which sheets are read, what a missing column or header says,
// a header row misread, progress, signatures. Each expectation written out from the rule and the catalogue's
// templates (issue 31: the survivors of the mutation run on src/schema). Sheets built in each test, read in process.
import { describe, expect, it } from 'vitest';
import type { ResourceField } from '../../src/engine/types';
import { WORDING_2017 } from '../../src/engine/wording-2017';
import { arraySheet, UnreadableFileError, type CellValue, type Sheet, type SourceFile } from '../../src/read/types';
import { parseSchools, type SchemaOptions } from '../../src/schema/index';

const t = (text: string): CellValue => ({ kind: 'text', text });
const n = (value: number): CellValue => ({ kind: 'number', value });
const cells = (row: (string | number | null)[]) =>
  row.map((v) => (v === null ? undefined : typeof v === 'number' ? n(v) : t(v)));
const sheetOf = (name: string, rows: (string | number | null)[][], hidden = false): Sheet =>
  arraySheet(name, rows.map(cells), [], hidden);
const source = (...sheets: Sheet[]): SourceFile => ({ path: 'test.xlsx', format: 'xlsx', sheets });
// A new wording object each time: the header passes and row marks are kept per wording object (WeakMaps), and a
// test must build its own under the mutant being tested.
const parse = (src: SourceFile, options: Partial<SchemaOptions> = {}) =>
  parseSchools(src, { requiredResources: [], wording: { ...WORDING_2017 }, ...options });
const brief = (r: ReturnType<typeof parse>) => r.issues.map((i) => [i.code, i.sheet, i.row, i.text]);

const HEAD = ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数'];
const school = (name: string, type = '小学', P: number | null = 300, J: number | null = null) => [name, type, P, J, 20];

describe('the sheets read', () => {
  it('one sheet: its schools, columns, header row and title', () => {
    const r = parse(source(sheetOf('学校', [['某县学校统计表（2024年）'], HEAD, school('一小'), school('二小')])));
    expect([r.sheet, r.sheets, r.headerRow, r.title]).toEqual(['学校', ['学校'], 2, '某县学校统计表（2024年）']);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '二小']);
    expect(r.columns.map((c) => c.header)).toEqual(HEAD);
    expect(r.issues).toEqual([]);
  });

  it('two sheets named by their 学段 are read as one table: a note naming each with its schools', () => {
    const r = parse(
      source(
        sheetOf('小学', [HEAD, school('一小'), school('二小')]),
        sheetOf('初中', [HEAD, school('一中', '初中', null, 400)]),
      ),
    );
    expect(r.sheets).toEqual(['小学', '初中']);
    expect(r.records.map((s) => s.name)).toEqual(['一小', '二小', '一中']);
    expect(r.columns.length).toBe(2 * HEAD.length);
    expect(brief(r)).toEqual([
      ['SHEETS_COMBINED', '小学', undefined, '学校数据来自 2 个工作表：“小学”2 所、“初中”1 所，合并计算'],
    ]);
  });

  it('two sheets with a 区县 column are one table too; without either, a warning to check', () => {
    const head = ['区县', ...HEAD];
    const both = parse(
      source(sheetOf('甲', [head, ['甲县', ...school('一小')]]), sheetOf('乙', [head, ['乙县', ...school('二小')]])),
    );
    expect(both.issues.map((i) => i.code)).toEqual(['SHEETS_COMBINED']);
    const one = parse(
      source(sheetOf('甲', [head, ['甲县', ...school('一小')]]), sheetOf('乙', [HEAD, school('二小')])),
    );
    expect(brief(one)).toEqual([
      [
        'SHEETS_COMBINED_CHECK',
        '甲',
        undefined,
        '学校数据来自 2 个工作表：“甲”1 所、“乙”1 所，已合并为一张表计算；如各表是不同的县，请加“区县”列；如是不同年份或副本，请用 --sheet 指定一个',
      ],
    ]);
    // One sheet named by a 学段 and one not: neither way holds for both.
    const level = parse(source(sheetOf('小学', [HEAD, school('一小')]), sheetOf('乙', [HEAD, school('二小')])));
    expect(level.issues.map((i) => i.code)).toEqual(['SHEETS_COMBINED_CHECK']);
  });

  it('a sheet holding half the same schools or more is another version; fewer, other schools read with it', () => {
    const main = sheetOf('本年', [HEAD, school('一小'), school('二小'), school('三小'), school('四小')]);
    const half = parse(
      source(main, sheetOf('去年', [HEAD, school('一小'), school('二 小'), school('五小'), school('六小')])),
    );
    expect(brief(half)).toEqual([
      [
        'SHEET_OTHER_VERSION',
        '去年',
        1,
        '此工作表的学校与“本年”大多相同（2/4 所），视为另一版本（往年或副本），未读取；如要检查它，请用 --sheet 指定',
      ],
    ]);
    expect(half.sheets).toEqual(['本年']);
    const fewer = parse(
      source(
        sheetOf('本年', [HEAD, school('一小'), school('二小'), school('三小'), school('四小')]),
        sheetOf('其他', [HEAD, school('一小'), school('五小'), school('六小')]),
      ),
    );
    expect(fewer.sheets).toEqual(['本年', '其他']);
    // The names of each sheet read join those a later sheet is compared with.
    const third = parse(
      source(
        sheetOf('本年', [HEAD, school('一小'), school('二小')]),
        sheetOf('其他', [HEAD, school('五小'), school('六小')]),
        sheetOf('副本', [HEAD, school('五小'), school('七小')]),
      ),
    );
    expect(third.sheets).toEqual(['本年', '其他']);
    expect(third.issues.map((i) => [i.code, i.sheet])).toEqual([
      ['SHEET_OTHER_VERSION', '副本'],
      ['SHEETS_COMBINED_CHECK', '本年'],
    ]);
  });

  it('schools of the same name in other counties are other schools', () => {
    const head = ['区县', ...HEAD];
    const r = parse(
      source(
        sheetOf('甲', [head, ['甲县', ...school('一小')], ['甲县', ...school('二小')]]),
        sheetOf('乙', [head, ['乙县', ...school('一小')], ['乙县', ...school('二小')]]),
      ),
    );
    expect(r.sheets).toEqual(['甲', '乙']);
  });

  it('a further sheet whose header has an error is not read, with the error; a hidden one is not read either', () => {
    const r = parse(
      source(
        sheetOf('学校', [HEAD, school('一小')]),
        sheetOf('旧表', [
          ['学校名称', '专任教师数', '办学性质'],
          ['二小', 20, '公办'],
        ]),
        sheetOf('草稿', [HEAD, school('三小')], true),
      ),
    );
    expect(brief(r)).toEqual([
      [
        'SHEET_NOT_READ',
        '旧表',
        1,
        `此工作表也有学校数据表头，但未读取：旧表 第1行：缺少必需的列“学校类型”（表头可写作：学校类型、${WORDING_2017.schoolHeaders.type!.join('、')}），用于确定学段`,
      ],
      [
        'SHEET_HIDDEN_NOT_READ',
        '草稿',
        1,
        '此工作表已隐藏，其中的学校未读取；如要读取，请取消隐藏，或用 --sheet “草稿” 单独检查',
      ],
    ]);
    expect(r.sheets).toEqual(['学校']);
  });

  it('the best header decides; the first sheet read names the table', () => {
    const r = parse(
      source(
        sheetOf('初中', [['初中学校'], ['学校名称', '学校类型', '初中在校生数'], ['一中', '初中', 400]]),
        sheetOf('小学', [['小学学校'], HEAD, school('一小')]),
      ),
    );
    expect([r.sheet, r.headerRow, r.title]).toEqual(['初中', 2, '初中学校']);
    // The best header's sheet has an error: nothing is read, and the result is that sheet's.
    const bad = parse(
      source(
        sheetOf('初中', [
          ['学校名称', '学校类型', '初中在校生数'],
          ['一中', '初中', 400],
        ]),
        sheetOf('乙表', [
          ['小学学校'],
          ['学校名称', '办学性质', '小学在校生数', '初中在校生数', '专任教师数'],
          ['一小', '公办', 1, 2, 3],
        ]),
      ),
    );
    expect([bad.sheet, bad.sheets, bad.headerRow, bad.title, bad.records, bad.signatures, bad.accounts]).toEqual([
      '乙表',
      ['乙表'],
      2,
      '小学学校',
      [],
      {},
      [],
    ]);
    expect(bad.columns.map((c) => c.field.id)).toEqual([
      'name',
      'ownership',
      'studentsPrimary',
      'studentsJunior',
      'teachers',
    ]);
    expect(bad.issues.map((i) => [i.code, i.sheet, i.row])).toEqual([['MISSING_COLUMN', '乙表', 2]]);
  });

  it('a further sheet with a warning in its header is read; one with no schools is no other version', () => {
    const r = parse(
      source(
        sheetOf('甲', [HEAD, school('一小')]),
        sheetOf('乙', [
          [...HEAD, '联系电话'],
          [...school('二小'), '123'],
        ]),
        sheetOf('丙', [HEAD]),
      ),
    );
    expect(r.sheets).toEqual(['甲', '乙', '丙']);
    expect(r.issues.map((i) => [i.code, i.sheet])).toEqual([
      ['COLUMN_IGNORED', '乙'],
      ['SHEETS_COMBINED_CHECK', '甲'],
    ]);
  });

  it('schools are told apart by their names, after a 区县 column too; a row without a name is none', () => {
    const head = ['区县', ...HEAD];
    const r = parse(
      source(
        sheetOf('甲', [head, ['甲县', ...school('一小')], ['甲县', ...school('二小')]]),
        sheetOf('乙', [head, ['甲县', ...school('三小')], ['甲县', ...school('四小')]]),
      ),
    );
    expect(r.sheets).toEqual(['甲', '乙']);
    // 一小 of two named schools: half the same, another version (the row without a name counts for nothing).
    const blank = parse(
      source(
        sheetOf('甲', [HEAD, school('一小'), school('二小')]),
        sheetOf('乙', [HEAD, school('一小'), school('五小'), [null, '小学', 300, null, 20]]),
      ),
    );
    expect(blank.sheets).toEqual(['甲']);
  });

  it('--sheet picks a sheet by its name, or its name trimmed; an unknown name lists the sheets', () => {
    const src = () => source(sheetOf('甲', [HEAD, school('一小')]), sheetOf(' 乙 ', [HEAD, school('二小')]));
    expect(parse(src(), { sheet: ' 乙 ' }).sheets).toEqual([' 乙 ']);
    expect(parse(src(), { sheet: '乙' }).sheets).toEqual([' 乙 ']);
    expect(parse(src(), { sheet: '乙  ' }).sheets).toEqual([' 乙 ']);
    // Its own name first, before another's trimmed.
    const both = () => source(sheetOf('乙', [HEAD, school('一小')]), sheetOf(' 乙 ', [HEAD, school('二小')]));
    expect(parse(both(), { sheet: ' 乙 ' }).sheets).toEqual([' 乙 ']);
    expect(parse(both(), { sheet: '乙' }).sheets).toEqual(['乙']);
    expect(parse(src(), { sheet: '甲' }).records.map((s) => s.name)).toEqual(['一小']);
    expect(() => parse(src(), { sheet: '丙' })).toThrow(UnreadableFileError);
    try {
      parse(src(), { sheet: '丙' });
    } catch (e) {
      expect((e as Error).message).toContain('找不到工作表“丙”；文件中的工作表：“甲”、“ 乙 ”');
    }
  });

  it('progress every 1 000 rows counts the rows of the sheets before', () => {
    const rows = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => school(`${prefix}${i + 1}校`));
    const seen: number[] = [];
    parse(source(sheetOf('小学', [HEAD, ...rows('甲', 1000)]), sheetOf('初中', [HEAD, ...rows('乙', 1000)])), {
      onRows: (k) => seen.push(k),
    });
    // The first sheet has 1 001 rows (its header and 1 000 schools).
    expect(seen).toEqual([1000, 2001]);
  });
});

describe('a missing column or header', () => {
  it('each missing column names what the header may say; parts summed stand for their field', () => {
    const wording = {
      ...WORDING_2017,
      schoolHeaders: {
        ...WORDING_2017.schoolHeaders,
        type: ['办学类别'],
        qualifiedTeachers: ['高学历教师'],
        peArtsTeachers: ['体艺教师（人）'],
      },
    };
    const required: ResourceField[] = ['qualifiedTeachers', 'peArtsTeachers', 'backboneTeachers', 'sportsSpace'];
    const r = parse(
      source(
        sheetOf('学校', [
          ['学校名称', '专任教师数', '县级骨干教师数', '体育运动场馆面积'],
          ['一小', 3, 1, 500],
        ]),
      ),
      { wording, requiredResources: required },
    );
    expect(r.issues.map((i) => [i.code, i.row, i.text])).toEqual([
      ['COLUMN_SUMMED', undefined, '表中没有“县级及以上骨干教师数”一列，按 “县级骨干教师数” 读取'],
      ['MISSING_COLUMN', 1, '缺少必需的列“学校类型”（表头可写作：学校类型、办学类别），用于确定学段'],
      ['MISSING_COLUMN', 1, '缺少必需的列“小学在校生数”或“初中在校生数”'],
      ['MISSING_COLUMN', 1, '缺少必需的列“高于规定学历教师数”（表头可写作：高于规定学历教师数、高学历教师）'],
      [
        'MISSING_COLUMN',
        1,
        '缺少必需的列“体育艺术专任教师数”（表头可写作：体育艺术专任教师数、体艺教师（人），或“体育专任教师数”“音乐专任教师数”“美术专任教师数”三列）',
      ],
    ]);
  });

  it('a 在校生数 column, or one level’s, is students enough; a sheet named by a 学段 needs no 学校类型', () => {
    const r = parse(
      source(
        sheetOf('小学', [
          ['学校名称', '在校生数', '专任教师数'],
          ['一小', 300, 20],
        ]),
      ),
    );
    expect(r.issues.filter((i) => i.code === 'MISSING_COLUMN')).toEqual([]);
    const j = parse(
      source(
        sheetOf('小学', [
          ['学校名称', '初中在校生数', '专任教师数'],
          ['一小', 300, 20],
        ]),
      ),
    );
    expect(j.issues.filter((i) => i.code === 'MISSING_COLUMN')).toEqual([]);
  });

  it('no header anywhere: the first sheet named; none at all: no sheet', () => {
    const r = parse(source(sheetOf('说明', [['本表说明'], ['一', '二']]), sheetOf('学校', [['甲', '乙']])));
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.text])).toEqual([
      [
        'HEADER_NOT_FOUND',
        '说明',
        undefined,
        '找不到学校数据表头：需要一行同时包含“学校名称”“学校类型”及在校生、资源配置等列',
      ],
    ]);
    expect([r.sheet, r.sheets, r.headerRow, r.title, r.columns, r.records, r.signatures, r.accounts]).toEqual([
      null,
      [],
      null,
      null,
      [],
      [],
      {},
      [],
    ]);
    expect(parse(source()).issues.map((i) => [i.code, i.sheet])).toEqual([['HEADER_NOT_FOUND', '']]);
  });

  it('a row most like a header: the fields it read and up to four columns it did not (序号 not among them)', () => {
    const r = parse(
      source(
        sheetOf('其他', [['学校类型', '办学性质', '备注']]),
        sheetOf('学校', [
          ['标题'],
          ['序号', '机构', '学校类型', '小学在校生数', '初中在校生数', '甲列', '乙列', '丙列', '丁列'],
          [1, '一小', '小学', 300, 300, 1, 2, 3, 4],
        ]),
      ),
    );
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.text])).toEqual([
      [
        'HEADER_NOT_FOUND',
        '学校',
        2,
        '找不到学校数据表头：需要一行同时包含“学校名称”“学校类型”及在校生、资源配置等列；此行最像表头（认出：学校类型、小学在校生数、初中在校生数），但没有“学校名称”列。未识别的列：“机构”（B2）、“甲列”（F2）、“乙列”（G2）、“丙列”（H2）——其中学校名称一列请改为“学校名称”，或在 --profile 的 wording.schoolHeaders.name 中加上它的写法',
      ],
    ]);
    const all = parse(
      source(
        sheetOf('学校', [
          ['学校类型', '小学在校生数'],
          ['小学', 300],
        ]),
      ),
    );
    expect(all.issues.map((i) => i.text)).toEqual([
      '找不到学校数据表头：需要一行同时包含“学校名称”“学校类型”及在校生、资源配置等列；此行最像表头（认出：学校类型、小学在校生数），但没有“学校名称”列',
    ]);
  });
});

describe('the rows below the header', () => {
  it('a row of words in the number columns is a header row misread: one error, its words once each, six at most', () => {
    const head = [
      '学校名称',
      '学校类型',
      '小学在校生数',
      '初中在校生数',
      '专任教师数',
      '班级数',
      '图书册数',
      '计算机台数',
      '音乐专用教室数',
    ];
    const r = parse(
      source(sheetOf('学校', [head, ['', '', '甲', '甲', '乙', '丙', '丁', '戊', '己2', '庚'], school('一小')])),
    );
    expect(brief(r)).toEqual([
      [
        'HEADER_ROW_MISREAD',
        '学校',
        2,
        '此行看起来是表头的一部分（“甲”、“乙”、“丙”、“丁”、“戊”），未能与上一行合成表头，未作为学校读取；请把表头写成一行（如“小学在校生数”“初中在校生数”），或上下两行用合并单元格',
      ],
    ]);
    expect(r.records).toEqual([]);
    const seven = parse(
      source(sheetOf('学校', [head, [' ', '', ' 甲 ', '乙', '丙', '丁', '戊', '己', '庚'], school('一小')])),
    );
    expect(seven.issues[0]!.text).toContain('（“甲”、“乙”、“丙”、“丁”、“戊”、“己”）');
  });

  it('no misread header row when the row has a number, a name, or no words in number columns', () => {
    const head = ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数'];
    const codes = (row: (string | number | null)[]) =>
      parse(source(sheetOf('学校', [head, row, school('一小')]))).issues.map((i) => i.code);
    expect(codes(['', '', '小学', '初中', 5])).not.toContain('HEADER_ROW_MISREAD');
    expect(codes(['二小', '', '小学', '初中', ''])).not.toContain('HEADER_ROW_MISREAD');
    // The name is the 学校名称 column's, wherever it stands.
    const countyFirst = parse(
      source(
        sheetOf('学校', [
          ['区县', ...head],
          ['', '二小', '', '小学', '初中', ''],
          ['甲县', ...school('一小')],
        ]),
      ),
    );
    expect(countyFirst.issues.map((i) => i.code)).not.toContain('HEADER_ROW_MISREAD');
    // A name of spaces is no name.
    expect(codes([' ', '', '小学', '初中', ''])).toContain('HEADER_ROW_MISREAD');
    expect(codes(['', '小学', '', '', ''])).not.toContain('HEADER_ROW_MISREAD');
    expect(codes(['', '', '', '', ' '])).not.toContain('HEADER_ROW_MISREAD');
    expect(codes(['', '', '１人', '', ''])).not.toContain('HEADER_ROW_MISREAD');
  });

  it('a field without wordings of its own is named by its label alone', () => {
    const headers = { ...WORDING_2017.schoolHeaders };
    delete headers.type;
    const r = parse(
      source(
        sheetOf('学校', [
          ['学校名称', '小学在校生数'],
          ['一小', 300],
        ]),
      ),
      {
        wording: { ...WORDING_2017, schoolHeaders: headers },
      },
    );
    expect(r.issues.map((i) => i.text)).toEqual(['缺少必需的列“学校类型”（表头可写作：学校类型），用于确定学段']);
  });

  it('no schools below the header: an error at the header row, unless an error is already said', () => {
    const r = parse(source(sheetOf('学校', [['标题'], HEAD])));
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.text])).toEqual([
      ['NO_SCHOOLS', '学校', 2, '表头下没有任何学校数据行'],
    ]);
    // A note is no error: no schools is said with it.
    const noted = parse(source(sheetOf('学校', [[...HEAD, '县级骨干教师数']])));
    expect(noted.issues.map((i) => i.code)).toEqual(['COLUMN_SUMMED', 'NO_SCHOOLS']);
    const broken = parse(source(sheetOf('学校', [HEAD, ['一小', '幼儿园', 300, null, 20]])));
    expect(broken.issues.map((i) => i.code)).not.toContain('NO_SCHOOLS');
  });

  it('the signatures above the table and in its note rows', () => {
    const r = parse(
      source(
        sheetOf('学校', [
          ['某县学校统计表', '填报单位：示例县教育局'],
          HEAD,
          school('一小'),
          ['填表人：王芳　　审核人：李强'],
        ]),
      ),
    );
    expect(r.signatures).toEqual({ unit: '示例县教育局', filler: '王芳', reviewer: '李强' });
    // The header row itself is not above the table.
    const inHeader = parse(source(sheetOf('学校', [[...HEAD, '填表日期：3月'], school('一小')])));
    expect(inHeader.signatures).toEqual({});
  });
});
