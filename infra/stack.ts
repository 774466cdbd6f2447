/**
 * Composes the components from validated stack config: the hub (or classic workspace), its projects, one
 * Marketplace subscription per (workspace/project, partner offer) and one serverless endpoint per deployment.
 * Returns the stack outputs an application can use directly.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import * as pulumi from "@pulumi/pulumi";
import {
    DEPLOYMENT_HEADER,
    managedClientApi,
    needsMarketplaceSubscription,
    serverlessClient,
    type ClientApi,
    type Route,
} from "./catalog";
import {
    AiProject,
    AiWorkspace,
    ManagedModelDeployment,
    ManagedOnlineEndpoint,
    MarketplaceModelSubscription,
    ServerlessModelEndpoint,
    parseWorkspaceId,
    routeName,
} from "./components";
import { EndpointTraffic } from "./components/endpointTraffic";
import { PrivateAccess, type PrivateAccessTarget } from "./components/privateAccess";
import { managedDeploymentComponentName, type ValidStackConfig } from "./config";
import { defineFoundry, type FoundryOutput } from "./foundryStack";

export type { FoundryOutput, FoundryDeploymentOutput } from "./foundryStack";

/** What a consuming application needs of one deployment. */
export interface DeploymentOutput {
    model: string;
    modelId: string;
    type: "serverless";
    /** Project (or `workspace` for a classic workspace) the endpoint lives in. */
    project: string;
    endpointName: pulumi.Output<string>;
    uri: pulumi.Output<string>;
    routes: pulumi.Output<{ [name: string]: string }>;
    rateLimits: { tokensPerMinute: number; requestsPerMinute: number };
    /**
     * What an OpenAI-compatible client (the `openai` npm package) needs: base URL, the header and how to fill it,
     * and what goes in `model`. Absent for a model with no chat or completions route (document OCR).
     */
    client?: ServerlessClientOutput;
    /** Routes whose only official SDK has retired, by route name, with what to use instead. */
    routeNotes: { [name: string]: string };
    /** Secret. */
    primaryKey: pulumi.Output<string>;
    /** Secret. */
    secondaryKey: pulumi.Output<string>;
}

/** How an OpenAI-compatible client calls a serverless deployment. */
export interface ServerlessClientOutput {
    /** `<uri>/v1`: the client appends `/chat/completions` (or `/completions`). */
    baseURL: pulumi.Output<string>;
    /** `chat`, or `completions` for a base model. */
    api: ClientApi;
    /** The header, and what goes in it (the `openai` package sends `Authorization: Bearer <apiKey>`). */
    authorization: { header: string; value: string };
    /** What to send as `model`. */
    model: string;
    /** Whether the endpoint reads `model` (it serves one model; only some provider APIs need the field). */
    modelRequired: boolean;
}

/** What a consuming application needs of one managed online endpoint. */
export interface OnlineEndpointOutput {
    project: string;
    endpointName: pulumi.Output<string>;
    scoringUri: pulumi.Output<string>;
    swaggerUri: pulumi.Output<string>;
    authMode: string;
    /** The header to send and what goes in it. */
    authorization: pulumi.Output<{ header: string; value: string }>;
    deployments: {
        [name: string]: {
            model: string;
            modelId: string;
            instanceType: string;
            instances: string;
            /** `chat` (`/chat/completions`) or `completions`, at the endpoint's root. */
            api: ClientApi;
        };
    };
    /**
     * How an OpenAI-compatible client calls a deployment: `baseURL` (the scoring URI's origin; the client appends
     * `/chat/completions`), `authorization` above, and `deploymentHeader` naming the deployment, whatever the traffic.
     */
    client: { baseURL: pulumi.Output<string>; deploymentHeader: string };
    traffic: { [deployment: string]: number };
    mirrorTraffic: { [deployment: string]: number };
    /** Secret; only with auth mode Key. */
    primaryKey?: pulumi.Output<string | undefined>;
    /** Secret; only with auth mode Key. */
    secondaryKey?: pulumi.Output<string | undefined>;
    contentSafetyEndpoint?: pulumi.Output<string | undefined>;
    /** Shared-quota endpoints are deleted by Azure after 168 hours. */
    sharedQuota: boolean;
}

