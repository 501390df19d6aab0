/**
 * The `default` per-session EV forecast (types in ev-session-model.ts): a conditional quantile. A
 * session of driver u at garage g plugging in at local hour h on day type t gets, for energy and for
 * dwell separately, the weighted quantiles (weighted-quantile.ts) of a chain of mixtures
 *
 *   F = c_1 F_1 + c_2 F_2 + ... + c_L F_L,   c_j = r_j W_j / (W_j + k_j),   r_1 = 1,
 *   r_(j+1) = r_j - c_j,   c_L = r_L
 *
 * where F_j is the weighted empirical distribution of level j's completed sessions i, W_j the sum
 * of their weights, and k_j the credibility constant toward the next level. The levels are
 *
 *   energy: driver at similar times -> driver at any time -> garage at similar times -> all similar
 *   dwell:  driver at similar times -> garage at similar times -> all at similar times
 *
 * (garage: its sessions of the same user type), because energy belongs to the car and its use while
 * dwell follows the time of arrival (evening arrivals leave next morning); a rolling-origin backtest
 * on the Trondheim sessions confirmed both orders. Weights at "similar times":
 *
 *   w_i = exp(-d(h, h_i)^2 / (2 b_j^2)) * lambda^m(t, t_i) * 2^(-age_i / halfLife)
 *
 * d: circular distance of the times of day (h); b_j: Silverman's rule 1.06 sigma n^(-1/5) on the
 * group's arrival times (sigma their circular standard deviation, n their count); m: how many of
 * (weekend today, weekend tomorrow) differ, lambda = 1/2; age: origin minus plug-in, with a mean
 * age (halfLife / ln 2) of one season. "Any time" keeps only the recency factor. k_j is Buhlmann's
 * credibility constant (variance within groups over the variance of the group means, Buhlmann &
 * Gisler 2005, ch. 4; for "driver at similar times" the nested version over cells of driver x
 * quarter of the day x weekend, Jewell 1975) estimated at each origin on values winsorised at the
 * pooled P1/P99. Each step is the posterior predictive of a Dirichlet process centred on the next
 * level with concentration k_j (Ferguson 1973).
 */
import {
  completedBefore,
  EV_QUANTILE_LEVELS,
  type EvSessionModel,
  type EvSessionQuery,
  type EvSessionRecord,
  garageKey,
  groupBy,
  type LocalOffsetLookup,
  type LocalTimeFeatures,
  localTimeFeatures,
  NAN_TRIPLE,
  toForecast,
  triple,
} from './ev-session-model.ts';
import { DAY_MS } from './time-series.ts';
import { weightedQuantiles, weightedQuantilesSorted } from './weighted-quantile.ts';

export interface ConditionalModelOptions {
  readonly offsetAt: LocalOffsetLookup;
  /** Mean age of the recency weights (days); default one season, 365.25 / 4. */
  readonly recencyMeanAgeDays?: number;
  /** Weight per differing day type (weekend today, weekend tomorrow); default 1/2. */
  readonly dayTypeMismatchWeight?: number;
  /** Lower bound of the time-of-day bandwidth (hours); default 1/4. */
  readonly minBandwidthH?: number;
  /**
   * Whether the driver's sessions at other times come before other drivers' sessions at this time
   * when the driver has few similar ones: default true for energy (a property of car and driver),
   * false for dwell (which the time of arrival decides).
   */
  readonly driverFirst?: { readonly energy?: boolean; readonly dwell?: boolean };
}

/** Silverman's rule 1.06 sd n^(-1/5) on times of day (circular sd, hours); Infinity if uniform. */
export function circularBandwidthH(hours: readonly number[]): number {
  const n = hours.length;
  if (n === 0) return Number.POSITIVE_INFINITY;
  let c = 0;
  let s = 0;
  for (const h of hours) {
    c += Math.cos((2 * Math.PI * h) / 24);
    s += Math.sin((2 * Math.PI * h) / 24);
  }
  const r = Math.min(1, Math.hypot(c, s) / n);
  if (r < 1e-12) return Number.POSITIVE_INFINITY;
  return ((1.06 * Math.sqrt(Math.max(0, -2 * Math.log(r))) * 24) / (2 * Math.PI)) * n ** -0.2;
}

/**
 * Buhlmann-Straub credibility constant k = s^2 / a of `values` split into `groups` (indices), one
 * unit of exposure per value: s^2 the pooled within-group variance, a the variance of the group
 * means net of noise. With `parentOf` (a parent id per group) the group means are compared with
 * their parent's mean and the estimates pooled over parents (nested credibility, Jewell 1975): how
 * far groups differ inside a parent. Infinity when a <= 0 or no parent has two groups.
 */
