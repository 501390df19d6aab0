/** `kirchhoff convert` (any grid file to Kirchhoff JSON) and `kirchhoff schema`. */
import { loadGrid } from '../../app/run-power-flow/index.ts';
import { buildGridJsonSchema } from '../../core/grid/index.ts';
import { parseOptions, readInput, UsageError } from './cli-args.ts';
import type { CliIo } from './cli-io.ts';

export function convertGridFile(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { output: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('expected one input file (case.m or grid.json)');
  if (!values.output) throw new UsageError('expected -o <grid.json>');
  const fileName = positionals[0];
  const loaded = loadGrid(readInput(io, fileName), fileName);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${error}\n`);
    return 1;
  }
  for (const warning of loaded.warnings) io.stderr(`warning: ${warning}\n`);
  io.writeTextAtomic(values.output, `${JSON.stringify(loaded.grid, null, 2)}\n`);
  const g = loaded.grid;
  io.stderr(
    `wrote ${values.output}: ${g.buses.length} buses, ${g.branches.length} branches, ${g.generators.length} generators\n`,
  );
  return 0;
}

export function printGridSchema(io: CliIo): number {
  io.stdout(`${JSON.stringify(buildGridJsonSchema(), null, 2)}\n`);
  return 0;
}
