import { describe, expect, it } from 'vitest';
import { runAcPowerFlow } from '../powerflow/index.ts';
import {
  buildDistrictGrid,
  type Grid,
  LINE_TYPES,
  linePu,
  parseGrid,
  TRANSFORMER_TYPES,
  transformerPu,
  validateGrid,
} from './index.ts';

const flagship = buildDistrictGrid();

function voltageOf(grid: Grid, result: ReturnType<typeof runAcPowerFlow>, busId: string): number {
  return result.buses.vmPu[grid.buses.findIndex((b) => b.id === busId)];
}

describe('equipment types to per unit', () => {
  it('converts ohm/km and nF/km on the impedance base V^2/S', () => {
    // 100 m of NAYY 4x150 at 0.4 kV on 10 MVA: Z_base = 0.016 ohm.
    const lv = linePu(LINE_TYPES.lv150, 0.1, 0.4, 10, 50);
    expect(lv.rPu).toBeCloseTo((0.208 * 0.1) / 0.016, 12);
    expect(lv.xPu).toBeCloseTo((0.08 * 0.1) / 0.016, 12);
    expect(lv.bPu).toBeCloseTo(2 * Math.PI * 50 * 261e-9 * 0.1 * 0.016, 15);
    expect(lv.rateAMva).toBeCloseTo(Math.sqrt(3) * 0.4 * 0.27, 12);
    // 45 km of 149-AL1/24-ST1A at 110 kV: Z_base = 1210 ohm, r = 8.73 ohm.
    const hv = linePu(LINE_TYPES.hv149, 45, 110, 10, 50);
    expect(hv.rPu).toBeCloseTo(8.73 / 1210, 12);
    expect(hv.bPu).toBeCloseTo(2 * Math.PI * 50 * 8.75e-9 * 45 * 1210, 12);
  });

  it('converts u_k and u_kr of a transformer to the system base', () => {
    const t = transformerPu(TRANSFORMER_TYPES.mvLv630, 10);
    expect(t.rPu).toBeCloseTo((0.01206 * 10) / 0.63, 12);
    expect(Math.hypot(t.rPu, t.xPu)).toBeCloseTo((0.06 * 10) / 0.63, 12);
    expect(t.rateAMva).toBe(0.63);
  });
});

