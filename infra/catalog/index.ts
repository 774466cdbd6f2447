/**
 * The model catalog: typed facts about the Azure AI catalog models this package deploys, each with its source.
 */
import { closest } from "./suggest";
import { MODELS } from "./models";
import type { DeploymentType, Lifecycle, ModelEntry } from "./types";

export * from "./types";
export { MODELS, INFERENCE_API_ROUTES, SERVERLESS_RATE_LIMITS } from "./models";
export { SOURCES } from "./sources";
export { SERVERLESS_REGIONS, SERVERLESS_US_REGIONS, JAMBA_INSTRUCT_REGIONS, normalizeRegion } from "./regions";

/** The Microsoft registry: its models need no Marketplace subscription. */
export const MICROSOFT_REGISTRY = "azureml";

const BY_NAME = new Map<string, ModelEntry>();
for (const m of MODELS) {
    for (const key of [m.name, m.displayName, ...m.aliases]) BY_NAME.set(key.toLowerCase(), m);
}

/** Finds a catalog model by its name, display name or an alias (case-insensitive). */
export function findModel(name: string, models: readonly ModelEntry[] = MODELS): ModelEntry | undefined {
    if (models === MODELS) return BY_NAME.get(name.toLowerCase());
    const key = name.toLowerCase();
    return models.find((m) => [m.name, m.displayName, ...m.aliases].some((k) => k.toLowerCase() === key));
}

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

export type LifecycleStage = "active" | "legacy" | "deprecated" | "retired";

/** The stage a lifecycle is in on `today` (a `YYYY-MM-DD` string or a Date, compared in UTC). */
export function lifecycleStage(lifecycle: Lifecycle | undefined, today: Date): LifecycleStage {
    if (!lifecycle) return "active";
    const day = today.toISOString().slice(0, 10);
    if (lifecycle.retired && day >= lifecycle.retired) return "retired";
    if (lifecycle.deprecated && day >= lifecycle.deprecated) return "deprecated";
    if (lifecycle.legacy && day >= lifecycle.legacy) return "legacy";
    return "active";
}

export {
    AZURE_AI_DEVELOPER,
    AZURE_AI_INFERENCE_DEPLOYMENT_OPERATOR,
    COGNITIVE_SERVICES_USER,
    type RoleFact,
} from "./roles";
export { VM_SIZES, findVmSize, quotaCores, type VmSize } from "./vmSizes";
export * from "./names";
export { isCalendarDate, parseCalendarDate } from "./dates";
export { AZURE_REGIONS, AZURE_REGIONS_SOURCE, isAzureRegion, closestRegions } from "./azureRegions";
