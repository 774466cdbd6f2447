/**
 * Rule 5: only approved models are deployed or subscribed to. Azure Policy's built-ins 12e5dd16 ("Azure Machine
 * Learning Deployments should only use approved Registry Models") and 19539b54 ("Model Registry Deployments are
 * restricted except for the allowed Registry") do this for Azure ML deployments, and "Cognitive Services Deployments
 * should only use approved Registry Models" for Foundry deployments (MS docs foundry-classic/how-to/model-deployment-policy.md @12579eb3); this rule says so at
 * preview time for all of them (`cognitiveservices.Deployment` included), and also covers serverless endpoints and
 * Marketplace subscriptions, which those built-ins do not.
 *
 * A model is approved when its registry, its publisher (for catalog models) or its id is allowed. The default
 * allows the registries the catalog's models come from (Microsoft's `azureml` and the partner registries
 * `azureml-mistral`, `azureml-ai21`, `azureml-meta`): any model this package knows, and nothing from other
 * partner registries until a team allows it. A Foundry deployment names no registry: it is approved through the
 * registry of the catalog's Foundry offer of its model, its format (the publisher, `Mistral AI`) or
 * allowedFoundryModels; models outside the catalog (`OpenAI/gpt-4o`) need one of the last two. A Foundry deployment
 * whose format or name is not set (or unknown during the preview) is unapproved: no allow-list can match it.
 */
import { MODEL_ID_PATH, describe, mlKind } from "../lib/azure";
import { CATALOG_REGISTRIES, findAnyModel, findFoundryModel, foundryModelId, registryOfModelId } from "../lib/catalog";
import { deploymentModel, describeModel, isFoundryDeployment } from "../lib/foundry";
import { defineResourceRule, includesIgnoreCase, list, matchesAnyGlob, stringList } from "../lib/rule";
import { knownString, read } from "../lib/unknown";
import type { ResourceView } from "../lib/view";

export interface ApprovedModelsConfig {
    allowedRegistries: string[];
    allowedPublishers: string[];
    allowedModelIds: string[];
    allowNonRegistryModels: boolean;
    allowedFoundryModels: string[];
    /** Read by the offline plan only: see the schema's description. */
    trustStackModels: boolean;
}

function approvedList(config: ApprovedModelsConfig): string {
    return [
        `registries ${list(config.allowedRegistries)}`,
        ...(config.allowedPublishers.length ? [`publishers ${list(config.allowedPublishers)}`] : []),
        ...(config.allowedModelIds.length ? [`model ids ${list(config.allowedModelIds)}`] : []),
        ...(config.allowedFoundryModels.length ? [`Foundry models ${list(config.allowedFoundryModels)}`] : []),
    ].join("; ");
}

/**
 * A Foundry deployment (`properties.model`): approved by the registry of the catalog offer it names, its format
 * (the publisher, `Mistral AI`), the offer's registry model id, or `<format>/<name>` against allowedFoundryModels.
 */
function checkFoundry(resource: ResourceView, config: ApprovedModelsConfig): string[] {
    const model = deploymentModel(resource);
    // Without a known format and name no allow-list can approve it: Azure may resolve the name to any publisher's model.
    const missing = (["format", "name"] as const).flatMap((field) => {
        if (model[field] !== undefined) return [];
        const state = read(resource.props, `properties.model.${field}`).state;
        return [`properties.model.${field} ${state === "unknown" ? "is unknown during the preview" : "is not set"}`];
    });
    if (missing.length)
        return [
            `${describe(resource)} deploys ${describeModel(model)} but ${list(missing)}, so it cannot be approved: an unapproved model. ` +
                `Set properties.model.format and properties.model.name to a known value of an approved model (approved: ${approvedList(config)}).`,
        ];
    const format = model.format ?? "";
    const offer = findFoundryModel(model);
    const key = `${format}/${model.name}`;
    if (offer && includesIgnoreCase(config.allowedRegistries, offer.registry)) return [];
    if (includesIgnoreCase(config.allowedPublishers, format)) return [];
    if (offer && matchesAnyGlob(foundryModelId(offer), config.allowedModelIds)) return [];
    if (matchesAnyGlob(key, config.allowedFoundryModels)) return [];
    const origin = offer ? `registry "${offer.registry}"` : "not a Foundry model of the catalog";
    return [
        `${describe(resource)} deploys ${describeModel(model)} (${origin}), which is not an approved model. ` +
            `Approved: ${approvedList(config)}. ` +
            `Deploy an approved model, or add it to the approved-models config (allowedPublishers "${model.format}", or allowedFoundryModels "${key}").`,
    ];
}

export const approvedModels = defineResourceRule<ApprovedModelsConfig>({
    name: "approved-models",
    description:
        "Serverless endpoints, Marketplace subscriptions, managed deployments and Foundry deployments use only approved models (by registry, publisher or model id).",
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
            allowedFoundryModels: stringList(
                "Foundry deployments (cognitiveservices.Deployment) that are approved, as `<format>/<name>` globs of their properties.model (`OpenAI/gpt-4o*`, `Mistral AI/*`).",
                [],
            ),
            trustStackModels: {
                type: "boolean",
                default: true,
                description:
                    "Read by the offline plan (npm run plan), not by this rule: approve the models the stack's own config names outside the catalog (customModels, Foundry deployments by format, model and version). Set false to let only these lists approve, so a team allowlist also refuses a model a stack names itself.",
            },
        },
    },
    remediationSteps:
        "Deploy an approved model, or add its registry, publisher or id to the approved-models config (allowedRegistries, allowedPublishers, allowedModelIds, allowedFoundryModels).",
    check: (resource, config) => {
        if (isFoundryDeployment(resource)) return checkFoundry(resource, config);
        const kind = mlKind(resource.type);
        const path = kind ? MODEL_ID_PATH[kind] : undefined;
        const modelId = path ? knownString(resource.props, path) : undefined;
        if (modelId === undefined) return [];
        const registry = registryOfModelId(modelId);
        if (registry === undefined && config.allowNonRegistryModels) return [];
        if (registry !== undefined && includesIgnoreCase(config.allowedRegistries, registry)) return [];
        const publisher = findAnyModel(modelId)?.publisher;
        if (publisher !== undefined && includesIgnoreCase(config.allowedPublishers, publisher)) return [];
        if (matchesAnyGlob(modelId, config.allowedModelIds)) return [];
        const origin = registry !== undefined ? `registry "${registry}"` : "a workspace, not a registry";
        return [
            `${describe(resource)} uses ${modelId} (${origin}${publisher ? `, publisher "${publisher}"` : ""}), which is not an approved model. ` +
                `Approved: ${approvedList(config)}. ` +
                `Use an approved model, or add it to the approved-models config (allowedRegistries, allowedPublishers or allowedModelIds).`,
        ];
    },
});
