#!/usr/bin/env node
// balance-check: runs the bundled, compiled CLI (dist/cli.cjs; no runtime transpiler).
// The build also leaves a V8 code cache (dist/cli.cache) made by one run on the sample county,
// so a start skips compiling the bundle. On another node version V8 rejects the cache and
// compiles as usual: the cache only changes how fast the CLI starts, never what it does.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist-prof');
const file = join(dist, 'cli.cjs');
const cacheFile = join(dist, 'cli.cache');
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
if (process.env.BALANCE_CHECK_WRITE_CODE_CACHE === '1')
  process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dist);
