import { describe, expect, it } from 'vitest';
import { createSimulationRecordFixture } from './fixture/simulation-record-fixture.ts';
import { formatTimeseriesCsv, quoteCsvField } from './format-timeseries-csv.ts';
import { parseCsv } from './report-test-support.ts';

const record = createSimulationRecordFixture();

describe('formatTimeseriesCsv', () => {
  const text = formatTimeseriesCsv(record);
  const [header, ...rows] = parseCsv(text);
  const col = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  };

  it('has the documented header and one row per interval and controller, CRLF-terminated', () => {
    expect(header.slice(0, 5)).toEqual(['time_utc', 'controller', 'demand_mw', 'served_mw', 'import_mw']);
    expect(header).toContain('zone_south_price_per_mwh');
    expect(header).toContain('vm_pu_south-end');
    expect(rows).toHaveLength(2 * 192);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('parses back to the record’s numbers', () => {
    for (const [r, row] of rows.entries()) {
      const run = record.runs[Math.floor(r / 192)];
      const i = r % 192;
      const s = run.series;
      expect(row[col('controller')]).toBe(run.controller);
      expect(Date.parse(row[col('time_utc')])).toBe(record.intervalStartMs[i]);
      expect(Number(row[col('demand_mw')])).toBeCloseTo(s.demandMw[i], 6);
      expect(Number(row[col('battery_mw')])).toBeCloseTo(s.batteryMw[i], 6);
      expect(Number(row[col('shed_flexible_mw')])).toBeCloseTo(s.shedMw.flexible[i], 6);
      expect(Number(row[col('zone_north_price_per_mwh')])).toBeCloseTo(s.zones.north.pricePerMwh[i], 6);
      const vm = s.watchedVmPu[s.watchedBuses.indexOf('south-end') * 192 + i];
      if (Number.isNaN(vm)) expect(row[col('vm_pu_south-end')]).toBe('');
      else expect(Number(row[col('vm_pu_south-end')])).toBeCloseTo(vm, 6);
    }
  });

  it('leaves missing values empty (the baseline has no forecast)', () => {
    const baselineRow = rows[192];
    expect(baselineRow[col('controller')]).toBe('baseline');
    expect(baselineRow[col('zone_north_forecast_mw')]).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(quoteCsvField('north')).toBe('north');
    expect(quoteCsvField('a,"b"')).toBe('"a,""b"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
    const odd = { ...record, zones: ['a,"b"'], runs: [] };
    expect(parseCsv(formatTimeseriesCsv(odd))[0]).toContain('zone_a,"b"_demand_mw');
  });
});
