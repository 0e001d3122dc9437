// Takes: the plan file as the reader gives it (sheets of positioned cells) and the profile's wording of the school table.
// Gives: the alternatives and their change rows, the schools of the 新建学校 sheet, and the plan's issues at their cells.
import type { Wording } from '../engine/checklist-rules';
import type { Level, ResourceField } from '../engine/types';
import { makeIssue, type Issue } from '../issues/catalogue';
import { a1, mergeMaster, type CellValue, type Sheet, type SourceFile } from '../read/types';
import { parseSchools } from '../schema/index';
import { normaliseText } from '../schema/text';
import { cellText, parseNumber } from '../schema/values';
import {
  DEFAULT_ALTERNATIVE,
  NEW_SCHOOL_SHEET,
  OPERATIONS,
  PLAN_COLUMNS,
  PLAN_SHEET,
  type Alternative,
  type Change,
  type Operation,
  type PlanColumn,
  type ScenarioPlan,
} from './types';

/** Other words a county may head a plan column with (normalised as header text is). */
const COLUMN_WORDS: Record<PlanColumn, readonly string[]> = {
  方案: ['方案', '方案名称', '方案名', '备选方案'],
  操作: ['操作', '操作类型', '调整方式', '调整类型（操作）'],
  学校: ['学校', '学校名称', '调整学校', '对象学校'],
  目标学校: ['目标学校', '目标', '调入学校', '并入学校', '目标学校/学区/类型'],
  学段: ['学段'],
  项目: ['项目', '调整项目', '字段'],
  数量: ['数量', '数值', '调整数量'],
  说明: ['说明', '备注'],
};
const HEADER_OF = new Map(
  Object.entries(COLUMN_WORDS).flatMap(([column, words]) => words.map((w) => [normaliseText(w), column as PlanColumn])),
);

const LEVEL_WORDS: Record<string, Level> = { 小学: 'primary', 小学部: 'primary', 初中: 'junior', 初中部: 'junior' };

/** Which cells each operation needs beside 学校 (目标学校 names where things go; 数量 how much). */
const NEEDS: Record<Operation, readonly PlanColumn[]> = {
  撤并: ['目标学校'],
  合并: ['目标学校'],
  划转学生: ['目标学校', '学段', '数量'],
  调配: ['目标学校', '项目', '数量'],
  新增: ['项目', '数量'],
  新建学校: [],
  调整学区: ['目标学校'],
  调整类型: ['目标学校'],
};
const WHAT: Record<PlanColumn, string> = {
  方案: '方案名称',
  操作: '操作',
  学校: '学校',
  目标学校: '目标学校（并入的学校，或新的学区、学校类型）',
  学段: '学段（小学或初中）',
  项目: '项目（学校数据表的列名，如 体育运动场馆面积）',
  数量: '数量',
  说明: '说明',
};

/** The rows looked at for the header. */
const HEADER_ROWS = 20;

export interface PlanRead {
  plan: ScenarioPlan | null;
  issues: Issue[];
}

