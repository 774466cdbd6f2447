/**
 * Config keys outside this package's namespace that were meant for it: a namespace a letter or two off
 * (`azure-ai-model:deployments`) or another namespace holding one of our keys (`myapp:deployments`). The program
 * reads only `azure-ai-models:*`, so such a key would be dropped without a word; it is an error instead.
 */
import { closest, editDistance } from "../catalog/suggest";
import { cut, type ConfigIssue } from "./issues";
import { CONFIG_NAMESPACE, stackConfigSchema } from "./schema";

/** Namespaces at most this many edits from ours are taken for a misspelling of it. */
const NAMESPACE_DISTANCE = 2;

/** A key of the flat config that looks meant for this package: where it is, and the key of ours it stands for. */
interface Misplaced {
    full: string;
    ns: string;
    key: string;
    /** True when `key` is one of this package's keys (it would be read, had its namespace been right). */
    ours: boolean;
}

function misplacedKeys(all: Record<string, string>, namespace: string): Misplaced[] {
    const ours = new Set(Object.keys(stackConfigSchema.shape));
    const out: Misplaced[] = [];
    for (const full of Object.keys(all)) {
        const colon = full.indexOf(":");
        if (colon < 0) continue;
        const ns = full.slice(0, colon);
        const key = full.slice(colon + 1);
        if (ns === namespace) continue;
        const near = editDistance(ns, namespace) <= NAMESPACE_DISTANCE;
        if (!near && !ours.has(key)) continue;
        out.push({ full, ns, key, ours: ours.has(key) });
    }
    return out;
}

/** Issues for the keys of the flat config (`namespace:key` to value) that look meant for this package. */
export function namespaceIssues(all: Record<string, string>, namespace = CONFIG_NAMESPACE): ConfigIssue[] {
    const keys = Object.keys(stackConfigSchema.shape);
    return misplacedKeys(all, namespace).map(({ full, ns, key, ours }) => {
        const why = ours
            ? editDistance(ns, namespace) <= NAMESPACE_DISTANCE
                ? `namespace "${cut(ns)}" is not "${namespace}"`
                : `"${key}" is a key of "${namespace}", not of "${cut(ns)}"`
            : `namespace "${cut(ns)}" is not "${namespace}"`;
        // A key that is not ours either: name the nearest of ours, or list them all.
        const near = ours ? [key] : closest(key, keys, 1);
        const hint = near.length
            ? `did you mean ${namespace}:${cut(near[0])}?`
            : `${namespace} has no key "${cut(key)}" either (its keys: ${keys.join(", ")})`;
        return {
            path: cut(full),
            message: `${why}: this program reads only ${namespace}:* and would ignore it; ${hint}`,
        };
    });
}

/**
 * The values of our namespace as the stack file meant them: those of `namespace:*`, plus each of our keys found under
 * a misspelt or foreign namespace (unless the right namespace sets it too). Validating these instead of the values
 * as written reports the misplaced key alone, not also what its absence would break ("workspace is required" for a
 * Foundry-only stack whose `foundry` sits under `azure-ai-model:`).
 */
export function intendedKeys(all: Record<string, string>, namespace = CONFIG_NAMESPACE): Record<string, string> {
    const out: Record<string, string> = { ...all };
    for (const m of misplacedKeys(all, namespace)) {
        const full = `${namespace}:${m.key}`;
        if (m.ours && !(full in all)) out[full] = all[m.full];
    }
    return out;
}
