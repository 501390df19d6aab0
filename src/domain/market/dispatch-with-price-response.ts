/**
 * Dispatch with price-responsive demand: dispatch, turn the locational prices into each zone's
 * dynamic tariff, let the responsive loads answer it (constant elasticity, energy of the shiftable
 * share kept), dispatch again, with damping, until the loads settle. A cheap, local hour draws
 * consumption; a stressed hour sheds it.
 */
import type { LoadPriority } from '../../core/grid/index.ts';
import type { DispatchInput, DispatchResult } from '../dispatch/index.ts';
import { buildDynamicTariff, respondToTariff, type TariffOptions } from './dynamic-tariff.ts';

export interface PriceResponseOptions extends TariffOptions {
  /** Constant price elasticity of the responsive loads (e.g. -0.2). */
  readonly elasticity: number;
  /** Share of a responsive load's energy that moves rather than disappears (default 1). */
  readonly shiftableShare?: number;
  /** Which priority classes respond (default flexible and essential). */
  readonly responsiveClasses?: readonly LoadPriority[];
  readonly maxIterations?: number;
  /** Stop when no load moves by more than this share of its peak between iterations (default 1e-3). */
  readonly tolerance?: number;
}

export interface PriceResponseResult {
  readonly dispatch: DispatchResult;
  /** Tariff per zone and interval at the end. */
  readonly tariffByZone: ReadonlyMap<string, Float64Array>;
  /** The responded load profiles (MW per interval) by load id. */
  readonly loadProfiles: Readonly<Record<string, Float64Array>>;
  readonly iterations: number;
  readonly converged: boolean;
}

export function dispatchWithPriceResponse(
  input: DispatchInput,
  dispatch: (input: DispatchInput) => DispatchResult,
  options: PriceResponseOptions,
): PriceResponseResult {
  const { grid, intervalCount: T } = input;
  const classes = new Set(options.responsiveClasses ?? ['flexible', 'essential']);
  const zoneOfBus = new Map(grid.buses.filter((b) => b.zoneId).map((b) => [b.id, b.zoneId as string]));
  const base: Record<string, Float64Array> = {};
  for (const load of grid.loads) {
    const profile = input.loadProfiles?.[load.id];
    base[load.id] = Float64Array.from({ length: T }, (_, t) => profile?.[t] ?? load.pMw);
  }
  let profiles: Record<string, Float64Array> = { ...base };
  let result = dispatch({ ...input, loadProfiles: profiles });
  let tariff = new Map<string, Float64Array>();
  let iterations = 1;
  let converged = false;
  const maxIterations = options.maxIterations ?? 20;
  for (; iterations < maxIterations && result.status === 'optimal'; iterations++) {
    const demandByBus = new Map<string, Float64Array>();
    for (const load of grid.loads) {
      const d = demandByBus.get(load.busId) ?? new Float64Array(T);
      const p = profiles[load.id];
      for (let t = 0; t < T; t++) d[t] += p[t];
      demandByBus.set(load.busId, d);
    }
    tariff = buildDynamicTariff(result.priceByBus, demandByBus, zoneOfBus, T, options);
    let moved = 0;
    const next: Record<string, Float64Array> = { ...profiles };
    for (const load of grid.loads) {
      const zone = zoneOfBus.get(load.busId);
      const zoneTariff = zone === undefined ? undefined : tariff.get(zone);
      if (!classes.has(load.priority) || zoneTariff === undefined) continue;
      const target = respondToTariff(
        base[load.id],
        zoneTariff,
        options.elasticity,
        options.shiftableShare ?? 1,
      );
      const current = profiles[load.id];
      const peak = Math.max(1e-9, ...Array.from(base[load.id], Math.abs));
      // damped: half way to the response, so that the loads and the prices settle together
      const damped = Float64Array.from(current, (v, t) => v + 0.5 * (target[t] - v));
      for (let t = 0; t < T; t++) moved = Math.max(moved, Math.abs(damped[t] - current[t]) / peak);
      next[load.id] = damped;
    }
    profiles = next;
    result = dispatch({ ...input, loadProfiles: profiles });
    if (moved <= (options.tolerance ?? 1e-3)) {
      converged = true;
      break;
    }
  }
  return { dispatch: result, tariffByZone: tariff, loadProfiles: profiles, iterations, converged };
}
