/**
 * One county of 18 000 schools (a province table without its 区县 column): the Excel report is written
 * (issue 27: a column's widths spread into Math.max overflowed the stack, 内部错误). Spreads into calls are a
 * lint error in src (eslint.config.mjs, no-restricted-syntax); maxOf / append loop instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { append, maxOf, minOf } from '../src/common/lookup';
import { MAX_DETAIL_SECTIONS } from '../src/cli/pipeline';
import { primaryCountyCsv, tmp } from './helpers/files';

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
    const input = primaryCountyCsv(18_000);
    const out = tmp();
    const run = spawnSync(process.execPath, ['bin/balance-check.js', input, '-o', out, '-f', 'xlsx', '-q'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'county-18000.report.xlsx'))).toBe(true);
  }, 120_000);
});

describe('a county too large for its detailed report (issue 27: ≤ 1 GB on any input)', () => {
  it('30 001 sections in one county: FILE_TOO_LARGE naming the limit and the missing 区县 column, exit 3; validate reads it', () => {
    const input = primaryCountyCsv(MAX_DETAIL_SECTIONS + 1);
    const out = tmp();
    const run = spawnSync(process.execPath, ['bin/balance-check.js', input, '-o', out, '-f', 'xlsx,md,json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('30,001 所学校（30,001 个学段）超过一个区县详细报告的上限 30,000 个学段');
    expect(run.stderr).toContain('请加上“区县”列');
    expect(readdirSync(out)).toEqual([]);
    const validate = spawnSync(process.execPath, ['bin/balance-check.js', 'validate', input, '--json'], {
      encoding: 'utf8',
    });
    expect(validate.status).toBe(0);
    expect(validate.stdout).not.toContain('FILE_TOO_LARGE');
  }, 120_000);
});
