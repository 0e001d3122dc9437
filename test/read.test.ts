import { describe, expect, it } from 'vitest';
import { YOUZHI_2017 } from '../src/engine/profile';
import { readSource } from '../src/read/index';
import { signaturesIn } from '../src/schema/signatures';
import { isMisread } from '../src/issues/catalogue';
import { check, county, csvFile, HEADER, workbook, type Cell } from './helpers/files';

const codes = (r: Awaited<ReturnType<typeof check>>) => r.issues.map((i) => i.code);
const toCsv = (rows: unknown[][]) =>
  rows.map((r) => r.map((v) => (v === null ? '' : String(v as string | number))).join(',')).join('\n');
const valueOf = (r: Awaited<ReturnType<typeof check>>, school: string, id: string) =>
  r.counties[0]!.levels.flatMap((l) => l.sections).find((s) => s.section.school.name === school)!.values[id];

describe('finding the header', () => {
  it('finds a header below merged title rows', async () => {
    const path = await workbook({
      学校数据: {
        rows: [['某某县义务教育学校办学条件统计表（2024年）'], ['填报单位：某某县教育局'], ...county()],
        merges: ['A1:K1', 'A2:K2'],
      },
    });
    const r = await check(path);
    expect(r.input.headerRow).toBe(3);
    expect(r.input.schoolRows).toBe(6);
    expect(r.issueCounts.error).toBe(0);
  });

  it('a per-student column (生均…, 每百名学生拥有…) is never read as the total, before or after it', async () => {
    // Found with a county export: 生均教学及辅助用房面积 before the total was read as the total (4.5 ㎡ for a school).
    const header = [
      '学校名称',
      '学校类型',
      '小学在校生数',
      '初中在校生数',
      '高于规定学历教师数',
      '县级及以上骨干教师数',
      '体育艺术专任教师数',
      '生均教学及辅助用房面积（㎡）',
      '教学及辅助用房面积（㎡）',
      '体育运动场馆面积',
      '教学仪器设备资产值',
      '每百名学生拥有网络多媒体教室数',
      '网络多媒体教室数',
    ];
    const rows = [
      header,
      ...county()
        .slice(1)
        .map((row) => [...row.slice(0, 7), 4.5, row[7], row[8], row[9], 2.5, row[10]]),
    ];
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(valueOf(r, '一小', 'teaching_space')).toBeCloseTo(5, 12);
    expect(r.issues.filter((i) => i.code === 'PER_STUDENT_COLUMN').map((i) => i.cell)).toEqual(['H1', 'L1']);
    // Only the per-student figure: no total is made of it.
    const only = rows.map((row) => row.filter((_, c) => c !== 8));
    const missing = await check(await workbook({ 学校数据: only }));
    expect(missing.issues.find((i) => i.code === 'MISSING_COLUMN')?.message).toContain('教学及辅助用房面积');
    expect(codes(missing)).toContain('PER_STUDENT_COLUMN_NO_TOTAL');
  });

  it('reads 学校类型, 举办者 and 城乡分类 as a statistics export writes them: a code before the name, the 城乡 codes and names, 教育部门', async () => {
    const header = [...HEADER, '举办者', '城乡分类'];
    const [, ...rows] = county();
    const types = ['211小学', '211小学', '211 小学', '218小学教学点', '311初级中学', '312-九年一贯制学校'];
    const ownership = ['教育部门', '地方企业', '集体', '民办', '教育部门', '民办学校'];
    const urbanRural = ['111主城区', '112城乡结合区', '镇中心区', '220', 121, '210乡中心区'];
    const written = rows.map((row, i) => [row[0], types[i], ...row.slice(2), ownership[i], urbanRural[i]]);
    // The 九年一贯制 school needs both levels' students.
    written[5]![2] = 300;
    const r = await check(await workbook({ 学校数据: [header, ...written] }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const schools = r.counties[0]!.levels.flatMap((l) => l.sections).map((s) => s.section.school);
    const of = (name: string) => schools.find((s) => s.name === name)!;
    expect(of('一小').type).toBe('小学');
    expect(of('二中').type).toBe('九年一贯制');
    expect([
      of('一小').ownership,
      of('二小').ownership,
      of('三小').ownership,
      of('一中').ownership,
      of('二中').ownership,
    ]).toEqual(['公办', '公办', '公办', '公办', '民办']);
    expect([
      of('一小').urbanRural,
      of('二小').urbanRural,
      of('三小').urbanRural,
      of('一中').urbanRural,
      of('二中').urbanRural,
    ]).toEqual(['城区', '城区', '镇区', '镇区', '乡村']);
    const coded = r.issues.filter((i) => i.code === 'VALUE_CODE_IGNORED');
    expect(coded.map((i) => [i.cell, i.message.match(/共 (\d+) 格/)?.[1]])).toEqual([
      ['B2', '6'],
      ['M2', '3'],
    ]);
    // A code before a word that is no school type is still an error at its cell.
    written[0]![1] = '211小';
    const bad = await check(await workbook({ 学校数据: [header, ...written] }));
    expect(bad.issues.find((i) => i.code === 'UNKNOWN_SCHOOL_TYPE')?.cell).toBe('B2');
  });

  it('a 学校类型 no word is, ending with one (乡镇中心小学, 城关初级中学, 村教学点), is read by its ending, said once; 九年制 is a word', async () => {
    const [head, ...rows] = county();
    const types = ['乡镇中心小学', '民族小学', '乡中心校', '河口村小', '城关初级中学', '九年制学校'];
    const written = rows.map((row, i) => [row[0], types[i], ...row.slice(2)]);
    written[5]![2] = 300;
    const r = await check(await workbook({ 学校数据: [head!, ...written] }));
    expect(r.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        'VALUE_READ_BY_ENDING',
        'B2',
        '学校数据!B2［学校类型］：取值不在可用值中（如“乡镇中心小学”），按其末尾的“中心小学”读作“小学”；本列共 5 格如此',
      ],
    ]);
    const schools = r.counties[0]!.levels.flatMap((l) => l.sections).map((s) => s.section.school);
    expect(rows.map((row) => schools.find((s) => s.name === row[0])!.type)).toEqual([
      '小学',
      '小学',
      '小学',
      '小学',
      '初中',
      '九年一贯制',
    ]);
    // An ending that is no type (附属中学: 初中 or 完全中学?) is still an error at its cell.
    written[4]![1] = '附属中学';
    expect(
      (await check(await workbook({ 学校数据: [head!, ...written] }))).issues.find(
        (i) => i.code === 'UNKNOWN_SCHOOL_TYPE',
      )?.cell,
    ).toBe('B6');
  });

  it('a number with its unit in the cell (110万 in a 元 column) is read in that unit; a unit of another kind is an error at its cell', async () => {
    // Found with a county table typed by hand: “110万” in 教学仪器设备值（元） was NOT_A_NUMBER, and “4900元” in an
    // area column was read as 4900 ㎡, its unit dropped.
    const [head, ...rows] = county();
    const written = rows.map((row) => [...row]);
    written[0]![9] = '220万'; // 一小: 2 200 000 元, as plain
    written[1]![9] = '176万元'; // 二小: 1 760 000 元
    written[2]![7] = '3000平方米'; // 三小: its own unit, as plain
    written[3]![9] = '1,100千元'; // 四小: 1 100 000 元
    const r = await check(await workbook({ 学校数据: [head!, ...written] }));
    const plain = await check(await workbook({ 学校数据: county() }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    expect(r.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ['UNIT_IN_CELL', 'J2', '学校数据!J2［一小 · 教学仪器设备资产值］：“220万”带单位，按 2200000 元 读取'],
      ['UNIT_IN_CELL', 'J3', '学校数据!J3［二小 · 教学仪器设备资产值］：“176万元”带单位，按 1760000 元 读取'],
      ['TEXT_NUMBER', 'H4', '学校数据!H4［三小 · 教学及辅助用房面积］：文本“3000平方米”按数字 3000 读取'],
      ['UNIT_IN_CELL', 'J5', '学校数据!J5［四小 · 教学仪器设备资产值］：“1,100千元”带单位，按 1100000 元 读取'],
    ]);
    // Under a 万元 header, 110万 is 110 万元 (the cell's 万 is the header's), not 110 万万元.
    const wan = [
      [...head!.slice(0, 9), '教学仪器设备资产值（万元）', head![10]],
      ...rows.map((row, i) => [...row.slice(0, 9), i === 0 ? '220万' : (row[9] as number) / 10000, row[10]]),
    ];
    const inWan = await check(await workbook({ 学校数据: wan }));
    expect(inWan.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    expect(inWan.issues.find((i) => i.cell === 'J2')?.code).toBe('TEXT_NUMBER');
    // A unit of another kind of column is not dropped: an error at the cell. A count takes no 万 either.
    written[0]![9] = '4900平方米';
    written[1]![7] = '4000元';
    written[2]![2] = '1.2万';
    const bad = await check(await workbook({ 学校数据: [head!, ...written] }));
    expect(bad.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.cell])).toEqual([
      ['UNIT_NOT_OF_COLUMN', 'J2'],
      ['UNIT_NOT_OF_COLUMN', 'H3'],
      ['UNIT_NOT_OF_COLUMN', 'C4'],
    ]);
    expect(bad.issues.find((i) => i.cell === 'J2')?.message).toBe(
      '学校数据!J2［一小 · 教学仪器设备资产值］：“4900平方米”写的单位“平方米”不是此列的单位（此列可写：万元、千元、元、万）',
    );
  });

  it('小学校, 九年一贯 and 体育场地面积 as counties write them', async () => {
    // Found with a county table: UNKNOWN_SCHOOL_TYPE on 小学校 and 九年一贯, and 体育场地面积 ignored (MISSING_COLUMN).
    const [head, ...rows] = county();
    const written = rows.map((row, i) => [
      row[0],
      ['小学校', '小学', '小学', '小学', '初中校', '九年一贯'][i],
      ...row.slice(2),
    ]);
    written[5]![2] = 300;
    const header = head!.map((h) => (h === '体育运动场馆面积' ? '体育场地面积（㎡）' : h));
    const r = await check(await workbook({ 学校数据: [header, ...written] }));
    expect(r.issues).toEqual([]);
    const schools = r.counties[0]!.levels.flatMap((l) => l.sections).map((s) => s.section.school);
    expect(rows.map((row) => schools.find((s) => s.name === row[0])!.type)).toEqual([
      '小学',
      '小学',
      '小学',
      '小学',
      '初中',
      '九年一贯制',
    ]);
  });

  it('艺体 / 体音美 teachers, 体育用地面积 and 教学设备资产值 are read as their columns', async () => {
    // Found by trying headers in counties' words: each was COLUMN_IGNORED and the field MISSING_COLUMN.
    const plain = await check(await workbook({ 学校数据: county() }));
    for (const [field, header] of [
      ['体育艺术专任教师数', '艺体教师数'],
      ['体育艺术专任教师数', '体音美专任教师数'],
      ['体育艺术专任教师数', '体育音乐美术教师数'],
      ['体育运动场馆面积', '体育用地面积'],
      ['教学仪器设备资产值', '教学设备资产值'],
    ]) {
      const rows = county().map((row, i) => (i === 0 ? row.map((h) => (h === field ? header : h)) : row));
      const r = await check(await workbook({ 学校数据: rows }));
      expect([header, r.issues]).toEqual([header, []]);
      expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    }
  });

  it('a value with a remark in brackets (城区（主城区）, 公办（教育部门）, 小学（完全小学）) is the word before them, said once per column', async () => {
    // Found with a county's cells as its staff annotate them: INVALID_VALUE / UNKNOWN_SCHOOL_TYPE on each, no report.
    const header = [...HEADER, '办学性质', '城乡分类'];
    const [, ...rows] = county();
    const types = ['小学（完全小学）', '完全小学（含幼儿园）', '小学', '小学', '初中（独立初中）', '初中'];
    const ownership = ['公办（教育部门）', '公办', '民营', '公办', '公办', '民办'];
    const urbanRural = ['城区（主城区）', '镇区（镇中心区）', '乡', '村', '城区', '乡村'];
    const written = rows.map((row, i) => [row[0], types[i], ...row.slice(2), ownership[i], urbanRural[i]]);
    const r = await check(await workbook({ 学校数据: [header, ...written] }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const schools = r.counties[0]!.levels.flatMap((l) => l.sections).map((s) => s.section.school);
    const of = (name: string) => schools.find((s) => s.name === name)!;
    expect(
      rows.map((row) => [of(row[0] as string).type, of(row[0] as string).ownership, of(row[0] as string).urbanRural]),
    ).toEqual([
      ['小学', '公办', '城区'],
      ['小学', '公办', '镇区'],
      ['小学', '民办', '乡村'],
      ['小学', '公办', '乡村'],
      ['初中', '公办', '城区'],
      ['初中', '民办', '乡村'],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.message.match(/共 (\d+) 格/)?.[1]])).toEqual([
      ['VALUE_REMARK_IGNORED', 'B2', '3'],
      ['VALUE_REMARK_IGNORED', 'L2', '1'],
      ['VALUE_REMARK_IGNORED', 'M2', '2'],
    ]);
    // Brackets around the whole value, or a word before them that is no value, are still an error at the cell.
    written[0]![1] = '（小学）';
    written[1]![1] = '完小部（小学）';
    const bad = await check(await workbook({ 学校数据: [header, ...written] }));
    expect(bad.issues.filter((i) => i.code === 'UNKNOWN_SCHOOL_TYPE').map((i) => i.cell)).toEqual(['B2', 'B3']);
  });

  it('a 全县 row first below the header and 其中：小学 / 其中：初中 breakdowns are totals, not schools', async () => {
    // Found with a table in the statistics' order: the county's own row 全县 and the 其中 rows were read as schools
    // without a 学校类型 (MISSING_VALUE on each, no report).
    const [head, ...rows] = county();
    const written: Cell[][] = [
      head!,
      ['全县', null, 2900, 2100],
      ['其中：小学', null, 2900],
      ...rows.slice(0, 4),
      ['其中:初中', null, null, 2100],
      ...rows.slice(4),
    ];
    const r = await check(await workbook({ 学校数据: written }));
    const plain = await check(await workbook({ 学校数据: county() }));
    expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['ROW_SKIPPED_TOTAL', 2],
      ['ROW_SKIPPED_TOTAL', 3],
      ['ROW_SKIPPED_TOTAL', 8],
    ]);
    // Only the whole text is a total: a school named 全县… is a school.
    written[1] = ['全县实验学校', '小学', 300, null, 15, 4, 3, 1500, 2400, 660000, 8];
    const school = await check(await workbook({ 学校数据: written }));
    expect(school.input.schoolRows).toBe(7);
  });

  it('one 学校标识码 on two rows (a school’s two campuses) is computed as two schools, and said once per repeat; a placeholder code is none', async () => {
    // Found with 城关一小（东校区） and （西校区） under one code: two schools with no word.
    const codes = ['学校标识码', '3612340001', '3612340001', '/', '/', '3612340005', '3612340006'];
    const rows = county().map((r, i) => [codes[i]!, ...r]);
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.input.schoolRows).toBe(6);
    expect(r.issues.map((i) => [i.code, i.cell, i.school])).toEqual([['DUPLICATE_SCHOOL_CODE', 'A3', '二小']]);
  });

  it('the statistics’ order 毕业生数 | 招生数 | 在校生数: the students are the 在校生数, the other counts said and not used', async () => {
    // Found with a county export: 小学毕业生数 (before 小学在校生数) was read by keywords as the students, the
    // 在校生数 column itself ignored as its duplicate — 在校生 485 for 2 970, and the level judged 达标.
    const header = [
      '学校名称',
      '学校类型',
      '小学毕业生数',
      '小学招生数',
      '小学在校生数',
      '初中毕业生数',
      '初中招生数',
      '初中在校生数',
      '小学寄宿生数',
      ...HEADER.slice(4),
    ];
    const [, ...rows] = county();
    const written = rows.map((row) => [row[0], row[1], 11, 12, row[2], 13, 14, row[3], 15, ...row.slice(4)]);
    const r = await check(await workbook({ 学校数据: [header, ...written] }));
    const plain = await check(await workbook({ 学校数据: county() }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    expect(r.issues.filter((i) => i.code === 'COLUMN_NOT_USED').map((i) => i.cell)).toEqual([
      'C1',
      'D1',
      'F1',
      'G1',
      'I1',
    ]);
    // The same under 小学 | 初中 parents (a two-row header): 小学 over 在校生数 is 小学在校生数, not the 在校生数 of a one-level school.
    const top = ['学校名称', '学校类型', '小学', null, null, '初中', null, null, ...header.slice(8)];
    const parts = [
      null,
      null,
      '毕业生数',
      '招生数',
      '在校生数',
      '毕业生数',
      '招生数',
      '在校生数',
      ...header.slice(8).map(() => null),
    ];
    const merges = [
      'C1:E1',
      'F1:H1',
      ...['A', 'B', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'].map((c) => `${c}1:${c}2`),
    ];
    const two = await check(await workbook({ 学校数据: { rows: [top, parts, ...written], merges } }));
    expect(two.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(two.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    expect(two.issues.filter((i) => i.code === 'COLUMN_NOT_USED').map((i) => i.cell)).toEqual([
      'C1',
      'D1',
      'F1',
      'G1',
      'I1',
    ]);
    // A column read by keywords only gives way to one named in the field's own wording, wherever that stands.
    const loose = [
      ['学校名称', '学校类型', '小学学生情况', ...HEADER.slice(2)],
      ...rows.map((row) => [row[0], row[1], 7, ...row.slice(2)]),
    ];
    const named = await check(await workbook({ 学校数据: loose }));
    expect(named.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    const dup = named.issues.find((i) => i.code === 'DUPLICATE_COLUMN_NAMED')!;
    expect([dup.cell, dup.message]).toEqual([
      'C1',
      expect.stringContaining('D1 列的“小学在校生数”才是此项，已使用后者'),
    ]);
  });

  it('县级及以上骨干 given by level (县级 | 市级 | 省级, one row or under a parent): the levels added up, said', async () => {
    // Found with a county table of 省级 | 市级 | 县级骨干教师数: the 省级 column was read as 县级及以上, the others ignored as its duplicates.
    const [, ...rows] = county();
    const split = (n: number) => [Math.floor(n / 4), Math.floor(n / 4), n - 2 * Math.floor(n / 4)];
    const plain = await check(await workbook({ 学校数据: county() }));
    const one = [
      [...HEADER.slice(0, 5), '省级骨干教师数', '市级骨干教师数', '县级骨干教师数', ...HEADER.slice(6)],
      ...rows.map((r) => [...r.slice(0, 5), ...split(r[5] as number), ...r.slice(6)]),
    ];
    const r = await check(await workbook({ 学校数据: one }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    expect(r.issues.find((i) => i.code === 'COLUMN_SUMMED')?.message).toContain(
      '按 “县级骨干教师数”、“市级骨干教师数”、“省级骨干教师数” 各列相加',
    );
    // Under a merged parent: 县级及以上骨干教师 over 省级 | 市级 | 县级.
    const top = [...HEADER.slice(0, 5), '县级及以上骨干教师', null, null, ...HEADER.slice(6)];
    const bottom = top.map((_, c) => (c === 5 ? '省级' : c === 6 ? '市级' : c === 7 ? '县级' : null));
    const merges = ['F1:H1', ...'ABCDEIJKLM'.split('').map((c) => `${c}1:${c}2`)];
    const two = await check(await workbook({ 学校数据: { rows: [top, bottom, ...one.slice(1)], merges } }));
    expect(two.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(two.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
    // Without 县级 the levels are not 县级及以上: the column is missing, with how to give it.
    const higher = one.map((row) => row.filter((_, c) => c !== 7));
    const missing = await check(await workbook({ 学校数据: higher }));
    expect(missing.issues.find((i) => i.code === 'MISSING_COLUMN')?.message).toContain(
      '或“县级骨干教师数”与市级、省级、国家级骨干教师数各列（相加）',
    );
  });

  it('a header written without its closing 数 is the same column (专任教师（人）, 小学在校生, 网络多媒体教室（间）)', async () => {
    const [, ...rows] = county();
    const header = HEADER.map((h) => (h.endsWith('数') ? h.slice(0, -1) : h)).map((h) =>
      h === '网络多媒体教室' ? '网络多媒体教室（间）' : h,
    );
    // 专任教师（人） has no keyword set: only its wording 专任教师数 reads it.
    const written = rows.map((row, i) => [...row, i === 0 ? 5000 : 10]);
    const r = await check(await workbook({ 学校数据: [[...header, '专任教师（人）'], ...written] }));
    const plain = await check(await workbook({ 学校数据: county() }));
    expect(r.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.cell])).toEqual([
      ['TEACHERS_EXCEED_STUDENTS', 'L2'],
    ]);
    expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(plain.counties[0]!.levels.map((l) => l.result));
  });

  it('reads a two-row header with merged parent cells', async () => {
    const top = [
      '学校名称',
      '学校类型',
      '在校生数',
      '在校生数',
      '高于规定学历教师数',
      '县级及以上骨干教师数',
      '体育艺术专任教师数',
      '教学及辅助用房面积',
      '体育运动场馆面积',
      '教学仪器设备资产值',
      '网络多媒体教室数',
    ];
    const bottom = [null, null, '小学', '初中', null, null, null, null, null, null, null];
    const rows = [top, bottom, ...county().slice(1)];
    const merges = ['C1:D1', ...['A', 'B', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((c) => `${c}1:${c}2`)];
    const r = await check(await workbook({ 学校数据: { rows, merges } }));
    expect(r.issueCounts.error).toBe(0);
    expect(r.input.headerRow).toBe(2);
    expect(r.counties[0]!.levels.map((l) => l.result.students)).toEqual([2900, 2100]);
  });

  it('reads a unit row below the header and converts 万元', async () => {
    const units = ['', '', '人', '人', '人', '人', '人', '㎡', '㎡', '万元', '间'];
    const rows = county().map((r, i) =>
      i === 0 ? r : r.map((v, c) => (c === 9 && typeof v === 'number' ? v / 10000 : v)),
    );
    const r = await check(await workbook({ 学校数据: [rows[0]!, units, ...rows.slice(1)] }));
    expect(r.issueCounts.error).toBe(0);
    expect(valueOf(r, '一小', 'equipment_value')).toBeCloseTo(2200, 9);
    expect(codes(r)).toContain('UNIT_CONVERTED');
  });

  it('honours a unit in header brackets: （万元） means × 10 000', async () => {
    const rows = county().map((r, i) =>
      i === 0
        ? r.map((h) => (h === '教学仪器设备资产值' ? '教学仪器设备资产值（万元）' : h))
        : r.map((v, c) => (c === 9 && typeof v === 'number' ? v / 10000 : v)),
    );
    const r = await check(await workbook({ 学校数据: rows }));
    expect(valueOf(r, '一小', 'equipment_value')).toBeCloseTo(2200, 9);
    const note = r.issues.find((i) => i.code === 'UNIT_CONVERTED')!;
    expect(note.cell).toBe('J1');
  });

  it('a unit note above the table (金额单位：万元; 单位：人、平方米、万元) is the unit of the columns of its kind that name none', async () => {
    const inWan = county().map((r, i) =>
      i === 0 ? r : r.map((v, c) => (c === 9 && typeof v === 'number' ? v / 10000 : v)),
    );
    for (const note of ['金额单位：万元', '单位：人、平方米、万元']) {
      const r = await check(
        await workbook({ 学校数据: [['松林县学校办学条件统计表'], ['填报单位：松林县教育局', null, note], ...inWan] }),
      );
      expect(valueOf(r, '一小', 'equipment_value')).toBeCloseTo(2200, 9);
      expect(r.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
        [
          'UNIT_FROM_NOTE',
          'J3',
          `学校数据!J3［教学仪器设备资产值］：表头未写单位，按表上方 C2“${note}”：此列数值 × 10000 换算为元`,
        ],
      ]);
    }
    // A column's own unit wins over the note; a 单位 that is no unit (填报单位：元江县教育局) gives none.
    const own = inWan.map((r, i) =>
      i === 0 ? r.map((h) => (h === '教学仪器设备资产值' ? '教学仪器设备资产值（万元）' : h)) : r,
    );
    const r = await check(await workbook({ 学校数据: [['填报单位：元江县教育局', null, '金额单位：元'], ...own] }));
    expect(valueOf(r, '一小', 'equipment_value')).toBeCloseTo(2200, 9);
    expect(r.issues.map((i) => i.code)).toEqual(['UNIT_CONVERTED']);
    const plain = await check(await workbook({ 学校数据: [['填报单位：元江县教育局'], ...county()] }));
    expect(plain.issues).toEqual([]);
  });

  it('matches headers after normalising full-width characters, spaces and line breaks', async () => {
    const header = HEADER.map((h, i) => (i === 0 ? ' 学校\n名称 ' : i === 7 ? '教学及辅助用房面积（ｍ２）' : h));
    const r = await check(await workbook({ 学校数据: [header, ...county().slice(1)] }));
    expect(r.issueCounts.error).toBe(0);
    expect(r.input.schoolRows).toBe(6);
  });

  it('accepts aliases and English ids as headers', async () => {
    const header = [
      '校名',
      '办学类型',
      '小学生数',
      '初中生数',
      'qualifiedTeachers',
      '骨干教师数',
      '音体美专任教师数',
      '教学及辅助用房面积',
      '运动场馆面积',
      '仪器设备值',
      '多媒体教室数',
    ];
    const r = await check(await workbook({ 学校数据: [header, ...county().slice(1)] }));
    expect(r.issueCounts.error).toBe(0);
  });

  it.each(['学校名称', '学校', '校名', '单位名称', '学校（单位）名称', '学校单位名称'])(
    'reads a school-name column headed %s (the profile wording’s aliases)',
    async (name) => {
      const [header, ...schools] = county();
      const r = await check(await workbook({ 学校数据: [[name, ...header!.slice(1)], ...schools] }));
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.counties[0]!.schools.map((s) => s.school.name)).toEqual(schools.map((row) => row[0]));
    },
  );

  it('sums 体育 + 音乐 + 美术 when there is no 体育艺术 column', async () => {
    const header = [...HEADER.slice(0, 6), '体育专任教师数', '音乐专任教师数', '美术专任教师数', ...HEADER.slice(7)];
    const rows = [
      header,
      ['一小', '小学', 1000, null, 50, 12, 4, 3, 3, 5000, 8000, 2200000, 25],
      ['二小', '小学', 1000, null, 50, 12, 5, 3, 3, 5000, 8000, 2200000, 25],
    ];
    const r = await check(await workbook({ 学校数据: rows }));
    expect(valueOf(r, '一小', 'pe_arts_teachers')).toBeCloseTo(1.0, 12);
    expect(valueOf(r, '二小', 'pe_arts_teachers')).toBeCloseTo(1.1, 12);
  });
});

describe('placeholders read as blank', () => {
  it('a “—” or “/” where a number is needed is blank, and the missing value names what the cell holds', async () => {
    const rows = county();
    rows[3]![HEADER.indexOf('教学及辅助用房面积')] = '—';
    rows[4]![HEADER.indexOf('小学在校生数')] = ' / ';
    rows[5]![HEADER.indexOf('网络多媒体教室数')] = null;
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.map((i) => [i.code, i.cell, i.message.replace(/^.*］：/, '')])).toEqual([
      ['MISSING_VALUE', 'C5', '此项为空，无法计算（此格写的是“/”，按未填读取）'],
      ['MISSING_VALUE', 'H4', '此项为空，无法计算（此格写的是“—”，按未填读取；如确无，请填 0）'],
      ['MISSING_VALUE', 'K6', '此项为空，无法计算（如确无，请填 0）'],
    ]);
  });
});

describe('rows that are not schools', () => {
  it('skips 合计 / 总计 / 小计 rows, blank rows and notes below the table, and says so', async () => {
    const rows = [
      ...county(),
      ['小 计', null, 2900],
      [],
      ['全县合计', null, 5000],
      ['填表人：张三　　审核人：李四'],
      ['说明：数据截至2024年9月'],
    ];
    rows.splice(1, 0, ['甲', '乙', 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issueCounts.error).toBe(0);
    expect(r.input.schoolRows).toBe(6);
    expect(codes(r).filter((c) => c === 'ROW_SKIPPED_TOTAL')).toHaveLength(2);
    expect(codes(r).filter((c) => c === 'ROW_SKIPPED_NOTE')).toHaveLength(3);
    expect(r.issues.find((i) => i.code === 'ROW_SKIPPED_TOTAL')!.row).toBe(9);
  });

  it('who signed the table (填报单位 above it, 填表人 / 审核人 / 日期 in a note row below) is carried to the report; a label left blank gives nothing', async () => {
    const rows = [
      ['某某县义务教育学校办学条件统计表'],
      ['填报单位：某某县教育局　　　统计时点：2024年9月'],
      ...county(),
      ['填表人：张 三　　审核人：', null, '填报日期：2024年10月8日。'],
    ];
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.input.signatures).toEqual({ unit: '某某县教育局', filler: '张 三', date: '2024年10月8日' });
    expect((await check(await workbook({ 学校数据: county() }))).input.signatures).toBeUndefined();
    // Only the labels the profile names (wording.schoolRows.signatures): a longer one is not read as a shorter one inside it.
    expect(signaturesIn(['制表日期：3月5日 制表人：赵六'], YOUZHI_2017.wording.schoolRows.signatures)).toEqual({
      date: '3月5日',
      filler: '赵六',
    });
  });

  it('one sheet in two parts (一、小学 … 二、初中, the header written again): headings and the repeated header skipped, every school read', async () => {
    const [head, ...schools] = county();
    const primaries = schools.filter((r) => r[1] === '小学');
    const juniors = schools.filter((r) => r[1] === '初中');
    const rows = [['一、小学'], head!, ...primaries, [], ['（二）初中学校'], head!, ...juniors, ['初中部分']];
    const r = await check(await workbook({ 学校数据: rows }));
    const whole = await check(await workbook({ 学校数据: county() }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'ROW_SKIPPED_SECTION').map((i) => [i.row, i.message])).toEqual([
      [primaries.length + 4, `学校数据 第${primaries.length + 4}行：分段标题行“（二）初中学校”已跳过`],
      [rows.length, `学校数据 第${rows.length}行：分段标题行“初中部分”已跳过`],
    ]);
    expect(r.issues.find((i) => i.code === 'ROW_SKIPPED_HEADER')!.row).toBe(primaries.length + 5);
    expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(whole.counties[0]!.levels.map((l) => l.result));
  });

  it('a school whose row holds only its name is still an error, not a heading (第二初中, 三小)', async () => {
    const rows = [...county(), ['第二初中'], ['三、小学 城关镇']];
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.filter((i) => i.code === 'MISSING_VALUE').map((i) => i.school)).toEqual(['第二初中']);
    expect(codes(r)).toContain('ROW_SKIPPED_SECTION');
  });
});

describe('cell values', () => {
  it('reads numbers typed as text and notes each cell', async () => {
    const rows = county();
    rows[1]![2] = '1,000';
    rows[2]![4] = '４０';
    rows[3]![6] = '6人';
    rows[4]![7] = ' 2500 ';
    rows[1]![8] = '8000㎡';
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issueCounts.error).toBe(0);
    const notes = r.issues.filter((i) => i.code === 'TEXT_NUMBER');
    expect(notes.map((n) => n.cell)).toEqual(['C2', 'I2', 'E3', 'G4', 'H5']);
    expect(valueOf(r, '二小', 'qualified_teachers')).toBeCloseTo(5, 12);
  });

  it('uses the cached value of a formula', async () => {
    const rows = county();
    rows[1]![7] = { formula: '2000+3000', result: 5000 };
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issueCounts.error).toBe(0);
    expect(valueOf(r, '一小', 'teaching_space')).toBeCloseTo(5, 12);
  });

  it('an Excel error value (also as a formula result) is an error at its cell', async () => {
    const rows = county();
    rows[1]![7] = { formula: '1/0', result: { error: '#DIV/0!' } };
    rows[2]![8] = { error: '#REF!' };
    const r = await check(await workbook({ 学校数据: rows }));
    const errs = r.issues.filter((i) => i.code === 'EXCEL_ERROR');
    expect(errs.map((e) => [e.cell, e.school])).toEqual([
      ['H2', '一小'],
      ['I3', '二小'],
    ]);
    expect(errs[0]!.message).toContain('#DIV/0!');
  });

  it('an error value in a text column (#N/A in 学校名称) is said as that error at its cell, not 此项为空', async () => {
    // Found with a county table whose names came from a VLOOKUP: #N/A in a name cell was reported as 学校名称必填.
    const rows = county().map((r, i) => [i === 0 ? '区县' : '东城区', ...r]);
    rows[2]![1] = { error: '#N/A' };
    rows[3]![2] = { formula: 'VLOOKUP(A4,其他表!A:B,2,0)', result: { error: '#N/A' } };
    rows[4]![0] = { error: '#REF!' };
    rows[5]![0] = null; // below the error: still 东城区, filled down
    const r = await check(await workbook({ 学校数据: rows }));
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.code, e.cell])).toEqual([
      ['EXCEL_ERROR', 'B3'],
      ['EXCEL_ERROR', 'C4'],
      ['EXCEL_ERROR', 'A5'],
    ]);
    expect(errors[0]!.message).toBe('学校数据!B3［东城区 · 学校名称］：单元格是 Excel 错误值 #N/A');
    expect(errors[1]!.message).toContain('［东城区 · 三小 · 学校类型］：单元格是 Excel 错误值 #N/A');
    expect(r.issues.map((i) => i.code)).not.toContain('MISSING_VALUE');
  });

  it('a formula without a cached value that is no arithmetic of its own sheet is an error saying why, not a zero', async () => {
    const rows = county();
    rows[1]![7] = { formula: 'IF(B2="小学",5000,6000)' };
    rows[2]![8] = { formula: '其他表!B2*2' };
    const r = await check(await workbook({ 学校数据: rows }));
    const errors = r.issues.filter((i) => i.code === 'FORMULA_NO_RESULT');
    expect(errors.map((e) => e.cell)).toEqual(['H2', 'I3']);
    expect(errors[0]!.message).toContain('含不能计算的部分');
    expect(errors[1]!.message).toContain('引用了其他工作表');
    expect(errors[0]!.message).toContain('在 Excel 或 WPS 中打开');
  });
});

