/**
 * The event timeline: the record's events numbered in time order (#1, #2, ...), as a table with
 * times on the scenario clock, and as labelled markers on a controller's charts (the scenario's
 * events and that controller's own actions; events at the same time share one marker).
 */
import type { ControllerName, SimulationEvent, SimulationRecord } from '../../domain/operation/index.ts';
import type { ChartMarker } from '../chart-port.ts';
import type { ReportTable } from '../report-document.ts';
import { controllerTitle } from './compare-kpis.ts';
import {
  formatDurationMin,
  formatScenarioTime,
  formatUtcOffset,
  intervalBoundaryMs,
} from './report-clock.ts';

/** Most action markers on one chart; the table lists them all. */
export const MAX_ACTION_MARKERS = 16;

const KIND_TEXT: Readonly<Record<SimulationEvent['kind'], string>> = {
  'line-fault': 'line fault',
  'upstream-loss': 'upstream loss',
  'heat-wave': 'heat wave',
  'price-spike': 'price spike',
  action: 'action',
};

export interface NumberedEvent {
  readonly id: string;
  readonly event: SimulationEvent;
}

/** The events in time order (stable for equal starts), numbered from #1. */
export function numberEvents(record: SimulationRecord): NumberedEvent[] {
  return record.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.fromInterval - b.event.fromInterval || a.index - b.index)
    .map(({ event }, k) => ({ id: `#${k + 1}`, event }));
}

/** Markers for `controller`'s charts, and how many of its actions were left off. */
export function buildEventMarkers(
  record: SimulationRecord,
  controller: ControllerName,
): { markers: ChartMarker[]; actionsLeftOff: number } {
  const numbered = numberEvents(record);
  const scenario = numbered.filter((e) => e.event.kind !== 'action');
  const actions = numbered.filter((e) => e.event.kind === 'action' && e.event.controller === controller);
  const shown = [...scenario, ...actions.slice(0, MAX_ACTION_MARKERS)].sort(
    (a, b) => a.event.fromInterval - b.event.fromInterval || Number(a.id.slice(1)) - Number(b.id.slice(1)),
  );
  const byInterval = new Map<number, { labels: string[]; pinned: boolean }>();
  for (const { id, event } of shown) {
    const group = byInterval.get(event.fromInterval) ?? { labels: [], pinned: false };
    group.labels.push(event.kind === 'action' ? id : `${id} ${KIND_TEXT[event.kind]}`);
    group.pinned ||= event.kind !== 'action';
    byInterval.set(event.fromInterval, group);
  }
  const markers = [...byInterval].map(([interval, { labels, pinned }]) => ({
    atMs: intervalBoundaryMs(record, interval),
    label: labels.join(', '),
    pinned,
  }));
  const n = record.intervalStartMs.length;
  const spanMs = n > 0 ? intervalBoundaryMs(record, n) - intervalBoundaryMs(record, 0) : 0;
  return {
    markers: declutterMarkers(markers, spanMs),
    actionsLeftOff: Math.max(actions.length - MAX_ACTION_MARKERS, 0),
  };
}

/** Width of the plot area of a default chart, and of a label character, in px (estimates). */
const PLOT_WIDTH_PX = 840;
const LABEL_CHAR_PX = 6;
const LABEL_GAP_PX = 8;

/**
 * Markers in time order, with labels that would overlap the one before (labels are centred on
 * their line at the top of the plot) handed to that one: the line stays where it is, unlabelled.
 * A pinned marker (a scenario event) keeps its own label.
 */
export function declutterMarkers(
  markers: readonly (ChartMarker & { readonly pinned?: boolean })[],
  spanMs: number,
): ChartMarker[] {
  const out = markers.map((m) => ({ atMs: m.atMs, label: m.label }));
  if (spanMs <= 0) return out;
  const xPx = (ms: number): number => ((ms - out[0].atMs) / spanMs) * PLOT_WIDTH_PX;
  const halfWidthPx = (label: string): number => (label.length * LABEL_CHAR_PX) / 2;
  let anchor = -1;
  out.forEach((marker, i) => {
    if (anchor >= 0 && !markers[i].pinned) {
      const anchorRight = xPx(out[anchor].atMs) + halfWidthPx(out[anchor].label);
      if (xPx(marker.atMs) - halfWidthPx(marker.label) < anchorRight + LABEL_GAP_PX) {
        out[anchor].label = `${out[anchor].label}, ${marker.label}`;
        marker.label = '';
        return;
      }
    }
    anchor = i;
  });
  return out;
}

/** Every event with its start and end on the scenario clock. */
export function buildEventTable(record: SimulationRecord): ReportTable {
  const clock = formatUtcOffset(record.utcOffsetMinutes);
  const rows = numberEvents(record).map(({ id, event }) => [
    { text: id },
    { text: formatScenarioTime(intervalBoundaryMs(record, event.fromInterval), record.utcOffsetMinutes) },
    { text: formatScenarioTime(intervalBoundaryMs(record, event.toInterval), record.utcOffsetMinutes) },
    { text: formatDurationMin((event.toInterval - event.fromInterval) * record.intervalMin) },
    { text: KIND_TEXT[event.kind] },
    { text: event.controller ? controllerTitle(event.controller) : 'scenario' },
    { text: event.description },
  ]);
  return {
    columns: ['#', `start (${clock})`, `end (${clock})`, 'duration', 'kind', 'by', 'description'],
    align: ['left', 'left', 'left', 'right', 'left', 'left', 'left'],
    rows,
  };
}
