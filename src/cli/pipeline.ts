/** read → schema → engine → report, for one input file. No printing, no exit codes. */
import { withoutControls } from '../common/controls';
import { basename } from 'node:path';
import { evaluateCounty, summariseForBatch, type CountyResult } from '../engine/evaluate';
import { requiredResourceFields, type Profile } from '../engine/profile';
import type { PlanOptions } from '../engine/plan';
import { TYPE_LEVELS, type SchoolRecord } from '../engine/types';
import { availableIndicators } from '../engine/profiles';
import { FatalError, hasErrors, makeIssue } from '../issues/catalogue';
import { fieldLabel } from '../schema/columns';
import { OoxmlFormatError, readSource, releaseSource, type SourceFile } from '../read/index';
import type { InflateLimits } from '../read/unzip';
import { buildReport, DETAIL_COUNTY_LIMIT, type Report } from '../report/model';
import { countiesNamed } from '../schema/county-names';
import { countyFigures, noCountySheet, readCountySheet } from '../schema/county-sheet/index';
import type { CountySheetResult } from '../schema/county-sheet/reader';
import { parseSchools, type SchemaResult } from '../schema/index';
import { VERSION } from './version';

export interface AnalyseOptions {
  sheet?: string;
  /** `--county`: only this county of a batch file. */
  county?: string;
  profile: Profile;
  /** `--year`: the data year, when the title row and file name do not say. */
  year?: string;
  /** The least-cost plan's target, budgets and unit costs (`plan` command). */
  plan?: PlanOptions;
  /** How far an .xlsx may inflate (default: DEFAULT_LIMITS). */
  limits?: InflateLimits;
  /**
   * Whether a batch's counties may be kept as summaries once computed (summariseForBatch), their
   * schools freed as it goes: its reports show the province table (the JSON Lines, which list every
   * school, then come from onBatchCounty). Not for a comparison or a plan, which read schools.
   */
  batchSummaries?: boolean;
  /**
   * Called with each county of a batch kept as a summary, whole, before it is summarised (in the
   * batch's order): what must see every school of it (the JSON Lines) takes it from here.
   */
  onBatchCounty?: (result: CountyResult) => void;
  /**
   * Refuse (FILE_TOO_LARGE) a county with more school sections than this when its detailed report is
   * made (check, plan): validate reads any size.
   */
  detailLimit?: number;
  /** Progress: rows read so far; counties computed of all. */
  onProgress?: (p: { rows: number } | { counties: number; of: number }) => void;
}

/** Throws UnreadableFileError when the file cannot be read at all. */
export async function analyse(path: string, options: AnalyseOptions): Promise<Report> {
  const input = await readInput(path, options);
  const records = input.records;
  // From here on the records are held by their county's group only (freed with it, in reportFrom).
  input.records = [];
  return reportFrom(input, records, options);
}

/**
 * An input read and typed, before the engine: the school records, the county sheet and what the
 * reports say of the reading. A scenario evaluates several versions of `records` against one reading.
 */
export interface InputRead {
  path: string;
  format: SourceFile['format'];
  encoding?: string;
  schema: Omit<SchemaResult, 'records'>;
  records: SchoolRecord[];
  /** The profile as the columns allow it (a CV-only profile without an indicator's column leaves it out). */
  profile: Profile;
  dropped: Profile['indicators'][number][];
  countySheet: CountySheetResult;
}

/** read → schema (and the county sheet): throws UnreadableFileError when the file cannot be read at all. */
export async function readInput(path: string, options: AnalyseOptions): Promise<InputRead> {
  const source = await readSource(path, options.limits);
  try {
    return readFrom(path, source, options);
  } catch (e) {
    // The fast reader decodes rows as they are read: one it does not understand sends the whole file to exceljs.
    if (e instanceof OoxmlFormatError && source.fallback) return readFrom(path, await source.fallback(), options);
    throw e;
  }
}

function readFrom(path: string, source: SourceFile, options: AnalyseOptions): InputRead {
  const cvOnly = options.profile.compliance === null;
  const { records, ...schema } = parseSchools(source, {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    requiredResources: cvOnly ? [] : requiredResourceFields(options.profile),
    wording: options.profile.wording,
    ...(options.onProgress ? { onRows: (rows: number) => options.onProgress!({ rows }) } : {}),
  });
  // A CV-only profile (2012) leaves out an indicator whose column is missing, or present but empty in every row.
  const { profile, dropped } = availableIndicators(
    options.profile,
    new Set(schema.columns.map((c) => c.field.id)),
    records,
  );
  /** A profile without county items (2012) has nothing to read from a 县级指标 sheet. */
  const countySheet = profile.countyInputs.length
    ? readCountySheet(source, profile, {
        schoolSheets: schema.sheets,
        counties: countiesOf(records),
      })
    : noCountySheet();
  releaseSource(source);
  return {
    path,
    format: source.format,
    ...(source.encoding ? { encoding: source.encoding } : {}),
    schema,
    records,
    profile,
    dropped,
    countySheet,
  };
}

/** The named counties of the records, in order of first appearance. */
function countiesOf(records: readonly SchoolRecord[]): string[] {
  const counties = new Set<string>();
  for (const r of records) if (r.county !== null) counties.add(r.county);
  return [...counties];
}

