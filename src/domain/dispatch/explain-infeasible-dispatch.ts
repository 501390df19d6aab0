/**
 * Why a dispatch has no solution, in words: shedding and EV shortfall make every demand balanceable,
 * so what remains are limits that contradict each other; each is checked directly and named.
 */
import type { DispatchInput } from './dispatch-input.ts';

const INF = Number.POSITIVE_INFINITY;

/** Why no dispatch exists, in words: the limits that cannot all hold, found by direct checks. */
export function explainInfeasibleDispatch(input: DispatchInput): string {
  const { grid, intervalCount: T, intervalH: dt } = input;
  const reasons: string[] = [];
  for (const s of grid.storage) {
    const lo = s.socMinFraction * s.energyCapacityMwh;
    const hi = s.socMaxFraction * s.energyCapacityMwh;
    const reachLo = s.energyMwh - (s.pDischargeMaxMw * dt) / s.dischargeEfficiency;
    const reachHi = s.energyMwh + s.pChargeMaxMw * dt * s.chargeEfficiency;
    if (s.inService && (reachHi < lo || reachLo > hi)) {
      reasons.push(
        `storage "${s.id}" starts at ${s.energyMwh} MWh and cannot reach its limits ${lo}..${hi} MWh in one interval`,
      );
    }
  }
  for (const g of grid.generators) {
    if (!g.inService || g.rampMwPerMin === undefined) continue;
    const before = input.initialGeneratorMw?.[g.id] ?? g.pMw;
    const ramp = g.rampMwPerMin * 60 * dt;
    if (before - ramp > (g.pMaxMw ?? INF) || before + ramp < g.pMinMw) {
      reasons.push(
        `generator "${g.id}" cannot ramp from ${before} MW into ${g.pMinMw}..${g.pMaxMw} MW in one interval`,
      );
    }
  }
  for (const s of input.shiftableLoads ?? []) {
    const load = grid.loads.find((l) => l.id === s.loadId);
    const profile = input.loadProfiles?.[s.loadId];
    let energy = 0;
    for (let t = s.fromInterval; t < s.toInterval; t++) energy += (profile?.[t] ?? load?.pMw ?? 0) * dt;
    if (energy > s.maxMw * (s.toInterval - s.fromInterval) * dt + 1e-9) {
      reasons.push(
        `shiftable load "${s.loadId}" needs ${energy.toFixed(3)} MWh in its window but can take at most ${(s.maxMw * (s.toInterval - s.fromInterval) * dt).toFixed(3)} MWh`,
      );
    }
  }
  const minGeneration = grid.generators.reduce(
    (sum, g) => sum + (g.inService ? Math.max(0, g.pMinMw) : 0),
    0,
  );
  for (let t = 0; t < T && minGeneration > 0; t++) {
    let absorb = grid.storage.reduce((sum, s) => sum + (s.inService ? s.pChargeMaxMw : 0), 0);
    absorb += (input.importPoints ?? []).reduce((sum, p) => sum + p.maxExportMw, 0);
    absorb += grid.evChargers.reduce((sum, c) => sum + (c.inService ? c.pMaxMw : 0), 0);
    for (const l of grid.loads)
      if (l.inService) absorb += Math.max(0, input.loadProfiles?.[l.id]?.[t] ?? l.pMw);
    if (minGeneration > absorb + 1e-9) {
      reasons.push(
        `in interval ${t}, the generators' minimum output ${minGeneration.toFixed(1)} MW exceeds all that can take power (${absorb.toFixed(1)} MW)`,
      );
      break;
    }
  }
  if (input.allowShedding === false) {
    for (let t = 0; t < T; t++) {
      let demand = 0;
      for (const l of grid.loads)
        if (l.inService) demand += Math.max(0, input.loadProfiles?.[l.id]?.[t] ?? l.pMw);
      let supply = grid.generators.reduce((sum, g) => sum + (g.inService ? (g.pMaxMw ?? INF) : 0), 0);
      supply += grid.storage.reduce((sum, s) => sum + (s.inService ? s.pDischargeMaxMw : 0), 0);
      supply += grid.pv.reduce(
        (sum, p) => sum + (p.inService ? (input.pvProfiles?.[p.id]?.[t] ?? p.pMw) : 0),
        0,
      );
      for (const p of input.importPoints ?? []) supply += p.maxImportMwByInterval?.[t] ?? p.maxImportMw;
      if (demand > supply + 1e-9) {
        reasons.push(
          `in interval ${t}, demand ${demand.toFixed(3)} MW exceeds all supply ${supply.toFixed(3)} MW and shedding is disabled`,
        );
        break;
      }
    }
  }
  if (reasons.length === 0) {
    reasons.push(
      'no single limit explains it: the branch flow limits around buses with fixed injections are the likely cause',
    );
  }
  return reasons.join('; ');
}