export interface StackOutputs {
    /** The hub or workspace; absent when the stack has only a Foundry resource. */
    workspace?: {
        kind: string;
        name: pulumi.Output<string>;
        id: pulumi.Output<string>;
        resourceGroupName: pulumi.Output<string>;
        location: string;
        projects: { [name: string]: { name: pulumi.Output<string>; id: pulumi.Output<string> } };
        /** ARM ids of the private endpoints of the hub, its storage, key vault and registry (with `network.privateEndpoints`). */
        privateEndpointIds?: pulumi.Output<string[]>;
    };
    deployments: { [name: string]: DeploymentOutput };
    onlineEndpoints: { [name: string]: OnlineEndpointOutput };
    /** The Foundry resource, its projects and model deployments, when the stack has a `foundry` section. */
    foundry?: FoundryOutput;
}

/** Where deployments go: a project or workspace, by resource group and name. */
interface Host {
    /** Name used in logical resource names and outputs (`chat`, or the workspace's). */
    label: string;
    resourceGroupName: pulumi.Output<string>;
    workspaceName: pulumi.Output<string>;
}

export function defineStack(config: ValidStackConfig): StackOutputs {
    const tagsOf = (...more: ({ [k: string]: string } | undefined)[]) =>
        Object.assign({}, config.workspace?.tags, ...more);
    const hub = config.workspace || config.existingWorkspace ? defineHub(config, tagsOf) : undefined;
    const hostOf = (project: string | undefined): Host => {
        if (!hub) throw new Error("hub models need a workspace (the config validation requires one)");
        return hub.hostOf(project);
    };

    // Registered in this order: serverless deployments, online endpoints, then the Foundry resource.
    const deployments = defineServerless(config, hostOf, tagsOf);
    const onlineEndpoints = defineOnlineEndpoints(config, hostOf, tagsOf);
    const foundry = config.foundry ? defineFoundry(config.foundry) : undefined;
    return {
        onlineEndpoints,
        ...(hub ? { workspace: hub.workspace } : {}),
        deployments,
        ...(foundry ? { foundry } : {}),
    };
}

type HostOf = (project: string | undefined) => Host;
type TagsOf = (...more: ({ [k: string]: string } | undefined)[]) => { [k: string]: string };

/** One Marketplace subscription per (project, partner offer) and one serverless endpoint per deployment. */
function defineServerless(config: ValidStackConfig, hostOf: HostOf, tagsOf: TagsOf): StackOutputs["deployments"] {
    const subscriptions = new Map<string, MarketplaceModelSubscription>();
    const deployments: StackOutputs["deployments"] = {};
    for (const d of config.deployments) {
        const host = hostOf(d.project);
        const offer = d.catalogModel.serverless!;
        const modelId = offer.modelId;

        // One subscription per (workspace/project, offer); later deployments of the offer there reuse it.
        let subscription: MarketplaceModelSubscription | undefined;
        if (needsMarketplaceSubscription(modelId) && d.marketplaceSubscription === "create") {
            const key = `${host.label.toLowerCase()}|${modelId.toLowerCase()}`;
            subscription = subscriptions.get(key);
            if (!subscription) {
                subscription = new MarketplaceModelSubscription(`${host.label}-${d.catalogModel.name}`, {
                    resourceGroupName: host.resourceGroupName,
                    workspaceName: host.workspaceName,
                    modelId,
                });
                subscriptions.set(key, subscription);
            }
        }

        const endpoint = new ServerlessModelEndpoint(d.name, {
            resourceGroupName: host.resourceGroupName,
            workspaceName: host.workspaceName,
            location: config.location,
            endpointName: d.name,
            modelId,
            authMode: d.authMode,
            contentSafety: d.contentSafety,
            marketplaceSubscriptionId: subscription?.subscriptionId,
            routes: offer.routes.map((r) => ({ name: routeName(r), path: r.path })),
            tags: tagsOf(d.tags),
        });

        deployments[d.name] = {
            model: d.catalogModel.name,
            modelId,
            type: "serverless",
            project: d.project ?? "workspace",
            endpointName: endpoint.endpointName,
            uri: endpoint.uri,
            routes: endpoint.routeUrls,
            rateLimits: {
                tokensPerMinute: offer.rateLimits.tokensPerMinute,
                requestsPerMinute: offer.rateLimits.requestsPerMinute,
            },
            ...clientOutputs(d.catalogModel, offer.routes, endpoint.openAiBaseUrl),
            primaryKey: endpoint.primaryKey,
            secondaryKey: endpoint.secondaryKey,
        };
    }
    return deployments;
}

