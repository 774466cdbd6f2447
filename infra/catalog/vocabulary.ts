/**
 * The package's vocabulary: every choice list a value is checked against (SKUs, auth modes, severities, network and
 * DNS modes, content-filter categories, release stages, ...), written once, here, below the config, the components
 * and the catalog's own schema. Each list is an `as const` array with its union type; the config's zod schemas
 * (`choice(LIST)` in `choice.ts`), the components' argument checks, the catalog schema and the component package's
 * enums (`infra/components/enums.ts`, checked against these lists at compile time) all take them from here, and
 * `test/provider/vocabulary.test.ts` proves that the stack-config JSON Schema, the zod schemas and the provider
 * schema offer exactly these lists, and that every list here is used. Add a choice here, never as a literal list.
 *
 * The values are Azure's where Azure defines them (the API spec's enums at the API version in use, see
 * `test/restspec/`); the config's own words (`hub`, `serverless`, `create`) are this package's.
 */

// ---- network and access ----------------------------------------------------------------------------------------

/** Whether a resource is reachable from the public internet (`publicNetworkAccess`). */
export const PUBLIC_NETWORK_ACCESS = ["Enabled", "Disabled"] as const;
export type PublicNetworkAccessValue = (typeof PUBLIC_NETWORK_ACCESS)[number];

/** Managed network isolation of a hub or workspace (`managedNetwork.isolationMode`). */
export const ISOLATION_MODES = ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"] as const;
export type IsolationModeValue = (typeof ISOLATION_MODES)[number];

/** What a Foundry account's network rule set does with traffic no rule matches (`networkAcls.defaultAction`). */
export const NETWORK_DEFAULT_ACTIONS = ["Allow", "Deny"] as const;
export type NetworkDefaultActionValue = (typeof NETWORK_DEFAULT_ACTIONS)[number];

/** Whether trusted Azure services bypass a Foundry account's network rule set (`networkAcls.bypass`). */
export const NETWORK_BYPASS = ["None", "AzureServices"] as const;
export type NetworkBypassValue = (typeof NETWORK_BYPASS)[number];

/** Private DNS: create the zones and link them, use zones that exist, or leave the records to Azure Policy. */
export const PRIVATE_DNS_MODES = ["create", "existing", "policy"] as const;
export type PrivateDnsModeValue = (typeof PRIVATE_DNS_MODES)[number];

/** What a private endpoint connects to: the keys of the catalog's `PRIVATE_LINK` (`privateLink.ts`). */
export const PRIVATE_LINK_TARGETS = [
    "foundryAccount",
    "mlWorkspace",
    "storageBlob",
    "storageFile",
    "keyVault",
    "containerRegistry",
] as const;
export type PrivateLinkTargetValue = (typeof PRIVATE_LINK_TARGETS)[number];

/** Kind of principal a role is assigned to (`principalType` of a role assignment). */
export const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal"] as const;
export type PrincipalTypeValue = (typeof PRINCIPAL_TYPES)[number];

// ---- hub (Azure Machine Learning) ------------------------------------------------------------------------------

/** The config's word for the workspace to create: an AI hub with projects, or a classic workspace. */
export const WORKSPACE_CONFIG_KINDS = ["hub", "workspace"] as const;
export type WorkspaceConfigKind = (typeof WORKSPACE_CONFIG_KINDS)[number];

/** The workspace `kind` Azure takes for the two (`Hub`, `Default`): what `AiWorkspace` gets. */
export const WORKSPACE_KINDS = ["Hub", "Default"] as const;
export type WorkspaceKindValue = (typeof WORKSPACE_KINDS)[number];

/** What an `existingWorkspace` is: a hub-based project or a classic workspace. */
export const EXISTING_WORKSPACE_KINDS = ["project", "workspace"] as const;
export type ExistingWorkspaceKind = (typeof EXISTING_WORKSPACE_KINDS)[number];

/** How a hub model is deployed: a serverless API, or managed compute (the catalog's offers of a model). */
export const HUB_DEPLOYMENT_TYPES = ["serverless", "managed"] as const;
export type HubDeploymentType = (typeof HUB_DEPLOYMENT_TYPES)[number];

