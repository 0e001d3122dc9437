// A county row answered in one sentence of several figures (src/schema/county-sheet/sentences.ts), read through
// readCountySheet. Each expectation written out by hand from the item's figures (indicators.md, item 8, 11, 13).
import { describe, expect, it } from 'vitest';
import { YOUZHI_2017 } from '../../src/engine/profile';
import { arraySheet, type CellValue, type SourceFile } from '../../src/read/types';
import { readCountySheet } from '../../src/schema/county-sheet/index';

type C = CellValue | undefined;
const row = (...cells: (string | number | null)[]): C[] =>
  cells.map((c) =>
    c === null ? undefined : typeof c === 'number' ? { kind: 'number', value: c } : { kind: 'text', text: c },
  );
const header = () => row('序号', '评估内容', '评估标准', '实际情况', '是否达标');
const read = (...rows: C[][]) => {
  const source: SourceFile = { path: 'x.xlsx', format: 'xlsx', sheets: [arraySheet('自评表', [header(), ...rows])] };
  return readCountySheet(source, structuredClone(YOUZHI_2017), { schoolSheets: [], counties: [] });
};
const values = (r: ReturnType<typeof read>) =>
  Object.fromEntries([...(r.figures.get(null) ?? new Map()).entries()].map(([id, f]) => [id, f.value]));
const split = (r: ReturnType<typeof read>) =>
  r.issues.filter((i) => i.code === 'COUNTY_VALUE_SPLIT').map((i) => [i.cell, i.text]);

const ITEM8 = '教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量';

describe('readClauses', () => {
  it('item 8 in one sentence: two amounts and a 是', () => {
    const r = read(row(8, ITEM8, '', '教师年均工资 90000 元，公务员 96200 元；绩效工资足额核定', '达标'));
    expect(values(r)).toEqual({ teacherSalary: 90000, civilServantSalary: 96200, performancePay: true });
    expect(split(r)).toEqual([
      [
        'D2',
        '“教师年均工资 90000 元，公务员 96200 元；绩效工资足额核定”按分句读作：教师平均工资收入 90000元；公务员平均工资收入 96200元；足额核定教师绩效工资总量 是',
      ],
    ]);
  });

  it('a clause that says 未 is 否; 不低于 is no negative', () => {
    const r = read(row(8, ITEM8, '', '教师年均工资 90000 元，公务员 96200 元；绩效工资未足额核定', ''));
    expect(values(r).performancePay).toBe(false);
    const s = read(row(8, ITEM8, '', '教师工资不低于公务员；绩效工资足额核定', ''));
    expect(values(s)).toEqual({ teacherSalaryOk: true, performancePay: true });
  });

  it('a year is a date, never a figure; a clause naming nothing is not read', () => {
    const r = read(row(8, ITEM8, '', '2024年教师年均工资 90000 元，公务员 96200 元', ''));
    expect(values(r)).toEqual({ teacherSalary: 90000, civilServantSalary: 96200 });
    const none = read(row(8, ITEM8, '', '食堂 5 间，图书 300 册', ''));
    expect(split(none)).toEqual([]);
    expect(values(none).teacherSalary).toBeUndefined();
  });

  it('words that name nothing are the item’s next figure of its kind', () => {
    const r = read(
      row(
        11,
        '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%',
        '',
        '交流轮岗比例12.5%，其中占23.3%',
        '',
      ),
    );
    expect(values(r)).toEqual({ rotationRate: 0.125, rotationBackboneShare: 0.233 });
  });
});

