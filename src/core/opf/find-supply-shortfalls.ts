/**
 * The plainest reason an OPF has no solution, in words: per energised island, demand above the
 * sum of its generators' maxima, or their minima above demand. Empty when every island could balance.
 */
import type { Grid } from '../grid/index.ts';
import { BUS_KIND, type PowerFlowNetwork } from '../powerflow/index.ts';

/** `demandMw` per electrical bus (loads minus fixed DER output). */
export function findSupplyShortfalls(grid: Grid, net: PowerFlowNetwork, demandMw: Float64Array): string[] {
  const reasons: string[] = [];
  for (let island = 0; island < net.nIslands; island++) {
    let demand = 0;
    let pMax = 0;
    let pMin = 0;
    let firstBus = -1;
    for (let i = 0; i < net.nBus; i++) {
      if (net.islandOfBus[i] !== island || net.kind[i] === BUS_KIND.dead) continue;
      if (firstBus < 0) firstBus = i;
      demand += demandMw[i];
    }
    if (firstBus < 0) continue;
    grid.generators.forEach((gen, g) => {
      if (net.genBus[g] >= 0 && net.islandOfBus[net.genBus[g]] === island) {
        pMax += gen.pMaxMw ?? Number.POSITIVE_INFINITY;
        pMin += gen.pMinMw;
      }
    });
    const where = `the island of bus ${grid.buses[net.gridBusOfBus[firstBus]].id}`;
    if (demand > pMax + 1e-6) {
      reasons.push(
        `in ${where}, demand ${demand.toFixed(1)} MW exceeds the generators' maximum ${pMax.toFixed(1)} MW`,
      );
    } else if (demand < pMin - 1e-6) {
      reasons.push(
        `in ${where}, the generators' minimum ${pMin.toFixed(1)} MW exceeds demand ${demand.toFixed(1)} MW`,
      );
    }
  }
  return reasons;
}
