/**
 * Dynamic retail tariffs from locational prices, and demand that responds to them.
 *
 * Tariff of zone z in interval t: the demand-weighted mean of its buses' locational prices plus a
 * network charge (per MWh, by zone), floored at a minimum:
 *   tariff_zt = max(floor, sum_i d_it lmp_it / sum_i d_it + charge_z)
 * Price response with constant elasticity e (< 0) around a reference tariff p0:
 *   d'_t = d_t (tariff_t / p0)^e,   with the daily energy of a shiftable share kept (energy moves,
 *   it is not lost), so that a cheap, local hour draws consumption and a stressed hour sheds it.
 */

export interface TariffOptions {
  /** Network charge per MWh by zone id (default 0 for zones not listed). */
  readonly networkChargePerMwh?: Readonly<Record<string, number>>;
  /** Lowest tariff (default 0: no negative retail prices). */
  readonly floorPerMwh?: number;
}

/** Per zone, cost per MWh per interval. `demandByBus` weights the bus prices (MW per interval). */
export function buildDynamicTariff(
  priceByBus: ReadonlyMap<string, ArrayLike<number>>,
  demandByBus: ReadonlyMap<string, ArrayLike<number>>,
  zoneOfBus: ReadonlyMap<string, string>,
  intervalCount: number,
  options: TariffOptions = {},
): Map<string, Float64Array> {
  const weighted = new Map<string, Float64Array>();
  const weights = new Map<string, Float64Array>();
  const plain = new Map<string, { sum: Float64Array; n: number }>();
  for (const [busId, prices] of priceByBus) {
    const zone = zoneOfBus.get(busId);
    if (zone === undefined) continue;
    if (!weighted.has(zone)) {
      weighted.set(zone, new Float64Array(intervalCount));
      weights.set(zone, new Float64Array(intervalCount));
      plain.set(zone, { sum: new Float64Array(intervalCount), n: 0 });
    }
    const demand = demandByBus.get(busId);
    const w = weighted.get(zone) as Float64Array;
    const ws = weights.get(zone) as Float64Array;
    const p = plain.get(zone) as { sum: Float64Array; n: number };
    p.n++;
    for (let t = 0; t < intervalCount; t++) {
      if (Number.isNaN(prices[t])) continue;
      const d = Math.max(0, demand?.[t] ?? 0);
      w[t] += d * prices[t];
      ws[t] += d;
      p.sum[t] += prices[t];
    }
  }
  const tariff = new Map<string, Float64Array>();
  for (const [zone, w] of weighted) {
    const ws = weights.get(zone) as Float64Array;
    const p = plain.get(zone) as { sum: Float64Array; n: number };
    const charge = options.networkChargePerMwh?.[zone] ?? 0;
    tariff.set(
      zone,
      Float64Array.from(w, (v, t) =>
        Math.max(options.floorPerMwh ?? 0, (ws[t] > 0 ? v / ws[t] : p.sum[t] / p.n) + charge),
      ),
    );
  }
  return tariff;
}

/**
 * Demand after the response to a tariff: `elasticity` (<= 0) applied to the ratio of each interval's
 * tariff to the reference (the demand-weighted mean tariff when not given), then the share
 * `shiftableShare` of the response rescaled so that its energy is moved, not lost (the rest is
 * consumption given up in dear hours and added in cheap ones).
 */
export function respondToTariff(
  demandMw: ArrayLike<number>,
  tariff: ArrayLike<number>,
  elasticity: number,
  shiftableShare = 1,
  referencePerMwh?: number,
): Float64Array {
  let energy = 0;
  let cost = 0;
  for (let t = 0; t < demandMw.length; t++) {
    energy += demandMw[t];
    cost += demandMw[t] * tariff[t];
  }
  const reference = referencePerMwh ?? (energy > 0 ? cost / energy : 1);
  const responded = Float64Array.from(demandMw, (d, t) =>
    reference > 0 && tariff[t] > 0 ? d * (tariff[t] / reference) ** elasticity : d,
  );
  const after = responded.reduce((a, b) => a + b, 0);
  const scale = after > 0 ? energy / after : 1;
  return Float64Array.from(responded, (d) => shiftableShare * d * scale + (1 - shiftableShare) * d);
}
