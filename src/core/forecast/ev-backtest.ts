/**
 * Rolling-origin backtest of per-session EV forecasts: for each local day D from `fromDay` to
 * `toDay` the origin is D 00:00 local time, and every model forecasts each session plugging in on D
 * from the sessions completed (plug-out known and strictly earlier) before the origin. Energy is
 * scored where it is given, departure where the plug-out is known; the departure error is the
 * offset-aware plug-out instant minus the forecast one. Scores follow forecast-metrics.ts: MAE of
 * the P50, pinball loss averaged over P10/P50/P90, and the share of actuals inside [P10, P90].
 */
import type {
  EvSessionForecast,
  EvSessionModel,
  EvSessionRecord,
  LocalOffsetLookup,
} from './ev-session-model.ts';
import { EV_QUANTILE_LEVELS, localDayNumber, localMidnightMs } from './ev-session-model.ts';
import { intervalCoverage, pinballLoss, scorePoints } from './forecast-metrics.ts';
import { HOUR_MS } from './time-series.ts';

export interface EvBacktestOptions {
  /** First and last forecast day as local day numbers (days since 1970-01-01 on the local calendar). */
  readonly fromDay: number;
  readonly toDay: number;
  readonly offsetAt: LocalOffsetLookup;
  /** Return every session's forecasts as well (default false). */
  readonly keepPredictions?: boolean;
  /** Called after each day with the number of days done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface EvBacktestScores {
  readonly model: string;
  readonly energyMaeKwh: number;
  readonly departureMaeH: number;
  readonly energyPinballKwh: number;
  readonly departurePinballH: number;
  readonly coverageEnergyP10P90: number;
  readonly coverageDepartureP10P90: number;
  readonly sessionsScored: number;
  readonly departuresScored: number;
}

export interface EvSessionPrediction {
  readonly model: string;
  readonly originMs: number;
  readonly session: EvSessionRecord;
  readonly forecast: EvSessionForecast;
}

export interface EvBacktestResult {
  readonly scores: EvBacktestScores[];
  /** Empty unless `keepPredictions`. */
  readonly predictions: EvSessionPrediction[];
}

interface Collected {
  energy: number[];
  energyQ: [number[], number[], number[]];
  dwell: number[];
  dwellQ: [number[], number[], number[]];
}

function score(model: string, c: Collected): EvBacktestScores {
  const levels = [...EV_QUANTILE_LEVELS];
  const energy = scorePoints(c.energy, c.energyQ[1]);
  const dwell = scorePoints(c.dwell, c.dwellQ[1]);
  return {
    model,
    energyMaeKwh: energy.mae,
    departureMaeH: dwell.mae,
    energyPinballKwh: pinballLoss(c.energy, levels, c.energyQ),
    departurePinballH: pinballLoss(c.dwell, levels, c.dwellQ),
    coverageEnergyP10P90: intervalCoverage(c.energy, c.energyQ[0], c.energyQ[2]),
    coverageDepartureP10P90: intervalCoverage(c.dwell, c.dwellQ[0], c.dwellQ[2]),
    sessionsScored: energy.n,
    departuresScored: dwell.n,
  };
}

export function backtestEvSessions(
  sessions: readonly EvSessionRecord[],
  models: readonly EvSessionModel[],
  options: EvBacktestOptions,
): EvBacktestResult {
  const { fromDay, toDay, offsetAt } = options;
  const byDay = new Map<number, EvSessionRecord[]>();
  for (const s of sessions) {
    const day = localDayNumber(s.plugInMs, offsetAt);
    if (day < fromDay || day > toDay) continue;
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [s]);
    else list.push(s);
  }
  const collected: Collected[] = models.map(() => ({
    energy: [],
    energyQ: [[], [], []],
    dwell: [],
    dwellQ: [[], [], []],
  }));
  const predictions: EvSessionPrediction[] = [];
  const total = Math.max(0, toDay - fromDay + 1);
  for (let day = fromDay; day <= toDay; day++) {
    const targets = byDay.get(day) ?? [];
    if (targets.length > 0) {
      const originMs = localMidnightMs(day, offsetAt);
      const history = sessions.filter((s) => s.plugOutMs !== null && s.plugOutMs < originMs);
      const queries = targets.map(({ userId, garageId, userType, plugInMs }) => ({
        userId,
        garageId,
        userType,
        plugInMs,
      }));
      models.forEach((model, m) => {
        const forecasts = model.forecast(history, originMs, queries);
        const c = collected[m];
        targets.forEach((s, i) => {
          const f = forecasts[i];
          c.energy.push(Number.isFinite(s.energyKwh) ? s.energyKwh : Number.NaN);
          c.energyQ[0].push(f.energyKwh.p10);
          c.energyQ[1].push(f.energyKwh.p50);
          c.energyQ[2].push(f.energyKwh.p90);
          c.dwell.push(s.plugOutMs === null ? Number.NaN : (s.plugOutMs - s.plugInMs) / HOUR_MS);
          c.dwellQ[0].push((f.departureMs.p10 - s.plugInMs) / HOUR_MS);
          c.dwellQ[1].push((f.departureMs.p50 - s.plugInMs) / HOUR_MS);
          c.dwellQ[2].push((f.departureMs.p90 - s.plugInMs) / HOUR_MS);
          if (options.keepPredictions)
            predictions.push({ model: model.name, originMs, session: s, forecast: f });
        });
      });
    }
    options.onProgress?.(day - fromDay + 1, total);
  }
  return { scores: models.map((model, m) => score(model.name, collected[m])), predictions };
}