/** How clients authenticate to a serverless endpoint (`authMode`). */
export const SERVERLESS_AUTH_MODES = ["Key", "AAD", "KeyAndAAD"] as const;
export type ServerlessAuthModeValue = (typeof SERVERLESS_AUTH_MODES)[number];

/** Azure AI Content Safety on a serverless endpoint (`contentSafety.contentSafetyStatus`). */
export const CONTENT_SAFETY_STATUSES = ["Enabled", "Disabled"] as const;
export type ContentSafetyStatusValue = (typeof CONTENT_SAFETY_STATUSES)[number];

/** Who makes a partner model's Marketplace subscription: this stack, or someone else. */
export const MARKETPLACE_SUBSCRIPTION_MODES = ["create", "existing"] as const;
export type MarketplaceSubscriptionMode = (typeof MARKETPLACE_SUBSCRIPTION_MODES)[number];

/** How clients authenticate to an online endpoint (`authMode`). */
export const ONLINE_ENDPOINT_AUTH_MODES = ["AADToken", "Key", "AMLToken"] as const;
export type OnlineEndpointAuthModeValue = (typeof ONLINE_ENDPOINT_AUTH_MODES)[number];

/** Fixed instance count, or autoscale by utilisation (`scaleSettings.scaleType`). */
export const SCALE_TYPES = ["Default", "TargetUtilization"] as const;
export type ScaleTypeValue = (typeof SCALE_TYPES)[number];

/** Which routes a custom model serves (the keys of the catalog's `INFERENCE_API_ROUTES`). */
export const CUSTOM_MODEL_TASKS = ["chat", "completions"] as const;
export type CustomModelTask = (typeof CUSTOM_MODEL_TASKS)[number];

// ---- Foundry (Cognitive Services) ------------------------------------------------------------------------------

/** Deployment types of a model on a Foundry resource (a deployment's `sku.name`) the catalog knows. */
export const FOUNDRY_DEPLOYMENT_SKUS = [
    "GlobalStandard",
    "DataZoneStandard",
    "Standard",
    "GlobalProvisionedManaged",
] as const;
export type FoundryDeploymentSkuValue = (typeof FOUNDRY_DEPLOYMENT_SKUS)[number];

/** When Azure moves a Foundry deployment to a newer model version (`versionUpgradeOption`). */
export const VERSION_UPGRADE_OPTIONS = [
    "OnceNewDefaultVersionAvailable",
    "OnceCurrentVersionExpired",
    "NoAutoUpgrade",
] as const;
export type VersionUpgradeOptionValue = (typeof VERSION_UPGRADE_OPTIONS)[number];

/** Harm categories of a content filter that take a severity threshold (a part of {@link CONTENT_FILTER_CATEGORIES}). */
export const CONTENT_FILTER_SEVERITY_CATEGORIES = ["Hate", "Sexual", "Violence", "Selfharm"] as const;
/** Categories that are on or off, with no severity (the rest of {@link CONTENT_FILTER_CATEGORIES}). */
export const CONTENT_FILTER_SWITCH_CATEGORIES = [
    "Jailbreak",
    "Indirect Attack",
    "Protected Material Text",
    "Protected Material Code",
    "Profanity",
] as const;
/** Every content filter category (RaiPolicy `contentFilters[].name`): the harm categories, then the switches. */
export const CONTENT_FILTER_CATEGORIES = [
    ...CONTENT_FILTER_SEVERITY_CATEGORIES,
    ...CONTENT_FILTER_SWITCH_CATEGORIES,
] as const;
export type ContentFilterCategoryValue = (typeof CONTENT_FILTER_CATEGORIES)[number];

/** Whether a content filter rule or blocklist applies to the prompt or the completion. */
export const CONTENT_FILTER_SOURCES = ["Prompt", "Completion"] as const;
export type ContentFilterSourceValue = (typeof CONTENT_FILTER_SOURCES)[number];

/** The lowest severity a harm category rule filters (`severityThreshold`). */
export const CONTENT_FILTER_SEVERITIES = ["Low", "Medium", "High"] as const;
export type ContentFilterSeverityValue = (typeof CONTENT_FILTER_SEVERITIES)[number];

