/**
 * `kirchhoff forecast predict <dataset-dir> --at <date> [--horizon 24h] [--weather persistence|actual]
 * [--zone <name>] [--plot <file.svg>] [--json | --csv]`: the default model's forecast with
 * P10/P50/P90 issued at a local midnight, printed as a table (or JSON, or CSV), and an SVG plot of
 * one zone's forecast band against its last week (default: the total, or the only zone).
 */
import { buildForecastChart, type Prediction, predictForecast } from '../../app/forecast-predict/index.ts';
import { parseOptions, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';

export function forecastPredictCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, {
    at: { type: 'string' },
    horizon: { type: 'string', default: '24h' },
    weather: { type: 'string', default: 'persistence' },
    zone: { type: 'string' },
    plot: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('expected one dataset folder');
  if (!values.at) throw new UsageError('expected --at <date>');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  const horizon = /^(\d+)h$/.exec(values.horizon ?? '');
  if (!horizon) throw new UsageError(`--horizon ${values.horizon}: expected hours, e.g. 24h`);
  const weather = values.weather;
  if (weather !== 'actual' && weather !== 'persistence') {
    throw new UsageError(`--weather ${weather}: expected "persistence" or "actual"`);
  }
  if (io.readDataset === undefined || io.renderChartSvg === undefined) {
    throw new Error('forecastPredictCommand: dataset reader or chart renderer not wired');
  }
  const read = io.readDataset(positionals[0]);
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`${error}\n`);
    return 1;
  }
  for (const warning of read.warnings) io.stderr(`warning: ${warning}\n`);
  const outcome = predictForecast(read.dataset, { at: values.at, horizonHours: Number(horizon[1]), weather });
  if (!outcome.ok) {
    for (const error of outcome.errors) io.stderr(`kirchhoff forecast predict: ${error}\n`);
    return 1;
  }
  const { prediction } = outcome;
  const names = prediction.zones.map((z) => z.zone);
  const zoneName = values.zone ?? (names.includes('total') ? 'total' : names[0]);
  const zone = prediction.zones.find((z) => z.zone === zoneName);
  if (zone === undefined) throw new UsageError(`--zone ${zoneName}: expected one of ${names.join(', ')}`);
  const plotPath =
    values.plot ?? `out/forecast/${prediction.dataset}-${zone.zone}-${values.at.slice(0, 10)}.svg`;
  io.writeTextAtomic(plotPath, io.renderChartSvg(buildForecastChart(prediction, zone)));
  io.stderr(`plot: ${plotPath}\n`);
  if (values.json) io.stdout(`${JSON.stringify(toJson(prediction))}\n`);
  else if (values.csv) io.stdout(toCsv(prediction));
  else io.stdout(toTable(prediction, zone.zone));
  return 0;
}

/** Local time label of a forecast hour, with the offset when the clock has one. */
function timeLabel(prediction: Prediction, ms: number): string {
  const offset = prediction.clock.utcOffsetMinutes;
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 16);
  if (prediction.clock.kind === 'wall') return local;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function round(v: number): number | null {
  return Number.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
}

function toJson(prediction: Prediction) {
  return {
    dataset: prediction.dataset,
    at: prediction.at,
    horizon_h: prediction.horizonHours,
    weather: prediction.weather,
    unit: prediction.unit,
    zones: prediction.zones.map((z) => ({
      zone: z.zone,
      time: Array.from(z.timesMs, (ms) => timeLabel(prediction, ms)),
      p10: Array.from(z.p10, round),
      p50: Array.from(z.p50, round),
      p90: Array.from(z.p90, round),
      actual: Array.from(z.actual, round),
      recent: {
        wape_7d: round(z.recent.wape7Pct),
        wape_28d: round(z.recent.wape28Pct),
        coverage_p10_p90_28d: round(z.recent.coverage28),
        flagged_days_28d: z.recent.flaggedDays28,
        last_day_flag: z.recent.last?.reason ?? null,
      },
    })),
  };
}

function toCsv(prediction: Prediction): string {
  const cell = (v: number) => (Number.isNaN(v) ? '' : String(round(v)));
  const lines = ['zone,time,p10,p50,p90,actual'];
  for (const z of prediction.zones) {
    z.timesMs.forEach((ms, i) => {
      lines.push(
        [
          z.zone,
          timeLabel(prediction, ms),
          cell(z.p10[i]),
          cell(z.p50[i]),
          cell(z.p90[i]),
          cell(z.actual[i]),
        ].join(','),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

function toTable(prediction: Prediction, zoneName: string): string {
  const zone = prediction.zones.find((z) => z.zone === zoneName);
  if (zone === undefined) return '';
  const weather =
    prediction.weather === 'actual'
      ? 'weather: actual (observed weather of the day, a perfect weather forecast)'
      : 'weather: persistence (known at the origin)';
  const lines = [
    `${prediction.dataset} ${zone.zone}: forecast issued ${prediction.at}, ${prediction.horizonHours} h, ${prediction.unit}; ${weather}`,
    `${'time'.padEnd(22)} ${'P10'.padStart(12)} ${'P50'.padStart(12)} ${'P90'.padStart(12)} ${'actual'.padStart(12)}`,
  ];
  const f = (v: number) => (Number.isNaN(v) ? '' : v.toFixed(3)).padStart(12);
  zone.timesMs.forEach((ms, i) => {
    lines.push(
      `${timeLabel(prediction, ms).padEnd(22)} ${f(zone.p10[i])} ${f(zone.p50[i])} ${f(zone.p90[i])} ${f(zone.actual[i])}`,
    );
  });
  const r = zone.recent;
  lines.push(
    `recent accuracy (warm-up before ${prediction.at}): WAPE ${r.wape7Pct.toFixed(2)} % over 7 days, ` +
      `${r.wape28Pct.toFixed(2)} % over 28; P10-P90 held ${(r.coverage28 * 100).toFixed(0)} % of hours; ` +
      `${r.flaggedDays28} day(s) flagged${r.last?.flagged ? ` (the last: ${r.last.reason})` : ''}`,
  );
  if (prediction.zones.length > 1)
    lines.push(`(${prediction.zones.length} zones: --json or --csv prints all)`);
  return `${lines.join('\n')}\n`;
}
