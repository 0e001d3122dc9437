// Preloaded into each fuzzed run (node --require): reports the process's peak RSS (KB) on fd 3 as it exits.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    /* fd 3 is not open: run by hand */
  }
});