/** How a content filter runs relative to streaming (RaiPolicy `mode`). */
export const CONTENT_FILTER_MODES = ["Default", "Deferred", "Blocking", "Asynchronous_filter"] as const;
export type ContentFilterModeValue = (typeof CONTENT_FILTER_MODES)[number];

// ---- the catalog's own facts -----------------------------------------------------------------------------------

/** Release stage of an offer, as Microsoft's model tables and retirement schedule name it. */
export const RELEASE_STAGES = ["preview", "GA", "legacy", "deprecated"] as const;

/** Data zones of a `DataZoneStandard` deployment. */
export const DATA_ZONES = ["US", "EU"] as const;

/** Who sells a Foundry model: Azure directly, or a partner through Azure Marketplace. */
export const FOUNDRY_SOLD_BY = ["Azure", "Partner"] as const;

/** Model families; `other` for models added through `customModels`. */
export const MODEL_FAMILIES = ["mistral", "ai21-jamba", "meta-llama", "other"] as const;

/** Which API a route belongs to. */
export const ROUTE_APIS = ["azure-ai-model-inference", "provider-native"] as const;

/** What a route does. */
export const ROUTE_KINDS = ["info", "chat-completions", "completions", "ocr"] as const;

/** The HTTP methods of the routes. */
export const HTTP_METHODS = ["GET", "POST"] as const;

/** Where a customer-managed key's identity gets its Key Vault role: on the key, or on the whole vault. */
export const KEY_ROLE_SCOPES = ["key", "vault"] as const;

/** Kinds of a hub's managed network outbound rule (REST spec Microsoft.MachineLearningServices 2025-12-01 `RuleType`). */
export const OUTBOUND_RULE_TYPES = ["FQDN", "PrivateEndpoint", "ServiceTag"] as const;

/** Whether a service tag outbound rule allows or denies (`RuleAction`). */
export const OUTBOUND_RULE_ACTIONS = ["Allow", "Deny"] as const;

/** Protocols of a service tag outbound rule (`ServiceTagDestination.protocol`). */
export const OUTBOUND_RULE_PROTOCOLS = ["TCP", "UDP", "ICMP", "*"] as const;

/**
 * Every list above by name (the content-filter category parts are in their union), for the test that holds the
 * schemas to them and finds a list no schema uses.
 */
export const VOCABULARY = {
    PUBLIC_NETWORK_ACCESS,
    ISOLATION_MODES,
    NETWORK_DEFAULT_ACTIONS,
    NETWORK_BYPASS,
    PRIVATE_DNS_MODES,
    PRIVATE_LINK_TARGETS,
    PRINCIPAL_TYPES,
    WORKSPACE_CONFIG_KINDS,
    WORKSPACE_KINDS,
    EXISTING_WORKSPACE_KINDS,
    HUB_DEPLOYMENT_TYPES,
    SERVERLESS_AUTH_MODES,
    CONTENT_SAFETY_STATUSES,
    MARKETPLACE_SUBSCRIPTION_MODES,
    ONLINE_ENDPOINT_AUTH_MODES,
    SCALE_TYPES,
    CUSTOM_MODEL_TASKS,
    FOUNDRY_DEPLOYMENT_SKUS,
    VERSION_UPGRADE_OPTIONS,
    CONTENT_FILTER_CATEGORIES,
    CONTENT_FILTER_SOURCES,
    CONTENT_FILTER_SEVERITIES,
    CONTENT_FILTER_MODES,
    RELEASE_STAGES,
    DATA_ZONES,
    FOUNDRY_SOLD_BY,
    MODEL_FAMILIES,
    ROUTE_APIS,
    ROUTE_KINDS,
    HTTP_METHODS,
    KEY_ROLE_SCOPES,
    OUTBOUND_RULE_TYPES,
    OUTBOUND_RULE_ACTIONS,
    OUTBOUND_RULE_PROTOCOLS,
} as const satisfies Record<string, readonly [string, ...string[]]>;
export type VocabularyName = keyof typeof VOCABULARY;
