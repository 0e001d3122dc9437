/**
 * Sheets → a complete .xlsx package (workbook, styles, shared strings, print titles).
 * Each sheet is serialised as soon as it is added and its cells released, so a large
 * report never holds every cell object at once.
 */
import { columnLetters } from '../../common/a1';
import { chartXml, drawingXml, type ChartSpec } from './chart';
import type { SheetBuilder } from './sheet';
import { StyleRegistry } from './styles';
import { escapeText, escapeXml } from './xml';

/** Excel's limit on a cell's text: a longer one makes Excel "repair" the workbook and drop the text. */
export const CELL_TEXT_LIMIT = 32_767;

/** The text cut to the cell limit, ending in …, never between the halves of a surrogate pair. */
export function withinCellLimit(s: string): string {
  if (s.length <= CELL_TEXT_LIMIT) return s;
  let end = CELL_TEXT_LIMIT - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
import { packEntry, startPacking, zip, type PackedEntry } from './zip';
import { collectGarbage } from '../../common/memory';

/** Rows of a sheet whose cells, once written, are collected at once (see collectGarbage). */
const LARGE_SHEET = 20_000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const quoted = new Map<string, string>();
/** A sheet name as a formula reference: '学校达标'. */
export function sheetRef(name: string): string {
  let q = quoted.get(name);
  if (q === undefined) quoted.set(name, (q = `'${name.replace(/'/g, "''")}'`));
  return q;
}

interface WrittenSheet {
  name: string;
  titleRows: [number, number] | null;
  printArea: string | null;
  titleColumns: number;
  /**
   * The sheet part, packed from when the sheet is added (startPacking: its text let go as it is made, a
   * 20 000-school sheet's whole text never held; a large one deflated on the thread pool while the next
   * sheets are built).
   */
  part: Promise<PackedEntry>;
  charts: ChartSpec[];
}

export class WorkbookWriter {
  private readonly styles = new StyleRegistry();
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly sheets: WrittenSheet[] = [];

  private readonly sharedString = (text: string) => {
    const s = withinCellLimit(text);
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  };

  /** Serialises the sheet now, in pieces, and empties it. Sheets are added one at a time (await each). */
  add(sheet: SheetBuilder): Promise<void> {
    // One after another even if not awaited: shared strings and styles are numbered in the order written.
    this.adding = this.adding.then(() => this.write(sheet));
    return this.adding;
  }

  private adding: Promise<void> = Promise.resolve();

  private async write(sheet: SheetBuilder): Promise<void> {
    const written = {
      name: sheet.name,
      titleRows: sheet.printTitleRows(),
      printArea: sheet.printArea(),
      titleColumns: sheet.titleColumns,
      charts: [...sheet.charts],
    };
    const rows = sheet.rows.length;
    const { made, packed } = startPacking('', sheet.xmlPieces(this.styles, this.sharedString));
    await made;
    this.sheets.push({ ...written, part: packed });
    sheet.rows.length = 0;
    if (rows >= LARGE_SHEET) collectGarbage();
  }

  /** The package, with the sheets in the given order of names (default: as added). */
  async toBuffer(order?: readonly string[]): Promise<Buffer> {
    await this.adding;
    const sheets = (order ?? this.sheets.map((s) => s.name)).map((name) => this.sheets.find((s) => s.name === name)!);
    const printTitles = sheets
      .map((s, i) => {
        const ranges = [
          ...(s.titleColumns ? [`${sheetRef(s.name)}!$A:$${columnLetters(s.titleColumns - 1)}`] : []),
          ...(s.titleRows ? [`${sheetRef(s.name)}!$${s.titleRows[0]}:$${s.titleRows[1]}`] : []),
        ];
        return (
          (s.printArea
            ? `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeText(`${sheetRef(s.name)}!${s.printArea}`)}</definedName>`
            : '') +
          (ranges.length
            ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(ranges.join(','))}</definedName>`
            : '')
        );
      })
      .join('');
    const workbook =
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${printTitles ? `<definedNames>${printTitles}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`;
    const entry = (name: string, text: string) => packEntry(name, Buffer.from(text, 'utf8'));
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
    const workbookRels =
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
      rel(`rId${sheets.length + 1}`, 'styles', 'styles.xml') +
      rel(`rId${sheets.length + 2}`, 'sharedStrings', 'sharedStrings.xml') +
      '</Relationships>';
    const sst =
      `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.strings.length}" uniqueCount="${this.strings.length}">` +
      this.strings.map((s) => `<si><t xml:space="preserve">${escapeText(s)}</t></si>`).join('') +
      '</sst>';
    // Charts: per sheet with charts, one drawing part; per chart, one chart part.
    const drawings: { sheet: number; drawing: number; charts: { n: number; spec: ChartSpec }[] }[] = [];
    let chartCount = 0;
    sheets.forEach((s, i) => {
      if (s.charts.length)
        drawings.push({
          sheet: i + 1,
          drawing: drawings.length + 1,
          charts: s.charts.map((spec) => ({ n: ++chartCount, spec })),
        });
    });
    const chartEntries: PackedEntry[] = drawings.flatMap((d) => [
      entry(
        `xl/worksheets/_rels/sheet${d.sheet}.xml.rels`,
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rel('rId1', 'drawing', `../drawings/drawing${d.drawing}.xml`)}</Relationships>`,
      ),
      entry(`xl/drawings/drawing${d.drawing}.xml`, drawingXml(d.charts.map((c) => c.spec))),
      entry(
        `xl/drawings/_rels/drawing${d.drawing}.xml.rels`,
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${d.charts.map((c, k) => rel(`rId${k + 1}`, 'chart', `../charts/chart${c.n}.xml`)).join('')}</Relationships>`,
      ),
      ...d.charts.map((c) => entry(`xl/charts/chart${c.n}.xml`, chartXml(c.spec))),
    ]);
    const type = (part: string, t: string) =>
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${t}"/>`;
    const contentTypes =
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      type('xl/workbook.xml', 'spreadsheetml.sheet.main+xml') +
      sheets.map((_, i) => type(`xl/worksheets/sheet${i + 1}.xml`, 'spreadsheetml.worksheet+xml')).join('') +
      type('xl/styles.xml', 'spreadsheetml.styles+xml') +
      type('xl/sharedStrings.xml', 'spreadsheetml.sharedStrings+xml') +
      drawings
        .map(
          (d) =>
            type(`xl/drawings/drawing${d.drawing}.xml`, 'drawing+xml') +
            d.charts.map((c) => type(`xl/charts/chart${c.n}.xml`, 'drawingml.chart+xml')).join(''),
        )
        .join('') +
      '</Types>';
    const rootRels = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`;
    // The sheets were packed as they were added (a large one on the thread pool); the small parts here, at once.
    const sheetParts = await Promise.all(
      // Named by the sheet's place in the workbook's order, which may differ from the order they were added in.
      sheets.map(async (s, i) => ({ ...(await s.part), name: `xl/worksheets/sheet${i + 1}.xml` })),
    );
    return zip([
      entry('[Content_Types].xml', contentTypes),
      entry('_rels/.rels', rootRels),
      entry('xl/workbook.xml', workbook),
      entry('xl/_rels/workbook.xml.rels', workbookRels),
      entry('xl/styles.xml', this.styles.xml()),
      entry('xl/sharedStrings.xml', sst),
      ...sheetParts,
      ...chartEntries,
    ]);
  }
}
