/**
 * The stack config a platform team writes in `Pulumi.<stack>.yaml`, as zod schemas. Every object is strict: a
 * key the schema does not know is an error (a misspelt key must never silently drop a setting).
 *
 * ```yaml
 * config:
 *   azure-ai-models:workspace: { kind: hub, name: aimodels, location: eastus2, projects: [{ name: chat }] }
 *   azure-ai-models:deployments: [{ name: ministral, model: Ministral-3B, project: chat }]
 *   azure-ai-models:customModels: []   # models the catalog does not have yet
 *   azure-ai-models:onlineEndpoints: [] # managed compute: endpoints and their deployments
 * ```
 */
import { z } from "zod";
import { isCalendarDate } from "../catalog/dates";
import { NAME_RULES, describeRule } from "../catalog/names";
import { baseName, region, resourceGroupChoice, resourceGroupName, tags } from "./fields";
import { foundrySchema } from "./foundrySchema";
import { encryptionSchema } from "./encryptionSchema";
import { networkSchema } from "./networkSchema";
import { outboundRuleSchema } from "./outboundSchema";
import { principalSchema } from "./principal";
import { choice } from "../catalog/choice";
import {
    CONTENT_SAFETY_STATUSES,
    CUSTOM_MODEL_TASKS,
    EXISTING_WORKSPACE_KINDS,
    HUB_DEPLOYMENT_TYPES,
    ISOLATION_MODES,
    MARKETPLACE_SUBSCRIPTION_MODES,
    ONLINE_ENDPOINT_AUTH_MODES,
    PUBLIC_NETWORK_ACCESS,
    SERVERLESS_AUTH_MODES,
    WORKSPACE_CONFIG_KINDS,
} from "../catalog/vocabulary";

export { principalSchema };
export { TAG_NAME_FORBIDDEN } from "./fields";

export { CONFIG_NAMESPACE } from "./namespace";

/** A real calendar day, `YYYY-MM-DD`. */
const date = () => z.string().refine(isCalendarDate, "is not a real date; expected YYYY-MM-DD");

export const projectSchema = z.strictObject({
    /** Project name; a stable random suffix is appended because Azure soft-deletes workspace names. */
    name: baseName("project"),
    displayName: z.string().max(256).optional(),
    description: z.string().max(1024).optional(),
    tags: tags.optional(),
});

export const workspaceSchema = z.strictObject({
    /**
     * `hub`: an AI Studio / Foundry hub with projects (kind Hub). `workspace`: a classic Azure Machine Learning
     * workspace (kind Default), as in the AML studio docs.
     * @default "hub"
     */
    kind: choice(WORKSPACE_CONFIG_KINDS).default("hub"),
    name: baseName("workspace", "workspaceResourceGroup"),
    /** Azure region (`eastus2`). Serverless models are sold only in some regions. */
    location: region("eastus2"),
    friendlyName: z.string().max(256).optional(),
    description: z.string().max(1024).optional(),
    /** @default - a new resource group `rg-<name>`; with a name, `existing` says whether it exists or the stack creates it */
    resourceGroup: resourceGroupChoice().optional(),
    tags: tags.optional(),
    /** @default "Disabled": reach the workspace through private endpoints unless you open it. */
    publicNetworkAccess: choice(PUBLIC_NETWORK_ACCESS).default("Disabled"),
    /** @default { isolationMode: "AllowOnlyApprovedOutbound", outboundRules: [] } */
    managedNetwork: z
        .strictObject({
            /** @default "AllowOnlyApprovedOutbound" */
            isolationMode: choice(ISOLATION_MODES).default("AllowOnlyApprovedOutbound"),
            /** The managed network's own outbound rules (docs/networking.md). @default [] */
            outboundRules: z.array(outboundRuleSchema).default([]),
        })
        .default({ isolationMode: "AllowOnlyApprovedOutbound", outboundRules: [] }),
    /** Private endpoints of the hub, its storage, key vault and registry, and DNS (docs/networking.md). @default - none: the hub must be open, or say access is managed elsewhere */
    network: networkSchema.optional(),
    /** Let the hub's storage account take shared keys, with key-based system datastores; off: Entra ID and the hub's identity (docs/networking.md). @default false */
    storageSharedKeyAccess: z.boolean().default(false),
    /** Create an Azure Container Registry for the workspace. @default false (Azure creates one on first need) */
    containerRegistry: z.boolean().default(false),
    /** Key vault settings; RBAC authorisation and soft delete are always on. */
    keyVault: z
        .strictObject({
            /** @default true */
            purgeProtection: z.boolean().default(true),
            /** @default 90 */
            softDeleteRetentionDays: z.number().int().min(7).max(90).default(90),
        })
        .default({ purgeProtection: true, softDeleteRetentionDays: 90 }),
    /** A customer-managed key, set when the hub is created (docs/networking.md). @default - none: Microsoft-managed keys */
    encryption: encryptionSchema.optional(),
    /** Log Analytics retention. @default 30 */
    logRetentionDays: z.number().int().min(30).max(730).default(30),
    /** Principals that get the Azure AI Developer role on the resource group. @default [] */
    principals: z.array(principalSchema).default([]),
    /** Deprecated name of `principals` (a warning says so; giving both is an error). @default - none */
    aiDevelopers: z.array(principalSchema).optional(),
    /** Projects of a hub (not allowed on a classic workspace). @default [] */
    projects: z.array(projectSchema).default([]),
});

