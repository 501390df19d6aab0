/**
 * Text and JSON of optimal power flows: DC OPF and AC OPF in the schema of MATPOWER's `.dcopf.json`
 * and `.opf.json` references (same units and element order), the loss-aware DC OPF with its price
 * parts, and readable summaries.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { AcOpfResult, DcOpfResult, LossAwareDcOpfResult } from '../../core/opf/index.ts';
import { busRef } from './format-power-flow-json.ts';

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

export function formatDcOpfSummary(
  grid: Grid,
  result: DcOpfResult,
  timingMs: Record<string, number>,
): string {
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

export function formatLossAwareSummary(grid: Grid, result: LossAwareDcOpfResult): string {
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

export function formatAcOpfJson(grid: Grid, result: AcOpfResult, timingMs: Record<string, number>) {
  return {
    case: grid.name,
    type: 'ac_opf',
    success: result.status === 'optimal',
    status: result.status,
    f: result.objective,
    iterations: result.iterations,
    worst_violation: {
      mismatch_mva: result.worstViolation.mismatchMva,
      voltage_pu: result.worstViolation.voltagePu,
      flow_mva: result.worstViolation.flowMva,
    },
    units: { f: 'cost per hour', vm: 'p.u.', va: 'degrees', p: 'MW', q: 'MVAr', lam_p: 'cost per MWh' },
    bus: {
      id: grid.buses.map((b) => busRef(b.id)),
      vm: Array.from(result.vmPu, orNull),
      va: Array.from(result.vaDeg, orNull),
      lam_p: Array.from(result.lmp, orNull),
      lam_q: Array.from(result.lamQ, orNull),
    },
    gen: {
      bus: grid.generators.map((g) => busRef(g.busId)),
      status: grid.generators.map((g) => (g.inService ? 1 : 0)),
      pg: Array.from(result.pgMw),
      qg: Array.from(result.qgMvar),
    },
    branch: {
      from: grid.branches.map((b) => busRef(b.fromBusId)),
      to: grid.branches.map((b) => busRef(b.toBusId)),
      pf: Array.from(result.branchFlows.pf),
      qf: Array.from(result.branchFlows.qf),
      pt: Array.from(result.branchFlows.pt),
      qt: Array.from(result.branchFlows.qt),
    },
    timing_ms: timingMs,
  };
}

export function formatAcOpfSummary(
  grid: Grid,
  result: AcOpfResult,
  timingMs: Record<string, number>,
): string {
  const v = result.worstViolation;
  const prices = Array.from(result.lmp).filter((x) => !Number.isNaN(x));
  const vms = Array.from(result.vmPu).filter((x) => !Number.isNaN(x));
  const losses = Array.from(result.branchFlows.pf).reduce((a, b, k) => a + b + result.branchFlows.pt[k], 0);
  return `${[
    `${grid.name}: AC OPF ${result.status} after ${result.iterations} interior-point iterations, cost ${result.objective.toFixed(2)} per hour`,
    `worst violation: mismatch ${v.mismatchMva.toExponential(2)} MVA, voltage ${v.voltagePu.toExponential(2)} p.u., ratings ${v.flowMva.toExponential(2)} MVA`,
    `LMP ${Math.min(...prices).toFixed(2)} to ${Math.max(...prices).toFixed(2)} per MWh; voltages ${Math.min(...vms).toFixed(4)} to ${Math.max(...vms).toFixed(4)} p.u.; losses ${losses.toFixed(2)} MW`,
    `timing: parse ${timingMs.parse.toFixed(1)} ms, solve ${timingMs.solve.toFixed(1)} ms`,
  ].join('\n')}\n`;
}
