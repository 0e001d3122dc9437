// A synthetic county, deterministic from a seed: the sample fixture and the benchmark both use it.
// Values scatter around the 2017 standards; a few schools are deliberately short.

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STD = {
  primary: { q: 4.2, b: 1.0, pa: 0.9, ts: 4.5, ss: 7.5, eq: 2000, mm: 2.3 },
  junior: { q: 5.3, b: 1.0, pa: 0.9, ts: 5.8, ss: 10.2, eq: 2500, mm: 2.4 },
};
const W = { primary: 1, junior: 1.1, senior: 1.32 };

/**
 * One school row. `shape` multiplies every standard (1 = exactly at standard);
 * `short` lists resources pushed below standard, with their factor.
 */
export function makeSchool(rand, spec) {
  const { name, type, ownership = '公办', urbanRural = '乡村', students, shape = 1.25, short = {} } = spec;
  const P = students.primary ?? 0;
  const J = students.junior ?? 0;
  const H = students.senior ?? 0;
  const jitter = () => shape * (0.85 + 0.6 * rand());
  // Rural schools have land; town-centre schools do not: the usual cause of a high 场馆 CV.
  const land = { 城区: 0.8, 镇区: 1.3, 乡村: 2.1 }[urbanRural] * (0.9 + 0.3 * rand());
  const need = (k, level, n) => STD[level][k] * n;
  // Per-student needs at standard, facilities weighted like the official split.
  const teacherNeed = (k) => (need(k, 'primary', P) + need(k, 'junior', J) + need(k, 'junior', H)) / 100;
  const facilityNeed = (k, per100) => {
    const v = need(k, 'primary', P) + need(k, 'junior', J) + need(k, 'junior', H) * (W.senior / W.junior);
    return per100 ? v / 100 : v;
  };
  const f = (k) => (short[k] ?? 1) * jitter() * (k === 'ss' ? land : 1);
  const peArts = Math.max(1, Math.round(teacherNeed('pa') * f('pa')));
  const pe = Math.ceil(peArts * 0.45);
  const music = Math.ceil((peArts - pe) / 2);
  const art = Math.max(0, peArts - pe - music);
  const qualified = Math.round(teacherNeed('q') * f('q'));
  const classes = Math.max(1, Math.round(P / 42) + Math.round(J / 48) + Math.round(H / 50));
  const musicRooms = Math.max(1, Math.ceil(classes / 12) - (rand() < 0.2 ? 1 : 0));
  const artRooms = Math.max(1, Math.ceil(classes / 12));
  const oversizeClasses = rand() < 0.15 ? 1 + Math.floor(rand() * 3) : 0;
  return {
    name,
    code: String(3100000000 + Math.floor(rand() * 99999999)).padStart(10, '0'),
    type,
    ownership,
    urbanRural,
    studentsPrimary: students.primary ?? null,
    studentsJunior: students.junior ?? null,
    studentsSenior: students.senior ?? null,
    teachers: Math.max(qualified + 1, Math.round((P + J + H) / 16)),
    qualifiedTeachers: qualified,
    backboneTeachers: Math.round(teacherNeed('b') * f('b')),
    peTeachers: pe,
    musicTeachers: music,
    artTeachers: art,
    teachingSpace: Math.round(facilityNeed('ts') * f('ts') * 10) / 10,
    sportsSpace: Math.round(facilityNeed('ss') * f('ss') * 10) / 10,
    /** 万元, two decimals */
    equipmentWan: Math.round(facilityNeed('eq') * f('eq')) / 100 / 100,
    multimediaRooms: Math.max(1, Math.round(facilityNeed('mm', true) * f('mm'))),
    classes,
    musicRooms,
    musicRoomsUpToStandard: musicRooms - (rand() < 0.25 ? 1 : 0),
    artRooms,
    artRoomsUpToStandard: artRooms - (rand() < 0.15 ? 1 : 0),
    oversizeClasses,
    maxClassSize: oversizeClasses ? 52 + Math.floor(rand() * 6) : 38 + Math.floor(rand() * 7),
  };
}

