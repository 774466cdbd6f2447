import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import type * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as storage from "@pulumi/azure-native/storage";
import * as pulumi from "@pulumi/pulumi";
import { AZURE_AI_DEVELOPER } from "../catalog";
import { AI_WORKSPACE_ARGS } from "../config/args";
import { unreachableArgProblem, workspacePublicSide } from "../config/networkSchema";
import { checkArgs } from "./checkArgs";
import { keyAccess, type CustomerManagedKey, type KeyAccess } from "./customerManagedKey";
import type {
    IsolationMode,
    OutboundRuleAction,
    OutboundRuleType,
    PrincipalType,
    PublicNetworkAccess,
    WorkspaceKind,
} from "./enums";
import { logAnalyticsWorkspace } from "./logAnalytics";
import { principalsArg, warnDeprecatedPrincipals } from "./principals";
import {
    appInsightsName,
    containerRegistryName,
    defaultResourceGroupName,
    keyVaultName,
    randomSuffix,
    storageAccountName,
} from "./names";
import { resourceGroupFor } from "./resourceGroup";
import { assignRole } from "./roleAssignment";

/** A principal that gets the Azure AI Developer role on the workspace's resource group. */
export interface AiDeveloperPrincipal {
    /** Object id of the user, group or service principal. */
    principalId: string;
    /** Kind of principal: `User`, `Group` or `ServicePrincipal`. @default "User" */
    principalType?: PrincipalType;
}

/**
 * One outbound rule of the hub's managed network: where its computes (managed online deployments among them) may
 * connect. The fields of the rule's `type` are required; the others must be left out.
 */
