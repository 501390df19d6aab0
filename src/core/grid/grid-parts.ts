/**
 * A growing grid: the element arrays of a grid being generated, with helpers that add buses,
 * lines of a catalogue type and transformers in per unit. `toGrid` fills in the defaults through
 * the grid schema, so a generator cannot return a grid that the format would reject.
 */
import {
  type BranchPu,
  type LineType,
  linePu,
  type TransformerType,
  transformerPu,
} from './equipment-types.ts';
import { type Grid, type GridInput, gridSchema } from './grid-schema.ts';

type Elements<K extends keyof GridInput> = NonNullable<GridInput[K]>;

/** Rounds per-unit values to 9 significant digits so that generated files stay readable. */
const round = (value: number): number => Number(value.toPrecision(9));

export class GridParts {
  readonly baseMva: number;
  readonly frequencyHz: number;
  readonly zones: Elements<'zones'> = [];
  readonly buses: Elements<'buses'> = [];
  readonly branches: Elements<'branches'> = [];
  readonly switches: Elements<'switches'> = [];
  readonly generators: Elements<'generators'> = [];
  readonly loads: Elements<'loads'> = [];
  readonly storage: Elements<'storage'> = [];
  readonly pv: Elements<'pv'> = [];
  readonly evChargers: Elements<'evChargers'> = [];

  constructor(baseMva: number, frequencyHz: number) {
    this.baseMva = baseMva;
    this.frequencyHz = frequencyHz;
  }

  /** Adds a bus with the voltage band of its level (see `voltageBand`). */
  addBus(id: string, zoneId: string, baseKv: number, extra: Partial<Elements<'buses'>[number]> = {}): string {
    this.buses.push({ id, zoneId, baseKv, ...voltageBand(baseKv), ...extra });
    return id;
  }

  /** Adds `lengthKm` of a catalogue line between two buses of level `baseKv`. */
  addLine(id: string, fromBusId: string, toBusId: string, type: LineType, lengthKm: number, baseKv: number) {
    const pu = linePu(type, lengthKm, baseKv, this.baseMva, this.frequencyHz);
    const name = `${type.name}, ${Math.round(lengthKm * 1000) / 1000} km`;
    this.branches.push({ id, name, kind: 'line', fromBusId, toBusId, ...rounded(pu) });
  }

  /** Adds a transformer; `tapRatio` < 1 raises the to-side (lower-voltage) voltage. */
  addTransformer(id: string, fromBusId: string, toBusId: string, type: TransformerType, tapRatio: number) {
    const pu = transformerPu(type, this.baseMva);
    this.branches.push({
      id,
      name: type.name,
      kind: 'transformer',
      fromBusId,
      toBusId,
      ...rounded(pu),
      tapRatio,
    });
  }

  /** The grid with every default filled in (throws on a generator bug, never on user input). */
  toGrid(name: string, description: string): Grid {
    const input: GridInput = {
      format: 'kirchhoff-grid',
      version: 1,
      name,
      description,
      baseMva: this.baseMva,
      frequencyHz: this.frequencyHz,
      zones: this.zones,
      buses: this.buses,
      branches: this.branches,
      switches: this.switches,
      generators: this.generators,
      loads: this.loads,
      storage: this.storage,
      pv: this.pv,
      evChargers: this.evChargers,
    };
    return gridSchema.parse(input);
  }
}

/**
 * Voltage limits by level: +-5 % at HV and MV (the planning band of the feeders), +-10 % at LV
 * (EN 50160 supply voltage at the customer).
 */
export function voltageBand(baseKv: number): { vmMinPu: number; vmMaxPu: number } {
  return baseKv < 1 ? { vmMinPu: 0.9, vmMaxPu: 1.1 } : { vmMinPu: 0.95, vmMaxPu: 1.05 };
}

function rounded(pu: BranchPu): BranchPu {
  return { rPu: round(pu.rPu), xPu: round(pu.xPu), bPu: round(pu.bPu), rateAMva: round(pu.rateAMva) };
}
