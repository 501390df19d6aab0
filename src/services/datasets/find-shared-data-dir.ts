/**
 * Where the shared datasets live, found as the tests find the shared reference data:
 * `$KIRCHHOFF_SHARED_DIR/data`, else the nearest `shared/data` folder beside the repository or one
 * of its parents, else `/work/shared/data` (whose absence the readers then report by file name).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findSharedDataDir(
  environment: Readonly<Record<string, string | undefined>> = process.env,
  startDir: string = dirname(fileURLToPath(import.meta.url)),
): string {
  const fromEnv = environment.KIRCHHOFF_SHARED_DIR;
  if (fromEnv) return join(resolve(fromEnv), 'data');
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, 'shared', 'data');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return '/work/shared/data';
}
