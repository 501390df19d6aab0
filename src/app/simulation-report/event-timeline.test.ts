import { describe, expect, it } from 'vitest';
import type { SimulationEvent } from '../../domain/operation/index.ts';
import { buildEventMarkers, MAX_ACTION_MARKERS, numberEvents } from './event-timeline.ts';
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
    expect(markers.map((m) => m.label)).toEqual(['#1 line fault, #2', '#5', '#6 upstream loss']);
    const fault = record.events.find((e) => e.kind === 'line-fault')!;
    expect(markers[0].atMs).toBe(record.intervalStartMs[fault.fromInterval]);
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
    expect(markers.filter((m) => !/[a-z]/.test(m.label)).length).toBeLessThanOrEqual(MAX_ACTION_MARKERS);
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
