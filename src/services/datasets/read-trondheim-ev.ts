/**
 * Reader of the Trondheim residential EV charging folder: one session per row (comma-separated,
 * decimal point, the layout of its README) with plug-in and plug-out as instants. Times carry their
 * Europe/Oslo offset, which must be Oslo's offset at that instant; a time without offset is read as
 * Oslo wall time (ambiguous autumn times take the earlier instant, skipped spring times move forward
 * by the gap; both with a warning). Empty plug-out and duration cells mean "no value" (null).
 */

import { checkHeader, readLines, rowCells } from './csv-text.ts';
import { type DatasetResult, FileIssues, finishResult } from './dataset-result.ts';
import { formatInstant, formatOffset, parseNumber, parseTimestamp, quote } from './parse-cells.ts';
import { createZoneOffsetLookup, wallTimeToInstant, type ZoneOffsetLookup } from './zone-time.ts';

export const TRONDHEIM_EV_FILES = ['sessions.csv'] as const;

/** Time zone of the Trondheim garages. */
export const TRONDHEIM_TIME_ZONE = 'Europe/Oslo';

const HEADER = [
  'session_id',
  'garage_id',
  'user_id',
  'user_type',
  'shared_id',
  'plugin_time',
  'plugout_time',
  'energy_kwh',
  'duration_hours',
] as const;
const COLUMN = Object.fromEntries(HEADER.map((name, i) => [name, i])) as Record<
  (typeof HEADER)[number],
  number
>;

export type EvUserType = 'private' | 'shared';

export interface EvChargingSession {
  /** Session number of the source. */
  readonly sessionId: string;
  /** Anonymised garage (building) code, e.g. `AdO3`. */
  readonly garageId: string;
  /** `<garage>-<n>` for private chargers, `Share-<n>` for users of shared ones. */
  readonly userId: string;
  readonly userType: EvUserType;
  /** Shared charge point (e.g. `Shared-7`); null for private sessions. */
  readonly sharedChargerId: string | null;
  /** Plug-in instant (epoch ms). */
  readonly plugInMs: number;
  /** Plug-out instant (epoch ms); null when the source has none. */
  readonly plugOutMs: number | null;
  readonly energyKwh: number;
  /** `duration_hours` as published (a wall-clock difference: off by 1 h across DST changes); null if empty. */
  readonly publishedDurationHours: number | null;
}

export interface TrondheimEvDataset {
  readonly kind: 'ev';
  readonly timeZone: typeof TRONDHEIM_TIME_ZONE;
  /** In file order, which is plug-in order. */
  readonly sessions: readonly EvChargingSession[];
}

/** Reads `sessions.csv` of `dir`. */
export function readTrondheimEv(dir: string): DatasetResult<TrondheimEvDataset> {
  const issues = new FileIssues(TRONDHEIM_EV_FILES[0]);
  const sessions = readSessions(dir, issues);
  return finishResult([issues], () => ({
    kind: 'ev' as const,
    timeZone: TRONDHEIM_TIME_ZONE,
    sessions: sessions!,
  }));
}

