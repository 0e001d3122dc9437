// Takes: the input's school records, the plan, and the one evaluation every check makes (records → report: the same engine, the same model).
// Gives: the baseline, each alternative's records and report, and each change row's contribution (the alternative without that row); or the plan's errors.
import { hasErrors, type Issue } from '../issues/catalogue';
import type { SchoolRecord } from '../engine/types';
import type { Report } from '../report/model';
import type { Profile } from '../engine/profile';
import { applyAlternative } from './apply';
import { alternativeCost, type AlternativeCost } from './cost';
import type { Alternative, Change, ScenarioPlan } from './types';

export interface Contribution {
  change: Change;
  /** The alternative evaluated without this row; null when the others cannot be applied without it (reason). */
  without: Report | null;
  reason: string | null;
}

export interface AlternativeRun {
  alternative: Alternative;
  /** In 元, where unit costs are given (null without them). */
  cost: AlternativeCost | null;
  records: SchoolRecord[];
  report: Report;
  contributions: Contribution[];
}

export interface ScenarioRun {
  baseline: Report;
  alternatives: AlternativeRun[];
  /** The plan rows' errors (and the alternatives' data errors): nothing is reported while there are any. */
  issues: Issue[];
}

/** Every alternative starts from the input's records; none sees another's changes, and the input's records are never changed. */
export function runScenario(
  records: readonly SchoolRecord[],
  plan: ScenarioPlan,
  profile: Profile,
  evaluate: (records: readonly SchoolRecord[]) => Report,
  options: { contributions?: boolean; unitCosts?: Readonly<Record<string, number>> } = {},
): ScenarioRun {
  const baseline = evaluate(records);
  const applied = plan.alternatives.map((a) => ({ a, ...applyAlternative(records, a.changes, plan, profile) }));
  const planIssues = applied.flatMap((x) => x.issues);
  if (hasErrors(planIssues)) return { baseline, alternatives: [], issues: planIssues };
  const alternatives = applied.map(({ a, records: changed }) => {
    const report = evaluate(changed);
    const contributions =
      options.contributions === false || a.changes.length < 2
        ? a.changes.map((change) => ({ change, without: a.changes.length === 1 ? baseline : null, reason: null }))
        : a.changes.map((change) => contributionOf(records, a, change, plan, profile, evaluate));
    const cost =
      options.unitCosts && Object.keys(options.unitCosts).length
        ? alternativeCost(a, plan, profile, options.unitCosts)
        : null;
    return { alternative: a, cost, records: changed, report, contributions };
  });
  // An alternative whose schools have errors (the input has none: checked first) (a new school with a blank cell): reported as the check reports them.
  const dataIssues = alternatives.flatMap((x) => x.report.issues.filter((i) => i.severity === 'error'));
  return { baseline, alternatives: hasErrors(dataIssues) ? [] : alternatives, issues: dataIssues };
}

function contributionOf(
  records: readonly SchoolRecord[],
  alternative: Alternative,
  change: Change,
  plan: ScenarioPlan,
  profile: Profile,
  evaluate: (records: readonly SchoolRecord[]) => Report,
): Contribution {
  const others = alternative.changes.filter((c) => c !== change);
  const applied = applyAlternative(records, others, plan, profile);
  const error = applied.issues.find((i) => i.severity === 'error');
  if (error) return { change, without: null, reason: `去掉此行后，第 ${error.row ?? ''} 行无法执行：${error.text}` };
  const without = evaluate(applied.records);
  if (hasErrors(without.issues)) return { change, without: null, reason: '去掉此行后数据有错误，无法计算' };
  return { change, without, reason: null };
}
