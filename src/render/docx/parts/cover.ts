/** The cover: the title, the form (县, 数据年度, 数据来源, 评估依据, and the lines to sign), and the count of data issues. */
import { dataYear } from '../../../report/model';
import { coverRows, reportTitle } from '../../exhibits';
import { issueCountSentence } from '../../written';
import { paragraph, type Block, type PartContext } from '../outline';

export function coverPart(ctx: PartContext): Block[] {
  const { report, county } = ctx;
  return [
    { kind: 'title', text: reportTitle(report, county) },
    {
      kind: 'table',
      form: true,
      table: { header: ['项目', '内容'], rows: coverRows(report, county, dataYear(report.input)) },
    },
    paragraph(issueCountSentence(report)),
    { kind: 'pageBreak' },
  ];
}
