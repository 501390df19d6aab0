/**
 * The Kirchhoff controller's real-time layer, each interval on the engine's AC power flow with the
 * estimated demand: self-healing after a fault (isolate with remote switches, re-supply through a
 * tie), the island guard (a community battery forms the grid; load is shed by priority until that
 * battery would run below 80 % of its power), and local corrections where a bus would leave its
 * voltage band (batteries on that LV network discharge or charge at their headroom, EV charging
 * there pauses, PV there is curtailed).
 */
import type { Grid } from '../../core/grid/index.ts';
import { planFaultIsolation } from '../restoration/index.ts';
import { type AggregatedGrid, storageHeadroomMw } from '../vpp/index.ts';
import { advanceInterval, type IntervalTruth, type PlantState } from './advance-interval.ts';
import type { ControllerDecision } from './controller.ts';

/**
 * Isolation and restoration with remote switches; a tie closes only where the AC power flow of the
 * estimated interval shows no more voltage or thermal violations with it than without it (`violations`
 * counts them for a set of switch states), else its part stays dark until the repair.
 */
export function restoreAfterFault(
  grid: Grid,
  normal: ReadonlyMap<string, boolean>,
  branchId: string,
  violations: (switches: ReadonlyMap<string, boolean>) => number,
): { switches: Map<string, boolean>; actions: string[] } {
  const normalState: Grid = {
    ...grid,
    switches: grid.switches.map((s) => ({ ...s, closed: normal.get(s.id) ?? s.closed })),
  };
  const plan = planFaultIsolation(normalState, branchId, { remoteOnly: true });
  const switches = new Map<string, boolean>();
  if ('error' in plan) return { switches, actions: [`fault on ${branchId}: ${plan.error}`] };
  for (const id of plan.isolateSwitchIds) switches.set(id, false);
  if (plan.breakerSwitchId && plan.recloseBreaker) switches.set(plan.breakerSwitchId, true);
  const ties: string[] = [];
  const refused: string[] = [];
  let dark = 0;
  for (const part of plan.darkParts) {
    const before = violations(switches);
    const tie = part.tieSwitchIds.find((id) => violations(new Map(switches).set(id, true)) <= before);
    if (tie) {
      switches.set(tie, true);
      ties.push(tie);
    } else {
      dark += part.busIds.length;
      refused.push(...part.tieSwitchIds);
    }
  }
  return {
    switches,
    actions: [
      `isolated ${branchId} by remote switches (opened ${plan.isolateSwitchIds.join(', ')})` +
        (plan.recloseBreaker ? `, reclosed ${plan.breakerSwitchId}` : '') +
        (ties.length > 0 ? `, re-supplied ${ties.length} part(s) through ${ties.join(', ')}` : '') +
        (refused.length > 0 ? `; ${refused.join(', ')} left open (limits would be violated)` : '') +
        (dark > 0 ? `; ${dark} buses stay dark until the repair` : ''),
    ],
  };
}

const SHED_STEPS: readonly { priority: 'flexible' | 'essential'; fraction: number }[] = [
  { priority: 'flexible', fraction: 1 },
  { priority: 'essential', fraction: 0.25 },
  { priority: 'essential', fraction: 0.5 },
  { priority: 'essential', fraction: 0.75 },
  { priority: 'essential', fraction: 1 },
];

