/**
 * The catalogue of data issues. Every problem balance-check reports has a stable
 * code (scripts and CI match on it), a severity, and a Chinese template filled
 * with named parameters. Positions (sheet, cell, school, column) travel with the
 * issue so every renderer can point the user at the exact cell.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface IssueDef {
  severity: Severity;
  /** Chinese message; `{name}` is replaced by the parameter of that name. */
  template: string;
  /** What the code means, for the README and `--help`. */
  description: string;
  /** Part of the file may have been misread: `validate --strict` refuses it. */
  misread?: boolean;
}

export const CATALOGUE = {
  // ── errors: the data cannot be computed honestly until they are fixed ──
  HEADER_NOT_FOUND: {
    severity: 'error',
    template: '找不到学校数据表头：需要一行同时包含“学校名称”“学校类型”及在校生、资源配置等列{hint}',
    description: 'No sheet has a header row with the school name, type and indicator columns.',
  },
  HEADER_ROW_MISREAD: {
    severity: 'error',
    template:
      '此行看起来是表头的一部分（{texts}），未能与上一行合成表头，未作为学校读取；请把表头写成一行（如“小学在校生数”“初中在校生数”），或上下两行用合并单元格',
    description:
      'The row below the header holds words where numbers belong: a second header row that was not recognised.',
  },
  MISSING_COLUMN: {
    severity: 'error',
    template: '缺少必需的列“{field}”{hint}',
    description: 'A column the profile needs is not in the header.',
  },
  MERGED_NUMBER: {
    severity: 'error',
    template: '此格与上方 {master} 合并为一格，数值只写在 {master}：合并的数值分不到各校，请在每所学校的行中分别填写',
    description:
      "A number cell merged down over several schools' rows: the value stands in the first row only and cannot be shared out.",
  },
  UNKNOWN_UNIT: {
    severity: 'error',
    template: '无法识别的单位“{unit}”（此列可用单位：{allowed}）',
    description: 'A unit in header brackets that balance-check cannot convert.',
  },
  NO_SCHOOLS: {
    severity: 'error',
    template: '表头下没有任何学校数据行',
    description: 'The header was found but no school rows follow it.',
  },
  MISSING_VALUE: {
    severity: 'error',
    template: '此项为空，无法计算{hint}',
    description: 'A value the calculation needs is blank.',
  },
  UNIT_NOT_OF_COLUMN: {
    severity: 'error',
    template: '“{text}”写的单位“{unit}”不是此列的单位（此列可写：{allowed}）',
    description:
      'A number whose cell names a unit of another kind of column ("4900平方米" in a 元 column): not read, rather than read with its unit dropped.',
  },
  NOT_A_NUMBER: {
    severity: 'error',
    template: '“{text}”不是数字',
    description: 'Text that cannot be read as a number ("约300", "不详").',
  },
  NAME_TOO_LONG: {
    severity: 'error',
    template: '学校名称有 {length} 个字，超过 {max} 字：请检查是否把其他内容粘贴进了名称单元格',
    description:
      'A school name longer than any school has (100 characters): other text pasted into the cell. Named by its first 20 characters.',
  },
  VALUE_IMPOSSIBLE: {
    severity: 'error',
    template: '数值 {value} 超出任何学校可能的范围（不超过 {max}）：请检查是否多输了位数或单位写错',
    description:
      'A figure no school can have (over 100 000 students, teachers, rooms or classes; 10 000 000 ㎡; 1e11 元; 1e8 books): a typo, a wrong unit or a hostile file. It is not computed with.',
  },
  NEGATIVE_VALUE: {
    severity: 'error',
    template: '数值为负（{value}）',
    description: 'A count, area or amount below zero.',
  },
  NOT_INTEGER: {
    severity: 'error',
    template: '应为整数，实际为 {value}',
    description: 'Students, teachers and rooms must be whole numbers.',
  },
  EXCEL_ERROR: {
    severity: 'error',
    template: '单元格是 Excel 错误值 {error}',
    description:
      'The cell (or the cached result of its formula) is #DIV/0!, #REF!, #N/A …, in a number column or a text one (#N/A of a lookup in 学校名称: not read as blank).',
  },
  FORMULA_NO_RESULT: {
    severity: 'error',
    template: '{formula}没有保存计算结果，且{why}，无法代为计算：请在 Excel 或 WPS 中打开、重新计算并保存后再试',
    description:
      'A formula cell without a cached value (a file written by a script) that is not arithmetic over its own sheet: another sheet, a function other than SUM / AVERAGE / MIN / MAX, text, a cycle.',
  },
  UNKNOWN_SCHOOL_TYPE: {
    severity: 'error',
    template: '无法识别的学校类型“{text}”（可用：{allowed}）',
    description: 'The school type is none of the known types or aliases.',
  },
  INVALID_VALUE: {
    severity: 'error',
    template: '“{text}”不是有效取值（可用：{allowed}）',
    description: 'An enumerated column (办学性质, 城乡分类) holds an unknown value.',
  },
  DUPLICATE_SCHOOL_CODE: {
    severity: 'warning',
    template:
      '学校标识码“{code}”与 {firstCell} 相同：两行按两所学校计算；如为同一学校的两个校区，应合并为一行（统计口径按学校计）',
    description:
      "Two rows of one county with one 学校标识码 under two names (a school's two campuses written as two schools): computed as two, and said.",
  },
  SCHOOL_NAME_IS_VALUE: {
    severity: 'warning',
    template:
      '学校名称“{text}”是{what}，不像学校名称：请核对第 {row} 行是否填错了列，或名称被 Excel 自动转成了日期、数字（可把单元格设为“文本”后重新输入）',
    description:
      'A school name that is a date or a bare number (2023/9/1, 12345, a day number such as 45170): a column shifted, or a name Excel turned into a date; computed, and said.',
  },
  DUPLICATE_SCHOOL: {
    severity: 'error',
    template: '学校名称重复（首次出现在 {firstCell}）',
    description:
      'Two rows of one county carry the same school name (the same once invisible characters such as U+200B are left out).',
  },
  RESOURCES_WITHOUT_STUDENTS: {
    severity: 'error',
    template: '{level}在校生数为0，却填有资源数据（{fields}）',
    description: 'A section with 0 students but teachers, space or equipment.',
  },
  LEVEL_NOT_OFFERED: {
    severity: 'error',
    template: '学校类型为“{type}”，却填有{level}在校生 {students} 人',
    description: 'Students of a level the school type does not have (a 小学 with 初中 students).',
  },
  SECTION_VALUES_INCOMPLETE: {
    severity: 'error',
    template: '填了{given}，却缺少{missing}：分学段数据须各学段都填，或都不填（按权重拆分全校数）',
    description: 'Per-section columns (小学部…/初中部…) given for some sections of a school but not all.',
  },
  COUNTS_INCONSISTENT: {
    severity: 'error',
    template: '{what}（{part} 对 {whole}），数据不一致',
    description: 'Counts that do not add up: more graduates than the cohort, more up-to-standard rooms than rooms.',
  },
  RATIO_OUT_OF_RANGE: {
    severity: 'error',
    template: '比例“{text}”超出 0%–100%',
    description: 'A percentage in the 县级指标 sheet below 0 or above 100%.',
  },
  // ── warnings: computed, but a person should look ──
  OUTLIER_HIGH: {
    severity: 'warning',
    template: '{indicator}为 {value}，超过全县{level}中位数 {median} 的{factor}倍，请核实',
    description: 'A per-student value more than 5× the county median of its level.',
  },
  OUTLIER_LOW: {
    severity: 'warning',
    template: '{indicator}为 {value}，不足全县{level}中位数 {median} 的1/{factor}，请核实',
    description: 'A per-student value less than 1/5 of the county median of its level.',
  },
  EQUIPMENT_LOOKS_LIKE_YUAN: {
    severity: 'warning',
    template:
      '生均教学仪器设备值达 {value} 元（标准的 {times} 倍），疑似表头写“万元”而数值按“元”填写；如数值确为元，请将表头改为“（元）”',
    description: 'Equipment value so large per student, under a 万元 / 千元 header, that it was probably typed in 元.',
  },
  EQUIPMENT_LOOKS_LIKE_WAN: {
    severity: 'warning',
    template: '生均教学仪器设备值仅 {value} 元，疑似按“万元”填入了“元”列；如确为万元，请在表头写“（万元）”',
    description: 'Equipment value so small per student that it was probably typed in 万元.',
  },
  TEACHERS_EXCEED_STUDENTS: {
    severity: 'warning',
    template: '{teachersLabel} {teachers} 人，多于在校生 {students} 人，请核实',
    description: 'More teachers than students.',
  },
  DUPLICATE_COUNTY_ROW: {
    severity: 'warning',
    template: '与 {firstCell} 同为“{name}”，已使用前者，忽略此行',
    description: 'Two rows of the 县级指标 sheet give the same figure; the first is used.',
  },
  INDICATORS_NOT_PROVIDED: {
    severity: 'warning',
    template:
      '缺少{fields}等列（或该列全部为空）：{indicators}不参与计算，综合差异系数只按其余{kept}项计算，不能作为正式结论',
    description:
      'Under a CV-only profile (2012), indicators whose columns the file lacks, or holds empty in every row, are left out.',
  },
  PARENT_NOT_FOUND: {
    severity: 'warning',
    template: '所属中心校“{parent}”不在本县学校中，教学点无法并入，按不足{min}人排除的规则处理',
    description: 'Under a profile that merges 教学点 into their 所属中心校, the named parent is not in the file.',
  },
  COLUMN_IGNORED: {
    severity: 'warning',
    template: '未识别的列“{header}”，其中的数据未使用{hint}',
    description: 'A column that matches no known field but holds data: nothing in it is read.',
    misread: true,
  },
  COUNTY_ROW_IGNORED: {
    severity: 'warning',
    template: '未识别的县级指标“{name}”（填有“{value}”），未使用{hint}',
    description:
      'A row of the 县级指标 sheet that holds a figure but matches no known figure or item; the two nearest are suggested.',
    misread: true,
  },
  COUNTY_ROW_AMBIGUOUS: {
    severity: 'warning',
    template: '“{name}”可对应{candidates}，无法确定，未使用；请改用其中一项的名称，或分行填写',
    description: 'A 县级指标 row that matches several figures equally well: none is taken.',
    misread: true,
  },
  COUNTY_FIGURE_UNCLEAR: {
    severity: 'warning',
    template: '“{text}”无法作为“{name}”的数值：{why}，未使用',
    description: 'A 县级指标 cell whose phrase holds several figures, none, or neither 是 nor 否.',
    misread: true,
  },
  COUNTY_SHEET_TRUNCATED: {
    severity: 'warning',
    template: '县级指标表只读取表头下的前{max}行，从此行起的内容未使用',
    description: 'A county sheet longer than any county form: the rows past the limit are not read.',
    misread: true,
  },
  CLAIM_DISAGREES: {
    severity: 'warning',
    template: '{claim}，但测算为{computed}：{detail}',
    description: "The county's own 是否达标 / 自评结论 differs from the computed status of the item.",
    misread: true,
  },
  DUPLICATE_COLUMN: {
    severity: 'warning',
    template: '与 {firstCell} 列同为“{field}”，已使用前者，忽略此列',
    description: 'Two header cells map to the same field; the first one is used.',
  },
  CLAIM_CONFLICTS: {
    severity: 'warning',
    template: '此项在 {first} 已自评为“{firstText}”，此处又写“{text}”，两处不一致；按 {first} 核对',
    description: 'Two claims of one item that disagree (an item row and its sub-row): the first is kept and checked.',
    misread: true,
  },
  SUM_DISAGREES: {
    severity: 'warning',
    template: '此列为 {total}，而同组分列之和为 {sum}（{parts}），两者不符；已用此列，请核对',
    description:
      'A column that is the sum of sibling columns also present (体育艺术 = 体育 + 音乐 + 美术) does not equal their sum: the sum column is used, and the row is a misreading until they agree.',
    misread: true,
  },
  DUPLICATE_COLUMN_DIFFERS: {
    severity: 'warning',
    template:
      '与 {firstCell} 列同为“{field}”，但两列数据不同（第 {row} 行：{first} 与 {second}），已使用前者，忽略此列：请确认哪一列是“{field}”，或两列是否应相加',
    description:
      'Two header cells map to the same field and hold different data: the first is used, and the other is a misreading until the table says which (or that they are parts to sum).',
    misread: true,
  },
  DUPLICATE_COLUMN_NAMED: {
    severity: 'warning',
    template: '列名“{header}”只是近似，表中 {cell} 列的“{field}”才是此项，已使用后者，忽略此列',
    description:
      'A column read by keywords and a later column named in the field’s own wording: the named one is used, wherever it stands.',
  },
  // ── info: what balance-check did to read the file ──
  FORMULA_COMPUTED: {
    severity: 'info',
    template: '公式没有保存计算结果（脚本生成的文件常见），已按公式计算：如“={formula}”= {value}；此列共 {count} 格',
    description:
      'Formulas without a cached value, arithmetic over cells of their own sheet, computed by balance-check (one note per column).',
  },
  COUNTY_ROW_TEXT_NOT_USED: {
    severity: 'info',
    template: '“{item}”按学校数据逐校测算，此格“{text}”不作数据读取（其自评结论另与测算结果核对）',
    description:
      "The words of a 自评表 row for an item judged from the school rows (班额, 学校规模, 专用教室): not read as data; the county's claim is cross-checked.",
  },
  COUNTY_ROW_NAMED_BY_VALUE: {
    severity: 'info',
    template: '行名“{name}”对应不到县级指标，其内容“{value}”即“{figure}”，按此读取',
    description:
      'A row whose name matches nothing, answered in the words of a 是/否 figure (课程开设 | 课程开齐开足): read as that figure.',
  },
  COUNTY_ROW_AS_OTHER_TERM: {
    severity: 'info',
    template: '“{name}”不能单独确定是哪一项，因紧接在“{previous}”之下，按同一比例的“{other}”读取',
    description:
      'A row whose name alone names no one figure, right below one term of a ratio, read as its other term (完成360学时培训的教师数, then 教师总数).',
  },
  COUNTY_FIGURE_AS_SHARE: {
    severity: 'info',
    template: '“{text}”是百分比，按同一项的“{share}”读取（行名“{name}”是金额或人数）',
    description:
      'A percentage under the name of an amount or count of an item that has a share (培训经费 | 占公用经费预算6.2%): read as that share.',
  },
  INVISIBLE_CHARS_REMOVED: {
    severity: 'info',
    template: '“{value}”含不可见字符（{chars}），已去除后读取；本列共 {count} 格如此',
    description:
      'Zero-width spaces, direction marks and other invisible characters in a text cell (a name pasted from a web page): left out, so two names the same but for them are one school (DUPLICATE_SCHOOL); one note per column.',
  },
  TEXT_NUMBER: {
    severity: 'info',
    template: '文本“{text}”按数字 {value} 读取',
    description: 'A number typed as text ("1,234", "１２３", "12人") was read as a number.',
  },
  COUNTY_SHEETS_COMBINED: {
    severity: 'info',
    template: '县级指标来自 {count} 个工作表：{sheets}，合并读取',
    description:
      'The county figures are on several sheets named as county sheets (政府保障程度 | 教育质量 | 社会认可度): all are read.',
  },
  SHEETS_COMBINED: {
    severity: 'info',
    template: '学校数据来自 {count} 个工作表：{sheets}，合并计算',
    description: 'Several sheets hold school tables (one per 学段, or with a 区县 column): all are read, as one table.',
  },
  SHEETS_COMBINED_CHECK: {
    severity: 'warning',
    template:
      '学校数据来自 {count} 个工作表：{sheets}，已合并为一张表计算；如各表是不同的县，请加“区县”列；如是不同年份或副本，请用 --sheet 指定一个',
    description:
      'Several sheets hold school tables, not named by 学段 and without a 区县 column: all are read as one; the user should check they belong together.',
    misread: true,
  },
  SHEET_OTHER_VERSION: {
    severity: 'warning',
    template:
      '此工作表的学校与“{other}”大多相同（{same}/{of} 所），视为另一版本（往年或副本），未读取；如要检查它，请用 --sheet 指定',
    description:
      'A further sheet with a school header whose schools are mostly those of the sheet read: another year or a copy, not added.',
    misread: true,
  },
  COUNTY_SHEET_OTHER_YEAR: {
    severity: 'warning',
    template:
      '此工作表名称所示年份早于 {year} 年的县级指标表，未读取（已读取 {year} 年的）；如要检查此年，请另存为单独的文件',
    description:
      "A county sheet named with an earlier year than another (自评表（2023年） beside 自评表（2024年）): the latest year's is read.",
    misread: true,
  },
  COUNTY_SHEET_HIDDEN_NOT_READ: {
    severity: 'warning',
    template: '此工作表已隐藏，其中的县级指标未读取（已读取未隐藏的县级指标表）；如要读取，请取消隐藏',
    description:
      'A further county sheet that is hidden in the workbook, beside a shown one that is read: its figures are not added.',
    misread: true,
  },
  SHEET_HIDDEN_NOT_READ: {
    severity: 'warning',
    template: '此工作表已隐藏，其中的学校未读取；如要读取，请取消隐藏，或用 --sheet “{name}” 单独检查',
    description: 'A further sheet with a school header that is hidden in the workbook: its schools are not added.',
    misread: true,
  },
  SHEET_NOT_READ: {
    severity: 'warning',
    template: '此工作表也有学校数据表头，但未读取：{reason}',
    description:
      'A further sheet with a school header that cannot be read as a table (a column is missing): its schools are not counted.',
    misread: true,
  },
  PER_STUDENT_COLUMN: {
    severity: 'info',
    template: '列“{header}”是生均（或每百名学生）值，未读取：balance-check 由“{total}”列的总量与在校生数自行计算',
    description:
      'A column of a per-student figure (生均…, 每百名学生拥有…) beside its total: balance-check computes the figure, the column is not read.',
  },
  PER_STUDENT_COLUMN_NO_TOTAL: {
    severity: 'warning',
    template: '列“{header}”是生均（或每百名学生）值，不能代替总量，未读取；请提供“{field}”的总量列',
    description:
      'A column of a per-student figure whose total the table does not have: the figure cannot be checked or weighted without the total.',
    misread: true,
  },
  VALUE_READ_BY_ENDING: {
    severity: 'info',
    template: '取值不在可用值中（如“{text}”），按其末尾的“{word}”读作“{value}”；本列共 {count} 格如此',
    description:
      'A 学校类型 no word is, ending with one (乡镇中心小学, 城关初级中学): read as that word; one note per column.',
  },
  VALUE_REMARK_IGNORED: {
    severity: 'info',
    template: '取值带括号备注（如“{text}”），按括号前的“{word}”读作“{value}”；本列共 {count} 格如此',
    description:
      "A 学校类型 / 办学性质 / 城乡分类 cell with a remark in brackets after its value (城区（主城区）, 初中（九年制）): the value before the brackets is read, as a header's brackets are a remark; one note per column.",
  },
  VALUE_CODE_IGNORED: {
    severity: 'info',
    template: '取值前带有统计代码（如“{text}”），按代码后的名称读作“{value}”；本列共 {count} 格如此',
    description:
      'A 学校类型 / 办学性质 / 城乡分类 cell written as a statistics export writes it, a code before the name (211小学): the name is read; one note per column.',
  },
  COUNTY_VALUE_SPLIT: {
    severity: 'info',
    template: '“{text}”按分句读作：{read}',
    description: 'A whole item answered in one sentence of several figures: each clause read as the figure it names.',
  },
  COUNTY_ROWS_JOINED: {
    severity: 'info',
    template: '“{name}”一格合并了第 {from}–{to} 行：按一项读取，各行的填写合为“{text}”',
    description:
      'A county item whose name is merged down over the rows of its figures: the rows are read as one, their values as its clauses.',
  },
  COLUMN_SUMMED: {
    severity: 'info',
    template: '表中没有“{field}”一列，按 {columns} {how}',
    description:
      'A field given as its parts (县级及以上骨干 as the 县级, 市级, 省级, 国家级 columns the sheet has): their sum is read.',
  },
  TYPE_FROM_SHEET_NAME: {
    severity: 'info',
    template: '表中没有“学校类型”列：按工作表名“{name}”，本表 {count} 所学校均按{type}计算',
    description: 'A sheet without a 学校类型 column named as a 学段 (小学, 初中学校): its schools are of that type.',
  },
  TYPE_FROM_HEADING: {
    severity: 'info',
    template: '表中没有“学校类型”列：按学段标题“{text}”，其下 {count} 所学校按{type}计算',
    description:
      "A table without a 学校类型 column whose rows stand under 学段 headings (小学部分, 初中部分): each school is of its heading's type.",
  },
  COUNTY_FIGURES_UNPLACED: {
    severity: 'warning',
    template:
      '县级指标表的数值列不是学校表中的任何一个区县，多县文件中无法确定属于哪个县，未使用；请以区县名作列名{example}',
    description:
      'A county sheet in a file of several counties whose value column names none of them: its figures belong to no county and are not used.',
    misread: true,
  },
  COUNTY_FILLED_DOWN: {
    severity: 'warning',
    template:
      '此列有 {count} 所学校的区县为空，按其上一行学校的区县读取（合并的区县另存为 CSV 等时只留首格）；如不是，请逐行填写',
    description:
      'Schools whose 区县 is blank below a school that has one (a merged 区县 saved without its merge): read as the one above, and said.',
    misread: true,
  },
  ROWS_HIDDEN: {
    severity: 'warning',
    template: '{count} 所学校的行在工作表中被隐藏（{schools}），仍按学校计算；如不应计入，请删除这些行',
    description:
      'School rows hidden in the sheet: read and computed like any other, and said, since Excel does not show them.',
  },
  COLUMN_HIDDEN: {
    severity: 'warning',
    template: '此列在工作表中被隐藏，仍按“{field}”读取；如是旧数据或草稿，请删除此列，或取消隐藏后核对',
    description: 'A column hidden in the sheet is the only column of its field: read, and said.',
  },
  DUPLICATE_COLUMN_YEAR: {
    severity: 'info',
    template: '此列与 {cell}“{header}”同为“{field}”、年份不同，未使用：按{why}的 {cell} 读取',
    description:
      "Two columns of one field for two years (小学在校生数（2023年） and （2024年）): the year the table's title names is read, else the later one.",
  },
  COUNTY_COLUMN_SAME_YEAR: {
    severity: 'warning',
    misread: true,
    template:
      '此列与 {cell}“{header}”同为 {year} 年的数值，未使用：按靠左的 {cell} 读取；如此列才是要填报的数，请删除另一列或在列名中写明',
    description:
      'A county sheet with value columns by year and two columns of the year read (2024年 | 2024年（调整后）): the left one is read, the other warned.',
  },
  COLUMN_HIDDEN_NOT_USED: {
    severity: 'info',
    template: '此列在工作表中被隐藏，未使用：“{field}”按未隐藏的 {cell}“{header}”读取',
    description: 'A hidden column and a shown one of the same field: the shown one is read.',
  },
  MERGED_CELLS_READ: {
    severity: 'info',
    template: '此列有合并单元格：合并区域内 {count} 格按其首格的值读取（如此格读作 {master} 的“{value}”）',
    description:
      "A text column (区县, 学校类型, 学区 …) merged down over several schools' rows: each row reads the merged value, as Excel shows it.",
  },
  COLUMN_NOT_USED: {
    severity: 'info',
    template: '列“{header}”不是“{field}”（含“{word}”），计算不需要，未使用',
    description:
      'A column whose header has the keywords of a field but a word that rules it out (小学毕业生数, 交流轮岗骨干教师数): another count, not read.',
  },
  COLUMN_READ_BY_VALUES: {
    severity: 'info',
    template: '列名“{header}”未识别，按其内容（{values}）读作“{field}”',
    description:
      'A column whose header matches nothing but whose values are all 学校类型 (or 办学性质, 城乡分类) words is read as that column.',
  },
  UNIT_FROM_NOTE: {
    severity: 'info',
    template: '表头未写单位，按表上方 {cell}“{note}”：此列数值 × {factor} 换算为{base}',
    description:
      "A money or area column without a unit of its own, under a note above the table that gives its kind's unit (金额单位：万元): converted.",
  },
  UNIT_IN_CELL: {
    severity: 'info',
    template: '“{text}”带单位，按 {value} {base} 读取',
    description:
      'A money or area cell whose number carries a unit other than its header\'s ("110万" in a 元 column): read in the cell\'s unit.',
  },
  UNIT_CONVERTED: {
    severity: 'info',
    template: '表头单位“{unit}”：此列数值 × {factor} 换算为{base}',
    description: 'A unit in header brackets (（万元）) was converted.',
  },
  ROW_SKIPPED_TOTAL: {
    severity: 'info',
    template: '合计行“{text}”已跳过，不作为学校',
    description: 'A 合计 / 总计 / 小计 row was skipped.',
  },
  ROW_SKIPPED_SECTION: {
    severity: 'info',
    template: '分段标题行“{text}”已跳过',
    description: 'A row holding only a 学段 heading inside the table (二、初中) was skipped.',
  },
  ROW_SKIPPED_HEADER: {
    severity: 'info',
    template: '重复的表头行（“{text}”）已跳过',
    description: 'The header written again inside the table (at the start of its next part) was skipped.',
  },
  ROW_SKIPPED_NOTE: {
    severity: 'info',
    template: '表下注释“{text}”已跳过',
    description: 'A note below the table (填表人：, 说明：) was skipped.',
  },
  CELLS_OUTSIDE_TABLE: {
    severity: 'info',
    template: '{count}行只在表格各列之外有内容（首个：{first}），不是学校数据，已跳过',
    description:
      'Rows whose only cells lie outside the columns of the table (a stray value far right or below): skipped, counted once.',
  },
  SCHOOL_EXCLUDED: {
    severity: 'info',
    template: '不单独参与资源配置计算：{reason}',
    description: 'A school left out of the indicators by a profile rule (特殊教育学校, small 教学点).',
  },
  // ── a scenario's plan (调整方案): errors at the plan's cell; nothing is computed or written until they are fixed ──
  SCENARIO_PLAN_NOT_FOUND: {
    severity: 'error',
    template:
      '找不到调整方案：需要一张名为“调整方案”的工作表，表头一行含“方案”“操作”“学校”“目标学校”“学段”“项目”“数量”“说明”等列{hint}',
    description: 'The plan file has no 调整方案 sheet, or no header row with at least 操作 and 学校.',
  },
  SCENARIO_EMPTY_PLAN: {
    severity: 'error',
    template: '调整方案表头下没有任何调整行',
    description: 'The plan sheet has a header and no change rows.',
  },
  SCENARIO_UNKNOWN_OPERATION: {
    severity: 'error',
    template: '无法识别的操作“{text}”（可用：{allowed}）',
    description: 'A 操作 cell that is none of 撤并, 合并, 划转学生, 调配, 新增, 新建学校, 调整学区, 调整类型.',
  },
  SCENARIO_MISSING_VALUE: {
    severity: 'error',
    template: '此项为空：“{operation}”需要填写{what}',
    description: 'A cell the row’s operation needs (目标学校, 学段, 项目, 数量) is blank.',
  },
  SCENARIO_BAD_VALUE: {
    severity: 'error',
    template: '“{text}”{why}',
    description:
      'A 数量 that is no number (or not above zero where it must be), a 学段 other than 小学 / 初中, a 学校类型 not known.',
  },
  SCENARIO_UNKNOWN_SCHOOL: {
    severity: 'error',
    template: '学校数据中没有“{name}”{hint}',
    description: 'A plan row names a school the school table does not have (nor a school the alternative built).',
  },
  SCENARIO_AMBIGUOUS_SCHOOL: {
    severity: 'error',
    template: '“{name}”可以指多所学校（{candidates}），请写学校全称',
    description: 'A plan row names a school by a prefix that several schools share.',
  },
  SCENARIO_SCHOOL_CLOSED: {
    severity: 'error',
    template: '“{name}”已在本方案{where}撤并（并入{into}），不能再{operation}',
    description:
      'A plan row acts on a school an earlier row of the same alternative closed (撤并 or 合并): a school closed twice.',
  },
  SCENARIO_UNKNOWN_FIELD: {
    severity: 'error',
    template:
      '无法识别的项目“{text}”：应为学校数据表的一列，如 体育运动场馆面积、高于规定学历教师数、教学仪器设备资产值、班级数{hint}',
    description: 'A 项目 cell that names no column of the school table.',
  },
  SCENARIO_FIELD_NOT_AMOUNT: {
    severity: 'error',
    template: '项目“{text}”（{field}）不是可增减的数量{hint}',
    description: 'A 项目 naming a text column (学校名称, 学区, 学校类型 …) where an amount is moved or added.',
  },
  SCENARIO_MORE_THAN_HAS: {
    severity: 'error',
    template: '{school}的{field}只有 {has}，不能{verb} {amount}',
    description: 'A move (划转学生, 调配) of more than the school has, or a 新增 taking away more than it has.',
  },
  SCENARIO_LEVEL_NOT_TAUGHT: {
    severity: 'error',
    template: '{target}（{type}）没有{level}学段，不能接收{level}学生{hint}',
    description:
      'Students moved (撤并, 划转学生, 调配) into a level the target school does not teach; 调整类型 before the row allows it.',
  },
  SCENARIO_LEVEL_NEEDED: {
    severity: 'error',
    template: '{school}的{field}按学段分别填报（小学部 / 初中部），请在“学段”列写明{levels}',
    description:
      'An amount added to or moved from a school that gives the field per section, without saying which section.',
  },
  SCENARIO_NEW_SCHOOL: {
    severity: 'error',
    template: '{reason}',
    description:
      'A 新建学校 row whose school is not on the 新建学校 sheet, has the name of a school that exists, or cannot be placed in a county.',
  },
} as const satisfies Record<string, IssueDef>;