/** engine → report model, for an input's reading and one version of its records (the input's own, or a scenario's). */
export function reportFrom(input: InputRead, records: readonly SchoolRecord[], options: AnalyseOptions): Report {
  const { schema, profile, dropped, countySheet } = input;
  const droppedIssue = dropped.length
    ? [
        makeIssue(
          'INDICATORS_NOT_PROVIDED',
          { sheet: schema.sheet ?? '', ...(schema.headerRow ? { row: schema.headerRow } : {}) },
          {
            fields: dropped.map((i) => fieldLabel(i.numerator)).join('、'),
            indicators: dropped.map((i) => i.name).join('、'),
            kept: profile.indicators.length,
          },
        ),
      ]
    : [];
  const all = byCounty(records);
  const schoolRows = records.length;
  const county = options.county === undefined ? undefined : chosenCounty(all, options.county, profile);
  const groups = county === undefined ? all : all.filter(([c]) => c === county);
  if (options.detailLimit !== undefined && groups.length <= DETAIL_COUNTY_LIMIT)
    for (const [name, schools] of groups) {
      let sections = 0;
      for (const school of schools) for (const l of TYPE_LEVELS[school.type]) if (l !== 'senior') sections++;
      if (sections > options.detailLimit) throw countyTooLarge(name, schools.length, sections, options.detailLimit);
    }
  const {
    figuresOf,
    claimsOf,
    issues: placing,
  } = countyFigures(
    countySheet,
    groups.map(([c]) => c),
  );
  // Plans and influence are shown in detailed reports only (a few counties): a province's are left to --county.
  const planOptions =
    groups.length > DETAIL_COUNTY_LIMIT
      ? null
      : (options.plan ?? (profile.unitCosts ? { unitCosts: profile.unitCosts } : {}));
  const summarise = planOptions === null && options.batchSummaries === true;
  const counties = groups.map(([county, schools], k) => {
    const result = evaluateCounty(county, schools, profile, figuresOf(county), claimsOf(), planOptions);
    options.onProgress?.({ counties: k + 1, of: groups.length });
    if (!summarise) return result;
    // A batch's reports show its counties, not their schools: the records go with the county.
    options.onBatchCounty?.(result);
    groups[k] = [county, []];
    return summariseForBatch(result);
  });
  const issues = [
    ...schema.issues,
    ...droppedIssue,
    ...countySheet.issues,
    ...placing,
    ...counties.flatMap((c) => c.issues),
  ];
  // What the county signed: the school table's, else the county sheet's (填报单位 above a 自评表).
  const signatures = { ...countySheet.signatures, ...schema.signatures };
  return buildReport({
    tool: { name: 'balance-check', version: VERSION },
    profile,
    input: {
      // As the reports name it (and the charts folder is named after it): without control characters.
      file: withoutControls(basename(input.path)),
      format: input.format,
      ...(input.encoding ? { encoding: input.encoding } : {}),
      sheet: schema.sheet,
      ...(schema.sheets.length > 1 ? { sheets: schema.sheets } : {}),
      headerRow: schema.headerRow,
      title: schema.title,
      countySheet: countySheet.sheet,
      ...(countySheet.sheets ? { countySheets: countySheet.sheets } : {}),
      schoolRows,
      ...(options.year ? { year: options.year } : {}),
      ...(county !== undefined ? { county } : {}),
      ...(Object.keys(signatures).length ? { signatures } : {}),
      columns: schema.accounts,
    },
    counties: hasErrors(issues) ? [] : counties,
    issues,
    droppedIndicators: dropped.map((i) => i.name),
    countySheetTitle: countySheet.titleLines,
  });
}

/**
 * The most school sections (a 一贯制 school has two) one county's detailed report is made for: 30 000 take
 * about 0.86 GB to report (xlsx, md and json; issue 27 asks ≤ 1 GB on any input). The largest real
 * county has about a thousand schools; a county this size is a province or city table without its 区县 column.
 */
export const MAX_DETAIL_SECTIONS = 30_000;

function countyTooLarge(county: string | null, schools: number, sections: number, limit: number) {
  const n = (x: number) => x.toLocaleString('en-US');
  return new FatalError('FILE_TOO_LARGE', {
    reason:
      `${county === null ? '表中没有“区县”列，全部' : `区县“${county}”的`} ${n(schools)} 所学校（${n(sections)} 个学段）` +
      `超过一个区县详细报告的上限 ${n(limit)} 个学段（最大的区县也只有一千所左右学校）。` +
      (county === null
        ? '这像是全市或全省的汇总表：请加上“区县”列，每个区县分别计算；只检查数据可用 balance-check validate'
        : '请检查区县一列是否填错；只检查数据可用 balance-check validate'),
  });
}

/** `--county`: the county of the file it names, by full name or without 县 / 区 / 市 / 旗 (the county sheet's matcher). */
function chosenCounty(all: readonly [string | null, SchoolRecord[]][], name: string, profile: Profile): string {
  const counties = all.flatMap(([c]) => (c === null ? [] : [c]));
  const matches = countiesNamed(counties, name, profile.wording.countySheet.countySuffixes);
  // A file without a 区县 column is one county: --county has nothing to choose (the title may still name it).
  const listed =
    counties.length === 0
      ? '无——这个文件没有“区县”列，是一个县的数据，不需要 --county'
      : all.map(([c]) => c ?? '（未填）').join('、');
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new FatalError('COUNTY_NOT_FOUND', { county: name, counties: listed });
  throw new FatalError('COUNTY_AMBIGUOUS', { county: name, matches: matches.join('、'), counties: listed });
}

/** Schools grouped by their 区县 in order of first appearance; one group (null) without that column. */
function byCounty(records: readonly SchoolRecord[]): [string | null, SchoolRecord[]][] {
  const groups = new Map<string | null, SchoolRecord[]>();
  for (const r of records) {
    const list = groups.get(r.county) ?? [];
    list.push(r);
    groups.set(r.county, list);
  }
  return [...groups];
}

export type { CountyResult };
