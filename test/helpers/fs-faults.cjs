// Preloaded into a CLI run by the output-writing tests (node --require): faults injected into the file
// operations on one folder, at a chosen step, so that "a stop or a failure at any point of the write"
// is a loop over steps rather than a race against the clock. Nothing in src knows of it.
//
//   BALANCE_CHECK_FAULT_DIR  the folder (with its subfolders) whose operations are counted
//   BALANCE_CHECK_FAULT      signal:N  SIGINT to itself just after the Nth operation (a file written, a
//                                      rename, a removal) is done, before its caller goes on
//                            enospc:N  the Nth file written gets half its bytes, then fails with ENOSPC
//                            slow:MS   every rename takes MS ms longer (two runs' writes overlap)
//   BALANCE_CHECK_FAULT_LOG  a file each counted operation is appended to, as `op path` (optional)
const fs = require('node:fs');
const { resolve, sep } = require('node:path');

const dir = process.env.BALANCE_CHECK_FAULT_DIR;
const [mode, arg] = (process.env.BALANCE_CHECK_FAULT ?? '').split(':');
const log = process.env.BALANCE_CHECK_FAULT_LOG;
const at = Number(arg);
const writeFileSync = fs.writeFileSync;
let steps = 0;
let writes = 0;

const inDir = (path) => {
  if (!dir || typeof path !== 'string') return false;
  const full = resolve(path);
  return full === resolve(dir) || full.startsWith(resolve(dir) + sep);
};
const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Counts a finished operation; true when the signal is due now. */
function step(op, path) {
  if (log) fs.appendFileSync(log, `${op} ${path}\n`);
  steps += 1;
  if (mode === 'signal' && steps === at) {
    process.kill(process.pid, 'SIGINT');
    return true;
  }
  return false;
}

function noSpace(path, data) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
    path,
  });
}

/** A synchronous operation: the signal can only be handled once the caller returns to the event loop. */
function wrapSync(object, name, op) {
  const real = object[name];
  object[name] = function (path, ...rest) {
    if (!inDir(path)) return real.call(this, path, ...rest);
    if (op === 'write' && mode === 'enospc' && ++writes === at) throw noSpace(path, rest[0]);
    if (op === 'rename' && mode === 'slow') sleepSync(at);
    const result = real.call(this, path, ...rest);
    step(op, path);
    return result;
  };
}

/** A promise: after the signal, the caller resumes only once the signal has had time to be handled. */
function wrapAsync(object, name, op) {
  const real = object[name];
  object[name] = async function (path, ...rest) {
    if (!inDir(path)) return real.call(this, path, ...rest);
    if (op === 'write' && mode === 'enospc' && ++writes === at) throw noSpace(path, rest[0]);
    if (op === 'rename' && mode === 'slow') await sleep(at);
    const result = await real.call(this, path, ...rest);
    if (step(op, path)) await sleep(100);
    return result;
  };
}

if (dir && mode) {
  for (const [name, op] of [
    ['writeFileSync', 'write'],
    ['renameSync', 'rename'],
    ['rmSync', 'remove'],
    ['unlinkSync', 'remove'],
  ])
    wrapSync(fs, name, op);
  for (const [name, op] of [
    ['writeFile', 'write'],
    // A file written in pieces (the JSON report, a batch's JSON Lines) is opened, then written through its handle.
    ['open', 'write'],
    ['rename', 'rename'],
    ['rm', 'remove'],
    ['unlink', 'remove'],
  ])
    wrapAsync(fs.promises, name, op);
  require('node:module').syncBuiltinESMExports();
}
