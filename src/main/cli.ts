/** Composition root of the `kirchhoff` command: real files, stdout, clock, dataset readers and the chart renderer. */
import { nodeCliIo, runCli } from '../services/cli/index.ts';
import { readForecastDataset } from '../services/datasets/index.ts';
import { renderChartSvg } from '../services/plot/index.ts';

process.exitCode = runCli(process.argv.slice(2), {
  ...nodeCliIo,
  readDataset: readForecastDataset,
  renderChartSvg,
});
