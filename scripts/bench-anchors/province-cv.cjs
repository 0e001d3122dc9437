// The bench's SheetJS anchor (issue 30): read the province workbook with SheetJS (xlsx 0.18.5, a dev
// dependency) and compute one student-weighted CV per county (生均教学及辅助用房面积 over the schools with
// primary pupils). Prints the number of counties.
const XLSX = require('xlsx');

const wb = XLSX.readFile(process.argv[2], { dense: true });
const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { range: 1 });
const by = new Map();
for (const r of rows) {
  const w = Number(r['小学在校生数']);
  if (!(w > 0)) continue;
  const list = by.get(r['区县']) ?? [];
  list.push([w, Number(r['教学及辅助用房面积']) / w]);
  by.set(r['区县'], list);
}
let n = 0;
for (const list of by.values()) {
  const sw = list.reduce((a, [w]) => a + w, 0);
  const mean = list.reduce((a, [w, x]) => a + w * x, 0) / sw;
  const sd = Math.sqrt(list.reduce((a, [w, x]) => a + w * (x - mean) ** 2, 0) / sw);
  if (Number.isFinite(sd / mean)) n++;
}
console.log(n);
