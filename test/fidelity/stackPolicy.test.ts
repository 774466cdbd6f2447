/**
 * What README promises, the default pack accepts: a custom model from a registry the catalog does not know and a
 * deployment whose Marketplace subscription is owned elsewhere. The plan passes the stack's own custom models and
 * external subscriptions to the pack as policy config, merged with the config it is given.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../plan/checks/policy";
import { runPlan } from "../../plan/run/run";
import { mergePolicyConfig, stackPolicyConfig } from "../../plan/checks/stackPolicy";
import { readStackFiles } from "../../plan/run/run";

const DIR = path.resolve(__dirname, "../fixtures/stacks/config-custom-existing");
const TODAY = new Date("2026-11-21T00:00:00Z");
const COHERE = "azureml://registries/azureml-cohere/models/Cohere-command-r-plus";
const MINISTRAL = "azureml://registries/azureml-mistral/models/Ministral-3B";

describe("the stack's own config is the pack's config in the plan", () => {
    it("derives approved custom model ids and external subscriptions from the stack file", () => {
        expect(stackPolicyConfig(readStackFiles(DIR, "test").config, TODAY)).toEqual({
            "approved-models": { allowedModelIds: [COHERE] },
            "serverless-endpoint-has-subscription": { externalSubscriptionModels: [MINISTRAL] },
        });
    });

    it("merges with the given config: lists joined, levels and other settings kept", () => {
        const merged = mergePolicyConfig(
            {
                all: "advisory",
                "approved-models": { enforcementLevel: "mandatory", allowedModelIds: ["*/models/Phi-*"] },
                "serverless-endpoint-has-subscription": "disabled",
            },
            {
                "approved-models": { allowedModelIds: [COHERE] },
                "serverless-endpoint-has-subscription": { externalSubscriptionModels: [MINISTRAL] },
            },
        );
        expect(merged).toEqual({
            all: "advisory",
            "approved-models": { enforcementLevel: "mandatory", allowedModelIds: ["*/models/Phi-*", COHERE] },
            "serverless-endpoint-has-subscription": {
                enforcementLevel: "disabled",
                externalSubscriptionModels: [MINISTRAL],
            },
        });
    });

    it("plans the stack green under the default pack; the pack alone would refuse it", async () => {
        const plan = await runPlan({ projectDir: DIR, stack: "test", today: TODAY });
        expect(plan.errors).toEqual([]);
        expect(plan.policies?.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
        expect(plan.policies?.passed).toBe(true);
        // Without the stack's entries (what `pulumi preview --policy-pack policies` does with no config file):
        const bare = evaluatePolicies(plan.resources, plan.outputs, {}, { today: "2026-11-21" });
        expect(
            [...new Set(bare.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policyName))].sort(),
        ).toEqual(["approved-models", "serverless-endpoint-has-subscription"]);
    });
});
