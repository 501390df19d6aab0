/**
 * A city district grid generated deterministically from a seed: the flagship network of the
 * closed-loop simulator (with the defaults: 6 neighbourhoods, 549 buses, 2,090 DERs).
 *
 * - Upstream: the 110 kV side of a 110/20 kV substation (`sub-hv`) is the slack bus; its generator
 *   `upstream-grid` stands for the import connection (it may also export). A distant coal plant
 *   (`central-plant`, high CO2 intensity) feeds `sub-hv` over a long 110 kV overhead line
 *   (`plant-line`, 149-AL1/24-ST1A, 0.194 + j0.41 ohm/km, default 45 km: about 1.4 % of its output
 *   is lost on the way at 20 MW). The 40 MVA transformer(s) `sub-t<n>` (u_k 16.2 %, one per
 *   26 MW of peak) with the on-load tap at 0.97 (MV busbar 1.01 p.u. at peak) feed `sub-mv`.
 * - Per neighbourhood `z<k>` (zone kind `neighbourhood`, one MV feeder): breaker `z<k>-cb`, then
 *   sections of 0.4-1.0 km of 20 kV cable (NA2XS2Y 1x185, every third zone the older 1x95), each
 *   ending at a ring-main bus `z<k>-mv<j>` with a 630 kVA MV/LV transformer `z<k>-t<j>` (u_k 6 %,
 *   neutral tap) and a closed, remotely operable sectionalising switch `z<k>-sw<j>` to the
 *   next section; so a faulted cable `z<k>-mv-l<j>` is isolated by opening the switches on both
 *   sides of its section (`z<k>-sw<j-1>` or the breaker, and `z<k>-sw<j>`).
 * - LV: per substation busbar `z<k>-ss<j>`, radial street feeders `z<k>-lv<f>-b<b>` of NAYY cables
 *   (4x150 mostly, some 4x120, one in eight an old 4x50 with spans of 30-90 m). Each street bus
 *   carries an aggregate of about 20 households (`essential`), often heat pumps or water heaters
 *   (`flexible`), rooftop PV of 4-12 kW, home batteries and 3.7-11 kW home chargers. A hospital
 *   (odd zones) or water pumping (even zones) is `critical` behind its own transformer. A community
 *   battery (0.28 x zone peak MW, 2 h) sits on the middle MV bus; zones 1 and 4 have a small CHP on
 *   an MV bus (`pq`, off: a simulator makes its bus the reference when the district islands).
 * - Ties: normally-open, remotely operable switches `tie-z<k>-z<k+1>` join the ends of adjacent
 *   feeders (the zones form a ring), for re-supply after a fault.
 * - Limits: +-5 % at HV and MV, +-10 % at LV (EN 50160). Ratings are the thermal limits of the
 *   cable and transformer types (see `equipment-types.ts` for the types and the per-unit
 *   conversion on the 10 MVA system base).
 *
 * Operating point as built: the evening peak without coordination. Loads at their peak (each zone's
 * loads add up to `zonePeakMw`), PV, batteries, CHPs and chargers at 0, the plant at 40 % of the
 * district peak (at least its minimum of 20 % of capacity), the upstream connection supplying the rest. With the defaults the AC power flow
 * gives 0.908-1.020 p.u. and 0.92 MW of losses (5 % of 18 MW): the weakest LV street ends sit
 * within 2 % of their 0.9 limit and a few street cables and transformers at 95-108 % of rating;
 * chargers drawing on top of that push several ends below 0.9 p.u. (see the test).
 */
import { createSeededRandom } from '../math/index.ts';
import { addDistrictZone } from './build-district-zone.ts';
import { type DistrictOptionsInput, districtOptionsSchema } from './district-options.ts';
import { LINE_TYPES, TRANSFORMER_TYPES } from './equipment-types.ts';
import { GridParts } from './grid-parts.ts';
import type { Grid } from './grid-schema.ts';

const BASE_MVA = 10;
const FREQUENCY_HZ = 50;
const HV_KV = 110;
/** On-load tap of the 110/20 kV transformers (from side): 0.97 raises the MV side by about 3 %. */
const HV_MV_TAP = 0.97;

