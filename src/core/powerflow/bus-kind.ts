/**
 * Bus kinds as the solvers see them (small integers in typed arrays). A bus is `dead` when it is
 * out of service or sits in an island without any generator to hold its voltage.
 */
export const DEAD = 0;
export const PQ = 1;
export const PV = 2;
export const REF = 3;
export type BusKind = typeof DEAD | typeof PQ | typeof PV | typeof REF;

export const busKindName = ['dead', 'pq', 'pv', 'ref'] as const;

/** The kinds by name, for other modules that read a compiled network's `kind` array. */
export const BUS_KIND = { dead: DEAD, pq: PQ, pv: PV, ref: REF } as const;
