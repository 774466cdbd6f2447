/**
 * The entries of a config list (a serverless deployment, an online endpoint and its deployments, a Foundry
 * deployment), each validated once: one record keeps its path, the value given and what the schema made of it, and
 * the checks that follow add their findings to that record. Nothing joins two passes by array position, so a
 * reordered, removed or unparsable entry can never lend its problems or its model to another.
 */
import { z } from "zod";
import { configPath } from "./issues";
import { arr } from "./loose";

/** One entry of a config list, as given and as parsed. */
export interface Entry<T> {
    /** Where it is: `["deployments", 1]`. */
    readonly path: readonly PropertyKey[];
    /** Its position in its list (messages name it: `deployments[1]`). */
    readonly index: number;
    /** The value as given. */
    readonly raw: unknown;
    /** What the schema made of it; absent when the schema refused it (its problems are reported at its path). */
    readonly parsed?: T;
}

/** A zod issue with its path from the stack config's root. */
export type RootedIssue = z.core.$ZodIssue;

/**
 * Parses each entry of a raw list once with its own schema; the schema's problems go to `issues` with their paths
 * from the root.
 */
export function parseEntries<S extends z.ZodType>(
    schema: S,
    raw: unknown,
    path: readonly PropertyKey[],
    issues: RootedIssue[],
): Entry<z.output<S>>[] {
    return arr(raw).map((value, index) => {
        const at = [...path, index];
        const result = schema.safeParse(value, { reportInput: true });
        if (!result.success) issues.push(...result.error.issues.map((i) => ({ ...i, path: [...at, ...i.path] })));
        return { path: at, index, raw: value, ...(result.success ? { parsed: result.data } : {}) };
    });
}

/** Peels optional/default/nullable wrappers off a schema. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
    let s = schema;
    for (;;) {
        const def = (s as unknown as { def?: { innerType?: z.ZodType } } | undefined)?.def;
        if (def?.innerType) s = def.innerType;
        else return s;
    }
}

/** Where a path falls in the order zod walks `root`: object keys in schema order (unknown keys last), items by index. */
function walkOrder(root: z.ZodType, path: readonly PropertyKey[]): number[] {
    const order: number[] = [];
    let s = unwrap(root);
    for (const seg of path) {
        if (s instanceof z.ZodObject) {
            const keys = Object.keys(s.shape);
            const at = keys.indexOf(String(seg));
            order.push(at < 0 ? keys.length : at);
            s = unwrap((s.shape as Record<string, z.ZodType>)[String(seg)]);
        } else if (s instanceof z.ZodArray) {
            order.push(typeof seg === "number" ? seg : 0);
            s = unwrap(s.element as z.ZodType);
        } else {
            // A record's keys (and anything below): one parse reports them, in its own order, which the sort keeps.
            order.push(0);
            s = s instanceof z.ZodRecord ? unwrap(s.valueType as z.ZodType) : undefined;
        }
    }
    return order;
}

/** Before (<0) or after (>0): a path's issues come after those below it, as zod checks an object after its keys. */
function compareOrder(a: number[], b: number[]): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
    return b.length - a.length;
}

/**
 * The issues of the stack-level parse and of the entries' own parses in one list, in the order a single parse of
 * `root` would report them (the sort is stable, so one parse's own order is kept where the walk cannot tell).
 */
export function inSchemaOrder(root: z.ZodType, issues: readonly RootedIssue[]): RootedIssue[] {
    return issues
        .map((issue) => ({ issue, order: walkOrder(root, issue.path) }))
        .sort((a, b) => compareOrder(a.order, b.order))
        .map((x) => x.issue);
}

/** A value validation found for an entry; its absence with no error reported is a bug of this package. */
export function mustHave<T>(entry: Entry<unknown>, value: T | undefined): T {
    if (value === undefined) throw new Error(`${configPath(entry.path)} was not resolved, yet no problem was reported`);
    return value;
}
