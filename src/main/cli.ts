/** Composition root of the `kirchhoff` command: real files, stdout and clock. */
import { nodeCliIo, runCli } from '../services/cli/index.ts';

process.exitCode = runCli(process.argv.slice(2), nodeCliIo);
