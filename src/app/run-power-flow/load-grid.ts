/**
 * Reads a grid from the text of a file: a MATPOWER case (`.m`) or Kirchhoff's JSON grid format
 * (`.json`). Every problem is returned as a one-line message that names the file and, where it
 * can, the line or the field.
 */
import { formatGridIssue, type Grid, parseGrid } from '../../core/grid/index.ts';
import { convertMatpowerCase, formatMatpowerError, parseMatpower } from '../../core/matpower/index.ts';

export type GridFormat = 'matpower' | 'json';

export type LoadGridResult =
  | { readonly ok: true; readonly grid: Grid; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Decides the format from the file name: `.m` is MATPOWER, `.json` is Kirchhoff JSON. */
export function detectGridFormat(fileName: string): GridFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.m')) return 'matpower';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

export function loadGrid(
  text: string,
  fileName: string,
  format = detectGridFormat(fileName),
): LoadGridResult {
  if (format === 'matpower') {
    const parsed = parseMatpower(text, fileName);
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatMatpowerError) };
    const converted = convertMatpowerCase(parsed.value, fileName);
    if (!converted.ok) return { ok: false, errors: converted.errors.map(formatMatpowerError) };
    return { ok: true, grid: converted.grid, warnings: converted.warnings };
  }
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, errors: [`${fileName}: not valid JSON: ${(error as Error).message}`] };
    }
    const parsed = parseGrid(data);
    if (!parsed.ok)
      return { ok: false, errors: parsed.issues.map((i) => `${fileName}: ${formatGridIssue(i)}`) };
    return {
      ok: true,
      grid: parsed.grid,
      warnings: parsed.warnings.map((w) => `${fileName}: ${formatGridIssue(w)}`),
    };
  }
  return {
    ok: false,
    errors: [`${fileName}: unknown grid format; expected a MATPOWER case (.m) or a grid (.json)`],
  };
}
