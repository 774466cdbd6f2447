/**
 * Rule 5: only approved models are deployed or subscribed to. Azure Policy's built-ins 12e5dd16 ("Azure Machine
 * Learning Deployments should only use approved Registry Models") and 19539b54 ("Model Registry Deployments are
 * restricted except for the allowed Registry") do this for Azure ML deployments; this rule also covers serverless
 * endpoints and Marketplace subscriptions, which they do not.
 *
 * A model is approved when its registry, its publisher (for catalog models) or its id is allowed. The default
 * allows the registries the catalog's models come from (Microsoft's `azureml` and the partner registries
 * `azureml-mistral`, `azureml-ai21`, `azureml-meta`): any model this package knows, and nothing from other
 * partner registries until a team allows it.
 */
import { MODEL_ID_PATH, describe, mlKind } from "../lib/azure";
import { CATALOG_REGISTRIES, findAnyModel, registryOfModelId } from "../lib/catalog";
import { defineResourceRule, list, matchesAnyGlob, stringList } from "../lib/rule";
import { knownString } from "../lib/unknown";

export interface ApprovedModelsConfig {
    allowedRegistries: string[];
    allowedPublishers: string[];
    allowedModelIds: string[];
    allowNonRegistryModels: boolean;
}

export const approvedModels = defineResourceRule<ApprovedModelsConfig>({
    name: "approved-models",
    description:
        "Serverless endpoints, Marketplace subscriptions and managed deployments use only approved models (by registry, publisher or model id).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedRegistries: stringList(
                "Registries whose models are approved (the `<registry>` of `azureml://registries/<registry>/models/...`). Default: the registries of the catalog's models.",
                CATALOG_REGISTRIES,
            ),
            allowedPublishers: stringList(
                "Publishers whose models are approved, as the catalog names them (`Mistral AI`, `AI21 Labs`, `Meta`); only catalog models have a known publisher.",
                [],
            ),
            allowedModelIds: stringList(
                "Model ids that are approved, as globs (`*` for any characters, case-insensitive), e.g. `*/models/Mistral-*`.",
                [],
            ),
            allowNonRegistryModels: {
                type: "boolean",
                default: true,
                description:
                    "Approve managed deployments of models registered in your own workspace (ids not of the form azureml://registries/...).",
            },
        },
    },
    remediationSteps:
        "Deploy an approved model, or add its registry, publisher or id to the approved-models config (allowedRegistries, allowedPublishers, allowedModelIds).",
    check: (resource, config) => {
        const kind = mlKind(resource.type);
        const path = kind ? MODEL_ID_PATH[kind] : undefined;
        const modelId = path ? knownString(resource.props, path) : undefined;
        if (modelId === undefined) return [];
        const registry = registryOfModelId(modelId);
        if (registry === undefined && config.allowNonRegistryModels) return [];
        if (registry !== undefined && config.allowedRegistries.some((r) => r.toLowerCase() === registry.toLowerCase()))
            return [];
        const publisher = findAnyModel(modelId)?.publisher;
        if (
            publisher !== undefined &&
            config.allowedPublishers.some((p) => p.toLowerCase() === publisher.toLowerCase())
        )
            return [];
        if (matchesAnyGlob(modelId, config.allowedModelIds)) return [];
        const allowed = [
            `registries ${list(config.allowedRegistries)}`,
            ...(config.allowedPublishers.length ? [`publishers ${list(config.allowedPublishers)}`] : []),
            ...(config.allowedModelIds.length ? [`model ids ${list(config.allowedModelIds)}`] : []),
        ];
        const origin = registry !== undefined ? `registry "${registry}"` : "a workspace, not a registry";
        return [
            `${describe(resource)} uses ${modelId} (${origin}${publisher ? `, publisher "${publisher}"` : ""}), which is not an approved model. ` +
                `Approved: ${allowed.join("; ")}. ` +
                `Use an approved model, or add it to the approved-models config (allowedRegistries, allowedPublishers or allowedModelIds).`,
        ];
    },
});