describe('buildDistrictGrid', () => {
  it('builds a valid flagship of 6 neighbourhoods, 500+ buses and 2,000+ DERs', () => {
    expect(validateGrid(flagship)).toEqual([]);
    const reparsed = parseGrid(JSON.parse(JSON.stringify(flagship)));
    expect(reparsed.ok && reparsed.grid).toEqual(flagship);
    expect(flagship.zones.filter((z) => z.kind === 'neighbourhood').map((z) => z.id)).toEqual([
      'z1',
      'z2',
      'z3',
      'z4',
      'z5',
      'z6',
    ]);
    expect(flagship.buses.length).toBeGreaterThanOrEqual(500);
    const ders = flagship.pv.length + flagship.storage.length + flagship.evChargers.length;
    expect(ders).toBeGreaterThanOrEqual(2000);
    const classes = new Set(flagship.loads.map((l) => l.priority));
    expect(classes).toEqual(new Set(['critical', 'essential', 'flexible']));
    expect(flagship.loads.filter((l) => l.priority === 'critical').map((l) => l.id)).toEqual([
      'z1-hospital',
      'z2-water-pumping',
      'z3-hospital',
      'z4-water-pumping',
      'z5-hospital',
      'z6-water-pumping',
    ]);
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(buildDistrictGrid({ seed: 1 })).toEqual(flagship);
    expect(buildDistrictGrid({ seed: 2 })).not.toEqual(flagship);
  });

  it('uses readable ids and puts every element on a bus of a zone', () => {
    expect(flagship.buses.every((b) => b.zoneId !== undefined)).toBe(true);
    const ids = flagship.buses.map((b) => b.id);
    expect(ids).toContain('z3-lv2-b3');
    expect(ids).toContain('z3-mv4-out');
    expect(flagship.pv.map((p) => p.id)).toContain('z3-pv-17');
    expect(flagship.branches.map((b) => b.id)).toContain('z2-mv-l4');
    const zoneOfBus = new Map(flagship.buses.map((b) => [b.id, b.zoneId]));
    for (const e of [...flagship.loads, ...flagship.pv, ...flagship.storage, ...flagship.evChargers]) {
      const zone = e.id.startsWith('z') ? e.id.slice(0, e.id.indexOf('-')) : undefined;
      expect(zoneOfBus.get(e.busId)).toBe(zone);
    }
  });

  it('sums each zone to its peak and has open ties between adjacent feeder ends', () => {
    const zoneOfBus = new Map(flagship.buses.map((b) => [b.id, b.zoneId]));
    const byZone = new Map<string, number>();
    for (const l of flagship.loads) {
      const z = zoneOfBus.get(l.busId)!;
      byZone.set(z, (byZone.get(z) ?? 0) + l.pMw);
    }
    for (const total of byZone.values()) expect(total).toBeCloseTo(3, 3);
    const ties = flagship.switches.filter((s) => s.normallyOpen);
    expect(ties.map((s) => s.id)).toEqual([
      'tie-z1-z2',
      'tie-z2-z3',
      'tie-z3-z4',
      'tie-z4-z5',
      'tie-z5-z6',
      'tie-z6-z1',
    ]);
    expect(ties.every((s) => !s.closed && s.remotelyOperable)).toBe(true);
    expect(ties[0]).toMatchObject({ fromBusId: 'z1-mv6', toBusId: 'z2-mv6' });
    const sectionalising = flagship.switches.filter((s) => /^z\d-sw\d$/.test(s.id));
    expect(sectionalising.length).toBe(6 * 5);
    expect(sectionalising.every((s) => s.closed && s.remotelyOperable)).toBe(true);
  });

  it('converges at the uncoordinated evening peak with weak LV ends near 0.9 p.u. and cables near rating', () => {
    const result = runAcPowerFlow(flagship);
    expect(result.status).toBe('converged');
    expect(result.iterations).toBe(4);
    const vm = Array.from(result.buses.vmPu);
    expect(Math.min(...vm)).toBeCloseTo(0.9077, 3);
    expect(Math.max(...vm)).toBeCloseTo(1.02, 6);
    expect(result.losses.pMw).toBeCloseTo(0.924, 3);
    const nearLimit = flagship.buses.filter((b, i) => vm[i] < b.vmMinPu + 0.02);
    expect(nearLimit.length).toBeGreaterThanOrEqual(3);
    expect(nearLimit.every((b) => b.baseKv < 1)).toBe(true);
    const loading = Array.from(result.branches.loadingPercent);
    expect(loading.filter((l) => l > 80).length).toBeGreaterThan(20);
    expect(Math.max(...loading)).toBeLessThan(115);
    // The 45 km plant line loses 0.6 % of the plant's 8 MW (1.4 % at 20 MW).
    const plantLine = flagship.branches.findIndex((b) => b.id === 'plant-line');
    expect(result.branches.pLossMw[plantLine]).toBeCloseTo(0.0504, 3);
  });

  it('drops weak LV ends below 0.9 p.u. when three chargers in ten draw full power at the peak', () => {
    const evChargers = flagship.evChargers.map((c, i) => ({ ...c, pMw: i % 10 < 3 ? c.pMaxMw : 0 }));
    const result = runAcPowerFlow({ ...flagship, evChargers });
    expect(result.status).toBe('converged');
    const below = flagship.buses.filter((b, i) => result.buses.vmPu[i] < b.vmMinPu);
    expect(below.length).toBeGreaterThanOrEqual(2);
    expect(below.every((b) => b.baseKv < 1)).toBe(true);
  });

  it('re-supplies the healthy end of a feeder through a tie after isolating a faulted section', () => {
    const grid: Grid = {
      ...flagship,
      branches: flagship.branches.map((b) => (b.id === 'z1-mv-l3' ? { ...b, inService: false } : b)),
      switches: flagship.switches.map((s) => {
        if (s.id === 'z1-sw2' || s.id === 'z1-sw3') return { ...s, closed: false };
        if (s.id === 'tie-z1-z2') return { ...s, closed: true };
        return s;
      }),
    };
    const result = runAcPowerFlow(grid);
    expect(result.status).toBe('converged');
    const energised = (id: string) => result.buses.energised[grid.buses.findIndex((b) => b.id === id)];
    expect(energised('z1-mv2')).toBe(1);
    expect(energised('z1-mv3')).toBe(0);
    expect(energised('z1-ss3')).toBe(0);
    expect(energised('z1-mv4')).toBe(1);
    expect(energised('z1-lv24-b3')).toBe(1);
    expect(voltageOf(grid, result, 'z1-mv4')).toBeGreaterThan(0.95);
  });

  it('builds small variants', () => {
    const small = buildDistrictGrid({ zoneCount: 2, sectionsPerFeeder: 2, lvFeedersPerSubstation: 1 });
    expect(validateGrid(small)).toEqual([]);
    expect(small.switches.filter((s) => s.normallyOpen).map((s) => s.id)).toEqual(['tie-z1-z2']);
    expect(runAcPowerFlow(small).status).toBe('converged');
    const one = buildDistrictGrid({ zoneCount: 1 });
    expect(one.switches.filter((s) => s.normallyOpen)).toEqual([]);
  });
});
