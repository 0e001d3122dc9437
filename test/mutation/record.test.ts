// A school row made into its record (src/schema/rows/record.ts), each expectation written out from the rule (issue
// 31: the survivors of the mutation run on src/schema/rows). Small CSV counties, read in process.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model';
import { check, csvFile, HEADER } from '../helpers/files';

const ROW = (name: string, type: string, P: number | '', J: number | '' = '') =>
  [name, type, P, J, 42, 10, 9, 500, 1000, 200000, 10].join(',');
const read = (rows: string[], header = HEADER) => check(csvFile([header.join(','), ...rows].join('\n'), 'utf8'));
const schools = (r: Report) =>
  r.counties.flatMap((c) => c.levels.flatMap((l) => l.sections.map((s) => s.section.school)));
const issuesOf = (r: Report, code: string) => r.issues.filter((i) => i.code === code);

describe('a school row’s record', () => {
  it('a name of 100 characters is read; one of 101 is refused, named by its first 20', async () => {
    const long = '第'.repeat(100);
    const ok = await read([ROW(long, '小学', 500), ROW('二小', '小学', 600)]);
    expect(issuesOf(ok, 'NAME_TOO_LONG')).toEqual([]);
    expect(schools(ok).map((s) => s.name)).toContain(long);
    const bad = await read([ROW(`${long}名`, '小学', 500), ROW('二小', '小学', 600)]);
    const [issue] = issuesOf(bad, 'NAME_TOO_LONG');
    expect(issue?.school).toBe(`${'第'.repeat(20)}…`);
    expect(issue?.text).toBe('学校名称有 101 个字，超过 100 字：请检查是否把其他内容粘贴进了名称单元格');
  });

  it('a blank name and a blank type say what they are needed for; an unknown type is not also blank', async () => {
    const r = await read([
      ROW('', '小学', 500),
      ROW('二小', '', 600),
      ROW('三小', '幼儿园', 600),
      ROW('四小', '小学', 700),
    ]);
    const missing = issuesOf(r, 'MISSING_VALUE');
    expect(missing.map((i) => [i.field, i.text])).toEqual([
      ['name', '此项为空，无法计算（学校名称必填）'],
      ['type', '此项为空，无法计算（学校类型必填，用于确定学段）'],
    ]);
    expect(issuesOf(r, 'UNKNOWN_SCHOOL_TYPE').map((i) => i.school)).toEqual(['三小']);
  });

  it('a school of two levels needs its students by level: one 在校生数 column is not split', async () => {
    const header = ['学校名称', '学校类型', '在校生数', ...HEADER.slice(4)];
    const row = (name: string, type: string, n: number) => [name, type, n, 42, 10, 9, 500, 1000, 200000, 10].join(',');
    const r = await read([row('一小', '小学', 500), row('一贯', '九年一贯制', 800)], header);
    expect(r.input.schoolRows).toBe(1);
    const missing = issuesOf(r, 'MISSING_VALUE');
    expect(missing.map((i) => [i.school, i.field, i.text])).toEqual([
      ['一贯', 'studentsPrimary', '此项为空，无法计算（九年一贯制须分学段填写在校生数，用于拆分资源）'],
      ['一贯', 'studentsJunior', '此项为空，无法计算（九年一贯制须分学段填写在校生数，用于拆分资源）'],
    ]);
  });

  it('a one-level school’s blank students are asked for with no hint; a 特殊教育学校’s are not asked for', async () => {
    const r = await read([ROW('一小', '小学', ''), ROW('特校', '特殊教育学校', ''), ROW('二小', '小学', 600)]);
    expect(issuesOf(r, 'MISSING_VALUE').map((i) => [i.school, i.field, i.text])).toEqual([
      ['一小', 'studentsPrimary', '此项为空，无法计算'],
    ]);
  });

  it('学区, 城乡分类, 学校标识码 and 所属中心校 are in the record only when given', async () => {
    const header = ['学校标识码', '学区', '城乡分类', '所属中心校', ...HEADER];
    const r = await read(
      [`2130000001,东区,城区,中心校,${ROW('一小', '小学', 500)}`, `,,,,${ROW('二小', '小学', 600)}`],
      header,
    );
    const [one, two] = schools(r);
    expect([one!.code, one!.group, one!.urbanRural, one!.parent]).toEqual(['2130000001', '东区', '城区', '中心校']);
    expect(['code', 'group', 'urbanRural', 'parent'].filter((k) => k in two!)).toEqual([]);
  });

  it('a row with an error across its cells is left out of the calculation', async () => {
    const header = [...HEADER, '初中部体育运动场馆面积'];
    const r = await read([`${ROW('一贯', '九年一贯制', 400, 300)},600`, `${ROW('二小', '小学', 600)},`], header);
    expect(issuesOf(r, 'SECTION_VALUES_INCOMPLETE').map((i) => i.school)).toEqual(['一贯']);
    // The broken row is not a school row of the calculation.
    expect(r.input.schoolRows).toBe(1);
  });
});