function readSessions(dir: string, issues: FileIssues): EvChargingSession[] | undefined {
  const lines = readLines(dir, issues.file, issues);
  if (lines === undefined) return undefined;
  if (lines[0].indexOf(';') >= 0 && lines[0].indexOf(',') < 0) {
    const message = `semicolon-separated header (the original Mendeley layout?); expected the comma-separated layout of README.md: ${HEADER.join(',')}`;
    issues.error(1, undefined, message);
    return undefined;
  }
  if (!checkHeader(lines, HEADER, issues)) return undefined;
  const offsetAt = createZoneOffsetLookup(TRONDHEIM_TIME_ZONE);
  const sessions: EvChargingSession[] = [];
  const lineOfId = new Map<string, number>();
  let prevPlugInMs = Number.NaN;
  let prevLine = 0;
  for (let i = 1; i < lines.length; i++) {
    const cells = rowCells(lines, i, HEADER.length, issues);
    if (cells === undefined) continue;
    const line = i + 1;
    const before = issues.errorCount;
    const text = (name: (typeof HEADER)[number]): string => {
      const value = cells[COLUMN[name]];
      if (value === '' && name !== 'shared_id' && name !== 'plugout_time' && name !== 'duration_hours') {
        issues.error(line, name, 'empty cell (this column has no missing values)');
      }
      return value;
    };
    const sessionId = text('session_id');
    const garageId = text('garage_id');
    const userId = text('user_id');
    const userTypeText = text('user_type');
    const shared = text('shared_id');
    const plugInText = text('plugin_time');
    const plugOutText = text('plugout_time');
    const energyText = text('energy_kwh');
    const durationText = text('duration_hours');

    const firstLine = lineOfId.get(sessionId);
    if (firstLine !== undefined)
      issues.error(line, 'session_id', `duplicated session ${quote(sessionId)} (also on line ${firstLine})`);
    else if (sessionId !== '') lineOfId.set(sessionId, line);

    let userType: EvUserType = 'private';
    if (userTypeText === 'Shared') userType = 'shared';
    else if (userTypeText !== 'Private' && userTypeText !== '') {
      issues.error(line, 'user_type', `${quote(userTypeText)} is not Private or Shared`);
    }
    if ((userType === 'shared') !== (shared !== '') && userTypeText !== '') {
      const message =
        userType === 'shared'
          ? 'a Shared session without shared_id'
          : `a Private session with shared_id ${quote(shared)}`;
      issues.warn(line, 'shared_id', message);
    }

    const plugInMs =
      plugInText === '' ? Number.NaN : readOsloTime(plugInText, line, 'plugin_time', offsetAt, issues);
    const plugOutMs =
      plugOutText === '' ? null : readOsloTime(plugOutText, line, 'plugout_time', offsetAt, issues);
    if (!Number.isNaN(plugInMs)) {
      if (plugInMs < prevPlugInMs) {
        const message = `plug-in ${plugInText} is earlier than the plug-in on line ${prevLine}: sessions must be in plug-in order`;
        issues.error(line, 'plugin_time', message);
      } else {
        prevPlugInMs = plugInMs;
        prevLine = line;
      }
      if (plugOutMs !== null && plugOutMs < plugInMs) {
        issues.error(line, 'plugout_time', `plug-out ${plugOutText} is before plug-in ${plugInText}`);
      }
    }
    const energyKwh = readNumber(energyText, line, 'energy_kwh', issues);
    if (energyKwh < 0) issues.error(line, 'energy_kwh', `negative energy ${energyText}`);
    const duration = durationText === '' ? null : readNumber(durationText, line, 'duration_hours', issues);

    if (issues.errorCount > before) continue;
    sessions.push({
      sessionId,
      garageId,
      userId,
      userType,
      sharedChargerId: shared === '' ? null : shared,
      plugInMs,
      plugOutMs,
      energyKwh,
      publishedDurationHours: duration,
    });
  }
  if (lines.length === 1) issues.error(0, undefined, 'no data rows after the header');
  return sessions;
}

function readNumber(text: string, line: number, column: string, issues: FileIssues): number {
  if (text === '') return Number.NaN;
  const value = parseNumber(text);
  if (Number.isFinite(value)) return value;
  issues.error(line, column, `${quote(text)} is not a number`);
  return Number.NaN;
}

/**
 * An Oslo time as an instant: with an offset, the offset must be Oslo's at that instant; without,
 * the wall time is converted by the rule in this file's header. NaN after recording an error.
 */
function readOsloTime(
  text: string,
  line: number,
  column: string,
  offsetAt: ZoneOffsetLookup,
  issues: FileIssues,
): number {
  const ts = parseTimestamp(text);
  if (ts === undefined) {
    issues.error(line, column, `${quote(text)} is not a timestamp (expected YYYY-MM-DDTHH:MM+HH:MM)`);
    return Number.NaN;
  }
  if (ts.offsetMinutes !== null) {
    const instantMs = ts.wallMs - ts.offsetMinutes * 60_000;
    const expected = offsetAt(instantMs);
    if (ts.offsetMinutes === expected) return instantMs;
    const message = `offset ${formatOffset(ts.offsetMinutes)} is not ${TRONDHEIM_TIME_ZONE}'s offset at this instant (${formatOffset(expected)}: ${formatInstant(instantMs, expected)})`;
    issues.error(line, column, message);
    return Number.NaN;
  }
  const zoned = wallTimeToInstant(ts.wallMs, offsetAt);
  const read = formatInstant(zoned.instantMs, zoned.offsetMinutes);
  if (zoned.kind === 'ambiguous') {
    issues.warn(
      line,
      column,
      `${quote(text)} occurs twice in ${TRONDHEIM_TIME_ZONE} (autumn change): read as the earlier ${read}`,
    );
  } else if (zoned.kind === 'nonexistent') {
    issues.warn(
      line,
      column,
      `${quote(text)} does not exist in ${TRONDHEIM_TIME_ZONE} (spring change): read as ${read}`,
    );
  }
  return zoned.instantMs;
}
