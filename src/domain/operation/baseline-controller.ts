/**
 * The traditional grid the Kirchhoff loop is measured against: no forecasting and no DER
 * coordination. The central plant follows load as its automatic generation control does: each
 * interval it moves by the import last metered, so as to bring the import to zero, within its limits
 * (the upstream grid takes whatever it cannot or has not yet followed); batteries idle,
 * PV runs at whatever the sun gives, EVs charge at full power from plug-in, nothing is shed by
 * choice. Faults are handled as field crews do: after `crewDelayIntervals` the faulted section is
 * isolated with any switch and the healthy parts re-supplied through a tie (without a load-flow
 * check); after the repair the normal switching state returns. Without the upstream grid the
 * district goes dark: it has no grid-forming resource of its own.
 */
import type { Grid } from '../../core/grid/index.ts';
import { planFaultIsolation } from '../restoration/index.ts';
import type { Controller, ControllerDecision, Observation, ZoneForecastNow } from './controller.ts';

export interface BaselineOptions {
  /** Generators that follow load (the central plant). */
  readonly followerIds: readonly string[];
  /** Intervals from a fault until crews have switched (default: 1.5 h worth). */
  readonly crewDelayIntervals: number;
}

export function createBaselineController(grid: Grid, options: BaselineOptions): Controller {
  const followers = grid.generators.filter((g) => options.followerIds.includes(g.id));
  const normal = new Map(grid.switches.map((s) => [s.id, s.closed]));
  const handled = new Set<string>();
  const setPoint = new Map(followers.map((g) => [g.id, g.pMw]));
  const normalState: Grid = {
    ...grid,
    switches: grid.switches.map((s) => ({ ...s, closed: normal.get(s.id) ?? s.closed })),
  };
  const empty = new Map<string, never>();
  return {
    name: 'baseline',
    lastTimingsMs: { forecast: 0, dispatch: 0 },
    zoneView: () => new Map<string, ZoneForecastNow>(),
    decide(obs: Observation): ControllerDecision {
      const actions: string[] = [];
      // generation control follows the tie-line flow only while there is a tie line
      if (obs.upstreamConnected && Number.isFinite(obs.meteredImportMw)) {
        const capacity = followers.reduce((sum, g) => sum + (g.pMaxMw ?? 0), 0);
        const target = [...setPoint.values()].reduce((a, b) => a + b, 0) + obs.meteredImportMw;
        for (const g of followers) {
          const share = capacity > 0 ? ((g.pMaxMw ?? 0) / capacity) * target : target / followers.length;
          setPoint.set(g.id, Math.min(g.pMaxMw ?? Number.POSITIVE_INFINITY, Math.max(g.pMinMw, share)));
        }
      }
      const generatorMw = new Map(setPoint);
      // crews: isolate and re-supply once they are there; back to normal after the repair
      const switches = new Map<string, boolean>();
      for (const fault of obs.faults) {
        if (handled.has(fault.branchId) || obs.interval < fault.atInterval + options.crewDelayIntervals)
          continue;
        // planned on the normal switching state (the breaker that tripped counts as closed)
        const plan = planFaultIsolation(normalState, fault.branchId, { remoteOnly: false });
        if ('error' in plan) continue;
        handled.add(fault.branchId);
        for (const id of plan.isolateSwitchIds) switches.set(id, false);
        if (plan.breakerSwitchId && plan.recloseBreaker) switches.set(plan.breakerSwitchId, true);
        for (const part of plan.darkParts) if (part.tieSwitchIds[0]) switches.set(part.tieSwitchIds[0], true);
        actions.push(
          `crews isolated ${fault.branchId}: opened ${plan.isolateSwitchIds.join(', ')}; closed ${
            [...switches]
              .filter(([, c]) => c)
              .map(([id]) => id)
              .join(', ') || 'nothing'
          }`,
        );
      }
      // after a repair (whether the crews had switched yet or not) the normal switching returns
      if (obs.faults.length === 0) {
        const abnormal = [...normal].filter(([sw, closed]) => obs.switchClosed.get(sw) !== closed);
        for (const [sw, closed] of abnormal) switches.set(sw, closed);
        if (abnormal.length > 0)
          actions.push(`crews restored the normal switching (${abnormal.map(([sw]) => sw).join(', ')})`);
        handled.clear();
      }
      return {
        storageMw: empty,
        pvCapMw: empty,
        evMw: empty,
        shedFraction: empty,
        generatorMw,
        switches,
        actions,
      };
    },
  };
}
