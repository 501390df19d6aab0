/**
 * Benchmark of parseMatpower on the largest shared cases (run with `npx vitest bench src/core/matpower`);
 * speed is measured here, never asserted in tests.
 */

import { existsSync, readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parseMatpower } from './index.ts';

const CASES_DIR = new URL('../../../../shared/cases/matpower/', import.meta.url);

describe.skipIf(!existsSync(CASES_DIR))('parseMatpower', () => {
  for (const name of ['case9241pegase', 'case_ACTIVSg2000', 'case300']) {
    const text = existsSync(CASES_DIR) ? readFileSync(new URL(`${name}.m`, CASES_DIR), 'utf8') : '';
    bench(`${name} (${(text.length / 1e6).toFixed(2)} MB)`, () => {
      parseMatpower(text, `${name}.m`);
    });
  }
});
