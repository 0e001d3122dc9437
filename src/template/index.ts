/**
 * `balance-check template`: a blank input workbook users fill in. The school sheet has every
 * column of input.md with its unit, a note on each header, dropdowns and number checks; the
 * 县级指标 sheet lists every county figure the profile's checklist reads. Filled in, it reads
 * with no warnings. Written with exceljs (comments and data validation), loaded only here.
 */
import { createRequire } from 'node:module';
import type * as ExcelJSModule from 'exceljs';
import { DIMENSIONS } from '../engine/checklist';
import { itemInputs, type CountyInput } from '../engine/checklist-rules';
import { conditionStandard } from '../engine/checklist-text';
import type { Profile } from '../engine/profile';
import { DIMENSION_LABEL } from '../render/prose';
import { SCHOOL_TYPES } from '../engine/types';
import { splitWeightsText } from '../render/format';
import { wrappedLines } from '../render/spreadsheet/table';
import { FIELD_BY_ID, FIELD_NOTES, type FieldKind } from '../schema/columns';
import { maxOf } from '../common/lookup';

/** The template's school columns, in order, with the unit written in the header. */
export const TEMPLATE_COLUMNS: readonly { id: string; unit?: string }[] = [
  { id: 'code' },
  { id: 'name' },
  { id: 'county' },
  { id: 'group' },
  { id: 'type' },
  { id: 'ownership' },
  { id: 'urbanRural' },
  { id: 'parent' },
  { id: 'studentsPrimary', unit: '人' },
  { id: 'studentsJunior', unit: '人' },
  { id: 'studentsSenior', unit: '人' },
  { id: 'teachers', unit: '人' },
  { id: 'qualifiedTeachers', unit: '人' },
  { id: 'backboneTeachers', unit: '人' },
  { id: 'peTeachers', unit: '人' },
  { id: 'musicTeachers', unit: '人' },
  { id: 'artTeachers', unit: '人' },
  { id: 'teachingSpace', unit: '平方米' },
  { id: 'sportsSpace', unit: '平方米' },
  { id: 'equipmentValue', unit: '万元' },
  { id: 'multimediaRooms', unit: '间' },
  { id: 'classes', unit: '个' },
  { id: 'oversizeClasses', unit: '个' },
  { id: 'maxClassSize', unit: '人' },
  { id: 'musicRooms', unit: '间' },
  { id: 'musicRoomsUpToStandard', unit: '间' },
  { id: 'artRooms', unit: '间' },
  { id: 'artRoomsUpToStandard', unit: '间' },
  { id: 'computers', unit: '台' },
  { id: 'books', unit: '册' },
  { id: 'midTitleTeachers', unit: '人' },
];

const LISTS: Record<string, readonly string[]> = {
  type: SCHOOL_TYPES,
  ownership: ['公办', '民办'],
  urbanRural: ['城区', '镇区', '乡村'],
};

/** Rows the dropdowns and number checks cover. */
const ROWS = 1000;

export const templateHeader = (c: { id: string; unit?: string }) =>
  `${FIELD_BY_ID.get(c.id)!.label}${c.unit ? `（${c.unit}）` : ''}`;

/** Header notes that quote a rule value take it from the profile, so a province's template says its own rules. */
function notesFor(profile: Profile): Record<string, string> {
  const { rooms, maxClassSize } = profile.schoolItems;
  return {
    ...FIELD_NOTES,
    oversizeClasses: `小学超过${maxClassSize.primary}人、初中超过${maxClassSize.junior}人的班级数`,
    musicRoomsUpToStandard: `其中面积不小于${rooms.musicMinArea}平方米的音乐专用教室间数`,
    artRoomsUpToStandard: `其中面积不小于${rooms.artMinArea}平方米的美术专用教室间数`,
    classes: `教学班总数（每${rooms.classesPerRoom}个班需音乐、美术专用教室各1间）`,
    studentsSenior: `${FIELD_NOTES.studentsSenior}（小学生 : 初中生 : 高中生 = ${splitWeightsText(profile)}）`,
  };
}

