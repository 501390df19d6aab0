/**
 * Kirchhoff's KPIs against the baseline's, row by row: the values as shown (rounded to the row's
 * decimals) and which controller did better. Two values that show the same are 'equal', so the
 * report never calls a difference nobody can see better or worse; a missing value (NaN) is
 * 'not compared'.
 */
import type { ControllerName, ControllerRun, SimulationRecord } from '../../domain/operation/index.ts';
import { type KpiRow, listKpiRows } from './kpi-rows.ts';

export type KpiVerdict = 'kirchhoff' | 'baseline' | 'equal' | 'no direction' | 'not compared';

export interface KpiValue {
  readonly controller: ControllerName;
  readonly value: number;
  readonly text: string;
}

export interface KpiComparison {
  readonly row: KpiRow;
  /** One per run, Kirchhoff first. */
  readonly values: readonly KpiValue[];
  /** Absent when the record holds a single run. */
  readonly verdict?: KpiVerdict;
}

const CONTROLLER_ORDER: readonly ControllerName[] = ['kirchhoff', 'baseline'];

/** Display name of a controller. */
export function controllerTitle(controller: ControllerName): string {
  return controller === 'kirchhoff' ? 'Kirchhoff' : 'baseline';
}

/** A controller in running text: 'Kirchhoff', 'the baseline'. */
export function controllerPhrase(controller: ControllerName): string {
  return controller === 'kirchhoff' ? 'Kirchhoff' : 'the baseline';
}

/** The runs of the record, Kirchhoff first. */
export function orderedRuns(record: SimulationRecord): ControllerRun[] {
  return [...record.runs].sort(
    (a, b) => CONTROLLER_ORDER.indexOf(a.controller) - CONTROLLER_ORDER.indexOf(b.controller),
  );
}

/** A number with `decimals` decimals and thousands separators; 'n/a' when not finite. */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: true,
  });
  return /^-[0.,]*$/.test(text) ? text.slice(1) : text;
}

function judge(row: KpiRow, kirchhoff: KpiValue, baseline: KpiValue): KpiVerdict {
  if (row.better === 'none') return 'no direction';
  if (!Number.isFinite(kirchhoff.value) || !Number.isFinite(baseline.value)) return 'not compared';
  if (kirchhoff.text === baseline.text) return 'equal';
  const kirchhoffLower = kirchhoff.value < baseline.value;
  return kirchhoffLower === (row.better === 'lower') ? 'kirchhoff' : 'baseline';
}

/** Every KPI row with the values of each run and, with two runs, the verdict. */
export function compareKpis(record: SimulationRecord): KpiComparison[] {
  const zones = [...record.zones];
  for (const run of record.runs)
    for (const zone of Object.keys(run.kpis.localShareByZone)) if (!zones.includes(zone)) zones.push(zone);
  const runs = orderedRuns(record);
  return listKpiRows(zones, record.currency).map((row) => {
    const values = runs.map((run) => {
      const value = row.value(run.kpis);
      return { controller: run.controller, value, text: formatNumber(value, row.decimals) };
    });
    const kirchhoff = values.find((v) => v.controller === 'kirchhoff');
    const baseline = values.find((v) => v.controller === 'baseline');
    return kirchhoff && baseline
      ? { row, values, verdict: judge(row, kirchhoff, baseline) }
      : { row, values };
  });
}

/**
 * How far Kirchhoff's value is from the baseline's: in points for a row in %, else relative
 * ('-26 %'); empty when there is no meaningful ratio (a baseline of zero).
 */
export function describeDifference(row: KpiRow, kirchhoff: number, baseline: number): string {
  if (!Number.isFinite(kirchhoff) || !Number.isFinite(baseline)) return '';
  const sign = (x: number): string => (x > 0 ? '+' : x < 0 ? '\u2212' : '');
  if (row.unit === '%') {
    const points = kirchhoff - baseline;
    return `${sign(points)}${formatNumber(Math.abs(points), row.decimals)} points`;
  }
  if (baseline === 0) return '';
  const relative = (100 * (kirchhoff - baseline)) / Math.abs(baseline);
  return `${sign(relative)}${formatNumber(Math.abs(relative), Math.abs(relative) < 10 ? 1 : 0)} %`;
}
