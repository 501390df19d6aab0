import { describe, expect, it } from 'vitest';
import { createZoneOffsetLookup, wallTimeToInstant } from './zone-time.ts';

const HOUR_MS = 3_600_000;

/** Offset straight from Intl's `longOffset` name ("GMT+02:00", "GMT"), for comparison. */
function intlOffsets(timeZone: string): (instantMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (instantMs) => {
    const name = format.formatToParts(instantMs).find((p) => p.type === 'timeZoneName')!.value;
    if (name === 'GMT') return 0;
    const sign = name[3] === '-' ? -1 : 1;
    return sign * (Number(name.slice(4, 6)) * 60 + Number(name.slice(7, 9)));
  };
}

describe('createZoneOffsetLookup', () => {
  it('finds the change to the minute (Europe/Oslo, 2019-03-31 01:00Z and 2019-10-27 01:00Z)', () => {
    const oslo = createZoneOffsetLookup('Europe/Oslo');
    expect(oslo(Date.parse('2019-03-31T00:59:59Z'))).toBe(60);
    expect(oslo(Date.parse('2019-03-31T01:00:00Z'))).toBe(120);
    expect(oslo(Date.parse('2019-10-27T00:59:00Z'))).toBe(120);
    expect(oslo(Date.parse('2019-10-27T01:00:00Z'))).toBe(60);
  });

  it('agrees with Intl every hour of two years in America/Denver and Europe/Oslo', () => {
    for (const zone of ['America/Denver', 'Europe/Oslo']) {
      const lookup = createZoneOffsetLookup(zone);
      const intlOffset = intlOffsets(zone);
      for (let t = Date.UTC(2012, 0, 1); t < Date.UTC(2014, 0, 1); t += HOUR_MS) {
        if (lookup(t) !== intlOffset(t)) throw new Error(`${zone} at ${new Date(t).toISOString()}`);
      }
    }
  });
});

describe('wallTimeToInstant', () => {
  const oslo = createZoneOffsetLookup('Europe/Oslo');
  const denver = createZoneOffsetLookup('America/Denver');

  it('converts ordinary wall times', () => {
    expect(wallTimeToInstant(Date.UTC(2019, 6, 1, 12), oslo)).toEqual({
      instantMs: Date.parse('2019-07-01T12:00+02:00'),
      offsetMinutes: 120,
      kind: 'unique',
    });
    expect(wallTimeToInstant(Date.UTC(2019, 0, 1, 12), oslo).instantMs).toBe(
      Date.parse('2019-01-01T12:00+01:00'),
    );
    expect(wallTimeToInstant(Date.UTC(2019, 9, 27, 3), oslo).instantMs).toBe(
      Date.parse('2019-10-27T03:00+01:00'),
    );
    expect(wallTimeToInstant(Date.UTC(2019, 2, 31, 3), oslo).instantMs).toBe(
      Date.parse('2019-03-31T03:00+02:00'),
    );
  });

  it('takes the earlier instant (summer time) for the repeated autumn hour', () => {
    expect(wallTimeToInstant(Date.UTC(2019, 9, 27, 2, 30), oslo)).toEqual({
      instantMs: Date.parse('2019-10-27T02:30+02:00'),
      offsetMinutes: 120,
      kind: 'ambiguous',
    });
    expect(wallTimeToInstant(Date.UTC(2012, 10, 4, 1, 30), denver)).toEqual({
      instantMs: Date.parse('2012-11-04T01:30-06:00'),
      offsetMinutes: -360,
      kind: 'ambiguous',
    });
  });

  it('moves a wall time of the skipped spring hour forward by the gap', () => {
    expect(wallTimeToInstant(Date.UTC(2019, 2, 31, 2, 30), oslo)).toEqual({
      instantMs: Date.parse('2019-03-31T03:30+02:00'),
      offsetMinutes: 120,
      kind: 'nonexistent',
    });
    expect(wallTimeToInstant(Date.UTC(2012, 2, 11, 2, 0), denver)).toEqual({
      instantMs: Date.parse('2012-03-11T03:00-06:00'),
      offsetMinutes: -360,
      kind: 'nonexistent',
    });
  });
});
