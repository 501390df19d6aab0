import { beforeAll, describe, expect, it } from 'vitest';
import { type Grid, parseGrid } from '../../core/grid/index.ts';
import { createHighsSolver, type LpSolver } from '../../core/optimize/index.ts';
import type { DispatchInput, ImportPoint } from './index.ts';
import { runDispatch } from './index.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const T = 24;
/** Import price: cheap at night (hours 0-5), dear in the evening (17-20). */
const price = Float64Array.from({ length: T }, (_, t) => (t < 6 ? 30 : t >= 17 && t <= 20 ? 200 : 80));
/** PV availability at bus A: a midday bell of 3 MW peak. */
const sun = Float64Array.from({ length: T }, (_, t) => Math.max(0, 3 * Math.sin(((t - 6) / 12) * Math.PI)));

/** Upstream bus S (import point), district buses A (homes, PV, battery) and B (EV charger, a plant). */
function district(): Grid {
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    name: 'district',
    baseMva: 10,
    buses: [
      { id: 'S', type: 'slack', baseKv: 20 },
      { id: 'A', type: 'pq', baseKv: 20 },
      { id: 'B', type: 'pq', baseKv: 20 },
    ],
    branches: [
      { id: 'SA', fromBusId: 'S', toBusId: 'A', rPu: 0.01, xPu: 0.05, rateAMva: 6 },
      { id: 'AB', fromBusId: 'A', toBusId: 'B', rPu: 0.01, xPu: 0.05, rateAMva: 4 },
    ],
    generators: [
      {
        id: 'plant',
        busId: 'B',
        pMaxMw: 1,
        rampMwPerMin: 0.05,
        co2TPerMwh: 0.4,
        cost: { model: 'polynomial', coefficients: [0, 120] },
      },
    ],
    loads: [
      { id: 'hospital', busId: 'A', pMw: 1, priority: 'critical' },
      { id: 'homes', busId: 'A', pMw: 3, priority: 'essential' },
      { id: 'pool-pumps', busId: 'B', pMw: 0.5, priority: 'flexible' },
    ],
    storage: [
      {
        id: 'battery',
        busId: 'A',
        energyCapacityMwh: 4,
        energyMwh: 2,
        pChargeMaxMw: 1,
        pDischargeMaxMw: 1,
        chargeEfficiency: 0.95,
        dischargeEfficiency: 0.95,
      },
    ],
    pv: [{ id: 'roofs', busId: 'A', capacityMw: 3 }],
    evChargers: [{ id: 'depot', busId: 'B', pMaxMw: 0.3 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

function input(overrides: Partial<DispatchInput> = {}): DispatchInput {
  return {
    grid: district(),
    intervalCount: T,
    intervalH: 1,
    pvProfiles: { roofs: sun },
    importPoints: [
      { id: 'upstream', busId: 'S', maxImportMw: 8, maxExportMw: 2, priceByInterval: price, co2TPerMwh: 0.3 },
    ],
    evSessions: [
      { id: 'bus-1', chargerId: 'depot', arrivalInterval: 19, departureInterval: 24, energyMwh: 1.2 },
    ],
    storageEndValuePerMwh: 60,
    ...overrides,
  };
}

describe('runDispatch', () => {
  it('balances every interval, keeps storage continuous, charges the EV by departure', () => {
    const r = runDispatch(input(), solver);
    expect(r.status, r.message).toBe('optimal');
    for (let t = 0; t < T; t++) {
      let supply = (r.importMw.get('upstream') ?? [])[t] + (r.generatorMw.get('plant') ?? [])[t];
      supply += (r.storageMw.get('battery') ?? [])[t] + (r.pvMw.get('roofs') ?? [])[t];
      let use = (r.evMw.get('bus-1') ?? [])[t];
      for (const served of r.loadServedMw.values()) use += served[t];
      expect(supply).toBeCloseTo(use, 6);
    }
    const soc = r.storageEnergyMwh.get('battery') ?? new Float64Array();
    const net = r.storageMw.get('battery') ?? new Float64Array();
    for (let t = 0; t < T; t++) {
      const before = t === 0 ? 2 : soc[t - 1];
      const change = net[t] >= 0 ? -net[t] / 0.95 : -net[t] * 0.95;
      expect(soc[t]).toBeCloseTo(before + change, 6);
    }
    const ev = r.evMw.get('bus-1') ?? new Float64Array();
    expect(ev.reduce((a, b) => a + b, 0)).toBeCloseTo(1.2, 6);
    expect(ev.slice(0, 19).every((v) => v === 0)).toBe(true);
    expect(r.evShortfallMwh.get('bus-1')).toBeCloseTo(0, 9);
  });

  it('moves energy in time: the battery charges in cheap hours and discharges in dear ones', () => {
    const r = runDispatch(input(), solver);
    const net = r.storageMw.get('battery') ?? new Float64Array();
    const charged = net.slice(0, 6).reduce((a, b) => a + Math.min(0, b), 0);
    const discharged = net.slice(17, 21).reduce((a, b) => a + Math.max(0, b), 0);
    expect(charged).toBeLessThan(-1);
    expect(discharged).toBeGreaterThan(1);
    // prices: the import price where nothing binds, never below the cheapest source (free PV)
    for (const prices of r.priceByBus.values())
      for (const p of prices) expect(p).toBeGreaterThanOrEqual(-1e-6);
    // without a loss price, a price is its reference part plus congestion; no loss part
    for (const [bus, prices] of r.priceByBus) {
      const energy = r.priceEnergyByBus.get(bus) ?? [];
      const congestion = r.priceCongestionByBus.get(bus) ?? [];
      const loss = r.priceLossByBus.get(bus) ?? [];
      for (let t = 0; t < T; t++) {
        expect(energy[t]).toBeCloseTo((r.priceByBus.get('S') ?? [])[t], 9);
        expect(loss[t]).toBeCloseTo(0, 6);
        expect(energy[t] + congestion[t]).toBeCloseTo(prices[t], 6);
      }
    }
    expect((r.priceByBus.get('S') ?? [])[3]).toBeCloseTo(30, 6);
    expect((r.priceByBus.get('S') ?? [])[18]).toBeCloseTo(200, 6);
  });

  it('a demand charge flattens the import peak, and only the part above the peak so far is charged', () => {
    const peakOf = (r: ReturnType<typeof runDispatch>) => Math.max(...(r.importMw.get('upstream') ?? []));
    const plain = runDispatch(input(), solver);
    const charged = (extra: Partial<ImportPoint> = {}) =>
      runDispatch(
        input({
          importPoints: [
            {
              id: 'upstream',
              busId: 'S',
              maxImportMw: 8,
              maxExportMw: 2,
              priceByInterval: price,
              peakImportPricePerMw: 500,
              ...extra,
            },
          ],
        }),
        solver,
      );
    const flat = charged();
    expect(flat.status, flat.message).toBe('optimal');
    expect(peakOf(flat)).toBeLessThan(peakOf(plain) - 0.5);
    // a peak already reached costs nothing more: the plan may use it
    const reached = charged({ peakImportSoFarMw: peakOf(plain) });
    expect(peakOf(reached)).toBeCloseTo(peakOf(plain), 6);
    expect(reached.cost).toBeCloseTo(plain.cost + 500 * peakOf(plain), 3);
  });

  it('when the upstream supply is short in the evening, sheds flexible load first and critical never', () => {
    const evening = (t: number) => t >= 17 && t <= 20;
    const r = runDispatch(
      input({
        importPoints: [
          {
            id: 'upstream',
            busId: 'S',
            maxImportMw: 8,
            maxExportMw: 0,
            maxImportMwByInterval: Float64Array.from({ length: T }, (_, t) => (evening(t) ? 1.5 : 8)),
            priceByInterval: price,
          },
        ],
        grid: { ...district(), storage: district().storage.map((s) => ({ ...s, energyMwh: 0 })) },
        pvProfiles: { roofs: new Float64Array(T) },
        evSessions: [],
      }),
      solver,
    );
    expect(r.status, r.message).toBe('optimal');
    const shed = (id: string, t: number) => (r.loadShedMw.get(id) ?? new Float64Array(T))[t];
    let shedHours = 0;
    for (let t = 0; t < T; t++) {
      expect(shed('hospital', t)).toBeCloseTo(0, 9);
      if (shed('homes', t) > 1e-6) {
        shedHours++;
        expect(shed('pool-pumps', t)).toBeCloseTo(0.5, 6); // all flexible load goes before any essential
      }
      if (!evening(t)) expect(shed('homes', t) + shed('pool-pumps', t)).toBeCloseTo(0, 6);
    }
    expect(shedHours).toBeGreaterThan(0);
    expect(r.shedMwhByClass.critical).toBe(0);
    // during shedding the price at the homes is their value of lost load
    expect((r.priceByBus.get('A') ?? [])[18]).toBeCloseTo(5000, 3);
  });

  it('islanded all day on PV, battery and the small plant: priorities hold hour by hour', () => {
    const island = runDispatch(
      input({
        importPoints: [
          { id: 'upstream', busId: 'S', maxImportMw: 0, maxExportMw: 0, priceByInterval: price },
        ],
        evSessions: [],
      }),
      solver,
    );
    expect(island.status, island.message).toBe('optimal');
    const shed = (id: string, t: number) => (island.loadShedMw.get(id) ?? new Float64Array(T))[t];
    for (let t = 0; t < T; t++) {
      if (shed('hospital', t) > 1e-6) expect(shed('homes', t)).toBeCloseTo(3, 6);
      if (shed('homes', t) > 1e-6) expect(shed('pool-pumps', t)).toBeCloseTo(0.5, 6);
    }
    expect(island.shedMwhByClass.flexible).toBeGreaterThan(0);
    expect(island.shedMwhByClass.critical).toBe(0);
  });

  it('with shedding disabled, a shortage is infeasible and says where', () => {
    const r = runDispatch(
      input({
        allowShedding: false,
        importPoints: [
          {
            id: 'upstream',
            busId: 'S',
            maxImportMw: 8,
            maxExportMw: 0,
            maxImportMwByInterval: Float64Array.from({ length: T }, (_, t) => (t === 19 ? 0.5 : 8)),
            priceByInterval: price,
          },
        ],
        pvProfiles: { roofs: new Float64Array(T) },
        evSessions: [],
      }),
      solver,
    );
    expect(r.status).toBe('infeasible');
    expect(r.message).toMatch(
      /in interval 19, demand 4\.500 MW exceeds all supply 2\.500 MW and shedding is disabled/,
    );
  });

  it('says what is wrong with the input or why no dispatch exists', () => {
    const bad = runDispatch(
      input({
        evSessions: [
          { id: 'x', chargerId: 'nowhere', arrivalInterval: 3, departureInterval: 2, energyMwh: 1 },
        ],
      }),
      solver,
    );
    expect(bad.status).toBe('invalid');
    expect(bad.message).toMatch(/evSessions\[0\]\.chargerId: no EV charger "nowhere"/);
    expect(bad.message).toMatch(/evSessions\[0\]: arrival 3 and departure 2/);
    const short = runDispatch(input({ pvProfiles: { roofs: new Float64Array(5) } }), solver);
    expect(short.message).toMatch(/pvProfiles\.roofs: 5 values for 24 intervals/);
    const impossible = runDispatch(
      input({ shiftableLoads: [{ loadId: 'pool-pumps', fromInterval: 0, toInterval: 4, maxMw: 0.1 }] }),
      solver,
    );
    expect(impossible.status).toBe('infeasible');
    expect(impossible.message).toMatch(
      /shiftable load "pool-pumps" needs 2\.000 MWh in its window but can take at most 0\.400 MWh/,
    );
  });
});