/** The sample county: 41 schools of every kind the spec names. */
export function sampleCounty() {
  const rand = rng(20241);
  const s = (spec) => makeSchool(rand, spec);
  const schools = [];
  const towns = [
    '城关',
    '东关',
    '西河',
    '南湖',
    '北山',
    '柳林',
    '石桥',
    '黄庄',
    '青龙',
    '白马',
    '双河',
    '桃园',
    '马坊',
    '高家',
    '李村',
    '新集',
  ];
  towns.forEach((t, i) => {
    const ur = i < 4 ? '城区' : i < 8 ? '镇区' : '乡村';
    const size =
      ur === '城区'
        ? 1400 + Math.round(rand() * 700)
        : ur === '镇区'
          ? 600 + Math.round(rand() * 500)
          : 180 + Math.round(rand() * 300);
    const short =
      i === 2
        ? { ss: 0.62 }
        : i === 5
          ? { q: 0.9, mm: 0.8 }
          : i === 9
            ? { ss: 0.7, ts: 0.8 }
            : i === 11
              ? { eq: 0.88 }
              : {};
    schools.push(
      s({
        name: `${t}${i < 4 ? '第一' : ''}小学`,
        type: i % 5 === 3 ? '中心校' : '小学',
        urbanRural: ur,
        students: { primary: size },
        short,
      }),
    );
  });
  schools.push(
    s({
      name: '城关第二小学',
      type: '完全小学',
      urbanRural: '城区',
      students: { primary: 2180 },
      shape: 1.05,
      short: { ss: 0.55 },
    }),
  );
  schools.push(s({ name: '城关第三小学', type: '小学', urbanRural: '城区', students: { primary: 1650 }, shape: 1.1 }));
  schools.push(
    s({
      name: '育英民办小学',
      type: '小学',
      ownership: '民办',
      urbanRural: '城区',
      students: { primary: 23 },
      shape: 3,
    }),
  );
  schools.push(
    s({
      name: '明德民办学校',
      type: '九年一贯制',
      ownership: '民办',
      urbanRural: '镇区',
      students: { primary: 320, junior: 180 },
      shape: 1.1,
      short: { b: 0.5 },
    }),
  );
  schools.push(s({ name: '柳林小学北沟教学点', type: '教学点', students: { primary: 18 }, shape: 1.4 }));
  schools.push(s({ name: '石桥小学西岭教学点', type: '教学点', students: { primary: 36 }, shape: 1.3 }));
  schools.push(s({ name: '青龙小学后山教学点', type: '教学点', students: { primary: 62 }, shape: 1.5 }));
  schools.push(s({ name: '双河村小', type: '村小', students: { primary: 96 }, shape: 1.6 }));
  const juniors = ['城关', '东关', '西河', '南湖', '柳林', '石桥', '青龙', '桃园'];
  juniors.forEach((t, i) => {
    const ur = i < 3 ? '城区' : i < 5 ? '镇区' : '乡村';
    const size = ur === '城区' ? 1300 + Math.round(rand() * 600) : 500 + Math.round(rand() * 400);
    const short = i === 1 ? { ss: 0.7 } : i === 4 ? { q: 0.82, pa: 0.8 } : i === 6 ? { mm: 0.9 } : {};
    schools.push(
      s({
        name: `${t}${i < 3 ? '第一' : ''}初级中学`.replace('第一初级中学', '第一中学'),
        type: i % 3 === 2 ? '初级中学' : '初中',
        urbanRural: ur,
        students: { junior: size },
        short,
      }),
    );
  });
  schools.push(
    s({ name: '黄庄九年制学校', type: '九年一贯制学校', students: { primary: 166, junior: 210 }, shape: 1.3 }),
  );
  schools.push(
    s({
      name: '白马九年一贯制学校',
      type: '九年一贯制',
      urbanRural: '镇区',
      students: { primary: 540, junior: 380 },
      shape: 1.15,
    }),
  );
  schools.push(
    s({
      name: '实验学校',
      type: '十二年一贯制',
      urbanRural: '城区',
      students: { primary: 1200, junior: 900, senior: 800 },
      shape: 1.2,
    }),
  );
  schools.push(
    s({
      name: '示例县第二中学',
      type: '完全中学',
      urbanRural: '城区',
      students: { junior: 1100, senior: 1300 },
      shape: 1.15,
    }),
  );
  schools.push(
    s({
      name: '马坊中学',
      type: '完中',
      urbanRural: '乡村',
      students: { junior: 420, senior: 380 },
      shape: 1.0,
      short: { ts: 0.75 },
    }),
  );
  schools.push(
    s({
      name: '示例县特殊教育学校',
      type: '特殊教育学校',
      urbanRural: '城区',
      students: { primary: 48, junior: 30 },
      shape: 2,
    }),
  );
  return schools;
}
