/** The control loop's turn: telemetry in, decision, set-points out, through the ports of app/ports.ts. */
export type { LoopPorts } from './operate-interval.ts';
export { operateInterval } from './operate-interval.ts';
