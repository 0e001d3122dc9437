/**
 * The built-in profiles and `--profile FILE` overrides. An override names the built-in it
 * extends and changes any rule value; the result is validated like a built-in, and a bad
 * value is reported by its key (indicators.sports_space.standard.primary), not a stack trace.
 */
import { type z } from 'zod';
import { ProfileSchema, YOUZHI_2017, type Profile } from './profile';
import type { ResourceField, SchoolRecord } from './types';

/**
 * 《县域义务教育均衡发展督导评估暂行办法》（2012）: 8 indicators, CV only; 综合差异系数 = mean of the 8.
 * As YOUZHI_2017, the parsed profile itself (checked by a test, not parsed at each start).
 */
export const JIBEN_2012: Profile = {
  ...YOUZHI_2017,
  id: 'jiben-2012',
  name: '县域义务教育基本均衡发展督导评估（2012）',
  verdictName: '基本均衡',
  source: '教督〔2012〕3号；综合差异系数 = 8项差异系数的平均值',
  indicators: [
    {
      id: 'teaching_space',
      name: '生均教学及辅助用房面积',
      short: '教学用房',
      quantity: '教学及辅助用房面积',
      numerator: 'teachingSpace',
      scale: 1,
      unit: '㎡',
      shortfallUnit: '㎡',
      countable: false,
      split: 'weighted',
      standard: null,
    },
    {
      id: 'sports_space',
      name: '生均体育运动场馆面积',
      short: '体育场馆',
      quantity: '体育运动场馆面积',
      numerator: 'sportsSpace',
      scale: 1,
      unit: '㎡',
      shortfallUnit: '㎡',
      countable: false,
      split: 'weighted',
      standard: null,
    },
    {
      id: 'equipment_value',
      name: '生均教学仪器设备值',
      short: '仪器设备',
      quantity: '教学仪器设备值',
      numerator: 'equipmentValue',
      scale: 1,
      unit: '元',
      shortfallUnit: '元',
      countable: false,
      split: 'weighted',
      standard: null,
    },
    {
      id: 'computers',
      name: '每百名学生拥有计算机台数',
      short: '计算机',
      quantity: '计算机',
      numerator: 'computers',
      scale: 100,
      unit: '台',
      shortfallUnit: '台',
      countable: true,
      split: 'weighted',
      standard: null,
    },
    {
      id: 'books',
      name: '生均图书册数',
      short: '图书',
      quantity: '图书',
      numerator: 'books',
      scale: 1,
      unit: '册',
      shortfallUnit: '册',
      countable: true,
      split: 'weighted',
      standard: null,
    },
    {
      id: 'teacher_ratio',
      name: '师生比',
      short: '师生比',
      quantity: '专任教师',
      numerator: 'teachers',
      scale: 1,
      unit: '',
      shortfallUnit: '人',
      countable: true,
      split: 'students',
      standard: null,
    },
    {
      id: 'qualified_teachers',
      name: '生均高于规定学历教师数',
      short: '高学历教师',
      quantity: '高于规定学历教师',
      numerator: 'qualifiedTeachers',
      scale: 1,
      unit: '人',
      shortfallUnit: '人',
      countable: true,
      split: 'students',
      standard: null,
    },
    {
      id: 'mid_title_teachers',
      name: '生均中级及以上专业技术职务教师数',
      short: '中级职称教师',
      quantity: '中级及以上专业技术职务教师',
      numerator: 'midTitleTeachers',
      scale: 1,
      unit: '人',
      shortfallUnit: '人',
      countable: true,
      split: 'students',
      standard: null,
    },
  ],
  cv: { rule: 'mean', threshold: { primary: 0.65, junior: 0.55 }, decimals: 3, borderlineMargin: 0.01 },
  compliance: null,
  countyInputs: [],
  checklist: [],
};

export const BUILT_IN_PROFILES: readonly Profile[] = [YOUZHI_2017, JIBEN_2012];

/**
 * A CV-only profile (no per-school standards) judges each indicator on its own, so an indicator
 * whose column the file lacks, or leaves empty in every row (whole school and per section), is left
 * out (the caller warns) rather than failing the whole file. A profile with standards keeps them all.
 */
export function availableIndicators(
  profile: Profile,
  columns: ReadonlySet<string>,
  records: readonly SchoolRecord[],
): { profile: Profile; dropped: Profile['indicators'] } {
  if (profile.compliance !== null) return { profile, dropped: [] };
  const filled = (field: ResourceField) =>
    records.some(
      (r) =>
        r.resources[field] !== undefined || Object.values(r.sectionResources).some((x) => x?.[field] !== undefined),
    );
  const dropped = profile.indicators.filter((i) => !columns.has(i.numerator) || !filled(i.numerator));
  if (dropped.length === 0 || dropped.length === profile.indicators.length) return { profile, dropped: [] };
  return { profile: { ...profile, indicators: profile.indicators.filter((i) => !dropped.includes(i)) }, dropped };
}