export interface ManagedOutboundRule {
    /** Rule name, unique in the workspace. */
    name: string;
    /** `FQDN` (Azure provisions a billed Azure Firewall for these), `PrivateEndpoint` or `ServiceTag`. */
    type: OutboundRuleType;
    /** FQDN: the host name, e.g. `pypi.org` or `*.pythonhosted.org`. */
    fqdn?: string;
    /** PrivateEndpoint: ARM id of the resource the managed network reaches privately. */
    serviceResourceId?: string;
    /** PrivateEndpoint: its sub-resource, e.g. `blob`, `vault`, `account`. */
    subresourceTarget?: string;
    /** PrivateEndpoint: also for Spark jobs. @default false */
    sparkEnabled?: boolean;
    /** PrivateEndpoint: host names to resolve through the endpoint (application gateway targets). @default - none */
    fqdns?: string[];
    /** ServiceTag: the Azure service tag, e.g. `DataFactory`. */
    serviceTag?: string;
    /** ServiceTag: `TCP`, `UDP`, `ICMP` or `*`. */
    protocol?: string;
    /** ServiceTag: ports, e.g. `443` or `80, 8080`. */
    portRanges?: string;
    /** ServiceTag: @default "Allow" */
    action?: OutboundRuleAction;
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
    /**
     * An existing resource group to put the workspace in: the component uses it and never creates or deletes it
     * (unless `createResourceGroup` is `true`).
     * @default - `rg-<workspaceName>`, created by the component
     */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * Create the resource group `resourceGroupName` (or `rg-<workspaceName>`) as the component's child: destroying
     * the component deletes the group and everything in it.
     * @default - `true` without `resourceGroupName`, `false` with it (the named group is used as it is)
     */
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
    /**
     * The way in to a workspace closed to the public (`publicNetworkAccess` Disabled) is made outside this component:
     * private endpoints to the workspace, its storage, key vault and registry (a `PrivateAccess`, as the stack program
     * creates them) or endpoints another team manages. Without it, a closed workspace is refused: nothing could call
     * it. @default false
     */
    accessManagedElsewhere?: boolean;
    /** Managed network isolation; projects inherit the hub's. @default "AllowOnlyApprovedOutbound" */
    isolationMode?: IsolationMode;
    /**
     * The managed network's own outbound rules (`managedNetwork.outboundRules`); FQDN and ServiceTag rules need
     * `AllowOnlyApprovedOutbound`. @default [] (Azure adds its required rules itself)
     */
    outboundRules?: ManagedOutboundRule[];
    /**
     * Encrypt the hub's data with a customer-managed key (`encryption`, status Enabled), read through a
     * user-assigned identity that holds the Key Vault Crypto Service Encryption User role before the workspace is
     * created. Set at creation only: adding, removing it or moving it to another vault replaces the workspace.
     * @default - Microsoft-managed keys
     */
    encryption?: CustomerManagedKey;
    /**
     * Let the storage account accept shared-key (account key and SAS) requests, and leave the workspace's system
     * datastores on access keys. Off by default: the storage account refuses shared keys
     * (`allowSharedKeyAccess: false`) and the workspace reaches its datastores with its identity
     * (`systemDatastoresAuthMode: Identity`). Turn it on only for tools that still need account keys.
     * @default false
     */
    storageSharedKeyAccess?: boolean;
    /** Create a container registry for the workspace. @default false (Azure creates one when first needed) */
    containerRegistry?: boolean;
    /** Key vault purge protection (cannot be turned off once on). @default true */
    keyVaultPurgeProtection?: boolean;
    /** Key vault soft-delete retention, 7-90 days. @default 90 */
    keyVaultSoftDeleteRetentionDays?: number;
    /** Log Analytics retention, 30-730 days. @default 30 */
    logRetentionDays?: number;
    /** Principals that get the Azure AI Developer role on the resource group. @default [] */
    principals?: AiDeveloperPrincipal[];
    /**
     * Deprecated name of `principals` (a warning says so once; giving both is an error).
     * @deprecated Use `principals`.
     * @default - none: `principals` is used
     */
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
        const principals = principalsArg("AiWorkspace", { ...args }, "aiDevelopers", AZURE_AI_DEVELOPER.name);
        checkArgs("AiWorkspace", name, args, AI_WORKSPACE_ARGS, [
            ...principals.problems,
            ...[unreachableArgProblem(workspacePublicSide(args), args.accessManagedElsewhere)].filter((p) => !!p),
        ]);
        super("azure-ai-models:index:AiWorkspace", name, {}, opts);
        warnDeprecatedPrincipals(principals, this);
        const kind = args.kind ?? "Hub";
        const scope: Scope = {
            name,
            args: { ...args, principals: principals.list },
            parent: this,
            publicNetworkAccess: args.publicNetworkAccess ?? "Disabled",
            suffix: randomSuffix(name, this).result,
            client: authorization.getClientConfigOutput({ parent: this }),
        };
        const rg = resourceGroup(scope);
        const storageAccount = storageAccountFor(scope, rg.name);
        const vault = keyVaultFor(scope, rg.name);
        const { logs, insights } = monitoringFor(scope, rg.name);
        const registry = args.containerRegistry ? containerRegistryFor(scope, rg.name) : undefined;
        const cmk = args.encryption ? workspaceKeyAccess(scope, rg.name) : undefined;
        const workspace = new machinelearningservices.Workspace(
            `${name}-ws`,
            {
                workspaceName: pulumi.interpolate`${args.workspaceName}-${scope.suffix}`,
                resourceGroupName: rg.name,
                location: args.location,
                kind,
                friendlyName: args.friendlyName ?? args.workspaceName,
                description: args.description,
                ...securityOf(args, cmk),
                sku: { name: "Basic", tier: "Basic" },
                storageAccount: storageAccount.id,
                keyVault: vault.id,
                applicationInsights: insights.id,
                containerRegistry: registry?.id,
                publicNetworkAccess: scope.publicNetworkAccess,
                tags: args.tags,
            },
            // Fixed at creation: storage, key vault, customer-managed key. The key's role comes first.
            {
                parent: this,
                replaceOnChanges: [
                    "storageAccount",
                    "keyVault",
                    ...(cmk ? ["encryption.status", "encryption.keyVaultProperties.keyVaultArmId"] : []),
                ],
                dependsOn: cmk?.before ?? [],
            },
        );
        assignAiDevelopers(scope, rg.id);

