/**
 * The plain-language "what Kirchhoff achieved and what it did not", generated from the KPI
 * comparison: every KPI where Kirchhoff did worse than the baseline is named with both values,
 * as is every KPI where it did better; nothing is concluded that the numbers do not say, and the
 * shortcomings get a section of their own, in the table of contents.
 */
import type { SimulationRecord } from '../../domain/operation/index.ts';
import type { ReportSection } from '../report-document.ts';
import { controllerTitle, describeDifference, formatNumber, type KpiComparison } from './compare-kpis.ts';

/** 'losses: 10.83 against 14.63 MWh (−26 %)'. */
function describeRow(c: KpiComparison): string {
  const k = c.values.find((v) => v.controller === 'kirchhoff')!;
  const b = c.values.find((v) => v.controller === 'baseline')!;
  const difference = describeDifference(c.row, k.value, b.value);
  return `${c.row.label}: ${k.text} against ${b.text} ${c.row.unit}${difference ? ` (${difference})` : ''}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Computing time per interval of the Kirchhoff run against the length of an interval. */
function describeComputing(record: SimulationRecord): string | undefined {
  const run = record.runs.find((r) => r.controller === 'kirchhoff');
  if (!run) return undefined;
  const { forecast, dispatch, powerFlow } = run.kpis.msPerInterval;
  const totalMs = forecast + dispatch + powerFlow;
  if (!Number.isFinite(totalMs)) return undefined;
  const intervalMs = record.intervalMin * 60_000;
  const share = (100 * totalMs) / intervalMs;
  const fits =
    totalMs < intervalMs
      ? `${formatNumber(share, share < 1 ? 3 : 1)} % of the ${record.intervalMin}-minute interval, so it could keep up in real time`
      : `longer than the ${record.intervalMin}-minute interval itself, so it could NOT keep up in real time`;
  return (
    `Computing per interval for Kirchhoff: forecast ${formatNumber(forecast, 1)} ms, dispatch ` +
    `${formatNumber(dispatch, 1)} ms, power flow ${formatNumber(powerFlow, 1)} ms, ` +
    `${formatNumber(totalMs, 1)} ms in all: ${fits}.`
  );
}

export const OUTCOME_HEADINGS = {
  brief: 'Outcome in brief',
  achieved: 'What Kirchhoff achieved',
  notAchieved: 'What Kirchhoff did not achieve',
} as const;

/**
 * The outcome as report sections: in brief (counts, equal and context rows, computing time), then
 * what Kirchhoff achieved and what it did not, each KPI as an item with both values. With a single
 * run, only the brief, saying there is nothing to compare.
 */
export function buildOutcomeSections(
  record: SimulationRecord,
  comparisons: readonly KpiComparison[],
): ReportSection[] {
  const computing = describeComputing(record);
  const brief = (paragraphs: string[]): ReportSection => ({
    heading: OUTCOME_HEADINGS.brief,
    paragraphs: computing ? [...paragraphs, computing] : paragraphs,
  });
  if (comparisons.every((c) => c.verdict === undefined)) {
    const only = record.runs.map((r) => controllerTitle(r.controller)).join(', ');
    return [
      brief([
        only
          ? `Only the ${only} controller ran in this record, so there is nothing to compare with: ` +
            'the table gives its KPIs, and no KPI is called better or worse.'
          : 'No controller ran in this record: there are no KPIs to report.',
      ]),
    ];
  }
  const by = (verdict: string) => comparisons.filter((c) => c.verdict === verdict);
  const better = by('kirchhoff');
  const worse = by('baseline');
  const equal = by('equal');
  const missing = by('not compared');
  const context = by('no direction');
  const judged = better.length + worse.length + equal.length;
  const paragraphs = [
    `Kirchhoff did better than the baseline on ${better.length} of ${plural(judged, 'compared KPI', 'compared KPIs')}, ` +
      `worse on ${worse.length}, and the same (as rounded in the table) on ${equal.length}` +
      (missing.length > 0
        ? `; ${plural(missing.length, 'KPI was', 'KPIs were')} not compared because a run has no value: ` +
          `${missing.map((c) => c.row.label).join(', ')}.`
        : '.'),
  ];
  if (equal.length > 0) paragraphs.push(`The same for both: ${equal.map((c) => c.row.label).join(', ')}.`);
  if (context.length > 0)
    paragraphs.push(
      `Not judged better or worse: ${context.map((c) => `${describeRow(c)}${c.row.note ? `, ${c.row.note}` : ''}`).join('; ')}.`,
    );
  return [
    brief(paragraphs),
    better.length > 0
      ? {
          heading: OUTCOME_HEADINGS.achieved,
          paragraphs: [`Kirchhoff was better than the baseline on ${plural(better.length, 'KPI', 'KPIs')}:`],
          items: better.map(describeRow),
        }
      : {
          heading: OUTCOME_HEADINGS.achieved,
          paragraphs: ['Kirchhoff was better than the baseline on no KPI.'],
        },
    worse.length > 0
      ? {
          heading: OUTCOME_HEADINGS.notAchieved,
          paragraphs: [`Kirchhoff was worse than the baseline on ${plural(worse.length, 'KPI', 'KPIs')}:`],
          items: worse.map(describeRow),
        }
      : {
          heading: OUTCOME_HEADINGS.notAchieved,
          paragraphs: ['Kirchhoff was worse than the baseline on no KPI of this run.'],
        },
  ];
}
