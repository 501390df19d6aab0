/** The CLI's I/O on a real machine: files, stdout/stderr and the monotonic clock. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CliIo } from './cli-io.ts';

export const nodeCliIo: CliIo = {
  clock: { nowMs: () => performance.now() },
  readText: (path) => readFileSync(path, 'utf8'),
  writeTextAtomic(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  },
  removeFile: (path) => rmSync(path, { force: true }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
