/**
 * What a multi-period dispatch is asked: a grid (network with line limits, generators with costs,
 * ramp limits and CO2, loads with priority classes, storage, PV, EV chargers) over `intervalCount`
 * intervals of `intervalH` hours, with per-interval profiles (load forecasts, PV availability,
 * import prices), EV sessions, shiftable loads, and the values of lost load per class. Missing
 * profiles mean "the present value throughout". Every reference is checked by `checkDispatchInput`.
 */
import type { Grid, LoadPriority } from '../../core/grid/index.ts';

/** A connection to the upstream grid at a bus: import (and export) limits, prices per interval. */
export interface ImportPoint {
  readonly id: string;
  readonly busId: string;
  readonly maxImportMw: number;
  readonly maxExportMw: number;
  /** Import limit per interval, overriding `maxImportMw` (0 while the upstream grid is lost). */
  readonly maxImportMwByInterval?: ArrayLike<number>;
  /** Cost per MWh imported, per interval (length intervalCount). */
  readonly priceByInterval: ArrayLike<number>;
  /** Revenue per MWh exported, per interval (default: none, export earns nothing). */
  readonly exportPriceByInterval?: ArrayLike<number>;
  readonly co2TPerMwh?: number;
  /**
   * Demand charge: cost per MW of the largest import over the horizon (a capacity tariff), so that
   * the dispatch flattens its import peak as far as the charge justifies. Only the part above
   * `peakImportSoFarMw` (the peak already reached in the billing period) is charged.
   */
  readonly peakImportPricePerMw?: number;
  readonly peakImportSoFarMw?: number;
}

/** One EV plugged in at a charger from `arrivalInterval` until (not including) `departureInterval`. */
export interface EvSession {
  readonly id: string;
  readonly chargerId: string;
  readonly arrivalInterval: number;
  readonly departureInterval: number;
  /** Energy the driver needs by departure, MWh. */
  readonly energyMwh: number;
  /** Power limit of the car, MW (default: the charger's). */
  readonly maxMw?: number;
}

/** A load whose energy over [fromInterval, toInterval) may move in time, up to `maxMw` at any time. */
export interface ShiftableLoad {
  readonly loadId: string;
  readonly fromInterval: number;
  readonly toInterval: number;
  readonly maxMw: number;
}

export interface DispatchInput {
  readonly grid: Grid;
  readonly intervalCount: number;
  readonly intervalH: number;
  /** MW per interval by load id (default: the load's pMw). */
  readonly loadProfiles?: Readonly<Record<string, ArrayLike<number>>>;
  /** Available MW per interval by PV id (default: the PV's pMw); what is not used is curtailed. */
  readonly pvProfiles?: Readonly<Record<string, ArrayLike<number>>>;
  readonly importPoints?: readonly ImportPoint[];
  readonly evSessions?: readonly EvSession[];
  readonly shiftableLoads?: readonly ShiftableLoad[];
  /** False forbids load shedding: a shortage then makes the dispatch infeasible (default true). */
  readonly allowShedding?: boolean;
  /** Value of lost load per class, cost per MWh (defaults 20,000 / 5,000 / 500). */
  readonly valueOfLostLoad?: Readonly<Partial<Record<LoadPriority, number>>>;
  /** Value per MWh of the energy left in storage at the end (default 0). */
  readonly storageEndValuePerMwh?: number;
  /** Cost per MWh of EV energy not delivered by departure (default 1,000). */
  readonly evShortfallCostPerMwh?: number;
  /**
   * Price per MWh at which network losses (r f^2 per branch) are counted in the objective (default 0:
   * loss-blind). With it the dispatch prefers nearby supply as much as the priced losses justify.
   */
  readonly lossPricePerMwh?: number;
  /** Dispatch as if the network were a copper plate: no line limits, no loss price (a merit order). */
  readonly ignoreNetwork?: boolean;
  /** Generator output before the first interval, for ramp limits (default: the generator's pMw). */
  readonly initialGeneratorMw?: Readonly<Record<string, number>>;
}

export const DEFAULT_VOLL: Readonly<Record<LoadPriority, number>> = {
  critical: 20_000,
  essential: 5_000,
  flexible: 500,
};

