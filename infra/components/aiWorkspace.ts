import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import { AZURE_AI_DEVELOPER } from "../catalog";
import type { IsolationMode, PrincipalType, PublicNetworkAccess, WorkspaceKind } from "./enums";
import {
    appInsightsName,
    checkBaseName,
    containerRegistryName,
    deterministicGuid,
    keyVaultName,
    logAnalyticsName,
    randomSuffix,
    storageAccountName,
} from "./names";

/** A principal that gets the Azure AI Developer role on the workspace's resource group. */
export interface AiDeveloperPrincipal {
    /** Object id of the user, group or service principal. */
    principalId: string;
    /** Kind of principal: `User`, `Group` or `ServicePrincipal`. @default "User" */
    principalType?: PrincipalType;
}

/**
 * Arguments of {@link AiWorkspace}.
 */
export interface AiWorkspaceArgs {
    /**
     * `Hub`: an AI Studio / Foundry hub that hosts projects. `Default`: a classic Azure Machine Learning workspace.
     * @default "Hub"
     */
    kind?: WorkspaceKind;
    /**
     * Base name (at most 26 characters: the catalog's name table checks every name derived from it); a stable random suffix is appended, because Azure soft-deletes workspace
     * names and a deleted name blocks its reuse.
     */
    workspaceName: string;
    /** Azure region, e.g. `eastus2`. */
    location: pulumi.Input<string>;
    /** Resource group name. @default - `rg-<workspaceName>` */
    resourceGroupName?: pulumi.Input<string>;
    /** Create the resource group; `false` uses an existing one named `resourceGroupName`. @default true */
    createResourceGroup?: boolean;
    /** Name shown in the studio. @default - the workspace name */
    friendlyName?: pulumi.Input<string>;
    /** Description shown in the studio. @default - none */
    description?: pulumi.Input<string>;
    /** Tags on every resource the component creates. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Whether the workspace, its storage account, key vault and container registry accept traffic from the public
     * internet; `Disabled` leaves private endpoints as the way in.
     * @default "Disabled"
     */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Managed network isolation; projects inherit the hub's. @default "AllowOnlyApprovedOutbound" */
    isolationMode?: IsolationMode;
    /** Create a container registry for the workspace. @default false (Azure creates one when first needed) */
    containerRegistry?: boolean;
    /** Key vault purge protection (cannot be turned off once on). @default true */
    keyVaultPurgeProtection?: boolean;
    /** Key vault soft-delete retention, 7-90 days. @default 90 */
    keyVaultSoftDeleteRetentionDays?: number;
    /** Log Analytics retention, 30-730 days. @default 30 */
    logRetentionDays?: number;
    /** Principals that get the Azure AI Developer role on the resource group. @default [] */
    aiDevelopers?: AiDeveloperPrincipal[];
}

/**
 * An Azure AI hub (or a classic Azure Machine Learning workspace) with what it depends on: a resource group (or an
 * existing one), a storage account, a key vault (RBAC authorisation, soft delete, purge protection), Log Analytics
 * with Application Insights, an optional container registry, the workspace itself with a system-assigned identity,
 * and Azure AI Developer role assignments for the given principals at resource-group scope.
 */
export class AiWorkspace extends pulumi.ComponentResource {
    /** Resource group that holds the workspace. */
    public readonly resourceGroupName: pulumi.Output<string>;
    /** ARM id of the resource group. */
    public readonly resourceGroupId: pulumi.Output<string>;
    /** Workspace name, with its random suffix. */
    public readonly workspaceName: pulumi.Output<string>;
    /** ARM id of the workspace (a project's `hubResourceId`). */
    public readonly workspaceId: pulumi.Output<string>;
    /** `Hub` or `Default`. */
    public readonly kind: pulumi.Output<string>;
    /** Azure region of the workspace and its resources. */
    public readonly location: pulumi.Output<string>;
    /** Object id of the workspace's system-assigned identity. */
    public readonly principalId: pulumi.Output<string>;
    /** ARM id of the workspace's storage account. */
    public readonly storageAccountId: pulumi.Output<string>;
    /** ARM id of the workspace's key vault. */
    public readonly keyVaultId: pulumi.Output<string>;
    /** ARM id of the Application Insights component the workspace logs to. */
    public readonly applicationInsightsId: pulumi.Output<string>;
    /** ARM id of the Log Analytics workspace behind Application Insights. */
    public readonly logAnalyticsWorkspaceId: pulumi.Output<string>;
    /** ARM id of the container registry, when one was created. */
    public readonly containerRegistryId: pulumi.Output<string | undefined>;

