/**
 * Text and JSON of a forecast backtest report: load rows (MAPE, MASE, RMSE, pinball, coverage)
 * PV rows (nRMSE against the estimated capacity, MAE and RMSE in kW, pinball, coverage) and EV
 * session rows (energy and departure-time MAE, pinball, coverage of both).
 */
import type { BacktestScores, EvBacktestScores, PvBacktestScores } from '../../core/forecast/index.ts';

interface Report<Row> {
  readonly dataset: string;
  readonly from: string;
  readonly to: string;
  readonly weather?: string;
  readonly results: readonly Row[];
}

function header<Row>(report: Report<Row>) {
  return { dataset: report.dataset, from: report.from, to: report.to, weather: report.weather };
}

export function formatEvBacktest(report: Report<EvBacktestScores>, json: boolean): string {
  if (json) {
    const results = report.results.map((r) => ({
      model: r.model,
      zone: 'sessions',
      energy_mae_kwh: r.energyMaeKwh,
      departure_mae_h: r.departureMaeH,
      energy_pinball_kwh: r.energyPinballKwh,
      departure_pinball_h: r.departurePinballH,
      coverage_energy_p10_p90: r.coverageEnergyP10P90,
      coverage_departure_p10_p90: r.coverageDepartureP10P90,
      sessions: r.sessionsScored,
      departures: r.departuresScored,
    }));
    return `${JSON.stringify({ dataset: report.dataset, from: report.from, to: report.to, results })}\n`;
  }
  const lines = [
    `${report.dataset}: EV sessions forecast at each plug-in day's midnight, ${report.from} to ${report.to}`,
    `${'model'.padEnd(18)} ${'energy MAE kWh'.padStart(15)} ${'departure MAE h'.padStart(16)} ${'P10-P90 energy'.padStart(15)} ${'P10-P90 departure'.padStart(18)} ${'sessions'.padStart(9)}`,
  ];
  for (const r of report.results) {
    lines.push(
      `${r.model.padEnd(18)} ${r.energyMaeKwh.toFixed(3).padStart(15)} ${r.departureMaeH.toFixed(3).padStart(16)} ` +
        `${(r.coverageEnergyP10P90 * 100).toFixed(1).padStart(14)}% ${(r.coverageDepartureP10P90 * 100).toFixed(1).padStart(17)}% ${String(r.sessionsScored).padStart(9)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

type LoadReport = Report<BacktestScores> & {
  readonly dataNotes: readonly { zone: string; kind: string; date: string; note: string }[];
};

export function formatLoadBacktest(report: LoadReport, note: string, json: boolean): string {
  if (json) {
    const results = report.results.map((r) => ({
      model: r.model,
      zone: r.zone,
      mape: r.mape,
      rmse: r.rmse,
      mase: r.mase,
      pinball: r.pinball,
      coverage_p10_p90: r.coverageP10P90,
    }));
    const dataNotes = report.dataNotes.map((n) => ({
      zone: n.zone,
      kind: n.kind,
      date: n.date,
      note: n.note,
    }));
    return `${JSON.stringify({ ...header(report), results, data_notes: dataNotes })}\n`;
  }
  const lines = [`${report.dataset}: day-ahead backtest ${report.from} to ${report.to}; ${note}`];
  lines.push(
    `${'zone'.padEnd(10)} ${'model'.padEnd(15)} ${'MAPE %'.padStart(8)} ${'MASE'.padStart(7)} ${'RMSE'.padStart(12)} ${'pinball'.padStart(12)} ${'P10-P90'.padStart(8)}`,
  );
  for (const r of report.results) {
    lines.push(
      `${r.zone.padEnd(10)} ${r.model.padEnd(15)} ${r.mape.toFixed(2).padStart(8)} ${r.mase.toFixed(3).padStart(7)} ` +
        `${r.rmse.toFixed(1).padStart(12)} ${r.pinball.toFixed(1).padStart(12)} ${(r.coverageP10P90 * 100).toFixed(1).padStart(7)}%`,
    );
  }
  for (const n of report.dataNotes) lines.push(`data note: ${n.note}`);
  return `${lines.join('\n')}\n`;
}

export function formatPvBacktest(report: Report<PvBacktestScores>, note: string, json: boolean): string {
  if (json) {
    const results = report.results.map((r) => ({
      model: r.model,
      zone: r.zone,
      nrmse: r.nrmse,
      mae: r.maeKw,
      rmse: r.rmseKw,
      pinball: r.pinballKw,
      coverage_p10_p90: r.coverageP10P90,
      hours: r.hours,
      capacity_kw: r.capacityKw,
      unit: 'kW',
    }));
    return `${JSON.stringify({ ...header(report), results })}\n`;
  }
  const capacity = report.results[0]?.capacityKw ?? Number.NaN;
  const lines = [
    `${report.dataset}: day-ahead PV backtest ${report.from} to ${report.to}; ${note}`,
    `scored: daylight hours; capacity ${capacity.toFixed(3)} kW (99th percentile of daily maxima of hourly power before --from)`,
    `${'model'.padEnd(15)} ${'nRMSE %'.padStart(8)} ${'MAE kW'.padStart(8)} ${'RMSE kW'.padStart(8)} ${'pinball'.padStart(8)} ${'P10-P90'.padStart(8)} ${'hours'.padStart(6)}`,
  ];
  for (const r of report.results) {
    lines.push(
      `${r.model.padEnd(15)} ${(r.nrmse * 100).toFixed(2).padStart(8)} ${r.maeKw.toFixed(4).padStart(8)} ` +
        `${r.rmseKw.toFixed(4).padStart(8)} ${r.pinballKw.toFixed(4).padStart(8)} ${(r.coverageP10P90 * 100).toFixed(1).padStart(7)}% ${String(r.hours).padStart(6)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
