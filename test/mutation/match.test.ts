// Matching a name as a county wrote it to what it means (src/schema/match.ts): normalisation, then alias, official
// text, near text and keywords. Each expectation written out from the rule (issue 31: the survivors of the mutation
// run on src/schema); similarities worked by hand from the character bigrams.
import { describe, expect, it } from 'vitest';
import {
  matchName,
  nearest,
  normaliseKeywords,
  normaliseName,
  normaliseWording,
  similarity,
  type Target,
} from '../../src/schema/match';

const T = (
  value: string,
  aliases: string[] = [],
  official: string[] = [],
  keywords: Target<string>['keywords'] = [],
) => ({
  value,
  aliases,
  official,
  keywords,
});
const kw = (all: string[], none: string[] = []) => ({ all, none });
const brief = (r: ReturnType<typeof matchName<string>>) =>
  r.kind === 'one'
    ? ['one', r.target.value, r.how]
    : r.kind === 'several'
      ? ['several', r.targets.map((t) => t.value), r.weak ?? false]
      : ['none'];

describe('normaliseName', () => {
  it('numbering at the start is removed: 一、 （一） 1. 1、 1) 1.2 1.2.3 第1项 第一条', () => {
    for (const raw of [
      '一、教师',
      '（一）教师',
      '1.教师',
      '1、教师',
      '1.2教师',
      '1.2 教师',
      '1.2.3教师',
      '1.2.教师',
      '２．３　教师',
      '1)教师',
      '第1项教师',
      '第一条教师',
      '十二、教师',
    ])
      expect([raw, normaliseName(raw, []).text]).toEqual([raw, '教师']);
    // Not numbering: a number inside, or a year.
    expect(normaliseName('教师1人', []).text).toBe('教师1人');
    expect(normaliseName('2024年教师', []).text).toBe('2024年教师');
  });

  it('a sub-row’s numbering ((1), ①) and its prefixes (其中：) set sub, and are removed', () => {
    expect(normaliseName('（1）教师', [])).toEqual({ text: '教师', unit: null, sub: true, withBrackets: '教师' });
    expect(normaliseName('①教师', [])).toEqual({ text: '教师', unit: null, sub: true, withBrackets: '教师' });
    expect(normaliseName(' ⑫教师', []).text).toBe('教师');
    expect(normaliseName(' ⑫教师', []).sub).toBe(true);
    // ❶–❿ and ➀–➓ are not made digits by NFKC as ①–⑳ are: the mark itself is removed.
    expect(normaliseName('❶教师', [])).toEqual({ text: '教师', unit: null, sub: true, withBrackets: '教师' });
    expect(normaliseName('➀教师', [])).toEqual({ text: '教师', unit: null, sub: true, withBrackets: '教师' });
    expect(normaliseName('❿教师1人', []).text).toBe('教师1人');
    expect(normaliseName('⑳教师1人', []).text).toBe('教师1人');
    expect(normaliseName('其中：教师', [], ['其中'])).toEqual({
      text: '教师',
      unit: null,
      sub: true,
      withBrackets: '教师',
    });
    expect(normaliseName('其中：教师', [])).toEqual({
      text: '其中教师',
      unit: null,
      sub: false,
      withBrackets: '其中教师',
    });
    expect(normaliseName('教师', [], ['其中']).sub).toBe(false);
    expect(normaliseName('1教师', []).sub).toBe(false);
    expect(normaliseName('1教师', []).text).toBe('1教师');
  });

  it('numbering on numbering is removed, up to three times', () => {
    expect(normaliseName('一、（1）其中：教师', [], ['其中'])).toEqual({
      text: '教师',
      unit: null,
      sub: true,
      withBrackets: '教师',
    });
    expect(normaliseName('一、1.（1）教师', []).text).toBe('教师');
    // Three rounds: one more numbering stays, its punctuation gone.
    expect(normaliseName('一、二、三、四、教师', []).text).toBe('四教师');
  });

  it('brackets: the last one’s text is the unit; the text leaves them out, withBrackets keeps what they held', () => {
    expect(normaliseName('教学仪器设备值（含软件）（万元）', [])).toEqual({
      text: '教学仪器设备值',
      unit: '万元',
      sub: false,
      withBrackets: '教学仪器设备值含软件万元',
    });
    expect(normaliseName('面积[平方米]', []).unit).toBe('平方米');
    expect(normaliseName('面积【平方米】', []).unit).toBe('平方米');
    expect(normaliseName('面积〔平方米〕', [])).toEqual({
      text: '面积',
      unit: '平方米',
      sub: false,
      withBrackets: '面积平方米',
    });
    expect(normaliseName('面积()', [])).toEqual({ text: '面积', unit: null, sub: false, withBrackets: '面积' });
  });

  it('punctuation goes; prefixes are stripped longest first, again and again, never the whole text', () => {
    expect(normaliseName('生均“公用”经费，：；-/·《》', []).text).toBe('生均公用经费');
    expect(normaliseName('全县所有学校', ['全县', '所有']).text).toBe('学校');
    expect(normaliseName('全县所有学校', ['全', '全县']).text).toBe('所有学校');
    expect(normaliseName('全县', ['全县']).text).toBe('全县');
    expect(normaliseName('全县（区）学校', ['全县']).withBrackets).toBe('区学校');
    expect(normaliseWording('一、全县学校（个）', ['全县'])).toBe('学校');
  });

  it('keyword sets are normalised (full width, spaces)', () => {
    expect(normaliseKeywords([kw(['Ａ Ｂ', '教师'], ['　毕业'])])).toEqual([{ all: ['ab', '教师'], none: ['毕业'] }]);
  });
});

