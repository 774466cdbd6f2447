/**
 * What the network and encryption rules read of a Foundry account (`cognitiveservices.Account`, API 2025-06-01:
 * `properties.publicNetworkAccess`, `properties.networkAcls`, `properties.encryption`,
 * `properties.restrictOutboundNetworkAccess`) and of a hub or workspace (`machinelearningservices.Workspace`,
 * API 2025-12-01, whose properties azure-native flattens: `publicNetworkAccess`, `encryption`, `managedNetwork`),
 * and which private endpoints (`network.PrivateEndpoint`) of a stack lead to them.
 */
import { isKind } from "./azure";
import { canonicalType } from "./catalog";
import { cognitiveKind } from "./foundry";
import { includesIgnoreCase, stringList } from "./rule";
import { isUnknown, knownString, read } from "./unknown";
import type { ResourceView } from "./view";
import { isProject } from "./workspaces";

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A Foundry account of one of `kinds` (`kind` known), or a workspace that is not a hub's project. */
export type NetworkSubject = { resource: ResourceView; what: "account" | "workspace"; kind: string };

/** The accounts (of `accountKinds`) and the workspaces (projects left out: they use their hub's network) judged. */
export function networkSubject(resource: ResourceView, accountKinds: readonly string[]): NetworkSubject | undefined {
    if (cognitiveKind(resource.type) === "Account") {
        const kind = knownString(resource.props, "kind");
        return kind !== undefined && includesIgnoreCase(accountKinds, kind)
            ? { resource, what: "account", kind }
            : undefined;
    }
    if (isKind(resource, "Workspace") && !isProject(resource))
        return { resource, what: "workspace", kind: knownString(resource.props, "kind") ?? "Default" };
    return undefined;
}

/** Where each subject keeps its public network setting. */
export function publicAccessPath(what: NetworkSubject["what"]): string {
    return what === "account" ? "properties.publicNetworkAccess" : "publicNetworkAccess";
}

/**
 * A Foundry account's public side:
 * - `closed`: `publicNetworkAccess: Disabled`, or network rules that deny every client (`defaultAction: Deny` with no
 *   IP or virtual network rule);
 * - `selected`: public access on, limited to the listed IP ranges or subnets (`defaultAction: Deny` with rules);
 * - `open`: public access on (`Enabled`, or unset: the API has no default and Azure takes it as on) with
 *   `networkAcls` unset or `defaultAction: Allow`: every network reaches it;
 * - `unknown`: a value it turns on is unknown during the preview.
 */
export type PublicSide =
    | { state: "closed" | "selected" | "open"; publicNetworkAccess?: string; defaultAction?: string }
    | { state: "unknown" };

export function accountPublicSide(account: ResourceView): PublicSide {
    const pna = read(account.props, "properties.publicNetworkAccess");
    if (pna.state === "unknown") return { state: "unknown" };
    const publicNetworkAccess = pna.state === "known" ? String(pna.value) : undefined;
    if (publicNetworkAccess !== undefined && eq(publicNetworkAccess, "Disabled"))
        return { state: "closed", publicNetworkAccess };
    const action = read(account.props, "properties.networkAcls.defaultAction");
    if (action.state === "unknown") return { state: "unknown" };
    const defaultAction = action.state === "known" ? String(action.value) : undefined;
    if (defaultAction === undefined || !eq(defaultAction, "Deny"))
        return { state: "open", publicNetworkAccess, defaultAction };
    const rules = ["ipRules", "virtualNetworkRules"].map((k) => read(account.props, `properties.networkAcls.${k}`));
    if (rules.some((r) => r.state === "unknown")) return { state: "unknown" };
    const anyRule = rules.some((r) => r.state === "known" && Array.isArray(r.value) && r.value.length > 0);
    return { state: anyRule ? "selected" : "closed", publicNetworkAccess, defaultAction };
}

/** A workspace's public side: closed only with `publicNetworkAccess: Disabled` (the API default is Enabled). */
export function workspacePublicSide(workspace: ResourceView): PublicSide {
    const pna = read(workspace.props, "publicNetworkAccess");
    if (pna.state === "unknown") return { state: "unknown" };
    const publicNetworkAccess = pna.state === "known" ? String(pna.value) : undefined;
    return {
        state: publicNetworkAccess !== undefined && eq(publicNetworkAccess, "Disabled") ? "closed" : "open",
        publicNetworkAccess,
    };
}

