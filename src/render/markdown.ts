/** The Markdown report: tables and 自评报告-style prose, ready to paste into the written report. */
import type { SectionResult } from '../engine/compliance';
import { LEVEL_NAMES } from '../engine/types';
import { dataYear, isShort, sectionLabel, type CountyReport, type LevelReport, type Report } from '../report/model';
import { chartFile, chartsFolder, chartTitle } from './charts';
import { escapedForMarkdown } from './markdown-escape';
import { countyExhibits, coverRows, reportTitle, type Exhibit, type ExhibitKey } from './exhibits';
import { fieldLabel } from '../schema/columns';
import {
  compositeSentence,
  influenceSentence,
  planMethodText,
  planRows,
  planSentence,
  transferIntro,
  transferSentence,
} from './plan-prose';
import { fmt, fmtCv, fmtInt, fmtPercent, fmtShortfall, fmtStandard, fmtValue, splitWeightsText } from './format';
import {
  columnAccountText,
  HOW_LABEL,
  countyReasons,
  provinceCountSentence,
  claimSentence,
  countySheetMissing,
  DIMENSION_LABEL,
  dimensionReasons,
  dimensionStatus,
  judgedDimensions,
  provinceRow,
  excludedSentence,
  gapSentence,
  itemStandardText,
  itemCellText,
  levelVerdict,
  schoolItemText,
  schoolsSentence,
  STATUS_LABEL,
  dimensionLines,
  verdictHeadline,
} from './prose';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r' | 'c')[],
): string {
  const sep = header.map((_, i) => ({ l: '---', r: '---:', c: ':---:' })[align?.[i] ?? 'l']);
  return [row(header), row(sep), ...rows.map(row)].join('\n');
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

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
    return `**附表${e.no}${more ? '（续）' : ''}　${e.title}${part ? `（${part}）` : ''}**\n\n`;
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
  else
    parts.push(
      `> 共${report.counties.length}个县（市、区），此处只列汇总表；各县明细可用 \`balance-check 文件 --county 县名\` 分别生成（JSON 报告含全部明细）。`,
    );
  parts.push(issuesSection(report, single));
  parts.push(
    `---\n由 balance-check ${report.tool.version} 生成；评估依据：${report.profile.name}（${report.profile.source}）。`,
  );
  return `${parts.join('\n\n')}\n`;
}

/** The province table as published: per county and level, 全县平均值 and 差异系数 of each indicator, and the verdict. */
function provinceSection(report: Report, counties: readonly CountyReport[]): string {
  const inds = report.profile.indicators;
  const mean = report.profile.cv.rule === 'mean';
  const out = [
    `# 各县（市、区）汇总：${report.profile.verdictName}资源配置（${counties.length}个，未达标的在前）`,
    provinceCountSentence(report, counties),
  ];
  const failing = counties.filter((c) => !c.pass);
  if (failing.length)
    out.push(
      `未达标的县及原因：\n\n${failing.map((c, i) => `${i + 1}. ${c.label}：${countyReasons(report, c)}`).join('\n')}`,
    );
  for (const level of ['primary', 'junior'] as const) {
    const rows = counties.map((c) => provinceRow(report, c, level)).filter((r) => r !== null);
    if (rows.length === 0) continue;
    out.push(`## ${LEVEL_NAMES[level]}`);
    out.push(
      table(
        [
          '区县',
          '学校',
          '在校生',
          ...inds.flatMap((i) => [`${i.short}均值`, `${i.short}差异系数`]),
          mean ? '综合差异系数' : '差异系数达标项',
          ...(report.profile.compliance ? ['达标学校'] : []),
          '结论',
        ],
        rows.map((r) => [
          r.pass ? r.county : `**${r.county}**`,
          String(r.schools),
          fmtInt(r.students),
          ...r.indicators.flatMap((x, k) => [fmtValue(inds[k]!, x.mean), fmtCv(x.cv)]),
          mean ? fmtCv(r.composite) : `${r.cvsPassed}/${inds.length}`,
          ...(report.profile.compliance ? [`${r.compliant}/${r.schools}`] : []),
          r.pass ? '达标' : '**未达标**',
        ]),
      ),
    );
  }
  return out.join('\n\n');
}

