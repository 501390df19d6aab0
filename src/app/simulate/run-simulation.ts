/**
 * The simulate use case: a scenario run under the chosen controllers, with the controllers made
 * from the scenario (the baseline's load-following plant is every generator outside the load zones
 * and off the import bus; its crews switch 1.5 hours after a fault), on the LP solver given.
 */
import type { LpSolver } from '../../core/optimize/index.ts';
import {
  type Controller,
  type ControllerName,
  createBaselineController,
  createKirchhoffController,
  type SimulationRecord,
} from '../../domain/operation/index.ts';
import { findUpstreamBranchIds, type ScenarioData } from '../../domain/scenario/index.ts';
import type { Clock } from '../ports.ts';
import { simulateScenario } from './simulate-scenario.ts';

export interface SimulationRequest {
  readonly controllers: readonly ControllerName[];
  readonly solver: LpSolver;
  readonly clock: Clock;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export function runSimulation(data: ScenarioData, request: SimulationRequest): SimulationRecord {
  const { grid } = data;
  const zones = new Set(Object.keys(data.zoneLoadMw));
  const zoneOfBus = new Map(grid.buses.map((b) => [b.id, b.zoneId ?? '']));
  const importGenerator = grid.generators.find((g) => g.busId === data.importBusId && g.inService);
  const plantIds = grid.generators
    .filter((g) => g !== importGenerator && g.inService && !zones.has(zoneOfBus.get(g.busId) ?? ''))
    .map((g) => g.id);
  const createController = (name: ControllerName): Controller =>
    name === 'baseline'
      ? createBaselineController(grid, {
          followerIds: plantIds,
          crewDelayIntervals: Math.round(90 / data.period.intervalMin),
        })
      : createKirchhoffController(data, request.solver, () => request.clock.nowMs(), {
          upstreamBranchIds: findUpstreamBranchIds(grid, data.importBusId),
          importGeneratorId: importGenerator?.id ?? '',
        });
  return simulateScenario(data, {
    controllers: request.controllers,
    createController,
    clock: request.clock,
    onProgress: request.onProgress,
  });
}
