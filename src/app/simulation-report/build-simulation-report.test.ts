import { describe, expect, it } from 'vitest';
import type { HeatMapChart, TimeSeriesChart } from '../chart-port.ts';
import { formatNumber } from './compare-kpis.ts';
import { createSimulationRecordFixture, withKpis } from './fixture/simulation-record-fixture.ts';
import { buildSimulationReport } from './index.ts';
import { createRecordingRenderer, findSection, kpiRow } from './report-test-support.ts';

const record = createSimulationRecordFixture();
const [kirchhoff, baseline] = record.runs;

describe('buildSimulationReport', () => {
  const { render, charts } = createRecordingRenderer();
  const doc = buildSimulationReport(record, render);

  it('puts both controllers side by side in the KPI table, with values from the record', () => {
    const table = findSection(doc, 'Key performance indicators').table!;
    expect(table.columns).toEqual(['KPI', 'unit', 'Kirchhoff', 'baseline', 'difference', 'better']);
    const losses = kpiRow(doc, 'losses');
    expect(losses[2].text).toBe(formatNumber(kirchhoff.kpis.lossesMwh, 2));
    expect(losses[3].text).toBe(formatNumber(baseline.kpis.lossesMwh, 2));
    expect(kpiRow(doc, 'unserved energy, critical loads')[3].text).toBe(
      formatNumber(baseline.kpis.unservedMwh.critical, 3),
    );
    expect(kpiRow(doc, 'local share, zone south')[2].text).toBe(
      formatNumber(100 * kirchhoff.kpis.localShareByZone.south, 1),
    );
    for (const label of [
      'peak import',
      'voltage violations',
      'thermal violations',
      'CO2 emissions',
      'runtime',
    ])
      expect(kpiRow(doc, label)).toHaveLength(6);
  });

  it('says in each row which controller did better and highlights both cells', () => {
    const losses = kpiRow(doc, 'losses');
    expect(losses[5].text).toBe('Kirchhoff');
    expect([losses[2].highlight, losses[3].highlight]).toEqual(['better', 'worse']);
    // The fixture's Kirchhoff delivers less EV energy than charging on arrival does.
    const ev = kpiRow(doc, 'EV energy delivered by departure');
    expect(ev[5].text).toBe('baseline');
    expect([ev[2].highlight, ev[3].highlight]).toEqual(['worse', 'better']);
    expect(kpiRow(doc, 'demand')[5].text).toBe('neither (context)');
    expect(kpiRow(doc, 'forecast MAPE, mean of the days')[5].text).toBe('not compared (value missing)');
  });

  it('names what Kirchhoff did worse, with both values, in a section of its own', () => {
    expect(doc.sections.slice(0, 4).map((s) => s.heading)).toEqual([
      'Outcome in brief',
      'What Kirchhoff achieved',
      'What Kirchhoff did not achieve',
      'Key performance indicators',
    ]);
    const notAchieved = findSection(doc, 'What Kirchhoff did not achieve');
    expect(notAchieved.paragraphs).toEqual(['Kirchhoff was worse than the baseline on 7 KPIs:']);
    expect(notAchieved.items).toContain(
      'EV energy delivered by departure: 98.5 against 100.0 % (−1.5 points)',
    );
    // The fixture's Kirchhoff pays a little more for energy: the report says so.
    expect(notAchieved.items?.some((item) => item.startsWith('cost of energy: '))).toBe(true);
    expect(notAchieved.items).toContain(
      `runtime: ${formatNumber(kirchhoff.kpis.runtimeS, 1)} against ${formatNumber(baseline.kpis.runtimeS, 1)} s (+933 %)`,
    );
    expect(findSection(doc, 'Outcome in brief').paragraphs[0]).toMatch(
      /^Kirchhoff did better than the baseline on 17 of 25 compared KPIs, worse on 7/,
    );
  });

  it('says "worse" when a KPI is made worse than the baseline, and not when it is better', () => {
    const worse = withKpis(record, 'kirchhoff', { lossesMwh: 2 * baseline.kpis.lossesMwh });
    const worseDoc = buildSimulationReport(worse, createRecordingRenderer().render);
    const row = kpiRow(worseDoc, 'losses');
    expect(row[5].text).toBe('baseline');
    expect(row[2].highlight).toBe('worse');
    expect(findSection(worseDoc, 'What Kirchhoff did not achieve').items).toContain(
      `losses: ${row[2].text} against ${row[3].text} MWh (+100 %)`,
    );
    const achieved = findSection(worseDoc, 'What Kirchhoff achieved').items ?? [];
    expect(achieved.some((item) => item.startsWith('losses: '))).toBe(false);
  });

  it('says Kirchhoff was worse on nothing only when that is so', () => {
    const { energyCost, evDeliveredShare, evShortfallMwh, runtimeS, msPerInterval } = baseline.kpis;
    const best = withKpis(record, 'kirchhoff', {
      energyCost,
      evDeliveredShare,
      evShortfallMwh,
      runtimeS,
      msPerInterval,
    });
    const bestDoc = buildSimulationReport(best, createRecordingRenderer().render);
    expect(findSection(bestDoc, 'What Kirchhoff did not achieve')).toEqual({
      heading: 'What Kirchhoff did not achieve',
      paragraphs: ['Kirchhoff was worse than the baseline on no KPI of this run.'],
    });
    expect(findSection(bestDoc, 'Outcome in brief').paragraphs[0]).toMatch(/worse on 0,/);
  });

  it('with one controller, compares nothing', () => {
    const single = createSimulationRecordFixture({ controllers: ['kirchhoff'] });
    const singleDoc = buildSimulationReport(single, createRecordingRenderer().render);
    expect(findSection(singleDoc, 'Key performance indicators').table!.columns).toEqual([
      'KPI',
      'unit',
      'Kirchhoff',
    ]);
    expect(findSection(singleDoc, 'Outcome in brief').paragraphs[0]).toMatch(
      /^Only the Kirchhoff controller ran/,
    );
    expect(singleDoc.sections.some((s) => s.heading === 'What Kirchhoff did not achieve')).toBe(false);
    expect(singleDoc.sections.some((s) => s.heading === 'Dispatch, baseline')).toBe(false);
  });

  it('builds a report of a record without runs or events, saying so', () => {
    const empty = { ...record, runs: [], events: [] };
    const emptyDoc = buildSimulationReport(empty, createRecordingRenderer().render);
    expect(findSection(emptyDoc, 'Outcome in brief').paragraphs).toEqual([
      'No controller ran in this record: there are no KPIs to report.',
    ]);
    expect(findSection(emptyDoc, 'Events').paragraphs).toEqual(['The run had no events.']);
  });

  it('draws the required charts on the scenario clock', () => {
    const titles = doc.sections.filter((s) => s.svg).map((s) => s.heading);
    expect(titles).toEqual([
      'Demand and forecast, zone north',
      'Demand and forecast, zone centre',
      'Demand and forecast, zone south',
      'Dispatch, Kirchhoff',
      'Dispatch, baseline',
      'Prices per zone, Kirchhoff',
      'Prices per zone, baseline',
      'Battery state of charge',
      'Voltages at the watched buses, Kirchhoff',
      'Voltages at the watched buses, baseline',
      'Forecast error per day',
    ]);
    expect(charts).toHaveLength(titles.length);
    for (const chart of charts)
      expect(chart.timeAxis).toEqual({ label: 'scenario time (UTC+02:00)', utcOffsetMinutes: 120 });
  });

  it('draws the forecast band, the stacks with event markers, step prices, heat maps and MAPE bars', () => {
    const [forecast, , , stackK, stackB, prices] = charts as TimeSeriesChart[];
    expect(forecast.series.map((s) => s.kind)).toEqual(['band', 'line', 'line']);
    const stack = stackK.series[0];
    expect(stack.kind === 'area-stack' && stack.layers.map((l) => l.name)).toEqual([
      'import',
      'central plant',
      'local generation',
      'PV',
      'battery',
      'EV charging',
      'shed load',
    ]);
    expect(stack.kind === 'area-stack' && stack.layers[5].values[0]).toBe(-kirchhoff.series.evChargingMw[0]);
    // Labels that would overlap go to the label before; every line stays at its time.
    expect(stackK.markers?.map((m) => m.label)).toEqual([
      '#1 line fault, #3, #4',
      '',
      '#6 upstream loss, #7, #8, #9',
      '',
    ]);
    const fault = record.events.find((e) => e.kind === 'line-fault')!;
    expect(stackK.markers?.[1].atMs).toBe(record.intervalStartMs[fault.fromInterval + 1]);
    expect(stackB.markers?.map((m) => m.label)).toEqual(['#1 line fault, #2, #5', '', '#6 upstream loss']);
    const shed = stack.kind === 'area-stack' ? stack.layers[6].values : [];
    const s = kirchhoff.series;
    expect(shed[170]).toBeCloseTo(
      s.shedMw.critical[170] + s.shedMw.essential[170] + s.shedMw.flexible[170],
      12,
    );
    expect(prices.series.every((s) => s.kind === 'step')).toBe(true);
    const heat = charts.find((c): c is HeatMapChart => c.kind === 'heat-map')!;
    expect([heat.min, heat.max]).toEqual([0.9, 1.1]);
    expect(heat.yLabels.at(-1)).toBe(kirchhoff.series.watchedBuses[0]);
    const mape = charts.at(-1) as TimeSeriesChart;
    expect(mape.series.map((s) => s.kind === 'bar' && Array.from(s.values))).toEqual([
      kirchhoff.kpis.forecastMapeByDay,
    ]);
  });

  it('lists the events with times on the scenario clock', () => {
    const table = findSection(doc, 'Events').table!;
    expect(table.columns[1]).toBe('start (UTC+02:00)');
    expect(table.rows[0].map((c) => c.text)).toEqual([
      '#1',
      '2024-07-01 10:00',
      '2024-07-01 11:30',
      '1 h 30 min',
      'line fault',
      'scenario',
      'fault on line l-23 (south feeder)',
    ]);
    expect(table.rows.find((r) => r[6].text === 'closed tie switch s-7')?.[5].text).toBe('Kirchhoff');
  });
});