        this.resourceGroupName = rg.name;
        this.resourceGroupId = rg.id;
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

/** What the workspace's dependencies are built from: the component, its arguments and what it derived from them. */
interface Scope {
    name: string;
    args: AiWorkspaceArgs;
    parent: pulumi.Resource;
    publicNetworkAccess: PublicNetworkAccess;
    /** The stable random suffix of globally unique names. */
    suffix: pulumi.Output<string>;
    client: pulumi.Output<authorization.GetClientConfigResult>;
}

/** The resource group: created, or an existing one by name. */
function resourceGroup(scope: Scope): { name: pulumi.Output<string>; id: pulumi.Output<string> } {
    const { name, args, parent, client } = scope;
    const rg = resourceGroupFor(
        name,
        { ...args, defaultName: defaultResourceGroupName(args.workspaceName), location: args.location },
        parent,
    );
    return {
        name: rg.name,
        id: rg.resource?.id ?? pulumi.interpolate`/subscriptions/${client.subscriptionId}/resourceGroups/${rg.name}`,
    };
}

/** Closed unless the workspace is open; trusted Azure services may still reach it. */
function networkDefault(scope: Scope): "Allow" | "Deny" {
    return scope.publicNetworkAccess === "Enabled" ? "Allow" : "Deny";
}

function storageAccountFor(scope: Scope, resourceGroupName: pulumi.Output<string>): storage.StorageAccount {
    const { name, args, parent, publicNetworkAccess } = scope;
    return new storage.StorageAccount(
        `${name}-st`,
        {
            accountName: scope.suffix.apply((s) => storageAccountName(args.workspaceName, s)),
            resourceGroupName,
            location: args.location,
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            allowBlobPublicAccess: false,
            // Entra ID only, unless shared keys are asked for; the workspace then uses its identity (securityOf).
            allowSharedKeyAccess: args.storageSharedKeyAccess ?? false,
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            publicNetworkAccess,
            networkRuleSet: { defaultAction: networkDefault(scope), bypass: "AzureServices" },
            tags: args.tags,
        },
        { parent },
    );
}

function keyVaultFor(scope: Scope, resourceGroupName: pulumi.Output<string>): keyvault.Vault {
    const { name, args, parent, publicNetworkAccess } = scope;
    return new keyvault.Vault(
        `${name}-kv`,
        {
            vaultName: scope.suffix.apply((s) => keyVaultName(args.workspaceName, s)),
            resourceGroupName,
            location: args.location,
            properties: {
                tenantId: scope.client.tenantId,
                sku: { family: "A", name: "standard" },
                enableRbacAuthorization: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: args.keyVaultSoftDeleteRetentionDays ?? 90,
                enablePurgeProtection: args.keyVaultPurgeProtection ?? true,
                publicNetworkAccess,
                networkAcls: { defaultAction: networkDefault(scope), bypass: "AzureServices" },
            },
            tags: args.tags,
        },
        { parent },
    );
}

/** Log Analytics and the Application Insights component that writes to it. */
function monitoringFor(
    scope: Scope,
    resourceGroupName: pulumi.Output<string>,
): { logs: operationalinsights.Workspace; insights: applicationinsights.Component } {
    const { name, args, parent } = scope;
    const logs = logAnalyticsWorkspace(
        name,
        {
            baseName: args.workspaceName,
            resourceGroupName,
            location: args.location,
            retentionInDays: args.logRetentionDays,
            tags: args.tags,
        },
        parent,
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
            tags: args.tags,
        },
        { parent },
    );
    return { logs, insights };
}