describe('school names', () => {
  it('a name that is a date or a bare number is read, and warned about at its cell and row', async () => {
    // Found with a table whose 学校名称 column held 2023/9/1 and 12345 (a shifted column): they passed without a word.
    const rows = county();
    rows[2]![0] = new Date(Date.UTC(2023, 8, 1)); // written by Excel as the day number 45170, shown as a date
    rows[3]![0] = 12345;
    rows[4]![0] = '2023年9月1日';
    const r = await check(await workbook({ 学校数据: rows }));
    const warned = r.issues.filter((i) => i.code === 'SCHOOL_NAME_IS_VALUE');
    expect(warned.map((w) => [w.cell, w.school, w.severity])).toEqual([
      ['A3', '45170', 'warning'],
      ['A4', '12345', 'warning'],
      ['A5', '2023年9月1日', 'warning'],
    ]);
    expect(warned[0]!.message).toContain('学校名称“45170”是一个数字（若在 Excel 中显示为日期，即 2023-09-01）');
    expect(warned[0]!.message).toContain('第 3 行');
    expect(warned[2]!.text).toMatch(/^学校名称“2023年9月1日”是一个日期/);
    expect(r.issueCounts.error).toBe(0);
    // In a CSV every cell is text: the same.
    const csv = await check(
      csvFile(
        toCsv(
          county().map((row, i) =>
            i === 2 ? ['2023/9/1', ...row.slice(1)] : i === 3 ? ['12345', ...row.slice(1)] : row,
          ),
        ),
        'utf-8',
      ),
    );
    expect(
      csv.issues.filter((i) => i.code === 'SCHOOL_NAME_IS_VALUE').map((i) => [i.cell, i.text.split('，')[0]]),
    ).toEqual([
      ['A3', '学校名称“2023/9/1”是一个日期'],
      ['A4', '学校名称“12345”是一个数字'],
    ]);
    // Names with digits are names.
    const named = county();
    named[1]![0] = '第101中学';
    named[2]![0] = '2号小学';
    expect((await check(await workbook({ 学校数据: named }))).issues).toEqual([]);
  });

  it('invisible characters (U+200B …) are left out of names: two names the same but for them are a duplicate', async () => {
    const rows = county();
    rows[2]![0] = '一\u200b小'; // 二小's row now names 一小 with a zero-width space
    rows[3]![0] = '\ufeff三小\u200d';
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.cell, i.school])).toEqual([
      ['DUPLICATE_SCHOOL', 'A3', '一小'],
    ]);
    const note = r.issues.find((i) => i.code === 'INVISIBLE_CHARS_REMOVED')!;
    expect(note.message).toBe(
      '学校数据!A3［学校名称］：“一小”含不可见字符（U+200B（零宽空格）），已去除后读取；本列共 2 格如此',
    );
    // Without the duplicate, the school is read by its visible name.
    const one = county();
    one[3]![0] = '\ufeff三小\u200d';
    const s = await check(await workbook({ 学校数据: one }));
    expect(s.issueCounts.error).toBe(0);
    expect(s.counties[0]!.levels.flatMap((l) => l.sections).map((x) => x.section.school.name)).toContain('三小');
  });
});

