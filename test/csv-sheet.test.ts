/**
 * The CSV sheet cuts records itself (for bounded memory); csv-parse, with the options this
 * reader used before, is the independent expectation on hand-picked and random texts.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvSheet, UnclosedQuote } from '../src/read/csv-sheet';
import type { Row } from '../src/read/types';
import { seeded } from './helpers/random';

const byCsvParse = (text: string, delimiter: string): (string | undefined)[][] => {
  const records: string[][] = parse(text, {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  return records.map((r) => r.map((s) => (s.trim() === '' ? undefined : s)));
};

const ours = (text: string, delimiter: string) => {
  const sheet = csvSheet('x', text, delimiter);
  const rows: (string | undefined)[][] = [];
  for (let r = 0; r < sheet.rowCount; r++)
    rows.push(sheet.row(r).map((c: Row[number]) => (c?.kind === 'text' ? c.text : undefined)));
  return rows;
};

const CASES = [
  'a,b\n1,2\n',
  'a,b\n1,2',
  'a,b\n\n1,2\n\n',
  '"ab"c,d\n',
  'a"b,c\n',
  '"a""b",c\n',
  '"x\ny",z\r\n1\r2\n',
  'a,b,\n',
  '"a" ,b\n',
  'a,""\n',
  ' "a",b\n',
  '\n\n',
  'a\r\n\r\nb',
  '"a""b"x,c\n',
  '"x\ny"z,c\nd\n',
  '"ab"c"d",e\n',
  '"a,b"c,d\n',
  '"a"b"c\n',
  'x"y""z,1\n',
  '"a"\r\n',
  '"a"\rb\n',
  'a,"b"\n"c"',
  '学校名称,在校生\n"东河镇""中心""小学",1200\n',
  ',,,\n,\n',
];

describe('CSV records as csv-parse reads them', () => {
  it.each(CASES)('%j', (text) => {
    expect(ours(text, ',')).toEqual(byCsvParse(text, ','));
  });

  it('tab and semicolon delimiters', () => {
    for (const text of ['a\tb\n"c\td"\te\n', 'a;b\n"c;d";e\n'])
      for (const d of ['\t', ';']) expect(ours(text, d)).toEqual(byCsvParse(text, d));
  });

  it('2 000 random texts of quotes, delimiters, line ends and letters', () => {
    const next = seeded(7);
    const alphabet = ['"', '"', ',', '\n', '\r', '\r\n', 'a', '学', ' ', '""'];
    let compared = 0;
    for (let t = 0; t < 2000; t++) {
      const length = 1 + Math.floor(next() * 20);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)]!;
      if (!/\S/.test(text)) continue;
      let expected: (string | undefined)[][] | 'unclosed';
      try {
        expected = byCsvParse(text, ',');
      } catch (e) {
        expect((e as { code?: string }).code, text).toBe('CSV_QUOTE_NOT_CLOSED');
        expected = 'unclosed';
      }
      if (expected === 'unclosed') expect(() => ours(text, ','), JSON.stringify(text)).toThrow(UnclosedQuote);
      else expect(ours(text, ','), JSON.stringify(text)).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(1500);
  });

  it('an unclosed quote is reported at the line it opens on', () => {
    expect(() => csvSheet('x', 'a,b\n1,2\n"3,4\n5,6\n', ',')).toThrow(expect.objectContaining({ line: 3 }));
  });
});