function containerRegistryFor(scope: Scope, resourceGroupName: pulumi.Output<string>): containerregistry.Registry {
    const { name, args, parent, publicNetworkAccess } = scope;
    return new containerregistry.Registry(
        `${name}-cr`,
        {
            registryName: scope.suffix.apply((s) => containerRegistryName(args.workspaceName, s)),
            resourceGroupName,
            location: args.location,
            // Premium is the tier that supports private endpoints, which a closed workspace needs.
            sku: { name: publicNetworkAccess === "Enabled" ? "Standard" : "Premium" },
            adminUserEnabled: false,
            publicNetworkAccess,
            tags: args.tags,
        },
        { parent },
    );
}

/** Azure AI Developer on the resource group for each principal, under a name that is the same on every run. */
function assignAiDevelopers(scope: Scope, resourceGroupId: pulumi.Output<string>): void {
    const { name, args, parent } = scope;
    for (const principal of args.principals ?? []) {
        assignRole(
            `${name}-aidev-${principal.principalId}`,
            {
                scope: resourceGroupId,
                principalId: principal.principalId,
                principalType: principal.principalType ?? "User",
                role: AZURE_AI_DEVELOPER,
                description: `${AZURE_AI_DEVELOPER.name}: deploy serverless models in ${args.workspaceName}`,
            },
            parent,
        );
    }
}

/** The customer-managed key's identity and role, next to the workspace. */
function workspaceKeyAccess(scope: Scope, resourceGroupName: pulumi.Output<string>): KeyAccess {
    const { name, args, parent } = scope;
    const at = { location: args.location, tags: args.tags, baseName: args.workspaceName, resourceGroupName };
    return keyAccess(name, args.encryption!, at, parent);
}

/** The workspace's identity, managed network and, with a customer-managed key, its encryption. */
function securityOf(args: AiWorkspaceArgs, cmk: KeyAccess | undefined) {
    return {
        identity: cmk
            ? { type: "SystemAssigned,UserAssigned" as const, userAssignedIdentities: [cmk.identityId] }
            : { type: "SystemAssigned" as const },
        // Without shared keys on the storage account, the system datastores authenticate with the identity.
        ...(args.storageSharedKeyAccess ? {} : { systemDatastoresAuthMode: "Identity" }),
        managedNetwork: {
            isolationMode: args.isolationMode ?? "AllowOnlyApprovedOutbound",
            ...(args.outboundRules?.length ? { outboundRules: outboundRulesOf(args.outboundRules) } : {}),
        },
        ...(cmk
            ? {
                  encryption: {
                      status: "Enabled",
                      keyVaultProperties: { keyVaultArmId: args.encryption!.keyVaultId, keyIdentifier: cmk.keyId },
                      identity: { userAssignedIdentity: cmk.identityId },
                  },
              }
            : {}),
    };
}

/** The rules as the API takes them: a map from rule name to rule, each with its type's destination. */
type ManagedNetworkArgs = NonNullable<machinelearningservices.WorkspaceArgs["managedNetwork"]>;
type OutboundRuleArgs = Exclude<
    ManagedNetworkArgs extends pulumi.Input<infer N> ? (N extends { outboundRules?: infer R } ? R : never) : never,
    undefined | Promise<unknown> | pulumi.OutputInstance<unknown>
>;

function outboundRulesOf(rules: readonly ManagedOutboundRule[]): OutboundRuleArgs {
    const byName: Record<string, object> = {};
    for (const r of rules) {
        const destination =
            r.type === "FQDN"
                ? r.fqdn
                : r.type === "PrivateEndpoint"
                  ? {
                        serviceResourceId: r.serviceResourceId,
                        subresourceTarget: r.subresourceTarget,
                        sparkEnabled: r.sparkEnabled ?? false,
                    }
                  : {
                        serviceTag: r.serviceTag,
                        protocol: r.protocol,
                        portRanges: r.portRanges,
                        action: r.action ?? "Allow",
                    };
        byName[r.name] = {
            type: r.type,
            category: "UserDefined",
            destination,
            ...(r.type === "PrivateEndpoint" && r.fqdns?.length ? { fqdns: r.fqdns } : {}),
        };
    }
    return byName as OutboundRuleArgs;
}
