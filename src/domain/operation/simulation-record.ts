/**
 * What a closed-loop simulation records: per controller, the KPIs of the run and the series behind
 * the report's plots (interval by interval, true values from the simulated grid, not the
 * controller's view), and the scenario's events on the interval axis. Plain data: the report, the
 * metrics file and the time-series CSV are all written from it.
 */
import type { LoadPriority } from '../../core/grid/index.ts';

export type ControllerName = 'kirchhoff' | 'baseline';

/** The KPIs of one run (metrics.json holds these names in snake case). */
export interface SimulationKpis {
  /** Energy the loads asked for (true demand, before shedding), MWh. */
  readonly demandMwh: number;
  readonly servedMwh: number;
  /** Network losses from the AC power flow, MWh, and as a share of demand. */
  readonly lossesMwh: number;
  readonly lossesShare: number;
  /** Largest import from the upstream grid in any interval, MW. */
  readonly peakImportMw: number;
  readonly importMwh: number;
  /** Share of each zone's served demand met by sources inside the zone, energy-weighted; and overall. */
  readonly localShareByZone: Readonly<Record<string, number>>;
  readonly localShare: number;
  /** Bus-intervals outside the voltage limits, and the worst distance beyond a limit (p.u.). */
  readonly voltageViolations: number;
  readonly worstVoltageViolationPu: number;
  /** Branch-intervals above the rating, and the worst loading (% of rating). */
  readonly thermalViolations: number;
  readonly worstLoadingPct: number;
  /** Energy not served per priority class, MWh (shed by the controller or lost to an outage). */
  readonly unservedMwh: Readonly<Record<LoadPriority, number>>;
  /** Cost of energy (imports, central plant, local generation) plus value of lost load, in the scenario's currency. */
  readonly cost: number;
  readonly energyCost: number;
  readonly co2T: number;
  /** Day-ahead forecast error as it evolved: MAPE per simulated day of the zone-total demand, %. */
  readonly forecastMapeByDay: readonly number[];
  /** Full equivalent cycles of the battery fleet (throughput / 2 / capacity). */
  readonly batteryCycles: number;
  /** EV energy delivered by departure over energy asked, and the energy missing, MWh. */
  readonly evDeliveredShare: number;
  readonly evShortfallMwh: number;
  readonly runtimeS: number;
  /** Intervals whose AC power flow did not converge (counted as dark: nothing served). */
  readonly powerFlowFailures: number;
  /** Mean time per interval spent forecasting, dispatching and in the AC power flow, ms. */
  readonly msPerInterval: {
    readonly forecast: number;
    readonly dispatch: number;
    readonly powerFlow: number;
  };
}

/** Per-interval series of one run; every array has one value per simulated interval. */
export interface SimulationSeries {
  readonly demandMw: Float64Array;
  readonly servedMw: Float64Array;
  readonly importMw: Float64Array;
  readonly centralPlantMw: Float64Array;
  readonly localGenerationMw: Float64Array;
  /** PV used, and PV available (the difference is curtailed). */
  readonly pvMw: Float64Array;
  readonly pvAvailableMw: Float64Array;
  /** Battery fleet: discharge positive, charge negative. */
  readonly batteryMw: Float64Array;
  readonly evChargingMw: Float64Array;
  readonly lossesMw: Float64Array;
  readonly shedMw: Readonly<Record<LoadPriority, Float64Array>>;
  /** Mean state of charge of the battery fleet, 0..1. */
  readonly socFraction: Float64Array;
  readonly minVmPu: Float64Array;
  readonly maxVmPu: Float64Array;
  readonly maxLoadingPct: Float64Array;
  /** Per zone: true demand, the controller's forecast (NaN for a controller without one) and its P10-P90 band, and the price. */
  readonly zones: Readonly<
    Record<
      string,
      {
        readonly demandMw: Float64Array;
        readonly forecastMw: Float64Array;
        readonly forecastP10Mw: Float64Array;
        readonly forecastP90Mw: Float64Array;
        readonly pricePerMwh: Float64Array;
      }
    >
  >;
  /** Voltage heat map: the lowest voltage per interval of each watched bus (feeder ends, zone heads). */
  readonly watchedBuses: readonly string[];
  /** Row-major, watchedBuses.length rows x intervals. */
  readonly watchedVmPu: Float64Array;
}

export interface ControllerRun {
  readonly controller: ControllerName;
  readonly kpis: SimulationKpis;
  readonly series: SimulationSeries;
}

/** An event as it happened in the run, on the interval axis. */
export interface SimulationEvent {
  readonly kind: 'line-fault' | 'upstream-loss' | 'heat-wave' | 'price-spike' | 'action';
  readonly fromInterval: number;
  /** Exclusive end; equal to fromInterval + 1 for an instant. */
  readonly toInterval: number;
  readonly description: string;
  /** Which controller's action (for kind 'action'), else absent. */
  readonly controller?: ControllerName;
}

export interface SimulationRecord {
  readonly scenario: string;
  readonly description?: string;
  readonly seed: number;
  readonly intervalMin: number;
  /** Start of each interval, epoch ms (UTC), and the scenario clock's offset for labels. */
  readonly intervalStartMs: Float64Array;
  readonly utcOffsetMinutes: number;
  readonly currency: string;
  readonly zones: readonly string[];
  readonly events: readonly SimulationEvent[];
  readonly runs: readonly ControllerRun[];
}
