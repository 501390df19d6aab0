import { describe, expect, it } from 'vitest';
import type { EvSessionRecord } from '../../core/forecast/index.ts';
import type { EvDataset } from '../ports.ts';
import { runEvBacktest } from './index.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Europe/Oslo in 2019: summer time (UTC+2) from 31 March 01:00 UTC to 27 October 01:00 UTC. */
const osloOffset = (ms: number) =>
  ms >= Date.parse('2019-03-31T01:00Z') && ms < Date.parse('2019-10-27T01:00Z') ? 120 : 60;

/**
 * Two drivers in Oslo from 2019-01-01 to 2019-03-31: `a` plugs in at 18:00 on weekdays and leaves at
 * 07:00 (10 kWh), and at 10:00 on weekends, leaving at 14:00 (3 kWh); `b` every day at 08:00 for
 * 9 h with 6 kWh. Plug-in times are written at +01:00 (on the last day, 2019-03-31, they read an hour later in
 * summer time).
 */
function dataset(): EvDataset {
  const sessions: EvSessionRecord[] = [];
  for (let d = 0; d < 90; d++) {
    const midnight = Date.parse('2019-01-01T00:00+01:00') + d * DAY;
    const weekday = new Date(midnight + HOUR).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const a = midnight + (weekend ? 10 : 18) * HOUR;
    sessions.push(
      {
        userId: 'b',
        garageId: 'G',
        userType: 'shared',
        plugInMs: midnight + 8 * HOUR,
        plugOutMs: midnight + 17 * HOUR,
        energyKwh: 6,
      },
      {
        userId: 'a',
        garageId: 'G',
        userType: 'private',
        plugInMs: a,
        plugOutMs: a + (weekend ? 4 : 13) * HOUR,
        energyKwh: weekend ? 3 : 10,
      },
    );
  }
  return { kind: 'ev', name: 'synthetic', timeZone: 'Europe/Oslo', offsetAt: osloOffset, sessions };
}

describe('runEvBacktest', () => {
  it('scores both models; the conditional one learns the weekend pattern the median misses', () => {
    const outcome = runEvBacktest(dataset(), { from: '2019-03-01', to: '2019-03-28' });
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const { report } = outcome;
    expect(report).toMatchObject({ dataset: 'synthetic', from: '2019-03-01', to: '2019-03-28' });
    expect(report.predictions).toBeUndefined();
    const [def, base] = report.results;
    expect([def.model, base.model]).toEqual(['default', 'per-driver-median']);
    for (const r of report.results) {
      expect(r.sessionsScored).toBe(56);
      expect(r.departuresScored).toBe(56);
    }
    expect(def.energyMaeKwh).toBeLessThan(0.01);
    expect(def.departureMaeH).toBeLessThan(0.01);
    // The median says 10 kWh and 13 h for a's 8 weekend sessions: 7 kWh and 9 h off.
    expect(base.energyMaeKwh).toBeCloseTo((8 * 7) / 56, 9);
    expect(base.departureMaeH).toBeCloseTo((8 * 9) / 56, 9);
  });

  it('returns per-session predictions when asked, and reports progress per day', () => {
    const progress: number[] = [];
    const outcome = runEvBacktest(dataset(), {
      from: '2019-03-01',
      to: '2019-03-03',
      models: ['per-driver-median'],
      keepPredictions: true,
      onProgress: (done, total) => progress.push(done / total),
    });
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect(outcome.report.predictions).toHaveLength(6);
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('names the earliest --from and the last --to when the dates fall outside the data', () => {
    expect(runEvBacktest(dataset(), { from: '2019-01-10', to: '2019-04-30' })).toEqual({
      ok: false,
      errors: [
        '--from 2019-01-10: the sessions start on 2019-01-01 and the models need 28 days of history; the earliest --from is 2019-01-29',
        '--to 2019-04-30: the data ends on 2019-03-30 (the last full day of plug-ins)',
      ],
    });
    expect(runEvBacktest(dataset(), { from: '2019-01-29', to: '2019-03-30' }).ok).toBe(true);
  });

  it('refuses malformed dates, an empty span and an unknown time zone', () => {
    expect(runEvBacktest(dataset(), { from: '1 March', to: '2019-02-30' })).toEqual({
      ok: false,
      errors: ['--from 1 March: expected a date YYYY-MM-DD', '--to 2019-02-30: expected a date YYYY-MM-DD'],
    });
    expect(runEvBacktest(dataset(), { from: '2019-03-10', to: '2019-03-01' })).toEqual({
      ok: false,
      errors: ['--to 2019-03-01 is before --from 2019-03-10'],
    });
  });
});