/** Managed online endpoints, their deployments and the traffic split applied once they exist. */
function defineOnlineEndpoints(
    config: ValidStackConfig,
    hostOf: HostOf,
    tagsOf: TagsOf,
): StackOutputs["onlineEndpoints"] {
    const onlineEndpoints: StackOutputs["onlineEndpoints"] = {};
    for (const e of config.onlineEndpoints) {
        const host = hostOf(e.project);
        const endpoint = new ManagedOnlineEndpoint(e.name, {
            resourceGroupName: host.resourceGroupName,
            workspaceName: host.workspaceName,
            location: config.location,
            endpointName: e.name,
            authMode: e.authMode,
            publicNetworkAccess: e.publicNetworkAccess ?? config.workspace?.publicNetworkAccess,
            description: e.description,
            sharedQuota: e.sharedQuota?.acknowledgeDeletionAfter168Hours === true,
            contentSafety: e.contentSafety,
            tags: tagsOf(e.tags),
        });
        const deployments = e.deployments.map(
            (d) =>
                new ManagedModelDeployment(managedDeploymentComponentName(e.name, d.name), {
                    resourceGroupName: host.resourceGroupName,
                    workspaceName: host.workspaceName,
                    location: config.location,
                    endpointName: endpoint.endpointName,
                    deploymentName: d.name,
                    model: d.modelId,
                    instanceType: d.instanceType,
                    instanceCount: d.instanceCount ?? d.autoscale?.minInstances,
                    scaleType: d.autoscale ? "TargetUtilization" : "Default",
                    minInstances: d.autoscale?.minInstances,
                    maxInstances: d.autoscale?.maxInstances,
                    targetUtilizationPercentage: d.autoscale?.targetUtilizationPercentage,
                    pollingIntervalSeconds: d.autoscale?.pollingIntervalSeconds,
                    maxConcurrentRequestsPerInstance: d.requestSettings?.maxConcurrentRequestsPerInstance,
                    requestTimeoutSeconds: d.requestSettings?.requestTimeoutSeconds,
                    maxQueueWaitSeconds: d.requestSettings?.maxQueueWaitSeconds,
                    livenessProbe: d.livenessProbe,
                    readinessProbe: d.readinessProbe,
                    dataCollection: d.dataCollection,
                    appInsightsEnabled: d.appInsights,
                    egressPublicNetworkAccess: d.egressPublicNetworkAccess,
                    environmentVariables: d.environmentVariables,
                    tags: tagsOf(e.tags),
                }),
        );
        // Traffic is applied once every deployment exists, and again whenever the endpoint itself changes.
        new EndpointTraffic(
            `${e.name}-traffic`,
            {
                subscriptionId: endpoint.endpointId.apply((id) => id.split("/")[2]),
                resourceGroupName: host.resourceGroupName,
                workspaceName: host.workspaceName,
                endpointName: endpoint.endpointName,
                traffic: e.traffic,
                mirrorTraffic: e.mirrorTraffic ?? {},
                endpointRevision: endpoint.revision,
            },
            { parent: endpoint, dependsOn: deployments },
        );
        onlineEndpoints[e.name] = onlineEndpointOutput(e, endpoint);
    }
    return onlineEndpoints;
}

