/**
 * Multi-period dispatch: generators, imports, storage, PV, EV charging, shiftable loads and load
 * shedding by priority over a horizon, on the network, with locational prices per interval.
 */
export type { DispatchInput, EvSession, ImportPoint, ShiftableLoad } from './dispatch-input.ts';
export { checkDispatchInput, DEFAULT_VOLL } from './dispatch-input.ts';
export type { DispatchResult, DispatchStatus } from './dispatch-result.ts';
export type { ProximityMeasures } from './measure-proximity.ts';
export { compareWithMeritOrder, measureProximity } from './measure-proximity.ts';
export type { RollingState, RollingStep } from './rolling-horizon.ts';
export { planRollingStep, readRollingState } from './rolling-horizon.ts';
export { runDispatch } from './run-dispatch.ts';
