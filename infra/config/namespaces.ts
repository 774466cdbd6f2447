/**
 * Config keys outside this package's namespace that were meant for it: a namespace a letter or two off
 * (`azure-ai-model:deployments`) or another namespace holding one of our keys (`myapp:deployments`). The program
 * reads only `azure-ai-models:*`, so such a key would be dropped without a word; it is an error instead.
 */
import { editDistance } from "../catalog/suggest";
import { cut, type ConfigIssue } from "./issues";
import { CONFIG_NAMESPACE, stackConfigSchema } from "./schema";

/** Namespaces at most this many edits from ours are taken for a misspelling of it. */
const NAMESPACE_DISTANCE = 2;

/** Issues for the keys of the flat config (`namespace:key` to value) that look meant for this package. */
export function namespaceIssues(all: Record<string, string>, namespace = CONFIG_NAMESPACE): ConfigIssue[] {
    const ours = new Set(Object.keys(stackConfigSchema.shape));
    const issues: ConfigIssue[] = [];
    for (const full of Object.keys(all)) {
        const colon = full.indexOf(":");
        if (colon < 0) continue;
        const ns = full.slice(0, colon);
        const key = full.slice(colon + 1);
        if (ns === namespace) continue;
        const near = editDistance(ns, namespace) <= NAMESPACE_DISTANCE;
        if (!near && !ours.has(key)) continue;
        const why = near
            ? `namespace "${cut(ns)}" is not "${namespace}"`
            : `"${key}" is a key of "${namespace}", not of "${cut(ns)}"`;
        issues.push({
            path: cut(full),
            message: `${why}: this program reads only ${namespace}:* and would ignore it; did you mean ${namespace}:${cut(key)}?`,
        });
    }
    return issues;
}