/** What a consuming application needs of one managed online endpoint. */
function onlineEndpointOutput(
    e: ValidStackConfig["onlineEndpoints"][number],
    endpoint: ManagedOnlineEndpoint,
): OnlineEndpointOutput {
    return {
        project: e.project ?? "workspace",
        endpointName: endpoint.endpointName,
        scoringUri: endpoint.scoringUri,
        swaggerUri: endpoint.swaggerUri,
        authMode: e.authMode,
        authorization: endpoint.authorization,
        deployments: Object.fromEntries(
            e.deployments.map((d) => [
                d.name,
                {
                    model: d.catalogModel.name,
                    modelId: d.modelId,
                    instanceType: d.instanceType,
                    instances: d.autoscale
                        ? `${d.autoscale.minInstances}-${d.autoscale.maxInstances}`
                        : String(d.instanceCount ?? 1),
                    api: managedClientApi(d.catalogModel),
                },
            ]),
        ),
        client: {
            baseURL: endpoint.scoringUri.apply((u) => new URL(u).origin),
            deploymentHeader: DEPLOYMENT_HEADER,
        },
        traffic: e.traffic,
        mirrorTraffic: e.mirrorTraffic ?? {},
        ...(e.authMode === "Key" ? { primaryKey: endpoint.primaryKey, secondaryKey: endpoint.secondaryKey } : {}),
        ...(e.contentSafety ? { contentSafetyEndpoint: endpoint.contentSafetyEndpoint } : {}),
        sharedQuota: e.sharedQuota !== undefined,
    };
}

/** The hub (or classic workspace) and its projects, or the existing project or workspace deployments go into. */
/** Private endpoints of the hub and of its storage (blob and file), key vault and registry, with their DNS. */
function defineHubPrivateAccess(
    ws: NonNullable<ValidStackConfig["workspace"]>,
    workspace: AiWorkspace,
    location: string,
): PrivateAccess | undefined {
    const net = ws.network;
    if (!net || net.privateEndpoints.length === 0) return undefined;
    const targets: PrivateAccessTarget[] = [
        { name: "hub", kind: "mlWorkspace", resourceId: workspace.workspaceId },
        { name: "blob", kind: "storageBlob", resourceId: workspace.storageAccountId },
        { name: "file", kind: "storageFile", resourceId: workspace.storageAccountId },
        { name: "vault", kind: "keyVault", resourceId: workspace.keyVaultId },
    ];
    if (ws.containerRegistry)
        targets.push({
            name: "registry",
            kind: "containerRegistry",
            resourceId: workspace.containerRegistryId.apply((id) => id ?? ""),
        });
    return new PrivateAccess(`${ws.name}-private`, {
        baseName: ws.name,
        resourceGroupName: workspace.resourceGroupName,
        location,
        targets,
        placements: net.privateEndpoints,
        dnsMode: net.dns.mode,
        linkVirtualNetworkIds: net.dns.linkVirtualNetworkIds,
        zoneIds: net.dns.zoneIds,
        tags: ws.tags,
    });
}

