/**
 * Guarantee items 3–5 judged from the school rows (src/engine/school-items.ts), indicators.md §3: music and art rooms
 * (ceil(classes ÷ 12), at least 1, each of the minimum area), school size (2000, or 2500 for 一贯制), class size (45
 * and 50). What a school's row gives (classes by level, rooms, oversize classes, the largest class), the counts
 * that do not add up, the columns named when an item cannot be judged, and the totals over schools.
 */
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017, type Profile } from '../../src/engine/profile';
import { combine, evaluateSchoolItems, missingFields, roomTotals } from '../../src/engine/school-items';
import type { SchoolRecord, SchoolType } from '../../src/engine/types';
import { school } from '../helpers/records';

const copy = (): Profile => structuredClone(YOUZHI_2017);
const row = (
  items: SchoolRecord['items'],
  type: SchoolType = '小学',
  students: SchoolRecord['students'] = { primary: 500 },
  extra: Partial<SchoolRecord> = {},
) => school('一小', type, students, {}, { items, ...extra });
const judge = (s: SchoolRecord, profile = copy()) => evaluateSchoolItems(s, profile);

describe('classes', () => {
  it('班级数, or the sum of the levels’ classes, or none', () => {
    expect(judge(row({ classes: 20, classesPrimary: 1 })).items.classes).toBe(20);
    expect(judge(row({ classesPrimary: 12, classesJunior: 6 })).items.classes).toBe(18);
    expect(judge(row({ classesPrimary: 12 })).items.classes).toBe(12);
    expect(judge(row({ classesJunior: 6 })).items.classes).toBe(6);
    expect(judge(row({})).items.classes).toBeNull();
  });
});

describe('rooms', () => {
  const all = (classes: number, rooms: number, upToStandard: number): SchoolRecord['items'] => ({
    classes,
    musicRooms: rooms,
    musicRoomsUpToStandard: upToStandard,
    artRooms: rooms,
    artRoomsUpToStandard: upToStandard,
  });

  it('needed: ceil(classes ÷ 12), at least 1; none for a school of no classes', () => {
    expect(judge(row(all(1, 1, 1))).items.rooms.music!.needed).toBe(1);
    expect(judge(row(all(24, 2, 2))).items.rooms.music!.needed).toBe(2);
    expect(judge(row(all(25, 3, 3))).items.rooms.art!.needed).toBe(3);
    const none = judge(row(all(0, 0, 0))).items.rooms;
    expect(none.status).toBe('met');
    expect(none.music).toEqual({ needed: 0, have: 0, missing: 0, tooSmall: 0 });
  });

  it('each room kind judged: art short alone fails the item', () => {
    const r = judge(row({ ...all(24, 2, 2), artRooms: 1, artRoomsUpToStandard: 1 })).items.rooms;
    expect(r.status).toBe('not_met');
    expect(r.music).toEqual({ needed: 2, have: 2, missing: 0, tooSmall: 0 });
    expect(r.art).toEqual({ needed: 2, have: 1, missing: 1, tooSmall: 0 });
  });

  it('more rooms than needed, enough of the minimum area: met, the small ones counted', () => {
    const r = judge(row(all(12, 3, 1))).items.rooms;
    expect(r.status).toBe('met');
    expect(r.music).toEqual({ needed: 1, have: 3, missing: 0, tooSmall: 2 });
  });

  it('too few of the minimum area: not met; the area not given: not provided, tooSmall unknown', () => {
    expect(judge(row(all(24, 2, 1))).items.rooms.status).toBe('not_met');
    const r = judge(row({ classes: 12, musicRooms: 1, artRooms: 1 })).items.rooms;
    expect(r.status).toBe('not_provided');
    expect(r.music).toEqual({ needed: 1, have: 1, missing: 0, tooSmall: null });
  });

  it('rooms not given: not provided, nothing known but the need; no classes: not provided', () => {
    const r = judge(row({ classes: 12 })).items.rooms;
    expect(r.status).toBe('not_provided');
    expect(r.art).toEqual({ needed: 1, have: null, missing: null, tooSmall: null });
    expect(judge(row({ musicRooms: 1, artRooms: 1 })).items.rooms).toEqual({
      status: 'not_provided',
      music: null,
      art: null,
    });
  });

  it('where size does not count, rooms enough in number are met without their area; too few, or none given, are not', () => {
    const lenient = copy();
    lenient.schoolItems.rooms.sizeRequired = false;
    expect(judge(row({ classes: 12, musicRooms: 1, artRooms: 1 }), lenient).items.rooms.status).toBe('met');
    expect(judge(row({ classes: 24, musicRooms: 1, artRooms: 2 }), lenient).items.rooms.status).toBe('not_met');
    expect(judge(row({ classes: 12 }), lenient).items.rooms.status).toBe('not_provided');
  });

  it('rooms up to standard given without the rooms: nothing known of the small ones', () => {
    const r = judge(row({ classes: 12, musicRoomsUpToStandard: 1, artRooms: 1, artRoomsUpToStandard: 1 })).items.rooms;
    expect(r.music).toEqual({ needed: 1, have: null, missing: null, tooSmall: null });
    expect(r.status).toBe('not_provided');
  });
});

