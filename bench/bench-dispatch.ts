/**
 * Multi-period dispatch timings for `npm run bench`: a synthetic 200-bus feeder tree under one
 * substation with an import point, loads of all three classes on every bus, and DERs spread over
 * the buses (batteries, PV, EV chargers with one session each, shiftable loads), for several DER
 * counts and horizons. Prints one JSON line per run with build and solve times and model size.
 */
import { performance } from 'node:perf_hooks';
import { createRandom } from '../src/core/forecast/pv-test-support.ts';
import { parseGrid } from '../src/core/grid/index.ts';
import { createHighsSolver } from '../src/core/optimize/index.ts';
import { type DispatchInput, runDispatch } from '../src/domain/dispatch/index.ts';

function buildInput(nBus: number, nDer: number, intervals: number): DispatchInput {
  const random = createRandom(42);
  const dt = 24 / intervals;
  const buses = Array.from({ length: nBus }, (_, i) => ({
    id: `b${i}`,
    type: i === 0 ? 'slack' : 'pq',
    baseKv: 20,
  }));
  const branches = Array.from({ length: nBus - 1 }, (_, k) => {
    const to = k + 1;
    const from = Math.floor(random() * to);
    return {
      id: `l${to}`,
      fromBusId: `b${from}`,
      toBusId: `b${to}`,
      rPu: 0.01 + 0.02 * random(),
      xPu: 0.02 + 0.04 * random(),
      rateAMva: 40 + 20 * random(),
    };
  });
  const loads = buses.slice(1).flatMap((b, i) => [
    { id: `crit${i}`, busId: b.id, pMw: 0.01 + 0.01 * random(), priority: 'critical' },
    { id: `ess${i}`, busId: b.id, pMw: 0.05 + 0.05 * random(), priority: 'essential' },
    { id: `flex${i}`, busId: b.id, pMw: 0.01 + 0.02 * random(), priority: 'flexible' },
  ]);
  const nBattery = Math.round(nDer * 0.3);
  const nPv = Math.round(nDer * 0.3);
  const nEv = Math.round(nDer * 0.25);
  const nShift = nDer - nBattery - nPv - nEv;
  const at = () => `b${1 + Math.floor(random() * (nBus - 1))}`;
  const storage = Array.from({ length: nBattery }, (_, i) => ({
    id: `bat${i}`,
    busId: at(),
    energyCapacityMwh: 0.02,
    energyMwh: 0.01,
    pChargeMaxMw: 0.005,
    pDischargeMaxMw: 0.005,
  }));
  const pv = Array.from({ length: nPv }, (_, i) => ({ id: `pv${i}`, busId: at(), capacityMw: 0.008 }));
  const evChargers = Array.from({ length: nEv }, (_, i) => ({ id: `ev${i}`, busId: at(), pMaxMw: 0.011 }));
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'feeder',
    baseMva: 10,
    buses,
    branches,
    loads,
    storage,
    pv,
    evChargers,
    generators: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  const hour = (t: number) => t * dt;
  const sun = (t: number) => Math.max(0, Math.sin(((hour(t) - 6) / 12) * Math.PI));
  const shape = (t: number) => 0.7 + 0.3 * Math.sin(((hour(t) - 10) / 24) * 2 * Math.PI);
  const loadProfiles: Record<string, Float64Array> = {};
  for (const l of parsed.grid.loads)
    loadProfiles[l.id] = Float64Array.from({ length: intervals }, (_, t) => l.pMw * shape(t));
  const pvProfiles: Record<string, Float64Array> = {};
  for (const p of parsed.grid.pv)
    pvProfiles[p.id] = Float64Array.from({ length: intervals }, (_, t) => p.capacityMw * sun(t));
  const evSessions = parsed.grid.evChargers.map((c, i) => {
    const arrival = Math.floor(((17 + 3 * random()) / 24) * intervals) % intervals;
    return {
      id: `s${i}`,
      chargerId: c.id,
      arrivalInterval: Math.min(arrival, intervals - 2),
      departureInterval: intervals,
      energyMwh: 0.005 + 0.01 * random(),
    };
  });
  const shiftableLoads = parsed.grid.loads
    .filter((l) => l.priority === 'flexible')
    .slice(0, nShift)
    .map((l) => ({ loadId: l.id, fromInterval: 0, toInterval: intervals, maxMw: l.pMw * 2 }));
  const price = Float64Array.from({ length: intervals }, (_, t) => 40 + 60 * shape(t));
  return {
    grid: parsed.grid,
    intervalCount: intervals,
    intervalH: dt,
    loadProfiles,
    pvProfiles,
    importPoints: [
      { id: 'substation', busId: 'b0', maxImportMw: 40, maxExportMw: 20, priceByInterval: price },
    ],
    evSessions,
    shiftableLoads,
    storageEndValuePerMwh: 50,
  };
}

const solver = await createHighsSolver();
const runs: [number, number][] = [
  [500, 96],
  [1000, 96],
  [2000, 96],
  [2000, 24],
  [2000, 48],
];
for (const [nDer, intervals] of runs) {
  const input = buildInput(200, nDer, intervals);
  const t0 = performance.now();
  const r = runDispatch(input, solver, () => performance.now());
  const total = performance.now() - t0;
  process.stdout.write(
    `${JSON.stringify({ buses: 200, ders: nDer, intervals, status: r.status, build_ms: r.timings.buildMs, solve_ms: r.timings.solveMs, total_ms: total, ...r.size, shed_mwh: r.shedMwhByClass })}\n`,
  );
}