export function guardIsland(
  grid: Grid,
  estimate: IntervalTruth,
  state: PlantState,
  decision: ControllerDecision,
): ControllerDecision {
  const candidates = grid.storage
    .filter(
      (s) =>
        s.inService &&
        (state.storageEnergyMwh.get(s.id) ?? 0) > (s.socMinFraction + 0.05) * s.energyCapacityMwh,
    )
    .sort((a, b) => b.pDischargeMaxMw - a.pDischargeMaxMw);
  const former = candidates[0];
  if (!former) return { ...decision, actions: [...decision.actions, 'island: no battery can form the grid'] };
  let current: ControllerDecision = { ...decision, gridFormerStorageId: former.id };
  for (let k = 0; k <= SHED_STEPS.length; k++) {
    const m = advanceInterval(grid, estimate, state, current).measures;
    const mw = m.storageMw.get(former.id) ?? 0;
    const room = storageHeadroomMw(
      { ...former, energyMwh: state.storageEnergyMwh.get(former.id) ?? 0 },
      estimate.intervalH,
    );
    if (!m.islandCollapsed && mw <= 0.8 * room.dischargeMw) return current;
    if (k === SHED_STEPS.length) break;
    const { priority, fraction } = SHED_STEPS[k];
    const shed = new Map(current.shedFraction);
    for (const l of grid.loads)
      if (l.priority === priority) shed.set(l.id, Math.max(shed.get(l.id) ?? 0, fraction));
    // EV charging waits while the island is short
    const evMw = new Map(
      [...current.evMw.keys(), ...estimate.evSessions.map((s) => s.id)].map((id) => [id, 0]),
    );
    current = {
      ...current,
      shedFraction: shed,
      evMw,
      actions: [
        ...current.actions.filter((a) => !a.startsWith('island: shed')),
        `island: shed ${Math.round(fraction * 100)} % of ${priority} load to keep ${former.id} within its power`,
      ],
    };
  }
  return {
    ...current,
    actions: [
      ...current.actions,
      `island: ${former.id} may not hold the island even with all non-critical load shed`,
    ],
  };
}

export function correctLocally(
  grid: Grid,
  aggregated: AggregatedGrid,
  estimate: IntervalTruth,
  state: PlantState,
  decision: ControllerDecision,
): ControllerDecision {
  const m = advanceInterval(grid, estimate, state, decision).measures;
  const limits = new Map(grid.buses.map((b) => [b.id, b]));
  const low = new Set<string>();
  const high = new Set<string>();
  for (const [bus, vm] of m.vmPuByBus) {
    const b = limits.get(bus);
    if (!b || !Number.isFinite(vm)) continue;
    const node = aggregated.nodeOfBus.get(bus) ?? bus;
    if (vm < b.vmMinPu + 0.005) low.add(node);
    else if (vm > b.vmMaxPu - 0.005) high.add(node);
  }
  if (low.size === 0 && high.size === 0) return decision;
  const nodeOf = (busId: string) => aggregated.nodeOfBus.get(busId) ?? busId;
  const storageMw = new Map(decision.storageMw);
  for (const s of grid.storage) {
    if (s.id === decision.gridFormerStorageId) continue;
    const room = storageHeadroomMw(
      { ...s, energyMwh: state.storageEnergyMwh.get(s.id) ?? 0 },
      estimate.intervalH,
    );
    if (low.has(nodeOf(s.busId))) storageMw.set(s.id, room.dischargeMw);
    else if (high.has(nodeOf(s.busId))) storageMw.set(s.id, -room.chargeMw);
  }
  const chargerNode = new Map(grid.evChargers.map((c) => [c.id, nodeOf(c.busId)]));
  const evMw = new Map(decision.evMw);
  for (const s of estimate.evSessions) if (low.has(chargerNode.get(s.chargerId) ?? '')) evMw.set(s.id, 0);
  const pvCapMw = new Map(decision.pvCapMw);
  for (const p of grid.pv) {
    if (high.has(nodeOf(p.busId)))
      pvCapMw.set(p.id, 0.5 * (estimate.pvAvailableMw.get(p.id) ?? p.capacityMw));
  }
  return {
    ...decision,
    storageMw,
    evMw,
    pvCapMw,
    actions: [
      ...decision.actions,
      ...(low.size > 0
        ? [`voltage support at ${low.size} LV network(s): local batteries discharge, EV charging paused`]
        : []),
      ...(high.size > 0
        ? [`over-voltage at ${high.size} LV network(s): local batteries charge, PV curtailed`]
        : []),
    ],
  };
}
