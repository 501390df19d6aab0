/**
 * The readable `pf` output: convergence, iterations, losses, islands, the worst voltages and the
 * most loaded branches, and where the time went.
 */
import type { Grid } from '../../core/grid/index.ts';
import type { PowerFlowResult } from '../../core/powerflow/index.ts';

const fmt = (x: number, digits = 3) => x.toFixed(digits);

export function formatPowerFlowSummary(
  grid: Grid,
  result: PowerFlowResult,
  timingMs: { parse: number; compile: number; solve: number },
  top = 5,
): string {
  const lines: string[] = [];
  const model = result.model === 'ac' ? 'AC Newton-Raphson' : 'DC';
  const counts = `${grid.buses.length} buses, ${grid.branches.length} branches, ${grid.generators.length} generators`;
  lines.push(`${grid.name}: ${counts}`);
  const iterations = result.model === 'ac' ? ` in ${result.iterations} iterations` : '';
  lines.push(
    `${model} power flow: ${result.status}${iterations}` +
      (result.model === 'ac' ? ` (max mismatch ${result.maxMismatchPu.toExponential(2)} p.u.)` : ''),
  );
  const { islands } = result;
  lines.push(
    `islands: ${islands.count} (${islands.energised} energised), de-energised buses: ${islands.deEnergisedBuses}`,
  );
  if (result.model === 'ac') {
    lines.push(`losses: ${fmt(result.losses.pMw)} MW, ${fmt(result.losses.qMvar)} MVAr (series)`);
  }
  let pGen = 0;
  for (const p of result.generators.pMw) pGen += p;
  lines.push(`generation: ${fmt(pGen, 2)} MW`);

  const live: number[] = [];
  for (let i = 0; i < grid.buses.length; i++) if (result.buses.energised[i]) live.push(i);
  if (result.model === 'ac' && live.length > 0) {
    const byVm = [...live].sort((a, b) => result.buses.vmPu[a] - result.buses.vmPu[b]);
    const show = (i: number) => {
      const bus = grid.buses[i];
      const flag =
        result.buses.vmPu[i] < bus.vmMinPu
          ? ' below min'
          : result.buses.vmPu[i] > bus.vmMaxPu
            ? ' above max'
            : '';
      return `  bus ${bus.id.padEnd(8)} ${fmt(result.buses.vmPu[i], 4)} p.u. ${fmt(result.buses.vaDeg[i], 2).padStart(8)} deg${flag}`;
    };
    lines.push(`lowest voltages:`);
    for (const i of byVm.slice(0, top)) lines.push(show(i));
    lines.push(`highest voltages:`);
    for (const i of byVm.slice(-top).reverse()) lines.push(show(i));
  }
  const rated: number[] = [];
  result.branches.loadingPercent.forEach((x, k) => {
    if (!Number.isNaN(x)) rated.push(k);
  });
  if (rated.length > 0) {
    rated.sort((a, b) => result.branches.loadingPercent[b] - result.branches.loadingPercent[a]);
    lines.push(`most loaded branches (of ${rated.length} with a rating):`);
    for (const k of rated.slice(0, top)) {
      const br = grid.branches[k];
      lines.push(
        `  ${br.id.padEnd(14)} ${br.fromBusId} -> ${br.toBusId}  ${fmt(result.branches.loadingPercent[k], 1).padStart(6)} %` +
          `  (${fmt(result.branches.pFromMw[k], 1)} MW)`,
      );
    }
  }
  lines.push(
    `time: parse ${fmt(timingMs.parse, 1)} ms, compile ${fmt(timingMs.compile, 1)} ms, solve ${fmt(timingMs.solve, 1)} ms`,
  );
  return `${lines.join('\n')}\n`;
}