export type IssueCode = keyof typeof CATALOGUE;

export interface Position {
  sheet?: string;
  /** A1 address, e.g. "F12". */
  cell?: string;
  /** 1-based row, when no single cell applies. */
  row?: number;
  school?: string;
  /** The column header as the user wrote it. */
  column?: string;
  /** The field id the column was read as (e.g. "sportsSpace"): lets reports link to the cell. */
  field?: string;
  county?: string | null;
}

export interface Issue extends Position {
  severity: Severity;
  code: IssueCode;
  /** Where and what: `学校数据!F12［城关小学 · 教学仪器设备资产值］：…`. */
  message: string;
  /** What, without the position (for tables that show the position in their own columns). */
  text: string;
}

export type IssueParams = Record<string, string | number>;

export function fillTemplate(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Where an issue is, in the words a Chinese user reads: `学校数据!F12［城关小学 · 教学仪器设备资产值］`. */
export function describePosition(pos: Position): string {
  const place = pos.cell
    ? `${pos.sheet ?? ''}!${pos.cell}`
    : pos.row !== undefined
      ? `${pos.sheet ?? ''} 第${pos.row}行`
      : (pos.sheet ?? '');
  const what = [pos.county, pos.school, pos.column].filter((s): s is string => !!s).join(' · ');
  return what ? `${place}［${what}］` : place;
}

export function makeIssue(code: IssueCode, pos: Position, params: IssueParams = {}): Issue {
  const def: IssueDef = CATALOGUE[code];
  const where = describePosition(pos);
  const text = fillTemplate(def.template, params);
  return { severity: def.severity, code, ...pos, message: where ? `${where}：${text}` : text, text };
}

/** Warnings that say part of the file was not read as written (ignored, ambiguous, contradicted). */
/** A MISSING_VALUE's hint for a cell that holds a placeholder read as blank (“—”): says what it holds. */
export function blankHint(hint: string, written: string | undefined): string {
  if (!written) return hint;
  const inner = hint.replace(/^（|）$/g, '');
  return `（此格写的是“${written}”，按未填读取${inner ? `；${inner}` : ''}）`;
}

export const isMisread = (issue: Issue): boolean => (CATALOGUE[issue.code] as IssueDef).misread === true;

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

/**
 * Failures that stop a run before or after the data (exit 3): the input cannot be read,
 * or the reports cannot be written. Each has a stable code; its message names the path
 * and the reason in Chinese. "内部错误" is left for real defects.
 */
export const FATAL_CATALOGUE = {
  FILE_UNREADABLE: {
    template: '{reason}',
    description:
      'The input cannot be opened or is not an .xlsx / .csv (missing, a folder, no permission, an old .xls, damaged).',
  },
  FILE_TOO_LARGE: {
    template: '{reason}',
    description:
      'An entry of the .xlsx (or all of them) inflates past the limit: a zip bomb or an abnormal file. `--max-inflate <MB>` raises the limit.',
  },
  CELL_OUT_OF_RANGE: {
    template: '{reason}',
    description: 'A cell reference or merged range beyond Excel’s 1 048 576 rows × 16 384 columns.',
  },
  CSV_QUOTE_NOT_CLOSED: { template: '{reason}', description: 'A CSV field opens a quote that never closes.' },
  CSV_ENCODING_UNKNOWN: {
    template: '{reason}',
    description:
      'A CSV that is neither UTF-8, GBK / GB18030 nor UTF-16 with BOM (Big5, Shift-JIS, Latin-1, UTF-32, UTF-16 without BOM, mixed), or whose BOM names another encoding than its bytes are in.',
  },
  COUNTY_NOT_FOUND: {
    template: '文件中没有区县“{county}”（文件中的区县：{counties}）',
    description:
      '`--county` names no county of the file, by its full name nor without 县 / 区 / 市 / 旗 (白水 finds 白水县).',
  },
  COUNTY_AMBIGUOUS: {
    template: '“{county}”可指多个区县：{matches}；请写全称（文件中的区县：{counties}）',
    description:
      '`--county` names two or more counties of the file once 县 / 区 / 市 / 旗 are left off (白水 for 白水县 and 白水区).',
  },
  OUTPUT_SAME_AS_INPUT: {
    template: '报告文件“{path}”与输入文件相同，未写入',
    description: 'A report would overwrite the input file.',
  },
  OUTPUT_NOT_A_FOLDER: {
    template: '无法写入报告：“{path}”不是文件夹（{reason}）',
    description: '`-o` names an existing file, or a part of the path is a file.',
  },
  OUTPUT_NAME_IS_FOLDER: {
    template: '无法写入报告：“{path}”已是一个文件夹，报告文件无法覆盖它；请删除或改名该文件夹，或用 -o 指定别的目录',
    description: 'A report’s file name exists as a folder.',
  },
  OUTPUT_NOT_WRITABLE: {
    template: '无法写入报告：“{path}”{reason}',
    description: 'No permission, or a read-only file system.',
  },
  OUTPUT_DISK_FULL: {
    template: '无法写入报告：“{path}”所在磁盘已满或超出配额',
    description: 'No space left on the device (or a quota).',
  },
  OUTPUT_LOCKED: {
    template:
      '无法写入报告：另一个 balance-check（进程 {pid}）正在向文件夹“{path}”写入报告，等待 {seconds} 秒后仍未完成；如确认没有其他 balance-check 在运行，请删除“{lock}”后重试',
    description:
      'Another run holds the output folder’s lock (`.balance-check.lock`) for longer than the wait (30 s): stopped, hung, or a reused pid.',
  },
  OUTPUT_SPECIAL_FILESYSTEM: {
    template: '无法写入报告：“{path}”位于系统的特殊目录（{root}），不能存放文件；请用 -o 指定普通目录',
    description: 'An output path under /proc, /sys or /dev.',
  },
  OUTPUT_FAILED: {
    template: '无法写入报告：“{path}”（{reason}）',
    description: 'Any other file-system failure while writing reports, with the system’s code.',
  },
} as const satisfies Record<string, { template: string; description: string }>;

export type FatalCode = keyof typeof FATAL_CATALOGUE;

/** A run that cannot go on (exit 3): a catalogue code and a Chinese message. */
export class FatalError extends Error {
  constructor(
    readonly code: FatalCode,
    params: IssueParams,
  ) {
    super(fillTemplate(FATAL_CATALOGUE[code].template, params));
    this.name = 'FatalError';
  }
}
