/**
 * Records one controller's run interval by interval (the series behind the report) and sums up its
 * KPIs at the end: energy, losses, peak import, local share per zone (energy-weighted share of a
 * zone's served loads and EVs met by its own PV and generators and by battery energy that came
 * from the zone's own surplus), violations, unserved energy by
 * class, cost (energy at the interval's prices and generator cost curves, the demand charge on the
 * peak import, lost load at its value, EV energy missing at departure at 1,000 per MWh), CO2, battery cycles, EV energy by departure, forecast error.
 */
import type { Grid, LoadPriority } from '../../core/grid/index.ts';
import type {
  ControllerName,
  ControllerRun,
  IntervalMeasures,
  PlantState,
  SimulationSeries,
  ZoneForecastNow,
} from '../../domain/operation/index.ts';

export interface RecorderSetup {
  readonly controller: ControllerName;
  readonly grid: Grid;
  readonly zones: readonly string[];
  readonly intervalCount: number;
  readonly intervalH: number;
  readonly importGeneratorId: string;
  readonly centralPlantIds: readonly string[];
  readonly importPriceByInterval: ArrayLike<number>;
  readonly exportPricePerMwh: number;
  readonly importCo2TPerMwh: number;
  readonly peakImportPricePerMw: number;
  readonly valueOfLostLoad: Readonly<Record<LoadPriority, number>>;
  readonly watchedBuses: readonly string[];
  readonly evSessions: readonly { id: string; departureInterval: number; energyMwh: number }[];
}

const zeros = (n: number) => new Float64Array(n);
/** EV energy not delivered by departure is costed as the dispatch does by default. */
const EV_SHORTFALL_COST_PER_MWH = 1000;

