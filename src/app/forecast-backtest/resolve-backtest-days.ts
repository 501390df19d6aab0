/**
 * `--from` and `--to` of a day-ahead backtest as day indices on a dataset's day grid (day 0 starts
 * at `startMs`, a local midnight written as if UTC), with every refusal in one line: a malformed date,
 * `--to` before `--from` or after the data, `--from` before the history the models need.
 */
import { DAY_MS } from '../../core/forecast/index.ts';

export type ResolvedDays =
  | { readonly ok: true; readonly fromDay: number; readonly toDay: number }
  | { readonly ok: false; readonly errors: readonly string[] };

export function resolveBacktestDays(
  request: { readonly from: string; readonly to: string },
  startMs: number,
  nDays: number,
  historyDays: number,
  warmupDays: number,
): ResolvedDays {
  const day = (date: string, option: string): number | string => {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms))
      return `${option} ${date}: expected a date YYYY-MM-DD`;
    return Math.round((ms - startMs) / DAY_MS);
  };
  const dateOf = (d: number) => new Date(startMs + d * DAY_MS).toISOString().slice(0, 10);
  const fromDay = day(request.from, '--from');
  const toDay = day(request.to, '--to');
  if (typeof fromDay === 'string') return { ok: false, errors: [fromDay] };
  if (typeof toDay === 'string') return { ok: false, errors: [toDay] };
  if (toDay < fromDay) return { ok: false, errors: [`--to ${request.to} is before --from ${request.from}`] };
  if (toDay >= nDays)
    return { ok: false, errors: [`--to ${request.to}: the data ends on ${dateOf(nDays - 1)}`] };
  const needed = historyDays + warmupDays;
  if (fromDay < needed) {
    return {
      ok: false,
      errors: [
        `--from ${request.from}: the data starts on ${dateOf(0)} and the models need ${needed} days of history ` +
          `(training and a ${warmupDays}-day warm-up of the quantile bands); the earliest --from is ${dateOf(needed)}`,
      ],
    };
  }
  return { ok: true, fromDay, toDay };
}
