/**
 * Compiles a grid into the solver's own network model: typed arrays over dense electrical bus
 * indices. Closed switches merge buses; out-of-service elements drop out; islands are found and
 * each gets its own reference bus (or is marked de-energised). The grid itself is not changed.
 *
 * Bus kinds follow MATPOWER: a `pv` or `slack` bus acts as such only with an in-service
 * generator; an island whose slack buses have no generator uses its first PV bus instead.
 */
import type { Grid } from '../grid/index.ts';
import { findComponents } from '../topology/index.ts';
import { type BusKind, DEAD, PQ, PV, REF } from './bus-kind.ts';

export interface PowerFlowNetwork {
  readonly baseMva: number;
  /** Electrical buses (grid buses after merging closed switches). */
  readonly nBus: number;
  /** Electrical bus of each grid bus (grid order); -1 if the grid bus is out of service. */
  readonly busOfGridBus: Int32Array;
  /** Grid bus index that represents each electrical bus (its first member). */
  readonly gridBusOfBus: Int32Array;
  readonly kind: Uint8Array;
  /** Island of each electrical bus, and the island count. */
  readonly islandOfBus: Int32Array;
  readonly nIslands: number;
  /** Starting voltages: case values, with generator set-points at PV and reference buses. */
  readonly vmStart: Float64Array;
  readonly vaStartRad: Float64Array;
  /** Fixed injection in p.u. per electrical bus: DER output minus loads (generators apart). */
  readonly pFixedPu: Float64Array;
  readonly qFixedPu: Float64Array;
  /** Shunt admittance in p.u. per electrical bus. */
  readonly gShuntPu: Float64Array;
  readonly bShuntPu: Float64Array;
  /** Generators in grid order: electrical bus (-1 when out of service). */
  readonly genBus: Int32Array;
  /** Branches in grid order: electrical end buses (-1 when the branch is out of service). */
  readonly branchFrom: Int32Array;
  readonly branchTo: Int32Array;
}

