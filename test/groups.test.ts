/** Gaps inside 学区 / 集团 and between 城区 and 乡村, checked by hand. */
import { describe, expect, it, beforeEach } from 'vitest';
import { evaluateCounty } from '../src/engine/evaluate';
import { YOUZHI_2017 } from '../src/engine/profile';
import type { SchoolRecord, UrbanRural } from '../src/engine/types';
import { renderMarkdown } from '../src/render/markdown';
import { check, county, workbook } from './helpers/files';
import { primaryAtStandard, school } from './helpers/records';

/** A primary school at the standards, with its teaching space set. */
const s = (name: string, P: number, space: number, group: string, urbanRural: UrbanRural): SchoolRecord =>
  school(name, '小学', { primary: P }, { ...primaryAtStandard(P), teachingSpace: space }, { group, urbanRural });

// A 城区 100 / 600 ㎡ (6), B 城区 300 / 1200 (4), C 乡村 100 / 900 (9), D 乡村 100 / 300 (3); county 3000 / 600 = 5.
// Evaluated before each test, not at import: code run outside a test is a static mutant to Stryker (run by every test).
let result!: ReturnType<typeof evaluateCounty>;
beforeEach(() => {
  result = evaluateCounty(
    null,
    [
      s('A', 100, 600, 'G1', '城区'),
      s('B', 300, 1200, 'G2', '城区'),
      s('C', 100, 900, 'G1', '乡村'),
      s('D', 100, 300, 'G2', '乡村'),
    ],
    YOUZHI_2017,
  );
});

describe('学区 / 集团', () => {
  it('G1 = {A 6, C 9}, 100 students each: mean 7.5, S 1.5, CV 0.2, 1.5 × the county value 5', () => {
    const g1 = result.groups.find((g) => g.group === 'G1')!.indicators.teaching_space!;
    expect(g1.value).toBeCloseTo(7.5, 12);
    expect(g1.cv).toBeCloseTo(0.2, 12);
    expect(g1.ofCounty).toBeCloseTo(1.5, 12);
  });

  it('G2 = {B 4 × 300, D 3 × 100}: mean 3.75, S² = (300·0.25² + 100·0.75²)/400 = 0.1875', () => {
    const g2 = result.groups.find((g) => g.group === 'G2')!;
    expect(g2.students).toBe(400);
    expect(g2.indicators.teaching_space!.value).toBeCloseTo(3.75, 12);
    expect(g2.indicators.teaching_space!.cv).toBeCloseTo(Math.sqrt(0.1875) / 3.75, 12);
    expect(g2.indicators.teaching_space!.ofCounty).toBeCloseTo(0.75, 12);
  });
});

describe('城区 / 镇区 / 乡村', () => {
  it('城区 (600+1200)/400 = 4.5, 乡村 (900+300)/200 = 6, 乡村 ÷ 城区 = 4/3; no 镇区', () => {
    const ur = result.urbanRural[0]!;
    expect(ur.areas.城区!.values.teaching_space).toBeCloseTo(4.5, 12);
    expect(ur.areas.乡村!.values.teaching_space).toBeCloseTo(6, 12);
    expect(ur.areas.镇区).toBeUndefined();
    expect(ur.ruralToUrban.teaching_space).toBeCloseTo(4 / 3, 12);
  });

  it('without 学区 / 城乡分类 columns there is nothing to show', async () => {
    const r = await check(await workbook({ 学校数据: county() }));
    expect(r.counties[0]!.groups).toEqual([]);
    expect(r.counties[0]!.urbanRural).toEqual([]);
    expect(renderMarkdown(r)).not.toContain('学区（集团）与城乡差距');
  });

  it('the terminal gives 乡村 ÷ 城区, or, without 城区 (or 乡村) schools, which areas there are', async () => {
    const { renderSummary } = await import('../src/render/terminal');
    const { Chalk } = await import('chalk');
    const text = renderSummary(await check('fixtures/sample-county.xlsx'), new Chalk({ level: 0 }));
    expect(text).toMatch(/城乡（小学）乡村 ÷ 城区：高学历教师 \d/);
    const rows = county().map((r, i) => [...r, i === 0 ? '城乡分类' : '农村']);
    const rural = renderSummary(await check(await workbook({ 学校数据: rows })), new Chalk({ level: 0 }));
    expect(rural).toContain('城乡（小学）：乡村 4 所；无城区学校，不计算乡村 ÷ 城区');
    expect(rural).not.toContain('乡村 ÷ 城区：');
  });

  it('the sample county reports 城乡 in Markdown', async () => {
    const md = renderMarkdown(await check('fixtures/sample-county.xlsx'));
    expect(md).toContain('### 小学：城区、镇区、乡村');
  });
});
