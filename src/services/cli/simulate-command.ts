/**
 * `kirchhoff simulate <scenario> [--controller kirchhoff|baseline|both] [--out dir] [--seed n]`:
 * reads the scenario (every problem named by file and field, before anything runs), runs the closed
 * loop with a progress bar, writes report.html, metrics.json and timeseries.csv to the output folder
 * (default out/<scenario>) and prints the KPI table. Old outputs are removed first and each file is
 * written whole, so an interrupted run never leaves a report that looks complete.
 */
import { join } from 'node:path';
import { runSimulation } from '../../app/simulate/index.ts';
import {
  buildSimulationReport,
  formatMetricsJson,
  formatTimeseriesCsv,
} from '../../app/simulation-report/index.ts';
import type { ControllerName } from '../../domain/operation/index.ts';
import { parseOptions, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';
import { formatKpiTable } from './format-kpi-table.ts';
import { createProgressBar } from './progress-bar.ts';

const OUTPUTS = ['report.html', 'metrics.json', 'timeseries.csv'] as const;

export function simulateCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, {
    controller: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('expected one scenario file');
  const choice = values.controller ?? 'both';
  if (!['kirchhoff', 'baseline', 'both'].includes(choice)) {
    throw new UsageError(`--controller ${choice}: expected kirchhoff, baseline or both`);
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed))
    throw new UsageError(`--seed ${values.seed}: expected an integer`);
  if (!io.readScenario || !io.lpSolver || !io.renderChartSvg || !io.renderReportHtml || !io.removeFile) {
    throw new Error('simulate: the composition root did not wire the scenario reader, solver and report');
  }
  const read = io.readScenario(positionals[0]);
  if (!read.ok) {
    for (const error of read.errors) io.stderr(`kirchhoff simulate: ${error}\n`);
    return 1;
  }
  for (const warning of read.warnings) io.stderr(`kirchhoff simulate: warning: ${warning}\n`);
  const data = seed === undefined ? read.data : { ...read.data, seed };
  const out = values.out ?? join('out', data.scenario.name);
  for (const name of OUTPUTS) io.removeFile(join(out, name));
  const controllers: ControllerName[] =
    choice === 'both' ? ['kirchhoff', 'baseline'] : [choice as ControllerName];
  const progress = createProgressBar('simulate', 'intervals', 8);
  const started = io.clock.nowMs();
  let record: ReturnType<typeof runSimulation>;
  try {
    record = runSimulation(data, {
      controllers,
      solver: io.lpSolver,
      clock: io.clock,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  io.writeTextAtomic(join(out, 'metrics.json'), formatMetricsJson(record));
  io.writeTextAtomic(join(out, 'timeseries.csv'), formatTimeseriesCsv(record));
  io.writeTextAtomic(
    join(out, 'report.html'),
    io.renderReportHtml(buildSimulationReport(record, io.renderChartSvg)),
  );
  io.stdout(formatKpiTable(record));
  const seconds = (io.clock.nowMs() - started) / 1000;
  io.stdout(
    `\n${data.period.intervalCount} intervals simulated in ${seconds.toFixed(1)} s. Report: ${join(out, 'report.html')} (also metrics.json, timeseries.csv)\n`,
  );
  return 0;
}
