/**
 * Which changes destroy something the gate must stop: every delete or replacement of a type the resource-type
 * registry marks destructive, with one sentence on what breaks (an endpoint's URL and keys, what goes with the
 * resource), and endpoint renames (a deleted endpoint paired with the one created under the same parent).
 */
import {
    destructiveConsequence,
    destructiveWhat,
    nameInputOf,
    normalizeRegion,
    parentInputsOf,
    resourceTypeOf,
} from "../../infra/catalog";
import { UNKNOWN, type PlannedResource } from "../run/types";
import type { DestructiveChange, ResourceChange } from "./model";
import { shownAzureName } from "./resourceChanges";
import { formatValue } from "./values";

/** The region in an endpoint's host name: `Sweden Central`, `sweden_central` and `swedencentral` are one region. */
const region = (v: unknown): string => (typeof v === "string" && v !== UNKNOWN ? normalizeRegion(v) : UNKNOWN);

/** The URL clients call for an endpoint resource, from its name and region inputs (the registry's client URL). */
function endpointUrl(r: PlannedResource): string | undefined {
    const url = resourceTypeOf(r.type)?.clientUrl?.url;
    if (!url) return undefined;
    const n = r.inputs[nameInputOf(r.type) ?? "name"];
    return url(typeof n === "string" ? n : UNKNOWN, region(r.inputs.location));
}

/** True when the type yields a client URL (serverless and online endpoints). */
const hasClientUrl = (type: string): boolean => resourceTypeOf(type)?.clientUrl !== undefined;

/** Pairs a deleted endpoint with the one created in the same parent: a rename, which changes its URL. */
export function pairRenames(
    changes: Map<string, ResourceChange>,
    before: Map<string, PlannedResource>,
    after: Map<string, PlannedResource>,
): void {
    const parentKey = (r: PlannedResource) =>
        `${r.type}|${parentInputsOf(r.type)
            .map((p) => JSON.stringify(r.inputs[p]))
            .join("|")}`;
    const deleted = [...changes.values()].filter((c) => c.action === "delete" && hasClientUrl(c.type));
    const created = [...changes.values()].filter((c) => c.action === "create" && hasClientUrl(c.type));
    for (const d of deleted) {
        const key = parentKey(before.get(d.urn)!);
        const sameParentDeleted = deleted.filter((x) => parentKey(before.get(x.urn)!) === key);
        const candidates = created.filter((c) => parentKey(after.get(c.urn)!) === key);
        if (sameParentDeleted.length === 1 && candidates.length === 1) {
            d.renamedTo = candidates[0].urn;
            candidates[0].renamedFrom = d.urn;
        }
    }
}

/** The destructive changes among the changed resources, in their review order. */
export function destructiveChanges(
    ordered: ResourceChange[],
    before: Map<string, PlannedResource>,
    after: Map<string, PlannedResource>,
): DestructiveChange[] {
    const out: DestructiveChange[] = [];
    for (const c of ordered) {
        if (c.action !== "delete" && c.action !== "replace") continue;
        const old = before.get(c.urn)!;
        const what = destructiveWhat(old.type, old.inputs);
        if (!what) continue;
        const now = after.get(c.urn);
        const called = `${what} ${c.azureName ?? c.name}${c.azureName && c.azureName !== c.name ? ` (${c.name})` : ""}`;
        const url: DestructiveChange["url"] = {};
        let message: string;
        const oldUrl = endpointUrl(old);
        if (c.action === "delete") {
            const successor = c.renamedTo ? after.get(c.renamedTo) : undefined;
            message = "is deleted";
            if (oldUrl) {
                url.before = oldUrl;
                if (successor) {
                    url.after = endpointUrl(successor);
                    message += `: it is renamed to ${shownAzureName(successor) ?? successor.name}, so its URL changes from ${oldUrl} to ${url.after}, with new keys; clients must move`;
                } else {
                    message += `: clients calling ${oldUrl} lose it`;
                }
            } else {
                message += consequence(old);
            }
        } else {
            const first = c.changes.find((p) => p.replaces !== undefined);
            const why = c.parentReplaced
                ? `its ${c.parentReplaced.what} ${c.parentReplaced.name} is replaced, and Azure deletes child resources with their parent`
                : first
                  ? `${first.path}${first.uncertain ? " may change" : ` changes from ${formatValue(first.before, 80)} to ${formatValue(first.after, 80)}`}: ${first.replaces}`
                  : "its inputs force it";
            message = `${c.uncertain ? "may be replaced" : "is replaced"} (${why})`;
            if (oldUrl && now) {
                const newUrl = endpointUrl(now);
                url.before = oldUrl;
                url.after = newUrl;
                message +=
                    newUrl === oldUrl
                        ? `: same URL ${oldUrl}, new keys${c.deleteBeforeReplace ? ", and it answers nothing between the delete and the create" : ""}`
                        : `: its URL changes from ${oldUrl} to ${newUrl}, with new keys; clients must move`;
            } else {
                message += consequence(old);
            }
        }
        out.push({
            urn: c.urn,
            type: c.type,
            name: c.name,
            ...(c.azureName ? { azureName: c.azureName } : {}),
            action: c.action,
            uncertain: c.uncertain,
            what,
            message: `${called} ${message}`,
            detail: message,
            ...(url.before || url.after ? { url } : {}),
        });
    }
    return out;
}

/** What else goes when a resource of this kind goes (the registry's consequence), as `: ...`. */
function consequence(r: PlannedResource): string {
    const c = destructiveConsequence(r.type, r.inputs);
    return c ? `: ${c}` : "";
}
