/** Markets and prices on the grid: dynamic retail tariffs from locational prices, price response. */

export type { PriceResponseOptions, PriceResponseResult } from './dispatch-with-price-response.ts';
export { dispatchWithPriceResponse } from './dispatch-with-price-response.ts';
export type { TariffOptions } from './dynamic-tariff.ts';
export { buildDynamicTariff, respondToTariff } from './dynamic-tariff.ts';
