/**
 * Sharing an aggregate's set-point among its members: each member takes a share in proportion to
 * what it can still give (its headroom), so every member reaches its limit at the same time and the
 * members together deliver the set-point whenever their headrooms allow, all of them when not.
 */

/**
 * Splits `totalMw` (>= 0) over members with the given headrooms (>= 0, MW), in proportion to headroom:
 * no member exceeds its own, and together they give min(total, sum of headrooms).
 */
export function shareByHeadroom(headroomMw: readonly number[], totalMw: number): Float64Array {
  const room = headroomMw.reduce((sum, h) => sum + Math.max(0, h), 0);
  const factor = room > 0 ? Math.min(1, Math.max(0, totalMw) / room) : 0;
  return Float64Array.from(headroomMw, (h) => Math.max(0, h) * factor);
}

export interface StorageMember {
  readonly id: string;
  readonly energyMwh: number;
  readonly energyCapacityMwh: number;
  readonly socMinFraction: number;
  readonly socMaxFraction: number;
  readonly pChargeMaxMw: number;
  readonly pDischargeMaxMw: number;
  readonly chargeEfficiency: number;
  readonly dischargeEfficiency: number;
}

/** How far each battery can discharge (> 0) or charge over `hours` without leaving its limits, MW. */
export function storageHeadroomMw(
  s: StorageMember,
  hours: number,
): { dischargeMw: number; chargeMw: number } {
  const above = Math.max(0, s.energyMwh - s.socMinFraction * s.energyCapacityMwh);
  const below = Math.max(0, s.socMaxFraction * s.energyCapacityMwh - s.energyMwh);
  return {
    dischargeMw: Math.min(s.pDischargeMaxMw, (above * s.dischargeEfficiency) / hours),
    chargeMw: Math.min(s.pChargeMaxMw, below / s.chargeEfficiency / hours),
  };
}

/** A battery fleet's set-point (> 0 discharge, < 0 charge) shared by headroom; MW per member. */
export function shareStorageSetPoint(
  members: readonly StorageMember[],
  totalMw: number,
  hours: number,
): Float64Array {
  const rooms = members.map((m) => storageHeadroomMw(m, hours));
  if (totalMw >= 0)
    return shareByHeadroom(
      rooms.map((r) => r.dischargeMw),
      totalMw,
    );
  return shareByHeadroom(
    rooms.map((r) => r.chargeMw),
    -totalMw,
  ).map((v) => -v);
}
