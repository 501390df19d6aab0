/**
 * Rolling-horizon dispatch for a control loop: plan the whole horizon from the present state, commit
 * the first interval, and carry the state (storage energy, generator outputs for ramps, EV energy
 * still owed) to the next step, where the caller passes the next horizon with fresh forecasts.
 * Interval indices in each step's input count from that step's first interval.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { LpSolver } from '../../core/optimize/index.ts';
import type { DispatchInput } from './dispatch-input.ts';
import type { DispatchResult } from './dispatch-result.ts';
import { runDispatch } from './run-dispatch.ts';

export interface RollingState {
  readonly storageEnergyMwh: Readonly<Record<string, number>>;
  readonly generatorMw: Readonly<Record<string, number>>;
  /** Energy still to deliver per EV session id (absent: the session's full energy). */
  readonly evRemainingMwh: Readonly<Record<string, number>>;
}

export interface RollingStep {
  readonly plan: DispatchResult;
  /** The set-points of the committed first interval, by resource id, MW. */
  readonly committed: {
    readonly generatorMw: Readonly<Record<string, number>>;
    readonly storageMw: Readonly<Record<string, number>>;
    readonly evMw: Readonly<Record<string, number>>;
    readonly importMw: Readonly<Record<string, number>>;
    readonly loadShedMw: Readonly<Record<string, number>>;
  };
  readonly next: RollingState;
}

/** The state a grid describes now: storage energy and generator outputs as given in it. */
export function readRollingState(grid: Grid): RollingState {
  return {
    storageEnergyMwh: Object.fromEntries(grid.storage.map((s) => [s.id, s.energyMwh])),
    generatorMw: Object.fromEntries(grid.generators.map((g) => [g.id, g.pMw])),
    evRemainingMwh: {},
  };
}

const first = (map: ReadonlyMap<string, Float64Array>) =>
  Object.fromEntries([...map].map(([id, values]) => [id, values[0] ?? 0]));

export function planRollingStep(input: DispatchInput, state: RollingState, solver: LpSolver): RollingStep {
  const grid: Grid = {
    ...input.grid,
    storage: input.grid.storage.map((s) => ({
      ...s,
      energyMwh: state.storageEnergyMwh[s.id] ?? s.energyMwh,
    })),
  };
  const evSessions = (input.evSessions ?? []).map((s) => ({
    ...s,
    energyMwh: state.evRemainingMwh[s.id] ?? s.energyMwh,
  }));
  const plan = runDispatch({ ...input, grid, evSessions, initialGeneratorMw: state.generatorMw }, solver);
  const committed = {
    generatorMw: first(plan.generatorMw),
    storageMw: first(plan.storageMw),
    evMw: first(plan.evMw),
    importMw: first(plan.importMw),
    loadShedMw: first(plan.loadShedMw),
  };
  const evRemainingMwh: Record<string, number> = { ...state.evRemainingMwh };
  for (const s of evSessions)
    evRemainingMwh[s.id] = Math.max(0, s.energyMwh - (committed.evMw[s.id] ?? 0) * input.intervalH);
  const next: RollingState = {
    storageEnergyMwh: { ...state.storageEnergyMwh, ...first(plan.storageEnergyMwh) },
    generatorMw: { ...state.generatorMw, ...committed.generatorMw },
    evRemainingMwh,
  };
  return { plan, committed, next };
}
