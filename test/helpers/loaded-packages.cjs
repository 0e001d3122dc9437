// Preloaded into a CLI run (node --require): as it exits, names on stderr each package of
// node_modules the run loaded (`loaded: docx`), so a test can see what a start pays for.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const packages = new Set();
  for (const id of Object.keys(require.cache)) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
    if (m) packages.add(m[1]);
  }
  for (const p of [...packages].sort()) writeSync(2, `loaded: ${p}\n`);
});
