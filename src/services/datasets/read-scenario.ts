/**
 * Reads a scenario file (`kirchhoff-scenario` v1) with everything it refers to: the grid (a grid file
 * beside it, or the generated district), the GEFCom2012 load and temperature, the PVDAQ system 50 PV
 * and the Trondheim EV sessions (with the dataset readers of this folder), and returns a
 * `ScenarioData` a simulator runs without I/O. Every problem is a value naming its file and field
 * or line (`flagship/scenario.json:events[1].branchId: no branch "z2-l4"`); nothing is thrown for
 * bad input and nothing is returned half-built.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadGrid } from '../../app/run-power-flow/index.ts';
import { buildDistrictGrid, type Grid } from '../../core/grid/index.ts';
import {
  buildImportPrices,
  checkScenario,
  describePeriod,
  findImportBusId,
  isScenarioError,
  parseScenario,
  resolveScenarioEvents,
  type Scenario,
  type ScenarioData,
  type ScenarioIssue,
} from '../../domain/scenario/index.ts';
import type { DatasetIssue, DatasetResult } from './dataset-result.ts';
import { findSharedDataDir } from './find-shared-data-dir.ts';
import { readGefcom2012 } from './read-gefcom2012.ts';
import { readPvdaqSystem50 } from './read-pvdaq-system50.ts';
import { readTrondheimEv } from './read-trondheim-ev.ts';
import { buildEvSessions } from './scenario-ev-series.ts';
import { buildLoadSeries } from './scenario-load-series.ts';
import { buildPvSeries } from './scenario-pv-series.ts';

/** Reads and checks `path` and the data it names; see the file header. */
export function readScenario(path: string): DatasetResult<ScenarioData> {
  const fail = (errors: readonly DatasetIssue[]) => ({ ok: false as const, errors });
  const at = (column: string, message: string): DatasetIssue =>
    column ? { file: path, line: 0, column, message } : { file: path, line: 0, message };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail([at('', `cannot read the scenario: ${(error as Error).message}`)]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail([at('', `not valid JSON: ${(error as Error).message}`)]);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return fail(parsed.issues.map((i) => at(i.path, i.message)));
  const scenario = parsed.scenario;

  const loaded = loadNetwork(scenario, path);
  if (!loaded.ok) return fail(loaded.errors.map((message) => at('network.file', message)));
  const grid = loaded.grid;
  const checked = checkScenario(scenario, grid);
  const toIssue = (i: ScenarioIssue) => at(i.path, i.message);
  if (checked.some(isScenarioError)) return fail(checked.filter(isScenarioError).map(toIssue));
  const warnings: DatasetIssue[] = [
    ...loaded.warnings.map((message) => at('network.file', message)),
    ...checked.map(toIssue),
  ];

  const period = describePeriod({ ...scenario.period, historyDays: scenario.series.historyDays });
  const dataDir = scenario.series.dataDir
    ? resolve(dirname(path), scenario.series.dataDir)
    : findSharedDataDir();
  const errors: DatasetIssue[] = [];
  /** The value of a dataset result, collecting its errors and warnings (file names made paths). */
  const take = <T>(dir: string, result: DatasetResult<T>): T | undefined => {
    const inDir = (i: DatasetIssue) => ({ ...i, file: join(dir, i.file) });
    if (!result.ok) {
      errors.push(...result.errors.map(inDir));
      return undefined;
    }
    warnings.push(...result.warnings.map(inDir));
    return result.value;
  };
  const collect = <T>(
    result: { ok: true; value: T; warnings?: DatasetIssue[] } | { ok: false; errors: DatasetIssue[] },
  ): T | undefined => {
    if (!result.ok) {
      errors.push(...result.errors);
      return undefined;
    }
    warnings.push(...(result.warnings ?? []));
    return result.value;
  };

  const loadDir = join(dataDir, scenario.series.load.folder);
  const gefcom = take(loadDir, readGefcom2012(loadDir));
  const load = gefcom && collect(buildLoadSeries(gefcom, loadDir, scenario, grid, period));

  const pvSeries = scenario.series.pv;
  const pvDir = pvSeries && join(dataDir, pvSeries.folder);
  const pvData = pvDir && take(pvDir, readPvdaqSystem50(pvDir));
  const pv = pvDir && pvData ? collect(buildPvSeries(pvData, pvDir, scenario, grid, period)) : undefined;

  const evSeries = scenario.series.ev;
  const evDir = evSeries && join(dataDir, evSeries.folder);
  const evData = evDir && take(evDir, readTrondheimEv(evDir));
  const ev = evDir && evData ? collect(buildEvSessions(evData, evDir, scenario, grid, period)) : undefined;

  if (errors.length > 0 || load === undefined) return fail(errors);
  if (pvSeries && pv === undefined) return fail(errors);
  if (evSeries && ev === undefined) return fail(errors);
  const intervalStartMs = new Float64Array(period.intervalCount);
  for (let t = 0; t < intervalStartMs.length; t++)
    intervalStartMs[t] = period.startMs + t * period.intervalMs;
  const value: ScenarioData = {
    scenario,
    grid,
    period,
    intervalStartMs,
    zoneLoadMw: load.zoneLoadMw,
    temperatureDegF: load.temperatureDegF,
    pvPerUnitByZone: pv?.pvPerUnitByZone ?? {},
    pvAvailableMw: pv?.pvAvailableMw ?? {},
    evSessions: ev ?? [],
    events: resolveScenarioEvents(scenario, grid, period),
    importBusId: findImportBusId(grid, scenario.control.importBusId)!,
    importPriceByInterval: buildImportPrices(scenario.control.importPrice, period),
    control: scenario.control,
    noise: scenario.noise,
    seed: scenario.seed,
  };
  return { ok: true, value, warnings };
}

type NetworkResult =
  | { ok: true; grid: Grid; warnings: readonly string[] }
  | { ok: false; errors: readonly string[] };

/** The generated district, or the grid file named relative to the scenario. */
function loadNetwork(scenario: Scenario, scenarioPath: string): NetworkResult {
  if (scenario.network.district)
    return { ok: true, grid: buildDistrictGrid(scenario.network.district), warnings: [] };
  const gridPath = resolve(dirname(scenarioPath), scenario.network.file!);
  let text: string;
  try {
    text = readFileSync(gridPath, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`cannot read the grid: ${(error as Error).message}`] };
  }
  return loadGrid(text, gridPath);
}
