// Takes: nothing (the shape of a profile's county rules).
// Gives: the zod schemas and types of county figures, conditions and items, keyword sets, and what an item reads.
import { z } from 'zod';

export const COUNTY_UNITS = ['count', 'percent', 'yuan', 'number', 'yesno'] as const;

/** Words a name must all hold (`all`) and must not hold (`none`). */
export const KeywordSetSchema = z.strictObject({
  all: z.array(z.string()).min(1),
  none: z.array(z.string()).default([]),
});

export const CountyInputSchema = z.strictObject({
  id: z.string(),
  /** Row names: the first is the one the template writes; the rest are aliases. */
  names: z.array(z.string()).min(1),
  unit: z.enum(COUNTY_UNITS),
  /** What the figure is, for the template and messages. */
  note: z.string(),
  /** The wording of the official text (indicators.md §3–5) for this figure, when it has its own. */
  official: z.string().optional(),
  /**
   * Keywords that identify the figure in any wording: a row matches a set when it holds every
   * word of `all` and none of `none` (残疾 + 入学 → the enrolled count; 残疾 without 入学 → the total).
   */
  keywords: z.array(KeywordSetSchema).default([]),
});

export const Term = z.strictObject({ input: z.string(), sign: z.union([z.literal(1), z.literal(-1)]) });

const base = { id: z.string(), label: z.string() };
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('yesno'), ...base, input: z.string() }),
  z.strictObject({
    kind: z.literal('ratio'),
    ...base,
    /** A row holding the ratio itself (96.5% or 0.965). */
    ready: z.string(),
    /** Or the raw counts: Σ numerator ÷ Σ denominator. */
    numerator: z.array(Term),
    denominator: z.array(Term),
    /** Met when ≥ min … */
    min: z.number().optional(),
    /** … or when < below (校际差异率 < 0.15). */
    below: z.number().optional(),
    /** A share cannot exceed 1: counts that give more do not add up. */
    share: z.boolean(),
    /** A 是/否 row accepted instead of the figure (per-school ratios judged by the county). */
    orYesNo: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('amount'), ...base, input: z.string(), min: z.number() }),
  /** One figure at least another (teachers' pay ≥ civil servants' pay), or a 是/否 row saying so. */
  z.strictObject({
    kind: z.literal('notBelow'),
    ...base,
    input: z.string(),
    reference: z.string(),
    orYesNo: z.string(),
  }),
]);

export const SchoolItemKind = z.enum(['rooms', 'size', 'classSize']);

export const ChecklistItemSchema = z.strictObject({
  id: z.string(),
  dimension: z.enum(['guarantee', 'quality', 'recognition']),
  number: z.number().int().positive(),
  name: z.string(),
  /** Other wordings of the whole item (a 自评表's 评估内容 column). */
  aliases: z.array(z.string()).default([]),
  /**
   * Key words that name the item in a row of a 自评表 (班额 → item 5): for items judged from the school rows,
   * whose rows carry only the county's claim. Same syntax as a county figure's keywords.
   */
  keywords: z.array(KeywordSetSchema).optional(),
  /** Judged from the school rows. */
  school: SchoolItemKind.optional(),
  conditions: z.array(ConditionSchema),
});

export type CountyInput = z.infer<typeof CountyInputSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** "残疾+入学-率|残疾+在校" → [{all: [残疾, 入学], none: [率]}, {all: [残疾, 在校], none: []}]: keyword sets written compactly. */
export function keywordSets(spec: string): CountyInput['keywords'] {
  return spec
    .split('|')
    .filter(Boolean)
    .map((set) => {
      const [all, ...none] = set.split('-');
      return { all: all!.split('+'), none };
    });
}

/** The figures a condition reads, the ready figure first. */
export function conditionInputs(c: Condition): string[] {
  switch (c.kind) {
    case 'yesno':
    case 'amount':
      return [c.input];
    case 'notBelow':
      return [c.input, c.reference, c.orYesNo];
    case 'ratio':
      return [
        c.ready,
        ...c.numerator.map((t) => t.input),
        ...c.denominator.map((t) => t.input),
        ...(c.orYesNo ? [c.orYesNo] : []),
      ];
  }
}

/**
 * What an item reads: every figure (`all`, in order, once each), the figures a single number for the
 * whole item stands for (`ready`: the ratios and amounts), and those a 是/否 for the whole item answers.
 */
export function itemInputs(item: ChecklistItem): { all: string[]; ready: string[]; yesno: string[] } {
  const ready: string[] = [];
  const yesno: string[] = [];
  for (const c of item.conditions) {
    if (c.kind === 'yesno') yesno.push(c.input);
    if (c.kind === 'amount') ready.push(c.input);
    if (c.kind === 'notBelow') yesno.push(c.orYesNo);
    if (c.kind === 'ratio') {
      ready.push(c.ready);
      if (c.orYesNo) yesno.push(c.orYesNo);
    }
  }
  return { all: [...new Set(item.conditions.flatMap(conditionInputs))], ready, yesno };
}
