/**
 * The Word document as the parts write it: headings, paragraphs, tables and charts, in order,
 * with no Word library in sight. build.ts lays it out with docx: the fonts, sizes and numbering
 * of GB/T 9704, page numbers, and the 附表 at the end in portrait or landscape pages.
 */
import type { CountyReport, Report } from '../../report/model';
import type { ChartPicture } from '../charts';
import { exhibitCaption, type WrittenTable } from '../written';
import type { Exhibit, ExhibitKey } from '../exhibits';

export type Block =
  /** The document's title, centred. */
  | { kind: 'title'; text: string }
  /** 一、 (level 1) or （一） (level 2): numbered in order by the builder. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Body text, indented two characters; `strong`: in bold (the verdict). */
  | { kind: 'paragraph'; text: string; strong?: boolean }
  /** A table in the text (the cover, a province table); a county's others are 附表. */
  | { kind: 'table'; table: WrittenTable; form?: boolean }
  | { kind: 'chart'; picture: ChartPicture }
  | { kind: 'pageBreak' };

/** A table at the end of the document, under its caption. */
export interface AppendixTable {
  /** The 附表's number: the tables are in its order, a table's parts in the text's. */
  no: number;
  caption: string;
  table: WrittenTable;
}

export interface DocumentOutline {
  title: string;
  body: Block[];
  /** The paragraph before the first 附表 (which tables there are, and where the others are). */
  appendixIntro: string | null;
  appendix: AppendixTable[];
  /** Every page landscape (a province table); else portrait, with landscape pages for wide 附表. */
  landscape: boolean;
}

/** Puts a table after a lead sentence (which may be empty): as a 附表 the lead refers to, or in the text. */
export type Place = (lead: string, key: ExhibitKey, table: WrittenTable, part?: string) => Block[];

/** A table in the text, right after its lead (a batch's tables are not numbered). */
export const inText: Place = (lead, _key, table) => [...(lead ? [paragraph(lead)] : []), { kind: 'table', table }];

/** What a part of a county's document is given: the report, and where to put its tables. */
export class PartContext {
  readonly appendix: AppendixTable[] = [];
  private readonly seen = new Set<ExhibitKey>();
  constructor(
    readonly report: Report,
    readonly county: CountyReport,
    private readonly exhibits: ReadonlyMap<ExhibitKey, Exhibit>,
  ) {}

  /** The table among the 附表 at the end, and the lead with the words that refer to it: …详见附表2（小学）。 */
  readonly place: Place = (lead, key, table, part) => {
    const e = this.exhibits.get(key);
    if (!e) throw new Error(`no 附表 for ${key}`);
    this.appendix.push({ no: e.no, caption: exhibitCaption(e, this.seen.has(key), part), table });
    this.seen.add(key);
    return [paragraph(`${lead}详见附表${e.no}${part ? `（${part}）` : ''}。`)];
  };
}

export const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string, strong = false): Block =>
  strong ? { kind: 'paragraph', text, strong } : { kind: 'paragraph', text };
/** Paragraphs numbered 1. 2. …, as the third level of a 自评报告's numbering. */
export const numbered = (items: readonly string[]): Block[] => items.map((x, i) => paragraph(`${i + 1}. ${x}`));