describe('readClauses: the survivors of the run of 2026-12-07', () => {
  const ROT = '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%';
  it('a 否 clause is said as 否', () => {
    const r = read(row(8, ITEM8, '', '教师年均工资 90000 元，公务员 96200 元；绩效工资未足额核定', ''));
    expect(split(r)).toEqual([
      [
        'D2',
        '“教师年均工资 90000 元，公务员 96200 元；绩效工资未足额核定”按分句读作：教师平均工资收入 90000元；公务员平均工资收入 96200元；足额核定教师绩效工资总量 否',
      ],
    ]);
  });

  it('an empty clause at the end (。, or a space after ；) is no clause', () => {
    for (const end of ['。', '； ']) {
      const r = read(row(8, ITEM8, '', `教师年均工资 90000 元，公务员 96200 元${end}`, ''));
      expect([end, values(r)]).toEqual([end, { teacherSalary: 90000, civilServantSalary: 96200 }]);
    }
  });

  it('a clause of a placeholder only (/) names nothing: the sentence is not read', () => {
    const r = read(row(8, ITEM8, '', '教师年均工资 90000 元，公务员 96200 元；/', ''));
    expect(split(r)).toEqual([]);
  });

  it('the clauses in another order: each figure by its words', () => {
    const r = read(row(8, ITEM8, '', '公务员 96200 元，教师年均工资 90000 元', ''));
    expect(values(r)).toEqual({ teacherSalary: 90000, civilServantSalary: 96200 });
  });

  it('a number without % is a rate when its words say so (比例0.125)', () => {
    const r = read(row(11, ROT, '', '交流轮岗比例0.125，其中骨干教师比例0.233', ''));
    expect(values(r)).toEqual({ rotationRate: 0.125, rotationBackboneShare: 0.233 });
  });

  it('a rate past 100% in a clause: the sentence is not read', () => {
    const r = read(row(11, ROT, '', '交流轮岗比例120%，其中占23.3%', ''));
    expect(split(r)).toEqual([]);
    expect(values(r).rotationRate).toBeUndefined();
  });

  it('a name of several figures of one item, with no value: ambiguous, not read as a sentence', () => {
    const r = read(row(8, '平均工资收入', '', null, '达标'));
    expect(r.issues.filter((i) => i.code === 'COUNTY_ROW_AMBIGUOUS').map((i) => i.cell)).toEqual(['B2']);
  });

  it('in a file of several counties: each county’s sentence, said with its county; one that does not read, none', () => {
    const twoCounties = (first: string, second: string) => {
      const source: SourceFile = {
        path: 'x.xlsx',
        format: 'xlsx',
        sheets: [arraySheet('县级指标', [row('指标', '甲县', '乙县'), row(ITEM8, first, second)])],
      };
      return readCountySheet(source, structuredClone(YOUZHI_2017), { schoolSheets: [], counties: ['甲县', '乙县'] });
    };
    const r = twoCounties('教师年均工资 90000 元，公务员 96200 元', '公务员 96200 元，教师年均工资 90000 元');
    expect(r.issues.filter((i) => i.code === 'COUNTY_VALUE_SPLIT').map((i) => [i.cell, i.county])).toEqual([
      ['B2', '甲县'],
      ['C2', '乙县'],
    ]);
    const h = twoCounties('教师年均工资 90000 元，公务员 96200 元', '食堂 5 间，图书 300 册');
    expect(h.issues.filter((i) => i.code === 'COUNTY_VALUE_SPLIT')).toEqual([]);
  });

  it('the words that join figures are taken out longest first, whatever the wording’s order (共计 before 共)', () => {
    const p = structuredClone(YOUZHI_2017);
    p.wording.fillerWords = ['共', '共计'];
    const source: SourceFile = {
      path: 'x.xlsx',
      format: 'xlsx',
      sheets: [arraySheet('自评表', [header(), row(11, ROT, '', '交流轮岗比例12.5%，共计23.3%', '')])],
    };
    const r = readCountySheet(source, p, { schoolSheets: [], counties: [] });
    expect(values(r)).toEqual({ rotationRate: 0.125, rotationBackboneShare: 0.233 });
  });

  it('a clause with no number is a 是/否, never an amount of the item', () => {
    const r = read(row(8, ITEM8, '', '教师年均工资 90000 元；公务员平均工资收入', ''));
    expect(values(r).civilServantSalary).toBeUndefined();
  });

  it('a 是/否 clause with a no-answer phrase taken out of its middle: its neighbours stay apart (基本均衡实现 is no 基本实现)', () => {
    const r = read(row(8, ITEM8, '', '教师年均工资 90000 元，公务员 96200 元；绩效工资按基本均衡实现足额核定', ''));
    expect(values(r)).toEqual({ teacherSalary: 90000, civilServantSalary: 96200, performancePay: true });
  });
});
