/**
 * The outline as a Word document, laid out as county offices lay out a 自评报告 after GB/T 9704:
 * A4, margins 37 / 35 / 28 / 26 mm; the title 宋体 二号 bold; body 仿宋 三号 on a 28 pt line,
 * indented two characters; 一、 headings 黑体, （一） headings 楷体; 附表 10.5 pt (五号) with
 * 黑体 headers repeated on every page, landscape when too wide for a portrait page; page numbers
 * “— N —” in 宋体 四号 at the foot, right on odd pages and left on even ones, none on the cover.
 * Every font is named for East Asian text as well (WPS reports a missing font otherwise), and
 * every table has its column widths (WPS drops a table without them).
 */
import type * as Docx from 'docx';
import type * as DocxCharts from 'docx/charts';
import { withoutControls } from '../../common/controls';
import { CHINESE_NUMERALS, cellText, type WrittenCell, type WrittenTable } from '../written';
import type { ChartPicture } from '../charts';
import type { AppendixTable, Block, DocumentOutline } from './outline';
import { columnWidths } from './widths';

type D = typeof Docx;
type C = typeof DocxCharts;

/** Twips (1/20 pt) in a millimetre. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const A4 = { width: 11906, height: 16838 };
const PORTRAIT = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** Turned a quarter: the 28 mm binding margin is at the top. */
const LANDSCAPE = { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) };
const TEXT_WIDTH = {
  portrait: A4.width - PORTRAIT.left - PORTRAIT.right,
  landscape: A4.height - LANDSCAPE.left - LANDSCAPE.right,
};
const FOOTER = mm(18);
const HEADER = mm(15);

const LATIN = 'Times New Roman';
const FONT = { body: '仿宋', heading1: '黑体', heading2: '楷体', title: '宋体', number: '宋体' } as const;
/** Points. */
const SIZE = { body: 16, title: 22, caption: 14, table: 10.5, smallTable: 9, number: 14 } as const;
/** The body's fixed line pitch (28 pt) and two characters' first-line indent. */
const LINE = 560;
const INDENT = SIZE.body * 2 * 20;
/** Horizontal cell margins (twips). */
const CELL_MARGIN = 57;
/** The charts' size in pixels (96 to the inch): the portrait text width, 10.6 cm high (two to a page). */
const CHART = { width: Math.floor((TEXT_WIDTH.portrait / 1440) * 96), height: 400 };

/** A text Word can hold: no control characters, lone surrogates or non-characters; line breaks as spaces. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;
/**
 * Chinese punctuation before a digit or a Latin letter: LibreOffice breaks no line there, so a list of
 * numbers (未提供：第1、2、6、7、…、15项) is one unbreakable word, and the justified line before it is
 * stretched across the page. A zero-width space after the mark lets the list break (Word breaks there anyway).
 */
const GLUED_LIST = /([、，；])(?=[0-9A-Za-z])/g;
export const clean = (s: string): string =>
  withoutControls(s)
    .replace(LONE_SURROGATE, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(GLUED_LIST, '$1\u200B');

/** Fonts for East Asian and for Latin text. */
const fonts = (eastAsia: string, latin: string = LATIN) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia });

export function buildDocument(d: D, c: C, outline: DocumentOutline): Docx.Document {
  const body = new BodyWriter(d, c);
  for (const b of outline.body) body.add(b, outline.landscape ? 'landscape' : 'portrait');
  const footers = pageNumbers(d);
  const sections: Docx.ISectionOptions[] = [
    {
      properties: { page: page(d, outline.landscape ? 'landscape' : 'portrait'), titlePage: !outline.landscape },
      footers: outline.landscape ? footers : { ...footers, first: new d.Footer({ children: [] }) },
      children: body.children,
    },
  ];
  for (const group of appendixGroups(outline.appendix)) {
    const children: (Docx.Paragraph | Docx.Table)[] = [];
    if (sections.length === 1 && outline.appendixIntro) children.push(bodyParagraph(d, outline.appendixIntro));
    for (const t of group.tables) {
      children.push(
        new d.Paragraph({
          alignment: d.AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 240, after: 120, line: 360, lineRule: d.LineRuleType.EXACT },
          children: [run(d, t.caption, { font: FONT.heading1, size: SIZE.caption })],
        }),
        table(d, t.table, TEXT_WIDTH[group.orientation]),
      );
    }
    sections.push({
      properties: { page: page(d, group.orientation), type: d.SectionType.NEXT_PAGE },
      footers,
      children,
    });
  }
  return new d.Document({
    creator: 'balance-check',
    lastModifiedBy: 'balance-check',
    title: clean(outline.title),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fonts(FONT.body), size: SIZE.body * 2 } } } },
    sections,
  });
}

