/**
 * What src/engine/profile.ts computes besides its tables: an indicator's quantity (what a plan adds, not per student:
 * the profile's words, or the name without 生均 / 每百名学生拥有 / 每百名学生 and a closing 数), and the resource
 * columns a profile's indicators read (each once, in order). Each test works on its own copy of the profile.
 */
import { describe, expect, it } from 'vitest';
import { quantityName, requiredResourceFields, YOUZHI_2017, type IndicatorDef } from '../../src/engine/profile';

const named = (name: string, quantity?: string): IndicatorDef => {
  const ind = structuredClone(YOUZHI_2017.indicators[0]!);
  delete ind.quantity;
  return { ...ind, name, ...(quantity === undefined ? {} : { quantity }) };
};

describe('quantityName', () => {
  it('the profile’s words when it has them', () => {
    expect(quantityName(named('生均体育运动场馆面积', '体育场馆'))).toBe('体育场馆');
  });

  it('else the name without its per-student words and a closing 数', () => {
    expect(quantityName(named('生均体育运动场馆面积'))).toBe('体育运动场馆面积');
    expect(quantityName(named('每百名学生拥有网络多媒体教室数'))).toBe('网络多媒体教室');
    expect(quantityName(named('每百名学生计算机台数'))).toBe('计算机台');
    // Only at the start and at the end.
    expect(quantityName(named('小学生均数量'))).toBe('小学生均数量');
    expect(quantityName(named('数学教师人数'))).toBe('数学教师人');
  });
});

describe('requiredResourceFields', () => {
  it('each numerator once, in the indicators’ order', () => {
    const p = structuredClone(YOUZHI_2017);
    p.indicators = [p.indicators[4]!, p.indicators[1]!, { ...p.indicators[4]!, id: 'again' }];
    expect(requiredResourceFields(p)).toEqual(['sportsSpace', 'backboneTeachers']);
    expect(requiredResourceFields(structuredClone(YOUZHI_2017))).toEqual([
      'qualifiedTeachers',
      'backboneTeachers',
      'peArtsTeachers',
      'teachingSpace',
      'sportsSpace',
      'equipmentValue',
      'multimediaRooms',
    ]);
  });
});
