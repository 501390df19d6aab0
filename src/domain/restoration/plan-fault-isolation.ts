/**
 * Fault location, isolation and service restoration (FLISR) on the switch graph of a grid. When a
 * branch faults, the protection opens the first switch on the path from the source (the feeder's
 * breaker) and everything behind it goes dark. The plan then isolates the faulted section (the buses
 * joined to the faulted branch by branches and switches that cannot be operated) by opening every
 * operable switch around it, recloses the breaker unless it bounds the section itself, and lists, for
 * each healthy part still dark, the normally-open tie switches that would re-supply it from an
 * energised feeder. Whether a tie may close is the power flow's call (the controller checks limits).
 */
import type { Grid } from '../../core/grid/index.ts';

export interface FaultIsolationPlan {
  readonly faultedBranchId: string;
  /** The switch the protection opens (undefined when no switch lies between source and fault). */
  readonly breakerSwitchId?: string;
  /** Buses dark after the trip, before any switching. */
  readonly trippedBusIds: readonly string[];
  /** Operable switches to open around the faulted section, and the section's buses (dark until repair). */
  readonly isolateSwitchIds: readonly string[];
  readonly sectionBusIds: readonly string[];
  /** Whether the breaker closes again after isolation. */
  readonly recloseBreaker: boolean;
  /** Healthy parts still dark after isolation, each with the tie switches that could re-supply it. */
  readonly darkParts: readonly {
    readonly busIds: readonly string[];
    readonly tieSwitchIds: readonly string[];
  }[];
}

export interface FaultIsolationOptions {
  /** Only remotely operable switches may be used (automatic FLISR); false: any switch (field crews). */
  readonly remoteOnly: boolean;
  /** Bus ids that supply the grid (default: slack buses). */
  readonly sourceBusIds?: readonly string[];
}

interface Edge {
  readonly to: string;
  readonly switchId?: string;
  readonly faulted?: boolean;
}

export function planFaultIsolation(
  grid: Grid,
  faultedBranchId: string,
  options: FaultIsolationOptions,
): FaultIsolationPlan | { error: string } {
  const faulted = grid.branches.find((b) => b.id === faultedBranchId);
  if (!faulted) return { error: `no branch "${faultedBranchId}"` };
  const switches = new Map(grid.switches.map((s) => [s.id, s]));
  const sources = options.sourceBusIds ?? grid.buses.filter((b) => b.type === 'slack').map((b) => b.id);
  const operable = (id: string) => {
    const s = switches.get(id);
    return s !== undefined && (!options.remoteOnly || s.remotelyOperable);
  };
  const adjacency = new Map<string, Edge[]>();
  const link = (a: string, b: string, switchId?: string, isFaulted = false) => {
    adjacency.set(a, [...(adjacency.get(a) ?? []), { to: b, switchId, faulted: isFaulted }]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), { to: a, switchId, faulted: isFaulted }]);
  };
  for (const b of grid.branches)
    if (b.inService) link(b.fromBusId, b.toBusId, undefined, b.id === faultedBranchId);
  for (const s of grid.switches) link(s.fromBusId, s.toBusId, s.id);

  /** Buses reached from `starts` over branches and the switches `passable` lets through; parent switch path kept. */
  const reach = (
    starts: readonly string[],
    passable: (switchId: string) => boolean,
    throughFault = false,
  ) => {
    // bus -> the first switch on the (breadth-first) path that reached it
    const firstSwitch = new Map<string, string | undefined>();
    const queue = [...starts];
    for (const s of starts) firstSwitch.set(s, undefined);
    while (queue.length > 0) {
      const bus = queue.shift() as string;
      for (const e of adjacency.get(bus) ?? []) {
        if (firstSwitch.has(e.to) || (e.faulted && !throughFault)) continue;
        if (e.switchId !== undefined && !passable(e.switchId)) continue;
        firstSwitch.set(e.to, firstSwitch.get(bus) ?? e.switchId);
        queue.push(e.to);
      }
    }
    return firstSwitch;
  };
  const closed = (id: string) => switches.get(id)?.closed === true;
  // before the fault: the first switch on the path from a source to the faulted branch is the breaker
  const before = reach(sources, closed, true);
  // the end the supply reaches first without crossing the fault (breadth-first order) is upstream
  const toFault = reach(sources, closed);
  const order = [...toFault.keys()];
  const ends = [faulted.fromBusId, faulted.toBusId].filter((b) => toFault.has(b));
  if (ends.length === 0) return { error: `branch "${faultedBranchId}" is not energised` };
  const upstream = ends.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
  const breakerSwitchId = toFault.get(upstream);
  const afterTrip = reach(sources, (id) => closed(id) && id !== breakerSwitchId);
  const trippedBusIds = [...before.keys()].filter((b) => !afterTrip.has(b));

  // the faulted section: joined to the fault by branches and switches that cannot be operated
  const section = reach([faulted.fromBusId, faulted.toBusId], (id) => closed(id) && !operable(id), true);
  const isolate = new Set<string>();
  for (const bus of section.keys()) {
    for (const e of adjacency.get(bus) ?? []) {
      if (e.switchId !== undefined && !section.has(e.to) && closed(e.switchId) && operable(e.switchId))
        isolate.add(e.switchId);
    }
  }
  const recloseBreaker = breakerSwitchId !== undefined && !isolate.has(breakerSwitchId);
  const afterIsolation = reach(sources, (id) => closed(id) && !isolate.has(id));
  // healthy dark parts: tripped buses outside the section and not re-energised, grouped by connectivity
  const dark = new Set(trippedBusIds.filter((b) => !section.has(b) && !afterIsolation.has(b)));
  const darkParts: { busIds: string[]; tieSwitchIds: string[] }[] = [];
  const seen = new Set<string>();
  for (const start of dark) {
    if (seen.has(start)) continue;
    const part = [...reach([start], (id) => closed(id) && !isolate.has(id)).keys()].filter((b) =>
      dark.has(b),
    );
    for (const b of part) seen.add(b);
    const ties = new Set<string>();
    for (const bus of part) {
      for (const e of adjacency.get(bus) ?? []) {
        const s = e.switchId !== undefined ? switches.get(e.switchId) : undefined;
        if (s && !s.closed && operable(s.id) && afterIsolation.has(e.to)) ties.add(s.id);
      }
    }
    darkParts.push({ busIds: part, tieSwitchIds: [...ties] });
  }
  return {
    faultedBranchId,
    ...(breakerSwitchId !== undefined ? { breakerSwitchId } : {}),
    trippedBusIds,
    isolateSwitchIds: [...isolate],
    sectionBusIds: [...section.keys()],
    recloseBreaker,
    darkParts,
  };
}

/** The grid with these switches set (true = closed); other switches as they were. */
export function setSwitches(grid: Grid, states: Readonly<Record<string, boolean>>): Grid {
  return {
    ...grid,
    switches: grid.switches.map((s) => (s.id in states ? { ...s, closed: states[s.id] } : s)),
  };
}
