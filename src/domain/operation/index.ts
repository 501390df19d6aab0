/**
 * Operating a grid interval by interval: the true grid advanced one interval on the AC power flow,
 * the controllers (the Kirchhoff loop and a traditional baseline) behind one port, the live zone
 * forecaster, and the record a closed-loop simulation leaves.
 */
export type {
  ActiveEvSession,
  IntervalDecision,
  IntervalMeasures,
  IntervalTruth,
  PlantState,
} from './advance-interval.ts';
export { advanceInterval } from './advance-interval.ts';
export type { BaselineOptions } from './baseline-controller.ts';
export { createBaselineController } from './baseline-controller.ts';
export type {
  Controller,
  ControllerDecision,
  Observation,
  ObservedEvSession,
  ZoneForecastNow,
} from './controller.ts';
export { createKirchhoffController } from './kirchhoff-controller.ts';
export type {
  ControllerName,
  ControllerRun,
  SimulationEvent,
  SimulationKpis,
  SimulationRecord,
  SimulationSeries,
} from './simulation-record.ts';
export type { DayForecast, ForecasterName } from './zone-forecaster.ts';
export { ZoneForecaster } from './zone-forecaster.ts';
