/**
 * Entry point of the MATPOWER reader: `parseMatpower(text, fileName)` reads a version 2 case file's text
 * into a `MatpowerCase`, or returns every error found, each naming the file and line. It never throws.
 */

import { buildMatpowerCase } from './matpower-build.ts';
import type { MatpowerParseResult } from './matpower-error.ts';
import { CaseReader } from './matpower-statements.ts';

/** Reads the text of a MATPOWER `.m` case file; `fileName` is only used in messages and as a fallback name. */
export function parseMatpower(text: string, fileName: string): MatpowerParseResult {
  const reader = new CaseReader(text, fileName);
  const read = reader.read();
  return buildMatpowerCase(read, fileName, reader.diagnostics);
}
