/**
 * Checks of a scenario's events against its period and grid: times that parse, lie on the interval
 * grid and inside the period, windows that are not empty, and branch and switch ids that exist.
 */
import type { Grid } from '../../core/grid/index.ts';
import { findImportBusId, findUpstreamBranchIds } from './scenario-grid.ts';
import type { Scenario } from './scenario-schema.ts';
import { formatLocalDateTime, parseLocalDateTime, type ScenarioPeriod } from './scenario-time.ts';

type Add = (path: string, message: string, severity?: 'warning') => void;

export function checkScenarioEvents(scenario: Scenario, grid: Grid, period: ScenarioPeriod, add: Add): void {
  const branchIndexById = new Map(grid.branches.map((b, i) => [b.id, i]));
  const switchIds = new Set(grid.switches.map((s) => s.id));
  const end = formatLocalDateTime(period.endMs);
  const start = formatLocalDateTime(period.startMs);

  /** Wall ms of a time field, or NaN after adding its problem. `isEnd` allows the period end. */
  const time = (path: string, text: string, isEnd: boolean): number => {
    const ms = parseLocalDateTime(text);
    if (Number.isNaN(ms)) add(path, `${text} is not a local date-time`);
    else if (ms < period.startMs) add(path, `${text} is before the period start ${start}`);
    else if (isEnd ? ms > period.endMs : ms >= period.endMs) {
      add(path, `${text} is ${isEnd ? 'after' : 'at or after'} the period end ${end}`);
    } else if ((ms - period.startMs) % period.intervalMs !== 0) {
      add(path, `${text} is not on the ${period.intervalMin}-minute interval grid`);
    } else return ms;
    return Number.NaN;
  };
  const branches = (path: string, list: readonly string[]) =>
    list.forEach((id, k) => {
      if (!branchIndexById.has(id)) add(`${path}[${k}]`, `no branch "${id}"`);
    });
  const switches = (path: string, list: readonly string[] | undefined) =>
    list?.forEach((id, k) => {
      if (!switchIds.has(id)) add(`${path}[${k}]`, `no switch "${id}"`);
    });

  scenario.events.forEach((event, i) => {
    const at = `events[${i}]`;
    if (event.kind === 'line-fault') {
      time(`${at}.at`, event.at, false);
      const k = branchIndexById.get(event.branchId);
      if (k === undefined) add(`${at}.branchId`, `no branch "${event.branchId}"`);
      else if (!grid.branches[k].inService)
        add(`${at}.branchId`, `branch "${event.branchId}" is out of service`);
      else if (grid.branches[k].kind !== 'line') {
        add(
          `${at}.branchId`,
          `branch "${event.branchId}" is a ${grid.branches[k].kind}, not a line`,
          'warning',
        );
      }
      switches(`${at}.isolateSwitchIds`, event.isolateSwitchIds);
      switches(`${at}.restoreSwitchIds`, event.restoreSwitchIds);
      return;
    }
    const from = time(`${at}.from`, event.from, false);
    const to = time(`${at}.to`, event.to, true);
    if (from >= to) add(`${at}.to`, `${event.to} is not after from ${event.from}`);
    if (event.kind === 'upstream-loss') {
      if (event.branchIds !== undefined) branches(`${at}.branchIds`, event.branchIds);
      else {
        const bus = findImportBusId(grid, scenario.control.importBusId);
        if (bus !== undefined && findUpstreamBranchIds(grid, bus).length === 0) {
          add(
            `${at}.branchIds`,
            `no in-service branch at the import bus "${bus}"; name the branches that go out`,
          );
        }
      }
    }
  });
}
