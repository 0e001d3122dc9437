/**
 * The written report's words and tables, shared by the Markdown report and the Word document:
 * section titles, the sentences between the tables, and each table's header and rows. Each
 * renderer lays them out (a Markdown table in place, a numbered 附表 at the end of the Word
 * document); neither writes a word of its own that the other repeats.
 */
import type { SectionResult } from '../engine/compliance';
import type { LevelActions } from '../engine/actions';
import type { Dimension } from '../engine/checklist';
import type { Profile } from '../engine/profile';
import type { Status } from '../engine/school-items';
import { LEVEL_NAMES, type Level } from '../engine/types';
import { isShort, sectionLabel, type CountyReport, type LevelReport, type Report } from '../report/model';
import { fieldLabel } from '../schema/columns';
import type { Exhibit } from './exhibits';
import {
  exclusionText,
  fmt,
  fmtCv,
  fmtInt,
  fmtPercent,
  fmtShortfall,
  fmtStandard,
  fmtValue,
  splitWeightsText,
} from './format';
import { planRows } from './plan-prose';
import {
  columnAccountText,
  DIMENSION_LABEL,
  dimensionStatus,
  HOW_LABEL,
  itemCellText,
  itemStandardText,
  provinceRow,
  schoolItemText,
  STATUS_LABEL,
} from './prose';

/** A table cell: its text, or its text set in bold (a failing verdict, a total). */
export type WrittenCell = string | { strong: string };
export type Align = 'l' | 'r' | 'c';
export interface WrittenTable {
  header: readonly string[];
  rows: readonly (readonly WrittenCell[])[];
  /** Per column; left when not given. */
  align?: readonly Align[];
}

export const cellText = (c: WrittenCell): string => (typeof c === 'string' ? c : c.strong);
const strong = (s: string): WrittenCell => ({ strong: s });
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** The numbered sections' titles (一、二、… in the order a report has them). */
export const SECTION_TITLE = {
  conclusion: '总体结论',
  cv: '校际差异系数',
  compliance: '学校达标情况',
  gaps: '缺口测算',
  checklist: '政府保障程度、教育质量、社会认可度',
  groups: '学区（集团）与城乡差距',
  splits: '一贯制学校及完全中学的拆分',
  actions: '影响分析与整改测算',
  issues: '数据问题',
} as const;

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** `附表N　标题（部分）`, `附表N（续）　…` for a table's later parts. */
export const exhibitCaption = (e: Exhibit, more: boolean, part?: string) =>
  `附表${e.no}${more ? '（续）' : ''}　${e.title}${part ? `（${part}）` : ''}`;

/** The list of numbered tables under the cover, saying which are only in the Excel report. */
export const exhibitListSentence = (exhibits: readonly Exhibit[]) =>
  `附表：${exhibits.map((e) => `附表${e.no} ${e.title}${e.in === 'excel' ? '（见 Excel 报告）' : ''}`).join('；')}。编号与 Excel 报告各工作表标题一致。`;

export const issueCountSentence = (report: Report) =>
  `数据问题：错误${report.issueCounts.error}个，警告${report.issueCounts.warning}个，说明${report.issueCounts.info}条（见“数据问题”一节）。`;

export const generatedBy = (report: Report) =>
  `由 balance-check ${report.tool.version} 生成；评估依据：${report.profile.name}（${report.profile.source}）；纳入范围：${exclusionText(report.profile)}。`;

/** A command as the text shows it: in backticks in Markdown, as it is in Word. */
export type CodeStyle = (command: string) => string;

export const batchNote = (report: Report, code: CodeStyle) =>
  `共${report.counties.length}个县（市、区），此处只列汇总表；各县明细可用 ${code('balance-check 文件 --county 县名')} 分别生成（JSON 报告含全部明细）。`;

// ── the province table ──

export const provinceTitle = (report: Report, counties: readonly CountyReport[]) =>
  `各县（市、区）汇总：${report.profile.verdictName}资源配置（${counties.length}个，未达标的在前）`;
