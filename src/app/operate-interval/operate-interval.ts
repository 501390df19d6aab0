/**
 * One turn of the control loop through its ports: read what the telemetry reports, let the
 * controller decide, send the set-points to the actuators. The same function drives the simulated
 * grid and, behind other adapters, a live one; it times the decision and the actuation apart.
 */
import type { Controller, ControllerDecision } from '../../domain/operation/index.ts';
import type { ActuatorSink, Clock, TelemetrySource } from '../ports.ts';

export interface LoopPorts {
  readonly telemetry: TelemetrySource;
  readonly actuators: ActuatorSink;
  readonly clock: Clock;
}

export function operateInterval(
  controller: Controller,
  interval: number,
  ports: LoopPorts,
): { decision: ControllerDecision; decideMs: number; actuateMs: number } {
  const t0 = ports.clock.nowMs();
  const decision = controller.decide(ports.telemetry.read(interval));
  const t1 = ports.clock.nowMs();
  ports.actuators.apply(interval, decision);
  return { decision, decideMs: t1 - t0, actuateMs: ports.clock.nowMs() - t1 };
}
