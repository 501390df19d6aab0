/**
 * Events on the interval index of the simulated period (0 = the first simulated interval): what a
 * simulator consumes. Assumes a scenario that passed `checkScenario`.
 */
import type { Grid } from '../../core/grid/index.ts';
import { findImportBusId, findUpstreamBranchIds } from './scenario-grid.ts';
import type { Scenario } from './scenario-schema.ts';
import { HOUR_MS, parseLocalDateTime, type ScenarioPeriod } from './scenario-time.ts';

export type ResolvedEvent =
  | {
      readonly kind: 'line-fault';
      readonly atInterval: number;
      readonly branchId: string;
      /** First interval with the branch back in service (may be past the period). */
      readonly repairInterval: number;
      readonly isolateSwitchIds?: readonly string[];
      readonly restoreSwitchIds?: readonly string[];
    }
  | {
      readonly kind: 'upstream-loss';
      readonly fromInterval: number;
      /** Exclusive. */
      readonly toInterval: number;
      readonly branchIds: readonly string[];
    }
  | {
      readonly kind: 'heat-wave';
      readonly fromInterval: number;
      readonly toInterval: number;
      readonly temperatureRiseC: number;
      /** The same rise in the unit of the temperature series (degF differences: x 1.8). */
      readonly temperatureRiseDegF: number;
      readonly loadFactor: number;
    }
  | {
      readonly kind: 'price-spike';
      readonly fromInterval: number;
      readonly toInterval: number;
      readonly priceFactor: number;
    };

export function resolveScenarioEvents(
  scenario: Scenario,
  grid: Grid,
  period: ScenarioPeriod,
): ResolvedEvent[] {
  const index = (text: string) => Math.round((parseLocalDateTime(text) - period.startMs) / period.intervalMs);
  return scenario.events.map((event): ResolvedEvent => {
    switch (event.kind) {
      case 'line-fault': {
        const atInterval = index(event.at);
        const repairIntervals = Math.ceil((event.repairAfterH * HOUR_MS) / period.intervalMs);
        return {
          kind: event.kind,
          atInterval,
          branchId: event.branchId,
          repairInterval: atInterval + repairIntervals,
          ...(event.isolateSwitchIds ? { isolateSwitchIds: event.isolateSwitchIds } : {}),
          ...(event.restoreSwitchIds ? { restoreSwitchIds: event.restoreSwitchIds } : {}),
        };
      }
      case 'upstream-loss': {
        const bus = findImportBusId(grid, scenario.control.importBusId);
        const branchIds = event.branchIds ?? (bus === undefined ? [] : findUpstreamBranchIds(grid, bus));
        return { kind: event.kind, fromInterval: index(event.from), toInterval: index(event.to), branchIds };
      }
      case 'heat-wave':
        return {
          kind: event.kind,
          fromInterval: index(event.from),
          toInterval: index(event.to),
          temperatureRiseC: event.temperatureRiseC,
          temperatureRiseDegF: event.temperatureRiseC * 1.8,
          loadFactor: event.loadFactor,
        };
      default:
        // 'price-spike', the last kind of the union.
        return {
          kind: event.kind,
          fromInterval: index(event.from),
          toInterval: index(event.to),
          priceFactor: event.priceFactor,
        };
    }
  });
}
