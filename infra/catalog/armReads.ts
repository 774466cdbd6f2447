/**
 * The read-only Azure Resource Manager operations the preflight (`npm run preflight`) and the catalog drift check
 * (`npm run catalog:drift`) call, with the API version of each provider and where the paths and response shapes were
 * read. The REST-spec extracts and examples the tests answer with are kept in `test/restspec/reads/` with their
 * commits.
 */
import type { Source } from "./types";

const SPEC = "Azure/azure-rest-api-specs";

/** Public Azure's Resource Manager endpoint; sovereign clouds and loopback tests pass another (`--arm-endpoint`). */
export const PUBLIC_ARM_ENDPOINT = "https://management.azure.com";

export const ARM_READ_SOURCES = {
    cognitiveServices: {
        document: `${SPEC} specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices/stable/2025-06-01/cognitiveservices.json@19b0bf17b2ede1a7ce4aca201cd5c567c93e4ccf; examples ListUsages.json@b2f7419737799f321a271e9327d0b18417eed538, CheckDomainAvailability.json@1f4159c627719f820aa5f0914f679c869988001f, ListLocationBasedModelCapacities.json@1f4159c627719f820aa5f0914f679c869988001f`,
        date: "2026-12-06",
        note: "Models_List response shape (model.format/name/version, lifecycleStatus, deprecation.inference, skus[].name/usageName/deprecationDate) as the spec's AccountModel and ModelSku define it and public `az cognitiveservices model list` output shows it; quota usage names are read from skus[].usageName, never built",
    },
    machineLearning: {
        document: `${SPEC} specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/MachineLearningServices/stable/2025-12-01/openapi.json@20273ef8cd9e7bf29321c13d4a076bd92d4ad851 (Usages_List, VirtualMachineSizes_List)`,
        date: "2026-12-06",
    },
    authorization: {
        document: `${SPEC} specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-RoleDefinitionsCalls.json@598efa66665d99777a23d4ce5b81fc54a29aaaf5 (Permissions_ListForResourceGroup: value[].actions/notActions, nextLink)`,
        date: "2026-12-06",
    },
} as const satisfies Record<string, Source>;

/** API versions of the read operations, one per provider. */
export const ARM_READ_API_VERSIONS = {
    /** The version azure-native 3.28.0 deploys accounts and deployments with (see test/restspec). */
    cognitiveServices: "2025-06-01",
    /** The version azure-native 3.28.0 deploys workspaces and online endpoints with. */
    machineLearning: "2025-12-01",
    authorization: "2022-04-01",
} as const;

/** The read operations, as paths under a subscription (`/subscriptions/{sub}` prefixed by the caller). */
export const ARM_READ_PATHS = {
    cognitiveUsages: (location: string) => `/providers/Microsoft.CognitiveServices/locations/${location}/usages`,
    cognitiveModels: (location: string) => `/providers/Microsoft.CognitiveServices/locations/${location}/models`,
    modelCapacities: (location: string) =>
        `/providers/Microsoft.CognitiveServices/locations/${location}/modelCapacities`,
    deletedAccounts: () => "/providers/Microsoft.CognitiveServices/deletedAccounts",
    checkDomainAvailability: () => "/providers/Microsoft.CognitiveServices/checkDomainAvailability",
    account: (resourceGroup: string, account: string) =>
        `/resourceGroups/${resourceGroup}/providers/Microsoft.CognitiveServices/accounts/${account}`,
    accountDeployments: (resourceGroup: string, account: string) =>
        `/resourceGroups/${resourceGroup}/providers/Microsoft.CognitiveServices/accounts/${account}/deployments`,
    mlUsages: (location: string) => `/providers/Microsoft.MachineLearningServices/locations/${location}/usages`,
    mlVmSizes: (location: string) => `/providers/Microsoft.MachineLearningServices/locations/${location}/vmSizes`,
    permissions: (resourceGroup: string) =>
        `/resourceGroups/${resourceGroup}/providers/Microsoft.Authorization/permissions`,
} as const;

/**
 * The ARM write action each azure-native resource type of the package needs (`<namespace>/<type>/write`, the
 * operation name Azure's role definitions grant), as `Microsoft.Authorization/permissions` lists actions.
 */
export const WRITE_ACTIONS: Readonly<Record<string, string>> = {
    "azure-native:resources:ResourceGroup": "Microsoft.Resources/subscriptions/resourceGroups/write",
    "azure-native:storage:StorageAccount": "Microsoft.Storage/storageAccounts/write",
    "azure-native:keyvault:Vault": "Microsoft.KeyVault/vaults/write",
    "azure-native:operationalinsights:Workspace": "Microsoft.OperationalInsights/workspaces/write",
    "azure-native:applicationinsights:Component": "Microsoft.Insights/components/write",
    "azure-native:containerregistry:Registry": "Microsoft.ContainerRegistry/registries/write",
    "azure-native:cognitiveservices:Account": "Microsoft.CognitiveServices/accounts/write",
    "azure-native:cognitiveservices:Project": "Microsoft.CognitiveServices/accounts/projects/write",
    "azure-native:cognitiveservices:Deployment": "Microsoft.CognitiveServices/accounts/deployments/write",
    "azure-native:cognitiveservices:RaiPolicy": "Microsoft.CognitiveServices/accounts/raiPolicies/write",
    "azure-native:cognitiveservices:RaiBlocklist": "Microsoft.CognitiveServices/accounts/raiBlocklists/write",
    "azure-native:cognitiveservices:RaiBlocklistItem":
        "Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems/write",
    "azure-native:monitor:DiagnosticSetting": "Microsoft.Insights/diagnosticSettings/write",
    "azure-native:machinelearningservices:Workspace": "Microsoft.MachineLearningServices/workspaces/write",
    "azure-native:machinelearningservices:MarketplaceSubscription":
        "Microsoft.MachineLearningServices/workspaces/marketplaceSubscriptions/write",
    "azure-native:machinelearningservices:ServerlessEndpoint":
        "Microsoft.MachineLearningServices/workspaces/serverlessEndpoints/write",
    "azure-native:machinelearningservices:OnlineEndpoint":
        "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write",
    "azure-native:machinelearningservices:OnlineDeployment":
        "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write",
    "azure-native:authorization:RoleAssignment": "Microsoft.Authorization/roleAssignments/write",
};