type Orientation = 'portrait' | 'landscape';

const titleLines = (title: string) => {
  const k = title.lastIndexOf(' ');
  return k > 0 ? [title.slice(0, k), title.slice(k + 1)] : [title];
};

const page = (d: D, o: Orientation) => ({
  size: {
    width: A4.width,
    height: A4.height,
    orientation: o === 'landscape' ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT,
  },
  margin: { ...(o === 'landscape' ? LANDSCAPE : PORTRAIT), header: HEADER, footer: FOOTER },
});

/** “— N —”, a character in from the outer edge: right on odd pages, left on even ones. */
function pageNumbers(d: D) {
  const footer = (odd: boolean) =>
    new d.Footer({
      children: [
        new d.Paragraph({
          alignment: odd ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: odd ? { right: SIZE.number * 20 } : { left: SIZE.number * 20 },
          children: [
            new d.TextRun({
              children: ['— ', d.PageNumber.CURRENT, ' —'],
              font: fonts(FONT.number, FONT.number),
              size: SIZE.number * 2,
            }),
          ],
        }),
      ],
    });
  return { default: footer(true), even: footer(false) };
}

/** Consecutive 附表 of the same orientation share pages; a change of orientation starts a new page. */
function appendixGroups(tables: readonly AppendixTable[]) {
  const groups: { orientation: Orientation; tables: AppendixTable[] }[] = [];
  for (const t of tables) {
    const orientation = columnWidths(t.table, TEXT_WIDTH.portrait, SIZE.table) ? 'portrait' : 'landscape';
    const last = groups[groups.length - 1];
    if (last?.orientation === orientation) last.tables.push(t);
    else groups.push({ orientation, tables: [t] });
  }
  return groups;
}

const run = (d: D, text: string, o: { font?: string; size?: number; bold?: boolean } = {}) =>
  new d.TextRun({
    text: clean(text),
    ...(o.font ? { font: fonts(o.font) } : {}),
    ...(o.size ? { size: o.size * 2 } : {}),
    ...(o.bold ? { bold: true } : {}),
  });

const bodyParagraph = (d: D, text: string, o: { bold?: boolean; pageBreakBefore?: boolean } = {}) =>
  new d.Paragraph({
    alignment: d.AlignmentType.BOTH,
    indent: { firstLine: INDENT },
    spacing: { line: LINE, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
    ...(o.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [run(d, text, { bold: o.bold ?? false })],
  });

/** The body's blocks in order: headings numbered 一、 and （一）, a page break as the next paragraph's. */
class BodyWriter {
  readonly children: (Docx.Paragraph | Docx.Table)[] = [];
  private section = 0;
  private subsection = 0;
  private breakNext = false;
  constructor(
    private readonly d: D,
    private readonly c: C,
  ) {}

  add(b: Block, orientation: Orientation) {
    const { d } = this;
    const pageBreakBefore = this.breakNext;
    this.breakNext = false;
    switch (b.kind) {
      case 'pageBreak':
        this.breakNext = true;
        return;
      case 'title':
        this.children.push(
          new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            spacing: {
              before: orientation === 'portrait' ? 1440 : 0,
              after: 720,
              line: 720,
              lineRule: d.LineRuleType.EXACT,
            },
            // “示例县 义务教育优质均衡发展” over “资源配置测算报告”: the title breaks at its last space.
            children: titleLines(b.text).map(
              (line, i) =>
                new d.TextRun({
                  text: clean(line),
                  font: fonts(FONT.title),
                  size: SIZE.title * 2,
                  bold: true,
                  ...(i > 0 ? { break: 1 } : {}),
                }),
            ),
          }),
        );
        return;
      case 'heading': {
        const number =
          b.level === 1
            ? `${CHINESE_NUMERALS[this.section++] ?? this.section}、`
            : `（${CHINESE_NUMERALS[this.subsection++] ?? this.subsection}）`;
        if (b.level === 1) this.subsection = 0;
        this.children.push(
          new d.Paragraph({
            alignment: d.AlignmentType.BOTH,
            indent: { firstLine: INDENT },
            spacing: { line: LINE, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
            keepNext: true,
            outlineLevel: b.level - 1,
            pageBreakBefore,
            children: [run(d, number + b.text, { font: b.level === 1 ? FONT.heading1 : FONT.heading2 })],
          }),
        );
        return;
      }
      case 'paragraph':
        this.children.push(bodyParagraph(d, b.text, { bold: b.strong ?? false, pageBreakBefore }));
        return;
      case 'table':
        this.children.push(
          b.form ? form(d, b.table) : table(d, b.table, TEXT_WIDTH[orientation]),
          // A paragraph after every table: two tables in a row would run together.
          new d.Paragraph({ spacing: { line: 240, lineRule: d.LineRuleType.AUTO, before: 0, after: 0 }, children: [] }),
        );
        return;
      case 'chart':
        this.children.push(
          new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            spacing: { line: 240, lineRule: d.LineRuleType.AUTO, before: 120, after: 120 },
            children: [chart(this.c, b.picture)],
          }),
        );
        return;
    }
  }
}

