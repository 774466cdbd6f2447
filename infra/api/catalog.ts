/**
 * `azure-ai-models/catalog`: the facts the package deploys from, each with its source and date (models and their
 * offers, routes, rate limits and lifecycles; regions; VM sizes; roles; the Foundry offers, SKUs and endpoints), and
 * the lookups a program picks from them with, and the vocabulary (`VOCABULARY`: every choice list the config and the
 * components take). This file is the entry point's whole surface (checked against
 * `api/catalog.api.md`); the name rules, message helpers and schemas in `infra/catalog/` are internal.
 */
export type * from "../catalog/types";
export type * from "../catalog/modelEntry";
export { RELEASE_STAGES } from "../catalog/types";
export { VOCABULARY } from "../catalog/vocabulary";
export {
    MODELS,
    INFERENCE_API_ROUTES,
    SERVERLESS_RATE_LIMITS,
    MICROSOFT_REGISTRY,
    SERVERLESS_MODEL_ID,
    MANAGED_MODEL_ID,
    findModel,
    closestModelNames,
    lifecycleStage,
    deploymentTypes,
    registryOf,
    needsMarketplaceSubscription,
    managedAssetId,
    type LifecycleStage,
} from "../catalog";
export {
    DEPLOYMENT_HEADER,
    managedClientApi,
    serverlessClient,
    type ClientApi,
    type OpenAiClientFacts,
} from "../catalog/clients";
export { SOURCES } from "../catalog/sources";
export {
    SERVERLESS_REGIONS,
    SERVERLESS_US_REGIONS,
    JAMBA_INSTRUCT_REGIONS,
    DOCUMENT_AI_REGIONS,
    normalizeRegion,
} from "../catalog/regions";
export { AZURE_REGIONS, AZURE_REGIONS_SOURCE, isAzureRegion } from "../catalog/azureRegions";
export { VM_SIZES, findVmSize, quotaCores, type VmSize } from "../catalog/vmSizes";
export {
    AZURE_AI_DEVELOPER,
    AZURE_AI_INFERENCE_DEPLOYMENT_OPERATOR,
    COGNITIVE_SERVICES_USER,
    type RoleFact,
} from "../catalog/roles";
export {
    COGNITIVE_SERVICES_CONTRIBUTOR,
    FOUNDRY_USER,
    FOUNDRY_SOURCES,
    FOUNDRY_OFFERS,
    FOUNDRY_SKU_NAMES,
    FOUNDRY_ENDPOINTS,
    FOUNDRY_LIMITS,
    FOUNDRY_GLOBAL_STANDARD_REGIONS,
    FOUNDRY_GLOBAL_PROVISIONED_REGIONS,
    FOUNDRY_DATA_ZONES,
    FOUNDRY_CAPACITY_UNIT_TPM,
    DEFAULT_RAI_POLICY,
    CONTENT_FILTER_SEVERITY_CATEGORIES,
    CONTENT_FILTER_SWITCH_CATEGORIES,
    foundrySku,
    dataZoneOf,
    type DataZone,
    type FoundryOffer,
    type FoundryRateLimits,
    type FoundrySkuName,
    type FoundrySkuOffer,
    type FoundrySoldBy,
    type ProvisionedThroughput,
} from "../catalog/foundry";
