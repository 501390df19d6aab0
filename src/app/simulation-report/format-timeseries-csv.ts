/**
 * timeseries.csv: the per-interval series of every run in long format, one row per interval and
 * controller (the first controller's intervals first), RFC 4180 (comma-separated, CRLF line ends,
 * fields with a comma, a double quote or a line break quoted, quotes doubled). Numbers are rounded
 * to 6 decimals (1 W on MW); an empty field is a missing value (NaN). Header:
 *
 *   time_utc            start of the interval, ISO 8601 in UTC
 *   controller          kirchhoff | baseline
 *   demand_mw, served_mw, import_mw, central_plant_mw, local_generation_mw, pv_mw,
 *   pv_available_mw, battery_mw (discharge positive), ev_charging_mw, losses_mw,
 *   shed_critical_mw, shed_essential_mw, shed_flexible_mw, soc_fraction (0..1),
 *   min_vm_pu, max_vm_pu, max_loading_pct
 *   then per zone <z> of the record:  zone_<z>_demand_mw, zone_<z>_forecast_mw,
 *   zone_<z>_forecast_p10_mw, zone_<z>_forecast_p90_mw, zone_<z>_price_per_mwh (currency/MWh)
 *   then per watched bus <b> of any run: vm_pu_<b> (lowest voltage in the interval)
 */
import type { SimulationRecord, SimulationSeries } from '../../domain/operation/index.ts';
import { orderedRuns } from './compare-kpis.ts';

type Column = readonly [name: string, value: (s: SimulationSeries, i: number) => number];

const SERIES_COLUMNS: readonly Column[] = [
  ['demand_mw', (s, i) => s.demandMw[i]],
  ['served_mw', (s, i) => s.servedMw[i]],
  ['import_mw', (s, i) => s.importMw[i]],
  ['central_plant_mw', (s, i) => s.centralPlantMw[i]],
  ['local_generation_mw', (s, i) => s.localGenerationMw[i]],
  ['pv_mw', (s, i) => s.pvMw[i]],
  ['pv_available_mw', (s, i) => s.pvAvailableMw[i]],
  ['battery_mw', (s, i) => s.batteryMw[i]],
  ['ev_charging_mw', (s, i) => s.evChargingMw[i]],
  ['losses_mw', (s, i) => s.lossesMw[i]],
  ['shed_critical_mw', (s, i) => s.shedMw.critical[i]],
  ['shed_essential_mw', (s, i) => s.shedMw.essential[i]],
  ['shed_flexible_mw', (s, i) => s.shedMw.flexible[i]],
  ['soc_fraction', (s, i) => s.socFraction[i]],
  ['min_vm_pu', (s, i) => s.minVmPu[i]],
  ['max_vm_pu', (s, i) => s.maxVmPu[i]],
  ['max_loading_pct', (s, i) => s.maxLoadingPct[i]],
];

const ZONE_FIELDS = [
  ['demand_mw', 'demandMw'],
  ['forecast_mw', 'forecastMw'],
  ['forecast_p10_mw', 'forecastP10Mw'],
  ['forecast_p90_mw', 'forecastP90Mw'],
  ['price_per_mwh', 'pricePerMwh'],
] as const;

/** A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A number rounded to 6 decimals, or an empty field when missing. */
function formatCsvNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(6));
  return String(rounded === 0 ? 0 : rounded);
}

function columnsOf(record: SimulationRecord): Column[] {
  const zoneColumns = record.zones.flatMap((zone) =>
    ZONE_FIELDS.map(
      ([suffix, field]): Column => [`zone_${zone}_${suffix}`, (s, i) => s.zones[zone]?.[field][i]],
    ),
  );
  const buses = [...new Set(record.runs.flatMap((run) => run.series.watchedBuses))];
  const busColumns = buses.map(
    (bus): Column => [
      `vm_pu_${bus}`,
      (s, i) => {
        const row = s.watchedBuses.indexOf(bus);
        return row < 0 ? Number.NaN : s.watchedVmPu[row * s.demandMw.length + i];
      },
    ],
  );
  return [...SERIES_COLUMNS, ...zoneColumns, ...busColumns];
}

/** timeseries.csv of the record, as text. */
export function formatTimeseriesCsv(record: SimulationRecord): string {
  const columns = columnsOf(record);
  const lines = [['time_utc', 'controller', ...columns.map(([name]) => name)].map(quoteCsvField).join(',')];
  for (const run of orderedRuns(record)) {
    for (let i = 0; i < record.intervalStartMs.length; i++) {
      const fields = [new Date(record.intervalStartMs[i]).toISOString(), run.controller];
      for (const [, value] of columns) fields.push(formatCsvNumber(value(run.series, i)));
      lines.push(fields.join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
