/**
 * DC OPF timings for `npm run bench`, printed as one JSON line per case: a cold run (the first in
 * a fresh process, WebAssembly not yet optimised) and the median of warm runs, each split into
 * parse, build and solve, with the lazy flow-limit rounds. With a third argument `ac`: one AC OPF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGrid } from '../src/app/run-power-flow/index.ts';
import { runAcOpf, runDcOpf } from '../src/core/opf/index.ts';
import { createHighsSolver } from '../src/core/optimize/index.ts';

const [file, repsText, mode] = process.argv.slice(2);
const reps = Number(repsText ?? 11);
const solver = await createHighsSolver();
const text = readFileSync(file, 'utf8');

function once() {
  const t0 = performance.now();
  const loaded = loadGrid(text, file);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const t1 = performance.now();
  const r = runDcOpf(loaded.grid, solver, () => performance.now());
  const t2 = performance.now();
  return {
    parse: t1 - t0,
    build: r.timings.buildMs,
    solve: r.timings.solveMs,
    total: t2 - t0,
    rounds: r.rounds,
    status: r.status,
  };
}

if (mode === 'ac') {
  const t0 = performance.now();
  const loaded = loadGrid(text, file);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const t1 = performance.now();
  const r = runAcOpf(loaded.grid);
  const t2 = performance.now();
  runAcOpf(loaded.grid);
  const t3 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ ac: { parse: t1 - t0, solve: t2 - t1, again: t3 - t2, iterations: r.iterations, status: r.status, f: r.objective, violation: r.worstViolation } })}\n`,
  );
  process.exit(0);
}
const cold = once();
const warm = Array.from({ length: reps }, once);
const median = (key: 'parse' | 'build' | 'solve' | 'total') => {
  const v = warm.map((w) => w[key]).sort((a, b) => a - b);
  return v[v.length >> 1];
};
process.stdout.write(
  `${JSON.stringify({ cold, warm: { parse: median('parse'), build: median('build'), solve: median('solve'), total: median('total') } })}\n`,
);
