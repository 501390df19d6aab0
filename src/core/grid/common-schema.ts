/**
 * Building blocks shared by every component schema of the grid model: identifiers, finite
 * numbers with units, and the in-service flag.
 */
import { z } from 'zod';

/** An external identifier: a non-empty string chosen by the user (MATPOWER bus numbers become "1", "2", ...). */
export const idSchema = z.string().min(1, 'must be a non-empty string');

/** Any finite number (zod 4 numbers already reject NaN and +-Infinity). */
export const finite = z.number();

/** A finite number >= 0. */
export const nonNegative = z.number().nonnegative();

/** Whether the element takes part in calculations; out-of-service elements stay in the data. */
export const inServiceSchema = z.boolean().default(true);

/** Priority class of a load: shed `flexible` first and `critical` last. */
export const loadPrioritySchema = z.enum(['critical', 'essential', 'flexible']);
export type LoadPriority = z.infer<typeof loadPrioritySchema>;
