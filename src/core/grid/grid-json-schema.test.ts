import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGridJsonSchema } from './index.ts';

describe('docs/grid-format.schema.json', () => {
  it('is the schema generated from the zod schemas (regenerate: npx kirchhoff schema > docs/grid-format.schema.json)', () => {
    const file = join(import.meta.dirname, '..', '..', '..', 'docs', 'grid-format.schema.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(buildGridJsonSchema());
  });
});
