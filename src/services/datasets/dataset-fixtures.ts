/**
 * Test support for the dataset readers: the shared data folder (`$KIRCHHOFF_SHARED_DIR/data`,
 * default `/work/shared/data`) and small CSV fixtures written to a fresh temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatasetResult, formatDatasetIssue } from './dataset-result.ts';

/** Folder holding the four dataset folders. */
export function sharedDataDir(): string {
  return join(process.env.KIRCHHOFF_SHARED_DIR ?? '/work/shared', 'data');
}

const created: string[] = [];

/** Writes `files` (name -> text) to a new temporary folder and returns its path. */
export function writeFixture(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kirchhoff-datasets-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Removes the folders made by `writeFixture`. */
export function removeFixtures(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The value of a successful result; throws with the formatted errors otherwise (tests only). */
export function expectOk<T>(result: DatasetResult<T>): { value: T; warnings: string[] } {
  if (!result.ok)
    throw new Error(`expected success, got:\n${result.errors.map(formatDatasetIssue).join('\n')}`);
  return { value: result.value, warnings: result.warnings.map(formatDatasetIssue) };
}

/** The formatted errors of a failed result; throws if it succeeded (tests only). */
export function expectErrors<T>(result: DatasetResult<T>): string[] {
  if (result.ok) throw new Error('expected errors, got success');
  return result.errors.map(formatDatasetIssue);
}
