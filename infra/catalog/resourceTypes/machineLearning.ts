/**
 * Records of the Azure Machine Learning types of the hub (classic) path: hubs, projects and classic workspaces,
 * Marketplace subscriptions, serverless endpoints, managed online endpoints and their deployments.
 */
import { CMK_SOURCES } from "../encryption";
import { HUB_ENDPOINTS } from "../hubEndpoints";
import { NAME_RULES } from "../names";
import { IN_RESOURCE_GROUP, LOCATION, propsOf, str } from "./common";
import type { ParentInput, ResourceType } from "./types";

const ML = "Microsoft.MachineLearningServices/workspaces";
const IN_WORKSPACE: ParentInput = { input: "workspaceName", what: "workspace" };

/** `hub`, `project` or `workspace`, from a workspace's kind. */
function workspaceWhat(inputs: Record<string, unknown>): string {
    const kind = String(inputs.kind ?? "").toLowerCase();
    return kind === "hub" ? "hub" : kind === "project" ? "project" : "workspace";
}

export const ML_WORKSPACE: ResourceType = {
    type: "azure-native:machinelearningservices:Workspace",
    title: "Azure AI hub, hub project or classic Machine Learning workspace",
    nameInput: "workspaceName",
    nameRule: NAME_RULES.mlWorkspace,
    armId: { under: "resource group", path: (_, n) => `${ML}/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [
        LOCATION,
        {
            path: "kind",
            reason: "a workspace cannot turn into a hub or a project, or back",
            source: "assumed: the ML workspace API has no kind conversion (REST spec Workspace.kind: Default, Hub or Project)",
        },
        {
            path: "hubResourceId",
            reason: "a project cannot move to another hub",
            source: "AiProject sets replaceOnChanges: hubResourceId (infra/components/aiProject.ts); a hub-based project belongs to one hub",
        },
        {
            path: "storageAccount",
            reason: "a workspace's storage account cannot change after creation",
            source: "ARM API spec (WorkspaceProperties.storageAccount): cannot be changed once the workspace has been created",
        },
        {
            path: "keyVault",
            reason: "a workspace's key vault cannot change after creation",
            source: "ARM API spec (WorkspaceProperties.keyVault): cannot be changed once the workspace has been created",
        },
        {
            path: "encryption.status",
            reason: "a hub's customer-managed key is set when it is created: it cannot switch between Microsoft-managed and customer-managed keys",
            source: CMK_SOURCES.foundry.document,
        },
        {
            path: "encryption.keyVaultProperties.keyVaultArmId",
            reason: "after creation the workspace's key can only be updated to another key in the original key vault",
            source: CMK_SOURCES.machineLearning.document,
        },
    ],
    destructive: {
        what: workspaceWhat,
        consequence: (inputs) =>
            workspaceWhat(inputs) === "project"
                ? "its endpoints and subscriptions go with it, and the soft-deleted name blocks reuse"
                : "what is inside it goes with it, and the soft-deleted name blocks reuse",
        source: "MS docs machine-learning/concept-soft-delete.md (ms.date 2024-01-22): a deleted workspace is soft-deleted for 14 days and its name cannot be reused until it is purged",
    },
    keyInputs: [
        "workspaceName",
        "kind",
        "location",
        "hubResourceId",
        "publicNetworkAccess",
        "managedNetwork.isolationMode",
        "identity.type",
        "encryption.status",
    ],
    mockOutputs: ({ inputs, name, location, unknown, random, tenantId }) => ({
        identity: { ...(inputs.identity as object), principalId: unknown(`${name}-principal`), tenantId },
        discoveryUrl: unknown(`https://${location}.api.azureml.ms/discovery`),
        workspaceId: unknown(random(8)),
    }),
};