function defineHub(
    config: ValidStackConfig,
    tagsOf: TagsOf,
): { workspace: NonNullable<StackOutputs["workspace"]>; hostOf: (project: string | undefined) => Host } {
    const hosts = new Map<string, Host>();
    let defaultHost: Host;
    let workspaceOutput: NonNullable<StackOutputs["workspace"]>;

    if (config.workspace) {
        const ws = config.workspace;
        const workspace = new AiWorkspace(ws.name, {
            kind: ws.kind === "hub" ? "Hub" : "Default",
            workspaceName: ws.name,
            location: config.location,
            resourceGroupName: ws.resourceGroup?.name,
            createResourceGroup: !(ws.resourceGroup?.existing ?? false),
            friendlyName: ws.friendlyName,
            description: ws.description,
            tags: ws.tags,
            publicNetworkAccess: ws.publicNetworkAccess,
            // Validation found a way in for a closed hub: the endpoints of defineHubPrivateAccess, or another team's.
            accessManagedElsewhere:
                (ws.network?.privateEndpoints.length ?? 0) > 0 || ws.network?.accessManagedElsewhere,
            isolationMode: ws.managedNetwork.isolationMode,
            outboundRules: ws.managedNetwork.outboundRules,
            encryption: ws.encryption,
            storageSharedKeyAccess: ws.storageSharedKeyAccess,
            containerRegistry: ws.containerRegistry,
            keyVaultPurgeProtection: ws.keyVault.purgeProtection,
            keyVaultSoftDeleteRetentionDays: ws.keyVault.softDeleteRetentionDays,
            logRetentionDays: ws.logRetentionDays,
            principals: ws.principals,
        });
        defaultHost = {
            label: ws.name,
            resourceGroupName: workspace.resourceGroupName,
            workspaceName: workspace.workspaceName,
        };
        const projects: NonNullable<StackOutputs["workspace"]>["projects"] = {};
        for (const p of ws.projects) {
            const project = new AiProject(`${ws.name}-${p.name}`, {
                hubResourceId: workspace.workspaceId,
                resourceGroupName: workspace.resourceGroupName,
                location: config.location,
                projectName: p.name,
                friendlyName: p.displayName,
                description: p.description,
                tags: tagsOf(p.tags),
            });
            hosts.set(p.name.toLowerCase(), {
                label: p.name,
                resourceGroupName: workspace.resourceGroupName,
                workspaceName: project.workspaceName,
            });
            projects[p.name] = { name: project.workspaceName, id: project.workspaceId };
        }
        const access = defineHubPrivateAccess(ws, workspace, config.location);
        workspaceOutput = {
            kind: ws.kind,
            name: workspace.workspaceName,
            id: workspace.workspaceId,
            resourceGroupName: workspace.resourceGroupName,
            location: config.location,
            projects,
            ...(access ? { privateEndpointIds: access.privateEndpointIds } : {}),
        };
    } else {
        ({ defaultHost, workspaceOutput } = existingWorkspace(config));
    }
    const hostOf = (project: string | undefined): Host => (project ? hosts.get(project.toLowerCase())! : defaultHost);
    return { workspace: workspaceOutput, hostOf };
}

/** Bring your own: deployments go into a project or workspace that another stack owns; nothing is created here. */
function existingWorkspace(config: ValidStackConfig): {
    defaultHost: Host;
    workspaceOutput: NonNullable<StackOutputs["workspace"]>;
} {
    const existing = config.existingWorkspace!;
    const coords = existing.id
        ? parseWorkspaceId(existing.id)
        : { resourceGroupName: existing.resourceGroupName!, workspaceName: existing.name! };
    const defaultHost: Host = {
        label: coords.workspaceName,
        resourceGroupName: pulumi.output(coords.resourceGroupName),
        workspaceName: pulumi.output(coords.workspaceName),
    };
    const workspaceOutput: NonNullable<StackOutputs["workspace"]> = {
        kind: `existing ${existing.kind}`,
        name: defaultHost.workspaceName,
        id: pulumi.output(
            existing.id ??
                authorization
                    .getClientConfigOutput()
                    .subscriptionId.apply(
                        (sub) =>
                            `/subscriptions/${sub}/resourceGroups/${coords.resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/${coords.workspaceName}`,
                    ),
        ),
        resourceGroupName: defaultHost.resourceGroupName,
        location: config.location,
        projects: {},
    };
    return { defaultHost, workspaceOutput };
}

/** The client a serverless deployment's consumers should use, and notes on the routes whose SDK has retired. */
function clientOutputs(
    model: Parameters<typeof serverlessClient>[0],
    routes: readonly Route[],
    baseURL: pulumi.Output<string>,
): Pick<DeploymentOutput, "client" | "routeNotes"> {
    const facts = serverlessClient(model);
    const routeNotes = Object.fromEntries(
        routes
            .filter((r) => r.sdkRetired)
            .map((r) => [
                routeName(r),
                `Azure AI Inference API: its SDK retired on ${r.sdkRetired}; new clients use client.baseURL with the openai package`,
            ]),
    );
    if (!facts) return { routeNotes };
    const { api, authorization, model: modelField, modelRequired } = facts;
    return { client: { baseURL, api, authorization, model: modelField, modelRequired }, routeNotes };
}
