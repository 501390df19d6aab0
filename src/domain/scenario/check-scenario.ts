/**
 * Everything about a parsed scenario that its schema cannot check, against the grid it runs on:
 * calendar dates, the zone mapping of the load series, the import bus, the events (see
 * `check-scenario-events.ts`). Every problem is returned at once with its field path; warnings
 * flag choices that work but are probably unintended. Pure: no I/O.
 */
import type { Grid } from '../../core/grid/index.ts';
import { checkScenarioEvents } from './check-scenario-events.ts';
import { findImportBusId, mapZoneOfBus } from './scenario-grid.ts';
import type { ScenarioIssue } from './scenario-issue.ts';
import type { Scenario } from './scenario-schema.ts';
import { describePeriod, parseLocalDate, weekdayName } from './scenario-time.ts';
import { GEFCOM_ZONE_NOTES, GEFCOM_ZONES, sourceZoneOf } from './zone-load-source.ts';

export function checkScenario(scenario: Scenario, grid: Grid): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string, severity?: 'warning') =>
    issues.push(severity ? { path, message, severity } : { path, message });
  const { series } = scenario;

  const period = describePeriod({ ...scenario.period, historyDays: series.historyDays });
  if (Number.isNaN(period.startMs)) {
    add('period.start', `${scenario.period.start} is not a calendar date`);
    return issues;
  }
  const sourceDate = (path: string, text: string, weekly: boolean) => {
    const ms = parseLocalDate(text);
    if (Number.isNaN(ms)) add(path, `${text} is not a calendar date`);
    else if (weekly && new Date(ms).getUTCDay() !== new Date(period.startMs).getUTCDay()) {
      const message = `${text} is a ${weekdayName(ms)} but period.start ${scenario.period.start} is a ${weekdayName(period.startMs)}: weekly patterns are shifted`;
      add(path, message, 'warning');
    }
  };
  if (series.load.sourceStart !== undefined)
    sourceDate('series.load.sourceStart', series.load.sourceStart, true);
  if (series.pv) sourceDate('series.pv.sourceStart', series.pv.sourceStart, false);
  if (series.ev) sourceDate('series.ev.sourceStart', series.ev.sourceStart, true);

  checkZoneMapping(scenario, grid, add);
  if (grid.pv.length > 0 && !series.pv) {
    add('series.pv', `absent, so the grid's ${grid.pv.length} PV units produce nothing`, 'warning');
  }
  if (grid.evChargers.length > 0 && !series.ev) {
    add(
      'series.ev',
      `absent, so the grid's ${grid.evChargers.length} EV chargers see no sessions`,
      'warning',
    );
  }

  const { control } = scenario;
  const busIds = new Set(grid.buses.map((b) => b.id));
  if (control.importBusId !== undefined && !busIds.has(control.importBusId)) {
    add('control.importBusId', `no bus "${control.importBusId}"`);
  } else if (findImportBusId(grid, control.importBusId) === undefined) {
    add(
      'control.importBusId',
      'the grid has no slack bus with a generator; name the bus of the upstream connection',
    );
  }
  if ('timeOfUse' in control.importPrice) {
    control.importPrice.timeOfUse.forEach((w, k) => {
      if (w.fromHour === w.toHour) add(`control.importPrice.timeOfUse[${k}].toHour`, 'the window is empty');
    });
  }

  checkScenarioEvents(scenario, grid, period, add);
  return issues;
}

type Add = (path: string, message: string, severity?: 'warning') => void;

/** Every mapped zone exists, every source is a GEFCom zone, every zone with loads has a source. */
function checkZoneMapping(scenario: Scenario, grid: Grid, add: Add): void {
  const zones = scenario.series.load.zones;
  const gridZones = new Set(grid.zones.map((z) => z.id));
  const used = new Map<string, string>();
  for (const [zoneId, source] of Object.entries(zones)) {
    const path = `series.load.zones.${zoneId}`;
    if (!gridZones.has(zoneId)) add(path, `no zone "${zoneId}" in the grid`);
    const name = sourceZoneOf(source);
    const sourcePath = typeof source === 'string' ? path : `${path}.source`;
    if (!GEFCOM_ZONES.includes(name)) {
      add(sourcePath, `no GEFCom zone "${name}" (expected zone_1 .. zone_20)`);
      continue;
    }
    const twin = name === 'zone_3' ? 'zone_7' : name === 'zone_7' ? 'zone_3' : undefined;
    const other = twin === undefined ? undefined : used.get(twin);
    if (other !== undefined)
      add(sourcePath, `${name} is the same series as ${twin} (zone ${other})`, 'warning');
    used.set(name, zoneId);
    const note = GEFCOM_ZONE_NOTES[name];
    if (note !== undefined) add(sourcePath, `${name}: ${note}`, 'warning');
  }
  const zoneOfBus = mapZoneOfBus(grid);
  const loadsByZone = new Map<string, number>();
  let unzoned = 0;
  let firstUnzoned = -1;
  grid.loads.forEach((load, i) => {
    const zone = zoneOfBus.get(load.busId);
    if (zone === undefined) {
      unzoned++;
      if (firstUnzoned < 0) firstUnzoned = i;
    } else loadsByZone.set(zone, (loadsByZone.get(zone) ?? 0) + 1);
  });
  if (unzoned > 0) {
    const first = grid.loads[firstUnzoned];
    add(
      'series.load.zones',
      `${unzoned} load(s) sit on buses without a zone, so no load series reaches them (first: loads[${firstUnzoned}] "${first.id}" on bus "${first.busId}")`,
    );
  }
  for (const [zoneId, count] of loadsByZone) {
    if (!(zoneId in zones))
      add('series.load.zones', `zone "${zoneId}" has ${count} load(s) but no load source`);
  }
}
