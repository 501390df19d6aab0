/**
 * The import price of each simulated interval from the scenario's price rule: a flat price with
 * time-of-use windows (later windows override earlier ones; a window with `toHour` below `fromHour`
 * runs over midnight), or one price per hour of day. Price spikes are events, not applied here.
 */
import type { ImportPrice } from './scenario-schema.ts';
import { HOUR_MS, type ScenarioPeriod } from './scenario-time.ts';

export function buildImportPrices(rule: ImportPrice, period: ScenarioPeriod): Float64Array {
  const prices = new Float64Array(period.intervalCount);
  for (let t = 0; t < prices.length; t++) {
    const ms = period.startMs + t * period.intervalMs;
    const hour = Math.floor((ms % 86_400_000) / HOUR_MS);
    if ('byHourOfDay' in rule) {
      prices[t] = rule.byHourOfDay[hour];
      continue;
    }
    const weekday = new Date(ms).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    let price = rule.flatPerMwh;
    for (const w of rule.timeOfUse) {
      if ((w.days === 'weekdays' && weekend) || (w.days === 'weekends' && !weekend)) continue;
      const inside =
        w.fromHour < w.toHour ? hour >= w.fromHour && hour < w.toHour : hour >= w.fromHour || hour < w.toHour;
      if (inside) price = w.pricePerMwh;
    }
    prices[t] = price;
  }
  return prices;
}
