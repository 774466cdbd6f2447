/**
 * The components' own argument checks, with the config's field schemas: a library user who constructs a component
 * directly (bypassing the stack config) gets the same messages as a stack config would, naming each argument, the
 * value given and what is allowed, all at once, before any resource is registered.
 *
 * Only plain values are judged: an argument that is (or holds) an Output or a Promise is known only at deployment,
 * so the provider (or Azure) checks it.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { principalRepeats, repeatedPrincipalMessage } from "./collisions";
import { fromZodIssues, schemaAt } from "./issues";
import { arr } from "./loose";
import { MANAGED_MODEL_ID, SERVERLESS_MODEL_ID } from "../catalog/ids";
import {
    deploymentSchema,
    managedDeploymentSchema,
    onlineEndpointSchema,
    principalSchema,
    projectSchema,
    workspaceSchema,
} from "./schema";
import {
    blocklistSchema,
    contentFilterSchema,
    foundryDeploymentSchema,
    foundryProjectSchema,
    foundrySchema,
} from "./foundrySchema";
import { choice } from "../catalog/choice";
import { SCALE_TYPES, WORKSPACE_KINDS } from "../catalog/vocabulary";

/** One problem with a component argument, as Pulumi's `InputPropertiesError` takes it. */
export interface ArgProblem {
    /** The argument's path, e.g. `aiDevelopers[0].principalId`. */
    propertyPath: string;
    reason: string;
}

/** Per argument name, the schema its value must satisfy (`undefined` included: optional arguments say so). */
export type ArgRules = Record<string, z.ZodType>;

/** True for a value with no Output or Promise anywhere in it: it can be judged now. */
export function isPlain(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
    if (typeof value !== "object" || value === null) return true;
    return Object.values(value).every(isPlain);
}

