/**
 * Guarantee items 3–5 judged from the school rows (indicators.md §3): music and art rooms,
 * school size, class size. Thresholds only from the profile.
 */
import { makeIssue, type Issue } from '../issues/catalogue';
import type { Profile } from './profile';
import type { ChecklistItem } from './rule-schema';
import { LEVELS, TYPE_LEVELS, type Level, type SchoolItemField, type SchoolRecord } from './types';

export type Status = 'met' | 'not_met' | 'not_provided';

/** The school columns each item judged from the school rows reads, besides the students (explain names them). */
export const ITEM_FIELDS: Record<NonNullable<ChecklistItem['school']>, readonly SchoolItemField[]> = {
  rooms: [
    'classes',
    'classesPrimary',
    'classesJunior',
    'musicRooms',
    'musicRoomsUpToStandard',
    'artRooms',
    'artRoomsUpToStandard',
  ],
  size: [],
  classSize: ['oversizeClasses', 'maxClassSize'],
};

export interface RoomCheck {
  needed: number;
  have: number | null;
  /** Rooms short of `needed`. */
  missing: number | null;
  /** Rooms below the minimum area (have − 面积达标间数). */
  tooSmall: number | null;
}

/** A school as the county items' lists name it. */
export type SchoolName = Pick<SchoolRecord, 'name' | 'county'>;

export interface SchoolItems<School extends SchoolName = SchoolRecord> {
  school: School;
  classes: number | null;
  rooms: { status: Status; music: RoomCheck | null; art: RoomCheck | null };
  size: { status: Status; students: number; max: number; over: number };
  classSize: { status: Status; oversizeClasses: number | null; maxClassSize: number | null; limit: number | null };
}

