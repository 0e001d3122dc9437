/** `balance-check compare`: the comparison as Markdown, Excel and a terminal summary. */
import type { ChalkInstance } from 'chalk';
import { columnLetters } from '../common/a1';
import { LEVEL_NAMES } from '../engine/types';
import type { ChecklistResult } from '../engine/checklist';
import type { Comparison, SchoolChange } from '../report/compare';
import { fmtCv } from './format';
import { escapeMarkdown } from './markdown-escape';
import { DIMENSION_LABEL, itemCellText, STATUS_LABEL, VERDICT_LABEL } from './prose';
import { WorkbookWriter } from './spreadsheet/book';
import type { CellInput } from './spreadsheet/sheet';
import { simpleSheet } from './spreadsheet/table';

const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${fmtCv(x)}`);
/** One county item in one year: its status and figure, short: "达标（96.30%）", "未达标（3所学校）". */
export function itemYearText(r: ChecklistResult | null): string {
  if (!r) return '—';
  const status = STATUS_LABEL[r.status];
  if (r.schools) return r.schools.failing.length ? `${status}（${r.schools.failing.length}所学校）` : status;
  if (r.status === 'not_provided') return status;
  return `${status}（${itemCellText(r)}）`;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** The change as shown: last − first of the values as displayed (3 decimals), so the three columns agree. */
export function shownChange(xs: readonly (number | null)[]): number | null {
  const first = xs[0];
  const last = xs[xs.length - 1];
  return first === null || first === undefined || last === null || last === undefined
    ? null
    : round3(round3(last) - round3(first));
}

function indicatorName(c: Comparison, id: string) {
  return c.reports[0]!.profile.indicators.find((i) => i.id === id)?.name ?? id;
}

export function changeText(c: Comparison, x: SchoolChange): string {
  const years = `${c.labels[x.from]}→${c.labels[x.to]}`;
  switch (x.kind) {
    case 'added':
      return `${years} 新增`;
    case 'gone':
      return `${years} 不再出现`;
    default: {
      const why = x.flipped
        .map(
          (f) =>
            `${indicatorName(c, f.id)}${f.floor ? (f.nowMet ? '回到标准的85%以上' : '降到标准的85%以下') : f.nowMet ? '由未达标变为达标' : '由达标变为未达标'}`,
        )
        .join('、');
      return `${years} ${x.kind === 'became_compliant' ? '变为达标' : '变为未达标'}${why ? `：${why}` : ''}`;
    }
  }
}

export function renderCompareMarkdown(c: Comparison): string {
  const out: string[] = [`# 年度比较：${c.labels.join('、')}`];
  if (c.orderNote) out.push(`> 说明：${escapeMarkdown(c.orderNote)}`);
  const inds = c.reports[0]!.profile.indicators;
  for (const county of c.counties) {
    out.push(`## ${county.county}`);
    for (const l of county.levels) {
      const header = ['指标', ...c.labels, '变化'];
      const rows = inds.map((i) => [i.name, ...l.cvs[i.id]!.map(fmtCv), signed(shownChange(l.cvs[i.id]!))]);
      rows.push(['达标学校（学段）', ...l.compliant.map((x) => (x ? `${x.compliant}/${x.schools}` : '—')), '']);
      rows.push(['资源配置结论', ...l.pass.map((p) => (p === null ? '—' : p ? '达标' : '未达标')), '']);
      out.push(
        `### ${LEVEL_NAMES[l.level]}：差异系数与达标学校\n\n${[header, header.map((_, k) => (k === 0 ? '---' : '---:')), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
      );
    }
    if (county.items.length) {
      const header = ['项目', ...c.labels];
      const rows = [
        [
          `**${c.reports[0]!.profile.verdictName}总体结论**`,
          ...county.verdicts.map((v) => (v === null ? '—' : `**${VERDICT_LABEL[v]}**`)),
        ],
        ...county.items.map(({ item, results }) => [
          `${DIMENSION_LABEL[item.dimension]}第${item.number}项`,
          ...results.map(itemYearText),
        ]),
      ];
      out.push(
        `### 县级项目与总体结论\n\n${[header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
      );
    }
    out.push(
      county.changes.length === 0
        ? '各校达标情况没有变化，学校名单相同。'
        : `### 学校变化\n\n${county.changes.map((x) => `- ${x.school}（${LEVEL_NAMES[x.level]}）：${changeText(c, x)}`).join('\n')}`,
    );
  }
  out.push(dataIssuesMarkdown(c));
  out.push(
    `---\n由 balance-check ${c.reports[0]!.tool.version} 生成；比较文件：${c.reports.map((r) => r.input.file).join('、')}。`,
  );
  return `${out.join('\n\n')}\n`;
}

