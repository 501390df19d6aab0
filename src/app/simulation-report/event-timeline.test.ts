import { describe, expect, it } from 'vitest';
import type { SimulationEvent } from '../../domain/operation/index.ts';
import { buildEventMarkers, declutterMarkers, MAX_ACTION_MARKERS, numberEvents } from './event-timeline.ts';
import { createSimulationRecordFixture, withEvents } from './fixture/simulation-record-fixture.ts';

const record = createSimulationRecordFixture({ days: 1 });

describe('event timeline', () => {
  it('numbers the events in time order, keeping the given order for equal starts', () => {
    const late: SimulationEvent = {
      kind: 'price-spike',
      fromInterval: 0,
      toInterval: 4,
      description: 'spike',
    };
    const numbered = numberEvents(withEvents(record, [late]));
    expect(numbered[0]).toEqual({ id: '#1', event: late });
    expect(numbered[1].event.kind).toBe('line-fault');
  });

  it('marks the scenario events and only the controller’s own actions, merged by time', () => {
    const { markers } = buildEventMarkers(record, 'baseline');
    // The repair (#5, 11:30) is too close to the fault (10:00) on a one-day axis for a label of its own.
    expect(markers.map((m) => m.label)).toEqual(['#1 line fault, #2, #5', '', '#6 upstream loss']);
    const fault = record.events.find((e) => e.kind === 'line-fault')!;
    expect(markers[0].atMs).toBe(record.intervalStartMs[fault.fromInterval]);
  });

  it('hands an overlapping label to the label before, but keeps a scenario event’s own label', () => {
    const hour = 3_600_000;
    const markers = [
      { atMs: 0, label: '#1 line fault' },
      { atMs: hour, label: '#2' },
      { atMs: 2 * hour, label: '#3 upstream loss', pinned: true },
      { atMs: 100 * hour, label: '#4' },
    ];
    expect(declutterMarkers(markers, 168 * hour)).toEqual([
      { atMs: 0, label: '#1 line fault, #2' },
      { atMs: hour, label: '' },
      { atMs: 2 * hour, label: '#3 upstream loss' },
      { atMs: 100 * hour, label: '#4' },
    ]);
  });

  it('marks at most MAX_ACTION_MARKERS actions and counts the rest', () => {
    const actions = Array.from({ length: MAX_ACTION_MARKERS + 5 }, (_, i) => ({
      kind: 'action' as const,
      fromInterval: 2 * i,
      toInterval: 2 * i + 1,
      description: `opened switch s-${i}`,
      controller: 'kirchhoff' as const,
    }));
    const { markers, actionsLeftOff } = buildEventMarkers(withEvents(record, actions), 'kirchhoff');
    expect(actionsLeftOff).toBe(5 + 5);
    const marked = markers.flatMap((m) => m.label.split(', ')).filter((l) => /^#\d+$/.test(l));
    expect(marked).toHaveLength(MAX_ACTION_MARKERS);
  });

  it('places an event ending with the run at the end of the last interval', () => {
    const n = record.intervalStartMs.length;
    const last: SimulationEvent = {
      kind: 'heat-wave',
      fromInterval: n - 1,
      toInterval: n,
      description: 'heat',
    };
    const { markers } = buildEventMarkers(withEvents(record, [last]), 'kirchhoff');
    expect(markers.at(-1)).toEqual({
      atMs: record.intervalStartMs[n - 1],
      label: `#${record.events.length + 1} heat wave`,
    });
  });
});