export const FAILING_COUNTIES_LEAD = '未达标的县及原因：';

/** Per county and level, 全县平均值 and 差异系数 of each indicator, and the verdict; null when no county has the level. */
export function provinceTable(report: Report, counties: readonly CountyReport[], level: Level): WrittenTable | null {
  const inds = report.profile.indicators;
  const mean = report.profile.cv.rule === 'mean';
  const rows = counties.map((c) => provinceRow(report, c, level)).filter((r) => r !== null);
  if (rows.length === 0) return null;
  return {
    header: [
      '区县',
      '学校',
      '在校生',
      ...inds.flatMap((i) => [`${i.short}均值`, `${i.short}差异系数`]),
      mean ? '综合差异系数' : '差异系数达标项',
      ...(report.profile.compliance ? ['达标学校'] : []),
      '结论',
    ],
    rows: rows.map((r) => [
      r.pass ? r.county : strong(r.county),
      String(r.schools),
      fmtInt(r.students),
      ...r.indicators.flatMap((x, k) => [fmtValue(inds[k]!, x.mean), fmtCv(x.cv)]),
      mean ? fmtCv(r.composite) : `${r.cvsPassed}/${inds.length}`,
      ...(report.profile.compliance ? [`${r.compliant}/${r.schools}`] : []),
      r.pass ? '达标' : strong('未达标'),
    ]),
  };
}

// ── 校际差异系数 ──

export const cvMethodText = (profile: Profile) =>
  '差异系数按学生数加权计算：X̄ = Σ PᵢXᵢ / N，S = √(Σ Pᵢ(Xᵢ − X̄)² / N)，CV = S / X̄；' +
  `与阈值比较时取${profile.cv.decimals}位小数，距阈值${profile.cv.borderlineMargin}以内标注“临界”。`;

export const cvHeading = (l: LevelReport) =>
  `${LEVEL_NAMES[l.level]}（${l.result.schoolCount}所，在校生${fmtInt(l.result.students)}人）`;

export function cvTable(report: Report, l: LevelReport): WrittenTable {
  const rows: WrittenCell[][] = report.profile.indicators.map((ind) => {
    const s = l.result.indicators[ind.id]!;
    const verdict = s.cvPass ? '达标' : '未达标';
    return [
      ind.name,
      fmtValue(ind, s.mean),
      fmt(s.sd, 3),
      fmtCv(s.cv),
      s.cvThreshold.toFixed(2),
      s.borderline ? `${verdict}（临界）` : verdict,
    ];
  });
  if (report.profile.cv.rule === 'mean')
    rows.push([
      strong('综合差异系数（各项平均）'),
      '',
      '',
      strong(fmtCv(l.result.compositeCv)),
      l.result.indicators[report.profile.indicators[0]!.id]!.cvThreshold.toFixed(2),
      l.result.cvRulePass ? '达标' : strong('未达标'),
    ]);
  return {
    header: ['指标', '县域均值', '标准差', '差异系数', '阈值', '结论'],
    rows,
    align: ['l', 'r', 'r', 'r', 'r', 'c'],
  };
}

// ── 学校达标情况 ──

export const complianceHeading = (l: LevelReport) =>
  `${LEVEL_NAMES[l.level]}：${l.result.compliantSchools}/${l.result.schoolCount}所达标`;

export function complianceTable(report: Report, l: LevelReport): WrittenTable {
  const inds = report.profile.indicators;
  return {
    header: [
      '学校',
      '类型',
      '在校生',
      ...inds.map((i) => `${i.short}（标准${fmtStandard(i.standard?.[l.level] ?? null)}）`),
      '达标项数',
      '是否达标',
    ],
    rows: l.sections.map((s) => [
      sectionLabel(s),
      s.section.school.type,
      fmtInt(s.section.students),
      ...inds.map((i) => `${fmtValue(i, s.values[i.id]!)} ${mark(s.met[i.id]!)}`),
      `${s.metCount}/${inds.length}`,
      s.compliant ? '达标' : strong('未达标'),
    ]),
    align: ['l', 'l', 'r', ...inds.map(() => 'r' as const), 'c', 'c'],
  };
}