export class ProfileError extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Objects merge key by key; arrays and values replace. `indicators` / `checklist` given as {id: {...}} merge by id. */
function merge(base: unknown, over: unknown, key = ''): unknown {
  if ((key === 'indicators' || key === 'checklist') && Array.isArray(base) && isObject(over)) {
    const unknown = Object.keys(over).filter((id) => !base.some((b) => isObject(b) && b.id === id));
    if (unknown.length)
      throw new ProfileError(
        `${key} 中没有 ${unknown.map((u) => `“${u}”`).join('、')}（可用：${base.map((b) => (b as { id: string }).id).join('、')}）`,
      );
    return base.map((b): unknown =>
      isObject(b) && over[b.id as string] !== undefined ? merge(b, over[b.id as string]) : b,
    );
  }
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new ProfileError(`不允许的配置项“${k}”`);
      out[k] = Object.hasOwn(base, k) ? merge(base[k], v, k) : v;
    }
    return out;
  }
  return over;
}

/** zod's path with indicator and item indices shown as their ids. */
function keyOf(path: readonly PropertyKey[], profile: unknown): string {
  const parts: string[] = [];
  let node: unknown = profile;
  for (const p of path) {
    const child: unknown = Array.isArray(node) ? node[Number(p)] : isObject(node) ? node[String(p)] : undefined;
    parts.push(typeof p === 'number' && isObject(child) && typeof child.id === 'string' ? child.id : String(p));
    node = child;
  }
  return parts.join('.');
}

/** The schema's view of zod's classes, as far as keysAt walks them. */
interface SchemaNode {
  def: {
    type: string;
    innerType?: SchemaNode;
    element?: SchemaNode;
    keyType?: SchemaNode & { options?: unknown[] };
    valueType?: SchemaNode;
  };
  shape?: Record<string, SchemaNode>;
}

/** The keys the schema allows at a path: an object's fields, or a record's key values when they are an enum (the column ids). */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let node = schema as SchemaNode | undefined;
  const unwrap = () => {
    while (node && (node.def.type === 'optional' || node.def.type === 'nullable' || node.def.type === 'default'))
      node = node.def.innerType;
  };
  for (const p of path) {
    unwrap();
    if (!node) return [];
    if (node.def.type === 'object') node = node.shape?.[String(p)];
    else if (node.def.type === 'array') node = node.def.element;
    else if (node.def.type === 'record') node = node.def.valueType;
    else return [];
  }
  unwrap();
  if (node?.def.type === 'object') return Object.keys(node.shape ?? {});
  if (node?.def.type === 'record') return (node.def.keyType?.options ?? []).map(String);
  return [];
}

/** A profile from parsed JSON: `{"extends": "youzhi-2017", ...overrides}`. Throws ProfileError in Chinese. */
export function resolveProfile(json: unknown): Profile {
  if (!isObject(json)) throw new ProfileError('配置文件应为 JSON 对象');
  const { extends: baseId = YOUZHI_2017.id, ...overrides } = json;
  const base = BUILT_IN_PROFILES.find((p) => p.id === baseId);
  if (!base)
    throw new ProfileError(
      `extends：没有名为“${String(baseId)}”的内置配置（可用：${BUILT_IN_PROFILES.map((p) => p.id).join('、')}）`,
    );
  const merged = merge(base, { id: `${base.id}+custom`, ...overrides });
  const parsed = ProfileSchema.safeParse(merged);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const at = keyOf(first.path, merged);
    if (first.code === 'unrecognized_keys') {
      // A misspelt key would otherwise be dropped and the built-in value used without a word.
      const known = keysAt(ProfileSchema, first.path);
      const where = first.keys.map((k) => `“${at ? `${at}.` : ''}${k}”`).join('、');
      throw new ProfileError(`未知的配置项 ${where}${known.length ? `（此处可用：${known.join('、')}）` : ''}`);
    }
    throw new ProfileError(`配置项 ${at} 无效：${zodMessage(first)}`);
  }
  return parsed.data;
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为 ${issue.expected}`;
    case 'too_small':
      return `应${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)}`;
    case 'too_big':
      return `应${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join(' / ')} 之一`;
    case 'unrecognized_keys':
      return `未知的键 ${issue.keys.join('、')}`;
    default:
      return issue.message;
  }
}
