/**
 * The day-ahead demand forecast of one zone as the controller runs it live: hourly history from the
 * meters (the period's hours are filled in as readings arrive, never ahead of time), the platform's
 * day-ahead model (`default`: the regression blended with the previous day, as in the forecasting
 * backtests) or a baseline, quantile bands from the model's own recent errors. Each midnight the
 * day is forecast; when it is over, its actuals feed the bands and the model (the feedback loop).
 * The weather forecast is the measured temperature (the backtests' "actual weather" setting).
 */
import {
  createCombinedModel,
  createDayAheadRegression,
  createLagModel,
  type DayAheadModel,
  type LoadProblem,
  ResidualBands,
} from '../../core/forecast/index.ts';

export type ForecasterName = 'default' | 'previous-day' | 'previous-week' | 'perfect';

export interface DayForecast {
  readonly point: Float64Array;
  readonly p10: Float64Array;
  readonly p90: Float64Array;
}

const LEVELS = [0.1, 0.9] as const;

export class ZoneForecaster {
  private readonly problem: LoadProblem;
  private readonly model: DayAheadModel;
  private readonly bands = new ResidualBands(56);
  private readonly forecasts = new Map<number, DayForecast>();

  /**
   * `load` and `temperature` are hourly from `startMs` (a local midnight, wall ms), history then the
   * period; `load` must hold NaN from `firstOpenHour` on (it is filled by `observeHour`). `truth`
   * (the period's true hourly load) is used only by the `perfect` forecaster.
   */
  constructor(
    zone: string,
    startMs: number,
    load: Float64Array,
    temperature: Float64Array,
    name: ForecasterName,
    truth?: Float64Array,
  ) {
    this.problem = { zone, startMs, load, temperature, holidays: new Set() };
    const previousDay = createLagModel(load, 'previous-day', 1);
    if (name === 'previous-day') this.model = previousDay;
    else if (name === 'previous-week') this.model = createLagModel(load, 'previous-week', 7);
    else if (name === 'perfect') this.model = createLagModel(truth ?? load, 'perfect', 0);
    else
      this.model = createCombinedModel(
        'default',
        createDayAheadRegression(this.problem, { weather: 'actual' }),
        previousDay,
        load,
      );
  }

  get minHistoryDays(): number {
    return this.model.minHistoryDays;
  }

  /** Drives the model and bands through the history days [firstDay, periodDay) as if live. */
  warmUp(firstDay: number, periodDay: number): void {
    this.model.start(Math.max(this.model.minHistoryDays, firstDay));
    for (let d = Math.max(this.model.minHistoryDays, firstDay); d < periodDay; d++) {
      this.forecastDay(d);
      this.closeDay(d);
    }
  }

  /** The forecast of day d (issued at its midnight, from what is known before it). */
  forecastDay(d: number): DayForecast {
    const known = this.forecasts.get(d);
    if (known) return known;
    const point = this.model.forecast(d);
    const [p10, p90] = this.bands.quantiles(point, LEVELS);
    const forecast = { point, p10, p90 };
    this.forecasts.set(d, forecast);
    return forecast;
  }

  observeHour(hour: number, mw: number): void {
    this.problem.load[hour] = mw;
  }

  /** Day d is over: its actuals go to the bands and the model. */
  closeDay(d: number): void {
    const forecast = this.forecastDay(d);
    this.bands.push(this.problem.load.subarray(d * 24, d * 24 + 24), forecast.point);
    this.model.observe(d);
  }
}