export function publicSide(subject: NetworkSubject): PublicSide {
    return subject.what === "account" ? accountPublicSide(subject.resource) : workspacePublicSide(subject.resource);
}

// ---- private endpoints --------------------------------------------------------------------------------------

/** True for a private endpoint (`azure-native:network:PrivateEndpoint`, API-version modules and aliases too). */
export function isPrivateEndpoint(resource: Pick<ResourceView, "type">): boolean {
    return canonicalType(resource.type) === "azure-native:network:PrivateEndpoint";
}

/** The two lists of connections an endpoint may have: auto-approved and manual (approved by the owner). */
export const CONNECTION_LISTS = ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"] as const;

/** One connection of an endpoint: its input path and its target, when the target's id is known. */
export interface EndpointConnection {
    endpoint: ResourceView;
    /** `privateLinkServiceConnections[0].privateLinkServiceId`. */
    path: string;
    /** The target's ARM id; undefined when unknown during the preview. */
    targetId?: string;
}

/**
 * Every connection of the stack's private endpoints. A list that is unknown as a whole counts as one connection at
 * `<list>` with an unknown target.
 */
export function endpointConnections(resources: readonly ResourceView[]): EndpointConnection[] {
    const out: EndpointConnection[] = [];
    for (const endpoint of resources.filter(isPrivateEndpoint)) {
        for (const list of CONNECTION_LISTS) {
            const value = read(endpoint.props, list);
            if (value.state === "absent") continue;
            if (value.state === "unknown" || !Array.isArray(value.value)) {
                out.push({ endpoint, path: list });
                continue;
            }
            value.value.forEach((c, i) => {
                const path = `${list}[${i}].privateLinkServiceId`;
                const id = isUnknown(c) ? undefined : read(c, "privateLinkServiceId");
                out.push(
                    id?.state === "known" && typeof id.value === "string"
                        ? { endpoint, path, targetId: id.value }
                        : { endpoint, path },
                );
            });
        }
    }
    return out;
}

/** The ARM provider path segment of each subject's type. */
const ARM_TYPE: Record<NetworkSubject["what"], string> = {
    account: "Microsoft.CognitiveServices/accounts",
    workspace: "Microsoft.MachineLearningServices/workspaces",
};
const NAME_INPUT: Record<NetworkSubject["what"], string> = { account: "accountName", workspace: "workspaceName" };

/**
 * Whether a connection leads to the subject:
 * - `yes`: its target id names the subject (resource group, type and name, without case), or its value came from
 *   the subject (the endpoint's input depends on the subject's URN, as `privateLinkServiceId: account.id` does);
 * - `no`: its target id is known and names something else;
 * - `unknown`: its target id is unknown during the preview and did not come from the subject.
 */
export function leadsTo(connection: EndpointConnection, subject: NetworkSubject): "yes" | "no" | "unknown" {
    const list = connection.path.split("[")[0];
    if ((connection.endpoint.propertyDependencies[list] ?? []).includes(subject.resource.urn)) return "yes";
    if (connection.targetId === undefined) return "unknown";
    const rg = knownString(subject.resource.props, "resourceGroupName");
    const name = knownString(subject.resource.props, NAME_INPUT[subject.what]);
    if (rg === undefined || name === undefined) return "unknown";
    const suffix = `/resourceGroups/${rg}/providers/${ARM_TYPE[subject.what]}/${name}`.toLowerCase();
    return connection.targetId.toLowerCase().endsWith(suffix) ? "yes" : "no";
}

/** The `accountKinds` option the network and account rules share. */
export function accountKindsOption() {
    return stringList(
        "Cognitive Services account kinds judged (case-insensitive); add `OpenAI` or others to cover them too.",
        ["AIServices"],
    );
}

/** The `exemptResources` option of the rules that judge both accounts and workspaces. */
export function exemptResourcesOption() {
    return stringList(
        "Pulumi resource names of accounts and workspaces not judged (globs, `*` for any characters, case-insensitive).",
        [],
    );
}

/** The `required` switch of a rule that judges nothing until a team turns it on. */
export function requiredOption(description: string) {
    return { type: "boolean" as const, default: false, description };
}
