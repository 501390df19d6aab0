/**
 * The closed-loop simulation of a scenario: for each controller, interval by interval, one turn of
 * the control loop (operate-interval) against the simulated grid behind the telemetry and actuator
 * ports: the meters report the last interval (seeded noise and missing readings, the same for every
 * controller), protection trips a faulted feeder, the controller decides, and the true grid is
 * advanced on the AC power flow with the real series. Returns the record the report, metrics and CSV are written from.
 */
import type { LoadPriority } from '../../core/grid/index.ts';
import { createSeededRandom } from '../../core/math/index.ts';
import { runAcPowerFlow } from '../../core/powerflow/index.ts';
import type {
  Controller,
  ControllerName,
  ControllerRun,
  IntervalMeasures,
  SimulationEvent,
  SimulationRecord,
} from '../../domain/operation/index.ts';
import type { ScenarioData } from '../../domain/scenario/index.ts';
import { operateInterval } from '../operate-interval/index.ts';
import type { Clock } from '../ports.ts';
import { createTruthSource } from './interval-truth.ts';
import { createRunRecorder } from './run-recorder.ts';
import { createSimulatedGrid } from './simulated-grid.ts';

export interface SimulateOptions {
  readonly controllers: readonly ControllerName[];
  readonly createController: (name: ControllerName, data: ScenarioData) => Controller;
  readonly clock: Clock;
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

export function simulateScenario(data: ScenarioData, options: SimulateOptions): SimulationRecord {
  const { grid, period } = data;
  const T = period.intervalCount;
  const h = period.intervalMin / 60;
  const hist = period.historyIntervalCount;
  const truth = createTruthSource(data);
  const zones = Object.keys(data.zoneLoadMw);
  const zoneSet = new Set(zones);
  const zoneOfBus = new Map(grid.buses.map((b) => [b.id, b.zoneId ?? '']));
  const importGenerator = grid.generators.find((g) => g.busId === data.importBusId && g.inService);
  const centralPlantIds = grid.generators
    .filter((g) => g !== importGenerator && !zoneSet.has(zoneOfBus.get(g.busId) ?? ''))
    .map((g) => g.id);
  const watchedBuses = chooseWatchedBuses(data, zones);
  const events: SimulationEvent[] = data.events.map(describeEvent);
  const runs: ControllerRun[] = [];
  const total = T * options.controllers.length;
  options.controllers.forEach((name, runIndex) => {
    const started = options.clock.nowMs();
    const controller = options.createController(name, data);
    const random = createSeededRandom(data.seed);
    const recorder = createRunRecorder({
      controller: name,
      grid,
      zones,
      intervalCount: T,
      intervalH: h,
      importGeneratorId: importGenerator?.id ?? '',
      centralPlantIds,
      importPriceByInterval: data.importPriceByInterval,
      exportPricePerMwh: data.control.exportPricePerMwh,
      importCo2TPerMwh: data.control.importCo2TPerMwh ?? importGenerator?.co2TPerMwh ?? 0,
      peakImportPricePerMw: data.control.peakImportPricePerMw,
      valueOfLostLoad: data.control.valueOfLostLoad as Record<LoadPriority, number>,
      watchedBuses,
      evSessions: data.evSessions,
    });
    const simulated = createSimulatedGrid(data, truth, random);
    const ports = { telemetry: simulated, actuators: simulated, clock: options.clock };
    const log = (t: number, description: string) =>
      events.push({ kind: 'action', fromInterval: t, toInterval: t + 1, controller: name, description });
    for (let t = 0; t < T; t++) {
      const { decision, actuateMs } = operateInterval(controller, t, ports);
      for (const action of [...simulated.takeEvents(), ...decision.actions]) log(t, action);
      const powerFlowMs = actuateMs;
      const state = simulated.state;
      const measures = simulated.lastMeasures as IntervalMeasures;
      const zoneTruth = new Map(zones.map((z) => [z, truth.zoneDemandMw(z, t)]));
      recorder.record(t, measures, state, zoneTruth, controller.zoneView(), {
        ...controller.lastTimingsMs,
        powerFlow: powerFlowMs,
      });
      options.onProgress?.(runIndex * T + t + 1, total, name);
    }
    runs.push(recorder.finish((options.clock.nowMs() - started) / 1000));
  });
  return {
    scenario: data.scenario.name,
    description: data.scenario.description,
    seed: data.seed,
    intervalMin: period.intervalMin,
    intervalStartMs: data.intervalStartMs,
    utcOffsetMinutes: 0,
    currency: 'EUR',
    zones,
    events: events.sort((a, b) => a.fromInterval - b.fromInterval),
    runs,
  };
}

function describeEvent(e: ScenarioData['events'][number]): SimulationEvent {
  switch (e.kind) {
    case 'line-fault':
      return {
        kind: e.kind,
        fromInterval: e.atInterval,
        toInterval: e.repairInterval,
        description: `cable fault on ${e.branchId}, repaired after ${e.repairInterval - e.atInterval} intervals`,
      };
    case 'upstream-loss':
      return {
        kind: e.kind,
        fromInterval: e.fromInterval,
        toInterval: e.toInterval,
        description: `upstream grid lost (${e.branchIds.join(', ')} out)`,
      };
    case 'heat-wave':
      return {
        kind: e.kind,
        fromInterval: e.fromInterval,
        toInterval: e.toInterval,
        description: `heat wave: +${e.temperatureRiseC} C, load x${e.loadFactor}`,
      };
    case 'price-spike':
      return {
        kind: e.kind,
        fromInterval: e.fromInterval,
        toInterval: e.toInterval,
        description: `import price x${e.priceFactor}`,
      };
  }
}

/** Per zone, the four buses with the lowest voltage in the grid's own power flow (the weak ends). */
function chooseWatchedBuses(data: ScenarioData, zones: readonly string[]): string[] {
  const pf = runAcPowerFlow(data.grid);
  const byZone = new Map<string, { id: string; vm: number }[]>();
  pf.buses.id.forEach((id, k) => {
    const z = data.grid.buses[k].zoneId ?? '';
    if (!zones.includes(z) || !Number.isFinite(pf.buses.vmPu[k])) return;
    byZone.set(z, [...(byZone.get(z) ?? []), { id, vm: pf.buses.vmPu[k] }]);
  });
  return zones.flatMap((z) =>
    (byZone.get(z) ?? [])
      .sort((a, b) => a.vm - b.vm)
      .slice(0, 4)
      .map((b) => b.id),
  );
}
