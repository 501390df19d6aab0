/** Argument and input helpers shared by the CLI commands; mistakes become one-line usage errors. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliIo } from './cli-io.ts';

/** A mistake in how the command was called; reported as one line. */
export class UsageError extends Error {}

/** Parses options, turning parseArgs' errors into usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads a file, turning a missing or unreadable file into a usage error. */
export function readInput(io: CliIo, path: string): string {
  try {
    return io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${path}: no such file` : `${path}: ${(error as Error).message}`,
    );
  }
}
