/** read → schema → engine → report, for one input file. No printing, no exit codes. */
import { withoutControls } from '../common/controls';
import { basename } from 'node:path';
import { evaluateCounty, summariseForBatch, type CountyResult } from '../engine/evaluate';
import { requiredResourceFields, type Profile } from '../engine/profile';
import type { PlanOptions } from '../engine/plan';
import type { SchoolRecord } from '../engine/types';
import { availableIndicators } from '../engine/profiles';
import { FatalError, hasErrors, makeIssue } from '../issues/catalogue';
import { fieldLabel } from '../schema/columns';
import { OoxmlFormatError, readSource, releaseSource, type SourceFile } from '../read/index';
import type { InflateLimits } from '../read/unzip';
import { buildReport, DETAIL_COUNTY_LIMIT, type Report } from '../report/model';
import { countiesNamed } from '../schema/county-names';
import { countyFigures, noCountySheet, readCountySheet } from '../schema/county-sheet/index';
import { parseSchools } from '../schema/index';
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
  /** Progress: rows read so far; counties computed of all. */
  onProgress?: (p: { rows: number } | { counties: number; of: number }) => void;
}

/** Throws UnreadableFileError when the file cannot be read at all. */
export async function analyse(path: string, options: AnalyseOptions): Promise<Report> {
  const source = await readSource(path, options.limits);
  try {
    return analyseSource(path, source, options);
  } catch (e) {
    // The fast reader decodes rows as they are read: one it does not understand sends the whole file to exceljs.
    if (e instanceof OoxmlFormatError && source.fallback) return analyseSource(path, await source.fallback(), options);
    throw e;
  }
}

function analyseSource(path: string, source: SourceFile, options: AnalyseOptions): Report {
  const cvOnly = options.profile.compliance === null;
  const schema = parseSchools(source, {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    requiredResources: cvOnly ? [] : requiredResourceFields(options.profile),
    wording: options.profile.wording,
    ...(options.onProgress ? { onRows: (rows: number) => options.onProgress!({ rows }) } : {}),
  });
  // A CV-only profile (2012) leaves out an indicator whose column is missing, or present but empty in every row.
  const { profile, dropped } = availableIndicators(
    options.profile,
    new Set(schema.columns.map((c) => c.field.id)),
    schema.records,
  );
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
  /** A profile without county items (2012) has nothing to read from a 县级指标 sheet. */
  const all = byCounty(schema.records);
  const schoolRows = schema.records.length;
  // From here on the records are held by their county's group only (freed with it, below).
  schema.records = [];
  const countySheet = profile.countyInputs.length
    ? readCountySheet(source, profile, {
        schoolSheets: schema.sheets,
        counties: all.flatMap(([c]) => (c === null ? [] : [c])),
      })
    : noCountySheet();
  releaseSource(source);
  const county = options.county === undefined ? undefined : chosenCounty(all, options.county, profile);
  const groups = county === undefined ? all : all.filter(([c]) => c === county);
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
      file: withoutControls(basename(path)),
      format: source.format,
      ...(source.encoding ? { encoding: source.encoding } : {}),
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

/** `--county`: the county of the file it names, by full name or without 县 / 区 / 市 / 旗 (the county sheet's matcher). */
function chosenCounty(all: readonly [string | null, SchoolRecord[]][], name: string, profile: Profile): string {
  const counties = all.flatMap(([c]) => (c === null ? [] : [c]));
  const matches = countiesNamed(counties, name, profile.wording.countySheet.countySuffixes);
  const listed = all.length ? all.map(([c]) => c ?? '（未填）').join('、') : '（无）';
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
