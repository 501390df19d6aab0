import { describe, expect, it } from 'vitest';
import {
  circularBandwidthH,
  createConditionalEvModel,
  estimateCredibilityK,
} from './ev-conditional-model.ts';
import { createPerDriverMedianModel, type EvSessionQuery, type EvSessionRecord } from './ev-session-model.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const offsetAt = () => 60; // a fixed +01:00 clock
const local = (iso: string) => Date.parse(`${iso}+01:00`);

/** One session per day from 2019-01-07 (a Monday) for `days` days, shaped by `at(day)`. */
function sessions(
  userId: string,
  days: number,
  at: (weekday: number) => { hour: number; dwellH: number; energyKwh: number } | null,
  garageId = 'G1',
): EvSessionRecord[] {
  const out: EvSessionRecord[] = [];
  for (let d = 0; d < days; d++) {
    const s = at(d % 7); // 0 = Monday ... 6 = Sunday
    if (s === null) continue;
    const plugInMs = local('2019-01-07T00:00') + d * DAY + s.hour * HOUR;
    out.push({
      userId,
      garageId,
      userType: 'private',
      plugInMs,
      plugOutMs: plugInMs + s.dwellH * HOUR,
      energyKwh: s.energyKwh,
    });
  }
  return out;
}

const query = (userId: string, iso: string, garageId = 'G1'): EvSessionQuery => ({
  userId,
  garageId,
  userType: 'private',
  plugInMs: local(iso),
});

describe('conditional EV session model', () => {
  const model = createConditionalEvModel({ offsetAt });

  it('forecasts a regular driver exactly: 18:00 -> 07:00 with 10 kWh', () => {
    const history = sessions('a', 40, () => ({ hour: 18, dwellH: 13, energyKwh: 10 }));
    const origin = local('2019-02-20T00:00');
    const [f] = model.forecast(history, origin, [query('a', '2019-02-20T18:00')]);
    expect(f.energyKwh).toEqual({ p10: 10, p50: 10, p90: 10 });
    expect(f.dwellH).toEqual({ p10: 13, p50: 13, p90: 13 });
    expect(f.departureMs.p50).toBe(local('2019-02-21T07:00'));
  });

  it('conditions on the time of day where the per-driver median cannot', () => {
    // Weekdays 18:00 -> 07:00 (13 h, 10 kWh); weekends 10:00 -> 14:00 (4 h, 3 kWh).
    const history = sessions('a', 56, (wd) =>
      wd < 5 ? { hour: 18, dwellH: 13, energyKwh: 10 } : { hour: 10, dwellH: 4, energyKwh: 3 },
    );
    const origin = local('2019-03-04T00:00');
    const saturday = query('a', '2019-03-09T10:00');
    const tuesday = query('a', '2019-03-05T18:00');
    const [sat, tue] = model.forecast(history, origin, [saturday, tuesday]);
    expect(sat.dwellH.p50).toBeCloseTo(4, 6);
    expect(sat.energyKwh.p50).toBeCloseTo(3, 6);
    expect(tue.dwellH.p50).toBeCloseTo(13, 6);
    expect(tue.departureMs.p50).toBeCloseTo(local('2019-03-06T07:00'), -3);
    const [base] = createPerDriverMedianModel().forecast(history, origin, [saturday]);
    expect(base.dwellH.p50).toBe(13); // the unconditional median misses the weekend pattern
  });

  it('shrinks a driver without history to the same-time sessions of the garage', () => {
    const history = [
      ...sessions('a', 30, () => ({ hour: 18, dwellH: 13, energyKwh: 10 })),
      ...sessions('b', 30, () => ({ hour: 8, dwellH: 9, energyKwh: 6 })),
      ...sessions('z', 30, () => ({ hour: 8, dwellH: 2, energyKwh: 40 }), 'G2'),
    ];
    const origin = local('2019-02-10T00:00');
    const [f] = model.forecast(history, origin, [query('new', '2019-02-10T08:00')]);
    expect(f.dwellH.p50).toBeCloseTo(9, 6);
    expect(f.energyKwh.p50).toBeCloseTo(6, 6);
  });

  it('moves toward the garage when the driver has seen few similar sessions', () => {
    // Energies spread evenly over mean - 8 ... mean + 8; the drivers' means differ little against
    // this noise, so Buhlmann's k is about one session.
    const noisy = (id: string, days: number, mean: number) =>
      sessions(id, days, () => ({ hour: 18, dwellH: 13, energyKwh: 0 })).map((s, d) => ({
        ...s,
        energyKwh: mean + (((d * 37 + 8) % 17) - 8),
      }));
    const others = [...noisy('b', 60, 10), ...noisy('c', 60, 12)];
    const origin = local('2019-03-14T00:00');
    const q = query('a', '2019-03-14T18:00'); // a Thursday, a week after the last session
    const garageOnly = model.forecast(others, origin, [q])[0].energyKwh.p50;
    const last = { ...noisy('a', 60, 20)[59], energyKwh: 20 }; // Thursday 2019-03-07
    const one = model.forecast([...others, last], origin, [q])[0].energyKwh.p50;
    const many = model.forecast([...others, ...noisy('a', 60, 20)], origin, [q])[0].energyKwh.p50;
    expect(garageOnly).toBeGreaterThan(9);
    expect(garageOnly).toBeLessThan(13);
    expect(many).toBeGreaterThan(19);
    // One recent similar session moves the forecast off the garage's, but not far (11 -> 12 here).
    expect(one).toBeGreaterThan(garageOnly);
    expect(one).toBeLessThan(many - 4);
  });

  it("keeps a driver's energy but takes the dwell of other drivers at an unusual arrival time", () => {
    const noise = (d: number) => ((d * 37 + 8) % 17) - 8; // -8 ... 8, evenly
    const a = sessions('a', 40, () => ({ hour: 18, dwellH: 13, energyKwh: 0 })).map((s, d) => ({
      ...s,
      energyKwh: 30 + noise(d),
      plugOutMs: s.plugInMs + (13 + noise(d) / 8) * HOUR,
    }));
    const b = sessions('b', 40, () => ({ hour: 8, dwellH: 9, energyKwh: 0 })).map((s, d) => ({
      ...s,
      energyKwh: 5 + noise(d) / 4,
      plugOutMs: s.plugInMs + (9 + noise(d) / 8) * HOUR,
    }));
    const [f] = model.forecast([...a, ...b], local('2019-02-20T00:00'), [query('a', '2019-02-20T08:00')]);
    expect(f.energyKwh.p50).toBeGreaterThan(25); // a's car, not b's
    expect(f.dwellH.p50).toBeGreaterThan(8.5); // b's morning dwell, not a's night
    expect(f.dwellH.p50).toBeLessThan(9.5);
  });

  it('uses only sessions completed strictly before the origin', () => {
    const history = sessions('a', 30, () => ({ hour: 18, dwellH: 13, energyKwh: 10 }));
    const origin = local('2019-02-06T00:00');
    const q = query('a', '2019-02-06T18:00');
    const late: EvSessionRecord[] = [
      // plugged in before the origin, unplugged after it
      {
        userId: 'a',
        garageId: 'G1',
        userType: 'private',
        plugInMs: origin - HOUR,
        plugOutMs: origin + HOUR,
        energyKwh: 99,
      },
      {
        userId: 'a',
        garageId: 'G1',
        userType: 'private',
        plugInMs: origin - HOUR,
        plugOutMs: origin,
        energyKwh: 99,
      },
      {
        userId: 'a',
        garageId: 'G1',
        userType: 'private',
        plugInMs: origin - HOUR,
        plugOutMs: null,
        energyKwh: 99,
      },
    ];
    const clean = history.filter((s) => (s.plugOutMs as number) < origin);
    expect(model.forecast([...history, ...late], origin, [q])).toEqual(model.forecast(clean, origin, [q]));
  });

  it('gives NaN without any completed session', () => {
    expect(model.forecast([], 0, [query('a', '2019-02-06T18:00')])[0].energyKwh.p50).toBeNaN();
  });
});

