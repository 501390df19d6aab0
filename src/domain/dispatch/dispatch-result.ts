/** What a multi-period dispatch returns: schedules per resource and interval, prices, totals. */
import type { LoadPriority } from '../../core/grid/index.ts';

export type DispatchStatus = 'optimal' | 'infeasible' | 'unbounded' | 'invalid' | 'error';

export interface DispatchResult {
  readonly status: DispatchStatus;
  readonly message?: string;
  /** Total cost over the horizon (energy, imports minus exports, shedding, EV shortfall, minus storage end value). */
  readonly cost: number;
  readonly intervalCount: number;
  readonly intervalH: number;
  /** Schedules, MW per interval, keyed by the resource's id. */
  readonly generatorMw: ReadonlyMap<string, Float64Array>;
  readonly importMw: ReadonlyMap<string, Float64Array>;
  readonly storageMw: ReadonlyMap<string, Float64Array>;
  readonly storageEnergyMwh: ReadonlyMap<string, Float64Array>;
  readonly pvMw: ReadonlyMap<string, Float64Array>;
  readonly pvCurtailedMw: ReadonlyMap<string, Float64Array>;
  readonly evMw: ReadonlyMap<string, Float64Array>;
  /** Load actually served (after shifting and shedding), and shed, MW per interval. */
  readonly loadServedMw: ReadonlyMap<string, Float64Array>;
  readonly loadShedMw: ReadonlyMap<string, Float64Array>;
  /** Locational price per bus id, cost per MWh per interval (NaN where de-energised). */
  readonly priceByBus: ReadonlyMap<string, Float64Array>;
  /** The price's parts (decompose-prices.ts): the reference bus's price, binding limits, priced losses. */
  readonly priceEnergyByBus: ReadonlyMap<string, Float64Array>;
  readonly priceCongestionByBus: ReadonlyMap<string, Float64Array>;
  readonly priceLossByBus: ReadonlyMap<string, Float64Array>;
  readonly shedMwhByClass: Readonly<Record<LoadPriority, number>>;
  readonly evShortfallMwh: ReadonlyMap<string, number>;
  readonly co2T: number;
  /** Active power flow at each branch's from end, MW per interval (DC). */
  readonly branchFlowMw: ReadonlyMap<string, Float64Array>;
  /** Network losses estimated from the DC flows as r (f / base)^2 base, MWh (the balance itself is lossless). */
  readonly lossesMwh: number;
  readonly timings: { readonly buildMs: number; readonly solveMs: number };
  readonly size: { readonly variables: number; readonly constraints: number; readonly nonzeros: number };
}
