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
  const labelsByInterval = new Map<number, string[]>();
  for (const { id, event } of shown) {
    const label = event.kind === 'action' ? id : `${id} ${KIND_TEXT[event.kind]}`;
    labelsByInterval.set(event.fromInterval, [...(labelsByInterval.get(event.fromInterval) ?? []), label]);
  }
  const markers = [...labelsByInterval].map(([interval, labels]) => ({
    atMs: intervalBoundaryMs(record, interval),
    label: labels.join(', '),
  }));
  return { markers, actionsLeftOff: Math.max(actions.length - MAX_ACTION_MARKERS, 0) };
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