describe('cells merged down over several schools’ rows', () => {
  const header = ['区县', ...HEADER];
  /** Two counties of a city roll-up, each 区县 written once and merged down over its schools. */
  const cityRows = (): Cell[][] => {
    const [, ...rows] = county();
    return [header, ...rows.map((r, i) => [i === 0 ? '东城区' : i === 3 ? '西城区' : null, ...r])];
  };
  const cityMerges = ['A2:A4', 'A5:A7'];

  it('a 区县 (or 学校类型) merged down is read in every row it covers, as Excel shows it, and said once per column; both readers agree', async () => {
    const rows = cityRows();
    // 学校类型 merged too: the second school of each county leaves it blank.
    rows[2]![2] = null;
    const path = await workbook({ 学校数据: { rows, merges: [...cityMerges, 'C2:C3'] } });
    const r = await check(path);
    expect(r.counties.map((c) => [c.county, c.schoolCount])).toEqual([
      ['东城区', 3],
      ['西城区', 3],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        'MERGED_CELLS_READ',
        'A3',
        '学校数据!A3［区县］：此列有合并单元格：合并区域内 4 格按其首格的值读取（如此格读作 A2 的“东城区”）',
      ],
      [
        'MERGED_CELLS_READ',
        'C3',
        '学校数据!C3［学校类型］：此列有合并单元格：合并区域内 1 格按其首格的值读取（如此格读作 C2 的“小学”）',
      ],
    ]);
    // The same file without its merges: the same counties (the merges only say what the blank cells hold).
    const filled = cityRows().map((row, i) =>
      i === 0 ? row : [['东城区', '西城区'][i <= 3 ? 0 : 1], ...row.slice(1)],
    );
    const plain = await check(await workbook({ 学校数据: filled }));
    expect(r.counties.map((c) => c.levels.map((l) => l.result))).toEqual(
      plain.counties.map((c) => c.levels.map((l) => l.result)),
    );
    const fast = await readSource(path);
    const slow = await fast.fallback!();
    expect(slow.sheets[0]!.merges).toEqual(fast.sheets[0]!.merges);
  });

  it('a blank row under a merged 区县 is still no school', async () => {
    const rows = cityRows();
    rows.splice(4, 0, [null]);
    const r = await check(await workbook({ 学校数据: { rows, merges: ['A2:A5', 'A6:A8'] } }));
    expect(r.counties.map((c) => [c.county, c.schoolCount])).toEqual([
      ['东城区', 3],
      ['西城区', 3],
    ]);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('a number merged down over two schools cannot be shared out: an error at the cell it covers, naming the merged cell', async () => {
    const rows = cityRows();
    const col = header.indexOf('体育运动场馆面积');
    rows[3]![col] = null;
    const r = await check(
      await workbook({
        学校数据: {
          rows,
          merges: [...cityMerges, `${String.fromCharCode(65 + col)}3:${String.fromCharCode(65 + col)}4`],
        },
      }),
    );
    const error = r.issues.find((i) => i.code === 'MERGED_NUMBER')!;
    expect(error.severity).toBe('error');
    expect(error.cell).toBe(`${String.fromCharCode(65 + col)}4`);
    expect(error.school).toBe('三小');
    expect(error.message).toContain(`此格与上方 ${String.fromCharCode(65 + col)}3 合并为一格`);
    expect(r.counties).toEqual([]);
  });
});

describe('a 区县 written once over its schools, without the merge (saved as CSV)', () => {
  const header = ['区县', ...HEADER];
  const city = (): string => {
    const [, ...rows] = county();
    const lines = [header, ...rows.map((r, i) => [i === 0 ? '东城区' : i === 3 ? '西城区' : '', ...r])];
    return lines
      .map((l) => l.map((c) => (c === null || c === undefined ? '' : String(c as string | number))).join(','))
      .join('\n');
  };
  it('a blank 区县 below a school’s is the one above, said once (a warning that validate --strict refuses)', async () => {
    const r = await check(csvFile(city(), 'gb18030'));
    expect(r.counties.map((c) => [c.county, c.schoolCount])).toEqual([
      ['东城区', 3],
      ['西城区', 3],
    ]);
    expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([['COUNTY_FILLED_DOWN', 'A3', 'warning']]);
    expect(r.issues[0]!.message).toContain('此列有 4 所学校的区县为空，按其上一行学校的区县读取');
    expect(isMisread(r.issues[0]!)).toBe(true);
  });
  it('a school with no 区县 above it to take (the first rows, or below a 小计) is an error at its cell; a column blank throughout is one county', async () => {
    const lines = city().split('\n');
    const first = lines[1]!.replace(/^东城区/, '');
    const r = await check(csvFile([lines[0], first, ...lines.slice(2)].join('\n'), 'utf-8'));
    // 一小, 二小 and 三小 have nothing above to take, and 西城区 starts with 四小.
    expect(r.issues.filter((i) => i.code === 'MISSING_VALUE').map((i) => [i.cell, i.school])).toEqual([
      ['A2', '一小'],
      ['A3', '二小'],
      ['A4', '三小'],
    ]);
    expect(r.counties).toEqual([]);
    const subtotal = [...lines.slice(0, 4), '东城区小计', ...lines.slice(4).map((l) => l.replace(/^西城区/, ''))].join(
      '\n',
    );
    const s = await check(csvFile(subtotal, 'utf-8'));
    expect(s.issues.filter((i) => i.code === 'MISSING_VALUE').map((i) => i.school)).toEqual(['四小', '一中', '二中']);
    const blank = await check(csvFile(city().replace(/东城区|西城区/g, ''), 'utf-8'));
    expect(blank.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(blank.counties.map((c) => c.schoolCount)).toEqual([6]);
  });
});

describe('rows and columns hidden in the sheet', () => {
  it('a hidden school row is computed and said; a hidden column gives way to a shown one of its field, before or after it', async () => {
    const rows = county();
    const r = await check(await workbook({ 学校数据: { rows, hiddenRows: [4, 5] } }));
    expect(r.input.schoolRows).toBe(6);
    const hidden = r.issues.find((i) => i.code === 'ROWS_HIDDEN')!;
    expect([hidden.severity, hidden.row]).toEqual(['warning', 4]);
    expect(hidden.message).toContain('2 所学校的行在工作表中被隐藏（第4行三小、第5行四小）');
    // Last year's students in a hidden column, before and after this year's: this year's is read either way.
    const students = HEADER.indexOf('小学在校生数');
    for (const before of [true, false]) {
      const withOld = county().map((row, i) => {
        const old = i === 0 ? '小学在校生数（2023年）' : typeof row[students] === 'number' ? 9 : null;
        const copy = [...row];
        copy.splice(before ? students : students + 1, 0, old);
        return copy;
      });
      const hiddenCol = (before ? students : students + 1) + 1;
      const x = await check(await workbook({ 学校数据: { rows: withOld, hiddenColumns: [hiddenCol] } }));
      expect(x.issues.map((i) => i.code)).toEqual(['COLUMN_HIDDEN_NOT_USED']);
      expect(x.counties[0]!.levels.map((l) => l.result)).toEqual(
        (await check(await workbook({ 学校数据: county() }))).counties[0]!.levels.map((l) => l.result),
      );
    }
  });
});

describe('one field for two years', () => {
  it("小学在校生数（2023年） beside 小学在校生数（2024年）, either order: the later year is read, or the title's year, the other said", async () => {
    const students = HEADER.indexOf('小学在校生数');
    for (const later of [true, false]) {
      const rows = county().map((row, i) => {
        const copy = [...row];
        const old = i === 0 ? '小学在校生数（2023学年）' : typeof row[students] === 'number' ? 9 : null;
        if (i === 0) copy[students] = '小学在校生数（2024年）';
        copy.splice(later ? students : students + 1, 0, old);
        return copy;
      });
      const r = await check(await workbook({ 学校数据: rows }));
      expect(r.issues.map((i) => [i.code, i.column])).toEqual([['DUPLICATE_COLUMN_YEAR', '小学在校生数（2023学年）']]);
      expect(r.counties[0]!.levels.map((l) => l.result)).toEqual(
        (await check(await workbook({ 学校数据: county() }))).counties[0]!.levels.map((l) => l.result),
      );
      // A title naming 2023: the 2023 column is the table's, whichever stands first.
      const titled = await check(await workbook({ 学校数据: [['某县学校办学条件统计表（2023年）'], ...rows] }));
      const chosen = titled.issues.filter((i) => i.code === 'DUPLICATE_COLUMN_YEAR');
      expect(chosen.map((i) => [i.column, i.message.includes('按表标题所示年份（2023年）')])).toEqual([
        ['小学在校生数（2024年）', true],
      ]);
      const primaryStudents = (x: typeof r) =>
        x.counties[0]!.levels.find((l) => l.level === 'primary')!.result.students;
      expect(primaryStudents(titled)).toBe(9 * 4);
    }
  });
});

describe('several sheets', () => {
  it('picks the sheet whose header matches, and --sheet overrides', async () => {
    const path = await workbook({ 填表说明: [['请按要求填写']], 学校数据: county(), 去年: county().slice(0, 3) });
    const r0 = await check(path);
    expect(r0.input.sheet).toBe('学校数据');
    expect(r0.input.sheets).toBeUndefined();
    // 去年 holds the same schools: another version, left out, and said so.
    const other = r0.issues.find((i) => i.code === 'SHEET_OTHER_VERSION')!;
    expect(other.sheet).toBe('去年');
    expect(other.message).toContain('与“学校数据”大多相同（2/2 所）');
    expect(r0.input.schoolRows).toBe(6);
    const r = await check(path, '去年');
    expect(r.input.sheet).toBe('去年');
    expect(r.input.schoolRows).toBe(2);
    expect(codes(r)).not.toContain('SHEET_OTHER_VERSION');
  });

  it('a county’s 小学 and 初中 in two sheets: both read, as one county (a note names them)', async () => {
    const [head, ...rows] = county();
    const primaries = rows.filter((r) => r[1] === '小学');
    const juniors = rows.filter((r) => r[1] === '初中');
    const split = await check(await workbook({ 小学: [head!, ...primaries], 初中: [head!, ...juniors] }));
    const whole = await check(await workbook({ 学校数据: county() }));
    expect(split.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      [
        'SHEETS_COMBINED',
        'info',
        `小学：学校数据来自 2 个工作表：“小学”${primaries.length} 所、“初中”${juniors.length} 所，合并计算`,
      ],
    ]);
    expect(split.input.sheet).toBe('小学');
    expect(split.input.sheets).toEqual(['小学', '初中']);
    expect(split.input.schoolRows).toBe(whole.input.schoolRows);
    expect(split.counties[0]!.levels.map((l) => l.result)).toEqual(whole.counties[0]!.levels.map((l) => l.result));
  });

  it('without a 学校类型 column, a sheet named as a 学段 gives its schools’ type (said with the count); a name that does not is still an error', async () => {
    const [head, ...rows] = county();
    const typeCol = head!.indexOf('学校类型');
    const drop = (r: Cell[]) => r.filter((_, i) => i !== typeCol);
    const primaries = rows.filter((r) => r[typeCol] === '小学').map(drop);
    const juniors = rows.filter((r) => r[typeCol] === '初中').map(drop);
    // The students in the one-level column (在校生数), as a sheet of one level writes them.
    const studentsHead = drop(head!)
      .map((h) => (h === '小学在校生数' ? '在校生数' : h))
      .filter((h) => h !== '初中在校生数');
    const one = (r: Cell[]) => {
      const x = [...r];
      const p = x.splice(1, 2);
      x.splice(1, 0, p[0] ?? p[1]);
      return x;
    };
    const split = await check(
      await workbook({ 小学: [studentsHead, ...primaries.map(one)], 初中学校: [studentsHead, ...juniors.map(one)] }),
    );
    const whole = await check(await workbook({ 学校数据: county() }));
    expect(
      split.issues.filter((i) => i.code === 'TYPE_FROM_SHEET_NAME').map((i) => [i.sheet, i.severity, i.message]),
    ).toEqual([
      ['小学', 'info', '小学 第1行：表中没有“学校类型”列：按工作表名“小学”，本表 4 所学校均按小学计算'],
      ['初中学校', 'info', '初中学校 第1行：表中没有“学校类型”列：按工作表名“初中学校”，本表 2 所学校均按初中计算'],
    ]);
    expect(codes(split).filter((c) => c !== 'TYPE_FROM_SHEET_NAME')).toEqual(['SHEETS_COMBINED']);
    expect(split.counties[0]!.levels.map((l) => [l.level, l.result])).toEqual(
      whole.counties[0]!.levels.map((l) => [l.level, l.result]),
    );
    // 中小学 names two 学段, Sheet1 none: the column is still needed.
    for (const name of ['中小学', 'Sheet1']) {
      const r = await check(await workbook({ [name]: [studentsHead, ...primaries.map(one)] }));
      expect(r.issues.find((i) => i.code === 'MISSING_COLUMN')?.message).toContain('学校类型');
    }
  });

  it('without a 学校类型 column, 学段 headings over the rows give the type (merged across from 序号 too); rows under no heading stay errors', async () => {
    const [head, ...rows] = county();
    const typeCol = head!.indexOf('学校类型');
    const drop = (r: Cell[]) => ['', ...r.filter((_, i) => i !== typeCol)];
    const header = ['序号', ...head!.filter((_, i) => i !== typeCol)];
    const primaries = rows.filter((r) => r[typeCol] === '小学').map(drop);
    const juniors = rows.filter((r) => r[typeCol] === '初中').map(drop);
    const headings = await check(
      await workbook({
        学校情况: {
          rows: [header, ['一、小学'], ...primaries, ['二、初中学校'], ...juniors],
          merges: ['A2:L2', `A${3 + primaries.length}:L${3 + primaries.length}`],
        },
      }),
    );
    const whole = await check(await workbook({ 学校数据: county() }));
    expect(headings.issues.map((i) => [i.code, i.message])).toEqual([
      ['TYPE_FROM_HEADING', '学校情况 第2行：表中没有“学校类型”列：按学段标题“一、小学”，其下 4 所学校按小学计算'],
      [
        'TYPE_FROM_HEADING',
        `学校情况 第${3 + primaries.length}行：表中没有“学校类型”列：按学段标题“二、初中学校”，其下 2 所学校按初中计算`,
      ],
    ]);
    expect(headings.counties[0]!.levels.map((l) => [l.level, l.result])).toEqual(
      whole.counties[0]!.levels.map((l) => [l.level, l.result]),
    );
    // The first row is a school: no heading gives the type, and the column is needed.
    const bare = await check(await workbook({ 学校情况: [header, ...primaries, ['二、初中'], ...juniors] }));
    expect(bare.issues.find((i) => i.code === 'MISSING_COLUMN')?.message).toContain('学校类型');
  });

  it('a hidden sheet of schools is not added (a warning says how to read it); both readers see it hidden', async () => {
    const [head, ...rows] = county();
    const path = await workbook({
      小学: [head!, ...rows.filter((r) => r[1] === '小学')],
      初中: { rows: [head!, ...rows.filter((r) => r[1] === '初中')], hidden: true },
    });
    const r = await check(path);
    const hidden = r.issues.find((i) => i.code === 'SHEET_HIDDEN_NOT_READ')!;
    expect(hidden.sheet).toBe('初中');
    expect(hidden.message).toContain('--sheet “初中”');
    expect(r.counties[0]!.levels.map((l) => l.level)).toEqual(['primary']);
    expect((await check(path, '初中')).counties[0]!.levels.map((l) => l.level)).toEqual(['junior']);
    const fast = await readSource(path);
    const slow = await fast.fallback!();
    expect(fast.sheets.map((s) => s.hidden ?? false)).toEqual([false, true]);
    expect(slow.sheets.map((s) => s.hidden ?? false)).toEqual([false, true]);
  });

  it('sheets not named by 学段 and without 区县 are read too, with a warning to check they belong together', async () => {
    const [head, ...rows] = county();
    const r = await check(await workbook({ 甲: [head!, ...rows.slice(0, 3)], 乙: [head!, ...rows.slice(3)] }));
    const warning = r.issues.find((i) => i.code === 'SHEETS_COMBINED_CHECK')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toContain('如各表是不同的县，请加“区县”列');
    expect(r.input.schoolRows).toBe(rows.length);
  });

  it('one school in two sheets is a duplicate naming the first sheet’s cell; a sheet that lacks a column is not read, and said', async () => {
    const [head, ...rows] = county();
    const dup = await check(await workbook({ 小学: [head!, ...rows.slice(0, 3)], 初中: [head!, ...rows.slice(2)] }));
    const d = dup.issues.find((i) => i.code === 'DUPLICATE_SCHOOL')!;
    expect(d.sheet).toBe('初中');
    expect(d.message).toContain('小学!A4');
    const short = head!.filter((h) => h !== '体育运动场馆面积');
    const lacking = await check(
      await workbook({
        学校数据: county(),
        补充: [
          short,
          ...rows
            .slice(0, 2)
            .map((r) =>
              r.filter((_, i) => head![i] !== '体育运动场馆面积').map((v, i) => (i === 0 ? `新${v as string}` : v)),
            ),
        ],
      }),
    );
    const notRead = lacking.issues.find((i) => i.code === 'SHEET_NOT_READ')!;
    expect(notRead.sheet).toBe('补充');
    expect(notRead.message).toContain('缺少必需的列“体育运动场馆面积”');
    expect(lacking.input.schoolRows).toBe(rows.length);
    expect(lacking.issueCounts.error).toBe(0);
  });

  it('an unknown --sheet is a usage error naming the sheets there are', async () => {
    const path = await workbook({ 学校数据: county() });
    await expect(check(path, '不存在')).rejects.toThrow(/找不到工作表“不存在”.*“学校数据”/);
  });

  it('keeps every cell position of every sheet', async () => {
    const path = await workbook({
      A: [
        ['x', 'y'],
        [1, 2],
      ],
      B: [[null, null, 'z']],
    });
    const src = await readSource(path);
    expect(src.sheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(src.sheets[1]!.rows[0]![2]).toEqual({ kind: 'text', text: 'z' });
  });
});

describe('CSV encodings', () => {
  const text = toCsv(county());
  const expectSameCounty = async (path: string, encoding: string) => {
    const r = await check(path);
    expect(r.input.encoding).toBe(encoding);
    expect(r.issueCounts.error).toBe(0);
    expect(r.input.schoolRows).toBe(6);
    expect(r.counties[0]!.levels[0]!.sections[0]!.section.school.name).toBe('一小');
  };
  it('UTF-8', () => expectSameCounty(csvFile(text, 'utf8'), 'UTF-8'));
  it('UTF-8 with BOM', () => expectSameCounty(csvFile(text, 'utf8', 'bom.csv', true), 'UTF-8'));
  it('GBK (Excel / WPS on Chinese Windows)', () => expectSameCounty(csvFile(text, 'gbk'), 'GBK/GB18030'));
  it('GB18030, with a name outside GBK', async () => {
    const r = await check(csvFile(`${text}\n㐀小学,小学,100,,5,2,1,500,800,220000,3`, 'gb18030'));
    expect(r.input.encoding).toBe('GBK/GB18030');
    expect(r.counties[0]!.levels[0]!.sections.map((s) => s.section.school.name)).toContain('㐀小学');
  });
  it('UTF-16 tab-separated (Excel "Unicode text")', async () => {
    const tsv = county()
      .map((r) => r.map((v) => (v === null ? '' : String(v as string | number))).join('\t'))
      .join('\r\n');
    const path = csvFile(tsv, 'utf16le', 'unicode.txt');
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), (await import('node:fs')).readFileSync(path)]);
    (await import('node:fs')).writeFileSync(path, withBom);
    await expectSameCounty(path, 'UTF-16LE');
  });
  it('GBK CSV numbers read the same as the xlsx', async () => {
    const a = await check(csvFile(text, 'gbk'));
    const b = await check(await workbook({ 学校数据: county() }));
    const values = (r: typeof a) => r.counties[0]!.levels.map((l) => l.result.indicators);
    expect(values(a)).toEqual(values(b));
  });
});

