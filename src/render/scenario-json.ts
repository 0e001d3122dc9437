/**
 * `balance-check scenario --json`: {tool, input, plan, baseline: {counties}, alternatives: [{name, changes, counties}], comparison}.
 * Every `counties` array is the main report's (toJson): a script reads an alternative as it reads a check.
 */
import { jsonSafe } from '../common/controls';
import type { ScenarioModel } from '../report/scenario';
import { toJson } from './json';

export function scenarioJson(model: ScenarioModel) {
  return {
    tool: model.tool,
    profile: { id: model.profile.id, name: model.profile.name },
    input: model.input,
    plan: model.plan,
    baseline: { counties: toJson(model.baseline).counties },
    alternatives: model.alternatives.map((a) => ({
      name: a.name,
      cost: a.cost,
      changes: a.changes.map((r) => ({
        sheet: r.change.sheet,
        row: r.change.row,
        operation: r.change.operation,
        school: r.change.school,
        target: r.change.target,
        level: r.change.level,
        item: r.change.item,
        amount: r.change.amount,
        note: r.change.note,
        text: r.text,
        cost: r.cost,
        contribution:
          r.contributions?.map((x) => ({
            level: x.level,
            indicator: x.indicator,
            cv: x.cv,
            cvWithout: x.without,
            effect: x.effect,
          })) ?? null,
        contributionUnavailable: r.reason,
      })),
      counties: toJson(a.report).counties,
    })),
    comparison: model.counties.map((c) => ({
      county: c.county,
      label: c.label,
      metrics: c.metrics.map((m) => ({
        part: m.part,
        label: m.label,
        better: m.better,
        threshold: m.threshold,
        values: m.values,
        of: m.of,
        passes: m.passes,
        changes: m.changes,
      })),
    })),
    meanings: model.meanings,
  };
}

export const renderScenarioJson = (model: ScenarioModel): string =>
  `${jsonSafe(JSON.stringify(scenarioJson(model), null, 2))}\n`;
