/**
 * A problem found in a scenario, with the path of its field (`events[1].branchId`), and the parse
 * of untrusted data into a scenario that reports every schema problem at once.
 */
import type { z } from 'zod';
import { formatPath } from '../../core/grid/index.ts';
import { type Scenario, scenarioSchema } from './scenario-schema.ts';

export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
  /** Absent means 'error'. */
  readonly severity?: 'error' | 'warning';
}

export const isScenarioError = (issue: ScenarioIssue): boolean => issue.severity !== 'warning';

/** `path: message`. */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export type ScenarioParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

/** Parses untrusted data (a JSON file's content) with the schema; defaults are filled in. */
export function parseScenario(input: unknown): ScenarioParseResult {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return { ok: false, issues: parsed.error.issues.map(fromZodIssue) };
}

function fromZodIssue(issue: z.core.$ZodIssue): ScenarioIssue {
  return { path: formatPath(issue.path), message: issue.message };
}
