/**
 * Times one MATPOWER case in this process and prints one JSON line: parse (text to validated
 * grid), compile (arrays, Ybus, Jacobian structure), solve (Newton iterations alone, first LU
 * factorisation included), re-solve (same compiled model again: symbolic analysis reused), DC,
 * each the median of repeated runs after warm-up, and the process's peak resident memory.
 * With repetitions 0 it parses and solves once and reports only the peak memory of doing so.
 * Usage: tsx bench/bench-case.ts <case.m path> <repetitions>
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadGrid } from '../src/app/run-power-flow/index.ts';
import { compileAcPowerFlow, runDcPowerFlow, solveAcPowerFlow } from '../src/core/powerflow/index.ts';

const [path, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 15);
const text = readFileSync(path, 'utf8');
const name = basename(path, '.m');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

const first = loadGrid(text, `${name}.m`);
if (!first.ok) throw new Error(first.errors.join('\n'));
const grid = first.grid;
if (reps === 0) {
  const once = solveAcPowerFlow(compileAcPowerFlow(grid));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ case: name, status: once.status, once_peak_rss_mb: peakRssMb }));
  process.exit(0);
}

const parse: number[] = [];
const compile: number[] = [];
const solve: number[] = [];
const resolve: number[] = [];
const dc: number[] = [];
let iterations = 0;
let status = '';
let luStats = {};
const warmup = 3;
for (let r = 0; r < reps + warmup; r++) {
  const [, tParse] = time(() => loadGrid(text, `${name}.m`));
  const [model, tCompile] = time(() => compileAcPowerFlow(grid));
  const [sol, tSolve] = time(() => solveAcPowerFlow(model));
  const [, tResolve] = time(() => solveAcPowerFlow(model));
  const [, tDc] = time(() => runDcPowerFlow(grid));
  iterations = sol.iterations;
  status = sol.status;
  luStats = model.solver.luStats;
  if (r < warmup) continue;
  parse.push(tParse);
  compile.push(tCompile);
  solve.push(tSolve);
  resolve.push(tResolve);
  dc.push(tDc);
}
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    case: name,
    buses: grid.buses.length,
    branches: grid.branches.length,
    status,
    iterations,
    parse_ms: median(parse),
    compile_ms: median(compile),
    solve_ms: median(solve),
    resolve_ms: median(resolve),
    dc_ms: median(dc),
    peak_rss_mb: usage.maxRSS / 1024,
    lu: luStats,
  }),
);
