// Texts of the schema stage: normalisation and invisible characters (src/schema/text.ts), signatures
// (signatures.ts) and county names (county-names.ts). Each expectation written out from the rule (issue 31: the
// survivors of the mutation run on src/schema).
import { describe, expect, it } from 'vitest';
import { countiesNamed, countyHeadings } from '../../src/schema/county-names';
import { signaturesIn } from '../../src/schema/signatures';
import { invisibleIn, normaliseText, visibleText } from '../../src/schema/text';

describe('normaliseText', () => {
  it('full width to half, no spaces, lower case, no markers at the ends', () => {
    expect(normaliseText('ＡＢ　Ｃ 1')).toBe('abc1');
    expect(normaliseText('学校\n名称\t')).toBe('学校名称');
    expect(normaliseText('※*学校名称*※:')).toBe('学校名称');
    expect(normaliseText('学校名称：')).toBe('学校名称');
    // A colon at the start, or a marker inside, stays.
    expect(normaliseText(':学校')).toBe(':学校');
    expect(normaliseText('学*校')).toBe('学*校');
    expect(normaliseText('Teachers')).toBe('teachers');
    // Lower-case letters, digits and ideographs are their own form.
    expect(normaliseText('abc123学校')).toBe('abc123学校');
    expect(normaliseText('')).toBe('');
  });

  it('characters that show as nothing are removed', () => {
    for (const c of [
      '\u00AD',
      '\u061C',
      '\u180E',
      '\u200B',
      '\u200F',
      '\u202A',
      '\u202E',
      '\u2060',
      '\u2064',
      '\u2066',
      '\u206F',
      '\uFEFF',
    ])
      expect([c.codePointAt(0), normaliseText(`学${c}校`)]).toEqual([c.codePointAt(0), '学校']);
  });
});

describe('visibleText and invisibleIn', () => {
  it('a text without invisible characters is itself (untrimmed); with them, without them and trimmed', () => {
    expect(visibleText(' 一小 ')).toBe(' 一小 ');
    expect(visibleText('\u200B 一小 \u200B')).toBe('一小');
    expect(visibleText('一\u200D小')).toBe('一小');
    expect(visibleText('\u200B\uFEFF')).toBeUndefined();
    expect(visibleText('\u200B \u3164')).toBeUndefined();
  });

  it('each invisible character once, by its code and (when it has one) its name', () => {
    expect(invisibleIn('\u200B一\u200B小\u200C')).toBe('U+200B（零宽空格）、U+200C（零宽非连接符）');
    expect(invisibleIn('\u00AD\u202A\uFEFF')).toBe('U+00AD（软连字符）、U+202A、U+FEFF（零宽不换行空格）');
    expect(invisibleIn('\u200D\u200E\u200F\u2060')).toBe(
      'U+200D（零宽连接符）、U+200E（从左到右标记）、U+200F（从右到左标记）、U+2060（词连接符）',
    );
    expect(invisibleIn('\uffa0\u1160')).toBe('U+FFA0、U+1160');
    expect(invisibleIn('一小')).toBe('');
  });
});

describe('signaturesIn', () => {
  const labels = () => ({
    unit: ['填报单位', '单位(盖章)'],
    filler: ['填表人'],
    reviewer: ['审核人'],
    date: ['填表日期', '日期'],
  });

  it('each label’s value up to the next label or a gap of two spaces, without closing punctuation', () => {
    expect(signaturesIn(['填报单位：示例县教育局　　统计时点：2024年9月'], labels())).toEqual({ unit: '示例县教育局' });
    expect(signaturesIn(['填表人：王芳　审核人：李强，填表日期：2025年3月。'], labels())).toEqual({
      filler: '王芳',
      reviewer: '李强',
      date: '2025年3月',
    });
    expect(signaturesIn(['填表人 ：　王芳；'], labels())).toEqual({ filler: '王芳' });
    expect(signaturesIn(['填表人:王芳\t电话'], labels())).toEqual({ filler: '王芳' });
    expect(signaturesIn(['填表人:王芳 , '], labels())).toEqual({ filler: '王芳' });
    expect(signaturesIn(['日期：3月'], labels())).toEqual({ date: '3月' });
    expect(signaturesIn(['填表人：  王芳'], labels())).toEqual({ filler: '王芳' });
    // A label with brackets is its own text, not a pattern.
    expect(signaturesIn(['单位(盖章)：某局'], labels())).toEqual({ unit: '某局' });
    expect(signaturesIn(['单位盖章：某局'], labels())).toEqual({});
  });

  it('the first written wins; a label with nothing after it gives nothing', () => {
    expect(signaturesIn(['填表人：', '填表人：王芳', '填表人：张三'], labels())).toEqual({ filler: '王芳' });
    expect(signaturesIn(['填表人：　　审核人：李强'], labels())).toEqual({ reviewer: '李强' });
    expect(signaturesIn(['一小', '填表人'], labels())).toEqual({});
  });

  it('no labels: nothing; a label of two keys is the first key’s', () => {
    expect(signaturesIn(['填表人：王芳'], { unit: [], filler: [], reviewer: [], date: [] })).toEqual({});
    expect(signaturesIn(['填表人：王芳'], { unit: [], filler: ['填表人'], reviewer: ['填表人'], date: [] })).toEqual({
      filler: '王芳',
    });
  });
});

describe('county names', () => {
  it('headings: each full name, and a short form held by one county only, two characters at least', () => {
    expect([...countyHeadings(['白水县', '澄城县', '沛县', 'ＡＢ县'], ['县'])]).toEqual([
      ['白水县', '白水县'],
      ['澄城县', '澄城县'],
      ['沛县', '沛县'],
      ['ab县', 'ＡＢ县'],
      ['白水', '白水县'],
      ['澄城', '澄城县'],
      ['ab', 'ＡＢ县'],
    ]);
    // 白水 is both 白水县's and 白水区's: neither's.
    expect([...countyHeadings(['白水县', '白水区', '白水县'], ['县', '区'])]).toEqual([
      ['白水县', '白水县'],
      ['白水区', '白水区'],
    ]);
    // One county named twice keeps its short form.
    expect(countyHeadings(['白水县', '白水县'], ['县']).get('白水')).toBe('白水县');
    // A county named 白水 keeps its name.
    expect(countyHeadings(['白水', '白水县'], ['县']).get('白水')).toBe('白水');
    // Suffixes are normalised as the names are.
    expect(countyHeadings(['白水 县'], ['　县']).get('白水')).toBe('白水 县');
  });

  it('a name given: the county so named, else those whose stem is its stem', () => {
    const counties = ['白水县', '澄城县', '白水县', '大荔县', '大荔区'];
    expect(countiesNamed(counties, ' 白水县 ', ['县', '区'])).toEqual(['白水县']);
    expect(countiesNamed(counties, '白水', ['县', '区'])).toEqual(['白水县']);
    expect(countiesNamed(counties, '白水区', ['县', '区'])).toEqual(['白水县']);
    expect(countiesNamed(counties, '大荔', ['县', '区'])).toEqual(['大荔县', '大荔区']);
    expect(countiesNamed(counties, '大荔县', ['县', '区'])).toEqual(['大荔县']);
    expect(countiesNamed(counties, '蒲城', ['县', '区'])).toEqual([]);
    // A county without a suffix is its own stem.
    expect(countiesNamed(['沛县', '丰'], '丰区', ['县', '区'])).toEqual([]);
    expect(countiesNamed(['沛县', '城关'], '城关区', ['县', '区'])).toEqual(['城关']);
  });
});
