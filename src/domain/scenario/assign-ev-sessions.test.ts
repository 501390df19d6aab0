import { describe, expect, it } from 'vitest';
import { assignEvSessions, describePeriod, type SourceEvSession } from './index.ts';

const period = describePeriod({ start: '2007-07-16', days: 2, intervalMin: 15, historyDays: 0 });
const sourceStartWallMs = Date.UTC(2019, 6, 15);
const at = (day: number, h: number, m = 0) => sourceStartWallMs + day * 86_400_000 + (h * 60 + m) * 60_000;

const sessions: SourceEvSession[] = [
  { sessionId: '1', driverId: 'A-1', plugInWallMs: at(0, 17), plugOutWallMs: at(1, 7), energyKwh: 20 },
  { sessionId: '2', driverId: 'B-1', plugInWallMs: at(0, 18, 1), plugOutWallMs: at(0, 18, 5), energyKwh: 1 },
  { sessionId: '3', driverId: 'A-1', plugInWallMs: at(1, 20), plugOutWallMs: at(2, 8), energyKwh: 30 },
  { sessionId: '4', driverId: 'C-1', plugInWallMs: at(3, 8), plugOutWallMs: at(3, 9), energyKwh: 5 },
];

describe('assignEvSessions', () => {
  const chargers = Array.from({ length: 40 }, (_, i) => ({ id: `ev-${i}`, pMaxMw: 0.011 }));
  const options = { sourceStartWallMs, period, seed: 3, jitterMin: 0 };

  it('gives each charger the sessions of one driver of the window, on interval indices', () => {
    const assigned = assignEvSessions(sessions, chargers, options);
    expect(assignEvSessions(sessions, chargers, options)).toEqual(assigned);
    const a = assigned.find((s) => s.id.endsWith('/1'))!;
    expect(a).toMatchObject({ arrivalInterval: 68, departureInterval: 96 + 28 });
    expect(a.energyMwh).toBeCloseTo(0.02, 12);
    // Session 3 runs past the period end (day 2, 00:00): 4 of its 12 hours fall inside.
    const c = assigned.find((s) => s.id.endsWith('/3'))!;
    expect(c).toMatchObject({ arrivalInterval: 96 + 80, departureInterval: 192 });
    expect(c.energyMwh).toBeCloseTo((0.03 * 4) / 12, 12);
    // Session 2 is shorter than an interval after rounding; session 4 lies outside the window.
    expect(assigned.some((s) => s.id.endsWith('/2') || s.id.endsWith('/4'))).toBe(false);
    const drivers = new Set(assigned.map((s) => s.id.split('/')[1]));
    expect(drivers).toEqual(new Set(['1', '3']));
    expect(assigned.every((s, k) => k === 0 || assigned[k - 1].arrivalInterval <= s.arrivalInterval)).toBe(
      true,
    );
  });

  it('caps energy at what the charger can deliver and jitters per charger', () => {
    const small = assignEvSessions(sessions, [{ id: 'slow', pMaxMw: 0.001 }], { ...options, seed: 1 });
    for (const s of small) {
      expect(s.energyMwh).toBeLessThanOrEqual(
        0.001 * (s.departureInterval - s.arrivalInterval) * 0.25 + 1e-12,
      );
    }
    const jittered = assignEvSessions(sessions, chargers, { ...options, jitterMin: 60 });
    const arrivals = new Set(jittered.filter((s) => s.id.endsWith('/1')).map((s) => s.arrivalInterval));
    expect(arrivals.size).toBeGreaterThan(1);
  });
});
