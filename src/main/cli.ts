/** Composition root of the `kirchhoff` command: real files, stdout, clock and dataset readers. */
import { nodeCliIo, runCli } from '../services/cli/index.ts';
import { readLoadDataset } from '../services/datasets/index.ts';

process.exitCode = runCli(process.argv.slice(2), { ...nodeCliIo, readDataset: readLoadDataset });