const BORDER = { style: 'single', size: 4, color: '000000' } as const;

function borders(d: D) {
  const b = { ...BORDER, style: d.BorderStyle.SINGLE };
  return { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b };
}

function cell(d: D, c: WrittenCell, width: number, o: { align: 'l' | 'r' | 'c'; size: number; header?: boolean }) {
  const text = cellText(c);
  return new d.TableCell({
    width: { size: width, type: d.WidthType.DXA },
    verticalAlign: d.VerticalAlignTable.CENTER,
    children: [
      new d.Paragraph({
        alignment:
          o.header || o.align === 'c'
            ? d.AlignmentType.CENTER
            : o.align === 'r'
              ? d.AlignmentType.RIGHT
              : d.AlignmentType.LEFT,
        spacing: { line: 240, lineRule: d.LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          run(d, text, {
            size: o.size,
            ...(o.header ? { font: FONT.heading1 } : {}),
            bold: typeof c !== 'string',
          }),
        ],
      }),
    ],
  });
}

/** A 附表 (or a province table): header repeated on each page, rows kept whole, explicit column widths. */
function table(d: D, t: WrittenTable, available: number): Docx.Table {
  // 五号; a table too wide for its page even so, 小五.
  const [size, widths] = ((): [number, number[]] => {
    for (const [size, mode] of [
      [SIZE.table, 'natural'],
      [SIZE.table, 'fit'],
      [SIZE.smallTable, 'fit'],
    ] as const) {
      const w = columnWidths(t, available, size, mode);
      if (w) return [size, w];
    }
    return [SIZE.smallTable, columnWidths(t, available, SIZE.smallTable, 'force')!];
  })();
  const align = (i: number) => t.align?.[i] ?? 'l';
  return new d.Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
    layout: d.TableLayoutType.FIXED,
    alignment: d.AlignmentType.CENTER,
    borders: borders(d),
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    rows: [
      new d.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.header.map((h, i) => cell(d, h, widths[i]!, { align: align(i), size, header: true })),
      }),
      ...t.rows.map(
        (r) =>
          new d.TableRow({
            cantSplit: true,
            children: r.map((x, i) => cell(d, x, widths[i]!, { align: align(i), size })),
          }),
      ),
    ],
  });
}

/** The cover's form: a label and its value (blank lines tall enough to write on), in the body's size. */
function form(d: D, t: WrittenTable): Docx.Table {
  const label = Math.round(SIZE.body * 20 * 7);
  const widths = [label, TEXT_WIDTH.portrait - label];
  return new d.Table({
    columnWidths: widths,
    width: { size: TEXT_WIDTH.portrait, type: d.WidthType.DXA },
    layout: d.TableLayoutType.FIXED,
    alignment: d.AlignmentType.CENTER,
    borders: borders(d),
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    rows: t.rows.map(
      (r) =>
        new d.TableRow({
          cantSplit: true,
          height: { value: 600, rule: d.HeightRule.ATLEAST },
          children: r.map((x, i) => cell(d, x, widths[i]!, { align: i === 0 ? 'c' : 'l', size: SIZE.body })),
        }),
    ),
  });
}

/** The reports' chart as a native Word chart: columns (met, not met), the standard dashed and the county value. */
function chart(c: C, p: ChartPicture) {
  const values = (xs: readonly (number | null)[]) => xs.map((x) => (x === null || !Number.isFinite(x) ? null : x));
  const title = clean(p.title);
  return new c.ChartRun({
    type: 'column',
    title: { text: title, font: { size: 11, bold: true } },
    categories: p.categories.map(clean),
    series: p.series.map((s) =>
      s.kind === 'bar'
        ? { name: clean(s.name), values: values(s.values), color: s.colour }
        : {
            name: clean(s.name),
            values: values(s.values),
            color: s.colour,
            type: 'line' as const,
            markers: false,
            line: { color: s.colour, width: 1.75, dash: s.dashed ? ('dash' as const) : ('solid' as const) },
          },
    ),
    gapWidth: 40,
    overlap: 100,
    valueAxis: { minimum: 0, numberFormat: p.numberFormat, font: { size: 9 } },
    categoryAxis: { labelRotation: -90, font: { size: 8 } },
    legend: { position: 'bottom', font: { size: 9 } },
    font: { name: FONT.title },
    transformation: { width: CHART.width, height: CHART.height },
    altText: { name: title, description: title, title },
  });
}
