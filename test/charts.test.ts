/** The Markdown report's SVG charts: files beside the report, linked from it, drawn from the engine's values. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../src/render/charts';
import { check, county, tmp, workbook } from './helpers/files';

describe('SVG charts', () => {
  it('one per level and indicator; a bar per section, red exactly for those below the standard', async () => {
    const report = await check('fixtures/sample-county.xlsx');
    const charts = renderCharts(report);
    const c = report.counties[0]!;
    expect(charts).toHaveLength(c.levels.length * report.profile.indicators.length);
    const sports = charts.find((x) => x.path.endsWith('/primary-sports_space.svg'))!;
    const level = c.levels.find((l) => l.level === 'primary')!;
    const bars = [
      ...sports.svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="(#[0-9A-F]+)"><title>/g),
    ].map((m) => m[1]);
    expect(bars).toHaveLength(level.sections.length);
    expect(bars.filter((b) => b === '#C00000')).toHaveLength(level.sections.filter((s) => !s.met.sports_space).length);
    expect(sports.svg).toContain('stroke-dasharray'); // the standard
    expect(sports.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('school names are escaped in the SVG', async () => {
    const rows = county();
    rows[1]![0] = '<script>alert(1)</script>';
    const charts = renderCharts(await check(await workbook({ 学校数据: rows })));
    for (const c of charts) expect(c.svg).not.toContain('<script');
    for (const c of charts.filter((x) => x.path.includes('/primary-')))
      expect(c.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the CLI writes them beside the Markdown report, and every image link resolves', () => {
    const out = tmp();
    const r = spawnSync(
      process.execPath,
      [resolve('bin/balance-check.js'), 'fixtures/sample-county.xlsx', '-o', out, '-f', 'md', '-q'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const md = readFileSync(join(out, 'sample-county.report.md'), 'utf8');
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links).toHaveLength(14);
    for (const l of links) expect(existsSync(join(out, l)), l).toBe(true);
    expect(readdirSync(join(out, 'sample-county.report.charts'))).toHaveLength(14);
  });
});
