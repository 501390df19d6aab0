import { describe, expect, it } from 'vitest';
import { buildImportPrices, describePeriod } from './index.ts';

// 2007-07-20 is a Friday: the period covers Friday and Saturday at hourly intervals.
const period = describePeriod({ start: '2007-07-20', days: 2, intervalMin: 60, historyDays: 0 });

describe('buildImportPrices', () => {
  it('applies time-of-use windows over a flat price, by weekday, over midnight, later ones winning', () => {
    const prices = buildImportPrices(
      {
        flatPerMwh: 50,
        timeOfUse: [
          { fromHour: 22, toHour: 6, pricePerMwh: 30, days: 'all' },
          { fromHour: 17, toHour: 21, pricePerMwh: 120, days: 'weekdays' },
          { fromHour: 18, toHour: 19, pricePerMwh: 200, days: 'all' },
        ],
      },
      period,
    );
    expect(prices.length).toBe(48);
    expect([prices[0], prices[5], prices[6], prices[17], prices[18], prices[20], prices[22]]).toEqual([
      30, 30, 50, 120, 200, 120, 30,
    ]);
    // Saturday: no weekday peak, but the all-days window.
    expect([prices[24 + 17], prices[24 + 18]]).toEqual([50, 200]);
  });

  it('takes one price per hour of day', () => {
    const byHourOfDay = Array.from({ length: 24 }, (_, h) => 10 * h);
    const prices = buildImportPrices({ byHourOfDay }, period);
    expect(prices[13]).toBe(130);
    expect(prices[24 + 23]).toBe(230);
  });
});
