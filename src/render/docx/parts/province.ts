/** A batch's document: the province table, per level, with the failing counties and why (as the Markdown report opens). */
import { LEVEL_NAMES } from '../../../engine/types';
import type { CountyReport, Report } from '../../../report/model';
import { countyReasons, provinceCountSentence } from '../../prose';
import { FAILING_COUNTIES_LEAD, provinceTable } from '../../written';
import { append } from '../../../common/lookup';
import { heading, numbered, paragraph, type Block } from '../outline';

export function provincePart(report: Report, counties: readonly CountyReport[]): Block[] {
  const out: Block[] = [paragraph(provinceCountSentence(report, counties))];
  const failing = counties.filter((c) => !c.pass);
  if (failing.length)
    append(out, [
      paragraph(FAILING_COUNTIES_LEAD),
      ...numbered(failing.map((c) => `${c.label}：${countyReasons(report, c)}`)),
    ]);
  for (const level of ['primary', 'junior'] as const) {
    const table = provinceTable(report, counties, level);
    if (table) out.push(heading(1, LEVEL_NAMES[level]), { kind: 'table', table });
  }
  return out;
}
