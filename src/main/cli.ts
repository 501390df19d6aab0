/**
 * Composition root of the `kirchhoff` command: real files, stdout, clock, dataset readers, the
 * chart renderer, and the HiGHS solver (its WebAssembly is loaded only for commands that solve).
 */
import { createHighsSolver } from '../core/optimize/index.ts';
import { nodeCliIo, runCli } from '../services/cli/index.ts';
import { readForecastDataset } from '../services/datasets/index.ts';
import { renderChartSvg } from '../services/plot/index.ts';

const argv = process.argv.slice(2);
const lpSolver = argv[0] === 'opf' ? await createHighsSolver() : undefined;

process.exitCode = runCli(argv, {
  ...nodeCliIo,
  readDataset: readForecastDataset,
  renderChartSvg,
  lpSolver,
});
