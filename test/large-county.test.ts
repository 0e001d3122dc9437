/**
 * One county of 18 000 schools (a province table without its 区县 column): the Excel report is written
 * (issue 27: a column's widths spread into Math.max overflowed the stack, 内部错误). Spreads into calls are a
 * lint error in src (eslint.config.mjs, no-restricted-syntax); maxOf / append loop instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { append, maxOf, minOf } from '../src/common/lookup';
import { csvFile, HEADER, primary, tmp } from './helpers/files';

describe('data-sized arrays are never spread into a call', () => {
  it('maxOf, minOf and append take 500 000 items', () => {
    const xs = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(maxOf(xs)).toBe(xs.reduce((a, b) => (a > b ? a : b)));
    expect(minOf(xs, 5)).toBe(0);
    expect(maxOf([], 6)).toBe(6);
    expect(maxOf([1, NaN, 2])).toBeNaN();
    expect(append([1], xs).length).toBe(500_001);
  });

  it('the Excel report of a county of 18 000 schools is written', () => {
    const rows = [HEADER.join(',')];
    for (let i = 0; i < 18_000; i++)
      rows.push(
        primary(`第${i + 1}小学`, 300 + (i % 500))
          .map((v) => String((v as string | number | null) ?? ''))
          .join(','),
      );
    const input = csvFile(rows.join('\n'), 'utf8', 'county-18000.csv');
    const out = tmp();
    const run = spawnSync(process.execPath, ['bin/balance-check.js', input, '-o', out, '-f', 'xlsx', '-q'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'county-18000.report.xlsx'))).toBe(true);
  }, 120_000);
});
