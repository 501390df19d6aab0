/**
 * PV of a scenario from PVDAQ system 50: the measured AC power per unit of the system's capacity
 * (the 99th percentile of its daily maxima over the whole file), clipped to 0..1, taken at the
 * same local (America/Denver) wall time as the simulated interval's centre, optionally shifted per
 * zone by a seeded number of minutes. Gaps of up to an hour inside the simulated period are filled
 * linearly (warning); longer ones there are errors; gaps in the history stay NaN (warning).
 */
import { join } from 'node:path';
import type { Grid } from '../../core/grid/index.ts';
import { createSeededRandom } from '../../core/math/index.ts';
import {
  estimateDailyPeak,
  fillGapLinearly,
  findGaps,
  formatLocalDateTime,
  interpolateAtCentres,
  MINUTE_MS,
  mapZoneOfBus,
  parseLocalDate,
  type Scenario,
  type ScenarioPeriod,
} from '../../domain/scenario/index.ts';
import type { DatasetIssue } from './dataset-result.ts';
import { PVDAQ_SYSTEM_50_FILES, type PvDataset } from './read-pvdaq-system50.ts';
import { describeMissing } from './series-coverage.ts';
import { createZoneOffsetLookup, wallTimeToInstant } from './zone-time.ts';

export interface PvSeries {
  readonly pvPerUnitByZone: Record<string, Float64Array>;
  readonly pvAvailableMw: Record<string, Float64Array>;
}

/** Gaps up to this many 15-minute values inside the period are filled. */
const MAX_FILLED_GAP = 4;
const PV_STREAM = 0x50560001;

export function buildPvSeries(
  data: PvDataset,
  dir: string,
  scenario: Scenario,
  grid: Grid,
  period: ScenarioPeriod,
): { ok: true; value: PvSeries; warnings: DatasetIssue[] } | { ok: false; errors: DatasetIssue[] } {
  const pv = scenario.series.pv!;
  const file = join(dir, PVDAQ_SYSTEM_50_FILES[0]);
  const issue = (message: string): DatasetIssue => ({ file, line: 0, column: 'ac_power', message });
  const power = data.power;
  const offsetAt = createZoneOffsetLookup(data.site.timeZone);
  const shiftMs = parseLocalDate(pv.sourceStart) - period.startMs;
  const instantOf = (wallMs: number) => wallTimeToInstant(wallMs + shiftMs, offsetAt).instantMs;
  const indexOf = (instantMs: number) => (instantMs - power.startMs) / power.stepMs;
  const maxShiftMs = pv.zoneShiftMaxMin * MINUTE_MS;

  // Source indices needed: history start to period end, widened by the zone shifts.
  const from = Math.floor(indexOf(instantOf(period.historyStartMs) - maxShiftMs));
  const periodFrom = Math.floor(indexOf(instantOf(period.startMs) - maxShiftMs));
  const to = Math.ceil(indexOf(instantOf(period.endMs) + maxShiftMs));
  if (from < 0 || to > power.values.length) {
    const wall = (instantMs: number) => instantMs + offsetAt(instantMs) * MINUTE_MS;
    const last = power.startMs + (power.values.length - 1) * power.stepMs;
    const need: [number, number] = [period.historyStartMs + shiftMs, period.endMs + shiftMs - power.stepMs];
    const why = `${data.site.timeZone} local time; ${scenario.series.historyDays} history days and ${scenario.period.days} days from ${pv.sourceStart}`;
    const message = describeMissing(
      need,
      [wall(power.startMs), wall(last)],
      power.stepMs,
      formatLocalDateTime,
      why,
    );
    return {
      ok: false,
      errors: [
        issue(
          message ??
            `does not cover ${formatLocalDateTime(need[0])} to ${formatLocalDateTime(need[1])} (${why})`,
        ),
      ],
    };
  }

  const values = Float64Array.from(power.values);
  const errors: DatasetIssue[] = [];
  const warnings: DatasetIssue[] = [];
  let historyMissing = 0;
  const local = (k: number) => {
    const instantMs = power.startMs + k * power.stepMs;
    return formatLocalDateTime(instantMs + offsetAt(instantMs) * MINUTE_MS);
  };
  const span = (g: { from: number; to: number }) =>
    `${local(g.from)} to ${local(g.to - 1)} local time (${data.site.timeZone})`;
  for (const gap of findGaps(values, from, to)) {
    if (gap.to <= periodFrom) historyMissing += gap.to - gap.from;
    else if (gap.to - gap.from <= MAX_FILLED_GAP && fillGapLinearly(values, gap)) {
      warnings.push(issue(`no data from ${span(gap)}, inside the simulated period: filled linearly`));
    } else errors.push(issue(`no data from ${span(gap)}, inside the simulated period`));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (historyMissing > 0) {
    warnings.push(issue(`${historyMissing} values missing in the history window: left as NaN`));
  }

  const reference = estimateDailyPeak(power.values, 96);
  const perUnit = values.map((v) => Math.min(1, Math.max(0, v / reference)));
  // Math.max(0, NaN) is NaN: history gaps stay visible.
  const random = createSeededRandom((scenario.seed ^ PV_STREAM) >>> 0);
  const count = period.historyIntervalCount + period.intervalCount;
  const profile = (zoneShiftMs: number) =>
    interpolateAtCentres(perUnit, power, count, (i) =>
      instantOf(period.historyStartMs + (i + 0.5) * period.intervalMs + zoneShiftMs),
    );
  const pvPerUnitByZone: Record<string, Float64Array> = { '': profile(0) };
  for (const zone of grid.zones) {
    const zoneShiftMs = maxShiftMs > 0 ? Math.round(random.uniform(-1, 1) * maxShiftMs) : 0;
    pvPerUnitByZone[zone.id] = zoneShiftMs === 0 ? pvPerUnitByZone[''] : profile(zoneShiftMs);
  }

  const zoneOfBus = mapZoneOfBus(grid);
  const pvAvailableMw: Record<string, Float64Array> = {};
  const h = period.historyIntervalCount;
  for (const unit of grid.pv) {
    const shape = pvPerUnitByZone[zoneOfBus.get(unit.busId) ?? ''];
    const mw = new Float64Array(period.intervalCount);
    for (let t = 0; t < mw.length; t++) mw[t] = unit.capacityMw * shape[h + t];
    pvAvailableMw[unit.id] = mw;
  }
  return { ok: true, value: { pvPerUnitByZone, pvAvailableMw }, warnings };
}
