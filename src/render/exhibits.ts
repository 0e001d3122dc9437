/**
 * 附表1 … : the numbered tables of a county's report. One list serves the Markdown captions and
 * the Excel sheets' titles (and the sheet order), so 附表N names the same table in both. Numbers
 * follow the written report's order and skip what this report leaves out (no compliance under
 * 2012, no 学区 columns, no plans in a batch). A batch of counties is a working document: its
 * tables are not numbered.
 */
import { isShort, sourceLabel, type CountyReport, type Report } from '../report/model';
import { exclusionText } from './format';
import { judgedDimensions } from './prose';

export type ExhibitKey =
  | 'cv'
  | 'compliance'
  | 'shortfall'
  | 'checklist'
  | 'schoolItems'
  | 'groups'
  | 'splits'
  | 'influence'
  | 'plan'
  | 'planDetail'
  | 'charts'
  | 'issues'
  | 'data'
  | 'chartData'
  | 'standards';

export interface Exhibit {
  key: ExhibitKey;
  no: number;
  /** The table's name; the Excel sheet's title begins with it. */
  title: string;
  /** Where it is: the Markdown report, the Excel report, or both. */
  in: 'both' | 'markdown' | 'excel';
}

/** The numbered tables of one county's report, in order; empty for a batch. */
export function countyExhibits(report: Report, county: CountyReport): Map<ExhibitKey, Exhibit> {
  const out = new Map<ExhibitKey, Exhibit>();
  if (report.counties.length !== 1) return out;
  const add = (key: ExhibitKey, title: string, where: Exhibit['in'], present = true) => {
    if (present) out.set(key, { key, no: out.size + 1, title, in: where });
  };
  const compliance = report.profile.compliance !== null && report.profile.compliance !== undefined;
  const actions = county.levels.some((l) => l.actions);
  const checklist = judgedDimensions(county.verdict).some((d) => d.dimension !== 'resources');
  add('cv', '校际差异系数', 'both');
  add('compliance', '学校达标情况', 'both', compliance);
  const short = county.levels.some((l) => l.sections.some((s) => isShort(s, report.profile)));
  add('shortfall', '缺口测算', short ? 'both' : 'excel', compliance);
  add('checklist', '政府保障程度、教育质量、社会认可度逐项结论', checklist ? 'both' : 'excel');
  add('schoolItems', '各校规模、班额、音乐美术专用教室', 'excel');
  add('groups', '学区（集团）与城乡差距', 'both', county.groups.length > 0 || county.urbanRural.length > 0);
  add(
    'splits',
    '一贯制学校及完全中学的拆分',
    'markdown',
    county.levels.some((l) => l.sections.some((s) => s.section.split)),
  );
  add('influence', '影响分析', 'excel', actions);
  add('plan', '整改测算', 'both', actions);
  const additions = county.levels.some((l) => l.actions?.plan.indicators.some((p) => p.additions.length > 0));
  add('planDetail', '整改明细', additions ? 'both' : 'excel', actions);
  add('charts', '各校生均值与标准、全县值', 'excel');
  add('issues', '数据问题', report.issues.length ? 'both' : 'excel');
  add('data', '计算数据', 'excel');
  add('chartData', '图表数据', 'excel');
  add('standards', '评估标准', 'excel');
  return out;
}

/** `附表N　标题` (the Markdown caption and the start of the Excel title), or the plain title when not numbered. */
export function exhibitName(exhibits: ReadonlyMap<ExhibitKey, Exhibit>, key: ExhibitKey, fallback: string): string {
  const e = exhibits.get(key);
  return e ? `附表${e.no}　${e.title}` : fallback;
}

/** The cover block a county report opens with: what, which year, from where, by which rules; blank lines to fill in by hand. No date: same input, same bytes. */
export function coverRows(report: Report, county: CountyReport, year: string | null): [string, string][] {
  const { input } = report;
  const source = sourceLabel(input);
  return [
    ['县（市、区）', county.label],
    ['数据年度', year ?? '（未注明，可用 --year 指定）'],
    ['数据来源', source],
    ['评估依据', `${report.profile.name}（${report.profile.source}）`],
    ['纳入范围', exclusionText(report.profile)],
    ['测算工具', `balance-check ${report.tool.version}（配置 ${report.profile.id}）`],
    // What the county signed its tables with, else blank lines to fill in by hand.
    ['填报单位', input.signatures?.unit ?? ''],
    ['填报人', input.signatures?.filler ?? ''],
    ['审核人', input.signatures?.reviewer ?? ''],
    ['日期', input.signatures?.date ?? ''],
  ];
}

/** The report's title: 义务教育优质均衡发展 or 基本均衡发展, by the profile. */
export const reportTitle = (report: Report, county: CountyReport) =>
  `${county.label} 义务教育${report.profile.verdictName}发展 资源配置测算报告`;
