import { describe, expect, it } from 'vitest';
import type { Controller, ControllerDecision, Observation } from '../../domain/operation/index.ts';
import { operateInterval } from './operate-interval.ts';

describe('operateInterval', () => {
  it('reads the telemetry, lets the controller decide on it, and sends exactly that decision to the actuators', () => {
    const calls: string[] = [];
    const observation = { interval: 7 } as Observation;
    const decision = { actions: ['x'] } as unknown as ControllerDecision;
    const controller = {
      name: 'kirchhoff',
      lastTimingsMs: { forecast: 0, dispatch: 0 },
      zoneView: () => new Map(),
      decide(seen: Observation) {
        calls.push(`decide ${seen.interval}`);
        expect(seen).toBe(observation);
        return decision;
      },
    } satisfies Controller;
    let now = 0;
    const out = operateInterval(controller, 7, {
      telemetry: {
        read: (t) => {
          calls.push(`read ${t}`);
          return observation;
        },
      },
      actuators: {
        apply: (t, d) => {
          calls.push(`apply ${t}`);
          expect(d).toBe(decision);
          now += 5;
        },
      },
      clock: { nowMs: () => now },
    });
    expect(calls).toEqual(['read 7', 'decide 7', 'apply 7']);
    expect(out.decision).toBe(decision);
    expect(out.actuateMs).toBe(5);
  });
});
