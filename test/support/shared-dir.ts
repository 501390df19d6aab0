/**
 * Where the shared reference data lives: `$KIRCHHOFF_SHARED_DIR`, else the nearest `shared/`
 * folder beside the repository or one of its parents, else `/work/shared`. Tests fail (never
 * skip) when it cannot be found, so a missing reference cannot pass unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findSharedDir(): string {
  const fromEnv = process.env.KIRCHHOFF_SHARED_DIR;
  if (fromEnv) return resolve(fromEnv);
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (;;) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'cases', 'matpower'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fallback = '/work/shared';
  if (existsSync(join(fallback, 'cases', 'matpower'))) return fallback;
  throw new Error(
    'shared reference data not found: set KIRCHHOFF_SHARED_DIR to the folder holding cases/matpower',
  );
}

export const sharedDir = findSharedDir();
export const matpowerDir = join(sharedDir, 'cases', 'matpower');

export function readMatpowerCase(name: string): string {
  return readFileSync(join(matpowerDir, `${name}.m`), 'utf8');
}

export function readReference<T = Record<string, unknown>>(
  name: string,
  kind: 'pf' | 'dcpf' | 'opf' | 'dcopf',
): T {
  return JSON.parse(readFileSync(join(matpowerDir, 'reference', `${name}.${kind}.json`), 'utf8')) as T;
}

/** The cases that have an AC power-flow reference. */
export const referenceCases = [
  'case9',
  'case14',
  'case30',
  'case39',
  'case57',
  'case118',
  'case300',
  'case1354pegase',
  'case2383wp',
  'case_ACTIVSg2000',
  'case9241pegase',
];