// ── 缺口测算 ──

export const noGapsText = (profile: Profile) => `各校${profile.indicators.length}项指标均达到标准，无缺口。`;
/** Why the 缺口 and the 整改测算 give the same totals: both count each school's amount in whole units. */
export const GAPS_ROUNDING_NOTE =
  '各校缺口向上取整（教师、教室、金额取整数，面积取0.1㎡）后合计，与整改测算的取整相同，故合计即各校之和。';
export const shortfallHeading = (l: LevelReport) => `${LEVEL_NAMES[l.level]}各校缺口`;

/** The sections short of some standard, and the two totals; null when none is. */
export function shortfallTable(report: Report, l: LevelReport): WrittenTable | null {
  const inds = report.profile.indicators;
  const rows: WrittenCell[][] = l.sections
    .filter((s) => isShort(s, report.profile))
    .map((s) => [
      sectionLabel(s),
      ...inds.map((i) => (s.shortfall[i.id]! > 0 ? fmtShortfall(i, s.shortfall[i.id]!) : '')),
    ]);
  if (rows.length === 0) return null;
  const totals = l.result.shortfallTotals;
  rows.push([strong('合计（达到标准）'), ...inds.map((i) => strong(fmtShortfall(i, totals.toStandard[i.id]!)))]);
  rows.push([strong('合计（使各校达标）'), ...inds.map((i) => strong(fmtShortfall(i, totals.toCompliance[i.id]!)))]);
  return {
    header: ['学校', ...inds.map((i) => `${i.short}（${i.shortfallUnit}）`)],
    rows,
    align: ['l', ...inds.map(() => 'r' as const)],
  };
}

// ── 政府保障程度、教育质量、社会认可度 ──

export const countySheetMissingNote = (code: CodeStyle) =>
  `未提供“县级指标”工作表：以下由县级数据判定的项目均为“未提供”，相应维度无法判定。可用 ${code('balance-check template')} 生成带“县级指标”表的模板。`;
export const claimsDisagreeHeading = (n: number) => `自评结论与测算不一致（${n}项）`;
export const CLAIMS_AGREE = '各项自评结论（“是否达标”）与测算结果一致。';
export const dimensionHeading = (d: Dimension, status: Status) => `${DIMENSION_LABEL[d]}：${dimensionStatus(status)}`;

/** A dimension's items: value, standard, verdict, and the county's own claim when it gave any. */
export function checklistTable(county: CountyReport, d: Dimension): WrittenTable {
  const claims = county.checklist.some((c) => c.claim);
  return {
    header: ['序号', '指标', '数值', '标准', '结论', ...(claims ? ['自评'] : [])],
    rows: county.checklist
      .filter((c) => c.item.dimension === d)
      .map((c) => [
        String(c.item.number),
        c.item.name,
        c.schools ? schoolItemText(c) : itemCellText(c),
        c.schools ? '各校均达到' : itemStandardText(c),
        c.status === 'not_met' ? strong(STATUS_LABEL[c.status]) : STATUS_LABEL[c.status],
        ...(claims
          ? [c.claim ? `${c.claim.met ? '达标' : '未达标'}${c.claim.disagreement ? '（不一致）' : ''}` : '—']
          : []),
      ]),
    align: ['c', 'l', 'l', 'l', 'c', ...(claims ? (['c'] as const) : [])],
  };
}

// ── 学区（集团）与城乡差距 ──

export const groupsHeading = (level: Level) => `${LEVEL_NAMES[level]}：各学区（集团）内的差异系数`;
export const GROUPS_CELL_NOTE = '每格为“学区均值（为全县的倍数），学区内差异系数”。';
export const groupsPart = (level: Level) => `${LEVEL_NAMES[level]}各学区`;
export const urbanRuralHeading = (level: Level) => `${LEVEL_NAMES[level]}：城区、镇区、乡村`;
export const urbanRuralPart = (level: Level) => `${LEVEL_NAMES[level]}城区、镇区、乡村`;

