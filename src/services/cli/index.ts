/** The `kirchhoff` command line. */
export type { CliIo } from './cli-io.ts';
export { nodeCliIo } from './node-cli-io.ts';
export { runCli, USAGE } from './run-cli.ts';
