import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseIsoDate, parseNumber, parseNumberIn, parseTimestamp } from './parse-cells.ts';

describe('parseNumber', () => {
  it('equals Number() on decimal text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x);
        expect(Object.is(parseNumber(text), Number(text))).toBe(true);
        const fixed = x.toFixed(Math.abs(x) < 1e6 ? 5 : 0);
        expect(Object.is(parseNumber(fixed), Number(fixed))).toBe(true);
      }),
    );
    for (const text of [
      '0',
      '-0',
      '+7',
      '1.',
      '.5',
      '34055.6962',
      '1e3',
      '2.5E-3',
      '-12345678901234567890.5',
    ]) {
      expect(Object.is(parseNumber(text), Number(text))).toBe(true);
    }
  });

  it('rejects what is not a plain decimal number', () => {
    for (const text of [
      '',
      ' ',
      ' 1',
      '1 ',
      '-',
      '.',
      'e5',
      '1e',
      '1e+',
      '0x10',
      'Infinity',
      'NaN',
      '1,5',
      '1.2.3',
      '--1',
      '1e5x',
    ]) {
      expect(parseNumber(text)).toBeNaN();
    }
  });

  it('reads a range of a line without slicing', () => {
    expect(parseNumberIn('a,-12.5,b', 2, 7)).toBe(-12.5);
    expect(parseNumberIn('a,,b', 2, 2)).toBeNaN();
  });
});

describe('parseTimestamp', () => {
  it('reads wall times, Z and offsets', () => {
    expect(parseTimestamp('2004-01-01T00:00:00')).toEqual({
      wallMs: Date.UTC(2004, 0, 1),
      offsetMinutes: null,
      zulu: false,
    });
    expect(parseTimestamp('2011-04-15T06:15:00Z')).toEqual({
      wallMs: Date.UTC(2011, 3, 15, 6, 15),
      offsetMinutes: 0,
      zulu: true,
    });
    expect(parseTimestamp('2018-12-21T10:20+01:00')).toEqual({
      wallMs: Date.UTC(2018, 11, 21, 10, 20),
      offsetMinutes: 60,
      zulu: false,
    });
    expect(parseTimestamp('2012-11-04T01:00:00-07:00')?.offsetMinutes).toBe(-420);
    expect(parseTimestamp('2008-02-29T23:59:59')?.wallMs).toBe(Date.UTC(2008, 1, 29, 23, 59, 59));
  });

  it('rejects malformed or impossible times', () => {
    for (const text of [
      '',
      '2004-01-01',
      '2004-01-01 00:00:00',
      '2007-02-29T00:00:00',
      '2004-04-31T00:00',
      '2004-01-01T24:00',
      '2004-01-01T00:60',
      '2004-01-01T00:00:60',
      '2004-01-01T00:00:00+0100',
      '2004-01-01T00:00:00+01:00x',
      '2004-01-01T00:00:00z',
      '2004-1-01T00:00:00',
    ]) {
      expect(parseTimestamp(text)).toBeUndefined();
    }
  });

  it('reads ISO dates and formats instants', () => {
    expect(parseIsoDate('2004-12-31')).toBe(Date.UTC(2004, 11, 31));
    expect(parseIsoDate('2004-12-32')).toBeNaN();
    expect(parseIsoDate('2004-12-3')).toBeNaN();
    expect(formatInstant(Date.UTC(2017, 0, 1), 60)).toBe('2017-01-01T01:00:00+01:00');
    expect(formatInstant(Date.UTC(2017, 0, 1), 0, true)).toBe('2017-01-01T00:00:00Z');
    expect(formatInstant(Date.UTC(2017, 0, 1), -390)).toBe('2016-12-31T17:30:00-06:30');
  });
});
