/** 数据问题: how many, the list (a 附表 of a county's document), and (when the input was read by columns) what became of each column. */
import {
  COLUMNS_HEADING,
  columnsLead,
  columnsTable,
  issuesLead,
  issuesTable,
  NO_ISSUES,
  SECTION_TITLE,
} from '../../written';
import type { Report } from '../../../report/model';
import { append } from '../../../common/lookup';
import { heading, paragraph, type Block, type Place } from '../outline';

/** `place`: a county's tables are 附表; a batch's are in the text. */
export function issuesPart(report: Report, place: Place): Block[] {
  if (report.issues.length === 0) return [heading(1, SECTION_TITLE.issues), paragraph(NO_ISSUES)];
  const out: Block[] = [heading(1, SECTION_TITLE.issues), ...place(issuesLead(report), 'issues', issuesTable(report))];
  // The Excel report's 数据问题 sheet holds it under the issues: here the same 附表, continued.
  const lead = columnsLead(report);
  if (lead) append(out, [heading(2, COLUMNS_HEADING), ...place(lead, 'issues', columnsTable(report), COLUMNS_HEADING)]);
  return out;
}