export function groupsTable(report: Report, groups: CountyReport['groups']): WrittenTable {
  const inds = report.profile.indicators;
  return {
    header: ['学区（集团）', '学校', '在校生', ...inds.map((i) => i.short)],
    rows: groups.map((g) => [
      g.group,
      String(g.schoolCount),
      fmtInt(g.students),
      ...inds.map((i) => {
        const x = g.indicators[i.id]!;
        return `${fmtValue(i, x.value)}（${x.ofCounty === null ? '—' : fmt(x.ofCounty, 2)}倍），${fmtCv(x.cv)}`;
      }),
    ]),
    align: ['l', 'r', 'r', ...inds.map(() => 'r' as const)],
  };
}

export function urbanRuralTable(report: Report, ur: CountyReport['urbanRural'][number]): WrittenTable {
  return {
    header: ['指标', '城区', '镇区', '乡村', '乡村 ÷ 城区'],
    rows: report.profile.indicators.map((i) => [
      i.name,
      ...(['城区', '镇区', '乡村'] as const).map((a) => (ur.areas[a] ? fmtValue(i, ur.areas[a].values[i.id]!) : '—')),
      ur.ruralToUrban[i.id] === null ? '—' : fmt(ur.ruralToUrban[i.id]!, 2),
    ]),
    align: ['l', 'r', 'r', 'r', 'r'],
  };
}

// ── 一贯制学校及完全中学的拆分 ──

/** The split sections of every level. */
export const splitSections = (county: CountyReport) =>
  county.levels.flatMap((l) => l.sections.filter((s) => s.section.split));

export const splitMethodText = (profile: Profile) =>
  '教师按各学段在校生数比例拆分；校舍、场馆、设备、多媒体教室按“小学生 : 初中生 : 高中生 = ' +
  `${splitWeightsText(profile)}”的权重拆分。分学段填报的数据按填报值使用。`;

export function splitsTable(splits: readonly SectionResult[]): WrittenTable {
  return {
    header: ['学校', '学段', '在校生', '教师拆分比例', '设施拆分比例', '按填报值使用'],
    rows: splits.map((s) => [
      s.section.school.name,
      LEVEL_NAMES[s.section.level],
      fmtInt(s.section.students),
      fmtPercent(s.section.split!.teacherShare, 2),
      fmtPercent(s.section.split!.facilityShare, 2),
      s.section.split!.givenFields.length ? s.section.split!.givenFields.map((f) => fieldLabel(f)).join('、') : '—',
    ]),
    align: ['l', 'l', 'r', 'r', 'r', 'l'],
  };
}

// ── 影响分析与整改测算 ──

export const influenceHeading = (level: Level) => `${LEVEL_NAMES[level]}：各项差异系数主要由哪些学校拉高`;
export const planHeading = (level: Level) => `${LEVEL_NAMES[level]}：整改测算（最少投入）`;
export const transferHeading = (level: Level) => `${LEVEL_NAMES[level]}：教师交流轮岗调剂（不新增教师的方案）`;
export const planDetailLead = (level: Level) => `各校须新增（${LEVEL_NAMES[level]}）：`;

/** The plan's method is an appendix at the end of a report; the plan's section points to it. */
export const PLAN_METHOD_TITLE = '附：整改测算方法';
export const PLAN_METHOD_POINTER = `测算方法（“注水”法及取整规则）见正文末“${PLAN_METHOD_TITLE}”。`;
/** Whether any county of the report has a plan (and so the report the method's appendix). */
export const hasPlans = (report: Report) =>
  report.detail && report.counties.some((c) => planLevels(c).levels.length > 0);

/** The levels with a plan, and whether any indicator of them carries an amount of money. */
export function planLevels(county: CountyReport) {
  const levels = county.levels.filter((l) => l.actions);
  return { levels, costs: levels.some((l) => l.actions!.plan.indicators.some((p) => p.cost !== null)) };
}

