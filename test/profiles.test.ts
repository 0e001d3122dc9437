/** Built-in profiles, the 2012 method, and --profile overrides. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/cli/pipeline';
import { ProfileSchema, YOUZHI_2017 } from '../src/engine/profile';
import { BUILT_IN_PROFILES, JIBEN_2012, resolveProfile } from '../src/engine/profiles';
import { toJson } from '../src/render/json';
import { FIELDS } from '../src/schema/columns';
import { INPUT_FIELDS } from '../src/engine/types';
import { tmp, workbook, type Cell } from './helpers/files';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [resolve('bin/balance-check.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('built-in profiles', () => {
  // They are not parsed at start: each must already be what the schema makes of it (valid, every default given, keys in the schema's order).
  it.each(BUILT_IN_PROFILES.map((p) => [p.id, p] as const))('%s is its own parse', (_, profile) => {
    expect(JSON.stringify(ProfileSchema.parse(profile), null, 1)).toBe(JSON.stringify(profile, null, 1));
  });
  it('the header wordings are keyed by the columns the schema has, one definition each', () => {
    expect(FIELDS.map((f) => f.id)).toEqual([...INPUT_FIELDS]);
    for (const id of Object.keys(YOUZHI_2017.wording.schoolHeaders)) expect(INPUT_FIELDS).toContain(id);
  });
  it('a built-in that breaks a rule of the schema is caught', () => {
    const bad = { ...YOUZHI_2017, cv: { ...YOUZHI_2017.cv, decimals: -1 } };
    expect(() => ProfileSchema.parse(bad)).toThrow();
    const unordered = {
      ...YOUZHI_2017,
      plausibility: { equipmentYuanRatio: 100, equipmentWanRatio: 0.01, outlierFactor: 5 },
    };
    expect(JSON.stringify(ProfileSchema.parse(unordered))).not.toBe(JSON.stringify(unordered));
  });
});

describe('jiben-2012 (indicators.md §6)', () => {
  it('the public 生均图书册数 vector gives CV 0.5153 (0.52 published)', async () => {
    const report = await analyse('fixtures/vectors/cv-books-5-schools.csv', { profile: JIBEN_2012 });
    const level = report.counties[0]!.levels[0]!.result;
    expect(level.indicators.books!.cv).toBeCloseTo(0.515257, 6);
    expect(level.indicators.books!.mean).toBeCloseTo(1913 / 302, 12);
    // Only one of the 8 columns: the others are left out with a warning, and the composite is that one CV.
    expect(report.issues.map((i) => i.code)).toEqual(['INDICATORS_NOT_PROVIDED']);
    expect(level.compositeCv).toBeCloseTo(0.515257, 6);
  });

  it('综合差异系数 is the mean of the 8 CVs, judged against 0.65 / 0.55 (hand-checked)', async () => {
    // Two schools of 100 students; B has 3× A's resources, so every CV = |3−1| / (3+1) = 0.5 ...
    const header = [
      '学校名称',
      '学校类型',
      '小学在校生数',
      '教学及辅助用房面积',
      '体育运动场馆面积',
      '教学仪器设备资产值',
      '计算机台数',
      '图书册数',
      '专任教师数',
      '高于规定学历教师数',
      '中级及以上专业技术职务教师数',
    ];
    const a: Cell[] = ['甲', '小学', 100, 500, 800, 200000, 10, 2000, 6, 5, 3];
    const b: Cell[] = ['乙', '小学', 100, 1500, 2400, 600000, 30, 6000, 18, 15, 9];
    const even = await analyse(await workbook({ 学校数据: [header, a, b] }), { profile: JIBEN_2012 });
    const l = even.counties[0]!.levels[0]!.result;
    for (const s of Object.values(l.indicators)) expect(s.cv).toBeCloseTo(0.5, 12);
    expect(l.compositeCv).toBeCloseTo(0.5, 12);
    expect(l.pass).toBe(true);
    // ... and with 图书 equal in both schools (CV 0) the composite is (7 × 0.5 + 0) / 8 = 0.4375.
    const sameBooks = await analyse(
      await workbook({ 学校数据: [header, a, [...b.slice(0, 7), 2000, ...b.slice(8)]] }),
      { profile: JIBEN_2012 },
    );
    expect(sameBooks.counties[0]!.levels[0]!.result.compositeCv).toBeCloseTo(0.4375, 12);
    const json = toJson(sameBooks) as { counties: { verdict: { dimensions: object } }[] };
    expect(json.counties[0]!.verdict.dimensions).toEqual({ resources: 'met' });
  });

  it('a composite above 0.65 fails the level', async () => {
    const header = ['学校名称', '学校类型', '小学在校生数', '图书册数'];
    const r = await analyse(
      await workbook({ 学校数据: [header, ['甲', '小学', 100, 100], ['乙', '小学', 100, 1000]] }),
      { profile: JIBEN_2012 },
    );
    const l = r.counties[0]!.levels[0]!.result;
    expect(l.compositeCv).toBeCloseTo(900 / 1100, 12);
    expect(l.pass).toBe(false);
  });
});

describe('--profile overrides', () => {
  it('extends a built-in and changes one standard', () => {
    const p = resolveProfile({ extends: 'youzhi-2017', indicators: { sports_space: { standard: { primary: 7 } } } });
    expect(p.indicators.find((i) => i.id === 'sports_space')!.standard).toEqual({ primary: 7, junior: 10.2 });
    expect(p.indicators.find((i) => i.id === 'teaching_space')!.standard).toEqual(YOUZHI_2017.indicators[3]!.standard);
    expect(p.id).toBe('youzhi-2017+custom');
  });

  it('overrides thresholds, split weights and exclusions', () => {
    const p = resolveProfile({
      cv: { threshold: { primary: 0.55 } },
      splitWeights: { 九年一贯制: { junior: 1.2 } },
      exclusions: { teachingPointMinStudents: 30 },
    });
    expect(p.cv.threshold).toEqual({ primary: 0.55, junior: 0.45 });
    expect(p.splitWeights.九年一贯制).toEqual({ primary: 1, junior: 1.2 });
    expect(p.exclusions.teachingPointMinStudents).toBe(30);
  });

  it.each([
    [{ extends: 'nope' }, /extends：没有名为“nope”/],
    [{ indicators: { nope: {} } }, /indicators 中没有 “nope”/],
    [{ cv: { threshold: { primary: 'x' } } }, /配置项 cv\.threshold\.primary 无效：应为 number/],
    [{ indicators: { sports_space: { scale: 3 } } }, /配置项 indicators\.sports_space\.scale 无效/],
    [{ compliance: { floorRatio: 1.5 } }, /配置项 compliance\.floorRatio 无效：应不大于 1/],
    [[1, 2], /应为 JSON 对象/],
  ])('a bad profile names the key: %j', (json, message) => {
    expect(() => resolveProfile(json)).toThrow(message);
  });

  it('on the command line: a custom file, a built-in name, and a bad file (exit 3)', async () => {
    const dir = tmp();
    const good = join(dir, '省细则.json');
    writeFileSync(
      good,
      JSON.stringify({ extends: 'youzhi-2017', indicators: { sports_space: { standard: { primary: 1 } } } }),
    );
    const custom = run(['fixtures/sample-county.xlsx', '--profile', good, '-o', dir, '--json']);
    expect(custom.code).toBe(0);
    const json = JSON.parse(custom.stdout);
    expect(json.profile.id).toBe('youzhi-2017+custom');
    expect(json.counties[0].levels.primary.indicators.sports_space.standard).toBe(1);
    expect(run(['fixtures/vectors/cv-books-5-schools.csv', '--profile', 'jiben-2012', '-o', dir, '-q']).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ cv: { threshold: { junior: -1 } } }));
    const r = run(['fixtures/sample-county.xlsx', '--profile', bad, '-o', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cv.threshold.junior');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a misspelt key is refused with the keys there are, not dropped (the built-in value would be used without a word)', () => {
    expect(() => resolveProfile({ cv: { treshold: { primary: 0.6 } } })).toThrow(
      '未知的配置项 “cv.treshold”（此处可用：rule、threshold、decimals、borderlineMargin）',
    );
    expect(() => resolveProfile({ indicators: { sports_space: { standrd: { primary: 7 } } } })).toThrow(
      '“indicators.sports_space.standrd”',
    );
    expect(() => resolveProfile({ cvv: 1 })).toThrow('未知的配置项 “cvv”');
    expect(() => resolveProfile({ compliance: { minIndicatorMet: 5 } })).toThrow(
      '未知的配置项 “compliance.minIndicatorMet”（此处可用：minIndicatorsMet、floorRatio）',
    );
    // A record keyed by column id lists every column id, not only those the built-in gives wordings for.
    expect(() => resolveProfile({ wording: { schoolHeaders: { nmae: ['x'] } } })).toThrow(
      /此处可用：code、name、.*teachingSpace、.*midTitleTeachers）/,
    );
    // Every object of the schema refuses unknown keys (a new z.object would drop a misspelt key again).
    const loose: string[] = [];
    const walk = (node: unknown, at: string): void => {
      const n = node as {
        def: {
          type: string;
          catchall?: { def: { type: string } };
          innerType?: unknown;
          element?: unknown;
          valueType?: unknown;
          options?: unknown[];
        };
        shape?: Record<string, unknown>;
      };
      if (n.def.type === 'object') {
        if (n.def.catchall?.def.type !== 'never') loose.push(at || '(profile)');
        for (const [k, v] of Object.entries(n.shape ?? {})) walk(v, `${at}.${k}`);
      } else if (n.def.type === 'union') for (const o of n.def.options ?? []) walk(o, at);
      else for (const inner of [n.def.innerType, n.def.element, n.def.valueType]) if (inner) walk(inner, at);
    };
    walk(ProfileSchema, '');
    expect(loose).toEqual([]);
    // Records take new keys: 元 per unit by indicator id, a profile's own 学校类型 words.
    expect(resolveProfile({ unitCosts: { sports_space: 300 } }).unitCosts).toEqual({ sports_space: 300 });
    expect(
      resolveProfile({ wording: { schoolValues: { type: { 基点校: '小学' } } } }).wording.schoolValues.type.基点校,
    ).toBe('小学');
  });

  it('school rows in a county’s own words: value words and total / note rows come from the profile', async () => {
    const { HEADER, primary, junior } = await import('./helpers/files');
    const rows: Cell[][] = [HEADER, primary('一小', 800), primary('二小', 600), junior('一中', 900)];
    rows[2]![1] = '基点校'; // no built-in word for it
    rows.push(['全县', null, 2300]); // a total row without 合计
    rows.push(['制单：张三']); // a note row without 填表
    const path = await workbook({ 学校数据: rows });
    const plain = await analyse(path, { profile: YOUZHI_2017 });
    expect(plain.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['UNKNOWN_SCHOOL_TYPE']));
    const own = resolveProfile({
      wording: {
        schoolValues: { type: { 基点校: '小学' } },
        schoolRows: {
          totalMarks: [...YOUZHI_2017.wording.schoolRows.totalMarks, '全县'],
          notePrefixes: [...YOUZHI_2017.wording.schoolRows.notePrefixes, '制　单'],
        }, // read as a first text is: 制单
      },
    });
    // The built-in words are kept where the profile adds (an object merges) and replaced where it lists (an array).
    expect(own.wording.schoolValues.type.完小).toBe('小学');
    const r = await analyse(path, { profile: own });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['ROW_SKIPPED_TOTAL', 'ROW_SKIPPED_NOTE']));
    expect(r.counties[0]!.schoolCount).toBe(3);
    expect(() => resolveProfile({ wording: { schoolValues: { type: { 基点校: '大学' } } } })).toThrow(
      /wording\.schoolValues\.type\.基点校/,
    );
  });

  it('a profile’s own 学校类型 word names a 学段 heading too, after the built-in profile read the same file', async () => {
    const { HEADER, primary } = await import('./helpers/files');
    const rows: Cell[][] = [HEADER, primary('一小', 800), ['二、村校'], primary('河东村校', 60)];
    rows[3]![1] = '村校';
    const path = await workbook({ 学校数据: rows });
    // The built-in profile first (its marks made once), then one made from it in code that shares its
    // schoolRows object and adds 村校 (resolveProfile copies every object; a caller of analyse need not).
    expect((await analyse(path, { profile: YOUZHI_2017 })).issues.map((i) => i.code)).toContain('UNKNOWN_SCHOOL_TYPE');
    const w = YOUZHI_2017.wording;
    const own = {
      ...YOUZHI_2017,
      wording: { ...w, schoolValues: { ...w.schoolValues, type: { ...w.schoolValues.type, 村校: '小学' as const } } },
    };
    const r = await analyse(path, { profile: own });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain('ROW_SKIPPED_SECTION');
  });

  it('the built-in words read a county written in its own way: 小学在校生, 完全小学校, 全县总数, 制表人', async () => {
    const { HEADER, primary, junior } = await import('./helpers/files');
    const header = HEADER.map((h) => (h === '小学在校生数' ? '小学在校生' : h === '初中在校生数' ? '初中在校生' : h));
    const rows: Cell[][] = [header, primary('一小', 800), primary('二小', 600), junior('一中', 900)];
    rows[1]![1] = '完全小学校';
    rows[3]![1] = '初级中学校';
    rows.push(['全县总数', null, 1400, 900], ['制表人：王五']);
    const r = await analyse(await workbook({ 学校数据: rows }), { profile: YOUZHI_2017 });
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.issues.map((i) => i.code).sort()).toEqual(['ROW_SKIPPED_NOTE', 'ROW_SKIPPED_TOTAL']);
    expect(r.counties[0]!.levels.map((l) => [l.level, l.result.students])).toEqual([
      ['primary', 1400],
      ['junior', 900],
    ]);
  });

  it('school headers in a county’s own words come from the profile: its wordings, the label always, unknown columns refused', async () => {
    const { HEADER, primary, junior } = await import('./helpers/files');
    // 机构名称 and 室外活动场地 are in no built-in wording or keyword set.
    const header = HEADER.map((h) => (h === '学校名称' ? '机构名称' : h === '体育运动场馆面积' ? '室外活动场地' : h));
    const rows: Cell[][] = [header, primary('一小', 800), primary('二小', 600), junior('一中', 900)];
    const path = await workbook({ 学校数据: rows });
    const plain = await analyse(path, { profile: YOUZHI_2017 });
    expect(plain.issues.map((i) => i.code)).toContain('HEADER_NOT_FOUND');
    const own = resolveProfile({ wording: { schoolHeaders: { name: ['机构名称'], sportsSpace: ['室外活动场地'] } } });
    const r = await analyse(path, { profile: own });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.counties[0]!.schoolCount).toBe(3);
    // A list replaces the built-in one (学校 / 校名 no longer read), the label 学校名称 is always read.
    expect(own.wording.schoolHeaders.name).toEqual(['机构名称']);
    const labelled = await analyse(await workbook({ 学校数据: [HEADER, primary('一小', 800), junior('一中', 900)] }), {
      profile: own,
    });
    expect(labelled.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const aliased = HEADER.map((h) => (h === '学校名称' ? '校名' : h));
    const unread = await analyse(await workbook({ 学校数据: [aliased, primary('一小', 800), junior('一中', 900)] }), {
      profile: own,
    });
    expect(unread.issues.map((i) => i.code)).toContain('HEADER_NOT_FOUND');
    // The hint of a missing column names the profile's wordings.
    const missing = await analyse(
      await workbook({ 学校数据: [header.map((h) => (h === '室外活动场地' ? '操场' : h)), primary('一小', 800)] }),
      { profile: own },
    );
    expect(missing.issues.find((i) => i.code === 'MISSING_COLUMN')?.message).toContain(
      '体育运动场馆面积、室外活动场地',
    );
    expect(() => resolveProfile({ wording: { schoolHeaders: { nmae: ['机构名称'] } } })).toThrow(
      /未知的配置项 “wording\.schoolHeaders\.nmae”（此处可用：code、name、/,
    );
    expect(() => resolveProfile({ wording: { schoolColumns: { teachrs: [{ all: ['教师'] }] } } })).toThrow(
      /“wording\.schoolColumns\.teachrs”/,
    );
  });

  it('profiles lists the built-ins; explain prints an indicator', () => {
    const list = run(['profiles']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('youzhi-2017');
    expect(list.stdout).toContain('jiben-2012');
    const explain = run(['explain', 'sports_space']);
    expect(explain.stdout).toContain('体育运动场馆面积 ÷ 在校生数');
    expect(explain.stdout).toContain('小学 ≥ 7.5㎡，初中 ≥ 10.2㎡');
    expect(run(['explain', '生均图书册数', '--profile', 'jiben-2012']).stdout).toContain('综合');
    expect(run(['explain', '不存在']).code).toBe(3);
    // The 2012 method has no county items: none are offered, and the list ends cleanly.
    const basic = run(['explain', '班额', '--profile', 'jiben-2012']);
    expect(basic.code).toBe(3);
    expect(basic.stderr).toContain('不是 jiben-2012 的指标（指标：');
    expect(basic.stderr).not.toMatch(/县级项目|、）/);
  });
});

describe('a 2012 report with only some indicators', () => {
  it('says how many of the 8 were computed and that it is no formal verdict; titled 基本均衡; no per-school count', async () => {
    const { analyse } = await import('../src/cli/pipeline');
    const { renderMarkdown } = await import('../src/render/markdown');
    const { BUILT_IN_PROFILES } = await import('../src/engine/profiles');
    const report = await analyse('fixtures/vectors/cv-books-5-schools.csv', {
      profile: BUILT_IN_PROFILES.find((p) => p.id === 'jiben-2012')!,
    });
    const md = renderMarkdown(report);
    expect(md).toMatch(/^# .* 义务教育基本均衡发展 资源配置测算报告$/m);
    expect(md).toContain('**【只计算了8项指标中的1项');
    expect(md).toContain('以下不是正式结论】');
    expect(md).not.toContain('所学校中');
    expect(md).not.toContain('优质均衡');
  });
});

it('a 2012 run: a column present but empty in every row is left out with the warning, not an error', async () => {
  const lines = readFileSync('fixtures/vectors/cv-books-5-schools.csv', 'utf8').trim().split('\n');
  const path = join(tmp(), 'books.csv');
  writeFileSync(path, [`${lines[0]},体育运动场馆面积`, ...lines.slice(1).map((l) => `${l},`)].join('\n'));
  const report = await analyse(path, { profile: BUILT_IN_PROFILES.find((p) => p.id === 'jiben-2012')! });
  expect(report.issueCounts.error).toBe(0);
  expect(report.issues.find((i) => i.code === 'INDICATORS_NOT_PROVIDED')!.message).toContain('生均体育运动场馆面积');
  expect(report.counties[0]!.levels[0]!.result.compositeCv).toBeCloseTo(0.515, 3);
});

it('explain covers every county item: by number, id, wording or a figure it reads', async () => {
  const { findChecklistItem, renderExplainItem } = await import('../src/render/profiles');
  const { YOUZHI_2017 } = await import('../src/engine/profile');
  expect(YOUZHI_2017.checklist).toHaveLength(25);
  for (const item of YOUZHI_2017.checklist) {
    const dim = { guarantee: '保障', quality: '质量', recognition: '认可' }[item.dimension];
    expect(findChecklistItem(YOUZHI_2017, `${dim}${item.number}`)).toBe(item);
    expect(findChecklistItem(YOUZHI_2017, item.id)).toBe(item);
    const text = renderExplainItem(YOUZHI_2017, item);
    expect(text).toContain(`第${item.number}项`);
    expect(text).toContain(item.name);
    expect(text).toMatch(/判定：/);
    expect(text).toContain('依据：');
  }
  expect(findChecklistItem(YOUZHI_2017, '巩固率')!.id).toBe('consolidation');
  expect(findChecklistItem(YOUZHI_2017, '教师工资')!.id).toBe('teacher_pay');
});

describe('the source a report cites (#28)', () => {
  it('the profile’s own source; Hebei’s words only beside the rule the profile applies when it is Hebei’s', async () => {
    const { renderMarkdown } = await import('../src/render/markdown');
    const { exclusionText } = await import('../src/render/format');
    const { check } = await import('./helpers/files');
    const sample = resolve('fixtures/sample-county.xlsx');
    const builtIn = renderMarkdown(await check(sample));
    expect(builtIn).not.toContain('教学点排除规则见河北省实施办法');
    expect(builtIn).toContain('| 评估依据 | 县域义务教育优质均衡发展督导评估（2017）（教督〔2017〕6号） |');
    expect(builtIn).toContain(
      '| 纳入范围 | 特殊教育学校和在校生不足50人的教学点不纳入资源配置计算，其余教学点按小学计算（与河北省实施办法相同：“不含特殊教育学校、职业学校及不足50人的教学点”） |',
    );
    // A province's own profile: its source, and its rule in words, with no word of Hebei.
    const yunnan = resolveProfile({
      source: '云南省县域义务教育优质均衡发展督导评估实施细则',
      exclusions: { teachingPoints: 'merge' },
    });
    const own = renderMarkdown(await analyse(sample, { profile: yunnan }));
    expect(own).toContain('（云南省县域义务教育优质均衡发展督导评估实施细则）');
    expect(own).not.toContain('河北');
    expect(exclusionText(yunnan)).toBe('特殊教育学校不纳入资源配置计算，教学点并入所属中心校计算');
    // Its own source, Hebei's rule kept: the rule is still said to be Hebei's, the source is its own.
    const kept = resolveProfile({ source: '某省实施细则' });
    expect(renderMarkdown(await analyse(sample, { profile: kept }))).toMatch(/某省实施细则[\s\S]*与河北省实施办法相同/);
    expect(exclusionText(resolveProfile({ exclusions: { teachingPointMinStudents: 30 } }))).not.toContain('河北');
  });
});

describe('explain finds county items by their common words (#28)', () => {
  it('班额, 大班额, 学校规模, 音乐教室: the school-row items, by the columns they read and their keywords', () => {
    const cases: [string, string][] = [
      ['班额', '政府保障程度第5项（class_size）'],
      ['大班额', '政府保障程度第5项（class_size）'],
      ['学校规模', '政府保障程度第4项（school_size）'],
      ['音乐教室', '政府保障程度第3项（art_rooms）'],
    ];
    for (const [query, first] of cases) {
      const r = run(['explain', query]);
      expect(r.code, query).toBe(0);
      expect(r.stdout.split('\n')[0], query).toBe(first);
    }
  });

  it('公用经费: every item about it, each explained (items 6 and 7, and 2 and 质量4 that name it)', () => {
    const r = run(['explain', '公用经费']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('“公用经费”对应4项：保障2、保障6、保障7、质量4');
    for (const line of [
      '政府保障程度第6项（small_school_funding）',
      '政府保障程度第7项（special_funding）',
      '教育质量第4项（training_funds）',
    ])
      expect(r.stdout).toContain(line);
    // Many matches are listed, to be asked again by number; nothing at all is still refused.
    const many = run(['explain', '教师']);
    expect(many.stdout).toContain('用编号或 id 查看其一');
    expect(run(['explain', '食堂']).code).toBe(3);
  });
});
