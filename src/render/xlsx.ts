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
import { SheetBuilder } from './spreadsheet/sheet';
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

export async function renderXlsx(report: Report): Promise<Buffer> {
  const book = new WorkbookWriter();
  const standards = standardsSheet(report.profile);
  book.add(standards.sheet);
  const many = report.counties.length > 1;
  const front: string[] = [];
  const data: string[] = [];
  const links = new Map<string, string>();
  /** Each sheet is written as soon as it is built (see WorkbookWriter); only names and row maps are kept. */
  const write = (sheet: SheetBuilder) => {
    book.add(sheet);
    return sheet.name;
  };
  const province = report.province ? write(provinceSheet(report, report.province)) : null;
  for (const county of report.detail ? report.counties : []) {
    const prefix = many ? `${county.county ?? ''}-` : '';
    const layout = dataLayout(report, county, sheetName(`${prefix}计算数据`), standards);
    data.push(write(dataSheet(report, county, layout)));
    const compliance = complianceSheet(report, county, layout, sheetName(`${prefix}学校达标`));
    const cv = cvSheet(report, county, layout, sheetName(`${prefix}差异系数`));
    const overview = overviewSheet(report, county, sheetName(`${prefix}概览`), compliance, cv);
    const shortfall = shortfallSheet(report, county, layout, compliance, sheetName(`${prefix}缺口测算`));
    const pictures = chartSheets(report, county, sheetName(`${prefix}图表数据`), sheetName(`${prefix}图表`));
    front.push(
      write(overview),
      write(compliance.sheet),
      write(cv.sheet),
      write(pictures.charts),
      write(shortfall),
      ...(county.levels.some((l) => l.actions)
        ? [
            write(planSheet(report, county, sheetName(`${prefix}整改测算`))),
            write(planDetailSheet(county, sheetName(`${prefix}整改明细`))),
            write(influenceSheet(report, county, sheetName(`${prefix}影响分析`))),
          ]
        : []),
      write(guaranteeSheet(county, sheetName(`${prefix}政府保障与教育质量`))),
      write(schoolItemsSheet(report, county, sheetName(`${prefix}学校规模班额与专用教室`))),
      ...(county.groups.length || county.urbanRural.length ? [write(groupsSheet(report, county, sheetName(`${prefix}学区与城乡`)))] : []),
    );
    data.push(write(pictures.data));
    for (const [key, target] of layout.issueLinks) links.set(key, target);
  }
  const issues = write(issuesSheet(report, links));
  return book.toBuffer([...(province ? [province] : []), ...front, issues, ...data, standards.sheet.name]);
}