export function planTable(actions: LevelActions, costs: boolean): WrittenTable {
  return {
    header: [
      '指标',
      '现差异系数',
      '目标',
      '需新增',
      '其中补足学校达标',
      '涉及学校',
      '测算后差异系数',
      ...(costs ? ['折合金额（元）'] : []),
      '说明',
    ],
    rows: planRows(actions).map((r) => [
      r.indicator.name,
      r.cvBefore,
      r.target,
      r.total,
      r.forFloors,
      String(r.schools),
      r.cvAfter,
      ...(costs ? [r.cost] : []),
      r.note,
    ]),
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', ...(costs ? (['r'] as const) : []), 'l'],
  };
}

/** Each school's additions, by indicator; null when the plan adds nothing. */
export function planDetailTable(actions: LevelActions): WrittenTable | null {
  const adding = actions.plan.indicators.filter((p) => p.additions.length > 0);
  if (adding.length === 0) return null;
  const bySection = new Map<SectionResult, Map<string, number>>();
  for (const p of adding)
    for (const x of p.additions) {
      const m = bySection.get(x.section) ?? new Map<string, number>();
      m.set(p.indicator.id, x.add);
      bySection.set(x.section, m);
    }
  return {
    header: ['学校', ...adding.map((p) => `${p.indicator.short}（${p.indicator.shortfallUnit}）`)],
    rows: [...bySection].map(([s, m]) => [
      sectionLabel(s),
      ...adding.map((p) => (m.has(p.indicator.id) ? fmtShortfall(p.indicator, m.get(p.indicator.id)!) : '')),
    ]),
    align: ['l', ...adding.map(() => 'r' as const)],
  };
}

export const compositeLead = (sentence: string) => `综合差异系数（2012年方法）：${sentence}`;

export function planCostTotal(levels: readonly LevelReport[]): string {
  const total = levels.reduce((sum, l) => sum + (l.actions!.plan.cost ?? 0), 0);
  return `按给定单价，以上整改合计约${fmt(total, 0)}元（${levels.map((l) => `${LEVEL_NAMES[l.level]}约${fmt(l.actions!.plan.cost ?? 0, 0)}元`).join('，')}）。`;
}

export const planCostNote = (report: Report, levels: readonly LevelReport[]) =>
  `金额为本县自行假设的单价测算（${report.profile.indicators
    .filter((i) =>
      levels.some((l) => l.actions!.plan.indicators.some((p) => p.indicator.id === i.id && p.cost !== null)),
    )
    .map((i) => i.short)
    .join('、')}），不是标准值。`;

// ── 数据问题 ──

export const NO_ISSUES = '未发现数据问题。';

/** "错误和警告3个，读取说明11条：" */
export function issuesLead(report: Report): string {
  const shown = report.issues.filter((i) => i.severity !== 'info').length;
  const infos = report.issues.length - shown;
  return shown === 0 ? `无错误和警告；读取说明${infos}条：` : `错误和警告${shown}个，读取说明${infos}条：`;
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '说明' } as const;

export function issuesTable(report: Report): WrittenTable {
  return {
    header: ['级别', '代码', '说明'],
    rows: report.issues.map((i) => [SEVERITY_LABEL[i.severity], i.code, i.message]),
  };
}

export const COLUMNS_HEADING = '各列的读取情况';

/** "学校数据表中有内容的 14 列：每一列都已读取或说明。"; null when the input has no column accounting. */
export function columnsLead(report: Report): string | null {
  const columns = report.input.columns ?? [];
  if (columns.length === 0) return null;
  const ignored = columns.filter((a) => a.how === 'ignored' && a.issue !== null).length;
  return `学校数据表中有内容的 ${columns.length} 列：${ignored ? `${ignored} 列未使用，各有警告说明原因。` : '每一列都已读取或说明。'}`;
}

export function columnsTable(report: Report): WrittenTable {
  return {
    header: ['位置', '表头', '方式', '说明'],
    rows: (report.input.columns ?? []).map((a) => [
      `${a.sheet}!${a.cell}`,
      a.header.join(' → '),
      HOW_LABEL[a.how],
      columnAccountText(a),
    ]),
  };
}
