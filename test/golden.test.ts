/**
 * Every report of a fixed set of inputs (the sample as xlsx, CSV and its LibreOffice copy, the
 * 2012 vector, a messy county, a detailed batch and a province table) is byte-identical to the
 * manifest written by the build before the last refactor for speed (see test/golden/cases.ts).
 * An intended change of a report regenerates the manifest and says why in its commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashes } from './golden/cases';

describe('reports byte-identical to the manifest', () => {
  it('every file and the terminal output of every case', async () => {
    const expected = JSON.parse(readFileSync('test/golden/manifest.json', 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    const actual = await hashes();
    for (const name of Object.keys(expected)) expect(actual[name], name).toEqual(expected[name]);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
  }, 120_000);
});
