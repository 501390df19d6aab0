/** Markets and prices on the grid: dynamic retail tariffs from locational prices, price response. */
export type { TariffOptions } from './dynamic-tariff.ts';
export { buildDynamicTariff, respondToTariff } from './dynamic-tariff.ts';
