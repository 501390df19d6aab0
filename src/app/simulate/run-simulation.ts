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

export function runSimulation(scenario: ScenarioData, request: SimulationRequest): SimulationRecord {
  const data = applyEvents(scenario);
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

/**
 * The events that change the series everyone sees: a price spike multiplies the import price in
 * its window (the tariff is known ahead, so the plan sees it too); a heat wave raises the measured
 * temperature (the forecaster's weather) by its rise; its load factor applies to the true demand
 * (interval-truth.ts).
 */
function applyEvents(data: ScenarioData): ScenarioData {
  const price = Float64Array.from(data.importPriceByInterval);
  const temperature = Float64Array.from(data.temperatureDegF);
  const hist = data.period.historyIntervalCount;
  for (const e of data.events) {
    if (e.kind === 'price-spike')
      for (let t = e.fromInterval; t < Math.min(e.toInterval, price.length); t++) price[t] *= e.priceFactor;
    if (e.kind === 'heat-wave')
      for (let t = e.fromInterval; t < e.toInterval && hist + t < temperature.length; t++)
        temperature[hist + t] += e.temperatureRiseDegF;
  }
  return { ...data, importPriceByInterval: price, temperatureDegF: temperature };
}
