/**
 * Which input changes Azure cannot apply in place, per resource type: the plan diff predicts a replacement when
 * one of these changes. The facts live in the catalog's resource-type registry (`infra/catalog/resourceTypes/`):
 * a record's parents, name input and fixed inputs, each with its source. Paths are dotted paths into the resource's
 * inputs, as the plan records them.
 *
 * What it cannot know: the azure-native provider decides itself what it plans as a replacement, and it does not
 * always agree with Azure (pulumi/pulumi-azure-native#3053: a changed `location` planned as an update, which
 * Azure then refuses with `InvalidResourceLocation`). The diff says what Azure needs, so a real `pulumi preview`
 * may show some of these as updates that would fail. Properties not listed are taken as updatable in place.
 */
import { RESOURCE_TYPES, parentInputsOf, replacementRulesOf, type FixedInput } from "../../infra/catalog";

/** One input change that replaces the resource: the path, why, and where the fact comes from. */
export type ReplacementRule = FixedInput;

/** Replacement rules by Pulumi type token: a view of the registry. */
export const REPLACEMENT_RULES: Readonly<Record<string, readonly ReplacementRule[]>> = Object.fromEntries(
    RESOURCE_TYPES.map((r) => [r.type, replacementRulesOf(r.type)] as const).filter(([, rules]) => rules.length > 0),
);

// The EndpointTraffic dynamic resource (infra/components/endpointTraffic.ts) replaces itself when the endpoint it
// points at changes: its provider's diff() returns these coordinates as `replaces`. It is not an Azure type (its
// token is the generic `pulumi-nodejs:dynamic:Resource`), so it has no registry record; its inputs identify it.
const ENDPOINT_TRAFFIC_RULES: readonly ReplacementRule[] = [
    "subscriptionId",
    "resourceGroupName",
    "workspaceName",
    "endpointName",
].map((path) => ({
    path,
    reason: "the traffic split belongs to one endpoint",
    source: "infra/components/endpointTraffic.ts: its provider's diff replaces on subscriptionId, resourceGroupName, workspaceName, endpointName",
}));

/**
 * Input properties that name the Azure parent a resource lives in: when that parent is deleted or replaced, Azure
 * deletes the child with it, even though the child's own inputs did not change. A view of the registry.
 */
export const PARENT_PROPERTIES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
    RESOURCE_TYPES.filter((r) => (r.parents ?? []).length > 0).map((r) => [r.type, parentInputsOf(r.type)] as const),
);

/** True for the dynamic-provider resource types (`pulumi-nodejs:dynamic:<Type>`). */
export function isDynamicType(type: string): boolean {
    return type.startsWith("pulumi-nodejs:dynamic:");
}

/** True for the traffic split (`EndpointTraffic`): a dynamic resource with its inputs. */
export function isEndpointTraffic(type: string, inputs: Record<string, unknown>): boolean {
    return isDynamicType(type) && "traffic" in inputs && "endpointName" in inputs;
}

/** The rules for a type. A dynamic resource with the EndpointTraffic inputs gets that provider's rules. */
export function replacementRules(type: string, inputs: Record<string, unknown> = {}): readonly ReplacementRule[] {
    if (isEndpointTraffic(type, inputs)) return ENDPOINT_TRAFFIC_RULES;
    return replacementRulesOf(type);
}

/** True when a change at `changed` touches `rulePath` (equal, below it, or a parent object of it; `*` is any). */
export function pathTouches(rulePath: string, changed: string): boolean {
    if (rulePath === "*") return true;
    return (
        changed === rulePath ||
        changed.startsWith(`${rulePath}.`) ||
        changed.startsWith(`${rulePath}[`) ||
        rulePath.startsWith(`${changed}.`)
    );
}

/** The rule a changed input path triggers, if any. */
export function ruleFor(type: string, inputs: Record<string, unknown>, changed: string): ReplacementRule | undefined {
    return replacementRules(type, inputs).find((r) => pathTouches(r.path, changed));
}
