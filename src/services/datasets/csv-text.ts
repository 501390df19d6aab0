/**
 * CSV text of the datasets: UTF-8 (a byte-order mark is skipped), LF or CRLF line ends, one record
 * per line, comma-separated cells split by hand; a cell may be quoted RFC 4180 style (`"a, b"`,
 * `""` for a quote) but may not span lines. No regular expressions, so large files stay fast.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileIssues } from './dataset-result.ts';
import { parseNumber, parseNumberIn } from './parse-cells.ts';

/** The lines of a file without line ends; trailing empty lines are dropped. Line `i` is file line `i + 1`. */
export function splitLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The cells of one line, or an error message for a malformed quoted cell. */
export function splitCells(line: string, separator = ','): string[] | string {
  if (line.indexOf('"') < 0) return line.split(separator);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let text = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote < 0) return `unterminated quoted cell ${cells.length + 1}`;
        text += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 34) {
          text += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      cells.push(text);
      if (i === line.length) return cells;
      if (line[i] !== separator) return `unexpected text after the closing quote of cell ${cells.length}`;
      i++;
    } else {
      const end = line.indexOf(separator, i);
      const cell = line.slice(i, end < 0 ? line.length : end);
      if (cell.indexOf('"') >= 0) return `stray quote in cell ${cells.length + 1}`;
      cells.push(cell);
      if (end < 0) return cells;
      i = end + 1;
    }
  }
}

/**
 * One data line split in place: cell boundaries are kept as offsets into the line, so reading a
 * numeric cell makes no substring. Lines with quotes fall back to `splitCells`.
 */
export class CsvRow {
  /** The line being read. */
  text = '';
  /** Number of cells. */
  count = 0;
  private starts = new Int32Array(64);
  private quoted: string[] | null = null;

  /** Splits `line`; returns an error message for a malformed quote, else undefined. */
  split(line: string): string | undefined {
    this.text = line;
    if (line.indexOf('"') >= 0) {
      const cells = splitCells(line);
      if (typeof cells === 'string') return cells;
      this.quoted = cells;
      this.count = cells.length;
      return undefined;
    }
    this.quoted = null;
    let count = 0;
    let from = 0;
    for (;;) {
      if (count + 1 >= this.starts.length) {
        const grown = new Int32Array(this.starts.length * 2);
        grown.set(this.starts);
        this.starts = grown;
      }
      this.starts[count++] = from;
      const comma = line.indexOf(',', from);
      if (comma < 0) break;
      from = comma + 1;
    }
    this.starts[count] = line.length + 1;
    this.count = count;
    return undefined;
  }

  /** Text of cell `i`. */
  cell(i: number): string {
    return this.quoted !== null ? this.quoted[i] : this.text.slice(this.starts[i], this.starts[i + 1] - 1);
  }

  /** True when cell `i` is empty. */
  isEmpty(i: number): boolean {
    return this.quoted !== null ? this.quoted[i] === '' : this.starts[i + 1] - 1 === this.starts[i];
  }

  /** Cell `i` as a number (see `parseNumber`), NaN if it is not one. */
  number(i: number): number {
    if (this.quoted !== null) return parseNumber(this.quoted[i]);
    return parseNumberIn(this.text, this.starts[i], this.starts[i + 1] - 1);
  }
}

/** The lines of `dir/name`, or undefined after recording why the file cannot be used. */
export function readLines(dir: string, name: string, issues: FileIssues): string[] | undefined {
  const path = join(dir, name);
  if (!existsSync(path) || !statSync(path).isFile()) {
    issues.error(0, undefined, `file not found in ${dir}`);
    return undefined;
  }
  const lines = splitLines(readFileSync(path, 'utf8'));
  if (lines.length === 0) {
    issues.error(0, undefined, 'file is empty (expected a header row)');
    return undefined;
  }
  return lines;
}

/**
 * Checks line 1 against the expected column names (exact names, exact order). Records an error
 * naming the expected columns and the first difference, and returns false, when it differs.
 */
export function checkHeader(
  lines: readonly string[],
  expected: readonly string[],
  issues: FileIssues,
): boolean {
  const cells = splitCells(lines[0]);
  const found = typeof cells === 'string' ? [lines[0]] : cells.map((c) => c.trim());
  let first = -1;
  for (let i = 0; i < Math.max(found.length, expected.length); i++) {
    if (found[i] !== expected[i]) {
      first = i;
      break;
    }
  }
  if (first < 0) return true;
  const detail =
    first >= found.length
      ? `column ${first + 1} "${expected[first]}" is missing`
      : first >= expected.length
        ? `unexpected extra column ${first + 1} "${found[first]}"`
        : `column ${first + 1} is "${found[first]}" instead of "${expected[first]}"`;
  issues.error(1, undefined, `wrong header: expected ${expected.join(',')} (${detail})`);
  return false;
}

/**
 * The cells of data line `index` (0-based into `lines`), or undefined after recording an error for
 * an empty line, a malformed quote or a wrong number of cells.
 */
export function rowCells(
  lines: readonly string[],
  index: number,
  width: number,
  issues: FileIssues,
): string[] | undefined {
  const line = lines[index];
  if (line === '') {
    issues.error(index + 1, undefined, `empty line (expected ${width} cells)`);
    return undefined;
  }
  const cells = splitCells(line);
  if (typeof cells === 'string') {
    issues.error(index + 1, undefined, cells);
    return undefined;
  }
  if (cells.length !== width) {
    issues.error(index + 1, undefined, `row has ${cells.length} cells, expected ${width} like the header`);
    return undefined;
  }
  return cells;
}