/** Builds the district grid for `input` (defaults filled by `districtOptionsSchema`). */
export function buildDistrictGrid(input: DistrictOptionsInput = {}): Grid {
  const parsed = districtOptionsSchema.parse(input);
  const streetBuses = parsed.sectionsPerFeeder * parsed.lvFeedersPerSubstation * parsed.lvBusesPerFeeder;
  const options = {
    ...parsed,
    zonePeakMw: parsed.zonePeakMw ?? Math.round(((3 * streetBuses) / 72) * 1000) / 1000,
  };
  const random = createSeededRandom(options.seed);
  const parts = new GridParts(BASE_MVA, FREQUENCY_HZ);
  const districtPeakMw = options.zoneCount * options.zonePeakMw;
  const plantMinMw = Math.round(0.2 * options.plantCapacityMw);

  parts.zones.push(
    { id: 'transmission', name: '110 kV transmission', kind: 'area' },
    { id: 'substation', name: '110/20 kV substation', kind: 'substation' },
  );
  parts.addBus('sub-hv', 'substation', HV_KV, { name: 'substation 110 kV', type: 'slack', vmPu: 1.01 });
  parts.addBus('sub-mv', 'substation', 20, { name: 'substation 20 kV busbar' });
  parts.addBus('plant', 'transmission', HV_KV, { name: 'central plant 110 kV', type: 'pv', vmPu: 1.02 });
  parts.generators.push(
    {
      id: 'upstream-grid',
      name: 'upstream grid connection',
      busId: 'sub-hv',
      pMw: 0,
      pMinMw: -2 * districtPeakMw,
      pMaxMw: 2 * districtPeakMw,
      vSetPu: 1.01,
      cost: { model: 'polynomial', coefficients: [0, 80] },
      co2TPerMwh: 0.3,
    },
    {
      id: 'central-plant',
      name: 'central coal plant',
      busId: 'plant',
      pMw: Math.min(options.plantCapacityMw, Math.max(plantMinMw, Math.round(0.4 * districtPeakMw))),
      pMinMw: plantMinMw,
      pMaxMw: options.plantCapacityMw,
      qMinMvar: -0.4 * options.plantCapacityMw,
      qMaxMvar: 0.5 * options.plantCapacityMw,
      vSetPu: 1.02,
      rampMwPerMin: 0.015 * options.plantCapacityMw,
      cost: { model: 'polynomial', coefficients: [150, 48, 0.35] },
      fuel: 'coal',
      co2TPerMwh: 0.95,
    },
  );
  parts.addLine('plant-line', 'plant', 'sub-hv', LINE_TYPES.hv149, options.plantDistanceKm, HV_KV);
  const transformerCount = Math.max(1, Math.ceil((1.5 * districtPeakMw) / TRANSFORMER_TYPES.hvMv40.ratedMva));
  for (let t = 1; t <= transformerCount; t++) {
    parts.addTransformer(`sub-t${t}`, 'sub-hv', 'sub-mv', TRANSFORMER_TYPES.hvMv40, HV_MV_TAP);
  }

  const feederEnds: string[] = [];
  for (let k = 1; k <= options.zoneCount; k++) {
    feederEnds.push(addDistrictZone({ parts, options, random, substationBusId: 'sub-mv' }, k));
  }
  const tieCount = options.zoneCount < 3 ? options.zoneCount - 1 : options.zoneCount;
  for (let k = 1; k <= tieCount; k++) {
    const other = (k % options.zoneCount) + 1;
    parts.switches.push({
      id: `tie-z${k}-z${other}`,
      name: `normally-open tie between feeders ${k} and ${other}`,
      fromBusId: feederEnds[k - 1],
      toBusId: feederEnds[other - 1],
      closed: false,
      normallyOpen: true,
      remotelyOperable: true,
    });
  }

  const description =
    `City district of ${options.zoneCount} neighbourhoods on 20 kV feeders behind a 110/20 kV substation, ` +
    `a coal plant ${options.plantDistanceKm} km away, LV street feeders with households, heat pumps, ` +
    `rooftop PV, home batteries and EV chargers (generated by buildDistrictGrid, seed ${options.seed}). ` +
    `Per unit on a ${BASE_MVA} MVA base.`;
  return parts.toGrid(options.name, description);
}
