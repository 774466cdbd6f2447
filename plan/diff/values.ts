/**
 * Comparing and printing plan values: deep equality as the diff sees it (an absent key equals \`undefined\`), whether
 * a value holds \`[unknown]\`, the differences of two values as dotted paths, and a value as a change line shows it.
 */
import { SECRET, UNKNOWN } from "../run/types";
import type { OutputChange } from "./model";

/** Inputs the diff does not compare: a dynamic resource's serialized provider code (`__provider`). */
export const NOT_COMPARED = new Set(["__provider"]);

export function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function equal(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a).filter((k) => a[k] !== undefined);
        const kb = Object.keys(b).filter((k) => b[k] !== undefined);
        return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
    }
    return false;
}

/** True when the value is, or holds, {@link UNKNOWN}. */
export function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isObject(v)) return Object.values(v).some(containsUnknown);
    return false;
}

/**
 * The differences between two values as dotted paths: objects on both sides are compared key by key; anything
 * else (arrays, scalars, an object against nothing) is one change.
 */
export function valueChanges(before: unknown, after: unknown, path = ""): OutputChange[] {
    if (equal(before, after)) return [];
    if (isObject(before) && isObject(after)) {
        const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
        return keys.flatMap((k) => valueChanges(before[k], after[k], path ? `${path}.${k}` : k));
    }
    return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

/**
 * A value in a change line or message: strings quoted, `[unknown]`/`[secret]` bare, absent as `(none)`, JSON longer
 * than `max` characters cut.
 */
export function formatValue(v: unknown, max = 120): string {
    if (v === undefined) return "(none)";
    if (v === UNKNOWN || v === SECRET) return v;
    const s = JSON.stringify(v);
    return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
