/**
 * EV sessions of the source week on the grid's chargers: each charger (in grid order) draws one
 * driver of the source window with the seeded generator and repeats that driver's sessions shifted
 * by a seeded jitter (so chargers that share a driver do not plug in at the same minute). Times
 * are rounded to the nearest interval; a session cut by the period's edges keeps the share of its
 * energy that falls inside; energy is capped at what the charger can deliver while plugged in;
 * sessions shorter than one interval after rounding are dropped.
 */
import { createSeededRandom } from '../../core/math/index.ts';
import { DAY_MS, MINUTE_MS, type ScenarioPeriod } from './scenario-time.ts';

/** A source session with times as wall ms of the source's local clock. */
export interface SourceEvSession {
  readonly sessionId: string;
  readonly driverId: string;
  readonly plugInWallMs: number;
  readonly plugOutWallMs: number;
  readonly energyKwh: number;
}

/** A session on a charger, on the simulated interval index (departure exclusive). */
export interface AssignedEvSession {
  readonly id: string;
  readonly chargerId: string;
  readonly arrivalInterval: number;
  readonly departureInterval: number;
  readonly energyMwh: number;
}

export interface EvAssignmentOptions {
  /** Wall ms (source clock) of the local midnight that maps to the period start. */
  readonly sourceStartWallMs: number;
  readonly period: ScenarioPeriod;
  readonly seed: number;
  readonly jitterMin: number;
}

/** Mixed into the scenario seed so that the EV draws are a stream of their own. */
const EV_STREAM = 0x45760001;

export function assignEvSessions(
  sessions: readonly SourceEvSession[],
  chargers: readonly { readonly id: string; readonly pMaxMw: number }[],
  options: EvAssignmentOptions,
): AssignedEvSession[] {
  const { period, sourceStartWallMs } = options;
  const days = (period.endMs - period.startMs) / DAY_MS;
  const windowEnd = sourceStartWallMs + days * DAY_MS;
  const byDriver = new Map<string, SourceEvSession[]>();
  for (const s of sessions) {
    if (s.plugInWallMs < sourceStartWallMs || s.plugInWallMs >= windowEnd) continue;
    const list = byDriver.get(s.driverId);
    if (list) list.push(s);
    else byDriver.set(s.driverId, [s]);
  }
  const drivers = [...byDriver.keys()].sort();
  if (drivers.length === 0) return [];
  const random = createSeededRandom((options.seed ^ EV_STREAM) >>> 0);
  const intervalH = period.intervalMs / 3_600_000;
  const out: AssignedEvSession[] = [];
  for (const charger of chargers) {
    const driver = random.pick(drivers);
    const shiftMs = Math.round(random.uniform(-options.jitterMin, options.jitterMin)) * MINUTE_MS;
    for (const s of byDriver.get(driver)!) {
      const arrivalMs = s.plugInWallMs - sourceStartWallMs + shiftMs;
      const departureMs = s.plugOutWallMs - sourceStartWallMs + shiftMs;
      const arrival = Math.max(0, Math.round(arrivalMs / period.intervalMs));
      const departure = Math.min(period.intervalCount, Math.round(departureMs / period.intervalMs));
      if (departure <= arrival) continue;
      const fullMs = departureMs - arrivalMs;
      const insideMs =
        Math.min(departureMs, period.intervalCount * period.intervalMs) - Math.max(arrivalMs, 0);
      const share = fullMs > 0 ? Math.min(1, Math.max(0, insideMs / fullMs)) : 1;
      const deliverableMwh = charger.pMaxMw * (departure - arrival) * intervalH;
      const energyMwh = Math.min((s.energyKwh / 1000) * share, deliverableMwh);
      out.push({
        id: `${charger.id}/${s.sessionId}`,
        chargerId: charger.id,
        arrivalInterval: arrival,
        departureInterval: departure,
        energyMwh,
      });
    }
  }
  return out.sort((a, b) => a.arrivalInterval - b.arrivalInterval || (a.id < b.id ? -1 : 1));
}
