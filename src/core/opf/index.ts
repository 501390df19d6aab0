/** Optimal power flow on the engine's network model: DC OPF with locational marginal prices. */

export type { AcOpfOptions, AcOpfResult } from './ac-opf.ts';
export { runAcOpf } from './ac-opf.ts';
export type { DcOpfOptions, DcOpfResult } from './dc-opf.ts';
export { runDcOpf } from './dc-opf.ts';
export { addGeneratorCost } from './generator-cost.ts';
export type { LossAwareDcOpfResult, LossAwareOptions } from './loss-aware-dc-opf.ts';
export { runLossAwareDcOpf } from './loss-aware-dc-opf.ts';
