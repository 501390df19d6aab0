import { describe, expect, it } from 'vitest';
import type { SimulationKpis } from '../../domain/operation/index.ts';
import { createSimulationRecordFixture, withKpis } from './fixture/simulation-record-fixture.ts';
import { formatMetricsJson, roundOrNull } from './format-metrics-json.ts';

const record = createSimulationRecordFixture();
const [kirchhoff, baseline] = record.runs;
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('formatMetricsJson', () => {
  const metrics = JSON.parse(formatMetricsJson(record));

  it('has the scenario, the run facts and one entry per controller', () => {
    expect(Object.keys(metrics)).toEqual(
      expect.arrayContaining(['scenario', 'controllers', 'seed', 'interval_min']),
    );
    expect(metrics.scenario).toBe(record.scenario);
    expect(metrics.seed).toBe(record.seed);
    expect(metrics.interval_min).toBe(15);
    expect(metrics.intervals).toBe(192);
    expect(metrics.start).toBe(new Date(record.intervalStartMs[0]).toISOString());
    expect(metrics.end).toBe('2024-07-02T22:00:00.000Z');
    expect(Object.keys(metrics.controllers)).toEqual(['kirchhoff', 'baseline']);
  });

  it('writes every KPI of the record in snake case', () => {
    const names = Object.keys(kirchhoff.kpis).map(snake);
    expect(Object.keys(metrics.controllers.kirchhoff).sort()).toEqual(names.sort());
    expect(Object.keys(metrics.controllers.baseline.unserved_mwh)).toEqual([
      'critical',
      'essential',
      'flexible',
    ]);
    expect(Object.keys(metrics.controllers.baseline.ms_per_interval)).toEqual([
      'forecast',
      'dispatch',
      'power_flow',
    ]);
  });

  it('takes the values from the record, rounded to the stated resolution', () => {
    for (const run of [kirchhoff, baseline]) {
      const k: SimulationKpis = run.kpis;
      const m = metrics.controllers[run.controller];
      expect(m.demand_mwh).toBeCloseTo(k.demandMwh, 6);
      expect(m.losses_mwh).toBeCloseTo(k.lossesMwh, 6);
      expect(m.peak_import_mw).toBeCloseTo(k.peakImportMw, 6);
      expect(m.local_share).toBeCloseTo(k.localShare, 6);
      expect(m.local_share_by_zone.south).toBeCloseTo(k.localShareByZone.south, 6);
      expect(m.unserved_mwh.critical).toBeCloseTo(k.unservedMwh.critical, 6);
      expect(m.voltage_violations).toBe(k.voltageViolations);
      expect(m.thermal_violations).toBe(k.thermalViolations);
      expect(m.cost).toBeCloseTo(k.cost, 2);
      expect(m.co2_t).toBeCloseTo(k.co2T, 6);
      expect(m.runtime_s).toBeCloseTo(k.runtimeS, 6);
      expect(m.ms_per_interval.power_flow).toBeCloseTo(k.msPerInterval.powerFlow, 3);
    }
    expect(metrics.controllers.kirchhoff.demand_mwh).not.toBe(metrics.controllers.kirchhoff.served_mwh);
  });

  it('writes NaN as null, and only the controllers that ran', () => {
    expect(metrics.controllers.baseline.forecast_mape_by_day).toEqual([null, null]);
    const nan = JSON.parse(formatMetricsJson(withKpis(record, 'kirchhoff', { co2T: Number.NaN })));
    expect(nan.controllers.kirchhoff.co2_t).toBeNull();
    const single = JSON.parse(
      formatMetricsJson(createSimulationRecordFixture({ controllers: ['baseline'] })),
    );
    expect(Object.keys(single.controllers)).toEqual(['baseline']);
  });

  it('lists the events with their times', () => {
    const fault = metrics.events.find((e: { kind: string }) => e.kind === 'line-fault');
    expect(fault).toMatchObject({ from_interval: 40, to_interval: 46, start: '2024-07-01T08:00:00.000Z' });
  });
});

describe('roundOrNull', () => {
  it('rounds without a negative zero and maps non-finite numbers to null', () => {
    expect(roundOrNull(1.23456789, 3)).toBe(1.235);
    expect(roundOrNull(-1e-9, 6)).toBe(0);
    expect(Object.is(roundOrNull(-1e-9, 6), -0)).toBe(false);
    expect(roundOrNull(Number.NaN, 2)).toBeNull();
    expect(roundOrNull(Number.NEGATIVE_INFINITY, 2)).toBeNull();
  });
});
