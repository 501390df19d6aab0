/**
 * The chart port: what a use case asks to be drawn (forecast plots, report pages), in the platform's
 * words and independent of any charting library; a service renders it to a self-contained SVG.
 * Times are epoch milliseconds; values are numbers with NaN for a missing value, drawn as a gap.
 */

/** How the time axis is labelled. */
export interface TimeAxis {
  /** Axis title naming the clock, e.g. 'time (UTC+01:00)' or 'local time (wall clock)'. */
  readonly label: string;
  /**
   * Minutes east of UTC of the clock the labels are in (default 0: UTC, or wall times stored as if
   * UTC). Ticks fall on whole hours and days of that clock.
   */
  readonly utcOffsetMinutes?: number;
  /** Tick label of an instant, replacing the built-in ones (ticks stay where the offset puts them). */
  readonly formatTime?: (ms: number) => string;
}

/** A line through the points (timesMs[i], values[i]). */
export interface LineSeries {
  readonly kind: 'line';
  readonly name: string;
  readonly timesMs: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  /** CSS colour; a palette colour when absent. */
  readonly color?: string;
  readonly dashed?: boolean;
}

/** Interval values (prices): values[i] holds from timesMs[i] to the next time; the last for one more step. */
export interface StepSeries {
  readonly kind: 'step';
  readonly name: string;
  readonly timesMs: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly color?: string;
}

/** A shaded band between two bounds (P10 to P90); a gap where either bound is NaN. */
export interface BandSeries {
  readonly kind: 'band';
  readonly name: string;
  readonly timesMs: ArrayLike<number>;
  readonly lower: ArrayLike<number>;
  readonly upper: ArrayLike<number>;
  readonly color?: string;
}

/**
 * Stacked areas sharing one time axis (a dispatch stack): positive layers stack upwards from zero,
 * negative ones (charging, export) downwards, in the order given.
 */
export interface AreaStackSeries {
  readonly kind: 'area-stack';
  readonly timesMs: ArrayLike<number>;
  readonly layers: readonly {
    readonly name: string;
    readonly values: ArrayLike<number>;
    readonly color?: string;
  }[];
}

/** One bar per time (energy per day, say). */
export interface BarSeries {
  readonly kind: 'bar';
  readonly name: string;
  readonly timesMs: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly color?: string;
}

export type TimeSeries = LineSeries | StepSeries | BandSeries | AreaStackSeries | BarSeries;

/** A vertical line with a label, e.g. the forecast origin. */
export interface ChartMarker {
  readonly atMs: number;
  readonly label: string;
}

/** Series over time on one value axis. */
export interface TimeSeriesChart {
  readonly kind: 'time-series';
  readonly title: string;
  readonly subtitle?: string;
  /** Value axis title with its unit, e.g. 'load (MW)'. */
  readonly yLabel: string;
  /** Whether the value axis reaches down (or up) to zero; default true. */
  readonly yIncludesZero?: boolean;
  readonly timeAxis: TimeAxis;
  /** Drawn in this order, later ones on top. */
  readonly series: readonly TimeSeries[];
  readonly markers?: readonly ChartMarker[];
  /** Default 960 x 480. */
  readonly widthPx?: number;
  readonly heightPx?: number;
}

/** A grid of coloured cells: one row per label (a bus), one column per time. */
export interface HeatMapChart {
  readonly kind: 'heat-map';
  readonly title: string;
  readonly subtitle?: string;
  readonly timeAxis: TimeAxis;
  readonly xTimesMs: ArrayLike<number>;
  /** Title of the row axis, e.g. 'bus'. */
  readonly yLabel?: string;
  /** Row labels, bottom row first. */
  readonly yLabels: readonly string[];
  /** Row-major: values[row * xTimesMs.length + column]; NaN leaves the cell empty. */
  readonly values: ArrayLike<number>;
  /** Title of the colour scale with its unit, e.g. 'voltage (pu)'. */
  readonly valueLabel: string;
  /** Ends of the colour scale; values beyond are drawn in the end colours. */
  readonly min: number;
  readonly max: number;
  /** Default 960 x 480. */
  readonly widthPx?: number;
  readonly heightPx?: number;
}

export type Chart = TimeSeriesChart | HeatMapChart;

/** Renders a chart to a self-contained SVG document; the same chart gives the same string. */
export type RenderChartSvg = (chart: Chart) => string;
