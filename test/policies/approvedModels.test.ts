import { describe, expect, it } from "vitest";
import { approvedModels } from "../../policies/rules/approvedModels";
import {
    deployment,
    endpoint,
    JAMBA_MINI,
    LLAMA3_8B,
    MISTRAL_LARGE_2411,
    MIXTRAL_MANAGED,
    PULUMI_UNKNOWN,
    res,
    subscription,
    verdict,
    workspace,
} from "./harness";

const RULE = approvedModels;
const COHERE = "azureml://registries/azureml-cohere/models/Cohere-command-r";

describe("approved-models", () => {
    it("approves the catalog's registries by default", () => {
        const resources = [
            endpoint("chat", MISTRAL_LARGE_2411),
            subscription("sub", JAMBA_MINI),
            deployment("blue", {}),
            endpoint("llama", LLAMA3_8B),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
        expect(RULE.config().allowedRegistries).toEqual(["azureml-mistral", "azureml", "azureml-ai21", "azureml-meta"]);
    });

    it("reports a model from another registry, on endpoints and subscriptions", () => {
        const resources = [endpoint("cohere", COHERE), subscription("cohere-sub", COHERE)];
        const expected = (what: string) =>
            `${what} uses ${COHERE} (registry "azureml-cohere"), which is not an approved model. ` +
            "Approved: registries azureml-mistral, azureml, azureml-ai21 and azureml-meta. " +
            "Use an approved model, or add it to the approved-models config (allowedRegistries, allowedPublishers or allowedModelIds).";
        expect(verdict(RULE, { resources })).toEqual([
            expected('ServerlessEndpoint "cohere"'),
            expected('MarketplaceSubscription "cohere-sub"'),
        ]);
    });

    it("ignores other resource types", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("hub"),
                    res("azure-native:storage:StorageAccount", "s", { properties: { modelId: COHERE } }),
                ],
            }),
        ).toEqual([]);
    });

    it("does not judge unknown model ids", () => {
        expect(
            verdict(RULE, {
                resources: [endpoint("chat", PULUMI_UNKNOWN), deployment("blue", { model: "[unknown]" })],
            }),
        ).toEqual([]);
    });

    it("follows its config: publishers, id globs, registries and workspace models", () => {
        const resources = [
            endpoint("chat", MISTRAL_LARGE_2411),
            endpoint("jamba", JAMBA_MINI),
            deployment("blue", {}),
            deployment("own", { model: "azureml:my-model:3" }),
        ];
        const config = {
            allowedRegistries: [],
            allowedPublishers: ["Mistral AI"],
            allowedModelIds: ["*/AI21-Jamba-1.5-*"],
            allowNonRegistryModels: false,
        };
        expect(verdict(RULE, { resources, config })).toEqual([
            'OnlineDeployment "own" uses azureml:my-model:3 (a workspace, not a registry), which is not an approved model. ' +
                "Approved: registries (none); publishers Mistral AI; model ids */AI21-Jamba-1.5-*. " +
                "Use an approved model, or add it to the approved-models config (allowedRegistries, allowedPublishers or allowedModelIds).",
        ]);
        const onlyMistral = { allowedRegistries: ["azureml-mistral"] };
        expect(verdict(RULE, { resources, config: onlyMistral })).toEqual([
            `ServerlessEndpoint "jamba" uses ${JAMBA_MINI} (registry "azureml-ai21", publisher "AI21 Labs"), which is not an approved model. ` +
                "Approved: registries azureml-mistral. " +
                "Use an approved model, or add it to the approved-models config (allowedRegistries, allowedPublishers or allowedModelIds).",
            `OnlineDeployment "blue" uses ${MIXTRAL_MANAGED} (registry "azureml", publisher "Mistral AI"), which is not an approved model. ` +
                "Approved: registries azureml-mistral. " +
                "Use an approved model, or add it to the approved-models config (allowedRegistries, allowedPublishers or allowedModelIds).",
        ]);
    });
});
