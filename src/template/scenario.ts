/**
 * `balance-check template --scenario`: a blank 布局调整方案 workbook. 调整方案 (one change a row, with
 * dropdowns for 操作 and 学段 and a list of the school table's fields for 项目), 新建学校 (the school
 * table's columns, for 新建学校 rows) and 填写说明 (what each operation does). Written with exceljs.
 */
import { createRequire } from 'node:module';
import type * as ExcelJSModule from 'exceljs';
import { OPERATION_MEANINGS } from '../report/scenario';
import { FIELD_BY_ID } from '../schema/columns';
import { OPERATIONS, PLAN_COLUMNS } from '../scenario/types';
import { TEMPLATE_COLUMNS, templateHeader, validations } from './index';

const ROWS = 500;

/** What a 项目 may name: the school table's amounts (the parts of summed columns too), as the template heads them. */
const AMOUNT_ITEMS = TEMPLATE_COLUMNS.filter((c) => FIELD_BY_ID.get(c.id)!.kind !== 'text').map(templateHeader);

const NOTES: Record<(typeof PLAN_COLUMNS)[number], string> = {
  方案: '方案名称；同名的行属于同一方案，各方案都从现状出发、互不影响（空白为“方案一”）',
  操作: `${OPERATIONS.join('、')}`,
  学校: '按学校数据表中的名称填写（写出能唯一确定学校的开头部分也可）',
  目标学校:
    '撤并、合并、划转学生、调配：学生或资源去往的学校（合并可写“B→新名称”）；调整学区：新的学区；调整类型：新的学校类型',
  学段: '划转学生必填：小学或初中；一贯制学校按学段分别填报的项目也需填写',
  项目: '调配、新增：学校数据表的列名，如 体育运动场馆面积、高于规定学历教师数、教学仪器设备资产值（万元）、班级数',
  数量: '按项目本身的单位（人、平方米、元或表头括号中的单位、间）；新增可写负数表示减少',
  说明: '自由填写，写入报告',
};

/** `rows`: change rows to start from (plan --as-scenario writes the least-cost plan's). */
export async function renderScenarioTemplate(rows: readonly (string | number | null)[][] = []): Promise<Buffer> {
  const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'balance-check';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;

  const plan = wb.addWorksheet('调整方案', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = plan.addRow([...PLAN_COLUMNS]);
  header.height = 24;
  const widths = [16, 12, 22, 24, 8, 30, 10, 40];
  PLAN_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.note = NOTES[c];
    plan.getColumn(i + 1).width = widths[i]!;
  });
  /** A dropdown; `strict`: nothing else may be typed (操作, 学段), else a suggestion list (项目: 小学部…, other wordings read too). */
  const list = (col: string, formula: string, error: string, strict = true) =>
    validations(plan).add(`${col}2:${col}${ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: strict,
      errorTitle: '请从列表选择',
      error,
    });
  list('B', `"${OPERATIONS.join(',')}"`, `可选：${OPERATIONS.join('、')}`);
  list('E', '"小学,初中"', '可选：小学、初中');
  validations(plan).add(`G2:G${ROWS}`, {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [-1e12, 1e12],
    showErrorMessage: true,
    errorTitle: '数值有误',
    error: '请填数字（减少时填负数）',
  });

  for (const r of rows) plan.addRow([...r]);

  const built = wb.addWorksheet('新建学校', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const bh = built.addRow(TEMPLATE_COLUMNS.map(templateHeader));
  bh.height = 36;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = bh.getCell(i + 1);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    built.getColumn(i + 1).width = Math.max(10, Math.min(22, templateHeader(c).length * 1.6));
  });
  built.getColumn(2).width = 24;

  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  help.getColumn(3).width = 34;
  const lines = [
    '布局调整方案 填写说明（balance-check scenario 学校数据.xlsx 本文件.xlsx）',
    '1. “调整方案”表每行一项调整；“方案”列相同的行构成一个方案，按行的先后顺序执行；每个方案都从现状（学校数据）出发，方案之间互不影响。',
    '2. 报告并列给出现状和各方案的各项差异系数及是否达标、达标学校数、政府保障程度第3–5项、学区和城乡差距、资源配置结论，以及每一行调整的作用（去掉该行后的差异系数）。',
    '3. 新建学校：在“新建学校”表填写新学校的各列数据（与学校数据表相同），再在“调整方案”表加一行“新建学校”，“学校”列写它的名称。',
    `4. “项目”可填写学校数据表的任一数量列，右侧列出了模板中的列名；单位以括号中为准（如“教学仪器设备资产值（万元）”按万元）。`,
    '5. 出错时（学校或项目找不到、转出多于现有、学生转入目标学校没有的学段、同一学校撤并两次等），会指出“调整方案”表中的单元格，不生成报告。',
    '',
    '各项操作的含义：',
    ...Object.values(OPERATION_MEANINGS),
  ];
  lines.forEach((line, i) => {
    const row = help.getRow(i + 1);
    row.getCell(1).value = line;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) row.getCell(1).font = { bold: true, size: 13 };
  });
  help.getCell('C1').value = '项目可填写的列名';
  help.getCell('C1').font = { bold: true };
  AMOUNT_ITEMS.forEach((item, i) => (help.getCell(`C${i + 2}`).value = item));
  list('F', `填写说明!$C$2:$C$${AMOUNT_ITEMS.length + 1}`, '请填写学校数据表的列名（见“填写说明”表）', false);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
