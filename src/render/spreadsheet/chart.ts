/**
 * Native Excel charts (DrawingML): a column chart of each section's value, sorted, the
 * sections meeting the standard in one colour and the others in a second, with the
 * standard and the county value as lines. Each chart reads its cells from a data sheet
 * (and carries them as its cache), so it redraws in Excel, WPS and LibreOffice.
 */
import { escapeText, escapeXml } from './xml';

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  /** RRGGBB */
  colour: string;
  dashed?: boolean;
  /** A reference such as '图表数据'!$B$4:$B$30, and the values it holds now (null: blank). */
  ref: string;
  values: readonly (number | null)[];
}

export interface ChartSpec {
  title: string;
  /** The category labels (school names): reference and texts. */
  categoriesRef: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  numberFormat: string;
  /** Where on the sheet: 0-based top-left and bottom-right cells. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const strCache = (xs: readonly string[]) =>
  `<c:strCache><c:ptCount val="${xs.length}"/>${xs.map((x, i) => `<c:pt idx="${i}"><c:v>${escapeText(x)}</c:v></c:pt>`).join('')}</c:strCache>`;
const numCache = (xs: readonly (number | null)[], format: string) =>
  `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${xs.length}"/>${xs
    .map((x, i) => (x === null || !Number.isFinite(x) ? '' : `<c:pt idx="${i}"><c:v>${x}</c:v></c:pt>`))
    .join('')}</c:numCache>`;

const fill = (s: ChartSeries) =>
  s.kind === 'bar'
    ? `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr>`
    : `<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill>${s.dashed ? '<a:prstDash val="dash"/>' : ''}</a:ln></c:spPr>`;

function seriesXml(s: ChartSeries, i: number, spec: ChartSpec): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>${fill(s)}`;
  const cat = `<c:cat><c:strRef><c:f>${escapeText(spec.categoriesRef)}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeText(s.ref)}</c:f>${numCache(s.values, spec.numberFormat)}</c:numRef></c:val>`;
  return s.kind === 'bar'
    ? `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`
    : `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
}

const text = (size: number, bold = false, rotate = 0) =>
  `<c:txPr><a:bodyPr${rotate ? ` rot="${rotate}" vert="horz"` : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${bold ? ' b="1"' : ''}/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

export function chartXml(spec: ChartSpec): string {
  const bars = spec.series.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'bar');
  const lines = spec.series.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'line');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1100" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars.map(([s, i]) => seriesXml(s, i, spec)).join('')}` +
    '<c:gapWidth val="40"/><c:overlap val="100"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>' +
    (lines.length
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map(([s, i]) => seriesXml(s, i, spec)).join('')}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`
      : '') +
    '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${text(900, false, -5400000)}` +
    '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${escapeXml(spec.numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(900)}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part that places a sheet's charts (chart k is relationship rId{k+1}). */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchor = (c: ChartSpec, k: number) =>
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${c.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${c.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="图表 ${k + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A_NS}">${charts.map(anchor).join('')}</xdr:wsDr>`
  );
}
