import { describe, expect, it } from 'vitest';
import { createCombinedModel } from './combined-model.ts';
import type { DayAheadModel } from './day-ahead-model.ts';

const truth = Float64Array.from({ length: 24 * 40 }, (_, i) => 100 + 10 * Math.sin(i / 3));

/** A member that forecasts the truth plus `bias` (plus a day-varying term when `wobble`). */
function member(name: string, bias: number, wobble = 0): DayAheadModel & { observed: number[] } {
  const observed: number[] = [];
  return {
    name,
    minHistoryDays: 1,
    observed,
    start() {},
    forecast: (d) => truth.slice(d * 24, d * 24 + 24).map((y) => y + bias + wobble * (d % 2 ? 1 : -1)),
    observe: (d) => {
      observed.push(d);
    },
  };
}

describe('createCombinedModel', () => {
  it('finds the blend that cancels two opposite biases, from past days only', () => {
    const model = createCombinedModel('default', member('a', 10), member('b', -10), truth);
    model.start(1);
    const first = model.forecast(1); // no history yet: the first member alone
    expect(first[0]).toBeCloseTo(truth[24] + 10, 12);
    model.observe(1);
    for (let d = 2; d < 10; d++) {
      const f = model.forecast(d);
      for (let h = 0; h < 24; h++) expect(f[h]).toBeCloseTo(truth[d * 24 + h], 9);
      model.observe(d);
    }
  });

  it('leans entirely on the member that is right, and passes observe on to both', () => {
    const a = member('a', 0);
    const b = member('b', 5, 3);
    const model = createCombinedModel('default', b, a, truth, 5);
    model.start(1);
    for (let d = 1; d < 12; d++) {
      const f = model.forecast(d);
      if (d > 1) expect(f[5]).toBeCloseTo(truth[d * 24 + 5], 9);
      model.observe(d);
    }
    expect(a.observed).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(b.observed).toEqual(a.observed);
  });
});
