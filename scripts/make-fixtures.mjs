// Writes fixtures/: the sample county as a messy .xlsx and as a GBK .csv, and a few broken files.
// Deterministic: rerunning gives the same data. Run with `npm run fixtures`.
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sampleCounty } from './county-data.mjs';

const FIXED = new Date(Date.UTC(2024, 9, 1));

/** Columns in sheet order: [top header, bottom header or null (vertical merge), key]. */
export const LAYOUT = [
  ['序号', null, 'index'],
  ['学校名称', null, 'name'],
  ['学校标识码', null, 'code'],
  ['学校类型', null, 'type'],
  ['办学性质', null, 'ownership'],
  ['城乡分类', null, 'urbanRural'],
  ['学区', null, 'group'],
  ['在校生数', '小学', 'studentsPrimary'],
  ['在校生数', '初中', 'studentsJunior'],
  ['在校生数', '高中', 'studentsSenior'],
  ['专任教师数', null, 'teachers'],
  ['高于规定学历教师数', null, 'qualifiedTeachers'],
  ['县级及以上骨干教师数', null, 'backboneTeachers'],
  ['专任教师数', '体育', 'peTeachers'],
  ['专任教师数', '音乐', 'musicTeachers'],
  ['专任教师数', '美术', 'artTeachers'],
  ['教学及辅助用房面积（㎡）', null, 'teachingSpace'],
  ['体育运动场馆面积（平方米）', null, 'sportsSpace'],
  ['教学仪器设备资产值（万元）', null, 'equipmentWan'],
  ['网络多媒体教室数（间）', null, 'multimediaRooms'],
  ['班级数', null, 'classes'],
  ['超标班额班级数', null, 'oversizeClasses'],
  ['最大班额', null, 'maxClassSize'],
  ['音乐专用教室数', null, 'musicRooms'],
  ['其中面积达标间数', null, 'musicRoomsUpToStandard'],
  ['美术专用教室数', null, 'artRooms'],
  ['其中面积达标间数', null, 'artRoomsUpToStandard'],
  ['小学部县级及以上骨干教师数', null, 'primaryBackbone'],
  ['初中部县级及以上骨干教师数', null, 'juniorBackbone'],
  ['备注', null, 'remark'],
];

const CSV_HEADERS = LAYOUT.map(([top, bottom]) => {
  if (!bottom) return top.replace('（㎡）', '（平方米）');
  return top === '在校生数' ? `${bottom}在校生数` : `${bottom}专任教师数`;
});

const NUMERIC = new Set(
  LAYOUT.filter(
    ([, , k]) =>
      ![
        'index',
        'name',
        'code',
        'type',
        'ownership',
        'urbanRural',
        'remark',
        'primaryBackbone',
        'juniorBackbone',
      ].includes(k) && k !== 'group',
  ).map(([, , k]) => k),
);

/** The 县级指标 sheet of the sample: every figure the 2017 checklist reads; one item fails (骨干教师 18.3% < 20%). */
export const COUNTY_FIGURES = [
  ['规划布局合理', '是', ''],
  ['四统一', '是', ''],
  ['小规模学校按100人核定公用经费', '是', ''],
  ['特殊教育学校生均公用经费（元）', 6500, ''],
  ['教师平均工资收入（元）', 98600, '2023年'],
  ['公务员平均工资收入（元）', 97200, '2023年'],
  ['足额核定教师绩效工资总量', '是', ''],
  ['完成360学时培训教师数', 2380, ''],
  ['应参加360学时培训教师数', 2380, ''],
  ['编制岗位统筹分配', '是', ''],
  ['交流轮岗教师数', 268, ''],
  ['符合交流条件教师数', 2150, ''],
  ['交流轮岗骨干教师数', 49, ''],
  ['教师资格证持证率', '100%', ''],
  ['城区就近入学比例', '100%', '不含寄宿制学校'],
  ['镇区就近入学比例', '97.5%', '不含寄宿制学校'],
  ['优质高中招生名额分配比例', 0.55, ''],
  ['名额分配向农村初中倾斜', '是', ''],
  ['留守儿童关爱体系健全', '是', ''],
  ['公办学校就读随迁子女数', 1830, ''],
  ['政府购买服务民办学校就读随迁子女数', 120, ''],
  ['符合条件随迁子女总数', 2105, ''],
  ['初中毕业生数', 3612, '2024届'],
  ['三年前初中在校生数', 3705, '2021年秋季'],
  ['转入', 86, ''],
  ['转出', 112, ''],
  ['死亡', 2, ''],
  ['残疾儿童少年入学人数', 212, ''],
  ['残疾儿童少年总数', 218, ''],
  ['学校章程与管理信息化', '是', ''],
  ['教师培训经费占公用经费比例（%）', 6.2, ''],
  ['信息化手段教学', '是', ''],
  ['德育和校园文化', '是', ''],
  ['课程开齐开足', '是', ''],
  ['无过重课业负担', '是', ''],
  ['学业水平达到Ⅲ级以上', '是', '2023年监测'],
  ['校际差异率', 0.12, '2023年监测'],
  ['社会认可度', '91.3%', '问卷 2,315 份'],
];

