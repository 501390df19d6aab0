import { describe, expect, it } from 'vitest';
import { createSimulationRecordFixture } from './fixture/simulation-record-fixture.ts';
import {
  formatDurationMin,
  formatScenarioTime,
  formatUtcOffset,
  intervalBoundaryMs,
} from './report-clock.ts';

describe('report clock', () => {
  it('names offsets east and west of UTC', () => {
    expect(formatUtcOffset(120)).toBe('UTC+02:00');
    expect(formatUtcOffset(0)).toBe('UTC+00:00');
    expect(formatUtcOffset(-90)).toBe('UTC-01:30');
  });

  it('formats an instant on the scenario clock', () => {
    expect(formatScenarioTime(Date.UTC(2024, 5, 30, 22, 15), 120)).toBe('2024-07-01 00:15');
    expect(formatScenarioTime(Date.UTC(2024, 0, 1, 0, 0), -300)).toBe('2023-12-31 19:00');
  });

  it('gives interval boundaries up to the end of the last interval', () => {
    const record = createSimulationRecordFixture({ days: 1 });
    expect(intervalBoundaryMs(record, 0)).toBe(record.intervalStartMs[0]);
    expect(intervalBoundaryMs(record, 96)).toBe(record.intervalStartMs[0] + 86_400_000);
  });

  it('formats durations', () => {
    expect(formatDurationMin(15)).toBe('15 min');
    expect(formatDurationMin(120)).toBe('2 h');
    expect(formatDurationMin(90)).toBe('1 h 30 min');
  });
});
