import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../core/grid/index.ts';
import { restoreAfterFault } from './kirchhoff-guards.ts';

/** S-[cb]-A1-A2-[sw]-A3 with an open tie A3-[tie]-B1 to a second feeder S-B1. */
function feeders() {
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
    buses: ['S', 'A0', 'A1', 'A2', 'A3', 'B1'].map(bus),
    branches: [line('s', 'S', 'A0'), line('a12', 'A1', 'A2'), line('sb', 'S', 'B1')],
    switches: [
      { id: 'cb', fromBusId: 'A0', toBusId: 'A1', closed: true, remotelyOperable: true },
      { id: 'sw', fromBusId: 'A2', toBusId: 'A3', closed: true, remotelyOperable: true },
      {
        id: 'tie',
        fromBusId: 'A3',
        toBusId: 'B1',
        closed: false,
        normallyOpen: true,
        remotelyOperable: true,
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.grid;
}
const normal = new Map([
  ['cb', true],
  ['sw', true],
  ['tie', false],
]);

describe('restoreAfterFault', () => {
  it('closes the tie when the power flow shows no new violation', () => {
    const r = restoreAfterFault(feeders(), normal, 'a12', () => 0);
    expect(Object.fromEntries(r.switches)).toEqual({ cb: false, sw: false, tie: true });
    expect(r.actions[0]).toMatch(/re-supplied 1 part\(s\) through tie/);
  });

  it('leaves the tie open when closing it would add violations, and says so', () => {
    const r = restoreAfterFault(feeders(), normal, 'a12', (switches) => (switches.get('tie') ? 3 : 0));
    expect(r.switches.get('tie')).toBeUndefined();
    expect(r.actions[0]).toMatch(/tie left open \(limits would be violated\); 1 buses stay dark/);
  });
});
