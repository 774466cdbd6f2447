/**
 * The string choices component args take, as named `as const` objects with a type of the same name: Pulumi's
 * component-provider schema analyzer turns these into schema enums (an inline union of literals it refuses). The
 * choices themselves are the catalog's vocabulary (`infra/catalog/vocabulary.ts`); the analyzer reads only object
 * literals, so each object spells its list's values, and `enumLists.ts` proves at compile time that each has exactly
 * its list's values (a value added to a list and not here, or here and not in the list, fails the type check).
 */

/** Kind of workspace: an AI hub that hosts projects, or a classic Azure Machine Learning workspace. */
export const WorkspaceKind = { Hub: "Hub", Default: "Default" } as const;
export type WorkspaceKind = (typeof WorkspaceKind)[keyof typeof WorkspaceKind];

/** Whether a resource is reachable from the public internet. */
export const PublicNetworkAccess = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type PublicNetworkAccess = (typeof PublicNetworkAccess)[keyof typeof PublicNetworkAccess];

/** Managed network isolation of a hub or workspace (projects inherit their hub's). */
export const IsolationMode = {
    Disabled: "Disabled",
    AllowInternetOutbound: "AllowInternetOutbound",
    AllowOnlyApprovedOutbound: "AllowOnlyApprovedOutbound",
} as const;
export type IsolationMode = (typeof IsolationMode)[keyof typeof IsolationMode];

/** Kind of principal a role is assigned to. */
export const PrincipalType = { User: "User", Group: "Group", ServicePrincipal: "ServicePrincipal" } as const;
export type PrincipalType = (typeof PrincipalType)[keyof typeof PrincipalType];

/** How clients authenticate to a serverless endpoint. */
export const ServerlessAuthMode = { Key: "Key", AAD: "AAD", KeyAndAAD: "KeyAndAAD" } as const;
export type ServerlessAuthMode = (typeof ServerlessAuthMode)[keyof typeof ServerlessAuthMode];

/** Azure AI Content Safety on a serverless endpoint. */
export const ContentSafetyStatus = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type ContentSafetyStatus = (typeof ContentSafetyStatus)[keyof typeof ContentSafetyStatus];

/** How clients authenticate to an online endpoint. */
export const OnlineEndpointAuthMode = { AADToken: "AADToken", Key: "Key", AMLToken: "AMLToken" } as const;
export type OnlineEndpointAuthMode = (typeof OnlineEndpointAuthMode)[keyof typeof OnlineEndpointAuthMode];

/** Fixed instance count, or autoscale by utilisation. */
export const ScaleType = { Default: "Default", TargetUtilization: "TargetUtilization" } as const;
export type ScaleType = (typeof ScaleType)[keyof typeof ScaleType];

/** Deployment type of a model on a Foundry resource (the deployment's `sku.name`). */
export const FoundryDeploymentSku = {
    GlobalStandard: "GlobalStandard",
    DataZoneStandard: "DataZoneStandard",
    Standard: "Standard",
    GlobalProvisionedManaged: "GlobalProvisionedManaged",
} as const;
export type FoundryDeploymentSku = (typeof FoundryDeploymentSku)[keyof typeof FoundryDeploymentSku];

/** When Azure moves a Foundry deployment to a newer model version. */
export const VersionUpgradeOption = {
    OnceNewDefaultVersionAvailable: "OnceNewDefaultVersionAvailable",
    OnceCurrentVersionExpired: "OnceCurrentVersionExpired",
    NoAutoUpgrade: "NoAutoUpgrade",
} as const;
export type VersionUpgradeOption = (typeof VersionUpgradeOption)[keyof typeof VersionUpgradeOption];

/** What a network rule set does with traffic no rule matches. */
export const NetworkDefaultAction = { Allow: "Allow", Deny: "Deny" } as const;
export type NetworkDefaultAction = (typeof NetworkDefaultAction)[keyof typeof NetworkDefaultAction];

/** Whether trusted Azure services bypass a network rule set. */
export const NetworkBypass = { None: "None", AzureServices: "AzureServices" } as const;
export type NetworkBypass = (typeof NetworkBypass)[keyof typeof NetworkBypass];

/** A content filter category: the four harm categories take a severity, the others are on or off. */
export const ContentFilterCategory = {
    Hate: "Hate",
    Sexual: "Sexual",
    Violence: "Violence",
    Selfharm: "Selfharm",
    Jailbreak: "Jailbreak",
    IndirectAttack: "Indirect Attack",
    ProtectedMaterialText: "Protected Material Text",
    ProtectedMaterialCode: "Protected Material Code",
    Profanity: "Profanity",
} as const;
export type ContentFilterCategory = (typeof ContentFilterCategory)[keyof typeof ContentFilterCategory];

/** Whether a content filter rule applies to the prompt or to the completion. */
export const ContentFilterSource = { Prompt: "Prompt", Completion: "Completion" } as const;
export type ContentFilterSource = (typeof ContentFilterSource)[keyof typeof ContentFilterSource];

/** The lowest severity a harm category rule filters. */
export const ContentFilterSeverity = { Low: "Low", Medium: "Medium", High: "High" } as const;
export type ContentFilterSeverity = (typeof ContentFilterSeverity)[keyof typeof ContentFilterSeverity];

/** How a content filter runs relative to streaming. */
export const ContentFilterMode = {
    Default: "Default",
    Deferred: "Deferred",
    Blocking: "Blocking",
    AsynchronousFilter: "Asynchronous_filter",
} as const;
export type ContentFilterMode = (typeof ContentFilterMode)[keyof typeof ContentFilterMode];

// ---- PrivateAccess (private endpoints and DNS) ----

/** What a private endpoint connects to: decides its group id and DNS zones (the catalog's `PRIVATE_LINK`). */
export const PrivateLinkTargetKind = {
    foundryAccount: "foundryAccount",
    mlWorkspace: "mlWorkspace",
    storageBlob: "storageBlob",
    storageFile: "storageFile",
    keyVault: "keyVault",
    containerRegistry: "containerRegistry",
} as const;
export type PrivateLinkTargetKind = (typeof PrivateLinkTargetKind)[keyof typeof PrivateLinkTargetKind];

/** Private DNS: create the zones, use existing ones, or leave the records to Azure Policy. */
export const PrivateDnsMode = { create: "create", existing: "existing", policy: "policy" } as const;
export type PrivateDnsMode = (typeof PrivateDnsMode)[keyof typeof PrivateDnsMode];

/** Where a customer-managed key's identity gets its Key Vault role: on the key only, or on the whole vault. */
export const KeyRoleScope = { key: "key", vault: "vault" } as const;
export type KeyRoleScope = (typeof KeyRoleScope)[keyof typeof KeyRoleScope];

/** The kind of a managed network outbound rule of a hub. */
export const OutboundRuleType = { FQDN: "FQDN", PrivateEndpoint: "PrivateEndpoint", ServiceTag: "ServiceTag" } as const;
export type OutboundRuleType = (typeof OutboundRuleType)[keyof typeof OutboundRuleType];

/** Whether a service tag outbound rule allows or denies. */
export const OutboundRuleAction = { Allow: "Allow", Deny: "Deny" } as const;
export type OutboundRuleAction = (typeof OutboundRuleAction)[keyof typeof OutboundRuleAction];
