/**
 * The JSON contract as zod types: the JSON renderer's output is typed by them (json.ts), the
 * published JSON Schemas (schema/report.schema.json, schema/school.schema.json) are generated
 * from them (scripts/json-schema.ts), and the tests validate real reports against both.
 * Objects are strict: a key the code writes that the contract does not name fails the tests.
 */
import { z } from 'zod';

const num = z.number();
const count = z.number().int().nonnegative();
const level = z.enum(['primary', 'junior']);
const status = z.enum(['met', 'not_met', 'not_provided']);
/** Keyed by indicator id (qualified_teachers, …). */
const perIndicator = <T extends z.ZodType>(t: T) => z.record(z.string(), t);

const indicatorStats = z.strictObject({
  standard: num.nullable(),
  mean: num,
  cv: num.nullable(),
  cvThreshold: num,
  cvPass: z.boolean(),
  schoolsMeeting: count,
  total: num,
  students: count,
  sd: num,
  borderline: z.boolean(),
});

const sectionRef = { name: z.string(), level };

const plan = z.strictObject({
  target: num,
  status: z.enum(['already', 'planned', 'budget', 'unreachable']),
  reason: z.string().nullable(),
  unit: z.string(),
  cvBefore: num.nullable(),
  cvAfter: num.nullable(),
  waterLevel: num.nullable(),
  total: num,
  forFloors: num,
  budget: num.nullable(),
  cost: num.nullable(),
  additions: z.array(z.strictObject({ ...sectionRef, add: num, before: num, after: num, floor: num.nullable() })),
});

const actions = {
  influence: perIndicator(
    z.array(z.strictObject({ ...sectionRef, share: num, cvWithout: num.nullable(), above: z.boolean() })),
  ).optional(),
  plan: perIndicator(plan).optional(),
  composite: z
    .strictObject({
      threshold: num,
      status: z.enum(['already', 'planned', 'unreachable']),
      reason: z.string().nullable(),
      compositeBefore: num.nullable(),
      compositeAfter: num.nullable(),
      cost: num.nullable(),
      parts: z.array(
        z.strictObject({ indicator: z.string(), cvTarget: num, cvAfter: num.nullable(), total: num, cost: num }),
      ),
    })
    .nullable()
    .optional(),
  transfers: z
    .array(
      z.strictObject({
        indicator: z.string(),
        target: num,
        status: z.string(),
        reason: z.string().nullable(),
        cvBefore: num.nullable(),
        cvAfter: num.nullable(),
        moved: count,
        hired: count,
        moves: z.array(z.strictObject({ from: z.string(), to: z.string(), teachers: count })),
        hires: z.array(z.strictObject({ name: z.string(), teachers: count })),
      }),
    )
    .optional(),
};

const levelResult = z.strictObject({
  schoolCount: count,
  students: count,
  compliantSchools: count,
  indicators: perIndicator(indicatorStats),
  allCvPass: z.boolean(),
  compositeCv: num.nullable(),
  cvRulePass: z.boolean(),
  pass: z.boolean(),
  shortfallTotals: z.strictObject({ toStandard: perIndicator(num), toCompliance: perIndicator(num) }),
  ...actions,
});

/** One school section (a 九年一贯制 school has two): a county report's `schools[]`, a line of `<name>.schools.jsonl`. */
const schoolSection = {
  name: z.string(),
  code: z.string().nullable(),
  type: z.string(),
  ownership: z.string(),
  level,
  students: count,
  values: perIndicator(num),
  met: perIndicator(z.boolean()),
  metCount: count,
  compliant: z.boolean(),
  schoolCompliant: z.boolean(),
  shortfall: perIndicator(num),
  shortfallToCompliance: perIndicator(num),
  split: z
    .strictObject({
      facilityShare: num,
      teacherShare: num,
      weights: z.strictObject({ primary: num.optional(), junior: num.optional(), senior: num.optional() }),
      givenFields: z.array(z.string()),
    })
    .nullable(),
  source: z.strictObject({ sheet: z.string(), row: count }),
};
export const SchoolSectionJson = z.strictObject(schoolSection);
/** A line of `<name>.schools.jsonl`: a school section with its county. */
export const SchoolLineJson = z.strictObject({ county: z.string().nullable(), ...schoolSection });

