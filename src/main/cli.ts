/**
 * Composition root of the `kirchhoff` command: real files, stdout, clock, dataset readers, the
 * chart renderer, and the HiGHS solver (its WebAssembly is loaded only for commands that solve).
 */
import { createHighsSolver } from '../core/optimize/index.ts';
import { nodeCliIo, runCli } from '../services/cli/index.ts';
import { formatDatasetIssue, readForecastDataset, readScenario } from '../services/datasets/index.ts';
import { renderChartSvg } from '../services/plot/index.ts';
import { renderReportHtml } from '../services/report/index.ts';

const argv = process.argv.slice(2);
const lpSolver = argv[0] === 'opf' || argv[0] === 'simulate' ? await createHighsSolver() : undefined;

process.exitCode = runCli(argv, {
  ...nodeCliIo,
  readDataset: readForecastDataset,
  readScenario: (path) => {
    const read = readScenario(path);
    return read.ok
      ? { ok: true, data: read.value, warnings: read.warnings.map(formatDatasetIssue) }
      : { ok: false, errors: read.errors.map(formatDatasetIssue) };
  },
  renderChartSvg,
  renderReportHtml,
  lpSolver,
});
