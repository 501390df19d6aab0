/**
 * The simulated grid behind the control loop's ports: as a telemetry source it reports what meters
 * and devices would at the start of an interval (last interval's demand per zone and PV per
 * installed MW with seeded noise and missing readings, the import, battery energy, EV sessions,
 * switch states, faults, whether the upstream grid is there), with the protection's trip applied
 * in the interval a cable faults; as an actuator sink it takes the set-points and advances the true
 * grid one interval on the AC power flow with the real series. A live deployment puts MQTT, OCPP
 * and SCADA adapters behind the same two ports.
 */
import type { SeededRandom } from '../../core/math/index.ts';
import {
  advanceInterval,
  type ControllerDecision,
  type IntervalMeasures,
  type Observation,
  type PlantState,
} from '../../domain/operation/index.ts';
import { planFaultIsolation } from '../../domain/restoration/index.ts';
import type { ScenarioData } from '../../domain/scenario/index.ts';
import type { ActuatorSink, TelemetrySource } from '../ports.ts';
import type { TruthSource } from './interval-truth.ts';

export interface SimulatedGrid extends TelemetrySource, ActuatorSink {
  /** The state after the last interval applied, and what happened in it. */
  readonly state: PlantState;
  readonly lastMeasures: IntervalMeasures | undefined;
  /** Events of the physics (protection trips, island collapse), drained by the caller. */
  takeEvents(): string[];
}

export function createSimulatedGrid(
  data: ScenarioData,
  truth: TruthSource,
  random: SeededRandom,
): SimulatedGrid {
  const { grid, period } = data;
  const h = period.intervalMin / 60;
  const hist = period.historyIntervalCount;
  const zones = Object.keys(data.zoneLoadMw);
  const importGeneratorId =
    grid.generators.find((g) => g.busId === data.importBusId && g.inService)?.id ?? '';
  let state: PlantState = {
    storageEnergyMwh: new Map(grid.storage.map((s) => [s.id, s.energyMwh])),
    evDeliveredMwh: new Map(),
    switchClosed: new Map(grid.switches.map((s) => [s.id, s.closed])),
  };
  let previous: IntervalMeasures | undefined;
  let events: string[] = [];
  const noisy = (v: number) =>
    random.next() < data.noise.missingProbability
      ? Number.NaN
      : v * (1 + data.noise.meterSigmaFraction * random.normal());

  return {
    get state() {
      return state;
    },
    get lastMeasures() {
      return previous;
    },
    takeEvents() {
      const out = events;
      events = [];
      return out;
    },
    read(t: number): Observation {
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
          events.push(`protection opened ${plan.breakerSwitchId} (fault on ${fault.branchId})`);
        }
      }
      return {
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
        meteredImportMw: previous ? (previous.generatorMw.get(importGeneratorId) ?? Number.NaN) : Number.NaN,
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
    },
    apply(t: number, decision: ControllerDecision): void {
      const outcome = advanceInterval(grid, truth.truthAt(t), state, decision);
      if (outcome.measures.islandCollapsed)
        events.push('the island collapsed: the grid-forming battery could not hold it');
      state = outcome.next;
      previous = outcome.measures;
    },
  };
}
