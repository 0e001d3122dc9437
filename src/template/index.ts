/**
 * `balance-check template`: a blank input workbook users fill in. The school sheet has every
 * column of input.md with its unit, a note on each header, dropdowns and number checks; the
 * 县级指标 sheet lists every county figure the profile's checklist reads. Filled in, it reads
 * with no warnings. Written with exceljs (comments and data validation), loaded only here.
 */
import { createRequire } from 'node:module';
import type { Profile } from '../engine/profile';
import { SCHOOL_TYPES } from '../engine/types';
import { splitWeightsText } from '../render/format';
import { FIELD_BY_ID, FIELD_NOTES, type FieldKind } from '../schema/columns';

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

export const templateHeader = (c: { id: string; unit?: string }) => `${FIELD_BY_ID.get(c.id)!.headers[0]}${c.unit ? `（${c.unit}）` : ''}`;

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
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
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

  const county = wb.addWorksheet('县级指标', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = county.addRow(['指标', '数值', '说明']);
  head.font = { bold: true };
  for (const input of profile.countyInputs) {
    const row = county.addRow([input.names[0], null, input.note]);
    const value = row.getCell(2);
    if (input.unit === 'yesno')
      validations(county).add(value.address, { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, error: '请填“是”或“否”' });
    if (input.unit === 'percent') value.numFmt = '0.00%';
  }
  county.getColumn(1).width = 40;
  county.getColumn(2).width = 14;
  county.getColumn(3).width = 70;

  const help = wb.addWorksheet('填表说明');
  for (const line of [
    '1. 每所学校一行；表头不要改动，单位以表头括号内为准。鼠标停在表头上可看每列的填写口径。',
    `2. 九年一贯制、十二年一贯制学校和完全中学分学段填写在校生数；教师、校舍、设备填全校数，系统按学生数和 ${splitWeightsText(profile)} 的权重拆分。`,
    '3. 比例可填 96.5% 或 0.965；“是/否”项从下拉列表选择。',
    '4. 县级指标：比例可直接填写，也可只填计算所需的人数（如巩固率填初中毕业生数、三年前在校生数、转入、转出、死亡）。',
    '5. 填好后运行：balance-check 本文件.xlsx',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ExcelJsSheet = import('exceljs').Worksheet;
type Validation = import('exceljs').DataValidation;
/** exceljs has worksheet.dataValidations (range addresses) but its type definitions omit it. */
const validations = (ws: ExcelJsSheet) => (ws as unknown as { dataValidations: { add(address: string, v: Validation): void } }).dataValidations;

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
