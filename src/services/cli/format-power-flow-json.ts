/**
 * The `pf --json` output: one object in the schema of MATPOWER's reference files
 * (`../shared/cases/matpower/reference/<case>.pf.json` and `.dcpf.json`), same units and element
 * order, so that the two can be diffed, plus `timing_ms` measured in this process. As in MATPOWER,
 * buses that are out of service (type 4, isolated) keep the voltage stored in the case; the results
 * of the engine give them 0 and `energised: 0`.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { PowerFlowResult } from '../../core/powerflow/index.ts';

const matpowerBusType = { pq: 1, pv: 2, slack: 3, isolated: 4 } as const;

const isOutOfService = (bus: Grid['buses'][number]) => !bus.inService || bus.type === 'isolated';

/** Bus ids that are integers written canonically (MATPOWER bus numbers) are written as numbers. */
export function busRef(id: string): number | string {
  const n = Number(id);
  return Number.isSafeInteger(n) && String(n) === id ? n : id;
}

export function formatPowerFlowJson(
  grid: Grid,
  result: PowerFlowResult,
  timingMs: { parse: number; compile: number; solve: number },
): Record<string, unknown> {
  const ac = result.model === 'ac';
  const busIds = grid.buses.map((b) => busRef(b.id));
  const gen = {
    bus: grid.generators.map((g) => busRef(g.busId)),
    status: grid.generators.map((g) => (g.inService ? 1 : 0)),
    pg: Array.from(result.generators.pMw),
    ...(ac ? { qg: Array.from(result.generators.qMvar) } : {}),
  };
  const branchBase = {
    from: grid.branches.map((b) => busRef(b.fromBusId)),
    to: grid.branches.map((b) => busRef(b.toBusId)),
    status: grid.branches.map((b) => (b.inService ? 1 : 0)),
    pf: Array.from(result.branches.pFromMw),
  };
  const timing = { parse: timingMs.parse, compile: timingMs.compile, solve: timingMs.solve };
  if (!ac) {
    return {
      case: grid.name,
      type: 'dc_power_flow',
      converged: result.status === 'converged',
      status: result.status,
      baseMVA: result.baseMva,
      units: { va: 'degrees', p: 'MW' },
      bus: {
        id: busIds,
        va: grid.buses.map((b, i) => (isOutOfService(b) ? b.vaDeg : result.buses.vaDeg[i])),
      },
      gen,
      branch: branchBase,
      timing_ms: timing,
    };
  }
  let sumQ = 0;
  for (let k = 0; k < grid.branches.length; k++)
    sumQ += result.branches.qFromMvar[k] + result.branches.qToMvar[k];
  return {
    case: grid.name,
    type: 'ac_power_flow',
    converged: result.status === 'converged',
    status: result.status,
    iterations: result.iterations,
    baseMVA: result.baseMva,
    units: { vm: 'p.u.', va: 'degrees', p: 'MW', q: 'MVAr' },
    bus: {
      id: busIds,
      type: grid.buses.map((b) => matpowerBusType[b.type]),
      vm: grid.buses.map((b, i) => (isOutOfService(b) ? b.vmPu : result.buses.vmPu[i])),
      va: grid.buses.map((b, i) => (isOutOfService(b) ? b.vaDeg : result.buses.vaDeg[i])),
    },
    gen,
    branch: {
      ...branchBase,
      qf: Array.from(result.branches.qFromMvar),
      pt: Array.from(result.branches.pToMw),
      qt: Array.from(result.branches.qToMvar),
    },
    losses: {
      p_mw: result.losses.pMw,
      q_mvar: result.losses.qMvar,
      q_charging_mvar: result.losses.qChargingMvar,
      sum_pf_plus_pt_mw: result.losses.pMw,
      sum_qf_plus_qt_mvar: sumQ,
    },
    timing_ms: timing,
  };
}
