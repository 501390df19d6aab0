/**
 * Use case: the outputs of a closed-loop simulation from its `SimulationRecord`: the report as a
 * library-free document (charts rendered through the chart port), the metrics JSON and the
 * per-interval CSV. Pure functions; the caller writes the files.
 */
export type {
  CellHighlight,
  ReportCell,
  ReportDocument,
  ReportSection,
  ReportTable,
} from '../report-document.ts';
export { buildSimulationReport } from './build-simulation-report.ts';
/** A synthetic record (three zones, both controllers, a fault and an upstream loss) for tests and demos. */
export {
  createSimulationRecordFixture,
  type FixtureOptions,
  withEvents,
  withKpis,
} from './fixture/simulation-record-fixture.ts';
export { formatMetricsJson } from './format-metrics-json.ts';
export { formatTimeseriesCsv } from './format-timeseries-csv.ts';