/** Every problem with the input, each naming its field; empty when it can be dispatched. */
export function checkDispatchInput(input: DispatchInput): string[] {
  const errors: string[] = [];
  const { grid, intervalCount: n } = input;
  if (!Number.isInteger(n) || n < 1) errors.push(`intervalCount: ${n}: expected a positive integer`);
  if (!(input.intervalH > 0)) errors.push(`intervalH: ${input.intervalH}: expected hours > 0`);
  const buses = new Set(grid.buses.map((b) => b.id));
  const profile = (field: string, values: ArrayLike<number>) => {
    if (values.length !== n) errors.push(`${field}: ${values.length} values for ${n} intervals`);
    for (let t = 0; t < values.length; t++) {
      if (!Number.isFinite(values[t])) {
        errors.push(`${field}[${t}]: ${values[t]} is not a number`);
        break;
      }
    }
  };
  const loadIds = new Set(grid.loads.map((l) => l.id));
  for (const [id, values] of Object.entries(input.loadProfiles ?? {})) {
    if (!loadIds.has(id)) errors.push(`loadProfiles.${id}: no load with that id`);
    profile(`loadProfiles.${id}`, values);
  }
  const pvIds = new Set(grid.pv.map((p) => p.id));
  for (const [id, values] of Object.entries(input.pvProfiles ?? {})) {
    if (!pvIds.has(id)) errors.push(`pvProfiles.${id}: no PV with that id`);
    profile(`pvProfiles.${id}`, values);
    for (let t = 0; t < values.length; t++) {
      if (values[t] < 0) {
        errors.push(`pvProfiles.${id}[${t}]: negative availability ${values[t]}`);
        break;
      }
    }
  }
  (input.importPoints ?? []).forEach((p, k) => {
    if (!buses.has(p.busId)) errors.push(`importPoints[${k}].busId: no bus "${p.busId}"`);
    if (!(p.maxImportMw >= 0)) errors.push(`importPoints[${k}].maxImportMw: ${p.maxImportMw}: expected >= 0`);
    if (!(p.maxExportMw >= 0)) errors.push(`importPoints[${k}].maxExportMw: ${p.maxExportMw}: expected >= 0`);
    profile(`importPoints[${k}].priceByInterval`, p.priceByInterval);
    if (p.maxImportMwByInterval) profile(`importPoints[${k}].maxImportMwByInterval`, p.maxImportMwByInterval);
    if (p.exportPriceByInterval) profile(`importPoints[${k}].exportPriceByInterval`, p.exportPriceByInterval);
    if (p.peakImportPricePerMw !== undefined && !(p.peakImportPricePerMw >= 0))
      errors.push(`importPoints[${k}].peakImportPricePerMw: ${p.peakImportPricePerMw}: expected >= 0`);
  });
  const chargers = new Set(grid.evChargers.map((c) => c.id));
  (input.evSessions ?? []).forEach((s, k) => {
    if (!chargers.has(s.chargerId)) errors.push(`evSessions[${k}].chargerId: no EV charger "${s.chargerId}"`);
    if (!(s.arrivalInterval >= 0 && s.departureInterval > s.arrivalInterval && s.departureInterval <= n)) {
      errors.push(
        `evSessions[${k}]: arrival ${s.arrivalInterval} and departure ${s.departureInterval} must satisfy 0 <= arrival < departure <= ${n}`,
      );
    }
    if (!(s.energyMwh >= 0)) errors.push(`evSessions[${k}].energyMwh: ${s.energyMwh}: expected >= 0`);
  });
  (input.shiftableLoads ?? []).forEach((s, k) => {
    if (!loadIds.has(s.loadId)) errors.push(`shiftableLoads[${k}].loadId: no load "${s.loadId}"`);
    if (!(s.fromInterval >= 0 && s.toInterval > s.fromInterval && s.toInterval <= n)) {
      errors.push(`shiftableLoads[${k}]: window ${s.fromInterval}..${s.toInterval} is not inside 0..${n}`);
    }
    if (!(s.maxMw >= 0)) errors.push(`shiftableLoads[${k}].maxMw: ${s.maxMw}: expected >= 0`);
  });
  for (const [cls, v] of Object.entries(input.valueOfLostLoad ?? {})) {
    if (!(Number.isFinite(v) && v >= 0)) errors.push(`valueOfLostLoad.${cls}: ${v}: expected a cost >= 0`);
  }
  grid.generators.forEach((g, k) => {
    if (g.cost?.model === 'polynomial' && g.cost.coefficients.some((c) => !Number.isFinite(c))) {
      errors.push(`generators[${k}].cost: not a number`);
    }
  });
  return errors;
}
