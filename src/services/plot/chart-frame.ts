/**
 * What every chart of this service shares: default size, the colour palette (Okabe-Ito, readable
 * with colour-blindness), the title block, and the conversion of values to ECharts data (NaN and
 * infinities become gaps).
 */
import type { TitleComponentOption } from 'echarts/components';

export const DEFAULT_WIDTH_PX = 960;
export const DEFAULT_HEIGHT_PX = 480;
export const TEXT_COLOR = '#333333';
export const MUTED_COLOR = '#666666';

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/** Palette colour number `index`, cycling. */
export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** Title and subtitle at the top left. */
export function titleOption(title: string, subtitle: string | undefined): TitleComponentOption {
  return {
    text: title,
    subtext: subtitle ?? '',
    left: 16,
    top: 8,
    textStyle: { color: TEXT_COLOR, fontSize: 16, fontWeight: 'bold' },
    subtextStyle: { color: MUTED_COLOR, fontSize: 12 },
  };
}

/** A value as ECharts data: null (a gap) for NaN and infinities. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
