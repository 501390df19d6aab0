/** What the CLI needs from its surroundings, so that tests can run it in memory. */
import type { RenderChartSvg } from '../../app/chart-port.ts';
import type { Clock, ReadDataset, ReadScenario } from '../../app/ports.ts';
import type { ReportDocument } from '../../app/simulation-report/index.ts';
import type { LpSolver } from '../../core/optimize/index.ts';

export interface CliIo {
  readonly clock: Clock;
  readText(path: string): string;
  /** Writes a whole file or nothing (temporary file, then rename), creating missing folders. */
  writeTextAtomic(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a forecasting dataset folder (wired by the composition root). */
  readonly readDataset?: ReadDataset;
  /** Renders a chart to SVG (wired by the composition root). */
  readonly renderChartSvg?: RenderChartSvg;
  /** LP/QP solver for `opf` and `simulate` (wired by the composition root when those commands run). */
  readonly lpSolver?: LpSolver;
  /** Reads a simulation scenario and its data (wired by the composition root). */
  readonly readScenario?: ReadScenario;
  /** Renders a report document to one self-contained HTML page (wired by the composition root). */
  readonly renderReportHtml?: (doc: ReportDocument) => string;
  /** Removes a file if it exists. */
  removeFile?(path: string): void;
}
