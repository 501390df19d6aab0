/**
 * Catalogue of standard cables, overhead lines and transformers (the values of pandapower's basic
 * standard types, which cite Heuck, "Elektrische Energieversorgung", 2013, for lines and Oswald's
 * lecture notes for transformers) and their conversion to the per-unit pi model of a branch.
 *
 * Lines: Z_base = V_kV^2 / S_base_MVA (ohm); r_pu = r_ohm_per_km * L_km / Z_base, likewise x;
 * b_pu = 2 pi f C_nF_per_km 1e-9 L_km * Z_base (total charging, half at each end);
 * rating = sqrt(3) V_kV I_max_kA (MVA).
 * Transformers (short-circuit voltage u_k and its resistive part u_kr in % of the rating S_n):
 * z = u_k / 100 * S_base / S_n, r = u_kr / 100 * S_base / S_n, x = sqrt(z^2 - r^2); magnetising
 * branch neglected; rating = S_n.
 */

export interface LineType {
  readonly name: string;
  readonly rOhmPerKm: number;
  readonly xOhmPerKm: number;
  readonly cNfPerKm: number;
  readonly maxIKa: number;
}

export interface TransformerType {
  readonly name: string;
  readonly ratedMva: number;
  readonly ukPercent: number;
  readonly ukrPercent: number;
}

export const LINE_TYPES = {
  lv150: { name: 'NAYY 4x150 SE', rOhmPerKm: 0.208, xOhmPerKm: 0.08, cNfPerKm: 261, maxIKa: 0.27 },
  lv120: { name: 'NAYY 4x120 SE', rOhmPerKm: 0.225, xOhmPerKm: 0.08, cNfPerKm: 264, maxIKa: 0.242 },
  lv50: { name: 'NAYY 4x50 SE', rOhmPerKm: 0.642, xOhmPerKm: 0.083, cNfPerKm: 210, maxIKa: 0.142 },
  mv185: {
    name: 'NA2XS2Y 1x185 RM/25 12/20 kV',
    rOhmPerKm: 0.161,
    xOhmPerKm: 0.117,
    cNfPerKm: 273,
    maxIKa: 0.362,
  },
  mv95: {
    name: 'NA2XS2Y 1x95 RM/25 12/20 kV',
    rOhmPerKm: 0.313,
    xOhmPerKm: 0.132,
    cNfPerKm: 216,
    maxIKa: 0.252,
  },
  hv149: { name: '149-AL1/24-ST1A 110.0', rOhmPerKm: 0.194, xOhmPerKm: 0.41, cNfPerKm: 8.75, maxIKa: 0.47 },
} as const satisfies Record<string, LineType>;

export const TRANSFORMER_TYPES = {
  hvMv40: { name: '40 MVA 110/20 kV', ratedMva: 40, ukPercent: 16.2, ukrPercent: 0.34 },
  mvLv630: { name: '0.63 MVA 20/0.4 kV', ratedMva: 0.63, ukPercent: 6, ukrPercent: 1.206 },
  mvLv400: { name: '0.4 MVA 20/0.4 kV', ratedMva: 0.4, ukPercent: 6, ukrPercent: 1.425 },
} as const satisfies Record<string, TransformerType>;

export interface BranchPu {
  readonly rPu: number;
  readonly xPu: number;
  readonly bPu: number;
  readonly rateAMva: number;
}

/** Impedance base, ohm. */
export function impedanceBaseOhm(baseKv: number, baseMva: number): number {
  return (baseKv * baseKv) / baseMva;
}

/** Per-unit pi model of `lengthKm` of a line type at `baseKv` on the system base `baseMva`. */
export function linePu(
  type: LineType,
  lengthKm: number,
  baseKv: number,
  baseMva: number,
  frequencyHz: number,
): BranchPu {
  const zBaseOhm = impedanceBaseOhm(baseKv, baseMva);
  const bSiemens = 2 * Math.PI * frequencyHz * type.cNfPerKm * 1e-9 * lengthKm;
  return {
    rPu: (type.rOhmPerKm * lengthKm) / zBaseOhm,
    xPu: (type.xOhmPerKm * lengthKm) / zBaseOhm,
    bPu: bSiemens * zBaseOhm,
    rateAMva: Math.sqrt(3) * baseKv * type.maxIKa,
  };
}

/** Per-unit series impedance of a transformer type on the system base `baseMva`. */
export function transformerPu(type: TransformerType, baseMva: number): BranchPu {
  const zPu = ((type.ukPercent / 100) * baseMva) / type.ratedMva;
  const rPu = ((type.ukrPercent / 100) * baseMva) / type.ratedMva;
  return { rPu, xPu: Math.sqrt(zPu * zPu - rPu * rPu), bPu: 0, rateAMva: type.ratedMva };
}