export const MARKETPLACE_SUBSCRIPTION: ResourceType = {
    type: "azure-native:machinelearningservices:MarketplaceSubscription",
    title: "Azure Marketplace subscription to a model offer",
    nameInput: "name",
    nameRule: NAME_RULES.marketplaceSubscription,
    armId: { under: "resource group", path: (i, n) => `${ML}/${str(i.workspaceName)}/marketplaceSubscriptions/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_WORKSPACE],
    fixedInputs: [
        {
            path: "properties.modelId",
            reason: "a subscription is to one model offer",
            source: "MS docs serverless guides: one subscription per workspace/project and offer (assumed not updatable)",
        },
    ],
    destructive: {
        what: "Marketplace subscription",
        consequence: "endpoints that use the offer in this workspace stop working",
        source: "MS docs deploy-models-serverless.md: a partner model's serverless endpoint needs the project's subscription to its offer",
    },
    keyInputs: ["name", "workspaceName", "properties.modelId"],
    mockOutputs: ({ inputs, unknown }) => ({
        properties: {
            ...propsOf(inputs),
            marketplacePlan: unknown({ offerId: "offer", planId: "plan", publisherId: "publisher" }),
            marketplaceSubscriptionStatus: unknown("Subscribed"),
        },
    }),
};

export const SERVERLESS_ENDPOINT: ResourceType = {
    type: "azure-native:machinelearningservices:ServerlessEndpoint",
    title: "serverless API endpoint",
    nameInput: "name",
    nameRule: NAME_RULES.serverlessEndpoint,
    armId: { under: "resource group", path: (i, n) => `${ML}/${str(i.workspaceName)}/serverlessEndpoints/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_WORKSPACE],
    fixedInputs: [
        LOCATION,
        {
            path: "properties.modelSettings.modelId",
            reason: "a serverless endpoint serves the model it was created with",
            source: "MS docs serverless guides: one serverless deployment per model per workspace; another model is another deployment (assumed not updatable)",
        },
    ],
    destructive: {
        what: "serverless endpoint",
        source: "the endpoint's URL is made of its name and region (HUB_ENDPOINTS); its keys are drawn by Azure",
    },
    secretOutputs: {
        listFunction: "azure-native:machinelearningservices:listServerlessEndpointKeys",
        publishedBy: [{ component: "ServerlessModelEndpoint", outputs: ["primaryKey", "secondaryKey"] }],
    },
    keyInputs: [
        "name",
        "workspaceName",
        "sku.name",
        "properties.modelSettings.modelId",
        "properties.authMode",
        "properties.contentSafety.contentSafetyStatus",
    ],
    clientUrl: { url: HUB_ENDPOINTS.serverless, source: HUB_ENDPOINTS.source },
    mockOutputs: ({ inputs, name, location, unknown }) => ({
        properties: {
            ...propsOf(inputs),
            inferenceEndpoint: { uri: unknown(HUB_ENDPOINTS.serverless(name, location)) },
            provisioningState: unknown("Succeeded"),
        },
    }),
};

export const ONLINE_ENDPOINT: ResourceType = {
    type: "azure-native:machinelearningservices:OnlineEndpoint",
    title: "managed online endpoint",
    nameInput: "endpointName",
    nameRule: NAME_RULES.onlineEndpoint,
    armId: { under: "resource group", path: (i, n) => `${ML}/${str(i.workspaceName)}/onlineEndpoints/${n}` },
    parents: [IN_RESOURCE_GROUP, IN_WORKSPACE],
    fixedInputs: [LOCATION],
    destructive: {
        what: "online endpoint",
        source: "the endpoint's scoring URL is made of its name and region (HUB_ENDPOINTS); its keys are drawn by Azure",
    },
    secretOutputs: {
        listFunction: "azure-native:machinelearningservices:listOnlineEndpointKeys",
        publishedBy: [{ component: "ManagedOnlineEndpoint", outputs: ["primaryKey", "secondaryKey"] }],
    },
    keyInputs: [
        "endpointName",
        "workspaceName",
        "properties.authMode",
        "properties.publicNetworkAccess",
        "identity.type",
        "properties.properties",
    ],
    clientUrl: { url: HUB_ENDPOINTS.onlineScoring, source: HUB_ENDPOINTS.source },
    mockOutputs: ({ inputs, name, location, unknown, tenantId }) => ({
        identity: { ...(inputs.identity as object), principalId: unknown(`${name}-principal`), tenantId },
        properties: {
            ...propsOf(inputs),
            scoringUri: unknown(HUB_ENDPOINTS.onlineScoring(name, location)),
            swaggerUri: unknown(HUB_ENDPOINTS.onlineSwagger(name, location)),
            provisioningState: unknown("Succeeded"),
        },
    }),
};

export const ONLINE_DEPLOYMENT: ResourceType = {
    type: "azure-native:machinelearningservices:OnlineDeployment",
    title: "managed online deployment",
    nameInput: "deploymentName",
    nameRule: NAME_RULES.onlineDeployment,
    armId: {
        under: "resource group",
        path: (i, n) => `${ML}/${str(i.workspaceName)}/onlineEndpoints/${str(i.endpointName)}/deployments/${n}`,
    },
    parents: [IN_RESOURCE_GROUP, IN_WORKSPACE, { input: "endpointName", what: "endpoint" }],
    fixedInputs: [
        LOCATION,
        {
            path: "properties.instanceType",
            reason: "a deployment's VM size cannot change; Azure's advice is a new deployment and a traffic switch",
            source: "Azure/AML-Kubernetes#247 (Microsoft, 2022): deployment update can't change instance type",
        },
        {
            path: "properties.endpointComputeType",
            reason: "managed and Kubernetes deployments are different resources",
            source: "ARM API spec: endpointComputeType is the discriminator of the deployment's properties (assumed not updatable)",
        },
    ],
    destructive: {
        what: "online deployment",
        consequence: "the endpoint loses the capacity it served",
        source: "a deployment is the compute behind its endpoint's traffic share",
    },
    keyInputs: [
        "deploymentName",
        "properties.model",
        "properties.instanceType",
        "sku.capacity",
        "properties.scaleSettings.scaleType",
        "properties.scaleSettings.maxInstances",
    ],
};
