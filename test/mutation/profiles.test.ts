/**
 * What src/engine/profiles.ts computes besides its tables: a custom profile from JSON (extends a built-in, objects
 * merged key by key, indicators and items by id), its errors in words (where, and what the schema wants there), and
 * the 2012 indicators a table can give (columns present and filled in some row).
 */
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { availableIndicators, JIBEN_2012, ProfileError, resolveProfile } from '../../src/engine/profiles';
import type { SchoolRecord } from '../../src/engine/types';
import { school } from '../helpers/records';

const refused = (json: unknown): string => {
  try {
    resolveProfile(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('resolveProfile', () => {
  it('extends youzhi-2017 unless told; its id marks it custom; objects merge key by key', () => {
    const p = resolveProfile({ cv: { threshold: { primary: 0.4, junior: 0.45 } } });
    expect(p.id).toBe('youzhi-2017+custom');
    expect(p.cv).toEqual({ ...YOUZHI_2017.cv, threshold: { primary: 0.4, junior: 0.45 } });
    expect(resolveProfile({ extends: 'jiben-2012' }).id).toBe('jiben-2012+custom');
    expect(resolveProfile({ extends: 'jiben-2012' }).indicators).toEqual(JIBEN_2012.indicators);
  });

  it('indicators given by id merge into that indicator only; arrays and values replace', () => {
    const p = resolveProfile({ indicators: { sports_space: { standard: { primary: 8, junior: 11 } } } });
    const sports = p.indicators.find((i) => i.id === 'sports_space')!;
    expect(sports).toEqual({
      ...YOUZHI_2017.indicators.find((i) => i.id === 'sports_space')!,
      standard: { primary: 8, junior: 11 },
    });
    expect(p.indicators.filter((i) => i.id !== 'sports_space')).toEqual(
      YOUZHI_2017.indicators.filter((i) => i.id !== 'sports_space'),
    );
    const one = resolveProfile({ indicators: [YOUZHI_2017.indicators[0]] });
    expect(one.indicators).toEqual([YOUZHI_2017.indicators[0]]);
    // A key the built-in does not have is taken as given (an optional field).
    expect(resolveProfile({ unitCosts: { sports_space: 3000 } }).unitCosts).toEqual({ sports_space: 3000 });
  });

  it('not an object, an unknown base, an unknown id, a forbidden key: refused in words', () => {
    expect(refused([])).toBe('配置文件应为 JSON 对象');
    expect(refused(null)).toBe('配置文件应为 JSON 对象');
    expect(refused({ extends: 'nope' })).toBe('extends：没有名为“nope”的内置配置（可用：youzhi-2017、jiben-2012）');
    expect(refused({ indicators: { nope: {}, none: {} } })).toBe(
      'indicators 中没有 “nope”、“none”（可用：qualified_teachers、backbone_teachers、pe_arts_teachers、teaching_space、sports_space、equipment_value、multimedia_rooms）',
    );
    expect(refused({ checklist: { nope: {} } })).toMatch(/^checklist 中没有 “nope”（可用：planning、four_unified、/);
    expect(refused(JSON.parse('{"cv": {"__proto__": {"rule": "mean"}}}'))).toBe('不允许的配置项“__proto__”');
    expect(refused({ cv: { constructor: 1 } })).toBe('不允许的配置项“constructor”');
    expect(refused({ cv: { prototype: 1 } })).toBe('不允许的配置项“prototype”');
  });

  it('a misspelt key: where, and the keys there are', () => {
    expect(refused({ cv: { thresold: 1 } })).toBe(
      '未知的配置项 “cv.thresold”（此处可用：rule、threshold、decimals、borderlineMargin）',
    );
    expect(refused({ compliance: { ...YOUZHI_2017.compliance, floor: 1 } })).toBe(
      '未知的配置项 “compliance.floor”（此处可用：minIndicatorsMet、floorRatio）',
    );
    expect(refused({ indicators: { sports_space: { standrd: 1 } } })).toBe(
      '未知的配置项 “indicators.sports_space.standrd”（此处可用：id、name、short、quantity、numerator、scale、unit、shortfallUnit、countable、split、standard）',
    );
    expect(refused({ colour: 'red' })).toMatch(
      /^未知的配置项 “colour”（此处可用：id、name、verdictName、source、indicators、/,
    );
  });

  it('unknown keys deeper down: in an optional list, a list with a default, a record’s values; two at once', () => {
    expect(refused({ checklist: { planning: { keywords: [{ all: ['规划'], typo: 1 }] } } })).toBe(
      '未知的配置项 “checklist.planning.keywords.0.typo”（此处可用：all、none）',
    );
    expect(
      refused({
        countyInputs: [{ id: 'x', names: ['甲'], unit: 'count', note: '注', keywords: [{ all: ['甲'], typo: 1 }] }],
      }),
    ).toBe('未知的配置项 “countyInputs.x.keywords.0.typo”（此处可用：all、none）');
    expect(refused({ wording: { schoolColumns: { name: [{ all: ['校名'], typo: 1 }] } } })).toBe(
      '未知的配置项 “wording.schoolColumns.name.0.typo”（此处可用：all、none）',
    );
    expect(refused({ cv: { a: 1, b: 2 } })).toBe(
      '未知的配置项 “cv.a”、“cv.b”（此处可用：rule、threshold、decimals、borderlineMargin）',
    );
  });

  it('a list where the built-in has a list, given as an object, is refused as such (only indicators and items merge by id)', () => {
    expect(refused({ countyInputs: { x: {} } })).toBe('配置项 countyInputs 无效：应为 array');
  });

  it('a list element without an id is named by its place; one with an id by its id', () => {
    expect(refused({ indicators: [{ name: '甲' }] })).toBe('配置项 indicators.0.id 无效：应为 string');
    expect(refused({ indicators: [{ id: 'abc' }] })).toBe('配置项 indicators.abc.name 无效：应为 string');
  });

  it('other refusals say zod’s own words', () => {
    const m = refused({ indicators: { sports_space: { scale: 7 } } });
    expect(m).toMatch(/^配置项 indicators\.sports_space\.scale 无效：\S/);
    expect(m).not.toContain('undefined');
  });

  it('a value the schema refuses: where (indicators by id), and what it wants', () => {
    expect(refused({ cv: { threshold: { primary: 'a', junior: 0.45 } } })).toBe(
      '配置项 cv.threshold.primary 无效：应为 number',
    );
    expect(refused({ cv: { decimals: 11 } })).toBe('配置项 cv.decimals 无效：应不大于 10');
    expect(refused({ cv: { decimals: -1 } })).toBe('配置项 cv.decimals 无效：应不小于 0');
    expect(refused({ plausibility: { outlierFactor: 1 } })).toBe('配置项 plausibility.outlierFactor 无效：应大于 1');
    expect(refused({ plausibility: { equipmentWanRatio: 0 } })).toBe(
      '配置项 plausibility.equipmentWanRatio 无效：应大于 0',
    );
    expect(refused({ cv: { rule: 'median' } })).toBe('配置项 cv.rule 无效：应为 each / mean 之一');
    expect(refused({ indicators: { sports_space: { standard: { primary: -1, junior: 1 } } } })).toBe(
      '配置项 indicators.sports_space.standard.primary 无效：应大于 0',
    );
  });
});

describe('availableIndicators (2012: only the indicators the table gives)', () => {
  const fields = JIBEN_2012.indicators.map((i) => i.numerator);
  const full = (P: number): SchoolRecord['resources'] => Object.fromEntries(fields.map((f) => [f, P]));

  it('the 2017 method keeps all, whatever the table', () => {
    const r = availableIndicators(YOUZHI_2017, new Set(), []);
    expect(r.profile).toBe(YOUZHI_2017);
    expect(r.dropped).toEqual([]);
  });

  it('every column present and filled: all kept, the profile itself', () => {
    const r = availableIndicators(JIBEN_2012, new Set(fields), [school('甲', '小学', { primary: 10 }, full(10))]);
    expect(r.profile).toBe(JIBEN_2012);
    expect(r.dropped).toEqual([]);
  });

  it('a column missing, or present but empty in every row, is dropped; a per-section value counts', () => {
    const rest = full(10);
    delete rest.books;
    delete rest.computers;
    const records = [
      school('甲', '小学', { primary: 10 }, rest, { sectionResources: { primary: { computers: 3 } } }),
      school('乙', '小学', { primary: 10 }, rest),
    ];
    const noBooks = availableIndicators(JIBEN_2012, new Set(fields.filter((f) => f !== 'books')), records);
    expect(noBooks.dropped.map((i) => i.numerator)).toEqual(['books']);
    expect(noBooks.profile.indicators.map((i) => i.numerator)).toEqual(fields.filter((f) => f !== 'books'));
    expect(noBooks.profile.cv).toBe(JIBEN_2012.cv);
    const emptyBooks = availableIndicators(JIBEN_2012, new Set(fields), [
      ...records,
      school('丙', '小学', { primary: 10 }, rest, { sectionResources: { junior: undefined } }),
    ]);
    expect(emptyBooks.dropped.map((i) => i.numerator)).toEqual(['books']);
  });

  it('nothing given at all: the profile as it is, nothing said dropped', () => {
    const r = availableIndicators(JIBEN_2012, new Set(), []);
    expect(r.profile).toBe(JIBEN_2012);
    expect(r.dropped).toEqual([]);
  });
});