/** ARM id of a workspace or project: `/subscriptions/<GUID>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>`. */
const WORKSPACE_ID =
    /^\/subscriptions\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+$/i;

/**
 * A project or classic workspace that another stack or team owns: this stack adds deployments to it and creates no
 * hub, project or workspace. Give its ARM `id`, or its `resourceGroupName` and `name`.
 */
export const existingWorkspaceSchema = z.strictObject({
    id: z
        .string()
        .regex(
            WORKSPACE_ID,
            "an ARM id /subscriptions/<subscription GUID>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>",
        )
        .optional(),
    resourceGroupName: resourceGroupName().optional(),
    name: z.string().regex(NAME_RULES.mlWorkspace.pattern, describeRule(NAME_RULES.mlWorkspace)).optional(),
    /** Its region: serverless models are sold only in some regions. */
    location: region("eastus2"),
    /** `project` (hub-based project) or `workspace` (classic AML workspace). @default "project" */
    kind: choice(EXISTING_WORKSPACE_KINDS).default("project"),
});

export const deploymentSchema = z.strictObject({
    /**
     * Endpoint name; a stable random suffix is appended, because it becomes part of the endpoint URL, which must be
     * unique in the Azure region.
     */
    name: baseName("serverlessEndpoint"),
    /** Catalog model name or alias (see the catalog table), or the name of a `customModels` entry. */
    model: z.string().min(1),
    /** Project that hosts the deployment: required on a hub, not allowed on a classic workspace. */
    project: z.string().optional(),
    /** @default "serverless" */
    type: choice(HUB_DEPLOYMENT_TYPES).default("serverless"),
    /**
     * Serverless endpoints accept keys; `AAD` and `KeyAndAAD` exist in the API schema but the docs say serverless
     * endpoints do not accept Entra ID tokens.
     * @default "Key"
     */
    authMode: choice(SERVERLESS_AUTH_MODES).default("Key"),
    /** Azure AI Content Safety on the endpoint. @default "Enabled" */
    contentSafety: choice(CONTENT_SAFETY_STATUSES).default("Enabled"),
    /** Deploy even though the model is retired (existing deployments of a retired model return 404). @default false */
    acceptRetired: z.boolean().default(false),
    /**
     * `create`: this stack subscribes the workspace/project to the model's Marketplace offer (partner models only).
     * `existing`: the subscription is made and owned elsewhere (another stack, the portal); this stack only deploys.
     * @default "create"
     */
    marketplaceSubscription: choice(MARKETPLACE_SUBSCRIPTION_MODES).default("create"),
    tags: tags.optional(),
});

/** Health probe settings; Azure's defaults apply to what is left out. */
export const probeSchema = z.strictObject({
    initialDelaySeconds: z.number().int().min(0).optional(),
    periodSeconds: z.number().int().min(1).optional(),
    timeoutSeconds: z.number().int().min(1).optional(),
    failureThreshold: z.number().int().min(1).optional(),
    successThreshold: z.number().int().min(1).optional(),
});

export const managedDeploymentSchema = z.strictObject({
    name: baseName("onlineDeployment"),
    /** Catalog model with a managed-compute offer (name or alias). */
    model: z.string().min(1),
    /** Registry asset version; the deployed id ends in `/versions/<version>`. @default - the catalog's pinned version */
    version: z.number().int().positive().optional(),
    /** VM size, e.g. `Standard_NC24ads_A100_v4`. */
    instanceType: z.string().regex(/^Standard_[A-Za-z0-9_]+$/, "an Azure VM size such as Standard_NC24ads_A100_v4"),
    /** Fixed instance count (sku capacity). @default 1, unless autoscale is set */
    instanceCount: z.number().int().min(1).max(100).optional(),
    /** Scale by utilisation (`TargetUtilization`) between min and max instances. */
    autoscale: z
        .strictObject({
            /** @default 1 */
            minInstances: z.number().int().min(1).default(1),
            maxInstances: z.number().int().min(1).max(100),
            /** @default 70 */
            targetUtilizationPercentage: z.number().int().min(1).max(100).default(70),
            /** @default 60 */
            pollingIntervalSeconds: z.number().int().min(1).max(3600).default(60),
        })
        .optional(),
    /** Use an instance type the model's asset does not list (a warning instead of an error). @default false */
    allowInstanceType: z.boolean().default(false),
    requestSettings: z
        .strictObject({
            maxConcurrentRequestsPerInstance: z.number().int().min(1).optional(),
            requestTimeoutSeconds: z.number().int().min(1).max(180).optional(),
            maxQueueWaitSeconds: z.number().int().min(0).max(3600).optional(),
        })
        .optional(),
    livenessProbe: probeSchema.optional(),
    readinessProbe: probeSchema.optional(),
    /** Collect inference inputs and outputs (data collector). @default false */
    dataCollection: z.boolean().default(false),
    /** Send the deployment's logs and metrics to the workspace's Application Insights. @default false */
    appInsights: z.boolean().default(false),
    /** Whether the container may reach the public internet; `Enabled` opens it. @default "Disabled" (the API's default is Enabled) */
    egressPublicNetworkAccess: choice(PUBLIC_NETWORK_ACCESS).default("Disabled"),
    environmentVariables: z
        .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name"), z.string())
        .optional(),
    /** Deploy even though the model asset is retired. @default false */
    acceptRetired: z.boolean().default(false),
});

