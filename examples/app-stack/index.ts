/**
 * An application team's stack. The platform team's stack (this repository's `infra/index.ts`) owns the hub and
 * its projects; this stack adds two model deployments to one of those projects and creates no hub, project or
 * workspace:
 *
 * - Ministral-3B as a serverless API (pay per token), with the project's Azure Marketplace subscription to the
 *   model's offer, which the endpoint depends on explicitly;
 * - Mistral-7B-Instruct v0.2 on managed compute (a GPU VM in your subscription): an online endpoint, one
 *   deployment, and the traffic split applied once the deployment exists (`EndpointTraffic`, Node.js only).
 *
 * It imports the library by its package name, as a consumer does after `npm install azure-ai-models`. Inside this
 * repository the name resolves to the built `dist/` through Node's package self-reference, so run `npm run build`
 * first; `npm run plan -- --dir examples/app-stack` plans it offline.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    EndpointTraffic,
    ManagedModelDeployment,
    ManagedOnlineEndpoint,
    MarketplaceModelSubscription,
    ServerlessModelEndpoint,
    routeName,
} from "azure-ai-models";
import { findModel, lifecycleStage, managedAssetId, needsMarketplaceSubscription } from "azure-ai-models/catalog";
import { configuredToday } from "azure-ai-models/config";

/** The existing project: resource group, name (with its suffix) and region. */
interface ExistingProject {
    resourceGroupName: string;
    name: string;
    location: string;
}

const config = new pulumi.Config();
const project = config.requireObject<ExistingProject>("project");
const tags = config.getObject<Record<string, string>>("tags") ?? {};
const today = configuredToday() ?? new Date();

// ---- serverless: Ministral-3B ---------------------------------------------------------------------------------

const chatModel = findModel("Ministral-3B");
if (!chatModel?.serverless) throw new Error("the catalog has no serverless offer for Ministral-3B");
const chatOffer = chatModel.serverless;
const chatStage = lifecycleStage(chatOffer.lifecycle, today);
if (chatStage === "retired") throw new Error(`${chatModel.name} is retired: its serverless deployments return 404`);
if (chatStage !== "active") void pulumi.log.warn(`${chatModel.name} is ${chatStage}; plan its replacement`);

// Partner models (every registry but Microsoft's `azureml`) need one Marketplace subscription per project and offer.
// When the platform team already subscribed the project, leave this out: the endpoint then warns and relies on theirs.
const subscription = needsMarketplaceSubscription(chatOffer.modelId)
    ? new MarketplaceModelSubscription(`${project.name}-${chatModel.name}`, {
          resourceGroupName: project.resourceGroupName,
          workspaceName: project.name,
          modelId: chatOffer.modelId,
      })
    : undefined;

const chat = new ServerlessModelEndpoint("team-chat", {
    resourceGroupName: project.resourceGroupName,
    workspaceName: project.name,
    location: project.location,
    endpointName: "team-chat",
    modelId: chatOffer.modelId,
    marketplaceSubscriptionId: subscription?.subscriptionId,
    routes: chatOffer.routes.map((r) => ({ name: routeName(r), path: r.path })),
    tags,
});

// ---- managed compute: Mistral-7B-Instruct v0.2 ----------------------------------------------------------------

const llmModel = findModel("Mistral-7B-Instruct-v02");
if (!llmModel?.managed?.version) throw new Error("the catalog pins no managed version of Mistral-7B-Instruct-v02");

const llm = new ManagedOnlineEndpoint("team-llm", {
    resourceGroupName: project.resourceGroupName,
    workspaceName: project.name,
    location: project.location,
    endpointName: "team-llm",
    authMode: "AADToken",
    tags,
});
const blue = new ManagedModelDeployment("team-llm-blue", {
    resourceGroupName: project.resourceGroupName,
    workspaceName: project.name,
    location: project.location,
    endpointName: llm.endpointName,
    deploymentName: "blue",
    model: managedAssetId(llmModel, llmModel.managed.version),
    instanceType: "Standard_NC12s_v3",
    instanceCount: 1,
    tags,
});
// Azure refuses traffic that names a deployment that does not exist yet: the split is applied after it exists,
// and again whenever the endpoint itself changes (its revision).
new EndpointTraffic(
    "team-llm-traffic",
    {
        subscriptionId: llm.endpointId.apply((id) => id.split("/")[2]),
        resourceGroupName: project.resourceGroupName,
        workspaceName: project.name,
        endpointName: llm.endpointName,
        traffic: { blue: 100 },
        endpointRevision: llm.revision,
    },
    { parent: llm, dependsOn: [blue] },
);

// ---- outputs --------------------------------------------------------------------------------------------------

/** The serverless chat endpoint: URI, route URLs and rate limits. */
export const chatEndpoint = {
    model: chatModel.name,
    uri: chat.uri,
    routes: chat.routeUrls,
    tokensPerMinute: chat.tokensPerMinute,
    requestsPerMinute: chat.requestsPerMinute,
};
/** Secret: the endpoint's primary key (the component wraps it in `pulumi.secret`). */
export const chatKey = chat.primaryKey;
/** The managed endpoint: scoring URI and how to authenticate (a Microsoft Entra ID token). */
export const llmEndpoint = {
    model: llmModel.name,
    scoringUri: llm.scoringUri,
    authorization: llm.authorization,
};