describe('normaliseName, more', () => {
  it('punctuation before numbering goes in one round, and the numbering after it', () => {
    expect(normaliseName('::::一、教师', []).text).toBe('教师');
  });

  it('prefixes are stripped again after one another, in any order', () => {
    expect(normaliseName('全县所有学校', ['所有', '全县']).text).toBe('学校');
  });

  it('withBrackets leaves out punctuation too', () => {
    expect(normaliseName('面积，合计（平方米）', []).withBrackets).toBe('面积合计平方米');
  });
});

describe('similarity', () => {
  it('Dice of the character bigrams', () => {
    expect(similarity('abcd', 'abcd')).toBe(1);
    // ab bc cd | ab bc ce: 2 shared of 3 + 3.
    expect(similarity('abcd', 'abce')).toBeCloseTo(4 / 6, 10);
    // aa aa | aa: one shared (each bigram counted as often as both have it).
    expect(similarity('aaa', 'aa')).toBeCloseTo(2 / 3, 10);
    expect(similarity('aa', 'aaa')).toBeCloseTo(2 / 3, 10);
    expect(similarity('ab', 'cd')).toBe(0);
    // One character is its own bigram; nothing is like nothing.
    expect(similarity('a', 'a')).toBe(1);
    expect(similarity('a', 'ab')).toBe(0);
    expect(similarity('', 'ab')).toBe(0);
    expect(similarity('ab', '')).toBe(0);
    expect(similarity('', '')).toBe(0);
  });
});

