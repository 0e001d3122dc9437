// Bundles the CLI into one CommonJS file (one file to load keeps start-up fast), then runs it
// once on the sample county to record a V8 code cache beside it (see bin/balance-check.js).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  // Loaded from node_modules only when needed: exceljs (the fallback reader, the template), docx (-f docx) and
  // iconv-lite (GBK / GB18030 CSV); their size would otherwise slow every start.
  external: ['exceljs', 'iconv-lite', 'docx'],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'external',
  logLevel: 'warning',
});

rmSync('dist/cli.cache', { force: true });
const out = mkdtempSync(join(tmpdir(), 'balance-check-cache-'));
const run = spawnSync(
  process.execPath,
  ['bin/balance-check.js', 'fixtures/sample-county.xlsx', '-o', out, '--format', 'xlsx,md,json', '-q'],
  { env: { ...process.env, BALANCE_CHECK_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' },
);
rmSync(out, { recursive: true, force: true });
if (run.status !== 0) {
  console.error(`the built CLI failed on the sample county (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}
