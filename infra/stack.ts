/**
 * Composes the components from validated stack config: the hub (or classic workspace), its projects, one
 * Marketplace subscription per (workspace/project, partner offer) and one serverless endpoint per deployment.
 * Returns the stack outputs an application can use directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { needsMarketplaceSubscription } from "./catalog";
import { AiProject, AiWorkspace, MarketplaceModelSubscription, ServerlessModelEndpoint, routeName } from "./components";
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

    return {
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
