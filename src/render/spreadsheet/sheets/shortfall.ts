/** 缺口测算: per section and indicator the shortfall to the standard and to compliance. */
import { resolutionOf } from '../../../engine/compliance';
import type { IndicatorDef } from '../../../engine/profile';
import { LEVEL_NAMES } from '../../../engine/types';
import { sectionLabel, type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput, type CellSpec } from '../sheet';
import { table, type Column } from '../table';
import { NUM, CENTER, BAD_LOOK, PASS, FAIL, R, atLeastF, shared, ref, cellAt, keptName, LEVEL_COLUMN } from './common';
import { type DataLayout } from './data';
import { type ComplianceLayout } from './compliance';

export function shortfallSheet(
  report: Report,
  county: CountyReport,
  layout: DataLayout,
  compliance: ComplianceLayout,
  name: string,
): SheetBuilder {
  const sheet = new SheetBuilder(name);
  sheet.titleColumns = 2; // 学段, 学校 on every printed page when the table prints two pages wide
  const seen = new Set<string>();
  const inds = report.profile.indicators;
  const n = inds.length;
  const rule = report.profile.compliance;
  /** With one indicator allowed below standard, the formula can pick it (MATCH of the largest gap). */
  const formulaForCompliance = rule !== null && n - rule.minIndicatorsMet === 1;
  const toStandardCol = (i: number) => 4 + i;
  const compliantCol = 4 + n;
  const keptCol = 5 + n;
  const toComplianceCol = (i: number) => 6 + n + i;
  const fmtOf = (ind: IndicatorDef) => (ind.countable || ind.shortfallUnit === '元' ? NUM.intBlank : NUM.areaBlank);
  const rows: CellInput[][] = [];
  const totals: number[] = [];
  let r = 3;
  for (const l of county.levels) {
    const first = r;
    for (const s of l.sections) {
      const d = layout.row.get(s)!;
      const data = (col: number) => ref(layout.sheet, cellAt(col, d));
      const reach = (i: number, target: string) => {
        const ind = inds[i]!;
        const needed = `${target}*${data(layout.students)}${ind.scale === 1 ? '' : `/${ind.scale}`}-${data(layout.amount(i))}`;
        // Never negative: a value already above a lowered target (85%) needs nothing, as in the engine; in
        // whole units as the engine counts them (resolutionOf: persons, rooms and 元 whole, ㎡ to 0.1).
        return `MAX(0,ROUNDUP(ROUND(${needed},${R}),${resolutionOf(ind) === 1 ? 0 : 1}))`;
      };
      const met = (i: number, std: string) => atLeastF(data(layout.value(i)), std);
      const compliantRef = ref(compliance.sheet.name, cellAt(compliance.compliantCol, compliance.row.get(s)!));
      const kept = cellAt(keptCol, r);
      const gaps = () => ref(layout.sheet, `${cellAt(layout.gap(0), d)}:${cellAt(layout.gap(n - 1), d)}`);
      rows.push([
        LEVEL_NAMES[l.level],
        sectionLabel(s),
        shared(seen, `students:${l.level}`, () => data(layout.students), s.section.students),
        ...inds.map((ind, i): CellInput => {
          const std = layout.standards.standard(i, l.level);
          return std
            ? shared(seen, `short:${i}:${l.level}`, () => `IF(${met(i, std)},0,${reach(i, std)})`, s.shortfall[ind.id]!)
            : null;
        }),
        shared(seen, `compliant:${l.level}`, () => compliantRef, s.compliant ? PASS : FAIL, CENTER),
        formulaForCompliance
          ? shared(
              seen,
              `kept:${l.level}`,
              () =>
                `IF(${cellAt(compliantCol, r)}="${PASS}","—",INDEX(${layout.standards.shortNames},MATCH(MAX(${gaps()}),${gaps()},0)))`,
              keptName(report, s),
              CENTER,
            )
          : { v: keptName(report, s), s: CENTER },
        ...inds.map((ind, i): CellInput => {
          const std = layout.standards.standard(i, l.level);
          if (!std || !formulaForCompliance) return std ? s.shortfallToCompliance[ind.id]! : null;
          const target = () =>
            `IF(${kept}=${layout.standards.shortName(i)},${layout.standards.floor(l.level)}*${std},${std})`;
          return shared(
            seen,
            `tocomp:${i}:${l.level}`,
            () => `IF(OR(${cellAt(compliantCol, r)}="${PASS}",${met(i, std)}),0,${reach(i, target())})`,
            s.shortfallToCompliance[ind.id]!,
          );
        }),
      ]);
      r++;
    }
    const last = r - 1;
    const sum = (col: number, v: number): CellSpec => ({
      f: `SUM(${cellAt(col, first)}:${cellAt(col, last)})`,
      v,
      s: { bold: true, border: true },
    });
    const t = l.result.shortfallTotals;
    rows.push([
      { v: LEVEL_NAMES[l.level], s: { bold: true, border: true } },
      { v: `${LEVEL_NAMES[l.level]}合计`, s: { bold: true, border: true } },
      { ...sum(3, l.result.students), s: { bold: true, border: true, numFmt: NUM.int } },
      ...inds.map((ind, i) => ({
        ...sum(toStandardCol(i), t.toStandard[ind.id]!),
        s: { bold: true, border: true, numFmt: fmtOf(ind) },
      })),
      {
        f: `COUNTIF(${cellAt(compliantCol, first)}:${cellAt(compliantCol, last)},"${PASS}")&"/${l.sections.length}所达标"`,
        v: `${l.result.compliantSchools}/${l.sections.length}所达标`,
        s: { bold: true, border: true, align: 'center' },
      },
      { v: '', s: { border: true } },
      ...inds.map((ind, i) => ({
        ...sum(toComplianceCol(i), t.toCompliance[ind.id]!),
        s: { bold: true, border: true, numFmt: fmtOf(ind) },
      })),
    ]);
    totals.push(r);
    r++;
  }
  const rate = rule ? `${Math.round(rule.floorRatio * 100)}%` : '';
  table(
    sheet,
    `缺口测算：左为各项达到标准所需增加的数量，右为使学校达标所需的最少数量（低于标准最多的一项只补到标准的${rate}）；各校向上取整`,
    [
      LEVEL_COLUMN,
      { header: '学校' },
      { header: '在校生', numFmt: NUM.int },
      ...inds.map((i): Column => ({
        header: `达到标准\n${i.short}\n（${i.shortfallUnit}）`,
        numFmt: fmtOf(i),
        width: 10,
      })),
      { header: '学校\n是否达标', width: 12 },
      { header: `只补到\n${rate}的指标`, width: 11 },
      ...inds.map((i): Column => ({
        header: `使学校达标\n${i.short}\n（${i.shortfallUnit}）`,
        numFmt: fmtOf(i),
        width: 10,
      })),
    ],
    rows,
  );
  if (rows.length) {
    const range = `${cellAt(compliantCol, 3)}:${cellAt(compliantCol, 2 + rows.length)}`;
    sheet.highlights.push({ range, text: FAIL, style: BAD_LOOK });
  }
  return sheet;
}
