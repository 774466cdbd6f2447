import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluatePolicies, loadPolicyConfig, PolicyConfigError, type PolicyPackConfig } from "../../plan/checks/policy";
import { ALL_RULES } from "../../policies/rules";
import {
    endpoint,
    JAMBA_MINI,
    MISTRAL_LARGE_2411,
    output,
    RG,
    stackResource,
    STACK_URN,
    subscription,
    TODAY,
    workspace,
} from "./harness";

const TAGS = { owner: "ml", costCenter: "cc" };
const ISOLATED = {
    publicNetworkAccess: "Disabled",
    managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
    tags: TAGS,
};

/** A compliant stack: a hub, a Marketplace subscription and the endpoint that depends on it, a secret key output. */
function compliant() {
    const sub = subscription("chat-sub", MINISTRAL);
    return {
        resources: [
            stackResource(),
            workspace("hub", ISOLATED),
            sub,
            endpoint("chat", MINISTRAL, { tags: TAGS }, { dependencies: [sub.urn] }),
        ],
        outputs: [output("deployments", { chat: { primaryKey: "k" } }, ["deployments.chat.primaryKey"])],
    };
}
const MINISTRAL = "azureml://registries/azureml-mistral/models/Ministral-3B";

describe("evaluatePolicies", () => {
    it("finds nothing in a compliant stack", () => {
        const { resources, outputs } = compliant();
        expect(evaluatePolicies(resources, outputs, undefined, { today: TODAY })).toEqual([]);
    });

    it("reports violations with the policy, level, message and resource", () => {
        const resources = [stackResource(), workspace("hub", { ...ISOLATED, location: "westeurope" })];
        expect(evaluatePolicies(resources, [output("token", "t")])).toEqual([
            {
                policyName: "allowed-regions",
                enforcementLevel: "mandatory",
                message:
                    'Workspace "hub" is in region "westeurope", which is not allowed. Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. ' +
                    'Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
                urn: resources[1].urn,
                resourceName: "hub",
                resourceType: "azure-native:machinelearningservices:Workspace",
            },
            {
                policyName: "no-plaintext-keys-in-outputs",
                enforcementLevel: "mandatory",
                message:
                    "Stack output token has a key-like name and is not secret, so it is stored in the clear in the stack's state and printed by `pulumi stack output`. " +
                    "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.",
                urn: STACK_URN,
                resourceName: "azure-ai-models-dev",
                resourceType: "pulumi:pulumi:Stack",
            },
        ]);
    });

    it("takes levels from the config: the rule's entry over `all` over the default; remediate reads as mandatory", () => {
        const resources = [stackResource(), workspace("hub", { location: "westeurope" })];
        const levels = (config: PolicyPackConfig) =>
            Object.fromEntries(evaluatePolicies(resources, [], config).map((v) => [v.policyName, v.enforcementLevel]));
        expect(levels({})).toEqual({
            "allowed-regions": "mandatory",
            "workspace-network-isolation": "advisory",
            "required-tags": "advisory",
        });
        expect(levels({ all: "advisory", "required-tags": "disabled" })).toEqual({
            "allowed-regions": "advisory",
            "workspace-network-isolation": "advisory",
        });
        expect(
            levels({ all: { enforcementLevel: "disabled" }, "allowed-regions": { enforcementLevel: "remediate" } }),
        ).toEqual({ "allowed-regions": "mandatory" });
    });

    it("passes each rule its config, the same format as --policy-pack-config", () => {
        const resources = [workspace("hub", { ...ISOLATED, location: "westeurope" })];
        expect(
            evaluatePolicies(resources, [], {
                "allowed-regions": { enforcementLevel: "mandatory", allowedRegions: ["West Europe"] },
            }),
        ).toEqual([]);
    });

    it("feeds the plan's day to the lifecycle rules unless their config sets one", () => {
        const resources = [endpoint("jamba", JAMBA_MINI, { tags: TAGS })];
        const names = (today: string, config?: PolicyPackConfig) =>
            evaluatePolicies(resources, [], config, { today }).map((v) => v.policyName);
        expect(names("2025-05-01")).toEqual(["serverless-endpoint-has-subscription", "deprecated-models"]);
        expect(names("2025-08-01")).toEqual(["serverless-endpoint-has-subscription", "no-retired-models"]);
        expect(names("2025-08-01", { "no-retired-models": { today: "2025-01-01" } })).toEqual([
            "serverless-endpoint-has-subscription",
        ]);
    });

    it("rejects bad config, listing every problem with a hint", () => {
        const config = {
            "allowed-region": "mandatory",
            all: "strict",
            "approved-models": {
                enforcementLevel: "advisory",
                allowedRegistry: ["azureml"],
                allowedPublishers: "Meta",
            },
            "one-deployment-per-model": { includeManagedDeployments: "yes" },
        } as unknown as PolicyPackConfig;
        let error: unknown;
        try {
            evaluatePolicies([], [], config);
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(PolicyConfigError);
        expect((error as PolicyConfigError).problems).toEqual([
            `allowed-region: no policy of that name in the pack; did you mean "allowed-regions"? Policies: all, ${ALL_RULES.map((r) => r.name).join(", ")}`,
            'all: enforcement level "strict" is not one of advisory, mandatory, remediate, disabled',
            'approved-models.allowedRegistry: unknown config key; did you mean "allowedRegistries"? Known keys: allowedRegistries, allowedPublishers, allowedModelIds, allowNonRegistryModels, allowedFoundryModels',
            'approved-models.allowedPublishers: expected array, got string "Meta"',
            'one-deployment-per-model.includeManagedDeployments: expected boolean, got string "yes"',
        ]);
        expect((error as Error).message.split("\n")[0]).toBe("Invalid policy pack config:");
    });

    it("loads a --policy-pack-config file, and names the file in errors", () => {
        const dir = mkdtempSync(join(tmpdir(), "policy-config-"));
        const good = join(dir, "good.json");
        writeFileSync(good, JSON.stringify({ all: "mandatory", "allowed-regions": { allowedRegions: ["eastus2"] } }));
        expect(loadPolicyConfig(good)).toEqual({
            all: "mandatory",
            "allowed-regions": { allowedRegions: ["eastus2"] },
        });
        const bad = join(dir, "bad.json");
        writeFileSync(bad, "{ all: mandatory }");
        expect(() => loadPolicyConfig(bad)).toThrow(`Invalid policy pack config ${bad}:\n  - not valid JSON:`);
        const wrong = join(dir, "wrong.json");
        writeFileSync(wrong, JSON.stringify({ "allowed-regions": { allowedRegions: [] } }));
        expect(() => loadPolicyConfig(wrong)).toThrow(
            "allowed-regions.allowedRegions: needs at least 1 item(s), got 0",
        );
        expect(() => loadPolicyConfig(join(dir, "missing.json"))).toThrow("cannot read");
    });

    it("evaluates stack rules with dependencies: an endpoint that depends on its subscription passes", () => {
        const sub = subscription("sub", MISTRAL_LARGE_2411);
        const ep = endpoint("chat", MISTRAL_LARGE_2411, {}, { dependencies: [sub.urn] });
        const violations = evaluatePolicies([workspace("hub"), sub, ep], [], {
            all: "disabled",
            "serverless-endpoint-has-subscription": "mandatory",
        });
        expect(violations).toEqual([]);
        const noDep = evaluatePolicies([workspace("hub"), sub, { ...ep, dependencies: [] }], [], {
            all: "disabled",
            "serverless-endpoint-has-subscription": "mandatory",
        });
        expect(noDep.map((v) => [v.policyName, v.resourceName])).toEqual([
            ["serverless-endpoint-has-subscription", "chat"],
        ]);
        expect(RG).toBe("rg-ai");
    });
});

describe("policies/config.example.json", () => {
    it("is a valid --policy-pack-config file", () => {
        const config = loadPolicyConfig(join(__dirname, "../../policies/config.example.json"));
        expect(
            evaluatePolicies([workspace("hub", { location: "westus" })], [], config).map((v) => [
                v.policyName,
                v.enforcementLevel,
            ]),
        ).toEqual([
            ["allowed-regions", "mandatory"],
            ["workspace-network-isolation", "mandatory"],
            ["workspace-network-isolation", "mandatory"],
            ["required-tags", "advisory"],
        ]);
    });
});
