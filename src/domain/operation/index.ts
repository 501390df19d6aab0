/**
 * Operating a grid interval by interval: the records of a closed-loop simulation (and, as they land,
 * the controllers, meter readings and KPI accounting it runs on).
 */
export type {
  ControllerName,
  ControllerRun,
  SimulationEvent,
  SimulationKpis,
  SimulationRecord,
  SimulationSeries,
} from './simulation-record.ts';
