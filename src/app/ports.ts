/**
 * The ports the use cases need, defined here by their consumer; services implement them.
 * So far: a clock (the core never reads it), the dataset reader of forecasting (load, PV, EV), the
 * scenario reader, and the control loop's telemetry source and actuator sink.
 */

import type { EvSessionRecord, RegularSeries } from '../core/forecast/index.ts';
import type { ControllerDecision, Observation } from '../domain/operation/index.ts';
import type { ScenarioData } from '../domain/scenario/index.ts';

/** A monotonic clock in milliseconds, for timings (wall clock or simulated). */
export interface Clock {
  nowMs(): number;
}

/** A load dataset as the forecasting use cases consume it (read by an adapter in services). */
export interface LoadDataset {
  readonly kind: 'load';
  readonly name: string;
  /** One series per zone, on a `wall` or `fixed-offset` clock. */
  readonly zones: readonly RegularSeries[];
  /** Temperature series (stations); the use case averages them. */
  readonly temperature: readonly RegularSeries[];
  /** Local holiday dates, 'YYYY-MM-DD'. */
  readonly holidays: readonly string[];
}

/** A PV dataset: measured power of one system with its site and the weather at the site. */
export interface PvDataset {
  readonly kind: 'pv';
  readonly name: string;
  readonly site: {
    readonly latDeg: number;
    readonly lonDeg: number;
    /** IANA zone of the site's clock, and its standard-time offset (UTC + minutes). */
    readonly timeZone: string;
    readonly standardOffsetMinutes: number;
  };
  /** AC power (unit W or kW) on true instants; NaN = no data. */
  readonly power: RegularSeries;
  readonly weather: {
    readonly ghiWm2: RegularSeries;
    readonly tempAirC: RegularSeries;
    readonly ghiClearWm2: RegularSeries;
    readonly dniClearWm2?: RegularSeries;
    readonly dhiClearWm2?: RegularSeries;
  };
}

/** EV charging sessions with the clock of their plug-in times. */
export interface EvDataset {
  readonly kind: 'ev';
  readonly name: string;
  /** IANA zone of the plug-in clock, e.g. `Europe/Oslo`. */
  readonly timeZone: string;
  /** Minutes east of UTC of that zone at an instant. */
  readonly offsetAt: (instantMs: number) => number;
  readonly sessions: readonly EvSessionRecord[];
}

/** What meters and devices report at the start of an interval (MQTT, OCPP and SCADA adapters, or a simulated grid). */
export interface TelemetrySource {
  read(interval: number): Observation;
}

/** Where set-points go (device adapters, or a simulated grid that then advances one interval). */
export interface ActuatorSink {
  apply(interval: number, decision: ControllerDecision): void;
}

/** Reads a scenario file and the data it names; every problem as a one-line message naming file and field. */
export type ReadScenario = (
  path: string,
) => { ok: true; data: ScenarioData; warnings: readonly string[] } | { ok: false; errors: readonly string[] };

/** The datasets the forecasting use cases read. */
export type ForecastDataset = LoadDataset | PvDataset | EvDataset;

/** Reads a dataset folder; every problem as a one-line message naming file, line and column. */
export type ReadDataset = (
  dir: string,
) =>
  | { ok: true; dataset: ForecastDataset; warnings: readonly string[] }
  | { ok: false; errors: readonly string[] };
