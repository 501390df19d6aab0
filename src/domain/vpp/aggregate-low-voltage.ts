/**
 * A virtual power plant per low-voltage network: every LV network (buses below `lowVoltageKv`
 * joined by lines and closed switches) collapses onto its root, the LV bus of the transformer that
 * feeds it; its loads become one load per priority class, its batteries one battery (energies and
 * powers summed, efficiencies capacity-weighted), its PV one PV, its chargers one charger. The
 * result is a small grid for planning (the dispatch sees each LV network as one node, as an
 * aggregator sees its fleet as one plant), with the members of every aggregate for sharing the
 * plan's set-points back out (share-set-point.ts). Elements on MV and HV buses are kept as they are.
 */
import type { Grid, LoadPriority } from '../../core/grid/index.ts';

export interface AggregatedGrid {
  readonly grid: Grid;
  /** Bus of the aggregated grid for every bus id of the full grid. */
  readonly nodeOfBus: ReadonlyMap<string, string>;
  /** Members of each aggregated element (ids of the full grid), by the aggregate's id. */
  readonly members: {
    readonly loads: ReadonlyMap<string, readonly string[]>;
    readonly storage: ReadonlyMap<string, readonly string[]>;
    readonly pv: ReadonlyMap<string, readonly string[]>;
    readonly evChargers: ReadonlyMap<string, readonly string[]>;
  };
  /** Aggregate of every member element id. */
  readonly aggregateOf: ReadonlyMap<string, string>;
}

