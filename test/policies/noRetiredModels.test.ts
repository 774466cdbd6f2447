import { describe, expect, it } from "vitest";
import { noRetiredModels } from "../../policies/rules/noRetiredModels";
import {
    deployment,
    endpoint,
    LLAMA3_8B,
    MINISTRAL_3B,
    MISTRAL_LARGE_2411,
    PULUMI_UNKNOWN,
    res,
    subscription,
    verdict,
} from "./harness";

const RULE = noRetiredModels;
const SOURCE = "(MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule), 2026-07-07)";
const LLAMA2_MANAGED = "azureml://registries/azureml-meta/models/Llama-2-7b-chat/versions/27";

describe("no-retired-models", () => {
    it("passes models that are not retired on the given day", () => {
        const resources = [
            endpoint("ministral", MINISTRAL_3B),
            endpoint("large", MISTRAL_LARGE_2411),
            deployment("blue", {}),
        ];
        expect(verdict(RULE, { resources, config: { today: "2026-01-29" } })).toEqual([]);
    });

    it("reports a retired serverless model, with its replacement", () => {
        const resources = [endpoint("large", MISTRAL_LARGE_2411)];
        expect(verdict(RULE, { resources, config: { today: "2026-01-30" } })).toEqual([
            `ServerlessEndpoint "large" uses Mistral Large (2411) (${MISTRAL_LARGE_2411}), whose serverless offer was retired on 2026-01-30: ` +
                `its deployments return 404 ${SOURCE}. Deploy its replacement mistral-medium-2505 instead, or another model.`,
        ]);
    });

    it("judges subscriptions by the serverless offer and managed deployments by the managed offer", () => {
        const resources = [
            subscription("sub", LLAMA3_8B),
            deployment("llama2", { model: LLAMA2_MANAGED }),
            deployment("llama3", { model: `${LLAMA3_8B}/versions/2` }),
        ];
        expect(verdict(RULE, { resources, config: { today: "2026-11-21" } })).toEqual([
            `MarketplaceSubscription "sub" uses Meta Llama 3 8B Instruct (${LLAMA3_8B}), whose serverless offer was retired on 2025-06-30: ` +
                `its deployments return 404 ${SOURCE}. Deploy its replacement Meta-Llama-3.1-8B-Instruct (itself retired on 2026-06-13; no replacement on Azure) instead, or another model.`,
            `OnlineDeployment "llama2" uses Llama 2 7B Chat (${LLAMA2_MANAGED}), whose managed offer was retired on 2025-06-30: ` +
                "its deployments return 404 (MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule), 2026-07-07). Deploy another model.",
        ]);
    });

    it("ignores other types and models outside the catalog", () => {
        const resources = [
            res("azure-native:storage:StorageAccount", "s", { properties: { modelId: MISTRAL_LARGE_2411 } }),
            endpoint("x", "azureml://registries/azureml-cohere/models/Cohere-command-r"),
        ];
        expect(verdict(RULE, { resources, config: { today: "2030-01-01" } })).toEqual([]);
    });

    it("does not judge unknown model ids", () => {
        expect(
            verdict(RULE, {
                resources: [endpoint("a", PULUMI_UNKNOWN), endpoint("b", "[unknown]")],
                config: { today: "2030-01-01" },
            }),
        ).toEqual([]);
    });

    it("takes the plan's day when its config sets none, and rejects a malformed day", () => {
        expect(RULE.configSchema.properties.today?.default).toBeUndefined();
        expect(() => RULE.config({ today: "21/11/2026" })).toThrow(
            'no-retired-models.today: "21/11/2026" does not match ^\\d{4}-\\d{2}-\\d{2}$',
        );
    });
});
