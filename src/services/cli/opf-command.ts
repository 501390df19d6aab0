/**
 * `kirchhoff opf <case.m | grid.json> [--dc] [--json]`: optimal power flow. With `--json`, one object
 * in the schema of MATPOWER's `<case>.dcopf.json` (`success`, `f`, `bus.id/va/lam_p`,
 * `gen.bus/status/pg`, `branch.from/to/pf`, same units and element order) plus `timing_ms`.
 */
import { runOpf } from '../../app/run-opf/index.ts';
import type { Grid } from '../../core/grid/index.ts';
import type { DcOpfResult, LossAwareDcOpfResult } from '../../core/opf/index.ts';
import { parseOptions, readInput, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';
import { busRef } from './format-power-flow-json.ts';

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
  const { grid, result, timingMs, lossAware } = outcome;
  if (lossAware) {
    if (values.json) io.stdout(`${JSON.stringify(formatLossAwareJson(grid, lossAware))}\n`);
    else io.stdout(formatLossAwareSummary(grid, lossAware));
    if (lossAware.status !== 'optimal') {
      io.stderr(`kirchhoff opf: ${fileName}: ${lossAware.message ?? lossAware.status}\n`);
      return 1;
    }
    return 0;
  }
  if (values.json) io.stdout(`${JSON.stringify(formatDcOpfJson(grid, result, timingMs))}\n`);
  else io.stdout(formatDcOpfSummary(grid, result, timingMs));
  if (result.status !== 'optimal') {
    io.stderr(`kirchhoff opf: ${fileName}: ${result.message ?? result.status}\n`);
    return 1;
  }
  return 0;
}

export function formatDcOpfJson(grid: Grid, result: DcOpfResult, timingMs: Record<string, number>) {
  return {
    case: grid.name,
    type: 'dc_opf',
    success: result.status === 'optimal',
    status: result.status,
    f: result.objective,
    units: { f: 'cost per hour', va: 'degrees', p: 'MW', lam_p: 'cost per MWh' },
    bus: {
      id: grid.buses.map((b) => busRef(b.id)),
      va: Array.from(result.vaDeg, (v) => (Number.isNaN(v) ? null : v)),
      lam_p: Array.from(result.lmp, (v) => (Number.isNaN(v) ? null : v)),
    },
    gen: {
      bus: grid.generators.map((g) => busRef(g.busId)),
      status: grid.generators.map((g) => (g.inService ? 1 : 0)),
      pg: Array.from(result.pgMw),
    },
    branch: {
      from: grid.branches.map((b) => busRef(b.fromBusId)),
      to: grid.branches.map((b) => busRef(b.toBusId)),
      pf: Array.from(result.pfMw),
    },
    timing_ms: timingMs,
  };
}

function formatDcOpfSummary(grid: Grid, result: DcOpfResult, timingMs: Record<string, number>): string {
  const lines = [`${grid.name}: DC OPF ${result.status}, cost ${result.objective.toFixed(2)} per hour`];
  const prices = Array.from(result.lmp).filter((v) => !Number.isNaN(v));
  if (prices.length > 0) {
    lines.push(
      `LMP: ${Math.min(...prices).toFixed(2)} to ${Math.max(...prices).toFixed(2)} per MWh over ${prices.length} buses`,
    );
  }
  const binding = grid.branches
    .map((b, k) => ({ id: b.id, dual: result.flowLimitDual[k], pf: result.pfMw[k], rate: b.rateAMva ?? 0 }))
    .filter((b) => Math.abs(b.dual) > 1e-6)
    .sort((a, b) => Math.abs(b.dual) - Math.abs(a.dual));
  lines.push(`binding flow limits: ${binding.length}`);
  for (const b of binding.slice(0, 10)) {
    lines.push(
      `  branch ${b.id}: ${b.pf.toFixed(1)} MW at its ${b.rate} MVA limit, shadow price ${Math.abs(b.dual).toFixed(2)} per MWh`,
    );
  }
  const total = Array.from(result.pgMw).reduce((a, b) => a + b, 0);
  lines.push(
    `generation ${total.toFixed(1)} MW from ${grid.generators.filter((g) => g.inService).length} generators`,
  );
  lines.push(
    `timing: parse ${timingMs.parse.toFixed(1)} ms, build ${timingMs.build.toFixed(1)} ms, solve ${timingMs.solve.toFixed(1)} ms`,
  );
  return `${lines.join('\n')}\n`;
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** The dcopf schema with the loss-aware dispatch and prices, plus the three parts of each price. */
export function formatLossAwareJson(grid: Grid, result: LossAwareDcOpfResult) {
  return {
    case: grid.name,
    type: 'dc_opf_marginal_losses',
    success: result.status === 'optimal',
    status: result.status,
    f: result.objective,
    iterations: result.iterations,
    losses_mw: result.lossesMw,
    units: { f: 'cost per hour', p: 'MW', lam_p: 'cost per MWh' },
    bus: {
      id: grid.buses.map((b) => busRef(b.id)),
      lam_p: Array.from(result.lmp, orNull),
      lam_p_energy: Array.from(result.lmpEnergy, orNull),
      lam_p_loss: Array.from(result.lmpLoss, orNull),
      lam_p_congestion: Array.from(result.lmpCongestion, orNull),
      loss_factor: Array.from(result.lossFactor, orNull),
    },
    gen: {
      bus: grid.generators.map((g) => busRef(g.busId)),
      status: grid.generators.map((g) => (g.inService ? 1 : 0)),
      pg: Array.from(result.pgMw),
    },
  };
}

function formatLossAwareSummary(grid: Grid, result: LossAwareDcOpfResult): string {
  const range = (values: Float64Array) => {
    const v = Array.from(values).filter((x) => !Number.isNaN(x));
    return `${Math.min(...v).toFixed(2)} to ${Math.max(...v).toFixed(2)}`;
  };
  return `${[
    `${grid.name}: loss-aware DC OPF ${result.status} after ${result.iterations} iterations, cost ${result.objective.toFixed(2)} per hour`,
    `AC losses at the dispatch: ${result.lossesMw.toFixed(2)} MW (by iteration: ${result.lossesByIterationMw.map((l) => l.toFixed(1)).join(', ')})`,
    `LMP ${range(result.lmp)} per MWh = energy ${range(result.lmpEnergy)} + loss ${range(result.lmpLoss)} + congestion ${range(result.lmpCongestion)}`,
    `loss factors ${range(result.lossFactor)} (MW of loss per MW injected)`,
  ].join('\n')}\n`;
}
