/**
 * `kirchhoff forecast backtest <dataset-dir> --from D --to D [--model m] [--weather actual|persistence]
 * [--json]`: rolling-origin day-ahead backtest of the load, PV or EV-session models of a dataset folder (the
 * kind is recognised from its files), with a progress bar on stderr; `forecast predict` is in
 * forecast-predict-command.ts.
 */
import {
  EV_MODELS,
  type EvModelName,
  LOAD_MODEL_CHOICES,
  type LoadModelName,
  PV_MODELS,
  type PvModelName,
  runEvBacktest,
  runLoadBacktest,
  runPvBacktest,
} from '../../app/forecast-backtest/index.ts';
import { parseOptions, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';
import { forecastPredictCommand } from './forecast-predict-command.ts';
import { formatEvBacktest, formatLoadBacktest, formatPvBacktest } from './format-backtest.ts';
import { createProgressBar } from './progress-bar.ts';

export function forecastCommand(args: readonly string[], io: CliIo): number {
  const [sub, ...rest] = args;
  if (sub === 'predict') return forecastPredictCommand(rest, io);
  if (sub !== 'backtest')
    throw new UsageError(`unknown forecast command "${sub ?? ''}"; expected "backtest" or "predict"`);
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
  if (io.readDataset === undefined) throw new Error('forecastCommand: no dataset reader wired');
  const read = io.readDataset(positionals[0]);
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`${error}\n`);
    return 1;
  }
  for (const warning of read.warnings) io.stderr(`warning: ${warning}\n`);
  const { dataset } = read;
  const known: readonly string[] =
    dataset.kind === 'load' ? LOAD_MODEL_CHOICES : dataset.kind === 'pv' ? PV_MODELS : EV_MODELS;
  const model = values.model;
  if (model !== undefined && !known.includes(model)) {
    throw new UsageError(
      `--model ${model}: expected one of ${known.join(', ')} for a ${dataset.kind} dataset`,
    );
  }
  const note =
    weather === 'actual'
      ? 'weather: actual (the observed weather of each target day, a perfect weather forecast: an upper bound)'
      : 'weather: persistence (only weather known at each origin: yesterday repeated)';
  const json = values.json === true;
  const progress = createProgressBar('backtest', 'model-days', 50);
  const request = { from: values.from, to: values.to, weather, onProgress: progress.update } as const;
  const finish = <T>(
    outcome: { ok: true; report: T } | { ok: false; errors: readonly string[] },
    format: (report: T) => string,
    withNote = true,
  ): number => {
    progress.stop();
    if (!outcome.ok) {
      for (const error of outcome.errors) io.stderr(`kirchhoff forecast backtest: ${error}\n`);
      return 1;
    }
    if (json && withNote) io.stderr(`${note}\n`);
    io.stdout(format(outcome.report));
    return 0;
  };
  if (dataset.kind === 'load') {
    const models = model ? [model as LoadModelName] : undefined;
    return finish(runLoadBacktest(dataset, { ...request, models }), (r) => formatLoadBacktest(r, note, json));
  }
  if (dataset.kind === 'pv') {
    const models = model ? [model as PvModelName] : undefined;
    return finish(runPvBacktest(dataset, { ...request, models }), (r) => formatPvBacktest(r, note, json));
  }
  const models = model ? [model as EvModelName] : undefined;
  return finish(runEvBacktest(dataset, { ...request, models }), (r) => formatEvBacktest(r, json), false);
}
