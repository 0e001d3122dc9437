/** 学校规模班额与专用教室: guarantee items 3–5 per school. */
import { type CountyReport, type Report } from '../../../report/model';
import { SheetBuilder, type CellInput } from '../sheet';
import { table, type Column } from '../table';
import { NUM, colourStatuses, statusCell } from './common';

export function schoolItemsSheet(report: Report, county: CountyReport, name: string): SheetBuilder {
  const sheet = new SheetBuilder(name);
  sheet.titleColumns = 1; // the school on every page when a long name makes it print two pages wide
  const rule = report.profile.schoolItems;
  const n = (x: number | null | undefined): CellInput => (x === null || x === undefined ? '' : x);
  const int = (header: string, width = 8): Column => ({ header, numFmt: NUM.int, width });
  table(
    sheet,
    `各校规模、班额、音乐美术专用教室（政府保障程度第3–5项；每${rule.rooms.classesPerRoom}个班至少各1间，音乐≥${rule.rooms.musicMinArea}㎡、美术≥${rule.rooms.artMinArea}㎡）`,
    [
      { header: '学校' },
      { header: '类型' },
      int('义务教育\n在校生', 9),
      int('规模\n上限'),
      int('超出\n人数'),
      int('班级数'),
      int('超标班额\n班级数', 9),
      int('最大\n班额'),
      int('需音乐、\n美术教室各', 9),
      int('音乐\n教室'),
      int('其中面积\n达标', 9),
      int('美术\n教室'),
      int('其中面积\n达标', 9),
      { header: '规模', width: 7 },
      { header: '班额', width: 7 },
      { header: '专用\n教室', width: 7 },
    ],
    county.schoolItems.map((s): CellInput[] => [
      s.school.name,
      s.school.type,
      s.size.students,
      Number.isFinite(s.size.max) ? s.size.max : '',
      s.size.over || '',
      n(s.classes),
      n(s.classSize.oversizeClasses),
      n(s.classSize.maxClassSize),
      n(s.rooms.music?.needed),
      n(s.rooms.music?.have),
      n(s.school.items.musicRoomsUpToStandard),
      n(s.rooms.art?.have),
      n(s.school.items.artRoomsUpToStandard),
      statusCell(s.size.status),
      statusCell(s.classSize.status),
      statusCell(s.rooms.status),
    ]),
  );
  const last = sheet.rowCount;
  if (county.schoolItems.length) colourStatuses(sheet, `N3:P${last}`);
  return sheet;
}

// ── 各县汇总 ──
