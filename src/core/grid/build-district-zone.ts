/**
 * One neighbourhood of the district grid: a 20 kV feeder from the substation busbar in sections
 * (feeder breaker, then per section a cable, a ring-main bus with its MV/LV transformer and a
 * sectionalising switch), a 0.4 kV substation busbar per section with radial LV street feeders,
 * and on the street buses households, flexible heat pumps and water heaters, rooftop PV, home
 * batteries and EV chargers. A critical customer (hospital or water pumping) has its own MV/LV
 * transformer; a community battery sits on the middle MV bus. See `build-district-grid.ts`.
 */
import type { SeededRandom } from '../math/index.ts';
import type { DistrictOptions } from './district-options.ts';
import { LINE_TYPES, type LineType, TRANSFORMER_TYPES } from './equipment-types.ts';
import type { GridParts } from './grid-parts.ts';

const MV_KV = 20;
const LV_KV = 0.4;
/** Off-nominal ratio of the MV/LV transformers: their off-load tap in the neutral position. */
const MV_LV_TAP = 1;
/** tan(phi) of the load classes: households cos phi 0.95, heat pumps 0.9, pumps 0.85, hospital 0.9. */
const TAN_PHI = { household: 0.329, heatPump: 0.484, waterHeater: 0, pumps: 0.62, hospital: 0.484 };
/** Rooftop PV inverters (MW), home batteries (MWh, MW) and home chargers (MW: 3.7, 7.4, 11 kW). */
const HOME_BATTERIES = [
  { energyMwh: 0.005, pMw: 0.003 },
  { energyMwh: 0.01, pMw: 0.005 },
  { energyMwh: 0.0135, pMw: 0.005 },
];
const EV_CHARGER_MW = [0.0037, 0.0074, 0.011];

export interface ZoneContext {
  readonly parts: GridParts;
  readonly options: DistrictOptions & { readonly zonePeakMw: number };
  readonly random: SeededRandom;
  /** MV busbar of the substation the feeder starts from. */
  readonly substationBusId: string;
}

/** Adds zone `k` (1-based) and returns the bus at the far end of its feeder (for tie switches). */
export function addDistrictZone(context: ZoneContext, k: number): string {
  const { parts, options, random } = context;
  const zoneId = `z${k}`;
  const id = (suffix: string) => `${zoneId}-${suffix}`;
  const sections = options.sectionsPerFeeder;
  parts.zones.push({ id: zoneId, name: `Neighbourhood ${k} (MV feeder ${k})`, kind: 'neighbourhood' });

  // MV feeder: breaker, then per section cable -> ring-main bus (-> switch -> outgoing bus).
  const mvType: LineType = k % 3 === 0 ? LINE_TYPES.mv95 : LINE_TYPES.mv185;
  let upstream = parts.addBus(id('mv0'), zoneId, MV_KV, { name: `feeder ${k} head` });
  parts.switches.push({
    id: id('cb'),
    name: `feeder ${k} breaker`,
    fromBusId: context.substationBusId,
    toBusId: upstream,
    closed: true,
    remotelyOperable: true,
  });
  const mvBus: string[] = [];
  for (let j = 1; j <= sections; j++) {
    const bus = parts.addBus(id(`mv${j}`), zoneId, MV_KV, { name: `ring-main unit ${j}` });
    parts.addLine(id(`mv-l${j}`), upstream, bus, mvType, random.uniform(0.4, 1.0), MV_KV);
    mvBus.push(bus);
    if (j < sections) {
      upstream = parts.addBus(id(`mv${j}-out`), zoneId, MV_KV);
      parts.switches.push({
        id: id(`sw${j}`),
        name: `sectionalising switch ${j}`,
        fromBusId: bus,
        toBusId: upstream,
        closed: true,
        remotelyOperable: true,
      });
    }
  }

  const weights = addLvNetwork(context, zoneId, mvBus);
  addCriticalLoad(context, k, mvBus);
  scaleLoads(context, zoneId, weights);

  const middle = mvBus[Math.floor((sections - 1) / 2)];
  const batteryMw = round3(0.28 * options.zonePeakMw);
  parts.storage.push({
    id: id('community-battery'),
    name: 'community battery (MV)',
    busId: middle,
    energyCapacityMwh: 2 * batteryMw,
    energyMwh: batteryMw,
    socMinFraction: 0.1,
    pChargeMaxMw: batteryMw,
    pDischargeMaxMw: batteryMw,
  });
  if (k === 1 || k === 4) {
    const chpMw = round3(0.33 * options.zonePeakMw);
    const bus = mvBus[sections - 2];
    parts.generators.push({
      id: id('chp'),
      name: k === 1 ? 'gas-engine CHP' : 'biogas CHP',
      busId: bus,
      pMw: 0,
      pMinMw: 0,
      pMaxMw: chpMw,
      qMinMvar: -0.5 * chpMw,
      qMaxMvar: 0.6 * chpMw,
      vSetPu: 1.02,
      rampMwPerMin: chpMw / 5,
      cost: { model: 'polynomial', coefficients: [0, k === 1 ? 95 : 110] },
      fuel: k === 1 ? 'gas' : 'biogas',
      co2TPerMwh: k === 1 ? 0.45 : 0.05,
    });
  }
  return mvBus[sections - 1];
}

interface LoadWeight {
  readonly index: number;
  readonly weight: number;
}

