/**
 * The Foundry part of the stack: the account, its projects, custom content filters and model deployments, from the
 * validated `foundry` section. Every write to the account is made one after another, in one chain (Azure answers
 * concurrent writes to one account with 409): the account's diagnostic setting and role assignments, then the
 * projects, the content filters and the deployments, each in config order (see `AccountWriteChain`).
 */
import * as pulumi from "@pulumi/pulumi";
import { FOUNDRY_ENDPOINTS } from "./catalog";
import { foundryPrivateFqdns } from "./catalog/privateLink";
import {
    ContentFilter,
    ContentFilterBlocklist,
    FoundryAccount,
    FoundryModelDeployment,
    FoundryProject,
    PrivateAccess,
} from "./components";
import { withCheckedModel, type ValidFoundryConfig } from "./config";

/** What a client needs of one Foundry deployment. */
export interface FoundryDeploymentOutput {
    /** The value to send as `model`: the deployment name. */
    model: string;
    /** The model deployed (`properties.model`), its format (publisher), version and who sells it (catalog models). */
    modelName: string;
    format: string;
    version: string;
    soldBy: string;
    sku: string;
    capacity: number;
    contentFilter: string;
    /** OpenAI-compatible base URL, `https://<sub>.openai.azure.com/openai/v1/`. */
    openAiBaseUrl: pulumi.Output<string>;
    /** Scope of the Entra ID token to send. */
    entraScope: string;
    /** Foundry endpoint of the account. */
    accountEndpoint: pulumi.Output<string>;
    /** Endpoint of each project of the account (deployments belong to the account: every project reaches them). */
    projectEndpoints: { [project: string]: pulumi.Output<string> };
    /** Default rate limits of the model (per subscription, region and SKU); absent for a model outside the catalog. */
    rateLimits?: { tokensPerMinute: number; requestsPerMinute: number; concurrentRequests: number };
    /** Secret; only when local auth is on. */
    primaryKey?: pulumi.Output<string | undefined>;
    /** Secret; only when local auth is on. */
    secondaryKey?: pulumi.Output<string | undefined>;
}

export interface FoundryOutput {
    accountName: pulumi.Output<string>;
    accountId: pulumi.Output<string>;
    resourceGroupName: pulumi.Output<string>;
    location: string;
    customSubDomain: pulumi.Output<string>;
    endpoint: pulumi.Output<string>;
    openAiBaseUrl: pulumi.Output<string>;
    localAuth: "enabled" | "disabled";
    projects: {
        [name: string]: { name: pulumi.Output<string>; id: pulumi.Output<string>; endpoint: pulumi.Output<string> };
    };
    contentFilters: string[];
    deployments: { [name: string]: FoundryDeploymentOutput };
    /** ARM ids of the account's private endpoints (only when the section has `network.privateEndpoints`). */
    privateEndpointIds?: pulumi.Output<string[]>;
    /** The host names clients call, which resolve to the private endpoints inside the linked networks. */
    privateFqdns?: pulumi.Output<string[]>;
}

/** Builds the Foundry resource and everything in it; returns the outputs. */
export function defineFoundry(f: ValidFoundryConfig): FoundryOutput {
    const account = new FoundryAccount(f.name, {
        accountName: f.name,
        location: f.location,
        customSubDomain: f.customSubDomain,
        resourceGroupName: f.resourceGroup?.name,
        createResourceGroup: !(f.resourceGroup?.existing ?? false),
        publicNetworkAccess: f.publicNetworkAccess,
        disableLocalAuth: f.disableLocalAuth,
        networkAcls: f.networkAcls,
        // Validation found a way in for a closed account: the endpoints below, or one another team manages.
        accessManagedElsewhere: (f.network?.privateEndpoints.length ?? 0) > 0 || f.network?.accessManagedElsewhere,
        logRetentionDays: f.logRetentionDays,
        restrictOutboundNetworkAccess: f.restrictOutboundNetworkAccess,
        allowedFqdnList: f.allowedFqdnList,
        encryption: f.encryption,
        principals: f.principals,
        restore: f.restore,
        purgeOnDestroy: f.purgeOnDestroy,
        tags: f.tags,
    });
    const onAccount = { resourceGroupName: account.resourceGroupName, accountName: account.accountName };
    const chain = account.writes();
    const projects: FoundryOutput["projects"] = {};
    for (const p of f.projects) {
        const project = chain.push(
            `project ${p.name}`,
            (dependsOn) =>
                new FoundryProject(
                    `${f.name}-${p.name}`,
                    {
                        ...onAccount,
                        customSubDomain: account.customSubDomain,
                        projectName: p.name,
                        location: f.location,
                        displayName: p.displayName,
                        description: p.description,
                        tags: { ...f.tags, ...p.tags },
                    },
                    { dependsOn },
                ),
        );
        projects[p.name] = { name: project.projectName, id: project.projectId, endpoint: project.endpoint };
    }
    const filters = defineFilters(f, account);
    const deployments = defineDeployments(f, account, filters, projects);
    const access = definePrivateAccess(f, account);
    return {
        accountName: account.accountName,
        accountId: account.accountId,
        resourceGroupName: account.resourceGroupName,
        location: f.location,
        customSubDomain: account.customSubDomain,
        endpoint: account.endpoint,
        openAiBaseUrl: account.openAiBaseUrl,
        localAuth: f.disableLocalAuth ? "disabled" : "enabled",
        projects,
        contentFilters: f.contentFilters.map((c) => c.name),
        deployments,
        ...(access
            ? {
                  privateEndpointIds: access.privateEndpointIds,
                  privateFqdns: account.customSubDomain.apply(foundryPrivateFqdns),
              }
            : {}),
    };
}