export function aggregateLowVoltage(grid: Grid, lowVoltageKv = 1): AggregatedGrid {
  const kvOf = new Map(grid.buses.map((b) => [b.id, b.baseKv]));
  const isLv = (id: string) => (kvOf.get(id) ?? 0) < lowVoltageKv;
  // union-find over LV buses joined by lines and closed switches
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(id, r);
    return r;
  };
  for (const b of grid.buses) if (isLv(b.id)) parent.set(b.id, b.id);
  const join = (a: string, b: string) => {
    if (isLv(a) && isLv(b)) parent.set(find(a), find(b));
  };
  for (const br of grid.branches) if (br.inService && br.kind === 'line') join(br.fromBusId, br.toBusId);
  for (const s of grid.switches) if (s.closed) join(s.fromBusId, s.toBusId);
  // the root of each LV network: the LV end of a transformer from a higher voltage
  const rootOfSet = new Map<string, string>();
  for (const br of grid.branches) {
    if (!br.inService || br.kind !== 'transformer') continue;
    for (const [lv, hv] of [
      [br.toBusId, br.fromBusId],
      [br.fromBusId, br.toBusId],
    ]) {
      if (isLv(lv) && !isLv(hv) && !rootOfSet.has(find(lv))) rootOfSet.set(find(lv), lv);
    }
  }
  const nodeOfBus = new Map<string, string>();
  for (const b of grid.buses) nodeOfBus.set(b.id, isLv(b.id) ? (rootOfSet.get(find(b.id)) ?? b.id) : b.id);
  const node = (busId: string) => nodeOfBus.get(busId) ?? busId;
  const kept = new Set(nodeOfBus.values());

  const members = {
    loads: new Map<string, string[]>(),
    storage: new Map<string, string[]>(),
    pv: new Map<string, string[]>(),
    evChargers: new Map<string, string[]>(),
  };
  const aggregateOf = new Map<string, string>();
  const note = (map: Map<string, string[]>, aggId: string, id: string) => {
    const list = map.get(aggId) ?? [];
    list.push(id);
    map.set(aggId, list);
    aggregateOf.set(id, aggId);
  };
  const lvElement = isLv;

  const loads = new Map<string, Grid['loads'][number]>();
  for (const l of grid.loads) {
    if (!l.inService) continue;
    if (!lvElement(l.busId)) {
      loads.set(l.id, l);
      note(members.loads, l.id, l.id);
      continue;
    }
    const id = `${node(l.busId)}:load:${l.priority}`;
    const prev = loads.get(id);
    loads.set(id, {
      ...l,
      id,
      name: `${l.priority} load of LV network ${node(l.busId)}`,
      busId: node(l.busId),
      pMw: (prev?.pMw ?? 0) + l.pMw,
      qMvar: (prev?.qMvar ?? 0) + l.qMvar,
      priority: l.priority as LoadPriority,
    });
    note(members.loads, id, l.id);
  }
  const storage = new Map<string, Grid['storage'][number]>();
  for (const s of grid.storage) {
    if (!s.inService) continue;
    const id = lvElement(s.busId) ? `${node(s.busId)}:storage` : s.id;
    const prev = storage.get(id);
    if (!prev) storage.set(id, { ...s, id, busId: node(s.busId) });
    else {
      const cap = prev.energyCapacityMwh + s.energyCapacityMwh;
      const w = (a: number, b: number) => (a * prev.energyCapacityMwh + b * s.energyCapacityMwh) / cap;
      storage.set(id, {
        ...prev,
        energyCapacityMwh: cap,
        energyMwh: prev.energyMwh + s.energyMwh,
        socMinFraction: w(prev.socMinFraction, s.socMinFraction),
        socMaxFraction: w(prev.socMaxFraction, s.socMaxFraction),
        pChargeMaxMw: prev.pChargeMaxMw + s.pChargeMaxMw,
        pDischargeMaxMw: prev.pDischargeMaxMw + s.pDischargeMaxMw,
        chargeEfficiency: w(prev.chargeEfficiency, s.chargeEfficiency),
        dischargeEfficiency: w(prev.dischargeEfficiency, s.dischargeEfficiency),
        pMw: prev.pMw + s.pMw,
        qMvar: prev.qMvar + s.qMvar,
      });
    }
    note(members.storage, id, s.id);
  }
  const pv = new Map<string, Grid['pv'][number]>();
  for (const p of grid.pv) {
    if (!p.inService) continue;
    const id = lvElement(p.busId) ? `${node(p.busId)}:pv` : p.id;
    const prev = pv.get(id);
    pv.set(
      id,
      prev
        ? {
            ...prev,
            capacityMw: prev.capacityMw + p.capacityMw,
            pMw: prev.pMw + p.pMw,
            qMvar: prev.qMvar + p.qMvar,
          }
        : { ...p, id, busId: node(p.busId) },
    );
    note(members.pv, id, p.id);
  }
  const chargers = new Map<string, Grid['evChargers'][number]>();
  for (const c of grid.evChargers) {
    if (!c.inService) continue;
    const id = lvElement(c.busId) ? `${node(c.busId)}:ev` : c.id;
    const prev = chargers.get(id);
    chargers.set(
      id,
      prev
        ? {
            ...prev,
            pMaxMw: prev.pMaxMw + c.pMaxMw,
            pMw: prev.pMw + c.pMw,
            connectors: prev.connectors + c.connectors,
          }
        : { ...c, id, busId: node(c.busId) },
    );
    note(members.evChargers, id, c.id);
  }
  const reduced: Grid = {
    ...grid,
    name: `${grid.name} (LV networks aggregated)`,
    buses: grid.buses.filter((b) => kept.has(b.id)),
    branches: grid.branches.filter((b) => kept.has(b.fromBusId) && kept.has(b.toBusId)),
    switches: grid.switches.filter((s) => kept.has(s.fromBusId) && kept.has(s.toBusId)),
    generators: grid.generators.map((g) => ({ ...g, busId: node(g.busId) })),
    shunts: grid.shunts.map((s) => ({ ...s, busId: node(s.busId) })),
    loads: [...loads.values()],
    storage: [...storage.values()],
    pv: [...pv.values()],
    evChargers: [...chargers.values()],
  };
  return { grid: reduced, nodeOfBus, members, aggregateOf };
}
