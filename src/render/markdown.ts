/** The Markdown report: tables and 自评报告-style prose, ready to paste into the written report. */
import { LEVEL_NAMES } from '../engine/types';
import { dataYear, type CountyReport, type LevelReport, type Report } from '../report/model';
import { chartFile, chartsFolder, chartTitle } from './charts';
import { escapedForMarkdown } from './markdown-escape';
import { countyExhibits, coverRows, reportTitle, type Exhibit, type ExhibitKey } from './exhibits';
import {
  compositeSentence,
  influenceSentence,
  budgetSentence,
  planMethodText,
  planSentence,
  transferIntro,
  transferSentence,
} from './plan-prose';
import {
  countyReasons,
  provinceCountSentence,
  claimSentence,
  countySheetMissing,
  dimensionReasons,
  DIMENSION_LABEL,
  judgedDimensions,
  excludedSentence,
  gapSentence,
  levelVerdict,
  schoolsSentence,
  dimensionLines,
  verdictHeadline,
} from './prose';
import {
  batchNote,
  CHINESE_NUMERALS,
  CLAIMS_AGREE,
  claimsDisagreeHeading,
  checklistTable,
  columnsLead,
  columnsTable,
  COLUMNS_HEADING,
  compositeLead,
  complianceHeading,
  complianceTable,
  countySheetMissingNote,
  cvHeading,
  cvMethodText,
  cvTable,
  dimensionHeading,
  exhibitCaption,
  exhibitListSentence,
  FAILING_COUNTIES_LEAD,
  generatedBy,
  GROUPS_CELL_NOTE,
  groupsHeading,
  groupsPart,
  groupsTable,
  influenceHeading,
  issueCountSentence,
  issuesLead,
  issuesTable,
  NO_ISSUES,
  noGapsText,
  GAPS_ROUNDING_NOTE,
  hasPlans,
  planCostNote,
  PLAN_METHOD_POINTER,
  PLAN_METHOD_TITLE,
  planCostTotal,
  planDetailLead,
  planDetailTable,
  planHeading,
  planLevels,
  planTable,
  provinceTable,
  provinceTitle,
  SECTION_TITLE,
  shortfallHeading,
  shortfallTable,
  splitMethodText,
  splitSections,
  splitsTable,
  transferHeading,
  urbanRuralHeading,
  urbanRuralPart,
  urbanRuralTable,
  type WrittenCell,
  type WrittenTable,
} from './written';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const cell = (c: WrittenCell) => (typeof c === 'string' ? c : `**${c.strong}**`);
const row = (cells: readonly WrittenCell[]) => `| ${cells.map((c) => escapeCell(cell(c))).join(' | ')} |`;
function table(t: WrittenTable): string {
  const sep = t.header.map((_, i) => ({ l: '---', r: '---:', c: ':---:' })[t.align?.[i] ?? 'l']);
  return [row(t.header), row(sep), ...t.rows.map(row)].join('\n');
}
const code = (command: string) => `\`${command}\``;

/** 附表 captions: `**附表N　标题（部分）**` before a numbered table, `附表N（续）` for its later parts (as the Excel sheet holds them in one). */
class Captions {
  private readonly seen = new Set<ExhibitKey>();
  constructor(private readonly exhibits: ReadonlyMap<ExhibitKey, Exhibit>) {}
  list(): Exhibit[] {
    return [...this.exhibits.values()];
  }
  /** The caption and a blank line, or nothing when the table is not numbered. */
  of(key: ExhibitKey, part?: string): string {
    const e = this.exhibits.get(key);
    if (!e) return '';
    const more = this.seen.has(key);
    this.seen.add(key);
    return `**${exhibitCaption(e, more, part)}**\n\n`;
  }
}
const NO_CAPTIONS = new Captions(new Map());

export function renderMarkdown(original: Report): string {
  const report = escapedForMarkdown(original);
  const parts: string[] = [];
  if (report.province) parts.push(provinceSection(report, report.province));
  const single =
    report.detail && report.counties.length === 1
      ? new Captions(countyExhibits(report, report.counties[0]!))
      : NO_CAPTIONS;
  if (report.detail)
    for (const county of report.counties)
      parts.push(countySection(report, county, original, report.counties.length === 1 ? single : NO_CAPTIONS));
  else parts.push(`> ${batchNote(report, code)}`);
  parts.push(issuesSection(report, single));
  if (hasPlans(report)) parts.push(`## ${PLAN_METHOD_TITLE}\n\n${planMethodText(report.profile)}`);
  parts.push(`---\n${generatedBy(report)}`);
  return `${parts.join('\n\n')}\n`;
}

