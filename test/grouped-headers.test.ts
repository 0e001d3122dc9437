/**
 * A header is the path parent → child: parts of a summed field under a parent in any wording are summed,
 * never one read and the others dropped as duplicates (issue 26).
 */
import { describe, expect, it } from 'vitest';
import { check, county, HEADER, workbook, type Cell } from './helpers/files';

const PE = HEADER.indexOf('体育艺术专任教师数');

/** The county with its 体艺 column as 体育 | 音乐 | 美术 under `parent` (merged over them), each a third or so. */
function grouped(parent: string, withTotal = false): { rows: Cell[][]; merges: string[] } {
  const [, ...schools] = county();
  const children = withTotal ? ['合计', '体育', '音乐', '美术'] : ['体育', '音乐', '美术'];
  const n = children.length;
  const top: Cell[] = [...HEADER.slice(0, PE), parent, ...Array<Cell>(n - 1).fill(null), ...HEADER.slice(PE + 1)];
  const bottom: Cell[] = [...HEADER.slice(0, PE).map(() => null), ...children, ...HEADER.slice(PE + 1).map(() => null)];
  const rows = schools.map((r) => {
    const total = Number(r[PE]);
    const parts = [Math.floor(total / 3), Math.floor(total / 3), total - 2 * Math.floor(total / 3)];
    return [...r.slice(0, PE), ...(withTotal ? [total] : []), ...parts, ...r.slice(PE + 1)];
  });
  const letter = (i: number) => String.fromCharCode(65 + i);
  const merges = [
    `${letter(PE)}1:${letter(PE + n - 1)}1`,
    ...HEADER.flatMap((_, i) => (i < PE ? [i] : i > PE ? [i + n - 1] : [])).map((c) => `${letter(c)}1:${letter(c)}2`),
  ];
  return { rows: [top, bottom, ...rows], merges };
}

const peArts = (r: Awaited<ReturnType<typeof check>>) =>
  r.counties[0]!.levels.flatMap((l) => l.sections.map((s) => s.section.amounts.peArtsTeachers));

describe('parts of 体育艺术专任教师 under a parent in any wording', () => {
  it.each(['体育艺术专任教师', '音体美专任教师', '其中：体育艺术教师', '体育艺术专任教师数', '艺体教师'])(
    '%s over 体育 | 音乐 | 美术: summed, as the one column would be',
    async (parent) => {
      const plain = await check(await workbook({ 学校数据: county() }));
      const r = await check(await workbook({ 学校数据: grouped(parent) }));
      expect(r.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual([]);
      expect(peArts(r)).toEqual(peArts(plain));
      expect(r.counties[0]!.levels.map((l) => l.result.indicators.pe_arts_teachers!.cv)).toEqual(
        plain.counties[0]!.levels.map((l) => l.result.indicators.pe_arts_teachers!.cv),
      );
    },
  );
});

describe('a sum column beside its parts (合计 | 体育 | 音乐 | 美术)', () => {
  it('the sum is used once, checked against the parts: equal, nothing said; different, SUM_DISAGREES (a misread warning)', async () => {
    const plain = await check(await workbook({ 学校数据: county() }));
    const same = await check(await workbook({ 学校数据: grouped('体育艺术专任教师', true) }));
    expect(same.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual([]);
    expect(peArts(same)).toEqual(peArts(plain));
    const accounts = same.input.columns!.filter((c) => c.header[0] === '体育艺术专任教师');
    expect(accounts.map((c) => [c.header[1], c.how])).toEqual([
      ['合计', 'used'],
      ['体育', 'checked'],
      ['音乐', 'checked'],
      ['美术', 'checked'],
    ]);
    const table = grouped('体育艺术专任教师', true);
    table.rows[2]![PE] = Number(table.rows[2]![PE]) + 5; // 一小's 合计 five more than its parts
    const off = await check(await workbook({ 学校数据: table }));
    const said = off.issues.filter((i) => i.code === 'SUM_DISAGREES');
    expect(said.map((i) => [i.cell, i.school])).toEqual([['G3', '一小']]);
    expect(said[0]!.message).toContain('15，而同组分列之和为 10（3 + 3 + 4）');
    expect(peArts(off)[0]).toBe(15);
  });
});

describe('教学及辅助用房 given as its two parts', () => {
  const SPACE = HEADER.indexOf('教学及辅助用房面积');
  /** The county with 教学及辅助用房 written as 教学用房 | 教学辅助用房 (three fifths and two fifths). */
  const parts = (headers: [string, string]) =>
    county().map((r, i) => {
      if (i === 0) return [...r.slice(0, SPACE), ...headers, ...r.slice(SPACE + 1)];
      const total = Number(r[SPACE]);
      return [...r.slice(0, SPACE), (total * 3) / 5, (total * 2) / 5, ...r.slice(SPACE + 1)];
    });
  const space = (r: Awaited<ReturnType<typeof check>>) =>
    r.counties[0]!.levels.flatMap((l) => l.sections.map((s) => s.section.amounts.teachingSpace));

  it.each([
    ['教学用房面积', '教学辅助用房面积'],
    ['教学用房（㎡）', '辅助用房（㎡）'],
  ] as [string, string][])('%s | %s: summed, as the one column would be', async (a, b) => {
    const plain = await check(await workbook({ 学校数据: county() }));
    const r = await check(await workbook({ 学校数据: parts([a, b]) }));
    expect(r.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual([]);
    expect(space(r)).toEqual(space(plain));
    expect(r.input.columns!.filter((c) => c.field === '教学及辅助用房面积').map((c) => c.how)).toEqual([
      'summed',
      'summed',
    ]);
  });

  it('教学辅助用房 alone is the part, never the whole: without 教学用房 the column is missing, not half read', async () => {
    const rows = county().map((r, i) =>
      i === 0 ? r.map((h) => (h === '教学及辅助用房面积' ? '教学辅助用房面积' : h)) : r,
    );
    const r = await check(await workbook({ 学校数据: rows }));
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['MISSING_COLUMN']);
    expect(r.issues.find((i) => i.code === 'MISSING_COLUMN')!.message).toContain('教学用房面积');
  });
});

describe('学生人数 over 小学部 | 初中部 (found by a new user: DUPLICATE_COLUMN_DIFFERS, the 小学部 column read for every school)', () => {
  it('the two parts are the 小学 and 初中 students', async () => {
    const [, ...schools] = county();
    const top: Cell[] = ['学校名称', '学校类型', '学生人数', null, ...HEADER.slice(4)];
    const bottom: Cell[] = [null, null, '小学部', '初中部', ...HEADER.slice(4).map(() => null)];
    const letter = (i: number) => String.fromCharCode(65 + i);
    const merges = [
      'C1:D1',
      ...top
        .map((_, i) => i)
        .filter((i) => i !== 2 && i !== 3)
        .map((i) => `${letter(i)}1:${letter(i)}2`),
    ];
    const r = await check(await workbook({ 学校数据: { rows: [top, bottom, ...schools], merges } }));
    const plain = await check(await workbook({ 学校数据: county() }));
    expect(r.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual([]);
    expect(r.counties[0]!.levels.map((l) => l.result.students)).toEqual(
      plain.counties[0]!.levels.map((l) => l.result.students),
    );
  });
});