describe('size and class size', () => {
  it('size: 九年一贯制 up to 2500; a 特殊教育学校 has no limit', () => {
    expect(judge(row({}, '九年一贯制', { primary: 1500, junior: 1000 })).items.size).toEqual({
      status: 'met',
      students: 2500,
      max: 2500,
      over: 0,
    });
    expect(judge(row({}, '九年一贯制', { primary: 1500, junior: 1001 })).items.size).toEqual({
      status: 'not_met',
      students: 2501,
      max: 2500,
      over: 1,
    });
    expect(judge(row({}, '特殊教育学校', { primary: 5000 })).items.size).toMatchObject({
      status: 'met',
      max: Infinity,
      over: 0,
    });
  });

  it('class size: the limit of the levels with students; the counts as given', () => {
    expect(judge(row({ maxClassSize: 50 }, '初中', { junior: 300 })).items.classSize).toEqual({
      status: 'met',
      oversizeClasses: null,
      maxClassSize: 50,
      limit: 50,
    });
    expect(judge(row({ maxClassSize: 51 }, '初中', { junior: 300 })).items.classSize.status).toBe('not_met');
    // A 九年一贯制 school with only primary students: 45 alone.
    expect(judge(row({ maxClassSize: 46 }, '九年一贯制', { primary: 300, junior: 0 })).items.classSize).toEqual({
      status: 'not_met',
      oversizeClasses: null,
      maxClassSize: 46,
      limit: 45,
    });
    // Both levels: 45 and 50; 45 met, 50 between (not provided), 51 over.
    const nine = (max: number) => judge(row({ maxClassSize: max }, '九年一贯制', { primary: 300, junior: 200 }));
    expect(nine(45).items.classSize.limit).toBe(50);
    expect(nine(50).items.classSize.status).toBe('not_provided');
    // Oversize classes decide before the largest class.
    expect(judge(row({ oversizeClasses: 0, maxClassSize: 60 })).items.classSize).toEqual({
      status: 'met',
      oversizeClasses: 0,
      maxClassSize: 60,
      limit: 45,
    });
  });

  it('class size with a profile’s own limits (小学 52, 初中 44): the highest of the levels taught, the lowest met', () => {
    const p = copy();
    p.schoolItems.maxClassSize = { primary: 52, junior: 44 };
    const nine = (items: SchoolRecord['items']) =>
      judge(row(items, '九年一贯制', { primary: 300, junior: 200 }), p).items.classSize;
    expect(nine({})).toEqual({ status: 'not_provided', oversizeClasses: null, maxClassSize: null, limit: 52 });
    expect([
      nine({ maxClassSize: 44 }).status,
      nine({ maxClassSize: 48 }).status,
      nine({ maxClassSize: 53 }).status,
    ]).toEqual(['met', 'not_provided', 'not_met']);
  });

  it('class size: no column, or no level with students: not provided', () => {
    expect(judge(row({})).items.classSize).toEqual({
      status: 'not_provided',
      oversizeClasses: null,
      maxClassSize: null,
      limit: 45,
    });
    expect(judge(row({ maxClassSize: 30 }, '小学', {})).items.classSize).toEqual({
      status: 'not_provided',
      oversizeClasses: null,
      maxClassSize: 30,
      limit: null,
    });
    // A type whose levels have no students here: the 高中 of a 完全中学 is not compulsory.
    expect(judge(row({ maxClassSize: 30 }, '完全中学', { senior: 500 })).items.classSize.limit).toBeNull();
  });
});

