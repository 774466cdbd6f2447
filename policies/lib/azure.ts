/**
 * The azure-native resource types the rules read, and the input paths they read (azure-native v3 input shapes,
 * `@pulumi/azure-native/machinelearningservices/*.d.ts`, API 2025-12-01).
 */
import { resourceTypeOf, resourceTypesIn, typeName } from "./catalog";
import { cognitiveKind } from "./foundry";
import type { ResourceView } from "./view";
import { knownString } from "./unknown";

/** Azure Machine Learning resource kinds the rules know. */
export type MlKind =
    "Workspace" | "ServerlessEndpoint" | "MarketplaceSubscription" | "OnlineEndpoint" | "OnlineDeployment";

/** The kinds of the registry's `machinelearningservices` records (a test keeps {@link MlKind} equal to them). */
export const ML_KINDS: readonly MlKind[] = resourceTypesIn("machinelearningservices").map(
    (r) => typeName(r.type) as MlKind,
);

/** The type token of a kind in azure-native's default (unversioned) module. */
export function mlType(kind: MlKind): string {
    return `azure-native:machinelearningservices:${kind}`;
}

/** The kind of an Azure Machine Learning resource (also through an API-version module), or undefined. */
export function mlKind(type: string): MlKind | undefined {
    const record = resourceTypeOf(type);
    return record?.type.startsWith("azure-native:machinelearningservices:")
        ? (typeName(record.type) as MlKind)
        : undefined;
}

/** True when the resource is an Azure Machine Learning resource of that kind. */
export function isKind(resource: Pick<ResourceView, "type">, kind: MlKind): boolean {
    return mlKind(resource.type) === kind;
}

/**
 * The short type name used in messages: `ServerlessEndpoint "chat"` for Azure Machine Learning kinds,
 * `cognitiveservices.Deployment "chat"` for Foundry (Cognitive Services) kinds, the type token for others.
 */
export function describe(resource: Pick<ResourceView, "type" | "name">): string {
    const kind = mlKind(resource.type);
    if (kind) return `${kind} "${resource.name}"`;
    const cognitive = cognitiveKind(resource.type);
    return cognitive ? `cognitiveservices.${cognitive} "${resource.name}"` : `${resource.type} "${resource.name}"`;
}

/** Where each kind keeps the model it deploys. */
export const MODEL_ID_PATH: Partial<Record<MlKind, string>> = {
    ServerlessEndpoint: "properties.modelSettings.modelId",
    MarketplaceSubscription: "properties.modelId",
    OnlineDeployment: "properties.model",
};

/** The model id a resource deploys or subscribes to, when known. */
export function modelIdOf(resource: ResourceView): string | undefined {
    const kind = mlKind(resource.type);
    const path = kind ? MODEL_ID_PATH[kind] : undefined;
    return path ? knownString(resource.props, path) : undefined;
}
