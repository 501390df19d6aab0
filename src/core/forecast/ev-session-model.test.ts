import { describe, expect, it } from 'vitest';
import {
  createPerDriverMedianModel,
  type EvSessionRecord,
  type LocalOffsetLookup,
  localDayNumber,
  localMidnightMs,
  localTimeFeatures,
} from './ev-session-model.ts';

const HOUR = 3_600_000;
/** Europe/Oslo in 2019: +01:00, +02:00 from 2019-03-31T01:00Z to 2019-10-27T01:00Z. */
const osloOffset: LocalOffsetLookup = (ms) =>
  ms >= Date.UTC(2019, 2, 31, 1) && ms < Date.UTC(2019, 9, 27, 1) ? 120 : 60;

function session(
  userId: string,
  plugIn: string,
  hours: number | null,
  energyKwh: number,
  garageId = 'G1',
): EvSessionRecord {
  const plugInMs = Date.parse(plugIn);
  return {
    userId,
    garageId,
    userType: 'private',
    plugInMs,
    plugOutMs: hours === null ? null : plugInMs + hours * HOUR,
    energyKwh,
  };
}

describe('local time from an offset lookup', () => {
  it('gives local hours and days across the spring change', () => {
    expect(localTimeFeatures(Date.parse('2019-03-31T00:30Z'), osloOffset).hour).toBeCloseTo(1.5, 12);
    expect(localTimeFeatures(Date.parse('2019-03-31T01:30Z'), osloOffset).hour).toBeCloseTo(3.5, 12);
    expect(localTimeFeatures(Date.parse('2019-06-30T22:30Z'), osloOffset).hour).toBeCloseTo(0.5, 12);
    expect(localDayNumber(Date.parse('2019-06-30T22:30Z'), osloOffset)).toBe(
      Date.UTC(2019, 6, 1) / 86_400_000,
    );
    expect(localMidnightMs(Date.UTC(2019, 2, 31) / 86_400_000, osloOffset)).toBe(
      Date.parse('2019-03-30T23:00Z'),
    );
    expect(localMidnightMs(Date.UTC(2019, 3, 1) / 86_400_000, osloOffset)).toBe(
      Date.parse('2019-03-31T22:00Z'),
    );
  });

  it('codes the day type as weekend today (1) and weekend tomorrow (2)', () => {
    const type = (iso: string) => localTimeFeatures(Date.parse(iso), osloOffset).dayType;
    expect(type('2019-03-28T12:00+01:00')).toBe(0); // Thursday
    expect(type('2019-03-29T12:00+01:00')).toBe(2); // Friday
    expect(type('2019-03-30T12:00+01:00')).toBe(3); // Saturday
    expect(type('2019-03-31T12:00+02:00')).toBe(1); // Sunday
    expect(type('2019-03-31T23:30+02:00')).toBe(1); // Sunday, local (21:30 UTC)
  });
});

describe('per-driver-median', () => {
  const sessions = [
    session('a', '2019-01-01T18:00+01:00', 10, 4),
    session('a', '2019-01-02T18:00+01:00', 12, 8),
    session('a', '2019-01-03T18:00+01:00', 20, 9),
    session('a', '2019-01-04T18:00+01:00', 14, 30),
    session('b', '2019-01-02T08:00+01:00', 2, 1),
  ];
  const origin = Date.parse('2019-01-10T00:00+01:00');
  const model = createPerDriverMedianModel();

  it("takes the driver's medians and departs at plug-in + median dwell", () => {
    const q = {
      userId: 'a',
      garageId: 'G1',
      userType: 'private' as const,
      plugInMs: Date.parse('2019-01-10T07:00+01:00'),
    };
    const [f] = model.forecast(sessions, origin, [q]);
    expect(f.energyKwh.p50).toBeCloseTo(8.5, 12);
    expect(f.dwellH.p50).toBeCloseTo(13, 12);
    expect(f.departureMs.p50).toBe(q.plugInMs + 13 * HOUR);
    // Hazen P10 of four values: below p_1 = 0.125, so the smallest.
    expect(f.energyKwh.p10).toBe(4);
    expect(f.energyKwh.p90).toBe(30);
  });

  it('falls back to all drivers for a new driver, and gives NaN without history', () => {
    const q = { userId: 'new', garageId: 'G1', userType: 'private' as const, plugInMs: origin + HOUR };
    expect(model.forecast(sessions, origin, [q])[0].energyKwh.p50).toBe(8);
    expect(model.forecast([], origin, [q])[0].energyKwh.p50).toBeNaN();
  });

  it('ignores sessions not completed strictly before the origin', () => {
    const open = [
      ...sessions,
      session('a', '2019-01-09T18:00+01:00', 6, 500), // unplugs exactly at the origin
      session('a', '2019-01-09T20:00+01:00', 24, 500), // still plugged in at the origin
      session('a', '2019-01-09T21:00+01:00', null, 500), // no plug-out
    ];
    const q = { userId: 'a', garageId: 'G1', userType: 'private' as const, plugInMs: origin + HOUR };
    expect(model.forecast(open, origin, [q])).toEqual(model.forecast(sessions, origin, [q]));
  });
});