describe('counts that do not add up', () => {
  const cells = {
    musicRoomsUpToStandard: { cell: 'I7', column: '音乐达标', unitFactor: 1 },
    artRoomsUpToStandard: { cell: 'K7', column: '美术达标', unitFactor: 1 },
    oversizeClasses: { cell: 'M7', column: '超标班额', unitFactor: 1 },
  };

  it('more art rooms up to standard than art rooms; more oversize classes than classes: at their cells', () => {
    const { issues } = judge(
      row(
        {
          classes: 3,
          musicRooms: 0,
          musicRoomsUpToStandard: 1,
          artRooms: 1,
          artRoomsUpToStandard: 2,
          oversizeClasses: 4,
        },
        '小学',
        { primary: 100 },
        {
          source: { sheet: '学校', row: 7, cells },
        },
      ),
    );
    expect(issues.map((i) => [i.code, i.sheet, i.cell, i.column, i.school, i.text])).toEqual([
      [
        'COUNTS_INCONSISTENT',
        '学校',
        'I7',
        '音乐达标',
        '一小',
        '面积达标的音乐教室多于音乐教室总数（1 对 0），数据不一致',
      ],
      [
        'COUNTS_INCONSISTENT',
        '学校',
        'K7',
        '美术达标',
        '一小',
        '面积达标的美术教室多于美术教室总数（2 对 1），数据不一致',
      ],
      ['COUNTS_INCONSISTENT', '学校', 'M7', '超标班额', '一小', '超标班额班级多于班级总数（4 对 3），数据不一致'],
    ]);
  });

  it('without a cell, the row; equal counts are no issue; classes by level count too', () => {
    const { issues } = judge(row({ musicRooms: 1, musicRoomsUpToStandard: 2 }));
    expect(issues.map((i) => [i.sheet, i.row, i.cell, i.text])).toEqual([
      ['测试', 2, undefined, '面积达标的音乐教室多于音乐教室总数（2 对 1），数据不一致'],
    ]);
    expect(
      judge(
        row({
          musicRooms: 2,
          musicRoomsUpToStandard: 2,
          artRooms: 2,
          artRoomsUpToStandard: 2,
          classes: 3,
          oversizeClasses: 3,
        }),
      ).issues,
    ).toEqual([]);
    expect(judge(row({ classesPrimary: 2, classesJunior: 1, oversizeClasses: 4 })).issues.map((i) => i.text)).toEqual([
      '超标班额班级多于班级总数（4 对 3），数据不一致',
    ]);
    expect(judge(row({ oversizeClasses: 4 })).issues).toEqual([]);
  });
});

describe('the columns a row lacks', () => {
  const fields = (items: SchoolRecord['items'], kind: 'rooms' | 'size' | 'classSize', profile = copy()) =>
    missingFields(evaluateSchoolItems(row(items), profile).items, kind, profile);

  it('size: none; class size: both columns, or 超标班额班级数 alone when the largest class is given', () => {
    expect(fields({}, 'size')).toEqual([]);
    expect(fields({}, 'classSize')).toEqual(['oversizeClasses', 'maxClassSize']);
    expect(fields({ maxClassSize: 48 }, 'classSize')).toEqual(['oversizeClasses']);
  });

  it('rooms: 班级数 first; then each kind’s rooms, or its 面积达标间数 where size counts', () => {
    expect(fields({}, 'rooms')).toEqual(['classes']);
    expect(fields({ classes: 12 }, 'rooms')).toEqual(['musicRooms', 'artRooms']);
    expect(fields({ classes: 12, musicRooms: 1, artRooms: 1 }, 'rooms')).toEqual([
      'musicRoomsUpToStandard',
      'artRoomsUpToStandard',
    ]);
    expect(fields({ classes: 12, musicRooms: 1, musicRoomsUpToStandard: 1 }, 'rooms')).toEqual(['artRooms']);
    const lenient = copy();
    lenient.schoolItems.rooms.sizeRequired = false;
    expect(fields({ classes: 12, musicRooms: 1, artRooms: 1 }, 'rooms', lenient)).toEqual([]);
  });

  it('schools lacking the same columns share one list (the checklist groups its schools by it)', () => {
    expect(fields({ classes: 12, musicRooms: 1 }, 'rooms')).toBe(fields({ classes: 24, musicRooms: 3 }, 'rooms'));
  });
});

describe('totals and the combined status', () => {
  it('roomTotals sums missing and too-small rooms over schools, unknown as 0', () => {
    const p = copy();
    const items = [
      row({ classes: 24, musicRooms: 1, musicRoomsUpToStandard: 0, artRooms: 3, artRoomsUpToStandard: 1 }),
      row({ classes: 36, musicRooms: 1, artRooms: 0, artRoomsUpToStandard: 0 }),
      row({}),
    ].map((s) => evaluateSchoolItems(s, p).items);
    expect(roomTotals(items)).toEqual({ musicMissing: 1 + 2, artMissing: 0 + 3, musicTooSmall: 1, artTooSmall: 2 });
    expect(roomTotals([])).toEqual({ musicMissing: 0, artMissing: 0, musicTooSmall: 0, artTooSmall: 0 });
  });

  it('combine: any not met; else any not provided (or nothing at all); else met', () => {
    expect(combine(['met', 'not_provided', 'not_met'])).toBe('not_met');
    expect(combine(['met', 'not_provided'])).toBe('not_provided');
    expect(combine([])).toBe('not_provided');
    expect(combine(['met', 'met'])).toBe('met');
  });
});
