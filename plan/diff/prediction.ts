/**
 * Predicting what \`pulumi up\` does to a resource present in both plans: its input changes (\`ignoreChanges\` paths left
 * out, as the engine leaves them), which of them force a replacement (its \`replaceOnChanges\` option, else the
 * replacement table in \`replacements.ts\`), the action that follows, and what a replacement drags along: dependents
 * whose inputs become \`[unknown]\` and children whose Azure parent is replaced ("may change", "may be replaced").
 */
import { parentInputsOf, parentWhat } from "../../infra/catalog";
import { maskedInputs } from "../report/render";
import { inputAt } from "../run/azureTypes";
import { SECRET, type PlannedResource } from "../run/types";
import type { PropertyChange, ResourceChange } from "./model";
import { pathTouches, ruleFor } from "./replacements";
import { resourceChange } from "./resourceChanges";
import { containsUnknown, NOT_COMPARED, valueChanges } from "./values";

/** The input changes of a resource present on both sides, each marked with the replacement it forces. */
export function inputChanges(was: PlannedResource, now: PlannedResource): PropertyChange[] {
    const ignore = now.options.ignoreChanges ?? [];
    const a = maskedInputs(was);
    const b = maskedInputs(now);
    for (const k of NOT_COMPARED) {
        delete a[k];
        delete b[k];
    }
    const out: PropertyChange[] = [];
    for (const c of valueChanges(a, b)) {
        if (ignore.some((p) => pathTouches(p, c.path))) continue;
        const change: PropertyChange = { ...c };
        if (containsUnknown(c.before) || containsUnknown(c.after) || c.before === SECRET || c.after === SECRET)
            change.uncertain = true;
        out.push({ ...change, ...replacementOf(now, b, c.path) });
    }
    return out;
}

/** Why a change at `path` replaces the resource: its replaceOnChanges option, else the replacement table. */
function replacementOf(
    r: PlannedResource,
    inputs: Record<string, unknown>,
    path: string,
): Pick<PropertyChange, "replaces" | "source"> {
    const option = (r.options.replaceOnChanges ?? []).find((p) => pathTouches(p, path));
    if (option !== undefined)
        return { replaces: `replaceOnChanges: ${option}`, source: "the resource's replaceOnChanges option" };
    const rule = ruleFor(r.type, inputs, path);
    return rule ? { replaces: rule.reason, source: rule.source } : {};
}

/** Sets a changed resource's action from its property changes and its parent. */
export function settle(change: ResourceChange, now: PlannedResource): void {
    const replacing = change.changes.filter((c) => c.replaces !== undefined);
    if (replacing.some((c) => !c.uncertain)) {
        change.action = "replace";
        change.uncertain = false;
    } else if (replacing.length > 0 || change.parentReplaced) {
        change.action = "replace";
        change.uncertain = true;
    } else {
        change.action = "update";
        change.uncertain = change.changes.every((c) => c.uncertain);
    }
    if (change.action === "replace") change.deleteBeforeReplace = now.options.deleteBeforeReplace === true;
}

/**
 * Marks what a replacement drags along: dependents whose inputs are unknown because they come from a replaced
 * resource, and children whose Azure parent is replaced. Repeats until nothing more changes.
 */
export function propagateReplacements(
    after: Map<string, PlannedResource>,
    before: Map<string, PlannedResource>,
    changes: Map<string, ResourceChange>,
    byUrn: Map<string, PlannedResource>,
): void {
    const replaced = () =>
        new Set([...changes.values()].filter((c) => c.action === "replace" || c.action === "delete").map((c) => c.urn));
    for (let round = 0; round < 100; round++) {
        const gone = replaced();
        let grew = false;
        for (const [urn, now] of after) {
            const was = before.get(urn);
            if (!was) continue;
            const existing = changes.get(urn);
            if (existing && existing.action === "replace" && !existing.uncertain) continue;
            const inputs = maskedInputs(now);
            const parentProps = parentInputsOf(now.type);
            for (const [prop, deps] of Object.entries(now.propertyDependencies)) {
                for (const dep of deps) {
                    if (dep === urn || !gone.has(dep)) continue;
                    if ((now.options.ignoreChanges ?? []).some((p) => pathTouches(p, prop))) continue;
                    const change = changes.get(urn) ?? resourceChange(now, "update", true);
                    if (parentProps.includes(prop)) {
                        if (change.parentReplaced) continue;
                        change.parentReplaced = {
                            urn: dep,
                            name: byUrn.get(dep)?.name ?? dep,
                            property: prop,
                            what: parentWhat(now.type, prop),
                        };
                    } else if (containsUnknown(inputs[prop])) {
                        if (change.changes.some((c) => c.path === prop)) continue;
                        change.changes.push({
                            path: prop,
                            before: inputAt(maskedInputs(was), prop),
                            after: inputs[prop],
                            uncertain: true,
                            via: dep,
                            ...replacementOf(now, inputs, prop),
                        });
                    } else {
                        continue;
                    }
                    const prior = `${change.action}/${change.uncertain}`;
                    settle(change, now);
                    if (!changes.has(urn) || prior !== `${change.action}/${change.uncertain}`) grew = true;
                    changes.set(urn, change);
                }
            }
        }
        if (!grew) return;
    }
}
