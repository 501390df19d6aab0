/**
 * Readers of the forecasting datasets of `shared/data` (GEFCom2012 load, Tetouan city load,
 * NREL PVDAQ system 50 PV, Trondheim EV charging sessions) into typed series and sessions, with
 * every problem reported as `file:line:column: message`.
 */
export type { DatasetError, DatasetIssue, DatasetResult, DatasetWarning } from './dataset-result.ts';
export { formatDatasetIssue, formatDatasetIssues, MAX_ISSUES_PER_FILE } from './dataset-result.ts';
export type { Dataset, DatasetKind } from './detect-dataset.ts';
export { DATASET_FILES, detectDataset, readDataset } from './detect-dataset.ts';
export { findSharedDataDir } from './find-shared-data-dir.ts';
export { readForecastDataset } from './read-forecast-dataset.ts';
export type { Gefcom2012Dataset, Holiday } from './read-gefcom2012.ts';
export { readGefcom2012 } from './read-gefcom2012.ts';
export type { PvDataset, PvSite } from './read-pvdaq-system50.ts';
export { PVDAQ_SYSTEM_50_SITE, readPvdaqSystem50 } from './read-pvdaq-system50.ts';
export { readScenario } from './read-scenario.ts';
export type { TetouanDataset } from './read-tetouan.ts';
export { readTetouan } from './read-tetouan.ts';
export type { EvChargingSession, EvUserType, TrondheimEvDataset } from './read-trondheim-ev.ts';
export { readTrondheimEv, TRONDHEIM_TIME_ZONE } from './read-trondheim-ev.ts';
export type { WallTimeKind, ZonedInstant, ZoneOffsetLookup } from './zone-time.ts';
export { createZoneOffsetLookup, wallTimeToInstant } from './zone-time.ts';
