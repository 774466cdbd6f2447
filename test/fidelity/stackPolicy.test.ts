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
            // The fixture's hub is closed and says another team provides the way in.
            "private-endpoint-required": { accessManagedElsewhere: ["aim-ws"] },
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

    it("adds no model when the given approved-models config does not trust the stack's own models", () => {
        const given = { "approved-models": { allowedModelIds: ["*/models/Phi-*"], trustStackModels: false } };
        const merged = mergePolicyConfig(given, {
            "approved-models": { allowedModelIds: [COHERE], allowedFoundryModels: ["OpenAI/gpt-5.4-mini"] },
            "serverless-endpoint-has-subscription": { externalSubscriptionModels: [MINISTRAL] },
        });
        expect(merged).toEqual({
            ...given,
            "serverless-endpoint-has-subscription": { externalSubscriptionModels: [MINISTRAL] },
        });
    });

    it("a team allowlist with trustStackModels false refuses the stack's own custom model in the plan", async () => {
        const policies = { "approved-models": { trustStackModels: false } };
        const plan = await runPlan({ projectDir: DIR, stack: "test", today: TODAY, policies });
        const refused = plan.policies?.violations.filter((v) => v.policyName === "approved-models") ?? [];
        // The endpoint and its Marketplace subscription, both on the stack's own Cohere model, both mandatory.
        expect(
            refused
                .map((v) => [v.resourceType, v.enforcementLevel, v.message.includes("Cohere-command-r-plus")])
                .sort(),
        ).toEqual([
            ["azure-native:machinelearningservices:MarketplaceSubscription", "mandatory", true],
            ["azure-native:machinelearningservices:ServerlessEndpoint", "mandatory", true],
        ]);
        expect(plan.policies?.passed).toBe(false);
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

describe("the stack file's deliberate network choices are the network rules' config", () => {
    const ROOT = path.resolve(__dirname, "../..");
    const of = (stack: string) => stackPolicyConfig(readStackFiles(ROOT, stack).config, TODAY);

    it("a Foundry section opened on purpose allows its account; access managed elsewhere names the hub", () => {
        expect(of("foundry")["foundry-public-network-access"]).toEqual({ allowedAccounts: ["aimodels-account"] });
        expect(of("foundry")["private-endpoint-required"]).toBeUndefined();
        expect(of("managed")["private-endpoint-required"]).toEqual({ accessManagedElsewhere: ["aimodels-gpu-ws"] });
        expect(of("managed")["foundry-public-network-access"]).toBeUndefined();
        // The network-secured stack opens nothing and creates its own endpoints: nothing to allow.
        expect(of("private")["foundry-public-network-access"]).toBeUndefined();
        expect(of("private")["private-endpoint-required"]).toBeUndefined();
    });
});
