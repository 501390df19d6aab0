/**
 * metrics.json: the KPIs of each run in snake case, machine-readable, with the run's facts
 * (scenario, seed, interval, period, zones, events). Only the controllers present in the record
 * appear. Numbers are rounded to a resolution below any meaningful difference (1 Wh for energies,
 * 1 W for powers, 1e-6 for shares and p.u., a cent for costs, 1 g for CO2, 1 us for timings),
 * never otherwise changed; NaN and infinities are written as null.
 *
 * {
 *   "scenario", "description"?, "seed", "interval_min", "intervals", "start", "end" (ISO 8601, UTC;
 *   "end" is the end of the last interval), "utc_offset_minutes", "currency", "zones",
 *   "events": [{ "kind", "from_interval", "to_interval", "start", "end", "description", "controller"? }],
 *   "controllers": { "kirchhoff"?: {KPIs}, "baseline"?: {KPIs} }
 * }
 * KPIs: demand_mwh, served_mwh, losses_mwh, losses_share, peak_import_mw, import_mwh, local_share,
 * local_share_by_zone {zone: share}, voltage_violations, worst_voltage_violation_pu,
 * thermal_violations, worst_loading_pct, unserved_mwh {critical, essential, flexible}, cost,
 * energy_cost, co2_t, forecast_mape_by_day [%], battery_cycles, ev_delivered_share,
 * ev_shortfall_mwh, power_flow_failures, runtime_s, ms_per_interval {forecast, dispatch, power_flow}.
 */
import type { SimulationKpis, SimulationRecord } from '../../domain/operation/index.ts';
import { orderedRuns } from './compare-kpis.ts';
import { intervalBoundaryMs } from './report-clock.ts';

/** `value` rounded to `decimals` decimals; null when not finite. */
export function roundOrNull(value: number, decimals: number): number | null {
  if (!Number.isFinite(value)) return null;
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

const ENERGY = 6;
const SHARE = 6;

function mapValues<T>(
  record: Readonly<Record<string, T>>,
  f: (value: T) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

/** The KPIs of one run as metrics.json writes them. */
export function formatKpisJson(k: SimulationKpis): Record<string, unknown> {
  return {
    demand_mwh: roundOrNull(k.demandMwh, ENERGY),
    served_mwh: roundOrNull(k.servedMwh, ENERGY),
    losses_mwh: roundOrNull(k.lossesMwh, ENERGY),
    losses_share: roundOrNull(k.lossesShare, SHARE),
    peak_import_mw: roundOrNull(k.peakImportMw, ENERGY),
    import_mwh: roundOrNull(k.importMwh, ENERGY),
    local_share: roundOrNull(k.localShare, SHARE),
    local_share_by_zone: mapValues(k.localShareByZone, (share) => roundOrNull(share, SHARE)),
    voltage_violations: roundOrNull(k.voltageViolations, SHARE),
    worst_voltage_violation_pu: roundOrNull(k.worstVoltageViolationPu, SHARE),
    thermal_violations: roundOrNull(k.thermalViolations, SHARE),
    worst_loading_pct: roundOrNull(k.worstLoadingPct, 4),
    unserved_mwh: {
      critical: roundOrNull(k.unservedMwh.critical, ENERGY),
      essential: roundOrNull(k.unservedMwh.essential, ENERGY),
      flexible: roundOrNull(k.unservedMwh.flexible, ENERGY),
    },
    cost: roundOrNull(k.cost, 2),
    energy_cost: roundOrNull(k.energyCost, 2),
    co2_t: roundOrNull(k.co2T, 6),
    forecast_mape_by_day: k.forecastMapeByDay.map((mape) => roundOrNull(mape, 4)),
    battery_cycles: roundOrNull(k.batteryCycles, 4),
    ev_delivered_share: roundOrNull(k.evDeliveredShare, SHARE),
    ev_shortfall_mwh: roundOrNull(k.evShortfallMwh, ENERGY),
    power_flow_failures: k.powerFlowFailures,
    runtime_s: roundOrNull(k.runtimeS, 6),
    ms_per_interval: {
      forecast: roundOrNull(k.msPerInterval.forecast, 3),
      dispatch: roundOrNull(k.msPerInterval.dispatch, 3),
      power_flow: roundOrNull(k.msPerInterval.powerFlow, 3),
    },
  };
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/** metrics.json of the record, as text (two-space indents, a final newline). */
export function formatMetricsJson(record: SimulationRecord): string {
  const n = record.intervalStartMs.length;
  const at = (i: number): string | null => (n === 0 ? null : iso(intervalBoundaryMs(record, i)));
  const metrics = {
    scenario: record.scenario,
    ...(record.description !== undefined ? { description: record.description } : {}),
    seed: record.seed,
    interval_min: record.intervalMin,
    intervals: n,
    start: at(0),
    end: at(n),
    utc_offset_minutes: record.utcOffsetMinutes,
    currency: record.currency,
    zones: record.zones,
    events: record.events.map((e) => ({
      kind: e.kind,
      from_interval: e.fromInterval,
      to_interval: e.toInterval,
      start: at(e.fromInterval),
      end: at(e.toInterval),
      description: e.description,
      ...(e.controller ? { controller: e.controller } : {}),
    })),
    controllers: Object.fromEntries(
      orderedRuns(record).map((run) => [run.controller, formatKpisJson(run.kpis)]),
    ),
  };
  return `${JSON.stringify(metrics, null, 2)}\n`;
}