/** Each year's data issues: the counts, and every warning that means part of its file was not read as written. */
function dataIssuesMarkdown(c: Comparison): string {
  const rows = c.dataIssues.map((d, i) => [
    c.labels[i]!,
    escapeMarkdown(c.reports[i]!.input.file),
    String(d.counts.error),
    String(d.counts.warning),
    String(d.counts.info),
    String(d.misread.length),
  ]);
  const header = ['年度', '文件', '错误', '警告', '说明', '其中未按所写读取'];
  const table = [header, header.map((_, k) => (k < 2 ? '---' : '---:')), ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
  const lists = c.dataIssues
    .map((d, i) =>
      d.misread.length
        ? `**${c.labels[i]}**：\n\n${d.misread.map((x) => `- \`${x.code}\` ${escapeMarkdown(x.message)}`).join('\n')}`
        : '',
    )
    .filter(Boolean);
  return [
    '## 各年度的数据问题',
    '比较的各年度数值都来自下列读取结果；“未按所写读取”的警告（validate --strict 不予通过）说明该年度部分数据未按表中所写读取。',
    table,
    ...lists,
  ].join('\n\n');
}

/** A year's column on 县级项目比较: the page (140 units landscape) less 区县 and 项目, shared; 20 at least. */
const yearWidth = (years: number) => Math.max(20, Math.min(40, Math.floor((140 - 12 - 18 - 4) / years)));

export async function renderCompareXlsx(c: Comparison): Promise<Buffer> {
  const inds = c.reports[0]!.profile.indicators;
  const cvRows: CellInput[][] = [];
  const changeRows: CellInput[][] = [];
  const itemRows: CellInput[][] = [];
  for (const county of c.counties) {
    for (const l of county.levels) {
      for (const i of inds) {
        // The change is ROUND(last,3) − ROUND(first,3) of the cells beside it: it agrees with what they show.
        const row = cvRows.length + 3;
        const [first, last] = [columnLetters(3), columnLetters(3 + c.labels.length - 1)];
        const change = shownChange(l.cvs[i.id]!);
        cvRows.push([
          county.county,
          LEVEL_NAMES[l.level],
          i.name,
          ...l.cvs[i.id]!,
          change === null ? null : { f: `ROUND(${last}${row},3)-ROUND(${first}${row},3)`, v: change },
        ]);
      }
      cvRows.push([
        county.county,
        LEVEL_NAMES[l.level],
        '达标学校（学段）',
        ...l.compliant.map((x): CellInput => ({ v: x ? `${x.compliant}/${x.schools}` : '—', s: { align: 'right' } })),
        null,
      ]);
    }
    for (const x of county.changes) changeRows.push([county.county, x.school, LEVEL_NAMES[x.level], changeText(c, x)]);
    if (county.items.length) {
      itemRows.push([
        county.county,
        `${c.reports[0]!.profile.verdictName}总体结论`,
        ...county.verdicts.map((v) => (v === null ? '—' : VERDICT_LABEL[v])),
      ]);
      for (const { item, results } of county.items)
        itemRows.push([
          county.county,
          `${DIMENSION_LABEL[item.dimension]}第${item.number}项`,
          ...results.map(itemYearText),
        ]);
    }
  }
  const book = new WorkbookWriter();
  for (const spec of [
    {
      name: '差异系数比较',
      title: '年度比较：差异系数及达标学校（变化 = 最后一年 − 第一年）',
      ...(c.orderNote ? { note: `说明：${c.orderNote}` } : {}),
      columns: [
        { header: '区县' },
        { header: '学段', width: 6 },
        { header: '指标' },
        ...c.labels.map((l) => ({ header: l, numFmt: '0.000', width: 10 })),
        { header: '变化', numFmt: '+0.000;-0.000;0.000', width: 9 },
      ],
      rows: cvRows,
    },
    {
      name: '学校变化',
      title: '达标情况变化的学校（及原因）、新增和不再出现的学校',
      columns: [
        { header: '区县' },
        { header: '学校' },
        { header: '学段', width: 6 },
        { header: '变化', width: 70, wrap: true },
      ],
      rows: changeRows,
    },
    ...(itemRows.length
      ? [
          {
            name: '县级项目比较',
            title: '县级项目与总体结论：各年度的结论和数值',
            columns: [
              { header: '区县' },
              { header: '项目', width: 18 },
              // Each year's text wraps in its own column, the columns together one landscape page wide.
              ...c.labels.map((l) => ({ header: l, width: yearWidth(c.labels.length), wrap: true })),
            ],
            rows: itemRows,
          },
        ]
      : []),
    {
      name: '数据问题',
      title: '各年度的数据问题：错误、警告、说明的条数，及表明数据未按所写读取的警告（validate --strict 不予通过）',
      columns: [
        // One landscape page wide: 年度 (with its file when two are of one year) and 内容 wrap.
        { header: '年度', width: 14, wrap: true },
        { header: '文件', width: 24, wrap: true },
        { header: '代码', width: 22 },
        { header: '内容', width: 64, wrap: true },
      ],
      rows: c.dataIssues.flatMap((d, i): CellInput[][] => [
        [
          c.labels[i]!,
          c.reports[i]!.input.file,
          null,
          `错误 ${d.counts.error} 个，警告 ${d.counts.warning} 个（其中未按所写读取 ${d.misread.length} 个），说明 ${d.counts.info} 条`,
        ],
        ...d.misread.map((x): CellInput[] => [c.labels[i]!, c.reports[i]!.input.file, x.code, x.message]),
      ]),
    },
  ])
    await book.add(simpleSheet(spec));
  return book.toBuffer();
}

export function renderCompareSummary(c: Comparison, colour: ChalkInstance): string {
  const lines = [colour.bold(`年度比较：${c.labels.join(' → ')}`)];
  if (c.orderNote) lines.push(`说明：${c.orderNote}`);
  for (const county of c.counties) {
    lines.push('', colour.bold(county.county));
    for (const l of county.levels) {
      // Counted as the table shows the change (3 decimals): a CV equal to the thousandth has not grown.
      const worse = Object.values(l.cvs).filter((xs) => (shownChange(xs) ?? 0) > 0).length;
      const comp = l.compliant.map((x) => (x ? `${x.compliant}/${x.schools}` : '—')).join(' → ');
      lines.push(`  ${LEVEL_NAMES[l.level]}：达标学校 ${comp}；差异系数变大的指标 ${worse} 项`);
    }
    const changed = county.changes.filter((x) => x.kind !== 'added' && x.kind !== 'gone');
    lines.push(
      `  达标情况变化的学校 ${changed.length} 所，新增 ${county.changes.filter((x) => x.kind === 'added').length} 所，不再出现 ${county.changes.filter((x) => x.kind === 'gone').length} 所`,
    );
  }
  return lines.join('\n');
}
