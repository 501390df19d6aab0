import { describe, expect, it } from 'vitest';
import { backtestEvSessions } from './ev-backtest.ts';
import { createConditionalEvModel } from './ev-conditional-model.ts';
import {
  createPerDriverMedianModel,
  type EvSessionModel,
  type EvSessionRecord,
  type LocalOffsetLookup,
} from './ev-session-model.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Europe/Oslo in 2019: +01:00, +02:00 from 2019-03-31T01:00Z to 2019-10-27T01:00Z. */
const offsetAt: LocalOffsetLookup = (ms) =>
  ms >= Date.UTC(2019, 2, 31, 1) && ms < Date.UTC(2019, 9, 27, 1) ? 120 : 60;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;

/** Driver `a` plugs in at 18:00 local every day from 2019-03-01 and leaves at 07:00 with 10 kWh. */
function regularDriver(days: number): EvSessionRecord[] {
  return Array.from({ length: days }, (_, d) => {
    const date = new Date(Date.UTC(2019, 2, 1 + d)).toISOString().slice(0, 10);
    const nextDate = new Date(Date.UTC(2019, 2, 2 + d)).toISOString().slice(0, 10);
    const zone = (iso: string) => (offsetAt(Date.parse(`${iso}Z`) - HOUR) === 120 ? '+02:00' : '+01:00');
    return {
      userId: 'a',
      garageId: 'G1',
      userType: 'private' as const,
      plugInMs: Date.parse(`${date}T18:00${zone(`${date}T18:00`)}`),
      plugOutMs: Date.parse(`${nextDate}T07:00${zone(`${nextDate}T07:00`)}`),
      energyKwh: 10,
    };
  });
}

/** Forecasts the same quantiles for every session: energy 5/10/15 kWh, dwell 8/10/12 h. */
const constantModel: EvSessionModel = {
  name: 'constant',
  forecast: (_sessions, _origin, queries) =>
    queries.map((q) => ({
      energyKwh: { p10: 5, p50: 10, p90: 15 },
      dwellH: { p10: 8, p50: 10, p90: 12 },
      departureMs: { p10: q.plugInMs + 8 * HOUR, p50: q.plugInMs + 10 * HOUR, p90: q.plugInMs + 12 * HOUR },
    })),
};

describe('backtestEvSessions', () => {
  it('scores a perfectly regular driver with zero error, across the spring clock change', () => {
    const sessions = regularDriver(45); // 2019-03-01 ... 2019-04-14, DST on 2019-03-31
    const models = [createConditionalEvModel({ offsetAt }), createPerDriverMedianModel()];
    const { scores } = backtestEvSessions(sessions, models, {
      fromDay: dayOf('2019-03-25'),
      toDay: dayOf('2019-04-05'),
      offsetAt,
    });
    for (const s of scores) {
      expect(s.sessionsScored).toBe(12);
      expect(s.departuresScored).toBe(12);
      expect(s.energyMaeKwh).toBe(0);
      expect(s.energyPinballKwh).toBe(0);
      expect(s.coverageEnergyP10P90).toBe(1);
    }
    // The 2019-03-30 session lasts 12 real hours (18:00+01 -> 07:00+02): the medians learnt before
    // it say 13, so exactly one departure is off by one hour, and the medians stay at 13 afterwards.
    for (const s of scores) {
      expect(s.departureMaeH).toBeCloseTo(1 / 12, 12);
      expect(s.coverageDepartureP10P90).toBeCloseTo(11 / 12, 12);
    }
  });

  it('trains only on sessions unplugged strictly before each origin and never sees the answers', () => {
    const sessions = regularDriver(20);
    const seen: { originMs: number; history: readonly EvSessionRecord[]; keys: string[] }[] = [];
    const spy: EvSessionModel = {
      name: 'spy',
      forecast(history, originMs, queries) {
        seen.push({ originMs, history, keys: queries.flatMap((q) => Object.keys(q)) });
        return constantModel.forecast(history, originMs, queries);
      },
    };
    backtestEvSessions(sessions, [spy], {
      fromDay: dayOf('2019-03-10'),
      toDay: dayOf('2019-03-15'),
      offsetAt,
    });
    expect(seen).toHaveLength(6);
    for (const { originMs, history, keys } of seen) {
      expect(history.length).toBeGreaterThan(0);
      for (const s of history) expect(s.plugOutMs as number).toBeLessThan(originMs);
      // The session of the previous evening is still plugged in at midnight: not known yet.
      expect(history.some((s) => s.plugInMs === originMs - 6 * HOUR)).toBe(false);
      expect(new Set(keys)).toEqual(new Set(['userId', 'garageId', 'userType', 'plugInMs']));
    }
    expect(seen[0].originMs).toBe(Date.parse('2019-03-10T00:00+01:00'));
    expect(seen[0].history).toHaveLength(8); // 2019-03-01 ... 2019-03-08 (unplugged by 03-09 07:00)
  });

  it('computes MAE, pinball loss and coverage as defined, skipping unknown departures', () => {
    const plugInMs = Date.parse('2019-03-05T18:00+01:00');
    const sessions: EvSessionRecord[] = [
      {
        userId: 'a',
        garageId: 'G',
        userType: 'private',
        plugInMs,
        plugOutMs: plugInMs + 10 * HOUR,
        energyKwh: 10,
      },
      {
        userId: 'b',
        garageId: 'G',
        userType: 'shared',
        plugInMs,
        plugOutMs: plugInMs + 14 * HOUR,
        energyKwh: 20,
      },
      { userId: 'c', garageId: 'G', userType: 'shared', plugInMs, plugOutMs: null, energyKwh: 10 },
    ];
    const progress: [number, number][] = [];
    const { scores, predictions } = backtestEvSessions(sessions, [constantModel], {
      fromDay: dayOf('2019-03-04'),
      toDay: dayOf('2019-03-06'),
      offsetAt,
      keepPredictions: true,
      onProgress: (done, total) => progress.push([done, total]),
    });
    // Energy: errors 0, 10, 0 -> MAE 10/3. Pinball per level (mean over 3 sessions):
    // q=0.1: (0.5 + 1.5 + 0.5) / 3; q=0.5: (0 + 5 + 0) / 3; q=0.9: (0.5 + 4.5 + 0.5) / 3.
    const pinball = ((0.5 + 1.5 + 0.5) / 3 + 5 / 3 + (0.5 + 4.5 + 0.5) / 3) / 3;
    expect(scores[0]).toEqual({
      model: 'constant',
      energyMaeKwh: expect.closeTo(10 / 3, 12),
      departureMaeH: 2,
      energyPinballKwh: expect.closeTo(pinball, 12),
      // Dwell 10 and 14 h against 8/10/12: q=0.1: (0.2 + 0.6) / 2; q=0.5: (0 + 2) / 2; q=0.9: (0.2 + 1.8) / 2.
      departurePinballH: expect.closeTo((0.4 + 1 + 1) / 3, 12),
      coverageEnergyP10P90: 2 / 3,
      coverageDepartureP10P90: 0.5,
      sessionsScored: 3,
      departuresScored: 2,
    });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(predictions.map((p) => p.session.userId)).toEqual(['a', 'b', 'c']);
    expect(predictions[0].originMs).toBe(Date.parse('2019-03-05T00:00+01:00'));
  });
});
