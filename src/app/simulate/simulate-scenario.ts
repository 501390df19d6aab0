/**
 * The closed-loop simulation of a scenario: for each controller, interval by interval, the meters
 * report the last interval (with seeded noise and missing readings; the same for every controller),
 * protection trips a faulted feeder, the controller decides, and the true grid is advanced on the
 * AC power flow with the real series. Returns the record the report, metrics and CSV are written from.
 */
import type { LoadPriority } from '../../core/grid/index.ts';
import { createSeededRandom } from '../../core/math/index.ts';
import { runAcPowerFlow } from '../../core/powerflow/index.ts';
import {
  advanceInterval,
  type Controller,
  type ControllerName,
  type ControllerRun,
  type IntervalMeasures,
  type Observation,
  type PlantState,
  type SimulationEvent,
  type SimulationRecord,
} from '../../domain/operation/index.ts';
import { planFaultIsolation } from '../../domain/restoration/index.ts';
import type { ScenarioData } from '../../domain/scenario/index.ts';
import type { Clock } from '../ports.ts';
import { createTruthSource } from './interval-truth.ts';
import { createRunRecorder } from './run-recorder.ts';

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
    let state: PlantState = {
      storageEnergyMwh: new Map(grid.storage.map((s) => [s.id, s.energyMwh])),
      evDeliveredMwh: new Map(),
      switchClosed: new Map(grid.switches.map((s) => [s.id, s.closed])),
    };
    let previous: IntervalMeasures | undefined;
    const noisy = (v: number) =>
      random.next() < data.noise.missingProbability
        ? Number.NaN
        : v * (1 + data.noise.meterSigmaFraction * random.normal());
    for (let t = 0; t < T; t++) {
      // protection: a fault opens its feeder's breaker in the interval it happens
      for (const fault of data.events) {
        if (fault.kind !== 'line-fault' || fault.atInterval !== t) continue;
        const topology = {
          ...grid,
          switches: grid.switches.map((s) => ({ ...s, closed: state.switchClosed.get(s.id) ?? s.closed })),
        };
        const plan = planFaultIsolation(topology, fault.branchId, { remoteOnly: false });
        if (!('error' in plan) && plan.breakerSwitchId) {
          state = { ...state, switchClosed: new Map(state.switchClosed).set(plan.breakerSwitchId, false) };
          events.push({
            kind: 'action',
            fromInterval: t,
            toInterval: t + 1,
            controller: name,
            description: `protection opened ${plan.breakerSwitchId} (fault on ${fault.branchId})`,
          });
        }
      }
      const observation: Observation = {
        interval: t,
        intervalH: h,
        meteredZoneLoadMw: new Map(
          zones.map((z) => [
            z,
            noisy(t === 0 ? (data.zoneLoadMw[z]?.[hist - 1] ?? Number.NaN) : truth.zoneDemandMw(z, t - 1)),
          ]),
        ),
        meteredPvPerUnit: new Map(
          Object.entries(data.pvPerUnitByZone).map(([z, s]) => [z, noisy(s[hist + t - 1] ?? Number.NaN)]),
        ),
        meteredImportMw: previous
          ? (previous.generatorMw.get(importGenerator?.id ?? '') ?? Number.NaN)
          : Number.NaN,
        storageEnergyMwh: state.storageEnergyMwh,
        evSessions: data.evSessions
          .filter((s) => s.arrivalInterval <= t && t < s.departureInterval)
          .map((s) => ({
            id: s.id,
            chargerId: s.chargerId,
            departureInterval: s.departureInterval,
            owedMwh: Math.max(0, s.energyMwh - (state.evDeliveredMwh.get(s.id) ?? 0)),
          })),
        switchClosed: state.switchClosed,
        // automatic switching acts within the interval of the fault (it takes about a minute); crews later
        faults: truth.faultsAt(t),
        upstreamConnected: !truth.upstreamLost(t),
        meteredVmPu: previous?.vmPuByBus ?? new Map(),
      };
      const decision = controller.decide(observation);
      for (const action of decision.actions)
        events.push({
          kind: 'action',
          fromInterval: t,
          toInterval: t + 1,
          controller: name,
          description: action,
        });
      const pfStart = options.clock.nowMs();
      const outcome = advanceInterval(grid, truth.truthAt(t), state, decision);
      const powerFlowMs = options.clock.nowMs() - pfStart;
      if (outcome.measures.islandCollapsed) {
        events.push({
          kind: 'action',
          fromInterval: t,
          toInterval: t + 1,
          controller: name,
          description: 'the island collapsed: the grid-forming battery could not hold it',
        });
      }
      state = outcome.next;
      previous = outcome.measures;
      const zoneTruth = new Map(zones.map((z) => [z, truth.zoneDemandMw(z, t)]));
      recorder.record(t, outcome.measures, state, zoneTruth, controller.zoneView(), {
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
