/** Self-healing: isolate a faulted section by its switches and re-supply the healthy parts through ties. */
export type { FaultIsolationOptions, FaultIsolationPlan } from './plan-fault-isolation.ts';
export { planFaultIsolation, setSwitches } from './plan-fault-isolation.ts';
