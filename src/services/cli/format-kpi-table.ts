/** The short KPI table printed at the end of `kirchhoff simulate`: one row per KPI, one column per controller. */
import type { SimulationRecord } from '../../domain/operation/index.ts';

export function formatKpiTable(record: SimulationRecord): string {
  const runs = record.runs;
  const rows: [string, (k: (typeof runs)[number]['kpis']) => string][] = [
    ['demand (MWh)', (k) => k.demandMwh.toFixed(1)],
    ['losses (MWh, % of demand)', (k) => `${k.lossesMwh.toFixed(2)} (${(100 * k.lossesShare).toFixed(2)} %)`],
    ['peak import (MW)', (k) => k.peakImportMw.toFixed(2)],
    ['local share', (k) => `${(100 * k.localShare).toFixed(1)} %`],
    ['unserved critical (MWh)', (k) => k.unservedMwh.critical.toFixed(3)],
    ['unserved essential (MWh)', (k) => k.unservedMwh.essential.toFixed(3)],
    ['unserved flexible (MWh)', (k) => k.unservedMwh.flexible.toFixed(3)],
    ['voltage violations (bus-intervals)', (k) => String(k.voltageViolations)],
    ['thermal violations (branch-intervals)', (k) => String(k.thermalViolations)],
    ['cost', (k) => k.cost.toFixed(0)],
    ['CO2 (t)', (k) => k.co2T.toFixed(1)],
    ['EV energy delivered by departure', (k) => `${(100 * k.evDeliveredShare).toFixed(1)} %`],
    ['power flows failed (intervals)', (k) => String(k.powerFlowFailures)],
    ['runtime (s)', (k) => k.runtimeS.toFixed(1)],
  ];
  const header = ['KPI', ...runs.map((r) => r.controller)];
  const table = [header, ...rows.map(([label, f]) => [label, ...runs.map((r) => f(r.kpis))])];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return `${record.scenario}: ${runs.map((r) => r.controller).join(' vs ')}\n${table.map(line).join('\n')}\n`;
}