/** Adds the secondary substations, LV feeders and street-bus elements; returns the load weights. */
function addLvNetwork(context: ZoneContext, zoneId: string, mvBus: readonly string[]): LoadWeight[] {
  const { parts, options, random } = context;
  const id = (suffix: string) => `${zoneId}-${suffix}`;
  const weights: LoadWeight[] = [];
  const counter = { home: 0, hp: 0, wh: 0, pv: 0, battery: 0, ev: 0 };
  const next = (kind: keyof typeof counter) => id(`${kind}-${++counter[kind]}`);
  let feeder = 0;
  mvBus.forEach((mv, s) => {
    const busbar = parts.addBus(id(`ss${s + 1}`), zoneId, LV_KV, { name: `secondary substation ${s + 1}` });
    parts.addTransformer(id(`t${s + 1}`), mv, busbar, TRANSFORMER_TYPES.mvLv630, MV_LV_TAP);
    for (let f = 0; f < options.lvFeedersPerSubstation; f++) {
      feeder++;
      // Most streets have modern 150 mm2 cables; some 120 mm2; one in eight an old 50 mm2 cable.
      const draw = random.next();
      const type = draw < 0.125 ? LINE_TYPES.lv50 : draw < 0.35 ? LINE_TYPES.lv120 : LINE_TYPES.lv150;
      // Old cables serve shorter, lighter streets (fewer households per bus).
      const old = type === LINE_TYPES.lv50;
      const spanKm = old ? [0.06, 0.14] : [0.06, 0.15];
      let from = busbar;
      for (let b = 1; b <= options.lvBusesPerFeeder; b++) {
        const bus = parts.addBus(id(`lv${feeder}-b${b}`), zoneId, LV_KV);
        parts.addLine(id(`lv${feeder}-l${b}`), from, bus, type, random.uniform(spanKm[0], spanKm[1]), LV_KV);
        from = bus;
        const weight = random.uniform(0.7, 1.3) * (old ? 0.45 : 1);
        weights.push({ index: parts.loads.length, weight });
        parts.loads.push({
          id: next('home'),
          name: 'households',
          busId: bus,
          pMw: weight,
          priority: 'essential',
        });
        if (random.next() < 0.5) {
          weights.push({ index: parts.loads.length, weight: 0.25 * weight });
          parts.loads.push({ id: next('hp'), name: 'heat pumps', busId: bus, pMw: 0, priority: 'flexible' });
        }
        if (random.next() < 0.3) {
          weights.push({ index: parts.loads.length, weight: 0.15 * weight });
          parts.loads.push({
            id: next('wh'),
            name: 'water heaters',
            busId: bus,
            pMw: 0,
            priority: 'flexible',
          });
        }
        for (let n = random.integer(0, 2 * options.pvPerLvBus); n > 0; n--) {
          const capacityMw = round3(random.uniform(4, 12)) / 1000;
          parts.pv.push({ id: next('pv'), name: 'rooftop PV', busId: bus, capacityMw, pMw: 0 });
        }
        for (let n = random.integer(0, 2 * options.homeBatteriesPerLvBus); n > 0; n--) {
          const model = random.pick(HOME_BATTERIES);
          parts.storage.push({
            id: next('battery'),
            name: 'home battery',
            busId: bus,
            energyCapacityMwh: model.energyMwh,
            energyMwh: model.energyMwh / 2,
            socMinFraction: 0.1,
            pChargeMaxMw: model.pMw,
            pDischargeMaxMw: model.pMw,
          });
        }
        for (let n = random.integer(0, 2 * options.evChargersPerLvBus); n > 0; n--) {
          const pMaxMw = random.pick(EV_CHARGER_MW);
          parts.evChargers.push({ id: next('ev'), name: 'home EV charger', busId: bus, pMaxMw, pMw: 0 });
        }
      }
    }
  });
  return weights;
}

/** Critical customer with its own transformer: a hospital in odd zones, water pumping in even ones. */
function addCriticalLoad(context: ZoneContext, k: number, mvBus: readonly string[]): void {
  const { parts, options, random } = context;
  const hospital = k % 2 === 1;
  const name = hospital ? 'hospital' : 'water-pumping';
  const zoneId = `z${k}`;
  const bus = parts.addBus(`${zoneId}-${name}-lv`, zoneId, LV_KV, { name: `${name} substation` });
  const mv = mvBus[random.integer(0, mvBus.length - 1)];
  const type = hospital ? TRANSFORMER_TYPES.mvLv630 : TRANSFORMER_TYPES.mvLv400;
  parts.addTransformer(`${zoneId}-t-${name}`, mv, bus, type, MV_LV_TAP);
  const pMw = round3((hospital ? 0.09 : 0.06) * options.zonePeakMw);
  const qMvar = round3(pMw * (hospital ? TAN_PHI.hospital : TAN_PHI.pumps));
  parts.loads.push({ id: `${zoneId}-${name}`, name, busId: bus, pMw, qMvar, priority: 'critical' });
}

/** Scales the street loads (weights in `pMw` so far) so that the zone's loads add up to its peak. */
function scaleLoads(context: ZoneContext, zoneId: string, weights: readonly LoadWeight[]): void {
  const { parts, options } = context;
  const critical = parts.loads
    .filter((l) => l.priority === 'critical' && l.id.startsWith(`${zoneId}-`))
    .reduce((sum, l) => sum + l.pMw, 0);
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  const scale = (options.zonePeakMw - critical) / total;
  for (const { index, weight } of weights) {
    const load = parts.loads[index];
    const pMw = round6(weight * scale);
    const tanPhi =
      load.priority === 'essential'
        ? TAN_PHI.household
        : load.id.includes('-hp-')
          ? TAN_PHI.heatPump
          : TAN_PHI.waterHeater;
    parts.loads[index] = { ...load, pMw, qMvar: round6(pMw * tanPhi) };
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
