/** Cell styles → the fonts, fills, borders, number formats and cellXfs of styles.xml. */
import { escapeXml } from './xml';

export interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** ARGB, e.g. "FFC00000". */
  color?: string;
  fill?: string;
  border?: boolean;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  wrap?: boolean;
}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};

/** Deduplicates styles; index 0 is the default style. */
export class StyleRegistry {
  private fonts = ['<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'];
  private fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private numFmts = new Map<string, number>();
  private xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private byKey = new Map<string, number>([['{}', 0]]);
  private byObject = new WeakMap<Style, number>();
  private dxfs: string[] = [];

  private intern(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  id(style: Style | undefined): number {
    if (!style) return 0;
    const seen = this.byObject.get(style);
    if (seen !== undefined) return seen;
    const key = JSON.stringify(style);
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.byObject.set(style, known);
      return known;
    }
    const font = this.intern(
      this.fonts,
      `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}${style.underline ? '<u/>' : ''}<sz val="${style.size ?? 11}"/>` +
        `${style.color ? `<color rgb="${style.color}"/>` : ''}<name val="等线"/><family val="2"/><charset val="134"/></font>`,
    );
    const fill = style.fill
      ? this.intern(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (n: string) => `<${n} style="thin"><color rgb="FFBFBFBF"/></${n}>`;
    const border = style.border
      ? this.intern(
          this.borders,
          `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`,
        )
      : 0;
    const numFmt = style.numFmt ? this.formatId(style.numFmt) : 0;
    const align =
      style.align || style.valign || style.wrap
        ? `<alignment${style.align ? ` horizontal="${style.align}"` : ''}${style.valign ? ` vertical="${style.valign === 'middle' ? 'center' : 'top'}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const xf =
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    const id = this.intern(this.xfs, xf);
    this.byKey.set(key, id);
    this.byObject.set(style, id);
    return id;
  }

  /** A differential style for conditional formatting: font colour, bold and fill only. */
  dxfId(style: Pick<Style, 'bold' | 'color' | 'fill'>): number {
    const font =
      style.bold || style.color
        ? `<font>${style.bold ? '<b/>' : ''}${style.color ? `<color rgb="${style.color}"/>` : ''}</font>`
        : '';
    const fill = style.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${style.fill}"/></patternFill></fill>`
      : '';
    return this.intern(this.dxfs, `<dxf>${font}${fill}</dxf>`);
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.numFmts.size;
    this.numFmts.set(code, id);
    return id;
  }

  xml(): string {
    const fmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? list('numFmts', fmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs) +
      '</styleSheet>'
    );
  }
}
