/**
 * The inputs the mandatory rules judge for security and compliance (region, local auth, network access, the model,
 * content filtering), per resource type of the registry. A value unknown during a preview at one of these paths is
 * not a violation (see `unknown.ts`), but it is not a pass either: the offline plan and its PR report list each as
 * "not judged offline" with its input path.
 */
import { canonicalType } from "./catalog";
import { moduleOf } from "./governed";
import { endpointConnections, leadsTo, networkSubject, publicSide } from "./network";
import { read } from "./unknown";
import type { ResourceView } from "./view";

const REGION = "location";

/** Input paths per canonical type token. Every type with a `location` input is judged on it (allowed-regions). */
export const SECURITY_INPUTS: Readonly<Record<string, readonly string[]>> = {
    "azure-native:cognitiveservices:Account": [
        REGION,
        "kind",
        "properties.disableLocalAuth",
        "properties.publicNetworkAccess",
        "properties.networkAcls.defaultAction",
    ],
    "azure-native:cognitiveservices:Project": [REGION],
    "azure-native:cognitiveservices:Deployment": [
        "properties.model.format",
        "properties.model.name",
        "properties.raiPolicyName",
        "sku.name",
    ],
    "azure-native:cognitiveservices:RaiPolicy": ["properties.basePolicyName", "properties.contentFilters"],
    "azure-native:machinelearningservices:Workspace": [REGION],
    "azure-native:machinelearningservices:ServerlessEndpoint": [
        "properties.modelSettings.modelId",
        "properties.contentSafety.contentSafetyStatus",
    ],
    "azure-native:machinelearningservices:MarketplaceSubscription": ["properties.modelId"],
    "azure-native:machinelearningservices:OnlineEndpoint": [REGION],
    "azure-native:machinelearningservices:OnlineDeployment": ["properties.model"],
    "azure-native:resources:Resource": ["resourceProviderNamespace"],
    "azure-native:resources:Deployment": ["properties", "properties.template"],
};

/** One security input whose value is unknown during the preview. */
export interface NotJudged {
    urn: string;
    resourceName: string;
    resourceType: string;
    /** Dotted input path. */
    path: string;
}

/**
 * The private endpoint connections whose target is unknown during the preview while a closed Foundry account
 * (kind AIServices) or workspace of the stack has no endpoint known to lead to it: the connection may be its way in,
 * so `private-endpoint-required` judges nothing for it, and the plan says so.
 */
export function endpointsNotJudged(resources: readonly ResourceView[]): NotJudged[] {
    const connections = endpointConnections(resources);
    const out: NotJudged[] = [];
    for (const r of resources) {
        const subject = networkSubject(r, ["AIServices"]);
        if (!subject || publicSide(subject).state !== "closed") continue;
        if (connections.some((c) => leadsTo(c, subject) === "yes")) continue;
        for (const c of connections.filter((c) => leadsTo(c, subject) === "unknown")) {
            if (out.some((n) => n.urn === c.endpoint.urn && n.path === c.path)) continue;
            out.push({
                urn: c.endpoint.urn,
                resourceName: c.endpoint.name,
                resourceType: c.endpoint.type,
                path: c.path,
            });
        }
    }
    return out;
}

/**
 * The security inputs of these resources whose values are unknown during the preview, in resource order, then the
 * private endpoints whose target is unknown (see {@link endpointsNotJudged}).
 */
export function notJudgedOffline(resources: readonly ResourceView[]): NotJudged[] {
    const out: NotJudged[] = [];
    for (const r of resources) {
        // By the type without its API-version module, recorded or not (generic resources and template deployments
        // have no record, so canonicalType would keep the version).
        const m = moduleOf(r.type);
        const paths =
            SECURITY_INPUTS[canonicalType(r.type)] ??
            (m ? SECURITY_INPUTS[`azure-native:${m.module}:${m.name}`] : []) ??
            [];
        for (const path of paths) {
            // An unknown parent is reported once, at the shortest path.
            if (out.some((n) => n.urn === r.urn && path.startsWith(`${n.path}.`))) continue;
            if (read(r.props, path).state === "unknown")
                out.push({ urn: r.urn, resourceName: r.name, resourceType: r.type, path });
        }
    }
    return [...out, ...endpointsNotJudged(resources)];
}
