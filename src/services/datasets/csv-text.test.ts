import { describe, expect, it } from 'vitest';
import { CsvRow, splitCells, splitLines } from './csv-text.ts';

describe('splitLines', () => {
  it('drops a byte-order mark, carriage returns and trailing empty lines', () => {
    expect(splitLines('\ufeffa,b\r\n1,2\r\n\r\n')).toEqual(['a,b', '1,2']);
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});

describe('splitCells', () => {
  it('splits plain and quoted cells', () => {
    expect(splitCells('a,,b')).toEqual(['a', '', 'b']);
    expect(splitCells('2004-01-19,"Birthday of Martin Luther King, Jr."')).toEqual([
      '2004-01-19',
      'Birthday of Martin Luther King, Jr.',
    ]);
    expect(splitCells('"say ""hi""",x,""')).toEqual(['say "hi"', 'x', '']);
    expect(splitCells('a;b;"c;d"', ';')).toEqual(['a', 'b', 'c;d']);
  });

  it('reports malformed quotes', () => {
    expect(splitCells('a,"b')).toBe('unterminated quoted cell 2');
    expect(splitCells('"a"b,c')).toBe('unexpected text after the closing quote of cell 1');
    expect(splitCells('a,b"c')).toBe('stray quote in cell 2');
  });
});

describe('CsvRow', () => {
  it('reads cells in place and falls back for quoted lines', () => {
    const row = new CsvRow();
    expect(row.split('x,12.5,,-3')).toBeUndefined();
    expect([row.count, row.cell(0), row.number(1), row.isEmpty(2), row.number(3)]).toEqual([
      4,
      'x',
      12.5,
      true,
      -3,
    ]);
    expect(row.split('"a,b","7",')).toBeUndefined();
    expect([row.count, row.cell(0), row.number(1), row.isEmpty(2)]).toEqual([3, 'a,b', 7, true]);
    expect(row.split(Array(100).fill('1').join(','))).toBeUndefined();
    expect(row.count).toBe(100);
    expect(row.split('"')).toBe('unterminated quoted cell 1');
  });
});
