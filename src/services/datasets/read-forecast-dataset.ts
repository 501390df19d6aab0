/**
 * Adapts the dataset readers to the forecasting port of the app (`ReadDataset`): GEFCom2012 gives
 * its 20 zones, 11 temperature stations and holidays; Tetouan its 3 zones and its one temperature
 * (no holiday list is published for it); PVDAQ system 50 its power, site and weather, with the
 * site's standard-time offset (the lowest offset of its zone over the power series' first year);
 * the Trondheim EV folder its sessions with the offsets of Europe/Oslo.
 */
import { basename } from 'node:path';
import type { ReadDataset } from '../../app/ports.ts';
import { formatDatasetIssue } from './dataset-result.ts';
import { readDataset } from './detect-dataset.ts';
import { createZoneOffsetLookup } from './zone-time.ts';

export const readForecastDataset: ReadDataset = (dir) => {
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
  if (data.kind === 'pv') {
    const weather = (series: string) => {
      const found = data.weather.find((s) => s.name === series);
      if (found === undefined) throw new Error(`readForecastDataset: the PV reader gave no ${series}`);
      return found;
    };
    const offsetAt = createZoneOffsetLookup(data.site.timeZone);
    let standardOffsetMinutes = Number.POSITIVE_INFINITY;
    for (let month = 0; month < 12; month++) {
      standardOffsetMinutes = Math.min(
        standardOffsetMinutes,
        offsetAt(data.power.startMs + month * 30.5 * 86_400_000),
      );
    }
    return {
      ok: true,
      warnings,
      dataset: {
        kind: 'pv',
        name,
        site: { ...data.site, standardOffsetMinutes },
        power: data.power,
        weather: {
          ghiWm2: weather('ghi_wm2'),
          tempAirC: weather('temp_air_c'),
          ghiClearWm2: weather('ghi_clear_wm2'),
          dniClearWm2: weather('dni_clear_wm2'),
          dhiClearWm2: weather('dhi_clear_wm2'),
        },
      },
    };
  }
  return {
    ok: true,
    warnings,
    dataset: {
      kind: 'ev',
      name,
      timeZone: data.timeZone,
      offsetAt: createZoneOffsetLookup(data.timeZone),
      sessions: data.sessions,
    },
  };
};