function rowsOf(schools) {
  return schools.map((s, i) => {
    const group =
      s.type === '特殊教育学校'
        ? ''
        : s.urbanRural === '城区'
          ? '城关学区'
          : s.urbanRural === '镇区'
            ? '东部学区'
            : i % 2
              ? '西部学区'
              : '北部学区';
    const row = { ...s, group, index: i + 1, remark: '' };
    if (s.name === '明德民办学校') {
      row.primaryBackbone = 2;
      row.juniorBackbone = 1;
      row.remark = '骨干教师分学段填报';
    }
    if (s.type === '特殊教育学校') row.remark = '不参与资源配置计算';
    return row;
  });
}

/** The messiness of input.md, applied to a few cells: text numbers of several kinds. */
const TEXT_NUMBERS = [
  [3, 'studentsPrimary', (v) => v.toLocaleString('en-US')],
  [7, 'qualifiedTeachers', (v) => String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
  [10, 'teachers', (v) => `${v}人`],
  [14, 'sportsSpace', (v) => ` ${v} `],
];

function cellValue(row, key, i) {
  const v = row[key];
  if (v === null || v === undefined || v === '') return null;
  const t = TEXT_NUMBERS.find(([r, k]) => r === i && k === key);
  return t ? t[2](v) : v;
}

async function writeXlsx(path, schools) {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const about = wb.addWorksheet('填表说明');
  about.addRow(['示例县义务教育学校办学条件统计表 填表说明']);
  about.addRow(['1. 九年一贯制、十二年一贯制学校及完全中学分学段填写在校生数。']);
  about.addRow(['2. 教学仪器设备资产值以万元为单位。']);

  const ws = wb.addWorksheet('学校数据');
  const n = LAYOUT.length;
  ws.addRow(['示例县义务教育学校办学条件统计表（2024年）']);
  ws.mergeCells(1, 1, 1, n);
  ws.addRow(['填报单位：示例县教育局　　　　　　统计时点：2024年9月']);
  ws.mergeCells(2, 1, 2, n);
  ws.addRow(LAYOUT.map(([top]) => top));
  ws.addRow(LAYOUT.map(([top, bottom]) => bottom ?? top));
  // Merges: vertical for single headers, horizontal for the parents.
  LAYOUT.forEach(([, bottom], c) => {
    if (!bottom) ws.mergeCells(3, c + 1, 4, c + 1);
  });
  // Parents over their sub-columns (在校生数 → 小学/初中/高中, 专任教师数 → 体育/音乐/美术).
  for (let c = 0; c < LAYOUT.length;) {
    let end = c;
    while (LAYOUT[c][1] && LAYOUT[end + 1]?.[1] && LAYOUT[end + 1][0] === LAYOUT[c][0]) end++;
    if (end > c) ws.mergeCells(3, c + 1, 3, end + 1);
    c = end + 1;
  }

  const rows = rowsOf(schools);
  rows.forEach((row, i) => {
    const values = LAYOUT.map(([, , key]) => cellValue(row, key, i));
    const r = ws.addRow(values);
    if (i === 12) {
      // A formula cell whose cached value is used.
      const col = LAYOUT.findIndex(([, , k]) => k === 'teachingSpace') + 1;
      const part = Math.round(row.teachingSpace * 0.6 * 10) / 10;
      r.getCell(col).value = {
        formula: `${part}+${Math.round((row.teachingSpace - part) * 10) / 10}`,
        result: row.teachingSpace,
      };
    }
  });
  const first = 5;
  const last = first + rows.length - 1;
  const total = ws.addRow(
    LAYOUT.map(([, , key], c) => {
      if (key === 'name') return '合计';
      if (!NUMERIC.has(key)) return null;
      const col = ws.getColumn(c + 1).letter;
      const sum = rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
      return { formula: `SUM(${col}${first}:${col}${last})`, result: Math.round(sum * 100) / 100 };
    }),
  );
  total.font = { bold: true };
  ws.addRow([]);
  ws.addRow(['填表人：王××　　审核人：李××　　填表日期：2024年10月8日']);
  ws.addRow(['说明：特殊教育学校、不足50人的教学点不参与差异系数计算。']);
  ws.getColumn(2).width = 24;
  const county = wb.addWorksheet('县级指标');
  county.addRow(['指标', '数值', '说明']);
  for (const row of COUNTY_FIGURES) county.addRow(row);
  county.getColumn(1).width = 34;
  await wb.xlsx.writeFile(path);
}

function csvLine(values) {
  return values
    .map((v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

function writeGbkCsv(path, schools) {
  const rows = rowsOf(schools);
  const lines = [csvLine(['示例县义务教育学校办学条件统计表（2024年）']), csvLine(CSV_HEADERS)];
  rows.forEach((row, i) => lines.push(csvLine(LAYOUT.map(([, , key]) => cellValue(row, key, i)))));
  lines.push(
    csvLine(
      LAYOUT.map(([, , key]) =>
        key === 'name'
          ? '合计'
          : NUMERIC.has(key)
            ? Math.round(rows.reduce((s, r) => s + (Number(r[key]) || 0), 0) * 100) / 100
            : '',
      ),
    ),
  );
  lines.push('');
  lines.push(csvLine(['填表人：王××　　审核人：李××']));
  writeFileSync(path, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
}

/** A workbook with one of each data error, for the CLI tests and for users to see the messages. */
async function writeBrokenXlsx(path) {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('学校数据');
  ws.addRow([
    '学校名称',
    '学校类型',
    '小学在校生数',
    '初中在校生数',
    '高于规定学历教师数',
    '县级及以上骨干教师数',
    '体育艺术专任教师数',
    '教学及辅助用房面积',
    '体育运动场馆面积',
    '教学仪器设备资产值',
    '网络多媒体教室数',
  ]);
  ws.addRow(['一小', '小学', 800, null, 40, 9, 8, 4000, 6500, 1800000, 20]);
  ws.addRow(['二小', '小学', 600, null, -3, 7, 6, 3000, 5000, 1300000, 15]);
  ws.addRow(['三小', '小学', 500, null, '约30', 6, 5, 2500, 4000, 1100000, 13]);
  ws.addRow(['四小', '小学', 400, null, 20, 5, 4, { formula: '1/0', result: { error: '#DIV/0!' } }, 3500, 900000, 10]);
  ws.addRow(['五小', '职业中学', 300, null, 15, 3, 3, 1500, 2500, 700000, 8]);
  ws.addRow(['一小', '小学', 300, null, 15, 3, 3, 1500, 2500, 700000, 8]);
  ws.addRow(['六小', '小学', 0, null, 15, 3, 3, 1500, 2500, 700000, 8]);
  ws.addRow(['七小', '小学', 300, 50, 15, 3, 3, 1500, 2500, 700000, 8]);
  ws.addRow(['一中', '初中', null, 900, 55, 10, 9, 5500, 9500, 2400000, 22]);
  await wb.xlsx.writeFile(path);
}

/** The README's example 布局调整方案 for the sample county (balance-check scenario): two alternatives. */
async function writeScenarioPlan(path) {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('调整方案');
  ws.addRow(['方案', '操作', '学校', '目标学校', '学段', '项目', '数量', '说明']);
  for (const r of [
    [
      '方案一：撤并分流',
      '撤并',
      '马坊小学',
      '桃园小学',
      null,
      null,
      null,
      '马坊小学184人并入邻近的桃园小学，校舍留作他用',
    ],
    [
      '方案一：撤并分流',
      '划转学生',
      '城关第二小学',
      '城关第三小学',
      '小学',
      null,
      200,
      '调整招生片区，城关第二小学降到2000人以下',
    ],
    ['方案二：补齐场地', '新增', '城关第二小学', null, null, '体育运动场馆面积', 8000, '新建运动场'],
    ['方案二：补齐场地', '新增', '东关第一中学', null, null, '体育运动场馆面积', 6000, '新建风雨操场'],
    ['方案二：补齐场地', '调配', '城关第一中学', '马坊中学', null, '县级及以上骨干教师数', 3, '交流轮岗'],
    ['方案二：补齐场地', '调整学区', '双河村小', '东部学区', null, null, null, '随东部学区统筹'],
  ])
    ws.addRow(r);
  ws.columns = [18, 10, 14, 14, 6, 22, 8, 44].map((width) => ({ width }));
  await wb.xlsx.writeFile(path);
}

mkdirSync('fixtures/broken', { recursive: true });
const schools = sampleCounty();
await writeXlsx('fixtures/sample-county.xlsx', schools);
writeGbkCsv('fixtures/sample-county.csv', schools);
await writeScenarioPlan('fixtures/sample-scenario.xlsx');
await writeBrokenXlsx('fixtures/broken/errors.xlsx');
writeFileSync(
  'fixtures/broken/missing-column.csv',
  '学校名称,学校类型,小学在校生数,高于规定学历教师数,县级及以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,教学仪器设备资产值,网络多媒体教室数\n一小,小学,800,40,9,8,4000,1800000,20\n',
);
writeFileSync('fixtures/broken/not-a-workbook.xlsx', '这不是 Excel 文件\n');
writeFileSync(
  'fixtures/broken/old-format.xls',
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
);
console.log(`fixtures written: ${schools.length} schools`);
