/**
 * `npm run bench`: times every MATPOWER case of ../shared/cases/matpower, each in its own
 * process (so peak memory is per case), compares with MATPOWER's own timings stored in the
 * reference files, times the forecasting backtests (bench-forecast.ts) and the flagship closed loop
 * (bench-flagship.ts, which also refreshes the README's KPI table), and writes docs/benchmarks.md
 * with the machine facts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runFlagship, writeReadmeTable } from './bench-flagship.ts';

const shared = process.env.KIRCHHOFF_SHARED_DIR ?? join(process.cwd(), '..', 'shared');
const dir = join(shared, 'cases', 'matpower');
if (!existsSync(dir)) throw new Error(`${dir} not found: set KIRCHHOFF_SHARED_DIR`);
const cases = [
  'case9',
  'case14',
  'case30',
  'case39',
  'case57',
  'case118',
  'case300',
  'case1354pegase',
  'case_ACTIVSg2000',
  'case2383wp',
  'case9241pegase',
];
const reps = Number(process.env.BENCH_REPS ?? 21);

interface Row {
  case: string;
  buses: number;
  branches: number;
  status: string;
  iterations: number;
  parse_ms: number;
  compile_ms: number;
  solve_ms: number;
  resolve_ms: number;
  dc_ms: number;
  peak_rss_mb: number;
  once_peak_rss_mb?: number;
  lu: { nnzL?: number; nnzU?: number };
}

type Timings = { timing_ms: Record<string, number> };
const rows: { row: Row; ref: Timings; dcRef: Timings }[] = [];
for (const name of cases) {
  process.stderr.write(`benchmarking ${name} ...`);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join('bench', 'bench-case.ts'), join(dir, `${name}.m`), String(reps)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const row = JSON.parse(out.trim().split('\n').pop()!) as Row;
  const once = execFileSync(
    process.execPath,
    ['--import', 'tsx', join('bench', 'bench-case.ts'), join(dir, `${name}.m`), '0'],
    { encoding: 'utf8' },
  );
  row.once_peak_rss_mb = JSON.parse(once.trim().split('\n').pop()!).once_peak_rss_mb;
  const ref = JSON.parse(readFileSync(join(dir, 'reference', `${name}.pf.json`), 'utf8'));
  const dcRef = JSON.parse(readFileSync(join(dir, 'reference', `${name}.dcpf.json`), 'utf8'));
  rows.push({ row, ref, dcRef });
  process.stderr.write(` solve ${row.solve_ms.toFixed(2)} ms\n`);
}

const f = (x: number, d = 2) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const cpu = cpus();
const lines: string[] = [];
lines.push('# Benchmarks');
lines.push('');
lines.push('Written by `npm run bench` (bench/run-benchmarks.ts); do not edit by hand.');
lines.push('');
lines.push('## Machine');
lines.push('');
lines.push(`- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores`);
lines.push(`- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
lines.push(`- Node.js ${process.version}, ${process.platform} ${process.arch}`);
lines.push(`- date: ${new Date().toISOString().slice(0, 10)}`);
lines.push('');
lines.push('## AC power flow (Newton-Raphson, tolerance 1e-8 p.u., start from the case voltages)');
lines.push('');
lines.push(
  `Medians of ${reps} runs after 3 warm-up runs, each case in its own process. MATPOWER columns: ` +
    'MATPOWER 8.1 on GNU Octave 7.3 (UMFPACK) on a 2-core machine like this one, from `timing_ms` in ' +
    '`../shared/cases/matpower/reference/<case>.pf.json` (`newtonpf_median`, `loadcase_first_call`).',
);
lines.push('');
lines.push('- parse: text of the `.m` file to a validated grid (MATPOWER column: `loadcase`, first call);');
lines.push(
  '- compile: grid to arrays, branch admittances, Ybus, the Jacobian pattern and entry map, the AMD ' +
    'ordering of the bus graph and the symbolic LU factorisation;',
);
lines.push(
  '- solve: the Newton iterations alone (mismatch, Jacobian values, numeric LU, substitution), on a freshly ' +
    'compiled model;',
);
lines.push('- re-solve: the same compiled model solved again, as for a batch of time steps;');
lines.push(
  "- MATPOWER's `newtonpf` time contains its ordering (UMFPACK orders inside every `\\`), so the fair " +
    'end-to-end comparison is compile + solve against it: both speed-ups are shown;',
);
lines.push(
  '- DC: compile (B matrix, factored), solve and results of `runDcPowerFlow`, against MATPOWER `rundcpf` ' +
    '(legacy core, `.dcpf.json`);',
);
lines.push(
  '- memory: peak resident set of a process that reads, parses and solves the case once (Node.js itself ' +
    'and the tsx loader take about 60 MB of it), and of the timing process after all its runs.',
);
lines.push('');
lines.push(
  '| case | buses | iterations | parse ms | compile ms | solve ms | re-solve ms | MATPOWER newtonpf ms | speed-up solve | speed-up compile+solve | MATPOWER loadcase ms | DC pf ms | MATPOWER rundcpf ms | nnz(L+U) | peak RSS once MB | peak RSS timing MB |',
);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { row, ref, dcRef } of rows) {
  const mp = ref.timing_ms.newtonpf_median;
  const nnz = (row.lu.nnzL ?? 0) + (row.lu.nnzU ?? 0);
  const cells = [
    row.case,
    row.buses,
    row.iterations,
    f(row.parse_ms),
    f(row.compile_ms),
    f(row.solve_ms),
    f(row.resolve_ms),
    f(mp),
    `${(mp / row.solve_ms).toFixed(1)}x`,
    `${(mp / (row.compile_ms + row.solve_ms)).toFixed(1)}x`,
    f(ref.timing_ms.loadcase_first_call),
    f(row.dc_ms),
    f(dcRef.timing_ms.rundcpf_legacy_core_median),
    nnz,
    (row.once_peak_rss_mb ?? Number.NaN).toFixed(0),
    row.peak_rss_mb.toFixed(0),
  ];
  lines.push(`| ${cells.join(' | ')} |`);
}
lines.push('');
lines.push('## How the solve is made fast');
lines.push('');
lines.push(
  '- One compiled structure per grid: Ybus in compressed columns, the Jacobian pattern built directly from ' +
    "it (each bus's unknowns adjacent, so no sort), and the position of every Jacobian entry precomputed: " +
    'each iteration writes the values in one pass over Ybus.',
);
lines.push(
  '- Ordering: approximate minimum degree on the bus graph (a quarter of the size of the Jacobian graph), ' +
    "each bus's two unknowns kept together; nnz(L+U) above is the fill it gives.",
);
lines.push(
  '- Symbolic factorisation once, in compile (the Jacobian pattern is structurally symmetric): every ' +
    'factorisation, the first included, is a numeric pass over a known pattern with a threshold check on ' +
    'each diagonal pivot; a rejected pivot falls back to Gilbert-Peierls with partial pivoting.',
);
lines.push(
  '- Paired columns: the two unknowns of a bus are factored and substituted together, so each row index read ' +
    'serves two multiply-adds. No allocation inside the iterations.',
);
lines.push('');

const opfCases = ['case9', 'case30', 'case118', 'case300', 'case2383wp'];
lines.push('## DC optimal power flow (HiGHS)');
lines.push('');
lines.push(
  'Each case in its own process (bench/bench-opf.ts): the first run (cold: the WebAssembly of HiGHS not yet ' +
    'optimised by V8) and the median of 11 further runs (warm, as in a service or a batch). Parse: the `.m` ' +
    'file to a validated grid; build: the LP/QP from the grid; solve: HiGHS, including the extra rounds of ' +
    'lazily added flow limits. MATPOWER column: `rundcopf` (legacy core) median from the `.dcopf.json` ' +
    'reference (MIPS, or GLPK for case2383wp).',
);
lines.push('');
lines.push(
  '| case | rounds | cold parse ms | cold build ms | cold solve ms | cold total ms | warm total ms | warm solve ms | MATPOWER rundcopf ms |',
);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const name of opfCases) {
  process.stderr.write(`benchmarking DC OPF ${name} ...\n`);
  const out = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join('bench', 'bench-opf.ts'), join(dir, `${name}.m`), '11'],
      {
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n')
      .pop()!,
  );
  const ref = JSON.parse(readFileSync(join(dir, 'reference', `${name}.dcopf.json`), 'utf8'));
  const mp = ref.timing_ms.rundcopf_legacy_core_median ?? ref.timing_ms.rundcopf_median;
  lines.push(
    `| ${name} | ${out.cold.rounds} | ${f(out.cold.parse)} | ${f(out.cold.build)} | ${f(out.cold.solve)} | ${f(out.cold.total)} | ${f(out.warm.total)} | ${f(out.warm.solve)} | ${f(mp)} |`,
  );
}
lines.push('');

lines.push('## AC optimal power flow');
lines.push('');
lines.push(
  'Each case in its own process (bench/bench-opf.ts with `ac`): the primal-dual interior-point method ' +
    "(MIPS formulation and tolerances) on the engine's sparse LU. First solve: the first in the process " +
    '(JIT cold); again: a second solve of the same case. MATPOWER columns: iterations and `runopf` ' +
    '(MIPS, legacy core) median from the `.opf.json` reference.',
);
lines.push('');
lines.push(
  '| case | iterations | MATPOWER iterations | first solve ms | again ms | objective rel. to MATPOWER | worst mismatch MVA | MATPOWER runopf ms |',
);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const name of opfCases) {
  process.stderr.write(`benchmarking AC OPF ${name} ...\n`);
  const out = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join('bench', 'bench-opf.ts'), join(dir, `${name}.m`), '0', 'ac'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    )
      .trim()
      .split('\n')
      .pop()!,
  ).ac;
  const ref = JSON.parse(readFileSync(join(dir, 'reference', `${name}.opf.json`), 'utf8'));
  const mp = ref.timing_ms.runopf_legacy_core_median ?? ref.timing_ms.runopf_median;
  lines.push(
    `| ${name} | ${out.iterations} | ${ref.iterations} | ${f(out.solve)} | ${f(out.again)} | ${((out.f - ref.f) / ref.f).toExponential(1)} | ${out.violation.mismatchMva.toExponential(1)} | ${f(mp)} |`,
  );
}
lines.push('');

process.stderr.write('benchmarking multi-period dispatch ...\n');
const dispatchRuns = execFileSync(process.execPath, ['--import', 'tsx', join('bench', 'bench-dispatch.ts')], {
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
lines.push('## Multi-period dispatch (HiGHS)');
lines.push('');
lines.push(
  'bench/bench-dispatch.ts: a synthetic 200-bus feeder tree under one substation (import point), three loads ' +
    '(critical, essential, flexible) on every bus, and DERs spread over the buses: 30 % batteries, 30 % PV, ' +
    '25 % EV chargers with one session each, 15 % shiftable loads; lossless DC network with line limits; one day ' +
    'in 24, 48 or 96 intervals. One run each in one process (HiGHS loaded once). Build: the LP from the input; ' +
    'solve: HiGHS (dual simplex).',
);
lines.push('');
lines.push('| DERs | intervals | variables | constraints | nonzeros | build ms | solve ms | status |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of dispatchRuns) {
  lines.push(
    `| ${r.ders} | ${r.intervals} | ${r.variables} | ${r.constraints} | ${r.nonzeros} | ${f(r.build_ms)} | ${f(r.solve_ms)} | ${r.status} |`,
  );
}
lines.push('');

process.stderr.write('benchmarking forecasting ...\n');
const fc = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', join('bench', 'bench-forecast.ts'), shared], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!,
);
lines.push('## Forecasting');
lines.push('');
lines.push(
  'One run each (bench/bench-forecast.ts), in one process after reading the folders of `../shared/data`. ' +
    'The backtests are the rolling-origin day-ahead backtests of `kirchhoff forecast backtest` (actual weather), ' +
    'including the 56-day warm-up of the quantile bands.',
);
lines.push('');
lines.push('| task | time | target | result |');
lines.push('|---|---:|---:|---|');
lines.push(
  `| GEFCom2012: one year (2007) of daily forecasts, 20 zones + total, 3 models | ${(fc.gefcom_year_ms / 1000).toFixed(1)} s | < 180 s | total MAPE ${fc.gefcom_total_mape.toFixed(2)} % |`,
);
lines.push(
  `| one zone's daily step: learn the day's actuals, refit, forecast the next day (regression / default blend) | ${fc.zone_daily_step_ms.regression.toFixed(1)} ms / ${fc.zone_daily_step_ms.default.toFixed(1)} ms | well under 1 s | 365 days of zone 1 |`,
);
lines.push(
  `| PVDAQ system 50: 2012 of daily PV forecasts, 3 models | ${(fc.pv_year_ms / 1000).toFixed(1)} s | | default nRMSE ${(fc.pv_default_nrmse * 100).toFixed(1)} % |`,
);
lines.push(
  `| Trondheim EV: sessions of 2019-01-18 to 2019-12-27, 2 models | ${(fc.ev_year_ms / 1000).toFixed(1)} s | | |`,
);
lines.push(
  `| reading the folders (GEFCom / PVDAQ / Trondheim) | ${fc.gefcom_read_ms.toFixed(0)} / ${fc.pv_read_ms.toFixed(0)} / ${fc.ev_read_ms.toFixed(0)} ms | | |`,
);
lines.push('');
process.stderr.write('benchmarking the flagship closed loop ...\n');
const flagship = runFlagship();
writeReadmeTable(flagship.markdown);
lines.push('');
lines.push('## Closed loop: the flagship');
lines.push('');
lines.push(
  'One week of a 549-bus district with 2,090 DERs (examples/flagship/scenario.json), 672 intervals under ' +
    'each controller, the AC power flow of the whole grid every interval. Target: under 3 minutes for the ' +
    'week; the table is the same as in the README.',
);
lines.push('');
lines.push(flagship.markdown);
writeFileSync(join('docs', 'benchmarks.md'), `${lines.join('\n')}\n`);
process.stderr.write('wrote docs/benchmarks.md\n');
