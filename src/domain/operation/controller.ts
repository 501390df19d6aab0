/**
 * What a controller sees each interval and what it decides. It sees what a distribution operator's
 * systems report: metered demand per zone and PV output per kW installed of the last interval (with
 * noise; NaN where a reading went missing), battery energy and EV sessions from their own telemetry,
 * switch states, which branches have faulted, whether the upstream grid is there, the tariffs. It
 * never sees the true demand of the interval it decides for.
 */
import type { IntervalDecision } from './advance-interval.ts';
import type { ControllerName } from './simulation-record.ts';

export interface ObservedEvSession {
  readonly id: string;
  readonly chargerId: string;
  /** Energy still owed, MWh, and the interval the driver leaves (exclusive), as announced on plug-in. */
  readonly owedMwh: number;
  readonly departureInterval: number;
}

export interface Observation {
  readonly interval: number;
  readonly intervalH: number;
  /** Last interval's metered demand per zone, MW (NaN: missing). */
  readonly meteredZoneLoadMw: ReadonlyMap<string, number>;
  /** Last interval's metered PV output per MW installed, per zone (0..1; NaN: missing). */
  readonly meteredPvPerUnit: ReadonlyMap<string, number>;
  /** Last interval's metered import at the upstream connection, MW (NaN before the first). */
  readonly meteredImportMw: number;
  readonly storageEnergyMwh: ReadonlyMap<string, number>;
  readonly evSessions: readonly ObservedEvSession[];
  readonly switchClosed: ReadonlyMap<string, boolean>;
  /** Faulted branches not yet repaired, with the interval each failed. */
  readonly faults: readonly { readonly branchId: string; readonly atInterval: number }[];
  readonly upstreamConnected: boolean;
  /** Lowest and highest metered voltage of the last interval per bus id (SCADA), p.u. */
  readonly meteredVmPu: ReadonlyMap<string, number>;
}

export interface ControllerDecision extends IntervalDecision {
  /** What the controller did that an operator would log (switching, islanding, shedding). */
  readonly actions: readonly string[];
}

/** A zone's forecast for the interval decided, if the controller forecasts. */
export interface ZoneForecastNow {
  readonly pointMw: number;
  readonly p10Mw: number;
  readonly p90Mw: number;
  readonly pricePerMwh: number;
}

export interface Controller {
  readonly name: ControllerName;
  decide(observation: Observation): ControllerDecision;
  /** The controller's forecast and price per zone for the interval just decided (empty when it has none). */
  zoneView(): ReadonlyMap<string, ZoneForecastNow>;
  /** Time spent in the last decision, ms: forecasting and dispatch. */
  readonly lastTimingsMs: { readonly forecast: number; readonly dispatch: number };
}
