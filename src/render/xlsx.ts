/**
 * The Excel report inspectors audit. 计算数据 holds one row per school section with its
 * students and (split) amounts; the indicator values, met / not met, compliance, shortfalls
 * and the county CVs are live formulas over it and over 标准 (the profile's standards), so
 * an inspector can click any number in Excel, WPS or LibreOffice, and editing a standard
 * recomputes the workbook. Every formula carries the engine's result as its cached value.
 */
import type { Report } from '../report/model';
import { WorkbookWriter } from './spreadsheet/book';
import { influenceSheet, planDetailSheet, planSheet } from './spreadsheet/sheets/actions';
import { chartSheets } from './spreadsheet/sheets/charts';
import { type SheetBuilder } from './spreadsheet/sheet';
import { sheetName } from './spreadsheet/sheets/common';
import { standardsSheet } from './spreadsheet/sheets/standards';
import { dataLayout, dataSheet } from './spreadsheet/sheets/data';
import { complianceSheet } from './spreadsheet/sheets/compliance';
import { cvSheet } from './spreadsheet/sheets/cv';
import { shortfallSheet } from './spreadsheet/sheets/shortfall';
import { guaranteeSheet } from './spreadsheet/sheets/guarantee';
import { schoolItemsSheet } from './spreadsheet/sheets/school-items';
import { provinceSheet } from './spreadsheet/sheets/province';
import { groupsSheet } from './spreadsheet/sheets/groups';
import { overviewSheet } from './spreadsheet/sheets/overview';
import { issuesSheet } from './spreadsheet/sheets/issues';
import { coverSheet } from './spreadsheet/sheets/cover';
import { countyExhibits, type Exhibit, type ExhibitKey } from './exhibits';

export async function renderXlsx(report: Report): Promise<Buffer> {
  const book = new WorkbookWriter();
  const standards = standardsSheet(report.profile);
  const many = report.counties.length > 1;
  const single = report.detail && !many ? report.counties[0]! : null;
  const exhibits = single ? countyExhibits(report, single) : new Map<ExhibitKey, Exhibit>();
  const placed = new Map<ExhibitKey, string>();
  const front: string[] = [];
  const data: string[] = [];
  const links = new Map<string, string>();
  /**
   * Each sheet is written as soon as it is built (see WorkbookWriter), one at a time and in this order (shared
   * strings and styles are numbered as written); only names and row maps are kept. A numbered table's title
   * starts with 附表N.
   */
  const write = async (sheet: SheetBuilder, key?: ExhibitKey) => {
    const e = key ? exhibits.get(key) : undefined;
    const title = sheet.rows[0]?.cells[0];
    if (e && title && typeof title.v === 'string') {
      title.v = `附表${e.no}　${title.v}`;
      placed.set(e.key, sheet.name);
    }
    await book.add(sheet);
    return sheet.name;
  };
  await write(standards.sheet, 'standards');
  const province = report.province ? await write(provinceSheet(report, report.province)) : null;
  for (const county of report.detail ? report.counties : []) {
    const prefix = many ? `${county.county ?? ''}-` : '';
    const layout = dataLayout(report, county, sheetName(`${prefix}计算数据`), standards);
    data.push(await write(dataSheet(report, county, layout), 'data'));
    const compliance = complianceSheet(report, county, layout, sheetName(`${prefix}学校达标`));
    const cv = cvSheet(report, county, layout, sheetName(`${prefix}差异系数`));
    const overview = overviewSheet(report, county, sheetName(`${prefix}概览`), compliance, cv);
    // The 图表数据 sheet is built when it is written (a county of 20 000 schools: 140 000 rows).
    const pictures = chartSheets(report, county, sheetName(`${prefix}图表数据`), sheetName(`${prefix}图表`));
    // The 2012 method has no per-school standards: no 学校达标 or 缺口测算 sheet.
    const perSchool = report.profile.compliance !== null && report.profile.compliance !== undefined;
    front.push(await write(overview), await write(cv.sheet, 'cv'));
    if (perSchool)
      front.push(
        await write(compliance.sheet, 'compliance'),
        await write(shortfallSheet(report, county, layout, compliance, sheetName(`${prefix}缺口测算`)), 'shortfall'),
      );
    front.push(
      await write(guaranteeSheet(county, sheetName(`${prefix}政府保障与教育质量`)), 'checklist'),
      await write(schoolItemsSheet(report, county, sheetName(`${prefix}学校规模班额与专用教室`)), 'schoolItems'),
    );
    if (county.groups.length || county.urbanRural.length)
      front.push(await write(groupsSheet(report, county, sheetName(`${prefix}学区与城乡`)), 'groups'));
    if (county.levels.some((l) => l.actions))
      front.push(
        await write(influenceSheet(report, county, sheetName(`${prefix}影响分析`)), 'influence'),
        await write(planSheet(report, county, sheetName(`${prefix}整改测算`)), 'plan'),
        await write(planDetailSheet(county, sheetName(`${prefix}整改明细`)), 'planDetail'),
      );
    front.push(await write(pictures.charts, 'charts'));
    data.push(await write(pictures.data(), 'chartData'));
    for (const [key, target] of layout.issueLinks) links.set(key, target);
  }
  const issues = await write(issuesSheet(report, links), 'issues');
  const cover = single
    ? await write(
        coverSheet(
          report,
          single,
          '封面',
          [...exhibits.values()].map((e) => ({ ...e, sheet: placed.get(e.key) ?? null })),
        ),
      )
    : null;
  return book.toBuffer([
    ...(cover ? [cover] : []),
    ...(province ? [province] : []),
    ...front,
    issues,
    ...data,
    standards.sheet.name,
  ]);
}