export async function renderTemplate(profile: Profile): Promise<Buffer> {
  const notes = notesFor(profile);
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'balance-check';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;

  const ws = wb.addWorksheet('学校数据', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const header = ws.addRow(TEMPLATE_COLUMNS.map(templateHeader));
  header.height = 36;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const field = FIELD_BY_ID.get(c.id)!;
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.note = notes[c.id] ?? '';
    ws.getColumn(i + 1).width = Math.max(10, Math.min(22, templateHeader(c).length * 1.6));
    const range = `${ws.getColumn(i + 1).letter}2:${ws.getColumn(i + 1).letter}${ROWS}`;
    const list = LISTS[c.id];
    if (list)
      validations(ws).add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从列表选择',
        error: `可选：${list.join('、')}`,
      });
    else if (field.kind !== 'text') validations(ws).add(range, numberRule(field.kind));
    if (c.id === 'code') ws.getColumn(i + 1).numFmt = '@';
  });
  ws.getColumn(2).width = 24;

  countySheet(wb.addWorksheet('县级指标', { views: [{ state: 'frozen', ySplit: 2 }] }), profile);

  const help = wb.addWorksheet('填表说明');
  for (const line of [
    '1. 每所学校一行；表头不要改动，单位以表头括号内为准。鼠标停在表头上可看每列的填写口径。',
    `2. 九年一贯制、十二年一贯制学校和完全中学分学段填写在校生数；教师、校舍、设备填全校数，系统按学生数和 ${splitWeightsText(profile)} 的权重拆分。`,
    '3. 比例可填 96.5% 或 0.965；“是/否”项从下拉列表选择。',
    '4. 县级指标（自评表）：在“实际情况”列填写。有分项的指标，可直接填比例，也可只填计算所需的人数（如巩固率填初中毕业生数、三年前在校生数、转入、转出、死亡）；“是否达标”填本县自评结论，系统将与测算结果核对，不一致处在报告中单列。',
    '5. 填好后运行：balance-check 本文件.xlsx',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The 县级指标 sheet as the published 自评表: 序号 | 评估内容 (the official text) | 评估标准 | 实际情况 |
 * 是否达标 | 说明, a row per dimension, a row per item, and under an item that reads several figures a
 * numbered row for each (the ratio itself or the raw counts behind it).
 */
function countySheet(sheet: ExcelJsSheet, profile: Profile) {
  const widths = [7, 46, 28, 16, 10, 44];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // Printed as counties hand the form in: A4 landscape, one page wide, the heading on every page.
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '2:2',
  };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  /** A bordered row, text wrapped at the top, tall enough for its longest cell. */
  const addRow = (values: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(values);
    for (let c = 1; c <= widths.length; c++) {
      const cell = row.getCell(c);
      cell.border = border;
      cell.alignment = {
        wrapText: true,
        vertical: 'top',
        ...(c === 1 || c === 5 ? { horizontal: 'center' as const } : {}),
      };
      if (bold) cell.font = { bold: true };
    }
    const lines = maxOf(
      values.map((v, i) => (v === null ? 1 : wrappedLines(String(v), widths[i]!))),
      1,
    );
    if (lines > 1) row.height = 15 * lines + 3;
    return row;
  };
  const title = sheet.addRow(['县域义务教育优质均衡发展自评表（县级指标）']);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 6);
  addRow(['序号', '评估内容', '评估标准', '实际情况', '是否达标', '说明'], true);
  const inputs = new Map(profile.countyInputs.map((i) => [i.id, i]));
  const valueCell = (row: ExcelJSModule.Row, input: CountyInput) => {
    const value = row.getCell(4);
    if (input.unit === 'yesno')
      validations(sheet).add(value.address, {
        type: 'list',
        allowBlank: true,
        formulae: ['"是,否"'],
        showErrorMessage: true,
        error: '请填“是”或“否”',
      });
    if (input.unit === 'percent') value.numFmt = '0.00%';
  };
  const chinese = ['一', '二', '三', '四'];
  DIMENSIONS.filter((d) => d !== 'resources' && profile.checklist.some((c) => c.dimension === d)).forEach((d, k) => {
    const dim = addRow([`${chinese[k]}、${DIMENSION_LABEL[d]}`, null, null, null, null, null], true);
    sheet.mergeCells(dim.number, 1, dim.number, 6);
    dim.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
    for (const item of profile.checklist.filter((c) => c.dimension === d)) {
      const own = itemInputs(item)
        .all.map((id) => inputs.get(id))
        .filter((i): i is CountyInput => i !== undefined);
      const standard = item.school
        ? '由“学校数据”表逐校计算'
        : item.conditions.length === 1
          ? conditionStandard(item.conditions[0]!)
          : item.conditions.map((c) => `${c.label} ${conditionStandard(c)}`).join('；');
      const row = addRow([
        item.number,
        item.name,
        standard,
        item.school ? '（由学校数据计算，可不填）' : null,
        null,
        own.length === 1 ? own[0]!.note : '',
      ]);
      validations(sheet).add(row.getCell(5).address, {
        type: 'list',
        allowBlank: true,
        formulae: ['"达标,未达标"'],
        showErrorMessage: true,
        error: '请填“达标”或“未达标”',
      });
      if (own.length === 1) valueCell(row, own[0]!);
      if (own.length > 1)
        own.forEach((input, i) =>
          valueCell(addRow([`（${i + 1}）`, input.names[0]!, null, null, null, input.note]), input),
        );
    }
  });
}

type ExcelJsSheet = ExcelJSModule.Worksheet;
type Validation = ExcelJSModule.DataValidation;
/** exceljs has worksheet.dataValidations (range addresses) but its type definitions omit it. */
export const validations = (ws: ExcelJsSheet) =>
  (ws as unknown as { dataValidations: { add(address: string, v: Validation): void } }).dataValidations;

function numberRule(kind: FieldKind): Validation {
  const whole = kind === 'count';
  return {
    type: whole ? ('whole' as const) : ('decimal' as const),
    operator: 'greaterThanOrEqual' as const,
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: '数值有误',
    error: whole ? '请填不小于0的整数' : '请填不小于0的数',
  };
}