describe('matchName', () => {
  it('nothing matches an empty name', () => {
    expect(matchName('', [T('a', [''], [''])])).toEqual({ kind: 'none' });
  });

  it('an alias equal to the name wins; two targets with it are several, unless they are the same', () => {
    const targets = [T('甲', ['教师数']), T('乙', ['教师'], ['教师数'])];
    expect(brief(matchName('教师数', targets))).toEqual(['one', '甲', 'alias']);
    expect(brief(matchName('教师数', [T('甲', ['教师数']), T('乙', ['教师数'])]))).toEqual([
      'several',
      ['甲', '乙'],
      false,
    ]);
    expect(brief(matchName('教师数', [T('甲', ['教师数']), T('甲', ['教师数'])]))).toEqual(['one', '甲', 'alias']);
    // Several by their aliases: an official text equal to the name does not decide.
    const three = [T('甲', ['教师数']), T('乙', ['教师数']), T('丙', [], ['教师数'])];
    expect(brief(matchName('教师数', three))).toEqual(['several', ['甲', '乙'], false]);
    expect(brief(matchName('教师数', [T('甲', ['教师数']), T('乙', ['教师数'])], () => true))).toEqual([
      'one',
      '甲',
      'alias',
    ]);
  });

  it('else an official text equal to it; two are several', () => {
    expect(brief(matchName('教师数', [T('甲', [], ['教师']), T('乙', [], ['教师数'])]))).toEqual([
      'one',
      '乙',
      'official',
    ]);
    expect(brief(matchName('教师数', [T('甲', [], ['教师数']), T('乙', [], ['教师数'])]))).toEqual([
      'several',
      ['甲', '乙'],
      false,
    ]);
  });

  it('else a text the name contains (two characters at least), or that contains it (three at least)', () => {
    // 专任教师 (4 bigrams, 3 in 专任教师总数's 5): 6/9 < 0.75, but contained.
    expect(brief(matchName('专任教师总数', [T('甲', [], ['专任教师'])]))).toEqual(['one', '甲', 'similar']);
    expect(brief(matchName('专任教师总数', [T('甲', ['专任教师'])]))).toEqual(['one', '甲', 'similar']);
    expect(brief(matchName('教师', [T('甲', [], ['专任教师总数'])]))).toEqual(['none']);
    expect(brief(matchName('任教师', [T('甲', [], ['专任教师总数'])]))).toEqual(['one', '甲', 'similar']);
    // One character is no text to contain.
    expect(brief(matchName('专任教师', [T('甲', [], ['师'])]))).toEqual(['none']);
    // Two characters are enough to be contained.
    expect(brief(matchName('abcxyz', [T('甲', [], ['cx'])]))).toEqual(['one', '甲', 'similar']);
  });

  it('else a text nearly equal (Dice 0.75 or more)', () => {
    // abcdefgh | abcdefgx: 6 of 7 + 7 bigrams shared: 12/14.
    expect(brief(matchName('abcdefgh', [T('甲', [], ['abcdefgx'])]))).toEqual(['one', '甲', 'similar']);
    // abcdh | abcdx: 3 of 4 + 4: 0.75 exactly.
    expect(brief(matchName('abcdh', [T('甲', [], ['abcdx'])]))).toEqual(['one', '甲', 'similar']);
    // abch | abcx: 2 of 3 + 3: below.
    expect(brief(matchName('abch', [T('甲', [], ['abcx'])]))).toEqual(['none']);
  });

  it('of near texts the best is taken when it stands out by 0.05; closer ones are several', () => {
    // 专任教师 in both: 甲 by containing (6/9 ≈ 0.667), 乙 contains the longer 专任教师总 (8/9 ≈ 0.889).
    const apart = [T('甲', [], ['专任教师']), T('乙', [], ['专任教师总'])];
    expect(brief(matchName('专任教师总数', apart))).toEqual(['one', '乙', 'similar']);
    // abcdefgh | abcdefgx (12/14) and abcdefgy (12/14): a tie.
    const tie = [T('甲', [], ['abcdefgx']), T('乙', [], ['abcdefgy'])];
    expect(brief(matchName('abcdefgh', tie))).toEqual(['several', ['甲', '乙'], false]);
    // The same value twice is one.
    expect(brief(matchName('abcdefgh', [T('甲', [], ['abcdefgx']), T('甲', [], ['abcdefgy'])]))).toEqual([
      'one',
      '甲',
      'similar',
    ]);
    // abcdefgh: abcdefgx (12/14 ≈ 0.857) and abcdefxy (10/14 ≈ 0.714, not near): one.
    expect(brief(matchName('abcdefgh', [T('甲', [], ['abcdefgx']), T('乙', [], ['abcdxygh'])]))).toEqual([
      'one',
      '甲',
      'similar',
    ]);
  });

  it('a near target whose keywords do not hold is weak: named, never taken; a strong one wins over it', () => {
    const weak = T('特教', [], ['生均公用经费'], [kw(['特殊教育'])]);
    expect(brief(matchName('特殊学校生均公用经费', [weak]))).toEqual(['several', ['特教'], true]);
    expect(brief(matchName('特殊教育学校生均公用经费', [weak]))).toEqual(['one', '特教', 'similar']);
    const strong = T('普通', [], ['学校生均公用经费']);
    expect(brief(matchName('特殊学校生均公用经费', [weak, strong]))).toEqual(['one', '普通', 'similar']);
    // The guard, when given, is what must hold for a near match (not the keywords).
    const guarded = { ...T('特教', [], ['生均公用经费'], [kw(['特殊教育'])]), guard: [kw(['特殊'])] };
    expect(brief(matchName('特殊学校生均公用经费', [guarded]))).toEqual(['one', '特教', 'similar']);
    // A keyword set with a word excluded present does not hold.
    const excluded = T('特教', [], ['生均公用经费'], [kw(['生均'], ['特殊'])]);
    expect(brief(matchName('特殊学校生均公用经费', [excluded]))).toEqual(['several', ['特教'], true]);
  });

  it('else by keywords: the largest set that holds wins; sets of one size are several', () => {
    const targets = [T('甲', [], [], [kw(['小学']), kw(['小学', '在校'])]), T('乙', [], [], [kw(['在校', '生数'])])];
    expect(brief(matchName('小学在校学生', targets))).toEqual(['one', '甲', 'keywords']);
    expect(brief(matchName('小学在校生数', targets))).toEqual(['several', ['甲', '乙'], false]);
    expect(brief(matchName('初中在校生数', targets))).toEqual(['one', '乙', 'keywords']);
    expect(brief(matchName('初中毕业', targets))).toEqual(['none']);
    // The largest wins wherever it stands among the targets.
    const later = [T('乙', [], [], [kw(['在校'])]), T('甲', [], [], [kw(['小学', '在校'])])];
    expect(brief(matchName('小学在校', later))).toEqual(['one', '甲', 'keywords']);
    // A set holds only when none of its excluded words is there.
    const excluding = [T('甲', [], [], [kw(['小学'], ['毕业'])])];
    expect(brief(matchName('小学毕业生数', excluding))).toEqual(['none']);
    expect(brief(matchName('小学生数', excluding))).toEqual(['one', '甲', 'keywords']);
    // A smaller set after a larger one does not lower it: 甲 keeps 2 and wins over 乙's 1.
    const order = [T('甲', [], [], [kw(['小学', '在校']), kw(['小学'])]), T('乙', [], [], [kw(['在校'])])];
    expect(brief(matchName('小学在校', order))).toEqual(['one', '甲', 'keywords']);
    // The same value twice is one.
    expect(brief(matchName('小学', [T('甲', [], [], [kw(['小学'])]), T('甲', [], [], [kw(['小学'])])]))).toEqual([
      'one',
      '甲',
      'keywords',
    ]);
  });
});

describe('nearest', () => {
  it('the n most like the name, each at least 0.25 alike, best first', () => {
    const targets = [T('甲', ['abxx']), T('乙', ['abcd']), T('丙', ['zzzz']), T('丁', ['abcx'])];
    // abcd: 乙 1, 丁 4/6, 甲 2/6 (ab only), 丙 0.
    expect(nearest('abcd', targets).map((t) => t.value)).toEqual(['乙', '丁']);
    expect(nearest('abcd', targets, 3).map((t) => t.value)).toEqual(['乙', '丁', '甲']);
    expect(nearest('abcd', targets, 4, 0.5).map((t) => t.value)).toEqual(['乙', '丁']);
    // 甲 at 1/3 exactly from its ab: taken at a minimum of 1/3.
    expect(nearest('abcd', [T('甲', ['abxx'])], 2, 2 / 6).map((t) => t.value)).toEqual(['甲']);
    // Its official texts count too.
    expect(nearest('abcd', [T('甲', [], ['abcd'])]).map((t) => t.value)).toEqual(['甲']);
    expect(nearest('abcd', [T('甲')])).toEqual([]);
  });
});
