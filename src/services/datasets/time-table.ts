/**
 * Reads a timestamped numeric CSV (one time per row, then value columns) into column arrays,
 * checking the header, the row widths and every number cell. An empty cell is NaN in a column
 * whose README says empty means missing, and an error in any other column.
 */
import { CsvRow, checkHeader, readLines } from './csv-text.ts';
import type { FileIssues } from './dataset-result.ts';
import { quote } from './parse-cells.ts';

export interface TimeTableSpec {
  /** Expected header, in order. */
  readonly header: readonly string[];
  /** Names of the numeric columns to read, in output order. */
  readonly valueColumns: readonly string[];
  /** Numeric columns in which an empty cell means "no data" (NaN); empty is an error elsewhere. */
  readonly emptyIsMissing?: readonly string[];
  /**
   * The row's timestamp (epoch ms, in the representation of the file's clock), or NaN after
   * recording an error. Called once per row, in file order.
   */
  readonly readTime: (row: CsvRow, line: number) => number;
}

export interface TimeTable {
  /** Rows read (rows with a malformed shape are left out). */
  readonly rows: number;
  /** Timestamp of each row, NaN where it could not be read. */
  readonly times: Float64Array;
  /** File line (1-based) of each row. */
  readonly lines: Int32Array;
  /** One array per value column, one value per row. */
  readonly columns: readonly Float64Array[];
}

/** The table of `dir/file`, or undefined if the file or its header cannot be used (errors recorded). */
export function readTimeTable(dir: string, spec: TimeTableSpec, issues: FileIssues): TimeTable | undefined {
  const lines = readLines(dir, issues.file, issues);
  if (lines === undefined || !checkHeader(lines, spec.header, issues)) return undefined;
  const width = spec.header.length;
  const indices = spec.valueColumns.map((name) => spec.header.indexOf(name));
  const emptyOk = spec.valueColumns.map((name) => spec.emptyIsMissing?.includes(name) ?? false);
  const capacity = lines.length - 1;
  const times = new Float64Array(capacity);
  const lineOf = new Int32Array(capacity);
  const columns = spec.valueColumns.map(() => new Float64Array(capacity));
  const row = new CsvRow();
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i] === '') {
      issues.error(line, undefined, `empty line (expected ${width} cells)`);
      continue;
    }
    const malformed = row.split(lines[i]);
    if (malformed !== undefined || row.count !== width) {
      issues.error(
        line,
        undefined,
        malformed ?? `row has ${row.count} cells, expected ${width} like the header`,
      );
      continue;
    }
    times[rows] = spec.readTime(row, line);
    lineOf[rows] = line;
    for (let k = 0; k < indices.length; k++) {
      const cell = indices[k];
      let value: number;
      if (row.isEmpty(cell)) {
        value = Number.NaN;
        if (!emptyOk[k])
          issues.error(line, spec.valueColumns[k], 'empty cell (this column has no missing values)');
      } else {
        value = row.number(cell);
        if (!Number.isFinite(value)) {
          issues.error(line, spec.valueColumns[k], `${quote(row.cell(cell))} is not a number`);
          value = Number.NaN;
        }
      }
      columns[k][rows] = value;
    }
    rows++;
  }
  if (capacity === 0) issues.error(0, undefined, 'no data rows after the header');
  return {
    rows,
    times: times.subarray(0, rows),
    lines: lineOf.subarray(0, rows),
    columns: columns.map((c) => c.subarray(0, rows)),
  };
}
