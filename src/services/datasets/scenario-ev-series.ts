/**
 * EV sessions of a scenario from the Trondheim data: sessions whose plug-in falls in the source
 * window (Europe/Oslo local days from `series.ev.sourceStart`) are put on the grid's chargers by
 * `assignEvSessions` (one seeded driver per charger). Sessions without a plug-out are left out. The
 * window must lie between the first and the last plug-in of the data.
 */
import { join } from 'node:path';
import type { Grid } from '../../core/grid/index.ts';
import {
  type AssignedEvSession,
  assignEvSessions,
  DAY_MS,
  formatLocalDateTime,
  parseLocalDate,
  type Scenario,
  type ScenarioPeriod,
  type SourceEvSession,
} from '../../domain/scenario/index.ts';
import type { DatasetIssue } from './dataset-result.ts';
import { TRONDHEIM_EV_FILES, type TrondheimEvDataset } from './read-trondheim-ev.ts';
import { describeMissing } from './series-coverage.ts';
import { createZoneOffsetLookup } from './zone-time.ts';

export function buildEvSessions(
  data: TrondheimEvDataset,
  dir: string,
  scenario: Scenario,
  grid: Grid,
  period: ScenarioPeriod,
):
  | { ok: true; value: AssignedEvSession[]; warnings: DatasetIssue[] }
  | { ok: false; errors: DatasetIssue[] } {
  const ev = scenario.series.ev!;
  const file = join(dir, TRONDHEIM_EV_FILES[0]);
  const offsetAt = createZoneOffsetLookup(data.timeZone);
  const wall = (instantMs: number) => instantMs + offsetAt(instantMs) * 60_000;
  const sourceStartWallMs = parseLocalDate(ev.sourceStart);
  const windowEnd = sourceStartWallMs + scenario.period.days * DAY_MS;
  const sessions = data.sessions;
  if (sessions.length === 0) return { ok: false, errors: [{ file, line: 0, message: 'has no sessions' }] };
  const have: [number, number] = [wall(sessions[0].plugInMs), wall(sessions[sessions.length - 1].plugInMs)];
  const need: [number, number] = [sourceStartWallMs, windowEnd - 60_000];
  const why = `${data.timeZone} local time, ${scenario.period.days} days from ${ev.sourceStart}`;
  const message = describeMissing(need, have, 60_000, formatLocalDateTime, why, 'sessions');
  if (message !== undefined) return { ok: false, errors: [{ file, line: 0, message }] };
  const source: SourceEvSession[] = [];
  let withoutPlugOut = 0;
  for (const s of sessions) {
    const plugInWallMs = wall(s.plugInMs);
    if (plugInWallMs < sourceStartWallMs || plugInWallMs >= windowEnd) continue;
    if (s.plugOutMs === null) {
      withoutPlugOut++;
      continue;
    }
    source.push({
      sessionId: s.sessionId,
      driverId: s.userId,
      plugInWallMs,
      plugOutWallMs: wall(s.plugOutMs),
      energyKwh: s.energyKwh,
    });
  }
  const warnings: DatasetIssue[] = [];
  if (withoutPlugOut > 0) {
    warnings.push({
      file,
      line: 0,
      message: `${withoutPlugOut} session(s) in the window have no plug-out: left out`,
    });
  }
  if (source.length === 0) warnings.push({ file, line: 0, message: 'no sessions in the source window' });
  const assigned = assignEvSessions(source, grid.evChargers, {
    sourceStartWallMs,
    period,
    seed: scenario.seed,
    jitterMin: ev.jitterMin,
  });
  return { ok: true, value: assigned, warnings };
}
