/**
 * `choice(LIST)`: the zod schema of a value from one of the vocabulary's lists (`vocabulary.ts`). Every zod enum of
 * the config, the components' argument rules and the catalog schema is made here, and remembered with its list, so
 * `test/provider/vocabulary.test.ts` can walk the schemas and fail on an enum written as a literal list.
 */
import { z } from "zod";

/** The enums `choice` made, each with the list it came from (a registry of its own: no JSON Schema metadata). */
export const VOCABULARY_CHOICES = z.registry<{ list: readonly string[] }>();

/** A value of `list`; zod's message for another value names them all. */
export function choice<const L extends readonly [string, ...string[]]>(list: L) {
    return z.enum(list).register(VOCABULARY_CHOICES, { list });
}