/** Compiles `grid` for power flow. Assumes a validated grid (see `validateGrid`). */
export function compileNetwork(grid: Grid): PowerFlowNetwork {
  const nGridBus = grid.buses.length;
  const indexById = new Map<string, number>();
  grid.buses.forEach((bus, i) => {
    indexById.set(bus.id, i);
  });
  const gridBusActive = new Uint8Array(nGridBus);
  grid.buses.forEach((bus, i) => {
    gridBusActive[i] = bus.inService && bus.type !== 'isolated' ? 1 : 0;
  });

  // Merge grid buses joined by closed, in-service switches.
  const swFrom = grid.switches.map((s) => indexById.get(s.fromBusId)!);
  const swTo = grid.switches.map((s) => indexById.get(s.toBusId)!);
  const merged = findComponents(nGridBus, swFrom, swTo, (e) => {
    const s = grid.switches[e];
    return s.inService && s.closed && gridBusActive[swFrom[e]] === 1 && gridBusActive[swTo[e]] === 1;
  });
  const busOfGridBus = new Int32Array(nGridBus).fill(-1);
  const busOfGroup = new Int32Array(merged.count).fill(-1);
  const gridBusOfBusList: number[] = [];
  for (let i = 0; i < nGridBus; i++) {
    if (!gridBusActive[i]) continue;
    const group = merged.componentOf[i];
    if (busOfGroup[group] < 0) {
      busOfGroup[group] = gridBusOfBusList.length;
      gridBusOfBusList.push(i);
    }
    busOfGridBus[i] = busOfGroup[group];
  }
  const nBus = gridBusOfBusList.length;
  const gridBusOfBus = Int32Array.from(gridBusOfBusList);
  const busOf = (id: string) => busOfGridBus[indexById.get(id)!];

  // A branch whose ends were merged by a closed switch stays in, as a self-loop on the merged bus,
  // so that its line charging remains.
  const branchFrom = new Int32Array(grid.branches.length).fill(-1);
  const branchTo = new Int32Array(grid.branches.length).fill(-1);
  grid.branches.forEach((br, k) => {
    const f = busOf(br.fromBusId);
    const t = busOf(br.toBusId);
    if (br.inService && f >= 0 && t >= 0) {
      branchFrom[k] = f;
      branchTo[k] = t;
    }
  });
  const islands = findComponents(nBus, branchFrom, branchTo, (k) => branchFrom[k] >= 0);

  // Effective kind of each grid bus: slack or pv only with an in-service generator at that bus.
  // An electrical bus takes the strongest kind of its members, and its starting voltage from the
  // first member of that kind.
  const gridBusHasGen = new Uint8Array(nGridBus);
  for (const g of grid.generators) {
    const i = indexById.get(g.busId)!;
    if (g.inService && busOfGridBus[i] >= 0) gridBusHasGen[i] = 1;
  }
  const requested = new Uint8Array(nBus);
  const startFrom = Int32Array.from(gridBusOfBus);
  for (let i = 0; i < nGridBus; i++) {
    const b = busOfGridBus[i];
    if (b < 0) continue;
    const type = grid.buses[i].type;
    const k = !gridBusHasGen[i] ? PQ : type === 'slack' ? REF : type === 'pv' ? PV : PQ;
    if (k > requested[b]) {
      requested[b] = k;
      startFrom[b] = i;
    }
  }
  const vmStart = new Float64Array(nBus);
  const vaStartRad = new Float64Array(nBus);
  for (let b = 0; b < nBus; b++) {
    const bus = grid.buses[startFrom[b]];
    vmStart[b] = bus.vmPu;
    vaStartRad[b] = (bus.vaDeg * Math.PI) / 180;
  }

  const base = grid.baseMva;
  const pFixedPu = new Float64Array(nBus);
  const qFixedPu = new Float64Array(nBus);
  const genBus = new Int32Array(grid.generators.length).fill(-1);
  grid.generators.forEach((g, k) => {
    const b = busOf(g.busId);
    if (g.inService && b >= 0) genBus[k] = b;
  });
  const addFixed = (busId: string, pMw: number, qMvar: number) => {
    const b = busOf(busId);
    if (b < 0) return;
    pFixedPu[b] += pMw / base;
    qFixedPu[b] += qMvar / base;
  };
  for (const l of grid.loads) if (l.inService) addFixed(l.busId, -l.pMw, -l.qMvar);
  for (const s of grid.storage) if (s.inService) addFixed(s.busId, s.pMw, s.qMvar);
  for (const p of grid.pv) if (p.inService) addFixed(p.busId, p.pMw, p.qMvar);
  for (const c of grid.evChargers) if (c.inService) addFixed(c.busId, -c.pMw, -c.qMvar);

  const gShuntPu = new Float64Array(nBus);
  const bShuntPu = new Float64Array(nBus);
  for (const s of grid.shunts) {
    const b = busOf(s.busId);
    if (!s.inService || b < 0) continue;
    gShuntPu[b] += s.gMw / base;
    bShuntPu[b] += s.bMvar / base;
  }

  const kind = assignBusKinds(requested, islands.componentOf, islands.count);
  // Generators in de-energised islands do not run.
  for (let k = 0; k < genBus.length; k++) if (genBus[k] >= 0 && kind[genBus[k]] === DEAD) genBus[k] = -1;

  // Generator voltage set-points (the last in-service generator at a bus wins, as in MATPOWER).
  grid.generators.forEach((g, k) => {
    const b = genBus[k];
    if (b >= 0 && (kind[b] === PV || kind[b] === REF)) vmStart[b] = g.vSetPu;
  });

  return {
    baseMva: base,
    nBus,
    busOfGridBus,
    gridBusOfBus,
    kind,
    islandOfBus: islands.componentOf,
    nIslands: islands.count,
    vmStart,
    vaStartRad,
    pFixedPu,
    qFixedPu,
    gShuntPu,
    bShuntPu,
    genBus,
    branchFrom,
    branchTo,
  };
}

/**
 * Per island: buses with an effective slack become REF; if there is none, the first PV bus does;
 * an island with neither is dead (generators at its PQ buses cannot hold its voltage).
 */
function assignBusKinds(requested: Uint8Array, islandOf: Int32Array, nIslands: number): Uint8Array {
  const n = requested.length;
  const kind = new Uint8Array(n);
  const refCount = new Int32Array(nIslands);
  const firstPv = new Int32Array(nIslands).fill(-1);
  for (let b = 0; b < n; b++) {
    const island = islandOf[b];
    let k: BusKind = PQ;
    if (requested[b] === REF) {
      k = REF;
      refCount[island]++;
    } else if (requested[b] === PV) {
      k = PV;
      if (firstPv[island] < 0) firstPv[island] = b;
    }
    kind[b] = k;
  }
  for (let island = 0; island < nIslands; island++) {
    if (refCount[island] === 0 && firstPv[island] >= 0) kind[firstPv[island]] = REF;
  }
  for (let b = 0; b < n; b++) {
    const island = islandOf[b];
    if (refCount[island] === 0 && firstPv[island] < 0) kind[b] = DEAD;
  }
  return kind;
}
