/**
 * What a power flow returns: new data in grid order (the grid is never written to), with a status
 * instead of exceptions. Units are in the names; angles in degrees.
 */

export type PowerFlowStatus =
  | 'converged'
  | 'max-iterations'
  | 'singular'
  | 'diverged'
  | 'q-limits-infeasible';

export interface BusResults {
  readonly id: readonly string[];
  readonly vmPu: Float64Array;
  readonly vaDeg: Float64Array;
  /** Net injection into the network at the electrical bus (reported on its first grid bus). */
  readonly pInjMw: Float64Array;
  readonly qInjMvar: Float64Array;
  /** 1 when the bus is in an island held by a generator, 0 when de-energised or out of service. */
  readonly energised: Uint8Array;
}

export interface GeneratorResults {
  readonly id: readonly string[];
  readonly pMw: Float64Array;
  readonly qMvar: Float64Array;
  /** 1 for generators held at a reactive limit by Q-limit enforcement. */
  readonly atQLimit: Uint8Array;
}

export interface BranchResults {
  readonly id: readonly string[];
  /** Power flowing into the branch at the from end and at the to end. */
  readonly pFromMw: Float64Array;
  readonly qFromMvar: Float64Array;
  readonly pToMw: Float64Array;
  readonly qToMvar: Float64Array;
  /** Series losses |I|^2 r and |I|^2 x (AC), zero in DC. */
  readonly pLossMw: Float64Array;
  readonly qLossMvar: Float64Array;
  /** max(|S_from|, |S_to|) / rateA in percent; NaN where there is no rating. */
  readonly loadingPercent: Float64Array;
}

export interface PowerFlowResult {
  readonly model: 'ac' | 'dc';
  readonly status: PowerFlowStatus;
  /** Why the calculation could not be done, when the status alone does not say. */
  readonly message?: string;
  readonly iterations: number;
  readonly maxMismatchPu: number;
  readonly baseMva: number;
  readonly buses: BusResults;
  readonly generators: GeneratorResults;
  readonly branches: BranchResults;
  readonly losses: {
    /** Sum over branches of pFrom + pTo. */
    readonly pMw: number;
    /** Sum of series reactive losses |I|^2 x (what MATPOWER reports). */
    readonly qMvar: number;
    /** Reactive power produced by line charging. */
    readonly qChargingMvar: number;
  };
  readonly islands: {
    readonly count: number;
    readonly energised: number;
    readonly deEnergisedBuses: number;
  };
}
