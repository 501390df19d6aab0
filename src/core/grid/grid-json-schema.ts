/**
 * The JSON Schema of Kirchhoff's grid format, generated from the zod schema so that the two
 * can never disagree. `docs/grid-format.schema.json` is written from this.
 */
import { z } from 'zod';
import { gridSchema } from './grid-schema.ts';

/** JSON Schema (draft 2020-12) of a grid file as written by users (defaults may be omitted). */
export function buildGridJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(gridSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://kirchhoff.energy/schemas/grid-v1.json',
    title: 'Kirchhoff grid',
    description: 'A power grid in the Kirchhoff JSON format, version 1. Units are in the field names.',
  };
}
