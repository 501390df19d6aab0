import { describe, expect, it } from 'vitest';
import { buildDynamicTariff, respondToTariff } from './index.ts';

describe('buildDynamicTariff', () => {
  it('weights bus prices by demand within a zone and adds the zone network charge', () => {
    const prices = new Map([
      ['a', [10, 100]],
      ['b', [30, 100]],
      ['c', [50, -20]],
    ]);
    const demand = new Map([
      ['a', [3, 1]],
      ['b', [1, 1]],
      ['c', [1, 1]],
    ]);
    const zones = new Map([
      ['a', 'north'],
      ['b', 'north'],
      ['c', 'south'],
    ]);
    const tariff = buildDynamicTariff(prices, demand, zones, 2, { networkChargePerMwh: { north: 5 } });
    expect([...(tariff.get('north') ?? [])]).toEqual([(3 * 10 + 30) / 4 + 5, 105]);
    expect([...(tariff.get('south') ?? [])]).toEqual([50, 0]); // floored at 0
  });
});

describe('respondToTariff', () => {
  it('moves consumption from dear hours to cheap ones and keeps the energy', () => {
    const demand = [1, 1, 1, 1];
    const tariff = [50, 50, 200, 50];
    const after = respondToTariff(demand, tariff, -0.3);
    expect(after[2]).toBeLessThan(1);
    expect(after[0]).toBeGreaterThan(1);
    expect(after.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 12);
    // with no shiftable share, the plain elastic response around the demand-weighted mean (87.5)
    const elastic = respondToTariff(demand, tariff, -0.3, 0);
    expect(elastic[2]).toBeCloseTo((200 / 87.5) ** -0.3, 12);
    expect(elastic[0]).toBeCloseTo((50 / 87.5) ** -0.3, 12);
    // with elasticity 0, nothing moves
    expect([...respondToTariff(demand, tariff, 0)]).toEqual(demand);
  });
});