export const onlineEndpointSchema = z.strictObject({
    /**
     * Online endpoint names are unique per region (they form the scoring URL), so `-` and a 6-character random
     * suffix are appended: the base has at most 25 characters.
     */
    name: baseName("onlineEndpoint", "onlineEndpointContentSafety"),
    /** Project that hosts the endpoint: required on a hub, not allowed on a classic workspace. */
    project: z.string().optional(),
    /** `AADToken` (Entra ID), `Key` or `AMLToken`. @default "AADToken" */
    authMode: choice(ONLINE_ENDPOINT_AUTH_MODES).default("AADToken"),
    /** @default - the workspace's publicNetworkAccess */
    publicNetworkAccess: choice(PUBLIC_NETWORK_ACCESS).optional(),
    description: z.string().max(1024).optional(),
    /** One to twenty deployments sharing the endpoint's URI and keys. */
    deployments: z.array(managedDeploymentSchema).min(1),
    /**
     * Percent of live traffic per deployment, summing to 100 (Azure's rule: `infra/catalog/traffic.ts`, which checks
     * the split). @default - 100 to the only deployment
     */
    traffic: z.record(z.string(), z.number()).optional(),
    /** Percent of live traffic copied to deployments that take no live traffic (at most 50 in total). */
    mirrorTraffic: z.record(z.string(), z.number()).optional(),
    /**
     * Run on Azure's shared quota pool instead of your own (short-term testing; Enterprise Agreement subscriptions):
     * the endpoint is deleted after 168 hours, which this flag acknowledges.
     */
    sharedQuota: z.strictObject({ acknowledgeDeletionAfter168Hours: z.boolean() }).optional(),
    /** Provision an Azure AI Content Safety account (local auth off) the endpoint's identity may call. @default false */
    contentSafety: z.boolean().default(false),
    tags: tags.optional(),
});

export const customModelSchema = z.strictObject({
    /** Name deployments use in `model`; must not shadow a catalog model. */
    name: z.string().min(1).max(128),
    /** Serverless model id without a version: `azureml://registries/<registry>/models/<name>`. */
    modelId: z.string().min(1),
    publisher: z.string().min(1).optional(),
    /** Regions where a workspace can deploy it as a serverless API. */
    regions: z.array(region("eastus2")).min(1),
    /** Which routes the model serves. @default "chat" */
    task: choice(CUSTOM_MODEL_TASKS).default("chat"),
    /** Lifecycle dates, `YYYY-MM-DD`, where known. */
    lifecycle: z
        .strictObject({
            legacy: date().optional(),
            deprecated: date().optional(),
            retired: date().optional(),
            replacement: z.string().optional(),
        })
        .optional(),
    /** Where the facts come from (a URL or a document), so the entry can be checked later. */
    source: z.string().min(1),
});

/** Every key of the config namespace this package reads. */
export const stackConfigSchema = z.strictObject({
    /** The hub or classic workspace this stack creates (or `existingWorkspace`). */
    workspace: workspaceSchema.optional(),
    /** A project or workspace another stack owns (or `workspace`). */
    existingWorkspace: existingWorkspaceSchema.optional(),
    deployments: z.array(deploymentSchema).default([]),
    customModels: z.array(customModelSchema).default([]),
    onlineEndpoints: z.array(onlineEndpointSchema).default([]),
    /** A Foundry resource with its projects and model deployments (with or without a workspace). */
    foundry: foundrySchema.optional(),
});

export type PrincipalConfig = z.output<typeof principalSchema>;
export type ProjectConfig = z.output<typeof projectSchema>;
export type WorkspaceConfig = z.output<typeof workspaceSchema>;
export type DeploymentConfig = z.output<typeof deploymentSchema>;
export type CustomModelConfig = z.output<typeof customModelSchema>;
export type StackConfig = z.output<typeof stackConfigSchema>;
export type ExistingWorkspaceConfig = z.output<typeof existingWorkspaceSchema>;
export type OnlineEndpointConfig = z.output<typeof onlineEndpointSchema>;
export type ManagedDeploymentConfig = z.output<typeof managedDeploymentSchema>;
export type ProbeConfig = z.output<typeof probeSchema>;
