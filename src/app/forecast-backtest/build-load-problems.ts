/**
 * Turns a load dataset into day-ahead problems: each zone's hourly means on local wall time, the
 * mean of the temperature stations as the temperature of every zone (station selection per zone
 * is future work), and a `total` zone that sums the zones where all of them have a value.
 */
import { type LoadProblem, toHourlyWall } from '../../core/forecast/index.ts';
import type { LoadDataset } from '../ports.ts';

export function buildLoadProblems(dataset: LoadDataset): LoadProblem[] {
  const zones = dataset.zones.map((series) => ({ name: series.name, ...toHourlyWall(series) }));
  const stations = dataset.temperature.map((series) => toHourlyWall(series));
  const startMs = Math.max(...zones.map((z) => z.startMs), ...stations.map((s) => s.startMs));
  const endMs = Math.min(
    ...zones.map((z) => z.startMs + z.values.length * 3_600_000),
    ...stations.map((s) => s.startMs + s.values.length * 3_600_000),
  );
  const hours = Math.max(0, Math.floor((endMs - startMs) / 3_600_000));
  const align = (s: { startMs: number; values: Float64Array }) =>
    s.values.subarray((startMs - s.startMs) / 3_600_000, (startMs - s.startMs) / 3_600_000 + hours);
  const temperature = new Float64Array(hours);
  const alignedStations = stations.map(align);
  for (let i = 0; i < hours; i++) {
    let sum = 0;
    let n = 0;
    for (const s of alignedStations) {
      if (!Number.isNaN(s[i])) {
        sum += s[i];
        n++;
      }
    }
    temperature[i] = n > 0 ? sum / n : Number.NaN;
  }
  const holidays = new Set(dataset.holidays);
  const problems: LoadProblem[] = zones.map((z) => ({
    zone: z.name,
    startMs,
    load: Float64Array.from(align(z)),
    temperature,
    holidays,
  }));
  if (problems.length > 1) {
    const total = new Float64Array(hours);
    for (const p of problems) for (let i = 0; i < hours; i++) total[i] += p.load[i];
    problems.push({ zone: 'total', startMs, load: total, temperature, holidays });
  }
  return problems;
}
