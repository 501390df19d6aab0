/**
 * AC and DC power flow against MATPOWER's reference solutions in ../shared/cases/matpower:
 * |dVm| <= 1e-6 p.u., |dVa| <= 1e-5 deg, flows and generator outputs <= 1e-4 MW/MVAr, losses
 * <= 1e-4 MW, Newton iterations equal (+-1) from the same starting point; DC angles <= 1e-6 deg.
 */
import { describe, expect, it } from 'vitest';
import { loadGrid } from '../src/app/run-power-flow/index.ts';
import type { Grid } from '../src/core/grid/index.ts';
import { runAcPowerFlow, runDcPowerFlow } from '../src/core/powerflow/index.ts';
import { maxAbsDiff } from './support/compare.ts';
import { readMatpowerCase, readReference, referenceCases } from './support/shared-dir.ts';

interface PfReference {
  converged: boolean;
  iterations: number;
  bus: { id: number[]; vm: number[]; va: number[] };
  gen: { bus: number[]; pg: number[]; qg: number[] };
  branch: { from: number[]; to: number[]; pf: number[]; qf: number[]; pt: number[]; qt: number[] };
  losses: { p_mw: number; q_mvar: number; q_charging_mvar: number };
  diagnostics: {
    flat_start_converged: boolean;
    flat_start_iterations: number;
    q_limits_enforced_converged: boolean;
    q_limits_enforced_iterations: number;
  };
}
interface DcpfReference {
  bus: { id: number[]; va: number[] };
  gen: { pg: number[] };
  branch: { pf: number[] };
}

function load(name: string): Grid {
  const loaded = loadGrid(readMatpowerCase(name), `${name}.m`);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.grid;
}

describe.each(referenceCases)('%s against MATPOWER', (name) => {
  const grid = load(name);

  it('AC power flow matches voltages, flows, losses and iteration count', () => {
    const ref = readReference<PfReference>(name, 'pf');
    const result = runAcPowerFlow(grid);
    expect(result.status).toBe('converged');
    expect(Math.abs(result.iterations - ref.iterations)).toBeLessThanOrEqual(1);
    expect(grid.buses.map((b) => Number(b.id))).toEqual(ref.bus.id);
    expect(maxAbsDiff(result.buses.vmPu, ref.bus.vm)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(result.buses.vaDeg, ref.bus.va)).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(result.generators.pMw, ref.gen.pg)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(result.generators.qMvar, ref.gen.qg)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(result.branches.pFromMw, ref.branch.pf)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(result.branches.qFromMvar, ref.branch.qf)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(result.branches.pToMw, ref.branch.pt)).toBeLessThanOrEqual(1e-4);
    expect(maxAbsDiff(result.branches.qToMvar, ref.branch.qt)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(result.losses.pMw - ref.losses.p_mw)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(result.losses.qMvar - ref.losses.q_mvar)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(result.losses.qChargingMvar - ref.losses.q_charging_mvar)).toBeLessThanOrEqual(1e-4);
  });

  it('converges from a flat start in MATPOWER’s iteration count (+-1)', () => {
    const ref = readReference<PfReference>(name, 'pf');
    const result = runAcPowerFlow(grid, { start: 'flat' });
    expect(result.status).toBe(ref.diagnostics.flat_start_converged ? 'converged' : 'max-iterations');
    expect(Math.abs(result.iterations - ref.diagnostics.flat_start_iterations)).toBeLessThanOrEqual(1);
  });

  it('enforces reactive limits, converging in MATPOWER’s total iterations (+-1)', () => {
    const ref = readReference<PfReference>(name, 'pf');
    const result = runAcPowerFlow(grid, { enforceQLimits: true });
    expect(result.status).toBe(
      ref.diagnostics.q_limits_enforced_converged ? 'converged' : 'q-limits-infeasible',
    );
    expect(Math.abs(result.iterations - ref.diagnostics.q_limits_enforced_iterations)).toBeLessThanOrEqual(1);
    for (let g = 0; g < grid.generators.length; g++) {
      const gen = grid.generators[g];
      if (!gen.inService) continue;
      expect(result.generators.qMvar[g]).toBeLessThanOrEqual((gen.qMaxMvar ?? Infinity) + 1e-4);
      expect(result.generators.qMvar[g]).toBeGreaterThanOrEqual((gen.qMinMvar ?? -Infinity) - 1e-4);
    }
  });

  it('DC power flow matches angles, flows and the slack output', () => {
    const ref = readReference<DcpfReference>(name, 'dcpf');
    const result = runDcPowerFlow(grid);
    expect(result.status).toBe('converged');
    expect(maxAbsDiff(result.buses.vaDeg, ref.bus.va)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(result.branches.pFromMw, ref.branch.pf)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(result.generators.pMw, ref.gen.pg)).toBeLessThanOrEqual(1e-6);
  });
});