    constructor(name: string, args: AiWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        const baseKinds = args.resourceGroupName === undefined ? ["workspaceResourceGroup" as const] : [];
        checkBaseName("AiWorkspace", "workspaceName", args.workspaceName, "workspace", ...baseKinds);
        const ids = (args.aiDevelopers ?? []).map((p) => p.principalId.toLowerCase());
        const twice = ids.find((id, i) => ids.indexOf(id) < i);
        if (twice !== undefined) {
            throw new pulumi.RunError(
                `AiWorkspace: aiDevelopers lists principal ${twice} more than once (ids compare case-insensitively); each principal gets one role assignment`,
            );
        }
        super("azure-ai-models:index:AiWorkspace", name, {}, opts);
        const kind = args.kind ?? "Hub";
        const publicNetworkAccess = args.publicNetworkAccess ?? "Disabled";
        const tags = args.tags;
        const suffix = randomSuffix(name, this).result;
        const client = authorization.getClientConfigOutput({ parent: this });

        const rgName = args.resourceGroupName ?? `rg-${args.workspaceName}`;
        let resourceGroupName: pulumi.Output<string>;
        let resourceGroupId: pulumi.Output<string>;
        if (args.createResourceGroup ?? true) {
            const rg = new resources.ResourceGroup(
                `${name}-rg`,
                { resourceGroupName: rgName, location: args.location, tags },
                { parent: this },
            );
            resourceGroupName = rg.name;
            resourceGroupId = rg.id;
        } else {
            resourceGroupName = pulumi.output(rgName);
            resourceGroupId = pulumi.interpolate`/subscriptions/${client.subscriptionId}/resourceGroups/${rgName}`;
        }

        const storageAccount = new storage.StorageAccount(
            `${name}-st`,
            {
                accountName: suffix.apply((s) => storageAccountName(args.workspaceName, s)),
                resourceGroupName,
                location: args.location,
                kind: "StorageV2",
                sku: { name: "Standard_ZRS" },
                allowBlobPublicAccess: false,
                allowSharedKeyAccess: true, // the workspace's default datastores still authenticate with keys
                enableHttpsTrafficOnly: true,
                minimumTlsVersion: "TLS1_2",
                publicNetworkAccess,
                networkRuleSet: {
                    defaultAction: publicNetworkAccess === "Enabled" ? "Allow" : "Deny",
                    bypass: "AzureServices",
                },
                tags,
            },
            { parent: this },
        );

        const vault = new keyvault.Vault(
            `${name}-kv`,
            {
                vaultName: suffix.apply((s) => keyVaultName(args.workspaceName, s)),
                resourceGroupName,
                location: args.location,
                properties: {
                    tenantId: client.tenantId,
                    sku: { family: "A", name: "standard" },
                    enableRbacAuthorization: true,
                    enableSoftDelete: true,
                    softDeleteRetentionInDays: args.keyVaultSoftDeleteRetentionDays ?? 90,
                    enablePurgeProtection: args.keyVaultPurgeProtection ?? true,
                    publicNetworkAccess,
                    networkAcls: {
                        defaultAction: publicNetworkAccess === "Enabled" ? "Allow" : "Deny",
                        bypass: "AzureServices",
                    },
                },
                tags,
            },
            { parent: this },
        );

        const logs = new operationalinsights.Workspace(
            `${name}-log`,
            {
                workspaceName: logAnalyticsName(args.workspaceName),
                resourceGroupName,
                location: args.location,
                sku: { name: "PerGB2018" },
                retentionInDays: args.logRetentionDays ?? 30,
                tags,
            },
            { parent: this },
        );

        const insights = new applicationinsights.Component(
            `${name}-appi`,
            {
                resourceName: appInsightsName(args.workspaceName),
                resourceGroupName,
                location: args.location,
                kind: "web",
                applicationType: "web",
                ingestionMode: "LogAnalytics",
                workspaceResourceId: logs.id,
                tags,
            },
            { parent: this },
        );

        let registry: containerregistry.Registry | undefined;
        if (args.containerRegistry) {
            registry = new containerregistry.Registry(
                `${name}-cr`,
                {
                    registryName: suffix.apply((s) => containerRegistryName(args.workspaceName, s)),
                    resourceGroupName,
                    location: args.location,
                    // Premium is the tier that supports private endpoints, which a closed workspace needs.
                    sku: { name: publicNetworkAccess === "Enabled" ? "Standard" : "Premium" },
                    adminUserEnabled: false,
                    publicNetworkAccess,
                    tags,
                },
                { parent: this },
            );
        }

        const workspace = new machinelearningservices.Workspace(
            `${name}-ws`,
            {
                workspaceName: pulumi.interpolate`${args.workspaceName}-${suffix}`,
                resourceGroupName,
                location: args.location,
                kind,
                friendlyName: args.friendlyName ?? args.workspaceName,
                description: args.description,
                identity: { type: "SystemAssigned" },
                sku: { name: "Basic", tier: "Basic" },
                storageAccount: storageAccount.id,
                keyVault: vault.id,
                applicationInsights: insights.id,
                containerRegistry: registry?.id,
                publicNetworkAccess,
                managedNetwork: { isolationMode: args.isolationMode ?? "AllowOnlyApprovedOutbound" },
                tags,
            },
            // Azure cannot change a workspace's storage account or key vault after creation.
            { parent: this, replaceOnChanges: ["storageAccount", "keyVault"] },
        );

        const subscriptionId = resourceGroupId.apply((id) => id.split("/")[2]);
        for (const principal of args.aiDevelopers ?? []) {
            new authorization.RoleAssignment(
                `${name}-aidev-${principal.principalId}`,
                {
                    roleAssignmentName: resourceGroupId.apply((scope) =>
                        deterministicGuid(scope, principal.principalId, AZURE_AI_DEVELOPER.id),
                    ),
                    scope: resourceGroupId,
                    principalId: principal.principalId,
                    principalType: principal.principalType ?? "User",
                    roleDefinitionId: pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_AI_DEVELOPER.id}`,
                    description: `${AZURE_AI_DEVELOPER.name}: deploy serverless models in ${args.workspaceName}`,
                },
                { parent: this },
            );
        }

        this.resourceGroupName = resourceGroupName;
        this.resourceGroupId = resourceGroupId;
        this.workspaceName = workspace.name;
        this.workspaceId = workspace.id;
        this.kind = pulumi.output(kind);
        this.location = pulumi.output(args.location);
        this.principalId = workspace.identity.apply((i) => i?.principalId ?? "");
        this.storageAccountId = storageAccount.id;
        this.keyVaultId = vault.id;
        this.applicationInsightsId = insights.id;
        this.logAnalyticsWorkspaceId = logs.id;
        this.containerRegistryId = registry ? registry.id : pulumi.output<string | undefined>(undefined);
        this.registerOutputs({
            resourceGroupName: this.resourceGroupName,
            workspaceName: this.workspaceName,
            workspaceId: this.workspaceId,
            kind: this.kind,
            location: this.location,
        });
    }
}
