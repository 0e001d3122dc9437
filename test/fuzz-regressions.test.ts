/**
 * Inputs the fuzz harness (npm run fuzz) once found failing, kept as fixtures: each must
 * end with exit 0–3, no internal error and no stack trace. Add a found input here with
 * a name that says what it broke (cell-ref-xfd1-in-header-row: a cell at XFD1 made the header search
 * scan the 16 384-wide row once per cell, 92 s, until computed-formulas.ts kept the last rows).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmp } from './helpers/files';

const DIR = 'test/fixtures/fuzz';

describe('fuzz regressions', () => {
  it.each(readdirSync(DIR).filter((n) => !n.endsWith('.json')))(
    '%s',
    (name) => {
      const r = spawnSync(
        process.execPath,
        [resolve('bin/balance-check.js'), join(DIR, name), '-o', tmp(), '-f', 'xlsx,md,json', '-q'],
        { encoding: 'utf8', timeout: 30_000 },
      );
      expect(r.signal).toBeNull();
      expect([0, 1, 2, 3]).toContain(r.status);
      expect(r.stderr).not.toMatch(/内部错误|\n\s+at .+:\d+:\d+/);
    },
    40_000,
  );
});
