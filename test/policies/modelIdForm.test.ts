import { describe, expect, it } from "vitest";
import { modelIdForm } from "../../policies/rules/modelIdForm";
import {
    deployment,
    endpoint,
    MISTRAL_LARGE_2411,
    MIXTRAL_MANAGED,
    PULUMI_UNKNOWN,
    res,
    subscription,
    verdict,
} from "./harness";

const RULE = modelIdForm;
const WORKSPACE_MODEL =
    "/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub/models/mine/versions/3";

describe("model-id-form", () => {
    it("passes unversioned serverless ids and versioned managed ids", () => {
        const resources = [
            endpoint("chat", MISTRAL_LARGE_2411),
            subscription("sub", MISTRAL_LARGE_2411),
            deployment("blue", {}),
            deployment("mine", { model: WORKSPACE_MODEL }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("reports a versioned serverless id and an unversioned managed id", () => {
        const unversioned = MIXTRAL_MANAGED.replace(/\/versions\/11$/, "");
        const resources = [
            endpoint("chat", `${MISTRAL_LARGE_2411}/versions/2`),
            deployment("blue", { model: unversioned }),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            `ServerlessEndpoint "chat" sets properties.modelSettings.modelId to "${MISTRAL_LARGE_2411}/versions/2", which is not a serverless model id: ` +
                `it must be azureml://registries/<registry>/models/<name>, without a version. Drop the version: "${MISTRAL_LARGE_2411}".`,
            `OnlineDeployment "blue" sets properties.model to "${unversioned}", which names no version; a managed deployment needs ` +
                "azureml://registries/<registry>/models/<name>/versions/<n>. Append /versions/<n> with the version to deploy.",
        ]);
    });

    it("ignores other resource types", () => {
        expect(
            verdict(RULE, {
                resources: [res("azure-native:storage:StorageAccount", "s", { properties: { model: "x" } })],
            }),
        ).toEqual([]);
    });

    it("does not judge unknown ids", () => {
        expect(
            verdict(RULE, { resources: [endpoint("a", PULUMI_UNKNOWN), deployment("b", { model: "[unknown]" })] }),
        ).toEqual([]);
    });

    it("follows its config", () => {
        const resources = [subscription("sub", "Mistral-Large-2411")];
        expect(verdict(RULE, { resources })).toEqual([
            'MarketplaceSubscription "sub" sets properties.modelId to "Mistral-Large-2411", which is not a serverless model id: ' +
                "it must be azureml://registries/<registry>/models/<name>, without a version. Use the model id the model catalog shows for the serverless offer.",
        ]);
        expect(verdict(RULE, { resources, config: { checkServerless: false } })).toEqual([]);
    });
});