export function estimateCredibilityK(
  values: ArrayLike<number>,
  groups: readonly (readonly number[])[],
  parentOf?: readonly number[],
): number {
  let withinSq = 0;
  let withinDof = 0;
  const means = groups.map((g) => {
    let m = 0;
    for (const i of g) m += values[i];
    m /= g.length;
    for (const i of g) withinSq += (values[i] - m) ** 2;
    withinDof += g.length - 1;
    return m;
  });
  const parents = new Map<number, { n: number; sum: number; sumSqN: number; groups: number[] }>();
  groups.forEach((g, j) => {
    const id = parentOf?.[j] ?? 0;
    let p = parents.get(id);
    if (p === undefined) {
      p = { n: 0, sum: 0, sumSqN: 0, groups: [] };
      parents.set(id, p);
    }
    p.n += g.length;
    p.sum += means[j] * g.length;
    p.sumSqN += g.length * g.length;
    p.groups.push(j);
  });
  if (withinDof === 0 || parents.size === groups.length) return Number.POSITIVE_INFINITY;
  const s2 = withinSq / withinDof;
  let between = 0;
  let denominator = 0;
  for (const p of parents.values()) {
    const mean = p.sum / p.n;
    for (const j of p.groups) between += groups[j].length * (means[j] - mean) ** 2;
    denominator += p.n - p.sumSqN / p.n;
  }
  const a = (between - (groups.length - parents.size) * s2) / denominator;
  return a > 0 ? s2 / a : Number.POSITIVE_INFINITY;
}

function winsorised(values: Float64Array): Float64Array {
  const [lo, hi] = weightedQuantiles(values, new Float64Array(values.length).fill(1), [0.01, 0.99]);
  return values.map((v) => Math.min(hi, Math.max(lo, v)));
}

interface Group {
  readonly members: number[];
  readonly hourBandwidth: number;
}

interface Level {
  readonly groups: Map<string, Group>;
  readonly key: (q: EvSessionQuery) => string;
  /** Weigh by similarity of time of day and day type (else by recency only). */
  readonly similar: boolean;
}

/** A forecast quantity: its values in sorted order and the levels it passes through (index, k). */
interface Target {
  readonly values: Float64Array;
  readonly order: Int32Array;
  readonly chain: readonly { readonly level: number; readonly k: number }[];
}

const DRIVER_AT_TIME = 0;
const DRIVER = 1;
const GARAGE = 2;
const ALL = 3;

