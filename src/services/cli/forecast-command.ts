/**
 * `kirchhoff forecast backtest <dataset-dir> --from D --to D [--model m] [--weather actual|persistence]
 * [--json]`: rolling-origin day-ahead backtest of the load models, with a progress bar on stderr.
 */
import { SingleBar } from 'cli-progress';
import { LOAD_MODELS, type LoadModelName, runLoadBacktest } from '../../app/forecast-backtest/index.ts';
import { parseOptions, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';

export function forecastCommand(args: readonly string[], io: CliIo): number {
  const [sub, ...rest] = args;
  if (sub !== 'backtest')
    throw new UsageError(`unknown forecast command "${sub ?? ''}"; expected "backtest"`);
  const { values, positionals } = parseOptions(rest, {
    from: { type: 'string' },
    to: { type: 'string' },
    model: { type: 'string' },
    weather: { type: 'string', default: 'actual' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('expected one dataset folder');
  if (!values.from || !values.to) throw new UsageError('expected --from <date> and --to <date>');
  const weather = values.weather;
  if (weather !== 'actual' && weather !== 'persistence') {
    throw new UsageError(`--weather ${weather}: expected "actual" or "persistence"`);
  }
  const model = values.model as LoadModelName | undefined;
  if (model !== undefined && !LOAD_MODELS.includes(model)) {
    throw new UsageError(`--model ${model}: expected one of ${LOAD_MODELS.join(', ')}`);
  }
  if (io.readDataset === undefined) throw new Error('forecastCommand: no dataset reader wired');
  const read = io.readDataset(positionals[0]);
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`${error}\n`);
    return 1;
  }
  for (const warning of read.warnings) io.stderr(`warning: ${warning}\n`);
  const bar = new SingleBar({
    format: 'backtest [{bar}] {percentage}% | {value}/{total} model-days | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  const outcome = runLoadBacktest(read.dataset, {
    from: values.from,
    to: values.to,
    weather,
    models: model ? [model] : undefined,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      if (done % 50 === 0 || done === total) bar.update(done);
    },
  });
  if (started) bar.stop();
  if (!outcome.ok) {
    for (const error of outcome.errors) io.stderr(`kirchhoff forecast backtest: ${error}\n`);
    return 1;
  }
  const { report } = outcome;
  const note =
    weather === 'actual'
      ? 'weather: actual (the observed weather of each target day, a perfect weather forecast: an upper bound)'
      : 'weather: persistence (only weather known at each origin: yesterday repeated)';
  if (values.json) {
    io.stderr(`${note}\n`);
    io.stdout(
      `${JSON.stringify({
        dataset: report.dataset,
        from: report.from,
        to: report.to,
        weather: report.weather,
        results: report.results.map((r) => ({
          model: r.model,
          zone: r.zone,
          mape: r.mape,
          rmse: r.rmse,
          mase: r.mase,
          pinball: r.pinball,
          coverage_p10_p90: r.coverageP10P90,
        })),
      })}\n`,
    );
    return 0;
  }
  const lines = [`${report.dataset}: day-ahead backtest ${report.from} to ${report.to}; ${note}`];
  lines.push(
    `${'zone'.padEnd(10)} ${'model'.padEnd(15)} ${'MAPE %'.padStart(8)} ${'MASE'.padStart(7)} ${'RMSE'.padStart(12)} ${'pinball'.padStart(12)} ${'P10-P90'.padStart(8)}`,
  );
  for (const r of report.results) {
    lines.push(
      `${r.zone.padEnd(10)} ${r.model.padEnd(15)} ${r.mape.toFixed(2).padStart(8)} ${r.mase.toFixed(3).padStart(7)} ` +
        `${r.rmse.toFixed(1).padStart(12)} ${r.pinball.toFixed(1).padStart(12)} ${(r.coverageP10P90 * 100).toFixed(1).padStart(7)}%`,
    );
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
