import { describe, expect, it } from 'vitest';
import { compareKpis, describeDifference, formatNumber } from './compare-kpis.ts';
import { createSimulationRecordFixture, withKpis } from './fixture/simulation-record-fixture.ts';
import type { KpiRow } from './kpi-rows.ts';

const record = createSimulationRecordFixture({ days: 1 });
const verdictOf = (r: typeof record, label: string) =>
  compareKpis(r).find((c) => c.row.label === label)?.verdict;

describe('formatNumber', () => {
  it('rounds, groups thousands, drops the sign of a rounded zero and says n/a for NaN', () => {
    expect(formatNumber(12345.678, 1)).toBe('12,345.7');
    expect(formatNumber(-0.0004, 3)).toBe('0.000');
    expect(formatNumber(-2.5, 1)).toBe('-2.5');
    expect(formatNumber(Number.NaN, 2)).toBe('n/a');
    expect(formatNumber(Number.POSITIVE_INFINITY, 2)).toBe('n/a');
  });
});

describe('compareKpis', () => {
  it('judges lower-is-better and higher-is-better rows', () => {
    const base = record.runs[1].kpis;
    expect(
      verdictOf(withKpis(record, 'kirchhoff', { peakImportMw: base.peakImportMw + 1 }), 'peak import'),
    ).toBe('baseline');
    expect(
      verdictOf(withKpis(record, 'kirchhoff', { peakImportMw: base.peakImportMw - 1 }), 'peak import'),
    ).toBe('kirchhoff');
    expect(
      verdictOf(withKpis(record, 'kirchhoff', { localShare: base.localShare - 0.1 }), 'local share'),
    ).toBe('baseline');
  });

  it('calls values that show the same equal, and a missing value not compared', () => {
    const base = record.runs[1].kpis;
    const same = withKpis(record, 'kirchhoff', { lossesMwh: base.lossesMwh + 1e-4 });
    expect(verdictOf(same, 'losses')).toBe('equal');
    expect(verdictOf(withKpis(record, 'kirchhoff', { co2T: Number.NaN }), 'CO2 emissions')).toBe(
      'not compared',
    );
    expect(verdictOf(record, 'battery cycles')).toBe('no direction');
  });

  it('adds a row per zone, including zones only the KPIs know', () => {
    const kpis = record.runs[0].kpis;
    const extra = withKpis(record, 'kirchhoff', {
      localShareByZone: { ...kpis.localShareByZone, harbour: 0.5 },
    });
    const row = compareKpis(extra).find((c) => c.row.label === 'local share, zone harbour')!;
    expect(row.values.map((v) => v.text)).toEqual(['50.0', 'n/a']);
    expect(row.verdict).toBe('not compared');
  });
});

describe('describeDifference', () => {
  const row = (unit: string): KpiRow => ({ label: 'x', unit, better: 'lower', decimals: 1, value: () => 0 });
  it('gives points for shares, a relative change otherwise, nothing against zero', () => {
    expect(describeDifference(row('%'), 35, 24.7)).toBe('+10.3 points');
    expect(describeDifference(row('MWh'), 10, 20)).toBe('\u221250 %');
    expect(describeDifference(row('MWh'), 10.5, 10)).toBe('+5.0 %');
    expect(describeDifference(row('MWh'), 1, 0)).toBe('');
  });
});
