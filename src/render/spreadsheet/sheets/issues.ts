/** 数据问题: every error and warning, linked to its cell. */
import { type Report } from '../../../report/model';
import { displayWidth } from '../../format';
import { PAGE_UNITS, SheetBuilder, type CellInput } from '../sheet';
import { columnAccountText, HOW_LABEL } from '../../prose';
import { HEADER, linesHeight, table, TITLE } from '../table';
import { COLOUR } from './common';
import { issueLinkKey } from './data';
import { maxOf } from '../../../common/lookup';

const WRAP = { border: true, wrap: true, valign: 'top' as const };
const TOP = { border: true, valign: 'top' as const };

/** Below the issues: every column of the school table that holds something, and what became of it. */
function columnsBelow(sheet: SheetBuilder, report: Report) {
  const columns = report.input.columns ?? [];
  if (columns.length === 0) return;
  sheet.addRow([]);
  const t = sheet.addRow([{ v: `各列的读取情况（学校数据表中有内容的 ${columns.length} 列）`, s: TITLE }], {
    height: 22,
  });
  sheet.mergeAcross(t, 1, 7);
  sheet.addRow(['方式', '说明代码', '位置（原表）', '表头', '用于', '公式格数', '说明'].map((v) => ({ v, s: HEADER })));
  // 表头 and 用于 share the issues' 学校 and 列 columns: wide enough for them too (14 at most: the message column keeps its page).
  const fit = (texts: string[]) =>
    Math.min(
      14,
      maxOf(
        texts.map((t) => displayWidth(t) * 1.1 + 2),
        6,
      ),
    );
  sheet.widths[3] = Math.max(sheet.widths[3]!, fit(columns.map((a) => a.header.join(' → '))));
  sheet.widths[4] = Math.max(sheet.widths[4]!, fit(columns.map((a) => a.field ?? '')));
  for (const a of columns)
    sheet.addRow([
      {
        v: HOW_LABEL[a.how],
        s: a.how === 'ignored' && a.issue ? { border: true, fill: COLOUR.warn } : { border: true },
      },
      { v: a.issue ?? '', s: { border: true } },
      { v: `${a.sheet}!${a.cell}`, s: { border: true } },
      { v: a.header.join(' → '), s: WRAP },
      { v: a.field ?? '', s: WRAP },
      { v: a.formulas || '', s: TOP },
      { v: columnAccountText(a), s: WRAP },
    ]);
}

export function issuesSheet(report: Report, links: Map<string, string>): SheetBuilder {
  const sheet = new SheetBuilder('数据问题');
  const label = { error: '错误', warning: '警告', info: '说明' } as const;
  const fill = { error: COLOUR.bad, warning: COLOUR.warn, info: undefined } as const;
  const c = report.issueCounts;
  const linkOf = (i: Report['issues'][number]) =>
    i.school
      ? (links.get(issueLinkKey(i.county, i.school, i.field)) ?? links.get(issueLinkKey(i.county, i.school)))
      : undefined;
  table(
    sheet,
    `数据问题（错误 ${c.error}，警告 ${c.warning}，说明 ${c.info}）——点击“计算数据”列可跳到该校数据`,
    [
      { header: '级别', width: 6 },
      { header: '代码' },
      { header: '位置（原表）' },
      { header: '学校' },
      { header: '列' },
      { header: '计算数据', width: 10 },
      { header: '说明', width: 64 },
    ],
    report.issues.map((i): CellInput[] => {
      const target = linkOf(i);
      return [
        { v: label[i.severity], s: { border: true, ...(fill[i.severity] ? { fill: fill[i.severity] } : {}) } },
        i.code,
        i.cell ? `${i.sheet}!${i.cell}` : i.row ? `${i.sheet} 第${i.row}行` : (i.sheet ?? ''),
        { v: i.school ?? '', s: WRAP },
        { v: i.column ?? '', s: WRAP },
        target
          ? { v: '查看', link: target, s: { border: true, color: COLOUR.link, underline: true, align: 'center' } }
          : '',
        { v: i.text, s: { border: true, wrap: true, valign: 'top' } },
      ];
    }),
  );
  columnsBelow(sheet, report);
  // 学校 and 列 wrap at 20; the message column takes what one printed page leaves (text at ≥ 8 pt), and wraps.
  sheet.widths[3] = Math.min(sheet.widths[3]!, 20);
  sheet.widths[4] = Math.min(sheet.widths[4]!, 20);
  const others = sheet.widths.slice(0, 6).reduce((a, b) => a + b, 0);
  sheet.widths[6] = Math.max(40, Math.min(sheet.widths[6]!, PAGE_UNITS.landscape - 2 - others));
  for (const row of sheet.rows.slice(sheet.headerRows)) {
    const lines = maxOf(
      [3, 4, 6].map((c) => Math.ceil(displayWidth(String(row.cells[c]?.v ?? '')) / (sheet.widths[c]! * 0.95))),
    );
    if (lines > 1) row.height = linesHeight(lines);
  }
  return sheet;
}
