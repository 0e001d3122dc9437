/**
 * The Markdown report's pictures: one SVG per level and indicator, the same chart as the
 * Excel 图表 sheet (sections sorted low to high, below-standard in red, the standard dashed,
 * the county value as a line). Plain SVG text: no browser, canvas or native library.
 */
import { escapeXml } from './spreadsheet/xml';
import type { SectionResult } from '../engine/compliance';
import type { IndicatorStats } from '../engine/evaluate';
import type { IndicatorDef } from '../engine/profile';
import { byValue, sectionLabel } from '../report/model';
import { fmt } from './format';
import { maxOf } from '../common/lookup';

const COLOURS = {
  met: '#4472C4',
  notMet: '#C00000',
  standard: '#548235',
  county: '#ED7D31',
  grid: '#D9D9D9',
  text: '#262626',
} as const;

/** Text and attribute values as XML: & < > " escaped, and the control characters XML 1.0 forbids dropped. */
const esc = escapeXml;

/** 0, a round step, …, at least `max`. */
function ticks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = 0; t < max + step * 0.999; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

export function svgChart(
  title: string,
  ind: IndicatorDef,
  stats: IndicatorStats,
  sections: readonly SectionResult[],
): string {
  const sorted = byValue(sections, ind);
  const W = 760;
  const H = 380;
  const left = 70;
  const right = 16;
  const top = 60;
  const bottom = 140;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const values = sorted.map((s) => s.values[ind.id]!);
  const max = maxOf(values.slice(-1), Math.max(stats.standard ?? 0, stats.mean));
  const axis = ticks(max);
  const yMax = axis[axis.length - 1]!;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const slot = plotW / Math.max(1, sorted.length);
  const barW = Math.max(1, slot * 0.7);
  const digits = ind.unit === '元' ? 0 : yMax < 10 ? 1 : 0;
  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold" fill="${COLOURS.text}">${esc(title)}</text>`,
  );
  for (const t of axis) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${COLOURS.grid}" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="${COLOURS.text}">${esc(fmt(t, digits))}</text>`,
    );
  }
  sorted.forEach((s, i) => {
    const v = values[i]!;
    const x = left + i * slot + (slot - barW) / 2;
    const colour = s.met[ind.id] ? COLOURS.met : COLOURS.notMet;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - y(v)).toFixed(1)}" fill="${colour}"><title>${esc(`${sectionLabel(s)}：${fmt(v, 2)}`)}</title></rect>`,
    );
    const lx = left + i * slot + slot / 2;
    parts.push(
      `<text transform="translate(${lx.toFixed(1)},${top + plotH + 8}) rotate(-60)" text-anchor="end" font-size="10" fill="${COLOURS.text}">${esc(sectionLabel(s))}</text>`,
    );
  });
  if (stats.standard !== null)
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(stats.standard).toFixed(1)}" y2="${y(stats.standard).toFixed(1)}" stroke="${COLOURS.standard}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  parts.push(
    `<line x1="${left}" x2="${W - right}" y1="${y(stats.mean).toFixed(1)}" y2="${y(stats.mean).toFixed(1)}" stroke="${COLOURS.county}" stroke-width="2"/>`,
  );
  parts.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}" stroke="${COLOURS.text}" stroke-width="1"/>`,
  );
  const legend: [string, string, boolean][] = [
    ['达到标准', COLOURS.met, false],
    ['未达到标准', COLOURS.notMet, false],
    ...(stats.standard !== null
      ? [[`标准 ${stats.standard}`, COLOURS.standard, true] as [string, string, boolean]]
      : []),
    [`全县值 ${fmt(stats.mean, digits + 1)}`, COLOURS.county, true],
  ];
  let lx = left;
  for (const [label, colour, line] of legend) {
    parts.push(
      line
        ? `<line x1="${lx}" x2="${lx + 18}" y1="40" y2="40" stroke="${colour}" stroke-width="2"${label.startsWith('标准') ? ' stroke-dasharray="6 4"' : ''}/>`
        : `<rect x="${lx}" y="34" width="14" height="12" fill="${colour}"/>`,
    );
    parts.push(`<text x="${lx + 22}" y="44" font-size="11" fill="${COLOURS.text}">${esc(label)}</text>`);
    lx += 40 + label.length * 12;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif">` +
    `<title>${esc(title)}</title>${parts.join('')}</svg>\n`
  );
}
