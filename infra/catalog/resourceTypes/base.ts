/**
 * Records of the general Azure types the components create around the models: resource groups, storage, key vaults,
 * logs, container registries, diagnostic settings and role assignments.
 */
import { NAME_RULES } from "../names";
import { ARM_GROUP_SOURCE, GROUP_LOCATION, IN_RESOURCE_GROUP, LOCATION } from "./common";
import type { ResourceType } from "./types";

export const RESOURCE_GROUP: ResourceType = {
    type: "azure-native:resources:ResourceGroup",
    title: "resource group",
    nameInput: "resourceGroupName",
    nameRule: NAME_RULES.resourceGroup,
    armId: { under: "subscription", path: (_, n) => `resourceGroups/${n}` },
    fixedInputs: [GROUP_LOCATION],
    destructive: { what: "resource group", consequence: "Azure deletes everything in it", source: ARM_GROUP_SOURCE },
    keyInputs: ["resourceGroupName", "location"],
};

export const STORAGE_ACCOUNT: ResourceType = {
    type: "azure-native:storage:StorageAccount",
    title: "storage account",
    nameInput: "accountName",
    nameRule: NAME_RULES.storageAccount,
    armId: { under: "resource group", path: (_, n) => `Microsoft.Storage/storageAccounts/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    destructive: {
        what: "storage account",
        consequence: "its data goes with it",
        source: "ARM: deleting a storage account deletes the data it holds",
    },
    keyInputs: ["accountName", "sku.name", "publicNetworkAccess", "allowBlobPublicAccess", "minimumTlsVersion"],
};

export const KEY_VAULT: ResourceType = {
    type: "azure-native:keyvault:Vault",
    title: "key vault",
    nameInput: "vaultName",
    nameRule: NAME_RULES.keyVault,
    armId: { under: "resource group", path: (_, n) => `Microsoft.KeyVault/vaults/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    destructive: {
        what: "key vault",
        consequence: "its secrets go with it (soft-deleted, the name stays taken until purged)",
        source: "MS docs key-vault/general/soft-delete-overview.md: a deleted vault is soft-deleted and its name reserved until purged (carried over from the diff's earlier table, not re-read)",
    },
    keyInputs: [
        "vaultName",
        "properties.enableRbacAuthorization",
        "properties.enablePurgeProtection",
        "properties.softDeleteRetentionInDays",
        "properties.publicNetworkAccess",
    ],
};

export const LOG_ANALYTICS_WORKSPACE: ResourceType = {
    type: "azure-native:operationalinsights:Workspace",
    title: "Log Analytics workspace",
    nameInput: "workspaceName",
    nameRule: NAME_RULES.logAnalytics,
    armId: { under: "resource group", path: (_, n) => `Microsoft.OperationalInsights/workspaces/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    keyInputs: ["workspaceName", "retentionInDays"],
};

export const APPLICATION_INSIGHTS: ResourceType = {
    type: "azure-native:applicationinsights:Component",
    aliases: ["azure-native:insights:Component"],
    title: "Application Insights component",
    nameInput: "resourceName",
    nameRule: NAME_RULES.appInsights,
    armId: { under: "resource group", path: (_, n) => `Microsoft.Insights/components/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    keyInputs: ["resourceName", "workspaceResourceId"],
};

export const CONTAINER_REGISTRY: ResourceType = {
    type: "azure-native:containerregistry:Registry",
    title: "container registry",
    nameInput: "registryName",
    nameRule: NAME_RULES.containerRegistry,
    armId: { under: "resource group", path: (_, n) => `Microsoft.ContainerRegistry/registries/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    keyInputs: ["registryName", "sku.name", "adminUserEnabled", "publicNetworkAccess"],
};

export const DIAGNOSTIC_SETTING: ResourceType = {
    type: "azure-native:monitor:DiagnosticSetting",
    aliases: ["azure-native:insights:DiagnosticSetting"],
    title: "diagnostic setting",
    nameInput: "name",
    armId: { under: { input: "resourceUri" }, path: (_, n) => `Microsoft.Insights/diagnosticSettings/${n}` },
    // An extension resource: it lives on the resource it reports on, and goes with it.
    parents: [{ input: "resourceUri", what: "monitored resource" }],
    keyInputs: ["name"],
};

const ROLE_ASSIGNMENT_IMMUTABLE =
    "ARM: RoleAssignmentUpdateNotPermitted (tenant, principal and scope are not allowed to be updated)";

export const ROLE_ASSIGNMENT: ResourceType = {
    type: "azure-native:authorization:RoleAssignment",
    title: "role assignment",
    nameInput: "roleAssignmentName",
    nameRule: NAME_RULES.roleAssignment,
    armId: { under: { input: "scope" }, path: (_, n) => `Microsoft.Authorization/roleAssignments/${n}` },
    parents: [{ input: "scope", what: "scope" }],
    fixedInputs: [
        {
            path: "principalId",
            reason: "a role assignment cannot change its principal",
            source: ROLE_ASSIGNMENT_IMMUTABLE,
        },
        {
            path: "roleDefinitionId",
            reason: "a role assignment cannot change its role",
            source: "ARM: RoleAssignmentUpdateNotPermitted (an existing assignment is immutable; another role is another assignment)",
        },
    ],
    keyInputs: ["principalId", "principalType", "roleDefinitionId", "roleAssignmentName"],
};

/** A user-assigned managed identity: the identity a customer-managed key is used with. */
export const USER_ASSIGNED_IDENTITY: ResourceType = {
    type: "azure-native:managedidentity:UserAssignedIdentity",
    title: "user-assigned managed identity",
    nameInput: "resourceName",
    armId: { under: "resource group", path: (_, n) => `Microsoft.ManagedIdentity/userAssignedIdentities/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    destructive: {
        what: "user-assigned identity",
        consequence:
            "its principal and its role assignments go with it: a resource that reads its customer-managed key through it loses access to the key",
        source: "ARM: a managed identity's service principal is deleted with it, and role assignments name the principal; MS docs ai-foundry/concepts/encryption-keys-portal.md (the identity needs get, wrap and unwrap on the key)",
    },
    keyInputs: ["resourceName", "location"],
    mockOutputs: ({ name, unknown, tenantId }) => ({
        principalId: unknown(`${name}-principal`),
        clientId: unknown(`${name}-client`),
        tenantId,
    }),
};

/** `random_string`: not Azure, but the components draw name suffixes with it, and the diff must know it. */
export const RANDOM_STRING: ResourceType = {
    type: "random:index/randomString:RandomString",
    title: "random string (name suffix)",
    fixedInputs: [
        {
            path: "*",
            reason: "a new random value is drawn",
            source: "@pulumi/random: every RandomString input forces replacement",
        },
    ],
    keyInputs: ["length"],
};
