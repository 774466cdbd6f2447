/**
 * Foundry resources (`@pulumi/azure-native/cognitiveservices`, API 2025-06-01) as the rules read them: an account
 * (kind `AIServices` for Foundry), its projects, its model deployments (`properties.model.{format,name,version}`,
 * `sku.{name,capacity}`, `properties.raiPolicyName`) and its content filters (RaiPolicy). A deployment names its
 * account by `resourceGroupName` + `accountName`; during a preview those often come from the account's outputs, so
 * the input's dependencies (`propertyDependencies.accountName`) name it instead.
 *
 * Stack rules index the stack once ({@link foundryIndex}): lookups are by URN and by name, never a scan per resource.
 */
import {
    defaultFoundryQuota,
    findFoundryModel,
    normalizeRegion,
    resourceTypeOf,
    resourceTypesIn,
    typeName,
    type FoundryOffer,
} from "./catalog";
import { knownNumber, knownString } from "./unknown";
import type { ResourceView } from "./view";

export type CognitiveKind = "Account" | "Project" | "Deployment" | "RaiPolicy";
/** The kinds of the registry's `cognitiveservices` records (a test keeps {@link CognitiveKind} equal to them). */
export const COGNITIVE_KINDS: readonly CognitiveKind[] = resourceTypesIn("cognitiveservices").map(
    (r) => typeName(r.type) as CognitiveKind,
);

/** The kind of a Cognitive Services resource the rules know (also through an API-version module), or undefined. */
export function cognitiveKind(type: string): CognitiveKind | undefined {
    const record = resourceTypeOf(type);
    return record?.type.startsWith("azure-native:cognitiveservices:")
        ? (typeName(record.type) as CognitiveKind)
        : undefined;
}

/** True for a Cognitive Services model deployment (`accounts/deployments`). */
export function isFoundryDeployment(resource: Pick<ResourceView, "type">): boolean {
    return cognitiveKind(resource.type) === "Deployment";
}

/** What a deployment deploys, as far as its inputs are known. */
export interface FoundryModelRef {
    format?: string;
    name?: string;
    version?: string;
}

export function deploymentModel(resource: ResourceView): FoundryModelRef {
    const format = knownString(resource.props, "properties.model.format");
    const name = knownString(resource.props, "properties.model.name");
    const version = knownString(resource.props, "properties.model.version");
    return {
        ...(format !== undefined ? { format } : {}),
        ...(name !== undefined ? { name } : {}),
        ...(version !== undefined ? { version } : {}),
    };
}

/** `"Mistral AI" Mistral-Large-3 version 1`, for messages. */
export function describeModel(model: FoundryModelRef): string {
    const format = model.format !== undefined ? `"${model.format}" ` : "";
    const version = model.version !== undefined ? ` version ${model.version}` : "";
    return `${format}${model.name ?? "(unknown model)"}${version}`;
}

/** A deployment's `sku.name` and `sku.capacity`, when known. */
export function deploymentSku(resource: ResourceView): { name?: string; capacity?: number } {
    const name = knownString(resource.props, "sku.name");
    const capacity = knownNumber(resource.props, "sku.capacity");
    return { ...(name !== undefined ? { name } : {}), ...(capacity !== undefined ? { capacity } : {}) };
}

const lower = (s: string) => s.toLowerCase();

/** The Foundry resources of a stack, indexed once. */
export interface FoundryIndex {
    accounts: ResourceView[];
    deployments: ResourceView[];
    raiPolicies: ResourceView[];
    /** The account a child resource (deployment, project, content filter) belongs to, when it is in the stack. */
    accountOf(child: ResourceView): ResourceView | undefined;
    /** A content filter of that name on that account, when the stack creates it. */
    raiPolicy(account: ResourceView, name: string): ResourceView | undefined;
}

function nameKey(rg: string | undefined, name: string): string {
    return `${lower(rg ?? "")}/${lower(name)}`;
}