/** The province table as published: per county and level, 全县平均值 and 差异系数 of each indicator, and the verdict. */
function provinceSection(report: Report, counties: readonly CountyReport[]): string {
  const out = [`# ${provinceTitle(report, counties)}`, provinceCountSentence(report, counties)];
  const failing = counties.filter((c) => !c.pass);
  if (failing.length)
    out.push(
      `${FAILING_COUNTIES_LEAD}\n\n${failing.map((c, i) => `${i + 1}. ${c.label}：${countyReasons(report, c)}`).join('\n')}`,
    );
  for (const level of ['primary', 'junior'] as const) {
    const t = provinceTable(report, counties, level);
    if (!t) continue;
    out.push(`## ${LEVEL_NAMES[level]}`);
    out.push(table(t));
  }
  return out.join('\n\n');
}

function countySection(report: Report, county: CountyReport, original: Report, cap: Captions): string {
  const out: string[] = [];
  out.push(`# ${reportTitle(report, county)}`);
  out.push(table({ header: ['项目', '内容'], rows: coverRows(report, county, dataYear(report.input)) }));
  const listed = cap.list();
  if (listed.length) out.push(exhibitListSentence(listed));
  out.push(issueCountSentence(report));

  out.push(`## §、${SECTION_TITLE.conclusion}`);
  // A one-line verdict, then each dimension with its reasons, as a 自评报告 states them.
  out.push(`**${verdictHeadline(report, county)}**`);
  out.push(
    dimensionLines(report, county)
      .map((x, i) => `${i + 1}. ${x}`)
      .join('\n'),
  );
  for (const l of county.levels) out.push(`全县${levelVerdict(report, l)}`);
  // The 2012 method has no per-school standards: no count of compliant schools.
  if (report.profile.compliance) out.push(`按学校计，${schoolsSentence(county)}`);
  const excluded = excludedSentence(county);
  if (excluded) out.push(excluded);

  out.push(`## §、${SECTION_TITLE.cv}`);
  out.push(cvMethodText(report.profile));
  for (const l of county.levels) out.push(cvSection(report, l, cap));

  if (report.profile.compliance) {
    out.push(`## §、${SECTION_TITLE.compliance}`);
    for (const l of county.levels) out.push(complianceSection(report, l, cap));

    out.push(`## §、${SECTION_TITLE.gaps}`);
    out.push(
      county.gaps.length === 0 ? noGapsText(report.profile) : county.gaps.map((g) => `- ${gapSentence(g)}`).join('\n'),
    );
    if (county.gaps.length) out.push(GAPS_ROUNDING_NOTE);
    for (const l of county.levels) {
      const t = shortfallTable(report, l);
      if (t) out.push(`### ${shortfallHeading(l)}\n\n${cap.of('shortfall', LEVEL_NAMES[l.level])}${table(t)}`);
    }
  }

  const checklist = checklistSection(report, county, cap);
  if (checklist) out.push(checklist);
  const groups = groupsSection(report, county, cap);
  if (groups) out.push(groups);

  const splits = splitSections(county);
  if (splits.length > 0) {
    out.push(`## §、${SECTION_TITLE.splits}`);
    out.push(splitMethodText(report.profile));
    out.push(cap.of('splits') + table(splitsTable(splits)));
  }
  const actions = actionsSection(report, county, original, cap);
  if (actions) out.push(actions);
  // Sections are numbered in the order they appear (some are left out for some profiles and data).
  let k = 0;
  return out.join('\n\n').replace(/^## §、/gm, () => `## ${CHINESE_NUMERALS[k++] ?? k}、`);
}

/** Which schools drive each CV, the least-cost plan, and the teacher-transfer alternative. */
function actionsSection(report: Report, county: CountyReport, original: Report, cap: Captions): string | null {
  const { levels, costs } = planLevels(county);
  if (levels.length === 0) return null;
  const inds = report.profile.indicators;
  const out: string[] = [`## §、${SECTION_TITLE.actions}`, PLAN_METHOD_POINTER];
  const budget = budgetSentence(levels.map((l) => l.actions!));
  if (budget) out.push(budget);
  for (const l of levels) {
    const a = l.actions!;
    out.push(`### ${influenceHeading(l.level)}`);
    out.push(inds.map((i) => `- ${influenceSentence(i, l.result.indicators[i.id]!, a.influence[i.id]!)}`).join('\n'));
    // The pictures are written beside a single county's report (see charts.ts).
    if (report.counties.length === 1)
      out.push(
        inds
          .map((i) => `![${chartTitle(l, i)}](${encodeURIComponent(chartsFolder(original))}/${chartFile(l.level, i)})`)
          .join('\n'),
      );
    out.push(`### ${planHeading(l.level)}`);
    out.push(planSentence(a));
    out.push(cap.of('plan', LEVEL_NAMES[l.level]) + table(planTable(a, costs)));
    const detail = planDetailTable(a);
    if (detail) out.push(`${planDetailLead(l.level)}\n\n` + cap.of('planDetail', LEVEL_NAMES[l.level]) + table(detail));
    if (a.composite) out.push(compositeLead(compositeSentence(a.composite)));
    if (a.transfers.length) {
      out.push(`### ${transferHeading(l.level)}`);
      out.push(transferIntro);
      out.push(a.transfers.map((t) => `- ${transferSentence(t)}`).join('\n'));
    }
  }
  if (costs) out.push(planCostTotal(levels));
  if (costs) out.push(`> ${planCostNote(report, levels)}`);
  return out.join('\n\n');
}

/** 政府保障程度、教育质量、社会认可度, item by item, in the register of the seeds' reports. */
function checklistSection(report: Report, county: CountyReport, cap: Captions): string {
  const dims = judgedDimensions(county.verdict).filter((d) => d.dimension !== 'resources');
  if (dims.length === 0) return '';
  const out: string[] = [`## §、${SECTION_TITLE.checklist}`];
  if (countySheetMissing(report, county)) out.push(`> ${countySheetMissingNote(code)}`);
  const claims = county.checklist.some((c) => c.claim);
  if (county.claimDisagreements.length)
    out.push(
      `### ${claimsDisagreeHeading(county.claimDisagreements.length)}\n\n` +
        county.claimDisagreements.map((c, i) => `${i + 1}. ${claimSentence(c)}`).join('\n'),
    );
  else if (claims) out.push(CLAIMS_AGREE);
  const reasons = dimensionReasons(report, county);
  for (const { dimension: d, status } of dims) {
    out.push(`### ${dimensionHeading(d, status)}`);
    out.push(reasons[d] + '。');
    out.push(cap.of('checklist', DIMENSION_LABEL[d]) + table(checklistTable(county, d)));
  }
  return out.join('\n\n');
}

/** 学区 / 集团 inside gaps and 城区 / 镇区 / 乡村 values. */
function groupsSection(report: Report, county: CountyReport, cap: Captions): string | null {
  if (county.groups.length === 0 && county.urbanRural.length === 0) return null;
  const out: string[] = [`## §、${SECTION_TITLE.groups}`];
  for (const level of ['primary', 'junior'] as const) {
    const groups = county.groups.filter((g) => g.level === level);
    if (groups.length)
      out.push(
        `### ${groupsHeading(level)}\n\n${GROUPS_CELL_NOTE}\n\n` +
          cap.of('groups', groupsPart(level)) +
          table(groupsTable(report, groups)),
      );
    const ur = county.urbanRural.find((u) => u.level === level);
    if (ur)
      out.push(
        `### ${urbanRuralHeading(level)}\n\n` +
          cap.of('groups', urbanRuralPart(level)) +
          table(urbanRuralTable(report, ur)),
      );
  }
  return out.join('\n\n');
}

function cvSection(report: Report, l: LevelReport, cap: Captions): string {
  return `### ${cvHeading(l)}\n\n${cap.of('cv', LEVEL_NAMES[l.level])}${table(cvTable(report, l))}`;
}

function complianceSection(report: Report, l: LevelReport, cap: Captions): string {
  return `### ${complianceHeading(l)}\n\n${cap.of('compliance', LEVEL_NAMES[l.level])}${table(complianceTable(report, l))}`;
}

function issuesSection(report: Report, cap: Captions): string {
  const head = `## ${SECTION_TITLE.issues}`;
  if (report.issues.length === 0) return `${head}\n\n${NO_ISSUES}`;
  const lead = columnsLead(report);
  const columns = lead ? `\n\n### ${COLUMNS_HEADING}\n\n${lead}\n\n${table(columnsTable(report))}` : '';
  return `${head}\n\n${issuesLead(report)}\n\n${cap.of('issues')}${table(issuesTable(report))}${columns}`;
}
