/** 数据问题: every error and warning, linked to its cell. */
import { type Report } from '../../../report/model';
import { displayWidth } from '../../format';
import { SheetBuilder, type CellInput } from '../sheet';
import { table } from '../table';
import { COLOUR } from './common';
import { issueLinkKey } from './data';

export function issuesSheet(report: Report, links: Map<string, string>): SheetBuilder {
  const sheet = new SheetBuilder('数据问题');
  const label = { error: '错误', warning: '警告', info: '说明' } as const;
  const fill = { error: COLOUR.bad, warning: COLOUR.warn, info: undefined } as const;
  const c = report.issueCounts;
  const linkOf = (i: Report['issues'][number]) =>
    i.school ? (links.get(issueLinkKey(i.county, i.school, i.field)) ?? links.get(issueLinkKey(i.county, i.school))) : undefined;
  table(
    sheet,
    `数据问题（错误 ${c.error}，警告 ${c.warning}，说明 ${c.info}）——点击“计算数据”列可跳到该校数据`,
    [{ header: '级别', width: 6 }, { header: '代码' }, { header: '位置（原表）' }, { header: '学校' }, { header: '列' }, { header: '计算数据', width: 10 }, { header: '说明', width: 64 }],
    report.issues.map((i): CellInput[] => {
      const target = linkOf(i);
      return [
        { v: label[i.severity], s: { border: true, ...(fill[i.severity] ? { fill: fill[i.severity] } : {}) } },
        i.code,
        i.cell ? `${i.sheet}!${i.cell}` : i.row ? `${i.sheet} 第${i.row}行` : (i.sheet ?? ''),
        i.school ?? '',
        i.column ?? '',
        target ? { v: '查看', link: target, s: { border: true, color: COLOUR.link, underline: true, align: 'center' } } : '',
        { v: i.text, s: { border: true, wrap: true, valign: 'top' } },
      ];
    }),
  );
  const messageWidth = sheet.widths[6]!;
  for (const row of sheet.rows.slice(sheet.headerRows)) {
    const lines = Math.ceil(displayWidth(String(row.cells[6]?.v ?? '')) / (messageWidth * 0.95));
    if (lines > 1) row.height = 15 * lines + 2;
  }
  return sheet;
}