/** `["aiDevelopers", 0, "principalId"]` as `aiDevelopers[0].principalId`. */
export function argPath(path: readonly PropertyKey[]): string {
    return path
        .map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`))
        .join("");
}

/** Every problem with the plain arguments, in rule order. */
export function argProblems(args: object, rules: ArgRules): ArgProblem[] {
    const values = args as Record<string, unknown>;
    const problems: ArgProblem[] = [];
    for (const [key, schema] of Object.entries(rules)) {
        const value = values[key];
        if (!isPlain(value)) continue;
        const r = schema.safeParse(value, { reportInput: true });
        if (r.success) continue;
        for (const issue of fromZodIssues(schema, r.error.issues, [key], argPath)) {
            problems.push({ propertyPath: issue.path, reason: issue.message });
        }
    }
    return problems;
}

/**
 * Principals listed more than once in a component's principal argument (`principals`, or its deprecated names `aiDevelopers`, `foundryUsers`) that grants
 * `role`, with the message the stack config gives for its own lists (see `principalRepeats`).
 */
export function duplicatePrincipals(arg: string, principals: unknown, role: string): ArgProblem[] {
    return principalRepeats(arr(principals)).map((r) => ({
        propertyPath: argPath([arg, r.index, "principalId"]),
        reason: repeatedPrincipalMessage(r, argPath([arg, r.prior, "principalId"]), role),
    }));
}

/** The schema of a config field, without its default, made optional (component arguments have their own defaults). */
function field(root: z.ZodType, ...path: string[]): z.ZodType {
    const s = schemaAt(root, path);
    if (!s) throw new Error(`no config field ${path.join(".")}`);
    return s.optional();
}

/** The same field, required. */
function required(root: z.ZodType, ...path: string[]): z.ZodType {
    const s = schemaAt(root, path);
    if (!s) throw new Error(`no config field ${path.join(".")}`);
    return s;
}

const TAGS = field(workspaceSchema, "tags");

/** AiWorkspace: the `azure-ai-models:workspace` fields under the component's argument names. */
export const AI_WORKSPACE_ARGS: ArgRules = {
    kind: choice(WORKSPACE_KINDS).optional(),
    workspaceName: required(workspaceSchema, "name"),
    location: required(workspaceSchema, "location"),
    resourceGroupName: field(workspaceSchema, "resourceGroup", "name"),
    createResourceGroup: z.boolean().optional(),
    friendlyName: field(workspaceSchema, "friendlyName"),
    description: field(workspaceSchema, "description"),
    tags: TAGS,
    publicNetworkAccess: field(workspaceSchema, "publicNetworkAccess"),
    accessManagedElsewhere: z.boolean().optional(),
    isolationMode: field(workspaceSchema, "managedNetwork", "isolationMode"),
    outboundRules: field(workspaceSchema, "managedNetwork", "outboundRules"),
    storageSharedKeyAccess: field(workspaceSchema, "storageSharedKeyAccess"),
    containerRegistry: z.boolean().optional(),
    keyVaultPurgeProtection: z.boolean().optional(),
    keyVaultSoftDeleteRetentionDays: field(workspaceSchema, "keyVault", "softDeleteRetentionDays"),
    logRetentionDays: field(workspaceSchema, "logRetentionDays"),
    principals: z.array(principalSchema).optional(),
    encryption: field(workspaceSchema, "encryption"),
    aiDevelopers: z.array(principalSchema).optional(),
};

/** AiProject: a project entry's fields. */
export const AI_PROJECT_ARGS: ArgRules = {
    projectName: required(projectSchema, "name"),
    location: required(workspaceSchema, "location"),
    friendlyName: field(projectSchema, "displayName"),
    description: field(projectSchema, "description"),
    tags: TAGS,
};

/** A serverless model id: `azureml://registries/<registry>/models/<name>`, no version. */
const SERVERLESS_MODEL_ID_ARG = z
    .string()
    .regex(SERVERLESS_MODEL_ID, "a serverless model id azureml://registries/<registry>/models/<name> (no version)");
/** A managed-compute model id: the asset with its version. */
const MANAGED_MODEL_ID_ARG = z
    .string()
    .regex(MANAGED_MODEL_ID, "a model asset id azureml://registries/<registry>/models/<name>/versions/<n>");

/** ServerlessModelEndpoint: a deployment entry's fields. */
export const SERVERLESS_ENDPOINT_ARGS: ArgRules = {
    endpointName: required(deploymentSchema, "name"),
    modelId: SERVERLESS_MODEL_ID_ARG,
    authMode: field(deploymentSchema, "authMode"),
    contentSafety: field(deploymentSchema, "contentSafety"),
    tags: TAGS,
};

/** MarketplaceModelSubscription. */
export const MARKETPLACE_SUBSCRIPTION_ARGS: ArgRules = {
    modelId: SERVERLESS_MODEL_ID_ARG,
};

/** ManagedOnlineEndpoint: an `onlineEndpoints` entry's fields. */
export const ONLINE_ENDPOINT_ARGS: ArgRules = {
    endpointName: required(onlineEndpointSchema, "name"),
    authMode: field(onlineEndpointSchema, "authMode"),
    publicNetworkAccess: field(onlineEndpointSchema, "publicNetworkAccess"),
    description: field(onlineEndpointSchema, "description"),
    tags: TAGS,
};

/** ManagedModelDeployment: a managed deployment entry's fields. */
export const MANAGED_DEPLOYMENT_ARGS: ArgRules = {
    deploymentName: required(managedDeploymentSchema, "name"),
    model: MANAGED_MODEL_ID_ARG,
    instanceType: required(managedDeploymentSchema, "instanceType"),
    instanceCount: field(managedDeploymentSchema, "instanceCount"),
    scaleType: choice(SCALE_TYPES).optional(),
    minInstances: field(managedDeploymentSchema, "autoscale", "minInstances"),
    maxInstances: field(managedDeploymentSchema, "autoscale", "maxInstances"),
    targetUtilizationPercentage: field(managedDeploymentSchema, "autoscale", "targetUtilizationPercentage"),
    pollingIntervalSeconds: field(managedDeploymentSchema, "autoscale", "pollingIntervalSeconds"),
    maxConcurrentRequestsPerInstance: field(
        managedDeploymentSchema,
        "requestSettings",
        "maxConcurrentRequestsPerInstance",
    ),
    requestTimeoutSeconds: field(managedDeploymentSchema, "requestSettings", "requestTimeoutSeconds"),
    maxQueueWaitSeconds: field(managedDeploymentSchema, "requestSettings", "maxQueueWaitSeconds"),
    livenessProbe: field(managedDeploymentSchema, "livenessProbe"),
    readinessProbe: field(managedDeploymentSchema, "readinessProbe"),
    egressPublicNetworkAccess: field(managedDeploymentSchema, "egressPublicNetworkAccess"),
    environmentVariables: field(managedDeploymentSchema, "environmentVariables"),
    tags: TAGS,
};

/** FoundryAccount: the `azure-ai-models:foundry` fields under the component's argument names. */
export const FOUNDRY_ACCOUNT_ARGS: ArgRules = {
    accountName: required(foundrySchema, "name"),
    location: required(foundrySchema, "location"),
    customSubDomain: field(foundrySchema, "customSubDomain"),
    resourceGroupName: field(foundrySchema, "resourceGroup", "name"),
    createResourceGroup: z.boolean().optional(),
    publicNetworkAccess: field(foundrySchema, "publicNetworkAccess"),
    disableLocalAuth: z.boolean().optional(),
    networkAcls: field(foundrySchema, "networkAcls"),
    accessManagedElsewhere: z.boolean().optional(),
    logRetentionDays: field(foundrySchema, "logRetentionDays"),
    principals: z.array(principalSchema).optional(),
    encryption: field(foundrySchema, "encryption"),
    restrictOutboundNetworkAccess: z.boolean().optional(),
    allowedFqdnList: field(foundrySchema, "allowedFqdnList"),
    foundryUsers: z.array(principalSchema).optional(),
    restore: z.boolean().optional(),
    purgeOnDestroy: z.boolean().optional(),
    tags: TAGS,
};

/** FoundryProject: a `foundry.projects` entry's fields. */
export const FOUNDRY_PROJECT_ARGS: ArgRules = {
    projectName: required(foundryProjectSchema, "name"),
    location: required(foundrySchema, "location"),
    displayName: field(foundryProjectSchema, "displayName"),
    description: field(foundryProjectSchema, "description"),
    tags: TAGS,
};

/** ContentFilter: a `foundry.contentFilters` entry's fields. */
export const CONTENT_FILTER_ARGS: ArgRules = {
    filterName: required(contentFilterSchema, "name"),
    basePolicyName: field(contentFilterSchema, "basePolicy"),
    mode: field(contentFilterSchema, "mode"),
    filters: required(contentFilterSchema, "filters"),
};

/** ContentFilterBlocklist: a `foundry.blocklists` entry's fields. */
export const BLOCKLIST_ARGS: ArgRules = {
    blocklistName: required(blocklistSchema, "name"),
    description: field(blocklistSchema, "description"),
    items: required(blocklistSchema, "items"),
};

/** FoundryModelDeployment: a `foundry.deployments` entry's fields. */
export const FOUNDRY_DEPLOYMENT_ARGS: ArgRules = {
    location: field(foundrySchema, "location"),
    deploymentName: required(foundryDeploymentSchema, "name"),
    model: required(foundryDeploymentSchema, "model"),
    format: field(foundryDeploymentSchema, "format"),
    version: field(foundryDeploymentSchema, "version"),
    sku: required(foundryDeploymentSchema, "sku"),
    capacity: required(foundryDeploymentSchema, "capacity"),
    versionUpgradeOption: field(foundryDeploymentSchema, "versionUpgradeOption"),
    acceptRetired: z.boolean().optional(),
    timeoutMinutes: field(foundryDeploymentSchema, "timeoutMinutes"),
    tags: TAGS,
};
