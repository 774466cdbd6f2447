/**
 * The stack config a platform team writes in `Pulumi.<stack>.yaml`, as zod schemas. Every object is strict: a
 * key the schema does not know is an error (a misspelt key must never silently drop a setting).
 *
 * ```yaml
 * config:
 *   azure-ai-models:workspace: { kind: hub, name: aimodels, location: eastus2, projects: [{ name: chat }] }
 *   azure-ai-models:deployments: [{ name: ministral, model: Ministral-3B, project: chat }]
 *   azure-ai-models:customModels: []   # models the catalog does not have yet
 * ```
 */
import { z } from "zod";

/** The config namespace: the project name in `Pulumi.yaml`. */
export const CONFIG_NAMESPACE = "azure-ai-models";

/** Workspace names: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`, less the 6 characters of the random suffix. */
export const WORKSPACE_BASE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,26}$/;
/** Serverless endpoint names: `^[a-zA-Z][a-zA-Z0-9-]{0,51}$`, less the 6 characters of the random suffix. */
export const SERVERLESS_BASE_NAME = /^[a-zA-Z][a-zA-Z0-9-]{0,45}$/;
/** Azure region names as ARM writes them (`eastus2`); display names are accepted and normalised. */
const REGION = /^[A-Za-z][A-Za-z0-9 ]{1,40}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Resource group names: 1-90 characters, letters, digits, `_ - . ( )`, not ending in a period. */
const RESOURCE_GROUP = /^[-\w._()]{0,89}[-\w_()]$/;

const tags = z.record(z.string().max(512), z.string().max(256));

export const principalSchema = z.strictObject({
    /** Object id of the user, group or service principal. */
    principalId: z.string().regex(GUID, "a GUID (the principal's object id)"),
    /** @default "User" */
    principalType: z.enum(["User", "Group", "ServicePrincipal"]).default("User"),
    description: z.string().max(1024).optional(),
});

export const projectSchema = z.strictObject({
    /** Project name; a stable random suffix is appended because Azure soft-deletes workspace names. */
    name: z.string().regex(WORKSPACE_BASE_NAME, "3-27 characters: letters, digits, '_' and '-', starting with a letter or digit"),
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
    kind: z.enum(["hub", "workspace"]).default("hub"),
    name: z.string().regex(WORKSPACE_BASE_NAME, "3-27 characters: letters, digits, '_' and '-', starting with a letter or digit"),
    /** Azure region (`eastus2`). Serverless models are sold only in some regions. */
    location: z.string().regex(REGION, "an Azure region name such as eastus2"),
    friendlyName: z.string().max(256).optional(),
    description: z.string().max(1024).optional(),
    /** @default - a new resource group `rg-<name>` */
    resourceGroup: z
        .strictObject({
            name: z.string().regex(RESOURCE_GROUP, "1-90 characters: letters, digits, '_', '-', '.', '(', ')'"),
            /** Use a resource group that already exists instead of creating it. @default false */
            existing: z.boolean().default(false),
        })
        .optional(),
    tags: tags.optional(),
    /** @default "Disabled": reach the workspace through private endpoints unless you open it. */
    publicNetworkAccess: z.enum(["Enabled", "Disabled"]).default("Disabled"),
    /** @default { isolationMode: "AllowOnlyApprovedOutbound" } */
    managedNetwork: z
        .strictObject({
            isolationMode: z.enum(["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"]),
        })
        .default({ isolationMode: "AllowOnlyApprovedOutbound" }),
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
    /** Log Analytics retention. @default 30 */
    logRetentionDays: z.number().int().min(30).max(730).default(30),
    /** Principals that get the Azure AI Developer role on the resource group. @default [] */
    aiDevelopers: z.array(principalSchema).default([]),
    /** Projects of a hub (not allowed on a classic workspace). @default [] */
    projects: z.array(projectSchema).default([]),
});

export const deploymentSchema = z.strictObject({
    /**
     * Endpoint name; a stable random suffix is appended, because it becomes part of the endpoint URL, which must be
     * unique in the Azure region.
     */
    name: z.string().regex(SERVERLESS_BASE_NAME, "1-46 characters: letters, digits and '-', starting with a letter"),
    /** Catalog model name or alias (see the catalog table), or the name of a `customModels` entry. */
    model: z.string().min(1),
    /** Project that hosts the deployment: required on a hub, not allowed on a classic workspace. */
    project: z.string().optional(),
    /** @default "serverless" */
    type: z.enum(["serverless", "managed"]).default("serverless"),
    /**
     * Serverless endpoints accept keys; `AAD` and `KeyAndAAD` exist in the API schema but the docs say serverless
     * endpoints do not accept Entra ID tokens.
     * @default "Key"
     */
    authMode: z.enum(["Key", "AAD", "KeyAndAAD"]).default("Key"),
    /** Azure AI Content Safety on the endpoint. @default "Enabled" */
    contentSafety: z.enum(["Enabled", "Disabled"]).default("Enabled"),
    /** Deploy even though the model is retired (existing deployments of a retired model return 404). @default false */
    acceptRetired: z.boolean().default(false),
    tags: tags.optional(),
});

export const customModelSchema = z.strictObject({
    /** Name deployments use in `model`; must not shadow a catalog model. */
    name: z.string().min(1).max(128),
    /** Serverless model id without a version: `azureml://registries/<registry>/models/<name>`. */
    modelId: z.string().min(1),
    publisher: z.string().min(1).optional(),
    /** Regions where a workspace can deploy it as a serverless API. */
    regions: z.array(z.string().regex(REGION, "an Azure region name such as eastus2")).min(1),
    /** Which routes the model serves. @default "chat" */
    task: z.enum(["chat", "completions"]).default("chat"),
    /** Lifecycle dates, `YYYY-MM-DD`, where known. */
    lifecycle: z
        .strictObject({
            legacy: z.string().regex(DATE, "YYYY-MM-DD").optional(),
            deprecated: z.string().regex(DATE, "YYYY-MM-DD").optional(),
            retired: z.string().regex(DATE, "YYYY-MM-DD").optional(),
            replacement: z.string().optional(),
        })
        .optional(),
    /** Where the facts come from (a URL or a document), so the entry can be checked later. */
    source: z.string().min(1),
});

/** Every key of the config namespace this package reads. */
export const stackConfigSchema = z.strictObject({
    workspace: workspaceSchema,
    deployments: z.array(deploymentSchema).default([]),
    customModels: z.array(customModelSchema).default([]),
});

export type PrincipalConfig = z.output<typeof principalSchema>;
export type ProjectConfig = z.output<typeof projectSchema>;
export type WorkspaceConfig = z.output<typeof workspaceSchema>;
export type DeploymentConfig = z.output<typeof deploymentSchema>;
export type CustomModelConfig = z.output<typeof customModelSchema>;
export type StackConfig = z.output<typeof stackConfigSchema>;