/** Indexes the accounts, deployments and content filters of a stack (one pass). */
export function foundryIndex(resources: readonly ResourceView[]): FoundryIndex {
    const accounts: ResourceView[] = [];
    const deployments: ResourceView[] = [];
    const raiPolicies: ResourceView[] = [];
    const byUrn = new Map<string, ResourceView>();
    const byName = new Map<string, ResourceView[]>();
    for (const r of resources) {
        const kind = cognitiveKind(r.type);
        if (kind === "Account") {
            accounts.push(r);
            byUrn.set(r.urn, r);
            const name = knownString(r.props, "accountName");
            if (name !== undefined) {
                for (const key of [
                    nameKey(knownString(r.props, "resourceGroupName"), name),
                    nameKey(undefined, name),
                ]) {
                    const named = byName.get(key);
                    if (named) named.push(r);
                    else byName.set(key, [r]);
                }
            }
        } else if (kind === "Deployment") deployments.push(r);
        else if (kind === "RaiPolicy") raiPolicies.push(r);
    }
    const accountOf = (child: ResourceView): ResourceView | undefined => {
        for (const urn of child.propertyDependencies.accountName ?? []) {
            const hit = byUrn.get(urn);
            if (hit) return hit;
        }
        const name = knownString(child.props, "accountName");
        if (name === undefined) return undefined;
        const rg = knownString(child.props, "resourceGroupName");
        const named = byName.get(nameKey(rg, name)) ?? byName.get(nameKey(undefined, name)) ?? [];
        return named.length === 1 ? named[0] : undefined;
    };
    const policies = new Map<string, ResourceView>();
    for (const p of raiPolicies) {
        const account = accountOf(p);
        const name = knownString(p.props, "raiPolicyName");
        if (account && name !== undefined) policies.set(`${account.urn}|${lower(name)}`, p);
    }
    return {
        accounts,
        deployments,
        raiPolicies,
        accountOf,
        raiPolicy: (account, name) => policies.get(`${account.urn}|${lower(name)}`),
    };
}

/** A deployment whose `sku.capacity` is known, with its account when the stack creates it. */
export interface SizedDeployment {
    resource: ResourceView;
    capacity: number;
    account?: ResourceView;
}

/** Deployments of one catalog model, SKU and region: what one default quota covers. */
export interface FoundryQuotaGroup {
    offer: FoundryOffer;
    sku: string;
    defaultQuota: number;
    /** Absent when the account's location is unknown: the account then stands for its region. */
    region?: string;
    items: SizedDeployment[];
}

/** A deployment no default quota covers, and why. */
export type QuotaExclusion =
    | {
          deployment: ResourceView;
          account?: ResourceView;
          why: "no-account" | "unknown-model" | "unknown-sku-or-capacity";
      }
    | {
          deployment: ResourceView;
          account: ResourceView;
          why: "provisioned";
          offer: FoundryOffer;
          sku: string;
          capacity: number;
      };

/**
 * The deployments of a stack grouped by catalog model, SKU and region (an account stands for its region when that is
 * unknown), for SKUs with a default quota (a provisioned SKU's PTU quota is not the catalog's to know); the others,
 * with why they are in no group. The policy pack (foundry-capacity-limits) and the plan's Foundry quota table both
 * read this.
 */
export function foundryQuotaGroups(index: FoundryIndex): { groups: FoundryQuotaGroup[]; excluded: QuotaExclusion[] } {
    const groups = new Map<string, FoundryQuotaGroup>();
    const excluded: QuotaExclusion[] = [];
    for (const deployment of index.deployments) {
        const account = index.accountOf(deployment);
        if (!account) {
            excluded.push({ deployment, why: "no-account" });
            continue;
        }
        const offer = findFoundryModel(deploymentModel(deployment));
        const { name: sku, capacity } = deploymentSku(deployment);
        if (!offer || sku === undefined || capacity === undefined) {
            excluded.push({ deployment, account, why: offer ? "unknown-sku-or-capacity" : "unknown-model" });
            continue;
        }
        const defaultQuota = defaultFoundryQuota(offer, sku);
        if (defaultQuota === undefined) {
            excluded.push({ deployment, account, why: "provisioned", offer, sku, capacity });
            continue;
        }
        const location = knownString(account.props, "location");
        const region = location !== undefined ? normalizeRegion(location) : undefined;
        const key = `${offer.name}|${sku.toLowerCase()}|${region ?? account.urn}`;
        const group = groups.get(key) ?? {
            offer,
            sku,
            defaultQuota,
            ...(region !== undefined ? { region } : {}),
            items: [],
        };
        group.items.push({ resource: deployment, capacity, account });
        groups.set(key, group);
    }
    return { groups: [...groups.values()], excluded };
}
