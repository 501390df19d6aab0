/**
 * The rows of the KPI comparison: what each row shows, in which unit, with how many decimals, and
 * which direction is better ('none' for a KPI that is context, not a goal: demand, energy
 * imported, battery cycles). The order is the order of the table and of the summary.
 */
import type { SimulationKpis } from '../../domain/operation/index.ts';

export type BetterDirection = 'lower' | 'higher' | 'none';

export interface KpiRow {
  readonly label: string;
  readonly unit: string;
  readonly better: BetterDirection;
  readonly decimals: number;
  /** The value in the row's unit (shares as %); NaN when the run has none. */
  readonly value: (kpis: SimulationKpis) => number;
  /** Why the row has no better direction, for the summary ('as ...'). */
  readonly note?: string;
}

const percent = (share: number): number => 100 * share;

/** Mean of the finite values, NaN when there is none. */
export function meanOfFinite(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/** The rows, with one local-share row per zone of `zones`. */
export function listKpiRows(zones: readonly string[], currency: string): KpiRow[] {
  const row = (
    label: string,
    unit: string,
    better: BetterDirection,
    decimals: number,
    value: (k: SimulationKpis) => number,
    note?: string,
  ): KpiRow => ({ label, unit, better, decimals, value, ...(note ? { note } : {}) });
  return [
    row('demand', 'MWh', 'none', 2, (k) => k.demandMwh, 'as the loads are an input of the scenario'),
    row('energy served', 'MWh', 'higher', 2, (k) => k.servedMwh),
    row('losses', 'MWh', 'lower', 2, (k) => k.lossesMwh),
    row('losses, share of demand', '%', 'lower', 2, (k) => percent(k.lossesShare)),
    row('peak import', 'MW', 'lower', 2, (k) => k.peakImportMw),
    row(
      'energy imported',
      'MWh',
      'none',
      2,
      (k) => k.importMwh,
      'as the local share measures what stayed local',
    ),
    row('local share', '%', 'higher', 1, (k) => percent(k.localShare)),
    ...zones.map((zone) =>
      row(`local share, zone ${zone}`, '%', 'higher', 1, (k) =>
        percent(k.localShareByZone[zone] ?? Number.NaN),
      ),
    ),
    row('voltage violations', 'bus-intervals', 'lower', 0, (k) => k.voltageViolations),
    row('worst voltage violation', 'p.u. beyond limit', 'lower', 3, (k) => k.worstVoltageViolationPu),
    row('thermal violations', 'branch-intervals', 'lower', 0, (k) => k.thermalViolations),
    row('worst loading', '% of rating', 'lower', 1, (k) => k.worstLoadingPct),
    row('unserved energy, critical loads', 'MWh', 'lower', 3, (k) => k.unservedMwh.critical),
    row('unserved energy, essential loads', 'MWh', 'lower', 3, (k) => k.unservedMwh.essential),
    row('unserved energy, flexible loads', 'MWh', 'lower', 3, (k) => k.unservedMwh.flexible),
    row('cost, energy and lost load', currency, 'lower', 0, (k) => k.cost),
    row('cost of energy', currency, 'lower', 0, (k) => k.energyCost),
    row('CO2 emissions', 't', 'lower', 2, (k) => k.co2T),
    row('forecast MAPE, mean of the days', '%', 'lower', 2, (k) => meanOfFinite(k.forecastMapeByDay)),
    row(
      'battery cycles',
      'full cycles',
      'none',
      2,
      (k) => k.batteryCycles,
      'as more cycles mean more use and more wear',
    ),
    row('EV energy delivered by departure', '%', 'higher', 1, (k) => percent(k.evDeliveredShare)),
    row('EV energy missing at departure', 'MWh', 'lower', 3, (k) => k.evShortfallMwh),
    row(
      'intervals whose power flow failed (counted dark)',
      'intervals',
      'lower',
      0,
      (k) => k.powerFlowFailures,
    ),
    row('runtime', 's', 'lower', 1, (k) => k.runtimeS),
    row('forecast time per interval', 'ms', 'lower', 1, (k) => k.msPerInterval.forecast),
    row('dispatch time per interval', 'ms', 'lower', 1, (k) => k.msPerInterval.dispatch),
    row('power flow time per interval', 'ms', 'lower', 1, (k) => k.msPerInterval.powerFlow),
  ];
}
