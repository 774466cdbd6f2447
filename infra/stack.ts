/**
 * Composes the components from validated stack config: the hub (or classic workspace), its projects, one
 * Marketplace subscription per (workspace/project, partner offer) and one serverless endpoint per deployment.
 * Returns the stack outputs an application can use directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { needsMarketplaceSubscription } from "./catalog";
import {
    AiProject,
    AiWorkspace,
    ManagedModelDeployment,
    ManagedOnlineEndpoint,
    MarketplaceModelSubscription,
    ServerlessModelEndpoint,
    routeName,
} from "./components";
import { EndpointTraffic } from "./components/endpointTraffic";
import type { ValidStackConfig } from "./config";

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
    /** Secret. */
    primaryKey: pulumi.Output<string>;
    /** Secret. */
    secondaryKey: pulumi.Output<string>;
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
    deployments: { [name: string]: { model: string; modelId: string; instanceType: string; instances: string } };
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
    workspace: {
        kind: string;
        name: pulumi.Output<string>;
        id: pulumi.Output<string>;
        resourceGroupName: pulumi.Output<string>;
        location: string;
        projects: { [name: string]: { name: pulumi.Output<string>; id: pulumi.Output<string> } };
    };
    deployments: { [name: string]: DeploymentOutput };
    onlineEndpoints: { [name: string]: OnlineEndpointOutput };
}

export function defineStack(config: ValidStackConfig): StackOutputs {
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
        isolationMode: ws.managedNetwork.isolationMode,
        containerRegistry: ws.containerRegistry,
        keyVaultPurgeProtection: ws.keyVault.purgeProtection,
        keyVaultSoftDeleteRetentionDays: ws.keyVault.softDeleteRetentionDays,
        logRetentionDays: ws.logRetentionDays,
        aiDevelopers: ws.aiDevelopers,
    });

    const projects = new Map<string, AiProject>();
    for (const p of ws.projects) {
        projects.set(
            p.name.toLowerCase(),
            new AiProject(`${ws.name}-${p.name}`, {
                hubResourceId: workspace.workspaceId,
                resourceGroupName: workspace.resourceGroupName,
                location: config.location,
                projectName: p.name,
                friendlyName: p.displayName,
                description: p.description,
                tags: { ...ws.tags, ...p.tags },
            }),
        );
    }

    const subscriptions = new Map<string, MarketplaceModelSubscription>();
    const deployments: StackOutputs["deployments"] = {};
    for (const d of config.deployments) {
        const project = d.project ? projects.get(d.project.toLowerCase()) : undefined;
        const host = project ?? workspace;
        const hostName = project ? d.project! : ws.name;
        const offer = d.catalogModel.serverless!;
        const modelId = offer.modelId;

        // One subscription per (workspace/project, offer); later deployments of the offer there reuse it.
        let subscription: MarketplaceModelSubscription | undefined;
        if (needsMarketplaceSubscription(modelId)) {
            const key = `${hostName.toLowerCase()}|${modelId.toLowerCase()}`;
            subscription = subscriptions.get(key);
            if (!subscription) {
                subscription = new MarketplaceModelSubscription(`${hostName}-${d.catalogModel.name}`, {
                    resourceGroupName: workspace.resourceGroupName,
                    workspaceName: host.workspaceName,
                    modelId,
                });
                subscriptions.set(key, subscription);
            }
        }

        const endpoint = new ServerlessModelEndpoint(d.name, {
            resourceGroupName: workspace.resourceGroupName,
            workspaceName: host.workspaceName,
            location: config.location,
            endpointName: d.name,
            modelId,
            authMode: d.authMode,
            contentSafety: d.contentSafety,
            marketplaceSubscriptionId: subscription?.subscriptionId,
            routes: offer.routes.map((r) => ({ name: routeName(r), path: r.path })),
            tags: { ...ws.tags, ...d.tags },
        });

        deployments[d.name] = {
            model: d.catalogModel.name,
            modelId,
            type: "serverless",
            project: project ? d.project! : "workspace",
            endpointName: endpoint.endpointName,
            uri: endpoint.uri,
            routes: endpoint.routeUrls,
            rateLimits: { tokensPerMinute: offer.rateLimits.tokensPerMinute, requestsPerMinute: offer.rateLimits.requestsPerMinute },
            primaryKey: endpoint.primaryKey,
            secondaryKey: endpoint.secondaryKey,
        };
    }

    const onlineEndpoints: StackOutputs["onlineEndpoints"] = {};
    for (const e of config.onlineEndpoints) {
        const project = e.project ? projects.get(e.project.toLowerCase()) : undefined;
        const host = project ?? workspace;
        const endpoint = new ManagedOnlineEndpoint(e.name, {
            resourceGroupName: workspace.resourceGroupName,
            workspaceName: host.workspaceName,
            location: config.location,
            endpointName: e.name,
            authMode: e.authMode,
            publicNetworkAccess: e.publicNetworkAccess ?? ws.publicNetworkAccess,
            description: e.description,
            sharedQuota: e.sharedQuota?.acknowledgeDeletionAfter168Hours === true,
            contentSafety: e.contentSafety,
            tags: { ...ws.tags, ...e.tags },
        });
        const deployments = e.deployments.map(
            (d) =>
                new ManagedModelDeployment(`${e.name}-${d.name}`, {
                    resourceGroupName: workspace.resourceGroupName,
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
                    tags: { ...ws.tags, ...e.tags },
                }),
        );
        // Traffic is applied once every deployment exists, and again whenever the endpoint itself changes.
        new EndpointTraffic(
            `${e.name}-traffic`,
            {
                subscriptionId: endpoint.endpointId.apply((id) => id.split("/")[2]),
                resourceGroupName: workspace.resourceGroupName,
                workspaceName: host.workspaceName,
                endpointName: endpoint.endpointName,
                traffic: e.traffic,
                mirrorTraffic: e.mirrorTraffic ?? {},
                endpointRevision: endpoint.revision,
            },
            { parent: endpoint, dependsOn: deployments },
        );
        onlineEndpoints[e.name] = {
            project: project ? e.project! : "workspace",
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
                        instances: d.autoscale ? `${d.autoscale.minInstances}-${d.autoscale.maxInstances}` : String(d.instanceCount ?? 1),
                    },
                ]),
            ),
            traffic: e.traffic,
            mirrorTraffic: e.mirrorTraffic ?? {},
            ...(e.authMode === "Key" ? { primaryKey: endpoint.primaryKey, secondaryKey: endpoint.secondaryKey } : {}),
            ...(e.contentSafety ? { contentSafetyEndpoint: endpoint.contentSafetyEndpoint } : {}),
            sharedQuota: e.sharedQuota !== undefined,
        };
    }

    return {
        onlineEndpoints,
        workspace: {
            kind: ws.kind,
            name: workspace.workspaceName,
            id: workspace.workspaceId,
            resourceGroupName: workspace.resourceGroupName,
            location: config.location,
            projects: Object.fromEntries(
                ws.projects.map((p) => {
                    const proj = projects.get(p.name.toLowerCase())!;
                    return [p.name, { name: proj.workspaceName, id: proj.workspaceId }];
                }),
            ),
        },
        deployments,
    };
}
