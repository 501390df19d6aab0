/**
 * Adapts the dataset readers to the load-forecasting port of the app (`ReadDataset`): GEFCom2012
 * gives its 20 zones, 11 temperature stations and holidays; Tetouan its 3 zones and its one
 * temperature (no holiday list is published for it). PV and EV folders are recognised but their
 * backtests are not built yet, which is said in one line.
 */
import { basename } from 'node:path';
import type { ReadDataset } from '../../app/ports.ts';
import { formatDatasetIssue } from './dataset-result.ts';
import { readDataset } from './detect-dataset.ts';

export const readLoadDataset: ReadDataset = (dir) => {
  const read = readDataset(dir);
  if (!read.ok) return { ok: false, errors: read.errors.map(formatDatasetIssue) };
  const warnings = read.warnings.map(formatDatasetIssue);
  const data = read.value;
  const name = basename(dir.replace(/\/+$/, ''));
  if (data.kind === 'gefcom2012') {
    return {
      ok: true,
      warnings,
      dataset: {
        kind: 'load',
        name,
        zones: data.zones,
        temperature: data.stations,
        holidays: data.holidays.map((h) => h.date),
      },
    };
  }
  if (data.kind === 'tetouan') {
    const temperature = data.weather.filter((s) => s.name === 'temperature_c');
    return {
      ok: true,
      warnings,
      dataset: { kind: 'load', name, zones: data.zones, temperature, holidays: [] },
    };
  }
  return {
    ok: false,
    errors: [`${dir}: backtests of ${data.kind === 'pv' ? 'PV' : 'EV'} datasets are not implemented yet`],
  };
};
