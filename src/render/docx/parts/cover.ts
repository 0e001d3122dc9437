/** The cover: the title and the form (县, 数据年度, 数据来源, 评估依据, and the lines to sign). */
import { dataYear } from '../../../report/model';
import { coverRows, reportTitle } from '../../exhibits';
import type { Block, PartContext } from '../outline';

export function coverPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  return [
    { kind: 'title', text: reportTitle(report, county) },
    {
      kind: 'table',
      form: true,
      // The form fills the page: the data issues' count closes 一、总体结论 (below the form it ran onto a page of its own).
      table: { header: ['项目', '内容'], rows: coverRows(report, county, dataYear(report.input)) },
    },
    { kind: 'pageBreak' },
  ];
}
