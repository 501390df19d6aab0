/**
 * Strict, allocation-light parsers for cells: decimal numbers (`-12.5`, `3e2`; no spaces, hex,
 * `Infinity` or decimal comma), ISO-8601 timestamps `YYYY-MM-DDTHH:MM[:SS]` with no offset, `Z` or
 * `±HH:MM`, and ISO dates; plus the formatters the messages use.
 */

/** Powers of ten that are exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a decimal number cell, or NaN if the text is not one. Up to 15 significant digits
 * are scaled by an exact power of ten (correctly rounded, equal to `Number(text)`); longer numbers
 * fall back to `Number`.
 */
export function parseNumber(text: string): number {
  return parseNumberIn(text, 0, text.length);
}

/** `parseNumber` of `text.slice(start, end)`, without making the slice. */
export function parseNumberIn(text: string, start: number, end: number): number {
  const n = end;
  let i = start;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  const unsignedStart = i;
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let seenPoint = false;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (seenPoint) fraction++;
    } else if (c === 46 && !seenPoint) {
      seenPoint = true;
    } else break;
  }
  if (digits === 0) return Number.NaN;
  let exponent = 0;
  if (i < n) {
    if (c !== 101 && c !== 69) return Number.NaN;
    i++;
    let expNegative = false;
    c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      i++;
    }
    const expStart = i;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return Number.NaN;
      exponent = exponent * 10 + (c - 48);
      if (exponent > 1000) exponent = 1000;
    }
    if (i === expStart) return Number.NaN;
    if (expNegative) exponent = -exponent;
  }
  const scale = exponent - fraction;
  let value: number;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  } else {
    value = Number(text.slice(unsignedStart, end));
  }
  return negative ? -value : value;
}

/** A parsed timestamp: its wall-clock fields as if UTC, and its offset if it has one. */
export interface ParsedTimestamp {
  /** The written date and time read as if UTC (epoch ms). */
  readonly wallMs: number;
  /** Minutes east of UTC (`Z` is 0), or null when the text has no offset. */
  readonly offsetMinutes: number | null;
  /** True when the offset is written as `Z`. */
  readonly zulu: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Midnight (as if UTC) of `YYYY-MM-DD` at the start of `text`, or NaN. */
function datePart(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const hi = twoDigits(text, 0);
  const lo = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = hi * 100 + lo;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthDays) return Number.NaN;
  return Date.UTC(year, month - 1, day);
}

/** `YYYY-MM-DD` as midnight epoch ms (as if UTC), or NaN if it is not a real date. */
export function parseIsoDate(text: string): number {
  return text.length === 10 ? datePart(text) : Number.NaN;
}

/** `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`, or undefined if the text is not such a real time. */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  if (text.length < 16 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  const day = datePart(text);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (Number.isNaN(day) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let at = 16;
  let second = 0;
  if (text.charCodeAt(at) === 58) {
    second = twoDigits(text, 17);
    if (second < 0 || second > 59) return undefined;
    at = 19;
  }
  const wallMs = day + hour * 3_600_000 + minute * 60_000 + second * 1000;
  if (at === text.length) return { wallMs, offsetMinutes: null, zulu: false };
  const sign = text.charCodeAt(at);
  if (sign === 90 && at + 1 === text.length) return { wallMs, offsetMinutes: 0, zulu: true };
  if ((sign !== 43 && sign !== 45) || at + 6 !== text.length || text.charCodeAt(at + 3) !== 58)
    return undefined;
  const oh = twoDigits(text, at + 1);
  const om = twoDigits(text, at + 4);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
  const offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  return { wallMs, offsetMinutes, zulu: false };
}

/** `+01:00`, `-06:00`. */
export function formatOffset(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${offsetMinutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Wall time `YYYY-MM-DDTHH:MM:SS` of epoch ms read as if UTC. */
export function formatWall(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19);
}

/** An instant in a fixed offset: `YYYY-MM-DDTHH:MM:SS+HH:MM` (`Z` for offset 0 when `zulu`). */
export function formatInstant(instantMs: number, offsetMinutes: number, zulu = false): string {
  const wall = formatWall(instantMs + offsetMinutes * 60_000);
  return zulu && offsetMinutes === 0 ? `${wall}Z` : `${wall}${formatOffset(offsetMinutes)}`;
}

/** `"abc"` for messages (quotes inside are kept as they are). */
export function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}
