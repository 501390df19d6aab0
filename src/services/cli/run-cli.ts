/**
 * The `kirchhoff` command line: `pf`, `opf`, `convert`, `schema`, `forecast` and `simulate`. Returns the exit code; bad input
 * and non-convergence give a one-line reason on stderr and a non-zero code, never a stack trace.
 */
import { runPowerFlow } from '../../app/run-power-flow/index.ts';
import { parseOptions, readInput, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';
import { convertGridFile, printGridSchema } from './convert-command.ts';
import { forecastCommand } from './forecast-command.ts';
import { formatPowerFlowJson } from './format-power-flow-json.ts';
import { formatPowerFlowSummary } from './format-power-flow-summary.ts';
import { opfCommand } from './opf-command.ts';
import { simulateCommand } from './simulate-command.ts';

export const USAGE = `Kirchhoff: power flow and grid operations.

Usage:
  kirchhoff pf <case.m | grid.json> [--dc] [--enforce-q-limits] [--flat-start] [--json]
      Solve an AC (Newton-Raphson) or DC power flow. --json prints the MATPOWER reference schema.
  kirchhoff opf <case.m | grid.json> [--dc [--losses]] [--json]
      Optimal power flow: AC (primal-dual interior point on the AC equations), or DC on HiGHS with
      --dc; --losses adds marginal losses from the AC power flow and splits each price into
      energy, loss and congestion. --json prints MATPOWER's opf / dcopf reference schema.
  kirchhoff simulate <scenario.json> [--controller kirchhoff|baseline|both] [--out <dir>] [--seed <n>]
      Operate a grid interval by interval in closed loop (forecast, grid-aware dispatch, shedding,
      islanding, self-healing) against a traditional baseline; writes report.html, metrics.json and
      timeseries.csv to <dir> (default out/<scenario name>).
  kirchhoff convert <case.m | grid.json> -o <grid.json>
      Write a grid in Kirchhoff's JSON format.
  kirchhoff schema
      Print the JSON Schema of the grid format.
  kirchhoff forecast backtest <dataset-dir> --from <date> --to <date> [--model <name>]
                              [--weather actual|persistence] [--json]
      Day-ahead forecasts issued at 00:00 for each day, scored against what happened.
  kirchhoff forecast predict <dataset-dir> --at <date> [--horizon 24h] [--weather persistence|actual]
                             [--zone <name>] [--plot <file.svg>] [--json | --csv]
      The forecast with P10/P50/P90 issued at that midnight, and a plot of it against the history.
`;

export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'pf':
        return pfCommand(rest, io);
      case 'convert':
        return convertGridFile(rest, io);
      case 'schema':
        return printGridSchema(io);
      case 'opf':
        return opfCommand(rest, io);
      case 'forecast':
        return forecastCommand(rest, io);
      case 'simulate':
        return simulateCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`kirchhoff: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kirchhoff ${command}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function pfCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, {
    dc: { type: 'boolean' },
    'enforce-q-limits': { type: 'boolean' },
    'flat-start': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('expected one grid file (case.m or grid.json)');
  const fileName = positionals[0];
  const text = readInput(io, fileName);
  const outcome = runPowerFlow(
    {
      text,
      fileName,
      model: values.dc ? 'dc' : 'ac',
      enforceQLimits: values['enforce-q-limits'] === true,
      start: values['flat-start'] ? 'flat' : 'case',
    },
    io.clock,
  );
  if (!outcome.ok) {
    for (const error of outcome.errors) io.stderr(`${error}\n`);
    return 1;
  }
  for (const warning of outcome.warnings) if (!values.json) io.stderr(`warning: ${warning}\n`);
  const { grid, result, timingMs } = outcome;
  if (values.json) io.stdout(`${JSON.stringify(formatPowerFlowJson(grid, result, timingMs))}\n`);
  else io.stdout(formatPowerFlowSummary(grid, result, timingMs));
  if (result.status !== 'converged') {
    const detail = result.model === 'ac' ? ` after ${result.iterations} iterations` : '';
    const reason = result.message ? ` (${result.message})` : '';
    io.stderr(`kirchhoff pf: ${fileName}: power flow did not converge: ${result.status}${detail}${reason}\n`);
    return 1;
  }
  return 0;
}
