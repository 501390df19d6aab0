import { describe, expect, it } from 'vitest';
import { findLoadAnomalies } from './load-anomalies.ts';

const daily = (days: number, level: (d: number) => number) =>
  Float64Array.from({ length: days * 24 }, (_, i) => level(Math.floor(i / 24)) * (1 + 0.2 * Math.sin(i / 4)));

describe('findLoadAnomalies', () => {
  it('finds nothing in a steady load with daily cycles and a 40 % seasonal swing', () => {
    const load = daily(200, (d) => 100 * (1 + 0.2 * Math.sin(d / 30)));
    expect(findLoadAnomalies(load, 60, 199)).toEqual([]);
  });

  it('counts outage hours inside the scored days only', () => {
    const load = daily(200, () => 100);
    load.fill(0, 30 * 24, 30 * 24 + 5); // before the scored days: not counted
    load.fill(1, 100 * 24 + 3, 100 * 24 + 10);
    expect(findLoadAnomalies(load, 60, 199)).toEqual([{ kind: 'outage', day: 100, size: 7 }]);
  });

  it('names the first day of a doubling of the load', () => {
    const load = daily(200, (d) => (d < 120 ? 100 : 250));
    const [shift] = findLoadAnomalies(load, 60, 199);
    expect(shift.kind).toBe('level-shift');
    expect(shift.day).toBeGreaterThanOrEqual(106);
    expect(shift.day).toBeLessThanOrEqual(120);
    expect(shift.size).toBeGreaterThan(2);
  });
});
