/**
 * Offsets of an IANA time zone from Node's Intl, cached per UTC day, and the conversion of a
 * local wall time to an instant with the daylight-saving rule of Temporal's `compatible` mode:
 * an ambiguous wall time (autumn, repeated hour) takes the earlier instant, i.e. the offset before
 * the change (summer time); a non-existent one (spring, skipped hour) is moved forward by the gap,
 * i.e. it is read with the offset before the change (Europe/Oslo 02:30 -> 03:30+02:00).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Minutes east of UTC of a time zone at an instant. */
export type ZoneOffsetLookup = (instantMs: number) => number;

/** Offset at one instant straight from Intl (slow: formats the date). */
function intlOffsetMinutes(format: Intl.DateTimeFormat, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of format.formatToParts(whole)) {
    if (part.type === 'year') y = Number(part.value);
    else if (part.type === 'month') mo = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
    else if (part.type === 'hour') h = Number(part.value) % 24;
    else if (part.type === 'minute') mi = Number(part.value);
    else if (part.type === 'second') s = Number(part.value);
  }
  return Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - whole) / MINUTE_MS);
}

/**
 * An offset lookup for `timeZone` (throws RangeError for an unknown zone: a bug, as zones are
 * constants of the readers). Each UTC day is looked up once; a day whose start and end offsets
 * differ gets its change located to the minute. Assumes a zone changes offset at most once a day.
 */
export function createZoneOffsetLookup(timeZone: string): ZoneOffsetLookup {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const days = new Map<number, { before: number; after: number; changeMs: number }>();
  return (instantMs: number): number => {
    const day = Math.floor(instantMs / DAY_MS);
    let entry = days.get(day);
    if (entry === undefined) {
      const startMs = day * DAY_MS;
      const before = intlOffsetMinutes(format, startMs);
      const after = intlOffsetMinutes(format, startMs + DAY_MS);
      let changeMs = startMs + DAY_MS;
      if (before !== after) {
        let lo = startMs;
        while (changeMs - lo > MINUTE_MS) {
          const mid = lo + Math.floor((changeMs - lo) / 2 / MINUTE_MS) * MINUTE_MS;
          if (intlOffsetMinutes(format, mid) === before) lo = mid;
          else changeMs = mid;
        }
      }
      entry = { before, after, changeMs };
      days.set(day, entry);
    }
    return instantMs < entry.changeMs ? entry.before : entry.after;
  };
}

/** How a wall time maps to instants in a zone. */
export type WallTimeKind = 'unique' | 'ambiguous' | 'nonexistent';

export interface ZonedInstant {
  readonly instantMs: number;
  /** The zone's offset at the instant (minutes east of UTC). */
  readonly offsetMinutes: number;
  readonly kind: WallTimeKind;
}

/**
 * The instant of local wall time `wallMs` (written date and time read as if UTC) in the zone of
 * `offsetAt`, with the rule in this file's header for ambiguous and non-existent wall times.
 */
export function wallTimeToInstant(wallMs: number, offsetAt: ZoneOffsetLookup): ZonedInstant {
  const before = offsetAt(wallMs - DAY_MS);
  const after = offsetAt(wallMs + DAY_MS);
  const fitsBefore = offsetAt(wallMs - before * MINUTE_MS) === before;
  const fitsAfter = before !== after && offsetAt(wallMs - after * MINUTE_MS) === after;
  if (fitsBefore && fitsAfter) {
    const offsetMinutes = Math.max(before, after);
    return { instantMs: wallMs - offsetMinutes * MINUTE_MS, offsetMinutes, kind: 'ambiguous' };
  }
  if (fitsBefore) return { instantMs: wallMs - before * MINUTE_MS, offsetMinutes: before, kind: 'unique' };
  if (fitsAfter) return { instantMs: wallMs - after * MINUTE_MS, offsetMinutes: after, kind: 'unique' };
  const instantMs = wallMs - before * MINUTE_MS;
  return { instantMs, offsetMinutes: offsetAt(instantMs), kind: 'nonexistent' };
}
