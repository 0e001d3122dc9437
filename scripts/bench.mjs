// npm run bench: the full check (all three reports) on a generated 300-school county,
// timed as a user runs it (node start-up included). Target: median ≤ 0.40 s wall.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeSchool, rng } from './county-data.mjs';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_S = 0.4;
const dir = 'bench-data';

async function generate(path, counties = 0) {
  const rand = rng(300);
  const types = ['小学', '小学', '小学', '初中', '九年一贯制', '教学点', '完全中学'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校数据');
  ws.addRow(['大县义务教育学校办学条件统计表']);
  ws.addRow([
    ...(counties ? ['区县'] : []),
    '学校名称', '学校类型', '城乡分类', '小学在校生数', '初中在校生数', '高中在校生数', '专任教师数', '高于规定学历教师数',
    '县级及以上骨干教师数', '体育专任教师数', '音乐专任教师数', '美术专任教师数', '教学及辅助用房面积', '体育运动场馆面积',
    '教学仪器设备资产值（万元）', '网络多媒体教室数',
  ]);
  const rowsToWrite = counties ? counties * 20 : SCHOOLS;
  for (let i = 0; i < rowsToWrite; i++) {
    const type = types[i % types.length];
    const n = (lo, hi) => lo + Math.round(rand() * (hi - lo));
    const students =
      type === '小学' ? { primary: n(150, 2200) } : type === '初中' ? { junior: n(300, 2000) } : type === '教学点' ? { primary: n(20, 120) }
        : type === '完全中学' ? { junior: n(400, 1200), senior: n(300, 1200) } : { primary: n(200, 900), junior: n(150, 700) };
    const ur = ['城区', '镇区', '乡村'][i % 3];
    const s = makeSchool(rand, { name: `第${i + 1}学校`, type, urbanRural: ur, students, shape: 1 + rand() * 0.4 });
    ws.addRow([...(counties ? [`第${Math.floor(i / 20) + 1}县`] : []), s.name, s.type, s.urbanRural, s.studentsPrimary, s.studentsJunior, s.studentsSenior, s.teachers, s.qualifiedTeachers,
      s.backboneTeachers, s.peTeachers, s.musicTeachers, s.artTeachers, s.teachingSpace, s.sportsSpace, s.equipmentWan, s.multimediaRooms]);
  }
  ws.addRow(['合计']);
  await wb.xlsx.writeFile(path);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const input = join(dir, `county-${SCHOOLS}.xlsx`);
await generate(input);

const args = ['bin/balance-check.js', input, '-o', join(dir, 'out'), '--format', 'xlsx,md,json', '-q'];
const warm = spawnSync(process.execPath, args, { encoding: 'utf8' });
if (warm.status !== 0) {
  console.error(`the check failed (exit ${warm.status}):\n${warm.stderr}`);
  process.exit(1);
}
/** CPU seconds (user + system) of this process's finished children, from /proc (Linux; null elsewhere). */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

const times = [];
const cpu = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, args);
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  const c1 = childrenCpu();
  if (c0 !== null && c1 !== null) cpu.push(c1 - c0);
}
const startup = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  startup.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const m = median(times);
console.log(`balance-check bench: ${SCHOOLS} schools, xlsx + md + json, ${RUNS} runs`);
console.log(`  wall  median ${m.toFixed(3)} s   min ${Math.min(...times).toFixed(3)} s   max ${Math.max(...times).toFixed(3)} s`);
console.log(`  (bare node start-up median ${median(startup).toFixed(3)} s)`);
if (cpu.length) console.log(`  CPU   median ${median(cpu).toFixed(2)} s user+sys (less sensitive to a busy machine than wall time)`);
console.log(`  target median ≤ ${TARGET_S.toFixed(2)} s: ${m <= TARGET_S ? 'met' : 'NOT MET'}`);

// Batch: many counties in one file (20 schools each), one run per size; the time should grow linearly.
const batch = [];
for (const counties of [100, 300]) {
  const file = join(dir, `province-${counties}.xlsx`);
  await generate(file, counties);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/balance-check.js', file, '-o', join(dir, 'out'), '--format', 'xlsx,md,json', '-q']);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) console.error(`batch ${counties} failed (exit ${r.status}): ${r.stderr}`);
  batch.push([counties, s]);
  console.log(`batch: ${counties} counties × 20 schools, xlsx + md + json: ${s.toFixed(2)} s`);
}
console.log(`  300 / 100 counties time ratio ${(batch[1][1] / batch[0][1]).toFixed(2)} (linear ≈ 3)`);
