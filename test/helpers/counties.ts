/** Workbooks of a messy county and of provinces, for the print, golden and batch tests. */
import { county, HEADER, junior, primary, workbook, type Cell } from './files';
import { merged, ZIPINGBIAO } from './ziping';

/** Six schools with long names in two 学区, a 万元 column, and the published 自评表 with claims. */
export async function messyCounty(): Promise<string> {
  const names = [
    '城关镇第一中心小学（含东关分校区）',
    '城关镇第二实验小学',
    '青龙山乡中心小学附属教学点合并校',
    '四小',
    '城关镇第一初级中学（民族中学）',
    '二中',
  ];
  const rows = county().map((r, i) => {
    if (i === 0) return [...r.slice(0, 9), '教学仪器设备资产值（万元）', r[10], '所属学区（集团）'];
    const x = [...r];
    x[0] = names[i - 1]!;
    x[9] = Number(x[9]) / 10_000;
    if (i === 2) x[8] = 3000;
    return [...x, i % 2 ? '城关教育集团（东片区）' : '山区学区'];
  });
  return workbook(
    { 学校数据: rows, 自评表: { rows: ZIPINGBIAO, merges: ['A1:F1', ...merged(ZIPINGBIAO)] } },
    'messy.xlsx',
  );
}

export async function province(counties: number): Promise<string> {
  const rows: Cell[][] = [[...HEADER, '区县']];
  for (let k = 0; k < counties; k++) {
    const name = `第${k + 1}测试县`;
    rows.push(
      [...primary(`${name}一小`, 900 + k), name],
      [...primary(`${name}二小`, 400), name],
      [...junior(`${name}一中`, 1000), name],
    );
    if (k % 3 === 0) rows.push([...primary(`${name}山区小学`, 300).map((v, i) => (i === 8 ? 600 : v)), name]);
  }
  return workbook({ 学校数据: rows }, `province-${counties}.xlsx`);
}
