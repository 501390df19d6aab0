/**
 * `kirchhoff opf <case.m | grid.json> [--dc [--losses]] [--json]`: optimal power flow, AC by default.
 * With `--json`, one object in the schema of MATPOWER's `<case>.opf.json` / `.dcopf.json` (same units
 * and element order) plus `timing_ms`; `--losses` adds the price parts of the loss-aware DC OPF.
 */
import { runOpf } from '../../app/run-opf/index.ts';
import { parseOptions, readInput, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';
import {
  formatAcOpfJson,
  formatAcOpfSummary,
  formatDcOpfJson,
  formatDcOpfSummary,
  formatLossAwareJson,
  formatLossAwareSummary,
} from './format-opf.ts';

export function opfCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, {
    dc: { type: 'boolean' },
    losses: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.losses && !values.dc)
    throw new UsageError('--losses goes with --dc (the AC OPF has its losses anyway)');
  if (positionals.length !== 1) throw new UsageError('expected one grid file (case.m or grid.json)');
  if (io.lpSolver === undefined) throw new Error('opfCommand: no LP solver wired');
  const fileName = positionals[0];
  const outcome = runOpf(
    {
      text: readInput(io, fileName),
      fileName,
      model: values.dc ? 'dc' : 'ac',
      losses: values.losses === true,
    },
    io.lpSolver,
    io.clock,
  );
  if (!outcome.ok) {
    for (const error of outcome.errors) io.stderr(`kirchhoff opf: ${error}\n`);
    return 1;
  }
  for (const warning of outcome.warnings) if (!values.json) io.stderr(`warning: ${warning}\n`);
  const { grid, solution, timingMs } = outcome;
  const json = values.json === true;
  let text: string;
  if (solution.model === 'dc') {
    const t = {
      parse: timingMs.parse,
      build: solution.result.timings.buildMs,
      solve: solution.result.timings.solveMs,
    };
    text = json
      ? JSON.stringify(formatDcOpfJson(grid, solution.result, t)) + '\n'
      : formatDcOpfSummary(grid, solution.result, t);
  } else if (solution.model === 'dc-losses') {
    text = json
      ? JSON.stringify(formatLossAwareJson(grid, solution.result)) + '\n'
      : formatLossAwareSummary(grid, solution.result);
  } else {
    text = json
      ? JSON.stringify(formatAcOpfJson(grid, solution.result, timingMs)) + '\n'
      : formatAcOpfSummary(grid, solution.result, timingMs);
  }
  io.stdout(text);
  if (solution.result.status !== 'optimal') {
    io.stderr(`kirchhoff opf: ${fileName}: ${solution.result.message ?? solution.result.status}\n`);
    return 1;
  }
  return 0;
}
