// Inputs for npm run bench, deterministic: a county of N schools, and provinces of N rows in a 区县 column
// (written with exceljs's streaming writer, so a 260 000-row file takes bounded memory to make).
import ExcelJS from 'exceljs';
import { makeSchool, rng } from './county-data.mjs';

const TYPES = ['小学', '小学', '小学', '初中', '九年一贯制', '教学点', '完全中学'];
const HEADER = [
  '学校名称',
  '学校类型',
  '城乡分类',
  '小学在校生数',
  '初中在校生数',
  '高中在校生数',
  '专任教师数',
  '高于规定学历教师数',
  '县级及以上骨干教师数',
  '体育专任教师数',
  '音乐专任教师数',
  '美术专任教师数',
  '教学及辅助用房面积',
  '体育运动场馆面积',
  '教学仪器设备资产值（万元）',
  '网络多媒体教室数',
];

/** Writes `rows` school rows; with `counties` > 0 they are spread over that many counties in a 区县 column. */
export async function generate(path, rows, counties = 0) {
  const rand = rng(300);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('学校数据');
  ws.addRow([counties ? '全省义务教育学校办学条件统计表' : '大县义务教育学校办学条件统计表']).commit();
  ws.addRow([...(counties ? ['区县'] : []), ...HEADER]).commit();
  const perCounty = counties ? Math.ceil(rows / counties) : rows;
  for (let i = 0; i < rows; i++) {
    const type = TYPES[i % TYPES.length];
    const n = (lo, hi) => lo + Math.round(rand() * (hi - lo));
    const students =
      type === '小学'
        ? { primary: n(150, 2200) }
        : type === '初中'
          ? { junior: n(300, 2000) }
          : type === '教学点'
            ? { primary: n(20, 120) }
            : type === '完全中学'
              ? { junior: n(400, 1200), senior: n(300, 1200) }
              : { primary: n(200, 900), junior: n(150, 700) };
    const ur = ['城区', '镇区', '乡村'][i % 3];
    const s = makeSchool(rand, {
      name: `第${(i % perCounty) + 1}学校`,
      type,
      urbanRural: ur,
      students,
      shape: 1 + rand() * 0.4,
    });
    ws.addRow([
      ...(counties ? [`第${Math.floor(i / perCounty) + 1}县`] : []),
      s.name,
      s.type,
      s.urbanRural,
      s.studentsPrimary,
      s.studentsJunior,
      s.studentsSenior,
      s.teachers,
      s.qualifiedTeachers,
      s.backboneTeachers,
      s.peTeachers,
      s.musicTeachers,
      s.artTeachers,
      s.teachingSpace,
      s.sportsSpace,
      s.equipmentWan,
      s.multimediaRooms,
    ]).commit();
  }
  ws.addRow(['合计']).commit();
  await wb.commit();
}