describe('unreadable files', () => {
  it.each([
    ['fixtures/broken/not-a-workbook.xlsx', /不是有效的 \.xlsx 文件/],
    ['fixtures/broken/old-format.xls', /另存为/],
    ['fixtures/nope.xlsx', /文件不存在/],
  ])('%s', async (path, message) => {
    await expect(readSource(path)).rejects.toThrow(message);
  });
});

describe('the county named in the title row', () => {
  it.each([
    ['示例县义务教育学校办学条件统计表（2024年）', '示例县'],
    ['城关区2024年义务教育学校基本情况', '城关区'],
    ['某某自治县中小学办学条件统计', '某某自治县'],
    ['义务教育学校办学条件统计表', null],
    [null, null],
  ])('%s → %s', async (title, expected) => {
    const { countyInTitle } = await import('../src/report/model');
    expect(countyInTitle(title)).toBe(expected);
  });

  it('names the report after it when there is no 区县 column', async () => {
    const r = await check(
      await workbook({
        学校数据: { rows: [['示例县义务教育学校办学条件统计表（2024年）'], ...county()], merges: ['A1:K1'] },
      }),
    );
    expect(r.counties[0]!.label).toBe('示例县');
  });
});

describe('rows under the header', () => {
  it('a column-number row (甲 乙 1 2 …) before the unit row: both skipped, the units applied', async () => {
    const units = ['', '', '人', '人', '人', '人', '人', '平方米', '平方米', '万元', '间'];
    const numbers = ['甲', '乙', 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const rows = county().map((r, i) =>
      i === 0 ? r : r.map((v, c) => (c === 9 && typeof v === 'number' ? v / 10000 : v)),
    );
    const r = await check(await workbook({ 学校数据: [rows[0]!, numbers, units, ...rows.slice(1)] }));
    expect(r.issueCounts.error).toBe(0);
    expect(r.input.schoolRows).toBe(6);
    expect(r.counties[0]!.levels[0]!.result.indicators.equipment_value!.mean).toBeGreaterThan(2000);
    expect(r.issues.filter((i) => i.code === 'ROW_SKIPPED_NOTE').map((i) => i.row)).toEqual([2]);
  });

  it('a 万元 value in a 元 column of a 九年一贯制 school is warned about once, not per section', async () => {
    const rows = county();
    rows.push(['九年制', '九年一贯制', 400, 300, 40, 9, 8, 4200, 7400, 180, 18]);
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.filter((i) => i.code === 'EQUIPMENT_LOOKS_LIKE_WAN').map((i) => i.cell)).toEqual(['J8']);
  });
});

