import { describe, expect, it } from 'vitest';
import { FileIssues, finishResult, formatDatasetIssue, formatDatasetIssues } from './dataset-result.ts';

describe('formatDatasetIssue', () => {
  it('renders file:line:column: message, leaving out line 0 and a missing column', () => {
    expect(
      formatDatasetIssue({
        file: 'load_hourly.csv',
        line: 1234,
        column: 'zone_7',
        message: '"abc" is not a number',
      }),
    ).toBe('load_hourly.csv:1234:zone_7: "abc" is not a number');
    expect(formatDatasetIssue({ file: 'a.csv', line: 3, message: 'm' })).toBe('a.csv:3: m');
    expect(
      formatDatasetIssues([
        { file: 'a.csv', line: 0, message: 'm' },
        { file: 'b', line: 0, message: 'n' },
      ]),
    ).toBe('a.csv: m\nb: n');
  });
});

describe('FileIssues', () => {
  it('caps errors and warnings separately, and fails only on errors', () => {
    const issues = new FileIssues('x.csv');
    for (let line = 2; line < 80; line++) issues.warn(line, 'c', 'w');
    const ok = finishResult([issues], () => 1);
    expect(ok.ok && ok.warnings.length).toBe(51);
    expect(ok.ok && formatDatasetIssue(ok.warnings[50])).toBe(
      'x.csv:52: 28 more warnings not shown, the first on this line',
    );
    issues.error(7, undefined, 'e');
    const failed = finishResult([issues], () => 1);
    expect(failed).toEqual({ ok: false, errors: [{ file: 'x.csv', line: 7, message: 'e' }] });
  });
});
