/**
 * A scenario ready to simulate: the grid, the interval grid of the period and the history before it,
 * every series on that grid, EV sessions on chargers, events on interval indices and the settings.
 * Plain data: a simulator needs no I/O to run it. Times are wall ms of the simulation clock (the
 * local wall time of the load data, 24-hour days, read as if UTC); interval 0 of the period series
 * is the first simulated interval, and history series start `period.historyIntervalCount` earlier.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { AssignedEvSession } from './assign-ev-sessions.ts';
import type { ResolvedEvent } from './resolve-events.ts';
import type { Scenario, ScenarioControl, ScenarioNoise } from './scenario-schema.ts';
import type { ScenarioPeriod } from './scenario-time.ts';

export interface ScenarioData {
  /** The scenario as parsed, every default filled in. */
  readonly scenario: Scenario;
  readonly grid: Grid;
  readonly period: ScenarioPeriod;
  /** Start of each simulated interval, wall ms (length `period.intervalCount`). */
  readonly intervalStartMs: Float64Array;
  /**
   * True load per grid zone, MW, history + period (length historyIntervalCount + intervalCount):
   * the GEFCom zone scaled to the zone's peak, interpolated to the interval grid. Events (heat wave)
   * are not applied.
   */
  readonly zoneLoadMw: Readonly<Record<string, Float64Array>>;
  /** Mean of the 11 GEFCom stations, degF (the unit of the data), history + period. */
  readonly temperatureDegF: Float64Array;
  /**
   * PV availability per unit of capacity (0..1) per grid zone (and `''` for buses without a zone),
   * history + period; NaN where the PV data has a gap in the history.
   */
  readonly pvPerUnitByZone: Readonly<Record<string, Float64Array>>;
  /** Available power of each PV unit, MW, period only (capacity x its zone's profile). */
  readonly pvAvailableMw: Readonly<Record<string, Float64Array>>;
  /** Sessions on the simulated interval index (departure exclusive), sorted by arrival. */
  readonly evSessions: readonly AssignedEvSession[];
  readonly events: readonly ResolvedEvent[];
  /** Bus of the upstream connection. */
  readonly importBusId: string;
  /** Import price per simulated interval before price spikes, per MWh. */
  readonly importPriceByInterval: Float64Array;
  readonly control: ScenarioControl;
  readonly noise: ScenarioNoise;
  readonly seed: number;
}
