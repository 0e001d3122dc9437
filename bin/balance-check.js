#!/usr/bin/env node
// balance-check: runs the bundled, compiled CLI (built by `npm run build`, no runtime transpiler).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/cli.cjs');