export function evaluateSchoolItems(
  school: SchoolRecord,
  profile: Profile,
): { items: SchoolItems; issues: readonly Issue[] } {
  // Most schools have no inconsistent count: one shared empty list for them (a province has 100 000).
  let issues: readonly Issue[] = NO_ISSUES;
  const it = school.items;
  const classes =
    it.classes ??
    (it.classesPrimary !== undefined || it.classesJunior !== undefined
      ? (it.classesPrimary ?? 0) + (it.classesJunior ?? 0)
      : null);
  if (
    it.musicRoomsUpToStandard !== undefined &&
    it.musicRooms !== undefined &&
    it.musicRoomsUpToStandard > it.musicRooms
  )
    issues = [
      ...issues,
      inconsistent(
        school,
        'musicRoomsUpToStandard',
        '面积达标的音乐教室多于音乐教室总数',
        it.musicRoomsUpToStandard,
        it.musicRooms,
      ),
    ];
  if (it.artRoomsUpToStandard !== undefined && it.artRooms !== undefined && it.artRoomsUpToStandard > it.artRooms)
    issues = [
      ...issues,
      inconsistent(
        school,
        'artRoomsUpToStandard',
        '面积达标的美术教室多于美术教室总数',
        it.artRoomsUpToStandard,
        it.artRooms,
      ),
    ];
  if (it.oversizeClasses !== undefined && classes !== null && it.oversizeClasses > classes)
    issues = [
      ...issues,
      inconsistent(school, 'oversizeClasses', '超标班额班级多于班级总数', it.oversizeClasses, classes),
    ];

  return {
    items: {
      school,
      classes,
      rooms: rooms(school, classes, profile),
      size: size(school, profile),
      classSize: classSize(school, profile),
    },
    issues,
  };
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

function inconsistent(school: SchoolRecord, field: SchoolItemField, what: string, part: number, whole: number): Issue {
  const ref = school.source.cells[field];
  return makeIssue(
    'COUNTS_INCONSISTENT',
    {
      sheet: school.source.sheet,
      ...(ref ? { cell: ref.cell, column: ref.column } : { row: school.source.row }),
      school: school.name,
      county: school.county,
    },
    { what, part, whole },
  );
}

/**
 * The columns a school's row lacks for an item it cannot be judged on (未提供): 班级数; a room count or its
 * 面积达标间数; for class size 超标班额班级数 or 最大班额 (either would do), or 超标班额班级数 when the largest
 * class lies between the two levels' limits. Frozen lists, shared (a province has 100 000 schools).
 */
export function missingFields(
  s: SchoolItems,
  kind: NonNullable<ChecklistItem['school']>,
  profile: Profile,
): readonly SchoolItemField[] {
  const it = s.school.items;
  if (kind === 'size') return NO_FIELDS;
  if (kind === 'classSize')
    return it.oversizeClasses === undefined && it.maxClassSize === undefined ? CLASS_SIZE_FIELDS : OVERSIZE_FIELD;
  if (s.classes === null) return CLASSES_FIELD;
  const sized = profile.schoolItems.rooms.sizeRequired;
  const lacking = (have: SchoolItemField, upToStandard: SchoolItemField): SchoolItemField | null =>
    it[have] === undefined ? have : sized && it[upToStandard] === undefined ? upToStandard : null;
  const fields = [lacking('musicRooms', 'musicRoomsUpToStandard'), lacking('artRooms', 'artRoomsUpToStandard')].filter(
    (f): f is SchoolItemField => f !== null,
  );
  const key = fields.join();
  let shared = ROOM_FIELDS.get(key);
  if (!shared) ROOM_FIELDS.set(key, (shared = Object.freeze(fields)));
  return shared;
}
const NO_FIELDS: readonly SchoolItemField[] = Object.freeze([]);
const CLASSES_FIELD: readonly SchoolItemField[] = Object.freeze(['classes'] as const);
const CLASS_SIZE_FIELDS: readonly SchoolItemField[] = Object.freeze(['oversizeClasses', 'maxClassSize'] as const);
const OVERSIZE_FIELD: readonly SchoolItemField[] = Object.freeze(['oversizeClasses'] as const);
const ROOM_FIELDS = new Map<string, readonly SchoolItemField[]>();

/** The judgement of a school whose row gives no classes: one frozen value shared by all such schools (a province has 100 000). */
const ROOMS_NOT_PROVIDED: SchoolItems['rooms'] = Object.freeze({ status: 'not_provided', music: null, art: null });

function rooms(school: SchoolRecord, classes: number | null, profile: Profile): SchoolItems['rooms'] {
  const rule = profile.schoolItems.rooms;
  if (classes === null) return ROOMS_NOT_PROVIDED;
  const needed = classes > 0 ? Math.max(rule.minRooms, Math.ceil(classes / rule.classesPerRoom)) : 0;
  const check = (have: number | undefined, upToStandard: number | undefined): RoomCheck => ({
    needed,
    have: have ?? null,
    missing: have === undefined ? null : Math.max(0, needed - have),
    tooSmall: have === undefined || upToStandard === undefined ? null : Math.max(0, have - upToStandard),
  });
  const music = check(school.items.musicRooms, school.items.musicRoomsUpToStandard);
  const art = check(school.items.artRooms, school.items.artRoomsUpToStandard);
  /** Enough rooms, and (where size counts) enough rooms of the minimum area. */
  const judge = (c: RoomCheck, upToStandard: number | undefined): Status => {
    if (c.have === null) return 'not_provided';
    if (c.missing! > 0) return 'not_met';
    if (!rule.sizeRequired) return 'met';
    if (upToStandard === undefined) return 'not_provided';
    return upToStandard >= needed ? 'met' : 'not_met';
  };
  return {
    status: combine([judge(music, school.items.musicRoomsUpToStandard), judge(art, school.items.artRoomsUpToStandard)]),
    music,
    art,
  };
}

function size(school: SchoolRecord, profile: Profile): SchoolItems['size'] {
  let students = 0;
  for (const l of LEVELS) students += school.students[l] ?? 0;
  const max = profile.schoolItems.maxStudents[school.type as keyof Profile['schoolItems']['maxStudents']] ?? Infinity;
  const over = Math.max(0, students - max);
  return { status: over > 0 ? 'not_met' : 'met', students, max, over };
}

function classSize(school: SchoolRecord, profile: Profile): SchoolItems['classSize'] {
  const { oversizeClasses, maxClassSize } = school.items;
  // The limits of the levels with students: the highest, and the lowest (no list made: a province has 100 000 schools).
  const offered = TYPE_LEVELS[school.type];
  let limit: number | null = null;
  let lowest = Infinity;
  for (let i = 0; i < LEVELS.length; i++) {
    const l: Level = LEVELS[i]!;
    if (!offered.includes(l) || !((school.students[l] ?? 0) > 0)) continue;
    const x = profile.schoolItems.maxClassSize[l];
    limit = limit === null ? x : Math.max(limit, x);
    lowest = Math.min(lowest, x);
  }
  const judged = (status: Status): SchoolItems['classSize'] => ({
    status,
    oversizeClasses: oversizeClasses ?? null,
    maxClassSize: maxClassSize ?? null,
    limit,
  });
  if (oversizeClasses !== undefined) return judged(oversizeClasses > 0 ? 'not_met' : 'met');
  if (maxClassSize === undefined) return classSizeNotGiven(limit);
  if (limit === null) return judged('not_provided');
  // With one limit per level, a largest class between the limits cannot be placed without per-level data.
  if (maxClassSize <= lowest) return judged('met');
  if (maxClassSize > limit) return judged('not_met');
  return judged('not_provided');
}

/** A row without class-size columns: one frozen value per limit, shared by its schools. */
const CLASS_SIZE_NOT_GIVEN = new Map<number | null, SchoolItems['classSize']>();
function classSizeNotGiven(limit: number | null): SchoolItems['classSize'] {
  let judged = CLASS_SIZE_NOT_GIVEN.get(limit);
  if (!judged)
    CLASS_SIZE_NOT_GIVEN.set(
      limit,
      (judged = Object.freeze({ status: 'not_provided', oversizeClasses: null, maxClassSize: null, limit })),
    );
  return judged;
}

export interface RoomTotals {
  musicMissing: number;
  artMissing: number;
  musicTooSmall: number;
  artTooSmall: number;
}

/** Rooms missing and too small, summed over schools ("缺音乐教室15间…面积不足41间"). */
export function roomTotals(schools: readonly SchoolItems[]): RoomTotals {
  const sum = (f: (s: SchoolItems) => number | null | undefined) => schools.reduce((n, s) => n + (f(s) ?? 0), 0);
  return {
    musicMissing: sum((s) => s.rooms.music?.missing),
    artMissing: sum((s) => s.rooms.art?.missing),
    musicTooSmall: sum((s) => s.rooms.music?.tooSmall),
    artTooSmall: sum((s) => s.rooms.art?.tooSmall),
  };
}

/** Any not met → not met; otherwise any not provided → not provided; otherwise met. */
export function combine(statuses: readonly Status[]): Status {
  if (statuses.includes('not_met')) return 'not_met';
  if (statuses.includes('not_provided') || statuses.length === 0) return 'not_provided';
  return 'met';
}
