/** The closed-loop simulation use case: a scenario run interval by interval under one or more controllers. */
export type { SimulationRequest } from './run-simulation.ts';
export { runSimulation } from './run-simulation.ts';
export type { SimulateOptions } from './simulate-scenario.ts';
export { simulateScenario } from './simulate-scenario.ts';
