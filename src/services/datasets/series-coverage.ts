/**
 * The message for a series that does not cover what a scenario needs: the missing range(s) first,
 * then what is needed and what the file has. Times are step labels (the start of each step), both
 * ends included, formatted by the caller's clock.
 */

/** `need` and `have` as [first label, last label]; undefined when `have` covers `need`. */
export function describeMissing(
  need: readonly [number, number],
  have: readonly [number, number],
  stepMs: number,
  format: (ms: number) => string,
  why: string,
  noun = 'data',
): string | undefined {
  const missing: string[] = [];
  const span = (from: number, to: number) => `${format(from)} to ${format(to)}`;
  if (need[0] < have[0]) missing.push(span(need[0], Math.min(need[1], have[0] - stepMs)));
  if (need[1] > have[1]) missing.push(span(Math.max(need[0], have[1] + stepMs), need[1]));
  if (missing.length === 0) return undefined;
  return `no ${noun} from ${missing.join(' and from ')}: the scenario needs ${span(need[0], need[1])} (${why}); the file has ${span(have[0], have[1])}`;
}
