/**
 * The published JSON Schemas (schema/) are generated from the zod types the renderer is typed by,
 * and real reports validate against them with an independent validator (Ajv, draft 2020-12):
 * the sample, a batch (report and every JSON Lines record) and a run with data errors.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, ReportJson, SchoolLineJson } from '../src/render/json-contract';
import { tmp, workbook, county } from './helpers/files';
import { messyCounty, province } from './helpers/counties';

const schemas = jsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateReport = ajv.compile(schemas['report.schema.json']);
const validateSchool = ajv.compile(schemas['school.schema.json']);
const cli = (args: string[]) => spawnSync(process.execPath, ['bin/balance-check.js', ...args], { encoding: 'utf8' });

function expectValidReport(json: unknown) {
  expect(validateReport(json), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  ReportJson.parse(json);
}

describe('the JSON contract as a schema', () => {
  it('the shipped schema files are the ones the zod types generate (npm run schema)', () => {
    for (const [name, schema] of Object.entries(schemas))
      expect(JSON.parse(readFileSync(join('schema', name), 'utf8')), name).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('the sample county’s report', () => {
    const dir = tmp();
    expect(cli(['fixtures/sample-county.xlsx', '-q', '-f', 'json', '-o', dir]).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'sample-county.report.json'), 'utf8'));
    expectValidReport(json);
    expect(json.counties[0].schools.length).toBeGreaterThan(30);
  });

  it('a messy county (自评表 with claims, 学区) and the 2012 vector', async () => {
    for (const [input, args, name] of [
      [await messyCounty(), [], 'messy'],
      ['fixtures/vectors/cv-books-5-schools.csv', ['--profile', 'jiben-2012'], 'cv-books-5-schools'],
    ] as const) {
      const dir = tmp();
      expect(cli([input, '-q', '-f', 'json', '-o', dir, ...args]).status).toBe(0);
      expectValidReport(JSON.parse(readFileSync(join(dir, `${name}.report.json`), 'utf8')));
    }
  });

  it('a batch: the province table and counties, and every school line of the JSON Lines file', async () => {
    const dir = tmp();
    const input = await province(12);
    expect(cli([input, '-q', '-f', 'json', '-o', dir]).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'province-12.report.json'), 'utf8'));
    expectValidReport(json);
    expect(json.batch).toEqual({
      counties: 12,
      passing: json.counties.filter((c: { pass: boolean }) => c.pass).length,
      schoolsFile: 'province-12.schools.jsonl',
    });
    expect(json.counties[0].schools).toBeUndefined();
    const lines = readFileSync(join(dir, 'province-12.schools.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(
      json.counties.reduce(
        (n: number, c: { levels: Record<string, { schoolCount: number }> }) =>
          n + Object.values(c.levels).reduce((m, l) => m + l.schoolCount, 0),
        0,
      ),
    );
    for (const line of lines) {
      expect(validateSchool(line), JSON.stringify(validateSchool.errors?.slice(0, 3))).toBe(true);
      SchoolLineJson.parse(line);
    }
    expect(new Set(lines.map((l) => l.county)).size).toBe(12);
  });

  it('a run with data errors (--json): no counties, the errors', async () => {
    const rows = county();
    rows[2]![4] = '约40';
    const run = cli([await workbook({ 学校数据: rows }), '--json', '-q']);
    expect(run.status).toBe(2);
    const json = JSON.parse(run.stdout);
    expectValidReport(json);
    expect(json.counties).toEqual([]);
    expect(json.issues.some((i: { severity: string }) => i.severity === 'error')).toBe(true);
  });

  it('a key the contract does not name fails it (objects are strict)', () => {
    const dir = tmp();
    cli(['fixtures/sample-county.xlsx', '-q', '-f', 'json', '-o', dir]);
    const json = JSON.parse(readFileSync(join(dir, 'sample-county.report.json'), 'utf8'));
    json.counties[0].levels.primary.extra = 1;
    expect(validateReport(json)).toBe(false);
    expect(ReportJson.safeParse(json).success).toBe(false);
  });
});