function countySection(report: Report, county: CountyReport, original: Report, cap: Captions): string {
  const out: string[] = [];
  out.push(`# ${reportTitle(report, county)}`);
  out.push(table(['项目', '内容'], coverRows(report, county, dataYear(report.input))));
  const listed = cap.list();
  if (listed.length)
    out.push(
      `附表：${listed.map((e) => `附表${e.no} ${e.title}${e.in === 'excel' ? '（见 Excel 报告）' : ''}`).join('；')}。编号与 Excel 报告各工作表标题一致。`,
    );
  out.push(
    `数据问题：错误${report.issueCounts.error}个，警告${report.issueCounts.warning}个，说明${report.issueCounts.info}条（见“数据问题”一节）。`,
  );

  out.push('## §、总体结论');
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

  out.push('## §、校际差异系数');
  out.push(
    '差异系数按学生数加权计算：X̄ = Σ PᵢXᵢ / N，S = √(Σ Pᵢ(Xᵢ − X̄)² / N)，CV = S / X̄；' +
      `与阈值比较时取${report.profile.cv.decimals}位小数，距阈值${report.profile.cv.borderlineMargin}以内标注“临界”。`,
  );
  for (const l of county.levels) out.push(cvTable(report, l, cap));

  if (report.profile.compliance) {
    out.push('## §、学校达标情况');
    for (const l of county.levels) out.push(complianceTable(report, l, cap));

    out.push('## §、缺口测算');
    out.push(
      county.gaps.length === 0
        ? '各校7项指标均达到标准，无缺口。'
        : county.gaps.map((g) => `- ${gapSentence(g)}`).join('\n'),
    );
    for (const l of county.levels) {
      const t = shortfallTable(report, l, cap);
      if (t) out.push(t);
    }
  }

  const checklist = checklistSection(report, county, cap);
  if (checklist) out.push(checklist);
  const groups = groupsSection(report, county, cap);
  if (groups) out.push(groups);

  const splits = county.levels.flatMap((l) => l.sections.filter((s) => s.section.split));
  if (splits.length > 0) {
    out.push('## §、一贯制学校及完全中学的拆分');
    out.push(
      '教师按各学段在校生数比例拆分；校舍、场馆、设备、多媒体教室按“小学生 : 初中生 : 高中生 = ' +
        `${splitWeightsText(report.profile)}”的权重拆分。分学段填报的数据按填报值使用。`,
    );
    out.push(
      cap.of('splits') +
        table(
          ['学校', '学段', '在校生', '教师拆分比例', '设施拆分比例', '按填报值使用'],
          splits.map((s) => [
            s.section.school.name,
            LEVEL_NAMES[s.section.level],
            fmtInt(s.section.students),
            fmtPercent(s.section.split!.teacherShare, 2),
            fmtPercent(s.section.split!.facilityShare, 2),
            s.section.split!.givenFields.length
              ? s.section.split!.givenFields.map((f) => fieldLabel(f)).join('、')
              : '—',
          ]),
          ['l', 'l', 'r', 'r', 'r', 'l'],
        ),
    );
  }
  const actions = actionsSection(report, county, original, cap);
  if (actions) out.push(actions);
  // Sections are numbered in the order they appear (some are left out for some profiles and data).
  let k = 0;
  return out.join('\n\n').replace(/^## §、/gm, () => `## ${CHINESE_NUMERALS[k++] ?? k}、`);
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** Which schools drive each CV, the least-cost plan, and the teacher-transfer alternative. */
function actionsSection(report: Report, county: CountyReport, original: Report, cap: Captions): string | null {
  const levels = county.levels.filter((l) => l.actions);
  if (levels.length === 0) return null;
  const inds = report.profile.indicators;
  const costs = levels.some((l) => l.actions!.plan.indicators.some((p) => p.cost !== null));
  const out: string[] = ['## §、影响分析与整改测算', planMethodText(report.profile)];
  for (const l of levels) {
    const a = l.actions!;
    out.push(`### ${LEVEL_NAMES[l.level]}：各项差异系数主要由哪些学校拉高`);
    out.push(inds.map((i) => `- ${influenceSentence(i, l.result.indicators[i.id]!, a.influence[i.id]!)}`).join('\n'));
    // The pictures are written beside a single county's report (see charts.ts).
    if (report.counties.length === 1)
      out.push(
        inds
          .map((i) => `![${chartTitle(l, i)}](${encodeURIComponent(chartsFolder(original))}/${chartFile(l.level, i)})`)
          .join('\n'),
      );
    out.push(`### ${LEVEL_NAMES[l.level]}：整改测算（最少投入）`);
    out.push(planSentence(a));
    out.push(
      cap.of('plan', LEVEL_NAMES[l.level]) +
        table(
          [
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
          planRows(a).map((r) => [
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
          ['l', 'r', 'r', 'r', 'r', 'r', 'r', ...(costs ? (['r'] as const) : []), 'l'],
        ),
    );
    const adding = a.plan.indicators.filter((p) => p.additions.length > 0);
    if (adding.length) {
      const bySection = new Map<SectionResult, Map<string, number>>();
      for (const p of adding)
        for (const x of p.additions) {
          const m = bySection.get(x.section) ?? new Map<string, number>();
          m.set(p.indicator.id, x.add);
          bySection.set(x.section, m);
        }
      out.push(
        `各校须新增（${LEVEL_NAMES[l.level]}）：\n\n` +
          cap.of('planDetail', LEVEL_NAMES[l.level]) +
          table(
            ['学校', ...adding.map((p) => `${p.indicator.short}（${p.indicator.shortfallUnit}）`)],
            [...bySection].map(([s, m]) => [
              sectionLabel(s),
              ...adding.map((p) => (m.has(p.indicator.id) ? fmtShortfall(p.indicator, m.get(p.indicator.id)!) : '')),
            ]),
            ['l', ...adding.map(() => 'r' as const)],
          ),
      );
    }
    if (a.composite) out.push(`综合差异系数（2012年方法）：${compositeSentence(a.composite)}`);
    if (a.transfers.length) {
      out.push(`### ${LEVEL_NAMES[l.level]}：教师交流轮岗调剂（不新增教师的方案）`);
      out.push(transferIntro);
      out.push(a.transfers.map((t) => `- ${transferSentence(t)}`).join('\n'));
    }
  }
  if (costs) {
    const total = levels.reduce((sum, l) => sum + (l.actions!.plan.cost ?? 0), 0);
    out.push(
      `按给定单价，以上整改合计约${fmt(total, 0)}元（${levels.map((l) => `${LEVEL_NAMES[l.level]}约${fmt(l.actions!.plan.cost ?? 0, 0)}元`).join('，')}）。`,
    );
  }
  if (costs)
    out.push(
      `> 金额为本县自行假设的单价测算（${report.profile.indicators
        .filter((i) =>
          levels.some((l) => l.actions!.plan.indicators.some((p) => p.indicator.id === i.id && p.cost !== null)),
        )
        .map((i) => i.short)
        .join('、')}），不是标准值。`,
    );
  return out.join('\n\n');
}

/** 政府保障程度、教育质量、社会认可度, item by item, in the register of the seeds' reports. */
function checklistSection(report: Report, county: CountyReport, cap: Captions): string {
  const dims = judgedDimensions(county.verdict).filter((d) => d.dimension !== 'resources');
  if (dims.length === 0) return '';
  const out: string[] = ['## §、政府保障程度、教育质量、社会认可度'];
  if (countySheetMissing(report, county))
    out.push(
      '> 未提供“县级指标”工作表：以下由县级数据判定的项目均为“未提供”，相应维度无法判定。可用 `balance-check template` 生成带“县级指标”表的模板。',
    );
  const claims = county.checklist.some((c) => c.claim);
  if (county.claimDisagreements.length)
    out.push(
      `### 自评结论与测算不一致（${county.claimDisagreements.length}项）\n\n` +
        county.claimDisagreements.map((c, i) => `${i + 1}. ${claimSentence(c)}`).join('\n'),
    );
  else if (claims) out.push('各项自评结论（“是否达标”）与测算结果一致。');
  const reasons = dimensionReasons(report, county);
  for (const { dimension: d, status } of dims) {
    out.push(`### ${DIMENSION_LABEL[d]}：${dimensionStatus(status)}`);
    out.push(reasons[d] + '。');
    out.push(
      cap.of('checklist', DIMENSION_LABEL[d]) +
        table(
          ['序号', '指标', '数值', '标准', '结论', ...(claims ? ['自评'] : [])],
          county.checklist
            .filter((c) => c.item.dimension === d)
            .map((c) => [
              String(c.item.number),
              c.item.name,
              c.schools ? schoolItemText(c) : itemCellText(c),
              c.schools ? '各校均达到' : itemStandardText(c),
              c.status === 'not_met' ? `**${STATUS_LABEL[c.status]}**` : STATUS_LABEL[c.status],
              ...(claims
                ? [c.claim ? `${c.claim.met ? '达标' : '未达标'}${c.claim.disagreement ? '（不一致）' : ''}` : '—']
                : []),
            ]),
          ['c', 'l', 'l', 'l', 'c', ...(claims ? (['c'] as const) : [])],
        ),
    );
  }
  return out.join('\n\n');
}

/** 学区 / 集团 inside gaps and 城区 / 镇区 / 乡村 values. */
function groupsSection(report: Report, county: CountyReport, cap: Captions): string | null {
  if (county.groups.length === 0 && county.urbanRural.length === 0) return null;
  const inds = report.profile.indicators;
  const out: string[] = ['## §、学区（集团）与城乡差距'];
  for (const level of ['primary', 'junior'] as const) {
    const groups = county.groups.filter((g) => g.level === level);
    if (groups.length)
      out.push(
        `### ${LEVEL_NAMES[level]}：各学区（集团）内的差异系数\n\n每格为“学区均值（为全县的倍数），学区内差异系数”。\n\n` +
          cap.of('groups', `${LEVEL_NAMES[level]}各学区`) +
          table(
            ['学区（集团）', '学校', '在校生', ...inds.map((i) => i.short)],
            groups.map((g) => [
              g.group,
              String(g.schoolCount),
              fmtInt(g.students),
              ...inds.map((i) => {
                const x = g.indicators[i.id]!;
                return `${fmtValue(i, x.value)}（${x.ofCounty === null ? '—' : fmt(x.ofCounty, 2)}倍），${fmtCv(x.cv)}`;
              }),
            ]),
            ['l', 'r', 'r', ...inds.map(() => 'r' as const)],
          ),
      );
    const ur = county.urbanRural.find((u) => u.level === level);
    if (ur)
      out.push(
        `### ${LEVEL_NAMES[level]}：城区、镇区、乡村\n\n` +
          cap.of('groups', `${LEVEL_NAMES[level]}城区、镇区、乡村`) +
          table(
            ['指标', '城区', '镇区', '乡村', '乡村 ÷ 城区'],
            inds.map((i) => [
              i.name,
              ...(['城区', '镇区', '乡村'] as const).map((a) =>
                ur.areas[a] ? fmtValue(i, ur.areas[a].values[i.id]!) : '—',
              ),
              ur.ruralToUrban[i.id] === null ? '—' : fmt(ur.ruralToUrban[i.id]!, 2),
            ]),
            ['l', 'r', 'r', 'r', 'r'],
          ),
      );
  }
  return out.join('\n\n');
}

function cvTable(report: Report, l: LevelReport, cap: Captions): string {
  const rows = report.profile.indicators.map((ind) => {
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
      '**综合差异系数（各项平均）**',
      '',
      '',
      `**${fmtCv(l.result.compositeCv)}**`,
      l.result.indicators[report.profile.indicators[0]!.id]!.cvThreshold.toFixed(2),
      l.result.cvRulePass ? '达标' : '**未达标**',
    ]);
  return `### ${LEVEL_NAMES[l.level]}（${l.result.schoolCount}所，在校生${fmtInt(l.result.students)}人）\n\n${cap.of('cv', LEVEL_NAMES[l.level])}${table(
    ['指标', '县域均值', '标准差', '差异系数', '阈值', '结论'],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'c'],
  )}`;
}

function complianceTable(report: Report, l: LevelReport, cap: Captions): string {
  const inds = report.profile.indicators;
  const header = [
    '学校',
    '类型',
    '在校生',
    ...inds.map((i) => `${i.short}（标准${fmtStandard(i.standard?.[l.level] ?? null)}）`),
    '达标项数',
    '是否达标',
  ];
  const rows = l.sections.map((s) => [
    sectionLabel(s),
    s.section.school.type,
    fmtInt(s.section.students),
    ...inds.map((i) => `${fmtValue(i, s.values[i.id]!)} ${mark(s.met[i.id]!)}`),
    `${s.metCount}/${inds.length}`,
    s.compliant ? '达标' : '**未达标**',
  ]);
  return `### ${LEVEL_NAMES[l.level]}：${l.result.compliantSchools}/${l.result.schoolCount}所达标\n\n${cap.of('compliance', LEVEL_NAMES[l.level])}${table(
    header,
    rows,
    ['l', 'l', 'r', ...inds.map(() => 'r' as const), 'c', 'c'],
  )}`;
}

function shortfallTable(report: Report, l: LevelReport, cap: Captions): string | null {
  const inds = report.profile.indicators;
  const rows = l.sections
    .filter((s) => isShort(s, report.profile))
    .map((s) => [
      sectionLabel(s),
      ...inds.map((i) => (s.shortfall[i.id]! > 0 ? fmtShortfall(i, s.shortfall[i.id]!) : '')),
    ]);
  if (rows.length === 0) return null;
  const totals = l.result.shortfallTotals;
  rows.push(['**合计（达到标准）**', ...inds.map((i) => `**${fmtShortfall(i, totals.toStandard[i.id]!)}**`)]);
  rows.push(['**合计（使各校达标）**', ...inds.map((i) => `**${fmtShortfall(i, totals.toCompliance[i.id]!)}**`)]);
  return `### ${LEVEL_NAMES[l.level]}各校缺口\n\n${cap.of('shortfall', LEVEL_NAMES[l.level])}${table(
    ['学校', ...inds.map((i) => `${i.short}（${i.shortfallUnit}）`)],
    rows,
    ['l', ...inds.map(() => 'r' as const)],
  )}`;
}

function issuesSection(report: Report, cap: Captions): string {
  const shown = report.issues.filter((i) => i.severity !== 'info');
  const infos = report.issues.length - shown.length;
  const head = '## 数据问题';
  if (report.issues.length === 0) return `${head}\n\n未发现数据问题。`;
  const label = { error: '错误', warning: '警告', info: '说明' } as const;
  const rows = report.issues.map((i) => [label[i.severity], i.code, i.message]);
  const lead =
    shown.length === 0 ? `无错误和警告；读取说明${infos}条：` : `错误和警告${shown.length}个，读取说明${infos}条：`;
  return `${head}\n\n${lead}\n\n${cap.of('issues')}${table(['级别', '代码', '说明'], rows)}${columnsSection(report)}`;
}

/** Every column of the school table that holds something, and what became of it. */
function columnsSection(report: Report): string {
  const columns = report.input.columns ?? [];
  if (columns.length === 0) return '';
  const rows = columns.map((a) => [
    `${a.sheet}!${a.cell}`,
    a.header.join(' → '),
    HOW_LABEL[a.how],
    columnAccountText(a),
  ]);
  const ignored = columns.filter((a) => a.how === 'ignored' && a.issue !== null).length;
  return `\n\n### 各列的读取情况\n\n学校数据表中有内容的 ${columns.length} 列：${ignored ? `${ignored} 列未使用，各有警告说明原因。` : '每一列都已读取或说明。'}\n\n${table(['位置', '表头', '方式', '说明'], rows)}`;
}
