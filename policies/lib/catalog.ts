/**
 * The one place the policy pack reads the model catalog (`infra/catalog`): model facts are never copied here.
 */
import {
    FOUNDRY_OFFERS,
    MODELS,
    SERVERLESS_REGIONS,
    normalizeRegion,
    registryOf,
    type FoundryOffer,
    type Lifecycle,
    type ModelEntry,
} from "../../infra/catalog";

export {
    MANAGED_MODEL_ID,
    MICROSOFT_REGISTRY,
    MODELS,
    SERVERLESS_MODEL_ID,
    SERVERLESS_REGIONS,
    lifecycleStage,
    needsMarketplaceSubscription,
    normalizeRegion,
    registryOf,
    replacementTarget,
} from "../../infra/catalog";
export { canonicalType, resourceTypeOf, resourceTypesIn, typeName } from "../../infra/catalog";
export { PRIVATE_LINK } from "../../infra/catalog/privateLink";
export {
    DEFAULT_RAI_POLICY,
    FOUNDRY_SKU_NAMES,
    FOUNDRY_USER,
    defaultFoundryQuota,
    foundrySku,
    provisionedSizeProblem,
} from "../../infra/catalog";
export type { FoundryOffer, FoundrySkuOffer, Lifecycle, LifecycleStage, ModelEntry } from "../../infra/catalog";

/** How a model id is deployed: serverless (no version) or managed (`/versions/<n>`). */
export type OfferKind = "serverless" | "managed";

const MANAGED_PARTS = /^azureml:\/\/registries\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/;

/** The catalog model a serverless model id names (case-insensitive), if any. */
export function findServerlessModel(modelId: string): ModelEntry | undefined {
    const id = modelId.toLowerCase();
    return MODELS.find((m) => m.serverless?.modelId.toLowerCase() === id);
}

/** The catalog model a managed model id (`.../models/<asset>/versions/<n>`) names, if any. */
export function findManagedModel(modelId: string): ModelEntry | undefined {
    const parts = MANAGED_PARTS.exec(modelId);
    if (!parts) return undefined;
    const [, registry, asset] = parts;
    return MODELS.find((m) => m.registry === registry && m.managed?.assetName.toLowerCase() === asset.toLowerCase());
}

/** The catalog model and the offer's lifecycle for a model id deployed the given way. */
export function findOffer(modelId: string, kind: OfferKind): { model: ModelEntry; lifecycle?: Lifecycle } | undefined {
    const model = kind === "serverless" ? findServerlessModel(modelId) : findManagedModel(modelId);
    if (!model) return undefined;
    const lifecycle = kind === "serverless" ? model.serverless?.lifecycle : model.managed?.lifecycle;
    return { model, ...(lifecycle ? { lifecycle } : {}) };
}

/** Any catalog model a model id names, serverless or managed. */
export function findAnyModel(modelId: string): ModelEntry | undefined {
    return findServerlessModel(modelId) ?? findManagedModel(modelId);
}

/** The model id without a trailing `/versions/<n>`, for comparing deployments of the same model. */
export function withoutVersion(modelId: string): string {
    return modelId.replace(/\/versions\/[^/]+$/, "");
}

/** The registries the catalog's models come from, in catalog order. */
export const CATALOG_REGISTRIES: readonly string[] = [...new Set(MODELS.map((m) => m.registry))];

/** The VM sizes some catalog model's asset allows for managed compute, sorted. */
export const CATALOG_INSTANCE_TYPES: readonly string[] = [
    ...new Set(MODELS.flatMap((m) => m.managed?.allowedInstanceTypes ?? [])),
].sort();

/** The serverless regions, normalised. */
export const DEFAULT_REGIONS: readonly string[] = SERVERLESS_REGIONS.map(normalizeRegion);

/** Registry of a model id, re-exported under a name that reads well in rules. */
export const registryOfModelId = registryOf;

const FOUNDRY_BY_NAME = new Map(FOUNDRY_OFFERS.map((o) => [o.name.toLowerCase(), o]));

/**
 * The catalog's Foundry offer a deployment's `properties.model` names: by its exact name (case-insensitive; the
 * catalog's aliases are for config, Azure takes only the model name) and, when given, its format.
 */
export function findFoundryModel(model: { format?: string; name?: string }): FoundryOffer | undefined {
    const offer = model.name !== undefined ? FOUNDRY_BY_NAME.get(model.name.toLowerCase()) : undefined;
    if (!offer) return undefined;
    return model.format === undefined || model.format.toLowerCase() === offer.format.toLowerCase() ? offer : undefined;
}

/** The id of a Foundry offer's model card in its registry (`azureml://registries/<registry>/models/<name>`). */
export function foundryModelId(offer: FoundryOffer): string {
    return `azureml://registries/${offer.registry}/models/${offer.name}`;
}