describe('a summed resource (体育 + 音乐 + 美术)', () => {
  const header = [...HEADER.slice(0, 6), '体育专任教师数', '音乐专任教师数', '美术专任教师数', ...HEADER.slice(7)];
  const row = (name: string, parts: (number | '')[]) =>
    [name, '小学', 500, '', 42, 10, ...parts, 500, 1000, 200000, 10].join(',');

  it('a blank part: the missing value is at that part’s cell', async () => {
    const r = await read([row('一小', [4, 3, '']), row('二小', [4, 3, 2])], header);
    const [issue] = issuesOf(r, 'MISSING_VALUE');
    expect([issue?.school, issue?.column, issue?.cell]).toEqual(['一小', '美术专任教师数', 'I2']);
  });

  it('with the whole column too: a part blank uses the whole; parts that differ from it disagree', async () => {
    const withWhole = [...header, '体育艺术专任教师数'];
    const r = await read([`${row('一小', [4, 3, ''])},9`, `${row('三小', [4, 3, 2])},10`], withWhole);
    expect(issuesOf(r, 'MISSING_VALUE')).toEqual([]);
    expect(issuesOf(r, 'SUM_DISAGREES').map((i) => [i.school, i.text])).toEqual([
      ['三小', expect.stringContaining('4 + 3 + 2')],
    ]);
    // Without the disagreeing row the county is computed: the whole, as given.
    const agreed = await read([`${row('一小', [4, 3, ''])},9`, `${row('二小', [4, 3, 2])},9`], withWhole);
    expect(schools(agreed).map((s) => [s.name, s.resources.peArtsTeachers])).toEqual([
      ['一小', 9],
      ['二小', 9],
    ]);
  });

  it('a sum within a billionth of a large whole agrees with it (教学用房 + 教学辅助用房)', async () => {
    const spaceHeader = [
      ...HEADER.slice(0, 7),
      '教学及辅助用房面积',
      '教学用房面积',
      '教学辅助用房面积',
      ...HEADER.slice(8),
    ];
    const r = await read(
      [
        ['一小', '小学', 500, '', 42, 10, 9, 80000.5, 40000.25, 40000.250004, 1000, 200000, 10].join(','),
        ['二小', '小学', 600, '', 42, 10, 9, 600, 300, 200, 1000, 200000, 10].join(','),
      ],
      spaceHeader,
    );
    expect(issuesOf(r, 'SUM_DISAGREES').map((i) => i.school)).toEqual(['二小']);
  });
});

describe('a row’s numbers (cell-values.ts)', () => {
  const row = (name: string, P: number | string, equipment: number | string, rooms: number | string = 10) =>
    [name, '小学', P, '', 42, 10, 9, 500, 1000, equipment, rooms].join(',');

  it('0 is a value of every kind; a negative amount of money is refused at its cell and the row left out', async () => {
    const zero = await read([row('一小', 500, 0, 0), row('二小', 600, 200000)]);
    expect(zero.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const negative = await read([row('一小', 500, -5), row('二小', 600, 200000)]);
    expect(issuesOf(negative, 'NEGATIVE_VALUE').map((i) => [i.school, i.cell])).toEqual([['一小', 'J2']]);
    expect(negative.input.schoolRows).toBe(1);
  });

  it('a negative count with a fraction is negative first', async () => {
    const r = await read([row('一小', 500, 200000, -1.5), row('二小', 600, 200000)]);
    expect(issuesOf(r, 'NEGATIVE_VALUE').map((i) => i.cell)).toEqual(['K2']);
    expect(issuesOf(r, 'NOT_INTEGER')).toEqual([]);
  });

  it('students up to 100 000 are read; more is impossible and the row left out', async () => {
    const at = await read([row('一小', 100000, 200000), row('二小', 600, 200000)]);
    expect(issuesOf(at, 'VALUE_IMPOSSIBLE')).toEqual([]);
    expect(at.input.schoolRows).toBe(2);
    const over = await read([row('一小', 100001, 200000), row('二小', 600, 200000)]);
    expect(issuesOf(over, 'VALUE_IMPOSSIBLE').map((i) => i.cell)).toEqual(['C2']);
    expect(over.input.schoolRows).toBe(1);
  });
});
