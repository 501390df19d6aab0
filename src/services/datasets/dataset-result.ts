/**
 * Results and issues of the dataset readers: every problem is a value naming its file, line and
 * column; each file keeps its first 50 errors and 50 warnings and counts the rest in one "N more"
 * note; `formatDatasetIssue` renders `load_hourly.csv:1234:zone_7: "abc" is not a number`.
 */

/**
 * One problem in a dataset file. `file` is the file's name inside the dataset folder (the folder
 * itself for folder-level problems); `line` is 1-based (the header is line 1) or 0 when the problem
 * concerns the whole file; `column` is the column's name from the header.
 */
export interface DatasetIssue {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** A problem that makes the dataset unusable. */
export type DatasetError = DatasetIssue;

/** Something the reader handled as documented (for example a gap filled with NaN). */
export type DatasetWarning = DatasetIssue;

/** What a reader returns: the data with its warnings, or every error found. Readers never throw on bad data. */
export type DatasetResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly DatasetWarning[] }
  | { readonly ok: false; readonly errors: readonly DatasetError[] };

/** Errors (and, separately, warnings) kept per file; the rest are counted in one note. */
export const MAX_ISSUES_PER_FILE = 50;

/** `file:line:column: message`, leaving out the line when it is 0 and the column when absent. */
export function formatDatasetIssue(issue: DatasetIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  return issue.column === undefined
    ? `${where}: ${issue.message}`
    : `${where}:${issue.column}: ${issue.message}`;
}

/** One line per issue (see `formatDatasetIssue`). */
export function formatDatasetIssues(issues: readonly DatasetIssue[]): string {
  return issues.map(formatDatasetIssue).join('\n');
}

/** A capped list of issues of one kind for one file. */
class CappedIssues {
  readonly kept: DatasetIssue[] = [];
  count = 0;
  private firstOmittedLine = 0;

  add(issue: DatasetIssue): void {
    this.count++;
    if (this.kept.length < MAX_ISSUES_PER_FILE) this.kept.push(issue);
    else if (this.count === MAX_ISSUES_PER_FILE + 1) this.firstOmittedLine = issue.line;
  }

  all(file: string, noun: string): DatasetIssue[] {
    const omitted = this.count - this.kept.length;
    if (omitted === 0) return this.kept;
    const message = `${omitted} more ${noun}${omitted === 1 ? '' : 's'} not shown, the first on this line`;
    return [...this.kept, { file, line: this.firstOmittedLine, message }];
  }
}

/** Collects the errors and warnings of one file. */
export class FileIssues {
  readonly file: string;
  private readonly errors = new CappedIssues();
  private readonly warnings = new CappedIssues();

  constructor(file: string) {
    this.file = file;
  }

  error(line: number, column: string | undefined, message: string): void {
    this.errors.add(
      column === undefined ? { file: this.file, line, message } : { file: this.file, line, column, message },
    );
  }

  warn(line: number, column: string | undefined, message: string): void {
    this.warnings.add(
      column === undefined ? { file: this.file, line, message } : { file: this.file, line, column, message },
    );
  }

  get errorCount(): number {
    return this.errors.count;
  }

  allErrors(): DatasetError[] {
    return this.errors.all(this.file, 'error');
  }

  allWarnings(): DatasetWarning[] {
    return this.warnings.all(this.file, 'warning');
  }
}

/** A failed result from the errors of `files`, or `build()` with their warnings when there are none. */
export function finishResult<T>(files: readonly FileIssues[], build: () => T): DatasetResult<T> {
  if (files.some((f) => f.errorCount > 0)) return { ok: false, errors: files.flatMap((f) => f.allErrors()) };
  return { ok: true, value: build(), warnings: files.flatMap((f) => f.allWarnings()) };
}
