/**
 * Forecasting timings for `npm run bench`, printed as one JSON line: the one-year daily backtest
 * of the 20 GEFCom2012 zones and their total (three models), one zone's daily update and forecast
 * (the feedback loop's step), the PV backtest of 2012 and the EV backtest of 2019.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildLoadProblems,
  createLoadModel,
  runEvBacktest,
  runLoadBacktest,
  runPvBacktest,
} from '../src/app/forecast-backtest/index.ts';
import { DAY_MS } from '../src/core/forecast/index.ts';
import { readForecastDataset } from '../src/services/datasets/index.ts';

const data = join(process.argv[2] ?? join('..', 'shared'), 'data');

function read(dir: string) {
  const t0 = performance.now();
  const r = readForecastDataset(join(data, dir));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { dataset: r.dataset, readMs: performance.now() - t0 };
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

const gefcom = read('gefcom2012-load');
if (gefcom.dataset.kind !== 'load') throw new Error('gefcom: not a load dataset');
const year = timed(() =>
  runLoadBacktest(gefcom.dataset as never, { from: '2007-01-01', to: '2007-12-31', weather: 'actual' }),
);
if (!year.value.ok) throw new Error(year.value.errors.join('\n'));
const total = year.value.report.results.find((r) => r.zone === 'total' && r.model === 'default');

// one zone's daily step: learn yesterday's actuals, forecast today (regression alone and the default blend)
const zone1 = buildLoadProblems(gefcom.dataset as never)[0];
const firstDay = Math.round((Date.parse('2007-01-01T00:00:00Z') - zone1.startMs) / DAY_MS);
const daily: Record<string, number> = {};
for (const name of ['regression', 'default'] as const) {
  const model = createLoadModel(zone1, name, 'actual');
  model.start(firstDay);
  model.forecast(firstDay);
  const t0 = performance.now();
  for (let d = firstDay; d < firstDay + 365; d++) {
    model.observe(d);
    model.forecast(d + 1);
  }
  daily[name] = (performance.now() - t0) / 365;
}

const pv = read('nrel-pvdaq-system50-pv');
const pvYear = timed(() =>
  runPvBacktest(pv.dataset as never, { from: '2012-01-01', to: '2012-12-31', weather: 'actual' }),
);
if (!pvYear.value.ok) throw new Error(pvYear.value.errors.join('\n'));
const ev = read('trondheim-residential-ev-charging');
const evYear = timed(() => runEvBacktest(ev.dataset as never, { from: '2019-01-18', to: '2019-12-27' }));
if (!evYear.value.ok) throw new Error(evYear.value.errors.join('\n'));

process.stdout.write(
  `${JSON.stringify({
    gefcom_read_ms: gefcom.readMs,
    gefcom_year_ms: year.ms,
    gefcom_total_mape: total?.mape,
    zone_daily_step_ms: daily,
    pv_read_ms: pv.readMs,
    pv_year_ms: pvYear.ms,
    pv_default_nrmse: pvYear.value.report.results.find((r) => r.model === 'default')?.nrmse,
    ev_read_ms: ev.readMs,
    ev_year_ms: evYear.ms,
  })}\n`,
);
