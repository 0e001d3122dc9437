/**
 * The 15 + 9 + 1 county items of the 2017 method (indicators.md §3–5) as data: the rows a
 * 县级指标 sheet may hold (with their aliases and units), and each item as conditions over
 * those rows. An item with `school` is judged from the school rows instead.
 * The rules are in four files by job (rule-schema, county-inputs-2017, checklist-2017, wording-2017);
 * this module gathers them for the rest of the code.
 */
export * from './rule-schema';
export { COUNTY_INPUTS_2017 } from './county-inputs-2017';
export { CHECKLIST_2017 } from './checklist-2017';
export { WordingSchema, WORDING_2017, type Wording } from './wording-2017';