/** The `default` model: recency- and similarity-weighted quantiles shrunk driver -> garage -> all. */
export function createConditionalEvModel(options: ConditionalModelOptions): EvSessionModel {
  const { offsetAt } = options;
  const halfLifeMs = (options.recencyMeanAgeDays ?? 365.25 / 4) * Math.LN2 * DAY_MS;
  const lambda = options.dayTypeMismatchWeight ?? 0.5;
  const minHourBandwidth = options.minBandwidthH ?? 0.25;
  const dayTypeWeight = [1, lambda, lambda, lambda * lambda]; // by the xor of two day types
  const energyDriverFirst = options.driverFirst?.energy ?? true;
  const dwellDriverFirst = options.driverFirst?.dwell ?? false;
  const features = new WeakMap<EvSessionRecord, LocalTimeFeatures>();
  const featuresOf = (s: EvSessionRecord) => {
    let f = features.get(s);
    if (f === undefined) {
      f = localTimeFeatures(s.plugInMs, offsetAt);
      features.set(s, f);
    }
    return f;
  };
  const levels = [...EV_QUANTILE_LEVELS];

  return {
    name: 'default',
    forecast(sessions, originMs, queries) {
      const h = completedBefore(sessions, originMs);
      const n = h.sessions.length;
      if (n === 0) return queries.map((q) => toForecast(q.plugInMs, NAN_TRIPLE, NAN_TRIPLE));
      const hour = Float64Array.from(h.sessions, (s) => featuresOf(s).hour);
      const dayType = Int32Array.from(h.sessions, (s) => featuresOf(s).dayType);
      const recency = h.plugInMs.map((ms) => 2 ** (-(originMs - ms) / halfLifeMs));
      const byDriver = groupBy(h.sessions, (s) => s.userId);
      const byGarage = groupBy(h.sessions, garageKey);
      const level = (raw: Map<string, number[]>, key: Level['key'], similar: boolean): Level => {
        const groups = new Map<string, Group>();
        for (const [g, members] of raw) {
          const b = similar ? circularBandwidthH(members.map((i) => hour[i])) : Number.POSITIVE_INFINITY;
          groups.set(g, { members, hourBandwidth: Math.max(minHourBandwidth, b) });
        }
        return { groups, key, similar };
      };
      const chainLevels: Level[] = [];
      chainLevels[DRIVER_AT_TIME] = level(byDriver, (q) => q.userId, true);
      chainLevels[DRIVER] = level(byDriver, (q) => q.userId, false);
      chainLevels[GARAGE] = level(byGarage, garageKey, true);
      const everyone = new Map([['', h.sessions.map((_, i) => i)]]);
      chainLevels[ALL] = level(everyone, () => '', true);

      // Cells of driver x quarter of the day x weekend, nested in drivers.
      const cellMap = groupBy(h.sessions, (s) => {
        const f = featuresOf(s);
        return `${s.userId}\u0000${Math.floor(f.hour / 6) * 2 + (f.dayType & 1)}`;
      });
      const cells = [...cellMap.values()];
      const driverIndex = new Map([...byDriver.keys()].map((id, j) => [id, j]));
      const driverOfCell = cells.map((c) => driverIndex.get(h.sessions[c[0]].userId) as number);
      const drivers = [...byDriver.values()];
      const garages = [...byGarage.values()];
      const target = (values: Float64Array, driverFirst: boolean): Target => {
        const w = winsorised(values);
        const kDriver = estimateCredibilityK(w, drivers);
        const kGarage = estimateCredibilityK(w, garages);
        const chain = driverFirst
          ? [
              // k of the driver's time cells around the driver's own mean: nested credibility.
              { level: DRIVER_AT_TIME, k: estimateCredibilityK(w, cells, driverOfCell) },
              { level: DRIVER, k: kDriver },
              { level: GARAGE, k: kGarage },
              { level: ALL, k: 0 }, // the last level takes the rest: k unused
            ]
          : [
              { level: DRIVER_AT_TIME, k: kDriver },
              { level: GARAGE, k: kGarage },
              { level: ALL, k: 0 },
            ];
        const order = Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
        return { values, order, chain };
      };
      const targets = [target(h.energyKwh, energyDriverFirst), target(h.dwellH, dwellDriverFirst)];
      const kernels = chainLevels.map(() => new Float64Array(n));
      const totals = new Float64Array(chainLevels.length);
      const weights = new Float64Array(n);

      return queries.map((q) => {
        const f = localTimeFeatures(q.plugInMs, offsetAt);
        chainLevels.forEach((lv, l) => {
          const group = lv.groups.get(lv.key(q));
          totals[l] = 0;
          if (group === undefined) return;
          const twoB2 = 2 * group.hourBandwidth ** 2;
          const kernel = kernels[l];
          for (const i of group.members) {
            let w = recency[i];
            if (lv.similar) {
              let d = Math.abs(f.hour - hour[i]);
              if (d > 12) d = 24 - d;
              w *= Math.exp(-(d * d) / twoB2) * dayTypeWeight[f.dayType ^ dayType[i]];
            }
            kernel[i] = w;
            totals[l] += w;
          }
        });
        const [energy, dwell] = targets.map(({ values, order, chain }) => {
          weights.fill(0);
          let rest = 1;
          chain.forEach(({ level: l, k }, depth) => {
            const total = totals[l];
            if (!(total > 0)) return;
            const c = depth === chain.length - 1 ? rest : (rest * total) / (total + k);
            const kernel = kernels[l];
            for (const i of (chainLevels[l].groups.get(chainLevels[l].key(q)) as Group).members) {
              weights[i] += (c * kernel[i]) / total;
            }
            rest -= c;
          });
          if (rest > 0) {
            // Nothing similar at all: the rest goes to all sessions by day type and recency.
            let total = 0;
            for (let i = 0; i < n; i++) total += dayTypeWeight[f.dayType ^ dayType[i]] * recency[i];
            for (let i = 0; i < n; i++)
              weights[i] += (rest * dayTypeWeight[f.dayType ^ dayType[i]] * recency[i]) / total;
          }
          return triple(weightedQuantilesSorted(values, weights, order, levels));
        });
        return toForecast(q.plugInMs, energy, dwell);
      });
    },
  };
}