export function createRunRecorder(setup: RecorderSetup) {
  const T = setup.intervalCount;
  const h = setup.intervalH;
  const nan = (n: number) => new Float64Array(n).fill(Number.NaN);
  const series: SimulationSeries = {
    demandMw: zeros(T),
    servedMw: zeros(T),
    importMw: zeros(T),
    centralPlantMw: zeros(T),
    localGenerationMw: zeros(T),
    pvMw: zeros(T),
    pvAvailableMw: zeros(T),
    batteryMw: zeros(T),
    evChargingMw: zeros(T),
    lossesMw: zeros(T),
    shedMw: { critical: zeros(T), essential: zeros(T), flexible: zeros(T) },
    socFraction: zeros(T),
    minVmPu: zeros(T),
    maxVmPu: zeros(T),
    maxLoadingPct: zeros(T),
    zones: Object.fromEntries(
      setup.zones.map((z) => [
        z,
        {
          demandMw: zeros(T),
          forecastMw: nan(T),
          forecastP10Mw: nan(T),
          forecastP90Mw: nan(T),
          pricePerMwh: nan(T),
        },
      ]),
    ),
    watchedBuses: setup.watchedBuses,
    watchedVmPu: nan(setup.watchedBuses.length * T),
  };
  const generatorCost = new Map(setup.grid.generators.map((g) => [g.id, g]));
  const capacity = setup.grid.storage.reduce((s, b) => s + b.energyCapacityMwh, 0);
  let energyCost = 0;
  let co2T = 0;
  let throughputMwh = 0;
  let voltageViolations = 0;
  let worstVoltage = 0;
  let thermalViolations = 0;
  let powerFlowFailures = 0;
  let worstLoading = 0;
  const zoneServed = new Map<string, number>();
  const zoneLocal = new Map<string, number>();
  // battery energy per zone and the part of it that came from the zone's own surplus (provenance);
  // what the batteries hold at the start counts as not local
  const zoneOfBus = new Map(setup.grid.buses.map((b) => [b.id, b.zoneId ?? '']));
  const pool = new Map<string, { energy: number; local: number }>();
  for (const s of setup.grid.storage) {
    const z = zoneOfBus.get(s.busId) ?? '';
    const p = pool.get(z) ?? { energy: 0, local: 0 };
    p.energy += s.energyMwh;
    pool.set(z, p);
  }
  const timings = { forecast: 0, dispatch: 0, powerFlow: 0 };
  let last: PlantState | undefined;

  return {
    series,
    record(
      t: number,
      m: IntervalMeasures,
      state: PlantState,
      zoneTruthMw: ReadonlyMap<string, number>,
      view: ReadonlyMap<string, ZoneForecastNow>,
      ms: { forecast: number; dispatch: number; powerFlow: number },
    ) {
      last = state;
      series.demandMw[t] = m.demandMw;
      series.servedMw[t] = m.servedMw;
      const imported = m.generatorMw.get(setup.importGeneratorId) ?? 0;
      series.importMw[t] = imported;
      let plant = 0;
      let local = 0;
      for (const [id, mw] of m.generatorMw) {
        if (id === setup.importGeneratorId) continue;
        if (setup.centralPlantIds.includes(id)) plant += mw;
        else local += mw;
        const g = generatorCost.get(id);
        if (g?.cost?.model === 'polynomial' && mw > 0)
          energyCost += g.cost.coefficients.reduce((s, c, k) => s + c * mw ** k, 0) * h;
        co2T += Math.max(0, mw) * (g?.co2TPerMwh ?? 0) * h;
      }
      series.centralPlantMw[t] = plant;
      series.localGenerationMw[t] = local;
      energyCost +=
        imported >= 0
          ? imported * h * setup.importPriceByInterval[t]
          : imported * h * setup.exportPricePerMwh;
      co2T += Math.max(0, imported) * setup.importCo2TPerMwh * h;
      series.pvMw[t] = m.pvMw;
      series.pvAvailableMw[t] = m.pvAvailableMw;
      series.batteryMw[t] = m.batteryMw;
      for (const mw of m.storageMw.values()) throughputMwh += Math.abs(mw) * h;
      series.evChargingMw[t] = m.evChargingMw;
      series.lossesMw[t] = m.lossesMw;
      for (const c of ['critical', 'essential', 'flexible'] as const) series.shedMw[c][t] = m.shedMw[c];
      let energy = 0;
      for (const v of state.storageEnergyMwh.values()) energy += v;
      series.socFraction[t] = capacity > 0 ? energy / capacity : Number.NaN;
      series.minVmPu[t] = m.minVmPu;
      series.maxVmPu[t] = m.maxVmPu;
      series.maxLoadingPct[t] = m.maxLoadingPct;
      voltageViolations += m.voltageViolations;
      if (!m.converged) powerFlowFailures++;
      worstVoltage = Math.max(worstVoltage, m.worstVoltageViolationPu);
      thermalViolations += m.thermalViolations;
      worstLoading = Math.max(worstLoading, m.maxLoadingPct);
      for (const z of setup.zones) {
        const zs = series.zones[z];
        zs.demandMw[t] = zoneTruthMw.get(z) ?? Number.NaN;
        const v = view.get(z);
        if (v) {
          zs.forecastMw[t] = v.pointMw;
          zs.forecastP10Mw[t] = v.p10Mw;
          zs.forecastP90Mw[t] = v.p90Mw;
          zs.pricePerMwh[t] = v.pricePerMwh;
        }
        // local: the zone's loads and EVs served by its own PV and generators, and by battery energy
        // that had come from the zone's own surplus
        const f = m.zoneFlowsMw.get(z) ?? { use: 0, own: 0, discharge: 0, charge: 0 };
        const p = pool.get(z) ?? { energy: 0, local: 0 };
        const localDischarge = p.energy > 1e-12 ? f.discharge * (p.local / p.energy) : 0;
        const chargeLocal = Math.min(f.charge, Math.max(0, f.own - f.use));
        p.energy = Math.max(0, p.energy + (f.charge - f.discharge) * h);
        p.local = Math.min(p.energy, Math.max(0, p.local + (chargeLocal - localDischarge) * h));
        pool.set(z, p);
        zoneServed.set(z, (zoneServed.get(z) ?? 0) + f.use * h);
        zoneLocal.set(z, (zoneLocal.get(z) ?? 0) + Math.min(f.use, f.own + localDischarge) * h);
      }
      setup.watchedBuses.forEach((b, row) => {
        series.watchedVmPu[row * T + t] = m.vmPuByBus.get(b) ?? Number.NaN;
      });
      timings.forecast += ms.forecast;
      timings.dispatch += ms.dispatch;
      timings.powerFlow += ms.powerFlow;
    },

    finish(runtimeS: number): ControllerRun {
      const sum = (a: Float64Array) => a.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0) * h;
      const demandMwh = sum(series.demandMw);
      const lossesMwh = sum(series.lossesMw);
      const peakImportMw = series.importMw.reduce((m, v) => (v > m ? v : m), 0);
      const unservedMwh = {
        critical: sum(series.shedMw.critical),
        essential: sum(series.shedMw.essential),
        flexible: sum(series.shedMw.flexible),
      };
      const lostLoadCost = (Object.keys(unservedMwh) as LoadPriority[]).reduce(
        (s, c) => s + unservedMwh[c] * setup.valueOfLostLoad[c],
        0,
      );
      const localShareByZone = Object.fromEntries(
        setup.zones.map((z) => [z, (zoneLocal.get(z) ?? 0) / Math.max(1e-12, zoneServed.get(z) ?? 0)]),
      );
      const servedAll = [...zoneServed.values()].reduce((a, b) => a + b, 0);
      const localAll = [...zoneLocal.values()].reduce((a, b) => a + b, 0);
      // EV energy by departure, for sessions that leave within the period
      let asked = 0;
      let delivered = 0;
      for (const s of setup.evSessions) {
        if (s.departureInterval > T) continue;
        asked += s.energyMwh;
        delivered += Math.min(s.energyMwh, last?.evDeliveredMwh.get(s.id) ?? 0);
      }
      // forecast error per day of the district total, for a controller that forecasts
      const perDay = Math.round(24 / h);
      const forecastMapeByDay: number[] = [];
      for (let d = 0; d * perDay < T; d++) {
        let err = 0;
        let n = 0;
        for (let t = d * perDay; t < Math.min(T, (d + 1) * perDay); t++) {
          let actual = 0;
          let forecast = 0;
          for (const z of setup.zones) {
            actual += series.zones[z].demandMw[t];
            forecast += series.zones[z].forecastMw[t];
          }
          if (Number.isFinite(forecast) && actual > 0) {
            err += Math.abs(forecast - actual) / actual;
            n++;
          }
        }
        forecastMapeByDay.push(n > 0 ? (100 * err) / n : Number.NaN);
      }
      const demandCharge = peakImportMw * setup.peakImportPricePerMw;
      return {
        controller: setup.controller,
        series,
        kpis: {
          demandMwh,
          servedMwh: sum(series.servedMw),
          lossesMwh,
          lossesShare: lossesMwh / Math.max(1e-12, demandMwh),
          peakImportMw,
          importMwh: sum(series.importMw.map((v) => Math.max(0, v))),
          localShareByZone,
          localShare: localAll / Math.max(1e-12, servedAll),
          voltageViolations,
          worstVoltageViolationPu: worstVoltage,
          thermalViolations,
          worstLoadingPct: worstLoading,
          unservedMwh,
          cost: energyCost + demandCharge + lostLoadCost + (asked - delivered) * EV_SHORTFALL_COST_PER_MWH,
          energyCost: energyCost + demandCharge,
          co2T,
          forecastMapeByDay,
          batteryCycles: capacity > 0 ? throughputMwh / 2 / capacity : 0,
          evDeliveredShare: asked > 0 ? delivered / asked : 1,
          evShortfallMwh: asked - delivered,
          runtimeS,
          powerFlowFailures,
          msPerInterval: {
            forecast: timings.forecast / T,
            dispatch: timings.dispatch / T,
            powerFlow: timings.powerFlow / T,
          },
        },
      };
    },
  };
}
