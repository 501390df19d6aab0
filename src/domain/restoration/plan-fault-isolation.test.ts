import { describe, expect, it } from 'vitest';
import { type Grid, parseGrid } from '../../core/grid/index.ts';
import { type FaultIsolationPlan, planFaultIsolation, setSwitches } from './plan-fault-isolation.ts';

/** Two feeders from S: S-[b1]-A1-A2-[a]-A3-A4 and S-[b2]-B1-B2, with an open tie A4-[tie]-B2. */
function twoFeeders(manualA = false): Grid {
  const bus = (id: string) => ({ id, baseKv: 20, type: id === 'S' ? ('slack' as const) : ('pq' as const) });
  const line = (id: string, fromBusId: string, toBusId: string) => ({
    id,
    fromBusId,
    toBusId,
    rPu: 0.01,
    xPu: 0.02,
  });
  const parsed = parseGrid({
    format: 'kirchhoff-grid',
    version: 1,
    buses: ['S', 'A0', 'A1', 'A2', 'A3', 'A4', 'B0', 'B1', 'B2'].map(bus),
    branches: [
      line('sa', 'S', 'A0'),
      line('a12', 'A1', 'A2'),
      line('a34', 'A3', 'A4'),
      line('sb', 'S', 'B0'),
      line('b12', 'B1', 'B2'),
    ],
    switches: [
      { id: 'b1', fromBusId: 'A0', toBusId: 'A1', closed: true, remotelyOperable: true },
      { id: 'a', fromBusId: 'A2', toBusId: 'A3', closed: true, remotelyOperable: !manualA },
      { id: 'b2', fromBusId: 'B0', toBusId: 'B1', closed: true, remotelyOperable: true },
      {
        id: 'tie',
        fromBusId: 'A4',
        toBusId: 'B2',
        closed: false,
        normallyOpen: true,
        remotelyOperable: true,
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}

const plan = (grid: Grid, branch: string, remoteOnly = true) => {
  const p = planFaultIsolation(grid, branch, { remoteOnly });
  if ('error' in p) throw new Error(p.error);
  return p as FaultIsolationPlan;
};

describe('planFaultIsolation', () => {
  it('a fault in the first section: the breaker trips, the section is cut out, the tail is re-supplied through the tie', () => {
    const p = plan(twoFeeders(), 'a12');
    expect(p.breakerSwitchId).toBe('b1');
    expect([...p.trippedBusIds].sort()).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect([...p.isolateSwitchIds].sort()).toEqual(['a', 'b1']);
    expect([...p.sectionBusIds].sort()).toEqual(['A1', 'A2']);
    expect(p.recloseBreaker).toBe(false);
    expect(p.darkParts).toEqual([{ busIds: ['A3', 'A4'], tieSwitchIds: ['tie'] }]);
  });

  it('a fault in the last section: only that section stays dark, the breaker recloses', () => {
    const p = plan(twoFeeders(), 'a34');
    expect(p.isolateSwitchIds).toEqual(['a']);
    expect(p.recloseBreaker).toBe(true);
    expect(p.darkParts).toEqual([]);
  });

  it('a switch that cannot be operated remotely widens the section; crews can use it', () => {
    const automatic = plan(twoFeeders(true), 'a34');
    expect([...automatic.sectionBusIds].sort()).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(automatic.isolateSwitchIds).toEqual(['b1']);
    const crews = plan(twoFeeders(true), 'a34', false);
    expect(crews.isolateSwitchIds).toEqual(['a']);
  });

  it('names a branch that does not exist', () => {
    expect(planFaultIsolation(twoFeeders(), 'nope', { remoteOnly: true })).toEqual({
      error: 'no branch "nope"',
    });
  });

  it('setSwitches returns a new grid with the given states', () => {
    const g = twoFeeders();
    const h = setSwitches(g, { tie: true, a: false });
    expect(h.switches.map((s) => s.closed)).toEqual([true, false, true, true]);
    expect(g.switches.map((s) => s.closed)).toEqual([true, true, true, false]);
  });
});