export function readPlan(
  source: SourceFile,
  wording: Pick<Wording, 'schoolHeaders' | 'schoolColumns' | 'perStudentWords' | 'schoolRows' | 'schoolValues'>,
  /** The resource columns the profile needs: a new school must have them as a row of the school table must. */
  requiredResources: readonly ResourceField[],
): PlanRead {
  const found = findPlanSheet(source.sheets);
  if (!found)
    return {
      plan: null,
      issues: [
        makeIssue(
          'SCENARIO_PLAN_NOT_FOUND',
          {},
          { hint: `（文件中的工作表：${source.sheets.map((s) => s.name).join('、') || '无'}）` },
        ),
      ],
    };
  const { sheet, headerRow, columns } = found;
  const issues: Issue[] = [];
  const alternatives: Alternative[] = [];
  const csv = source.format === 'csv';
  for (let r = headerRow + 1; r < sheet.rowCount; r++) {
    const cells = sheet.row(r);
    const at = (c: PlanColumn): { cell: CellValue | undefined; ref: string } | null => {
      const col = columns.get(c);
      if (col === undefined) return null;
      // A 方案 merged down over its rows is written in the first of them only.
      const master = c === '方案' ? mergeMaster(sheet, r, col) : undefined;
      return {
        cell: master ? sheet.row(master[0])[master[1]] : cells[col],
        ref: a1(r, col),
      };
    };
    const text = (c: PlanColumn) => {
      const v = at(c)?.cell;
      const t = v === undefined ? undefined : cellText(v)?.trim();
      return t ? t : undefined;
    };
    if (PLAN_COLUMNS.every((c) => text(c) === undefined && at(c)?.cell?.kind !== 'number')) continue;
    const refs = Object.fromEntries(PLAN_COLUMNS.flatMap((c) => (columns.has(c) ? [[c, at(c)!.ref]] : [])));
    const pos = (c: PlanColumn) => ({ sheet: sheet.name, row: r + 1, cell: refs[c] ?? a1(r, 0), column: c });
    const opText = text('操作');
    const operation = OPERATIONS.find((o) => normaliseText(o) === normaliseText(opText ?? ''));
    const school = text('学校');
    if (!opText) {
      issues.push(makeIssue('SCENARIO_MISSING_VALUE', pos('操作'), { operation: '本行', what: WHAT.操作 }));
      continue;
    }
    if (!operation) {
      issues.push(
        makeIssue('SCENARIO_UNKNOWN_OPERATION', pos('操作'), { text: opText, allowed: OPERATIONS.join('、') }),
      );
      continue;
    }
    let ok = true;
    if (!school) {
      issues.push(makeIssue('SCENARIO_MISSING_VALUE', pos('学校'), { operation, what: WHAT.学校 }));
      ok = false;
    }
    for (const c of NEEDS[operation])
      if (text(c) === undefined && at(c)?.cell?.kind !== 'number') {
        issues.push(makeIssue('SCENARIO_MISSING_VALUE', pos(c), { operation, what: WHAT[c] }));
        ok = false;
      }
    const levelText = text('学段');
    const level = levelText === undefined ? null : (LEVEL_WORDS[normaliseText(levelText)] ?? undefined);
    if (level === undefined) {
      issues.push(makeIssue('SCENARIO_BAD_VALUE', pos('学段'), { text: levelText!, why: '不是学段：应为小学或初中' }));
      ok = false;
    }
    let amount: number | null = null;
    const amountCell = at('数量')?.cell;
    if (amountCell !== undefined) {
      const n = parseNumber(amountCell, csv);
      if (!n.ok || n.value === undefined || !Number.isFinite(n.value)) {
        if (n.ok && n.value === undefined) {
          if (NEEDS[operation].includes('数量')) ok = false;
        } else {
          issues.push(
            makeIssue('SCENARIO_BAD_VALUE', pos('数量'), {
              text: cellText(amountCell) ?? '',
              why: '不是数字：数量按项目本身的单位填写（人、平方米、元、间），减少时写负数',
            }),
          );
          ok = false;
        }
      } else {
        amount = n.value;
        if ((operation === '划转学生' || operation === '调配') && !(amount > 0)) {
          issues.push(
            makeIssue('SCENARIO_BAD_VALUE', pos('数量'), {
              text: String(amount),
              why: `不能作为${operation}的数量：应大于 0（方向由“学校”到“目标学校”）`,
            }),
          );
          ok = false;
        }
      }
    }
    if (!ok) continue;
    const name = text('方案') ?? DEFAULT_ALTERNATIVE;
    let alternative = alternatives.find((a) => a.name === name);
    if (!alternative) alternatives.push((alternative = { name, changes: [] }));
    const change: Change = {
      sheet: sheet.name,
      row: r + 1,
      operation,
      school: school!,
      target:
        text('目标学校') ?? (at('目标学校')?.cell?.kind === 'number' ? String(cellNumber(at('目标学校')!.cell)) : null),
      level: level ?? null,
      item: text('项目') ?? null,
      amount,
      note: text('说明') ?? '',
      cells: refs,
    };
    alternative.changes.push(change);
  }
  if (alternatives.length === 0 && issues.length === 0)
    issues.push(makeIssue('SCENARIO_EMPTY_PLAN', { sheet: sheet.name, row: headerRow + 1 }));
  const built = newSchools(source, wording, requiredResources);
  return {
    plan: { sheet: sheet.name, alternatives, newSchools: built.records },
    issues: [...issues, ...built.issues],
  };
}

const cellNumber = (cell: CellValue | undefined) => (cell?.kind === 'number' ? cell.value : NaN);

/** The 调整方案 sheet (or, in a CSV or a one-sheet workbook, the only sheet) and its header: the first row naming 操作 and 学校. */
function findPlanSheet(sheets: readonly Sheet[]) {
  const named = sheets.filter((s) => normaliseText(s.name).includes(PLAN_SHEET));
  const candidates = named.length ? named : sheets.filter((s) => normaliseText(s.name) !== NEW_SCHOOL_SHEET);
  for (const sheet of candidates)
    for (let r = 0; r < Math.min(HEADER_ROWS, sheet.rowCount); r++) {
      const columns = new Map<PlanColumn, number>();
      sheet.row(r).forEach((cell, c) => {
        const t = cell === undefined ? undefined : cellText(cell);
        if (t === undefined) return;
        const norm = normaliseText(t).replace(/\(.*\)$/, '');
        const column = HEADER_OF.get(norm) ?? HEADER_OF.get(normaliseText(t));
        if (column && !columns.has(column)) columns.set(column, c);
      });
      if (columns.has('操作') && columns.has('学校')) return { sheet, headerRow: r, columns };
    }
  return null;
}

/** The schools of the 新建学校 sheet, read as the school table is (its header words, units and checks). */
function newSchools(
  source: SourceFile,
  wording: Parameters<typeof readPlan>[1],
  requiredResources: readonly ResourceField[],
) {
  const sheet = source.sheets.find((s) => normaliseText(s.name) === NEW_SCHOOL_SHEET);
  if (!sheet) return { records: [], issues: [] };
  const result = parseSchools({ ...source, sheets: [sheet] }, { sheet: sheet.name, requiredResources, wording });
  // A blank 新建学校 sheet (as the template has it) builds nothing: no error for it.
  return {
    records: result.records,
    issues: result.issues.filter((i) => i.severity !== 'info' && i.code !== 'NO_SCHOOLS'),
  };
}