/** The account's blocklists, then the content filters that apply them, appended to its write chain in config order. */
function defineFilters(f: ValidFoundryConfig, account: FoundryAccount): Map<string, ContentFilter> {
    const onAccount = { resourceGroupName: account.resourceGroupName, accountName: account.accountName };
    const chain = account.writes();
    // Blocklists before the content filters that apply them; each list's items follow it in the chain.
    const lists = new Map<string, ContentFilterBlocklist>();
    for (const b of f.blocklists) {
        const list = chain.push(
            `blocklist ${b.name}`,
            (dependsOn) =>
                new ContentFilterBlocklist(
                    `${f.name}-${b.name}`,
                    { ...onAccount, blocklistName: b.name, description: b.description, items: b.items },
                    { dependsOn },
                ),
        );
        chain.add(`blocklist ${b.name}: ${b.items.length} items`, list.lastWrite());
        lists.set(b.name.toLowerCase(), list);
    }
    const filters = new Map<string, ContentFilter>();
    for (const c of f.contentFilters) {
        const filter = chain.push(
            `content filter ${c.name}`,
            (dependsOn) =>
                new ContentFilter(
                    `${f.name}-${c.name}`,
                    {
                        ...onAccount,
                        filterName: c.name,
                        basePolicyName: c.basePolicy,
                        mode: c.mode,
                        filters: c.filters,
                        // The list's output name makes the filter wait for the list (validation found each one).
                        blocklists: c.blocklists.map((b) => ({
                            name: lists.get(b.name.toLowerCase())!.blocklistName,
                            blocking: b.blocking,
                            ...(b.source ? { source: b.source } : {}),
                        })),
                    },
                    { dependsOn },
                ),
        );
        filters.set(c.name, filter);
    }
    return filters;
}

/** The account's private endpoints and their DNS, after every other write to the account. */
function definePrivateAccess(f: ValidFoundryConfig, account: FoundryAccount): PrivateAccess | undefined {
    const net = f.network;
    if (!net || net.privateEndpoints.length === 0) return undefined;
    return account.writes().push(
        "private endpoints",
        (dependsOn) =>
            new PrivateAccess(
                `${f.name}-private`,
                {
                    baseName: f.name,
                    resourceGroupName: account.resourceGroupName,
                    location: f.location,
                    targets: [{ name: "account", kind: "foundryAccount", resourceId: account.accountId }],
                    placements: net.privateEndpoints,
                    dnsMode: net.dns.mode,
                    linkVirtualNetworkIds: net.dns.linkVirtualNetworkIds,
                    zoneIds: net.dns.zoneIds,
                    tags: f.tags,
                },
                // Last in the account's write chain: an endpoint created while the account is still updating fails with
                // AccountProvisioningStateInvalid.
                { dependsOn },
            ),
    );
}

/** The deployments of the account, appended to its write chain in config order. */
function defineDeployments(
    f: ValidFoundryConfig,
    account: FoundryAccount,
    filters: Map<string, ContentFilter>,
    projects: FoundryOutput["projects"],
): FoundryOutput["deployments"] {
    const out: FoundryOutput["deployments"] = {};
    const chain = account.writes();
    for (const d of f.deployments) {
        const filter = filters.get(d.raiPolicyName);
        const deployment = chain.push(
            `deployment ${d.name}`,
            (dependsOn) =>
                new FoundryModelDeployment(
                    `${f.name}-${d.name}`,
                    // The model validation resolved and checked travels with the arguments: the component looks it up no more.
                    withCheckedModel(
                        {
                            resourceGroupName: account.resourceGroupName,
                            accountName: account.accountName,
                            customSubDomain: account.customSubDomain,
                            location: f.location,
                            deploymentName: d.name,
                            model: d.model,
                            ...(d.format !== undefined ? { format: d.format } : {}),
                            version: d.version,
                            sku: d.sku,
                            capacity: d.capacity,
                            // The filter's output name makes the deployment wait for the filter it uses.
                            raiPolicyName: filter ? filter.raiPolicyName : d.raiPolicyName,
                            versionUpgradeOption: d.versionUpgradeOption,
                            // Validation found the target listed earlier: it is already in the chain, created first.
                            ...(d.spilloverTo !== undefined ? { spilloverTo: d.spilloverTo } : {}),
                            acceptRetired: d.acceptRetired,
                            timeoutMinutes: d.timeoutMinutes,
                            tags: { ...f.tags, ...d.tags },
                        },
                        d.checked,
                    ),
                    { dependsOn },
                ),
        );
        out[d.name] = {
            model: d.name,
            modelName: d.checked.name,
            format: d.checked.format,
            version: d.checked.version,
            soldBy: d.offer?.soldBy ?? "not in the catalog",
            sku: d.sku,
            capacity: d.capacity,
            contentFilter: d.raiPolicyName,
            openAiBaseUrl: deployment.openAiBaseUrl,
            entraScope: FOUNDRY_ENDPOINTS.entraScope,
            accountEndpoint: account.endpoint,
            projectEndpoints: Object.fromEntries(Object.entries(projects).map(([n, p]) => [n, p.endpoint])),
            ...(d.offer
                ? {
                      rateLimits: {
                          tokensPerMinute: d.offer.rateLimits.tokensPerMinute,
                          requestsPerMinute: d.offer.rateLimits.requestsPerMinute,
                          concurrentRequests: d.offer.rateLimits.concurrentRequests,
                      },
                  }
                : {}),
            ...(f.disableLocalAuth ? {} : { primaryKey: account.primaryKey, secondaryKey: account.secondaryKey }),
        };
    }
    return out;
}