describe('school headers in other words', () => {
  it('学校（单位）名称, 专任教师中高于规定学历人数, 县级以上骨干教师, 体育艺术教师数, 网络多媒体教室(间) … all read', async () => {
    const header = [
      '学校（单位）名称',
      '学校类别',
      '小学在校学生数',
      '初中在校学生数',
      '专任教师中高于规定学历人数',
      '县级以上骨干教师',
      '体育艺术教师数',
      '教学及辅助用房面积(平方米)',
      '体育运动场馆面积(平方米)',
      '教学仪器设备值(元)',
      '网络多媒体教室(间)',
    ];
    const rows = county().map((r, i) => (i === 0 ? header : r));
    const a = await check(await workbook({ 学校数据: rows }));
    const b = await check(await workbook({ 学校数据: county() }));
    expect(a.issueCounts.error).toBe(0);
    expect(a.counties[0]!.levels.map((l) => l.result.indicators)).toEqual(
      b.counties[0]!.levels.map((l) => l.result.indicators),
    );
  });
});

describe('a district’s own table: a title over a two-row header, columns told by their values', () => {
  // As a district office writes it (none of these header texts is a built-in wording): 学校全称 under a
  // merged title, 学校性质, a 类别 column of school types, 在校学生数 / 专任教师 / 校舍 over their parts.
  const top = [
    '序号',
    '学校全称',
    '学校性质',
    '类别',
    '在校学生数',
    null,
    '专任教师',
    null,
    null,
    '校舍',
    null,
    '教学仪器设备（万元）',
    '多媒体教室（间）',
    '城乡',
  ];
  const parts = [
    null,
    null,
    null,
    null,
    '小学',
    '初中',
    '高学历',
    '县级以上骨干',
    '体育艺术',
    '教学及辅助用房（㎡）',
    '体育运动场馆（㎡）',
    null,
    null,
    null,
  ];
  const schools = [
    [1, '实验小学', '公办', '小学', 1200, null, 58, 14, 12, 5600, 9500, 260, 30, '城区'],
    [2, '第二小学', '公办', '完小', 800, null, 36, 8, 7, 3500, 6200, 150, 19, '城区'],
    [3, '实验中学', '公办', '初中', null, 1500, 84, 16, 14, 8900, 15500, 390, 37, '城区'],
    [4, '城关九年制学校', '民办', '九年一贯制', 520, 380, 50, 9, 8, 4800, 8100, 230, 22, '镇区'],
  ];
  const merges = ['A1:N1', 'E2:F2', 'G2:I2', 'J2:K2', ...['A', 'B', 'C', 'D', 'L', 'M', 'N'].map((c) => `${c}2:${c}3`)];
  const sheet = (head: unknown[], types = schools.map((s) => s[3])) => ({
    rows: [
      ['某某区义务教育学校办学条件汇总表（2025年）'],
      head,
      parts,
      ...schools.map((s, i) => s.map((v, k) => (k === 3 ? types[i] : v))),
    ] as never,
    merges,
  });

  it('reads every school, the type from a column named 类别 by its values (an info naming them)', async () => {
    const r = await check(await workbook({ 学校: sheet(top) }));
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.input.headerRow).toBe(3);
    expect(r.counties[0]!.schoolCount).toBe(4);
    const byValues = r.issues.find((i) => i.code === 'COLUMN_READ_BY_VALUES')!;
    expect(byValues.cell).toBe('D2');
    expect(byValues.message).toContain('按其内容（小学、完小、初中、九年一贯制）读作“学校类型”');
    expect(valueOf(r, '实验小学', 'qualified_teachers')).toBeCloseTo((58 / 1200) * 100, 9);
    // 万元 converted, the 九年一贯制 school split as usual.
    expect(valueOf(r, '实验小学', 'equipment_value')).toBeCloseTo(2_600_000 / 1200, 9);
    expect(r.counties[0]!.levels.map((l) => l.level)).toEqual(['primary', 'junior']);
  });

  it('the same table as CSV (no merges: the title in one cell, each parent written once over its parts) reads the same', async () => {
    const fromXlsx = await check(await workbook({ 学校: sheet(top) }));
    const title = ['某某区义务教育学校办学条件汇总表（2025年）'];
    const csv = csvFile(toCsv([title, top, parts, ...schools]), 'gb18030');
    const fromCsv = await check(csv);
    expect(fromCsv.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(fromCsv.counties[0]!.levels.map((l) => l.result)).toEqual(fromXlsx.counties[0]!.levels.map((l) => l.result));
    // A short text alone above a row is a parent, not a title: 在校学生数 over 小学 | 初中 still names both.
    const [, ...rows] = county();
    const upper = HEADER.map((h) => (h === '小学在校生数' ? '在校学生数' : null));
    const lower = HEADER.map((h) => (h === '小学在校生数' ? '小学' : h === '初中在校生数' ? '初中' : h));
    const r = await check(csvFile(toCsv([upper, lower, ...rows]), 'utf8'));
    const plain = await check(await workbook({ 学校数据: county() }));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.counties[0]!.levels.map((l) => l.result.students)).toEqual(
      plain.counties[0]!.levels.map((l) => l.result.students),
    );
  });

  it('所属中心学校名称 is the 教学点’s 所属中心校, not a second name column', async () => {
    const rows = [
      ['某某区义务教育学校办学条件汇总表（2025年）'],
      [...top, '所属中心学校名称'],
      [...parts, null],
      ...schools.map((s) => [...s, null]),
    ];
    const r = await check(await workbook({ 学校: { rows: rows, merges: [...merges, 'O2:O3'] } }));
    expect(codes(r)).not.toContain('DUPLICATE_COLUMN');
    expect(r.input.headerRow).toBe(3);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('a column with one word that is no school type is not read by its values', async () => {
    const r = await check(await workbook({ 学校: sheet(top, ['小学', '小学', '初中', '一贯制学校（九年）']) }));
    expect(codes(r)).toContain('COLUMN_IGNORED');
    expect(codes(r)).not.toContain('COLUMN_READ_BY_VALUES');
    expect(r.issues.find((i) => i.code === 'MISSING_COLUMN')?.message).toContain('学校类型');
  });

  it('a name column worded as no list has it: the message names the row most like a header and its unread columns', async () => {
    const r = await check(await workbook({ 学校: sheet(top.map((h) => (h === '学校全称' ? '机构名称' : h))) }));
    const issue = r.issues.find((i) => i.code === 'HEADER_NOT_FOUND')!;
    expect(issue.row).toBe(3);
    expect(issue.message).toContain('此行最像表头（认出：办学性质、小学在校生数、初中在校生数');
    expect(issue.message).toContain('未识别的列：“机构名称”（B2）、“类别”（D2）');
    expect(issue.message).toContain('wording.schoolHeaders.name');
    // The merged title is no parent of the columns below it: 某某区…汇总表（2025年）机构名称 is not read as 学校名称.
    expect(r.input.headerRow).toBeNull();
    // Nor is a title written in one cell of a CSV.
    const csv = await check(
      csvFile(
        toCsv([
          ['某某区义务教育学校办学条件汇总表（2025年）'],
          top.map((h) => (h === '学校全称' ? '机构名称' : h)),
          parts,
          ...schools,
        ]),
        'utf8',
      ),
    );
    expect(csv.input.headerRow).toBeNull();
    expect(codes(csv)).toEqual(['HEADER_NOT_FOUND']);
  });
});
