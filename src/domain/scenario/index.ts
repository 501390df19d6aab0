/**
 * Scenarios of the closed-loop simulator: the versioned JSON format (network, period, data series,
 * control settings, noise, seed, events), its checks against a grid, and the pure steps that turn
 * a checked scenario and raw series into what a simulator consumes (interval indices, prices,
 * series on the interval grid, EV sessions on chargers). Reading files is `services/datasets`.
 */
export type { AssignedEvSession, EvAssignmentOptions, SourceEvSession } from './assign-ev-sessions.ts';
export { assignEvSessions } from './assign-ev-sessions.ts';
export { checkScenario } from './check-scenario.ts';
export { buildImportPrices } from './import-prices.ts';
export type { SourceGrid } from './resample-series.ts';
export {
  estimateDailyPeak,
  fillGapLinearly,
  findGaps,
  interpolateAtCentres,
  scaleToPeak,
} from './resample-series.ts';
export type { ResolvedEvent } from './resolve-events.ts';
export { resolveScenarioEvents } from './resolve-events.ts';
export type { ScenarioData } from './scenario-data.ts';
export type { ScenarioEvent, ScenarioEventKind } from './scenario-event-schema.ts';
export { scenarioEventSchema } from './scenario-event-schema.ts';
export { findImportBusId, findUpstreamBranchIds, mapZoneOfBus } from './scenario-grid.ts';
export type { ScenarioIssue, ScenarioParseResult } from './scenario-issue.ts';
export { formatScenarioIssue, isScenarioError, parseScenario } from './scenario-issue.ts';
export type {
  ImportPrice,
  Scenario,
  ScenarioControl,
  ScenarioInput,
  ScenarioNoise,
} from './scenario-schema.ts';
export { SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, scenarioSchema } from './scenario-schema.ts';
export type { ScenarioSeries, ZoneLoadSource } from './scenario-series-schema.ts';
export type { ScenarioPeriod } from './scenario-time.ts';
export {
  DAY_MS,
  describePeriod,
  formatLocalDate,
  formatLocalDateTime,
  HOUR_MS,
  MINUTE_MS,
  parseLocalDate,
  parseLocalDateTime,
  weekdayName,
} from './scenario-time.ts';
export { GEFCOM_ZONES, peakMwOf, sourceZoneOf } from './zone-load-source.ts';