const roomCheck = z
  .strictObject({ needed: count, have: count.nullable(), missing: count.nullable(), tooSmall: count.nullable() })
  .nullable();

const checklistItem = z.strictObject({
  dimension: z.enum(['guarantee', 'quality', 'recognition']),
  number: count,
  id: z.string(),
  name: z.string(),
  status,
  conditions: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string(),
      status,
      value: z.union([num, z.boolean()]).nullable(),
      source: z.enum(['ready', 'counts', 'yesno']).nullable(),
      /** The other side's figure (公务员平均工资收入 for 教师平均工资收入), when the value was compared with one. */
      reference: num.nullable(),
      /** The profile's threshold: met when value ≥ min, or value < below. */
      threshold: z.strictObject({ min: num.nullable(), below: num.nullable() }).nullable(),
      /** Every county figure read for the judgement (both sides, each numerator and denominator term), with its cell. */
      figures: z.array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          value: z.union([num, z.boolean()]),
          sheet: z.string(),
          cell: z.string(),
        }),
      ),
    }),
  ),
  schools: z
    .strictObject({
      failing: z.array(z.string()),
      notProvided: z.array(z.string()),
      rooms: z
        .strictObject({ musicMissing: count, artMissing: count, musicTooSmall: count, artTooSmall: count })
        .nullable(),
    })
    .nullable(),
  claim: z
    .strictObject({ met: z.boolean(), text: z.string(), sheet: z.string(), cell: z.string(), agrees: z.boolean() })
    .nullable(),
});

/** A profile without county items (2012) judges only 资源配置: the other dimensions are absent. */
const dimensions = <T extends z.ZodType>(t: T) =>
  z.strictObject({
    resources: t.optional(),
    guarantee: t.optional(),
    quality: t.optional(),
    recognition: t.optional(),
  });

const counts = z.strictObject({ error: count, warning: count, info: count });

const county = z.strictObject({
  county: z.string().nullable(),
  pass: z.boolean(),
  schoolCount: count,
  compliantSchools: count,
  levels: z.strictObject({ primary: levelResult.optional(), junior: levelResult.optional() }),
  /** One county: every school section. A batch: in `<name>.schools.jsonl` instead. */
  schools: z.array(SchoolSectionJson).optional(),
  /** A batch: the county's errors, warnings and notes (the issues themselves are in `issues`, with `county`). */
  issueCounts: counts.optional(),
  excluded: z.array(z.strictObject({ name: z.string(), type: z.string(), reason: z.string() })),
  checklist: z.array(checklistItem),
  claimDisagreements: z.array(
    z.strictObject({
      id: z.string(),
      dimension: z.string(),
      number: count,
      sheet: z.string(),
      cell: z.string(),
      claim: z.string(),
      computed: z.string(),
      detail: z.string(),
    }),
  ),
  verdict: z.strictObject({
    status,
    dimensions: dimensions(status),
    countyFiguresGiven: z.boolean(),
    reasons: dimensions(z.string()),
  }),
  schoolItems: z
    .array(
      z.strictObject({
        name: z.string(),
        classes: count.nullable(),
        rooms: z.strictObject({ status, music: roomCheck, art: roomCheck }),
        size: z.strictObject({ status, students: count, max: z.number(), over: count }),
        classSize: z.strictObject({
          status,
          oversizeClasses: count.nullable(),
          maxClassSize: count.nullable(),
          limit: count.nullable(),
        }),
      }),
    )
    .optional(),
  groups: z.array(
    z.strictObject({
      group: z.string(),
      level,
      schoolCount: count,
      students: count,
      indicators: perIndicator(z.strictObject({ value: num, cv: num.nullable(), ofCounty: num.nullable() })),
    }),
  ),
  urbanRural: z.array(
    z.strictObject({
      level,
      areas: z.partialRecord(
        z.enum(['城区', '镇区', '乡村']),
        z.strictObject({ schoolCount: count, students: count, values: perIndicator(num) }),
      ),
      ruralToUrban: perIndicator(num.nullable()),
    }),
  ),
});

