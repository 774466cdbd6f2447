/**
 * The model catalog: typed facts about the Azure AI catalog models this package deploys, each with its source.
 */
import { closest } from "./suggest";
import { findModel } from "./lookup";
import { MODELS } from "./models";
import type { ModelEntry } from "./modelEntry";
import type { DeploymentType } from "./types";

export * from "./types";
export * from "./modelEntry";
export { MODELS, INFERENCE_API_ROUTES, SERVERLESS_RATE_LIMITS } from "./models";
export { findModel, lifecycleStage, type LifecycleStage } from "./lookup";
export {
    DEPLOYMENT_HEADER,
    managedClientApi,
    serverlessClient,
    type ClientApi,
    type OpenAiClientFacts,
} from "./clients";
export { FOUNDRY_CONFIG_KEY, replacementClause, replacementTarget, type ReplacementContext } from "./replacement";
export { SOURCES } from "./sources";
export { FOUNDRY_SOFT_DELETE } from "./softDelete";
export {
    SERVERLESS_REGIONS,
    SERVERLESS_US_REGIONS,
    JAMBA_INSTRUCT_REGIONS,
    DOCUMENT_AI_REGIONS,
    normalizeRegion,
} from "./regions";

/** The Microsoft registry: its models need no Marketplace subscription. */
export const MICROSOFT_REGISTRY = "azureml";

/** The catalog names closest to a name that matched none. */
export function closestModelNames(name: string, models: readonly ModelEntry[] = MODELS): string[] {
    const keys = models.flatMap((m) => [m.name, ...m.aliases]);
    const hits = closest(name, keys, 6);
    const names = hits.map((h) => findModel(h, models)?.name ?? h);
    return [...new Set(names)].slice(0, 3);
}

/** The deployment types a model supports, in a fixed order. */
export function deploymentTypes(model: ModelEntry): DeploymentType[] {
    const types: DeploymentType[] = [];
    if (model.serverless) types.push("serverless");
    if (model.managed) types.push("managed");
    return types;
}

/** Registry name of a model id `azureml://registries/<registry>/models/...`, or undefined for another form. */
export function registryOf(modelId: string): string | undefined {
    return /^azureml:\/\/registries\/([^/]+)\/models\//.exec(modelId)?.[1];
}

/**
 * Whether deploying this model id as a serverless API needs an Azure Marketplace subscription: every registry
 * except Microsoft's own (MS docs `deploy-models-serverless.md` Bicep sample).
 */
export function needsMarketplaceSubscription(modelId: string): boolean {
    const registry = registryOf(modelId);
    return registry !== undefined && registry !== MICROSOFT_REGISTRY;
}

export { SERVERLESS_MODEL_ID, MANAGED_MODEL_ID } from "./ids";

/** The managed model id for a version. */
export function managedAssetId(model: ModelEntry, version: number): string {
    if (!model.managed) throw new Error(`${model.name} is not offered on managed compute`);
    return `azureml://registries/${model.registry}/models/${model.managed.assetName}/versions/${version}`;
}

export {
    AZURE_AI_DEVELOPER,
    AZURE_AI_INFERENCE_DEPLOYMENT_OPERATOR,
    COGNITIVE_SERVICES_USER,
    type RoleFact,
} from "./roles";
export { VM_SIZES, findVmSize, quotaCores, type VmSize } from "./vmSizes";
export {
    COGNITIVE_SERVICES_CONTRIBUTOR,
    CONTENT_FILTER_SEVERITY_CATEGORIES,
    CONTENT_FILTER_SWITCH_CATEGORIES,
    DEFAULT_RAI_POLICY,
    FOUNDRY_CAPACITY_UNIT_TPM,
    FOUNDRY_DATA_ZONES,
    FOUNDRY_ENDPOINTS,
    FOUNDRY_GLOBAL_PROVISIONED_REGIONS,
    FOUNDRY_GLOBAL_STANDARD_REGIONS,
    FOUNDRY_LIMITS,
    FOUNDRY_SPILLOVER,
    FOUNDRY_BLOCKLIST_LIMITS,
    FOUNDRY_MARKETPLACE_REGIONS,
    FOUNDRY_OFFERS,
    FOUNDRY_SKU_NAMES,
    FOUNDRY_SOURCES,
    FOUNDRY_USER,
    dataZoneOf,
    defaultFoundryQuota,
    foundrySku,
    provisionedQuotaNote,
    provisionedSizeProblem,
    type DataZone,
    type FoundryOffer,
    type FoundryRateLimits,
    type FoundrySkuName,
    type FoundrySkuOffer,
    type FoundrySoldBy,
    type ProvisionedThroughput,
} from "./foundry";
export { foundryOfferSchema } from "./schema";
export * from "./names";
export * from "./resourceTypes";
export { HUB_ENDPOINTS, ML_TOKEN_SCOPE } from "./hubEndpoints";
export { isCalendarDate, parseCalendarDate } from "./dates";
export { AZURE_REGIONS, AZURE_REGIONS_SOURCE, isAzureRegion, closestRegions } from "./azureRegions";
