/**
 * Under GitHub Actions (GITHUB_ACTIONS=true): where the CI output goes. Annotations go to stdout, once:
 * GitHub reads workflow commands from stdout and stderr alike, and stdout is where a plain run's
 * result is; with `--json`, whose stdout must stay one JSON document, they go to stderr instead.
 * The issues given as annotations (githubOutput returns them) are not listed again on stderr, so
 * each shows once in the log, with its place (the annotation's message carries it). The step summary is appended to
 * $GITHUB_STEP_SUMMARY.
 */
import { appendFileSync } from 'node:fs';
import type { Issue } from '../issues/catalogue';
import type { Report } from '../report/model';
import {
  ANNOTATION_LIMIT,
  renderAnnotations,
  renderFatalAnnotation,
  renderFatalSummary,
  renderStepSummary,
  type StrictFailure,
  type SummaryKind,
} from '../render/github';

type Print = (s: string) => void;

export const underGitHub = () => process.env.GITHUB_ACTIONS === 'true';

function appendSummary(text: string, err: Print) {
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  try {
    appendFileSync(summary, text);
  } catch {
    err(`警告：无法写入 GITHUB_STEP_SUMMARY（${summary}）`);
  }
}

export interface GitHubRun {
  report: Report;
  file: string;
  valid: boolean;
  json: boolean | undefined;
  kind: SummaryKind;
  /** What made --strict fail, said in the summary. */
  strictFailures?: readonly StrictFailure[];
}

/** Errors and warnings as annotations, and the step summary; returns the issues annotated (none outside GitHub Actions). */
export function githubOutput(run: GitHubRun, out: Print, err: Print): ReadonlySet<Issue> {
  if (!underGitHub()) return new Set();
  const { report, file } = run;
  for (const line of renderAnnotations(report.issues, file, report.input.format === 'csv'))
    (run.json ? err : out)(line);
  appendSummary(renderStepSummary(report, run.valid, run.kind, run.strictFailures ?? []), err);
  return new Set(report.issues.filter((i) => i.severity !== 'info').slice(0, ANNOTATION_LIMIT));
}

/** A run that stopped before or after the data (exit 3): an ::error annotation and a line in the summary; code null: the command line. */
export function githubFatal(code: string | null, message: string, out: Print, err: Print): void {
  if (!underGitHub()) return;
  out(renderFatalAnnotation(code, message));
  appendSummary(renderFatalSummary(code, message), err);
}