describe('circularBandwidthH', () => {
  it('measures spread around midnight on the circle', () => {
    // 23:00 and 01:00: R = cos(pi / 12), sd = sqrt(-2 ln R) * 24 / (2 pi) = 1.0058 h; 1.06 sd 2^(-1/5).
    const sd = (Math.sqrt(-2 * Math.log(Math.cos(Math.PI / 12))) * 24) / (2 * Math.PI);
    expect(sd).toBeCloseTo(1.0058, 4);
    expect(circularBandwidthH([23, 1])).toBeCloseTo(1.06 * sd * 2 ** -0.2, 12);
    expect(circularBandwidthH([0, 12])).toBe(Number.POSITIVE_INFINITY);
    expect(circularBandwidthH([5, 5, 5])).toBe(0);
  });
});

describe('estimateCredibilityK', () => {
  it('matches the Buhlmann-Straub estimate by hand', () => {
    // Groups {1, 3} and {5, 7}: means 2 and 6, s^2 = 4 / 2 = 2, a = (16 - 2) / (4 - 8 / 4) = 7.
    expect(
      estimateCredibilityK(
        [1, 3, 5, 7],
        [
          [0, 1],
          [2, 3],
        ],
      ),
    ).toBeCloseTo(2 / 7, 12);
  });

  it('measures differences inside parents when given them (nested credibility)', () => {
    // Parent 0: {1, 3}, {5, 7} (means 2, 6 around 4); parent 1: {10, 12} twice (means 11, 11).
    // s^2 = 8 / 4 = 2; a = (2 * 4 + 2 * 4 - (4 - 2) * 2) / ((4 - 8 / 4) + (4 - 8 / 4)) = 3.
    const values = [1, 3, 5, 7, 10, 12, 10, 12];
    const groups = [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ];
    expect(estimateCredibilityK(values, groups, [0, 0, 1, 1])).toBeCloseTo(2 / 3, 12);
    // One parent: means 2, 6, 11, 11 around 7.5; a = (114 - 3 * 2) / (8 - 16 / 8) = 18.
    expect(estimateCredibilityK(values, groups)).toBeCloseTo(2 / 18, 12);
  });

  it('pools completely when the groups do not differ more than noise', () => {
    expect(
      estimateCredibilityK(
        [1, 3, 1, 3],
        [
          [0, 1],
          [2, 3],
        ],
      ),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(estimateCredibilityK([1, 3], [[0, 1]])).toBe(Number.POSITIVE_INFINITY);
  });
});