export const IssueJson = z.strictObject({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  row: count.nullable(),
  school: z.string().nullable(),
  column: z.string().nullable(),
  county: z.string().nullable(),
  message: z.string(),
});

export const ReportJson = z.strictObject({
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  profile: z.strictObject({ id: z.string(), name: z.string() }),
  input: z.strictObject({
    file: z.string(),
    format: z.enum(['xlsx', 'csv']),
    encoding: z.string().optional(),
    sheet: z.string().nullable(),
    /** Present when the schools were read from several sheets: every one, in the workbook's order. */
    sheets: z.array(z.string()).optional(),
    headerRow: count.nullable(),
    title: z.string().nullable(),
    countySheet: z.string().nullable(),
    /** Present when the county figures were read from several sheets (one per part of the 自评表): every one, `countySheet` the first. */
    countySheets: z.array(z.string()).optional(),
    schoolRows: count,
    year: z.string().optional(),
    /** `--county`: the county of a several-county file this report is of, as the file names it. */
    county: z.string().optional(),
    /** What the county signed its tables with (填报单位, 填表人, 审核人, 日期), when it did. */
    signatures: z
      .strictObject({
        unit: z.string().optional(),
        filler: z.string().optional(),
        reviewer: z.string().optional(),
        date: z.string().optional(),
      })
      .optional(),
    /**
     * Every column of the school table that holds something, and what became of it: used for a field, summed
     * into one (体育 + 音乐 + 美术), checked against its sum's own column, computed from formulas without results,
     * or ignored with the issue that says why.
     */
    columns: z
      .array(
        z.strictObject({
          sheet: z.string(),
          cell: z.string(),
          header: z.array(z.string()),
          field: z.string().nullable(),
          how: z.enum(['used', 'summed', 'checked', 'computed', 'ignored']),
          issue: z.string().nullable(),
          formulas: count,
        }),
      )
      .optional(),
  }),
  droppedIndicators: z.array(z.string()),
  /** A file of several counties: how many, how many pass, and the JSON Lines file of its school rows. */
  batch: z.strictObject({ counties: count, passing: count, schoolsFile: z.string().nullable() }).optional(),
  /** A batch: the province table, one row per county and level, failing counties first. */
  province: z
    .array(
      z.strictObject({
        county: z.string().nullable(),
        level,
        schoolCount: count,
        students: count,
        cv: perIndicator(num.nullable()),
        mean: perIndicator(num),
        compositeCv: num.nullable(),
        cvsPassed: count,
        compliantSchools: count,
        pass: z.boolean(),
        reasons: z.string().nullable(),
      }),
    )
    .optional(),
  counties: z.array(county),
  issues: z.array(IssueJson),
});

export type ReportJson = z.infer<typeof ReportJson>;
export type SchoolLineJson = z.infer<typeof SchoolLineJson>;

/** The JSON Schemas published with the package (draft 2020-12). */
export const jsonSchemas = () => ({
  'report.schema.json': {
    $id: 'https://balance-check/schema/report.schema.json',
    title: 'balance-check report (<name>.report.json, --json)',
    ...z.toJSONSchema(ReportJson),
  },
  'school.schema.json': {
    $id: 'https://balance-check/schema/school.schema.json',
    title: 'balance-check school section (a line of <name>.schools.jsonl)',
    ...z.toJSONSchema(SchoolLineJson),
  },
});
