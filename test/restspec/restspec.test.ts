/**
 * Every Machine Learning and Cognitive Services request the example stacks plan (`Pulumi.*.yaml` at the root)
 * against Azure's own REST spec (the extracts in `spec/`, source commits in `spec/SOURCE.txt`): body and URL name
 * parameters. Then the validator itself, on bodies taken from those plans with one mistake each.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan, PlannedResource } from "../../plan/run/types";
import { runPlan } from "../../plan/run/run";
import { projectStacks } from "../../plan/cli/stacks";
import { ROOT, TODAY, planOf, stackFileConfig } from "../review/plans";
import { PUT_OPERATIONS, isCheckedModule, resourceProblems, toRequest } from "./requests";
import { stackSpecProblems } from "./stackReport";
import { operation } from "./swagger";

const ML = "azure-native:machinelearningservices";
const CS = "azure-native:cognitiveservices";

/**
 * The types each example stack this repository ships plans. A stack of the user's own (any other `Pulumi.<stack>.yaml`)
 * needs no entry: it is checked like these, its types against the spec extracts there are.
 */
const EXPECTED_TYPES: Record<string, string[]> = {
    dev: [`${ML}:MarketplaceSubscription`, `${ML}:ServerlessEndpoint`, `${ML}:Workspace`],
    managed: [`${CS}:Account`, `${ML}:OnlineDeployment`, `${ML}:OnlineEndpoint`, `${ML}:Workspace`],
    foundry: [
        `${CS}:Account`,
        `${CS}:Deployment`,
        `${CS}:Project`,
        `${CS}:RaiBlocklist`,
        `${CS}:RaiBlocklistItem`,
        `${CS}:RaiPolicy`,
    ],
    private: [`${CS}:Account`, `${CS}:Deployment`, `${CS}:Project`, `${ML}:Workspace`],
};

/** Every stack of the project, as `pulumi` finds them: its `Pulumi.<stack>.yaml` files. */
const STACKS = projectStacks(ROOT);

const checked = (plan: Plan) => plan.resources.filter((r) => isCheckedModule(r.type));

/** Each stack planned once for the whole file (sequentially: the mock runtime is process-wide). */
const planned = new Map<string, Plan>();
async function planStack(stack: string): Promise<Plan> {
    if (!planned.has(stack))
        planned.set(stack, await planOf(stackFileConfig(path.join(ROOT, `Pulumi.${stack}.yaml`)), { stack }));
    return planned.get(stack)!;
}

describe("the example stacks' requests against Azure's REST spec", () => {
    beforeAll(async () => {
        for (const stack of STACKS) await planStack(stack);
    });

    it("covers the example stacks and every other Pulumi.<stack>.yaml at the root", () => {
        expect(STACKS).toEqual(expect.arrayContaining(Object.keys(EXPECTED_TYPES)));
    });

    it.each(STACKS)("%s: every ML and Cognitive Services body and name is what the spec accepts", (stack) => {
        const plan = planned.get(stack)!;
        expect(stackSpecProblems(plan)).toEqual([]);
        if (stack in EXPECTED_TYPES)
            expect([...new Set(checked(plan).map((r) => r.type))].sort()).toEqual(EXPECTED_TYPES[stack]);
    });
});

describe("the raw azure-native fixture stacks' requests against Azure's REST spec", () => {
    // Written by hand with raw resources, as a team without this package's components would: the policy tests' compliant stacks.
    it.each([
        ["compliant", [`${ML}:MarketplaceSubscription`, `${ML}:ServerlessEndpoint`, `${ML}:Workspace`]],
        ["foundry-compliant", [`${CS}:Account`, `${CS}:Deployment`, `${CS}:Project`, `${CS}:RaiPolicy`]],
    ])("%s: every body and name is what the spec accepts", async (fixture, types) => {
        const plan = await runPlan({
            projectDir: path.join(ROOT, "test/fixtures/stacks", fixture),
            stack: "test",
            today: new Date(`${TODAY}T00:00:00Z`),
            policies: false,
        });
        expect(plan.errors).toEqual([]);
        const resources = checked(plan);
        expect([...new Set(resources.map((r) => r.type))].sort()).toEqual(types);
        expect(resources.map((r) => ({ resource: r.name, problems: resourceProblems(r) }))).toEqual(
            resources.map((r) => ({ resource: r.name, problems: [] })),
        );
    });
});

describe("Foundry bodies the example stack does not show against Azure's REST spec", () => {
    it("a provisioned deployment with spillover: spilloverDeploymentName is in the Deployment schema", async () => {
        const gpt = { format: "OpenAI", model: "gpt-4o-mini", version: "2024-07-18" };
        const plan = await planOf({
            "azure-native:location": "swedencentral",
            "azure-ai-models:foundry": {
                name: "aimf",
                location: "swedencentral",
                network: { accessManagedElsewhere: true },
                deployments: [
                    { name: "gpt-paygo", ...gpt, sku: "GlobalStandard", capacity: 50 },
                    {
                        name: "gpt-ptu",
                        ...gpt,
                        sku: "GlobalProvisionedManaged",
                        capacity: 15,
                        spilloverTo: "gpt-paygo",
                    },
                ],
            },
        });
        expect(plan.errors).toEqual([]);
        const ptu = plan.resources.find((r) => r.name === "aimf-gpt-ptu-deployment")!;
        expect((ptu.inputs.properties as Record<string, unknown>).spilloverDeploymentName).toBe("gpt-paygo");
        expect(stackSpecProblems(plan)).toEqual([]);
    });
});

// ---- the validator ------------------------------------------------------------------------------------------

/** A planned resource's inputs, deep-copied, from the dev or managed plan. */
let dev: Plan;
let managed: Plan;
function inputsOf(plan: Plan, type: string): Record<string, unknown> {
    const r = plan.resources.find((x) => x.type === type);
    if (!r) throw new Error(`no ${type} in the ${plan.stack} plan`);
    return structuredClone(r.inputs);
}
const problems = (type: string, inputs: Record<string, unknown>) =>
    resourceProblems({ type, inputs } as Pick<PlannedResource, "type" | "inputs">);

describe("the REST spec validator", () => {
    beforeAll(async () => {
        dev = await planStack("dev");
        managed = await planStack("managed");
    });

    it("maps each type to its PUT operation with the URL name parameters of the spec", () => {
        const params = Object.fromEntries(
            Object.entries(PUT_OPERATIONS).map(([type, op]) => [
                type.split(":")[2],
                operation(op.spec, op.operationId).pathParameters.map((p) => p.name),
            ]),
        );
        expect(params).toEqual({
            Workspace: ["resourceGroupName", "workspaceName"],
            MarketplaceSubscription: ["resourceGroupName", "workspaceName", "name"],
            ServerlessEndpoint: ["resourceGroupName", "workspaceName", "name"],
            OnlineEndpoint: ["resourceGroupName", "workspaceName", "endpointName"],
            OnlineDeployment: ["resourceGroupName", "workspaceName", "endpointName", "deploymentName"],
            Account: ["resourceGroupName", "accountName"],
            Project: ["resourceGroupName", "accountName", "projectName"],
            Deployment: ["resourceGroupName", "accountName", "deploymentName"],
            RaiPolicy: ["resourceGroupName", "accountName", "raiPolicyName"],
            RaiBlocklist: ["resourceGroupName", "accountName", "raiBlocklistName"],
            RaiBlocklistItem: ["resourceGroupName", "accountName", "raiBlocklistName", "raiBlocklistItemName"],
        });
    });

    it("nests a Workspace's flattened inputs under properties, as azure-native sends them", () => {
        const request = toRequest({ type: `${ML}:Workspace`, inputs: inputsOf(dev, `${ML}:Workspace`) });
        expect(Object.keys(request.body).sort()).toEqual(["identity", "kind", "location", "properties", "sku", "tags"]);
        expect(request.body.properties).toMatchObject({
            friendlyName: "AI models (dev)",
            publicNetworkAccess: "Enabled",
        });
        expect(request.pathParameters).toEqual({
            resourceGroupName: "rg-aimodels-dev",
            workspaceName: expect.any(String),
        });
    });

    it("refuses a missing required property", () => {
        const inputs = inputsOf(dev, `${ML}:ServerlessEndpoint`);
        delete (inputs.properties as Record<string, unknown>).authMode;
        expect(problems(`${ML}:ServerlessEndpoint`, inputs)).toEqual(["properties.authMode: is required"]);
        const deployment = inputsOf(managed, `${ML}:OnlineDeployment`);
        delete (deployment.properties as Record<string, unknown>).endpointComputeType;
        expect(problems(`${ML}:OnlineDeployment`, deployment)).toEqual(["properties.endpointComputeType: is required"]);
    });

    it("refuses a value outside a closed enum, and accepts any string for an x-ms-enum modelAsString one", () => {
        const ws = inputsOf(dev, `${ML}:Workspace`);
        ws.sku = { name: "Basic", tier: "Gold" }; // SkuTier: modelAsString false
        expect(problems(`${ML}:Workspace`, ws)).toEqual([
            'sku.tier: "Gold" is not one of "Free", "Basic", "Standard", "Premium"',
        ]);
        const account = inputsOf(managed, `${CS}:Account`);
        account.identity = { type: "SystemAssigned,UserAssigned" }; // ResourceIdentityType: modelAsString false
        expect(problems(`${CS}:Account`, account)).toEqual([
            'identity.type: "SystemAssigned,UserAssigned" is not one of "None", "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned"',
        ]);
        // ContentSafetyStatus is modelAsString: Azure may add values, so an unknown one is not a contract violation.
        const endpoint = inputsOf(dev, `${ML}:ServerlessEndpoint`);
        (endpoint.properties as { contentSafety: unknown }).contentSafety = { contentSafetyStatus: "Paused" };
        expect(problems(`${ML}:ServerlessEndpoint`, endpoint)).toEqual([]);
    });

    it("refuses URL names that break the path parameter's pattern or length", () => {
        const ws = inputsOf(dev, `${ML}:Workspace`);
        ws.workspaceName = "a".repeat(34);
        expect(problems(`${ML}:Workspace`, ws)).toEqual([
            `{workspaceName}: "${"a".repeat(34)}" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`,
        ]);
        const account = inputsOf(managed, `${CS}:Account`);
        account.accountName = "x".repeat(65);
        account.resourceGroupName = "rg/bad";
        expect(problems(`${CS}:Account`, account)).toEqual([
            '{resourceGroupName}: "rg/bad" does not match the pattern ^[-\\w\\._\\(\\)]+$',
            `{accountName}: "${"x".repeat(65)}" is longer than 64 characters (65)`,
        ]);
        const rai = { resourceGroupName: "rg", accountName: "acct", raiPolicyName: "-strict", properties: {} };
        expect(problems(`${CS}:RaiPolicy`, rai)).toEqual([
            '{raiPolicyName}: "-strict" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]*$',
        ]);
    });

    it("refuses read-only properties", () => {
        const endpoint = inputsOf(dev, `${ML}:ServerlessEndpoint`);
        (endpoint.properties as Record<string, unknown>).provisioningState = "Succeeded";
        endpoint.systemData = { createdBy: "me" };
        expect(problems(`${ML}:ServerlessEndpoint`, endpoint)).toEqual([
            "properties.provisioningState: is read-only (Azure sets it; a request must not send it)",
            "systemData: is read-only (Azure sets it; a request must not send it)",
        ]);
        const account = inputsOf(managed, `${CS}:Account`);
        (account.properties as Record<string, unknown>).endpoint = "https://x.cognitiveservices.azure.com/";
        expect(problems(`${CS}:Account`, account)).toEqual([
            "properties.endpoint: is read-only (Azure sets it; a request must not send it)",
        ]);
    });

    it("refuses properties the type does not declare, also where azure-native flattens", () => {
        const deployment = {
            resourceGroupName: "rg",
            accountName: "acct",
            deploymentName: "d",
            sku: { name: "GlobalStandard" },
            properties: { modell: {} },
        };
        expect(problems(`${CS}:Deployment`, deployment)).toEqual([
            "properties.modell: is not a property of this type (known: capacitySettings, currentCapacity, model, parentDeploymentName, raiPolicyName, scaleSettings, spilloverDeploymentName, versionUpgradeOption)",
        ]);
        // azure-native's RaiPolicy args carry safetyProviders from newer preview API versions; 2025-06-01 has none.
        const rai = {
            resourceGroupName: "rg",
            accountName: "acct",
            raiPolicyName: "strict",
            properties: { safetyProviders: [] },
        };
        expect(problems(`${CS}:RaiPolicy`, rai)).toEqual([
            "properties.safetyProviders: is not a property of this type (known: basePolicyName, contentFilters, customBlocklists, mode)",
        ]);
        const ws = inputsOf(dev, `${ML}:Workspace`);
        ws.publicNetworkAcess = "Disabled";
        expect(problems(`${ML}:Workspace`, ws)).toEqual([
            expect.stringMatching(
                /^publicNetworkAcess: is not a property of this type \(known: identity, kind, location, properties, sku, tags\)$/,
            ),
        ]);
    });

    it("checks types, minimums and polymorphic objects against the subtype their discriminator names", () => {
        const deployment = {
            resourceGroupName: "rg",
            accountName: "acct",
            deploymentName: "d",
            sku: { name: "GlobalStandard", capacity: "1" },
            properties: { capacitySettings: { designatedCapacity: -1 } },
        };
        expect(problems(`${CS}:Deployment`, deployment)).toEqual([
            'sku.capacity: expected integer, got string "1"',
            "properties.capacitySettings.designatedCapacity: -1 is below the minimum 0",
        ]);
        const online = inputsOf(managed, `${ML}:OnlineDeployment`);
        (online.properties as Record<string, unknown>).scaleSettings = {
            scaleType: "TargetUtilization",
            maxInstances: 2.5,
            minInstance: 1,
        };
        expect(problems(`${ML}:OnlineDeployment`, online)).toEqual([
            "properties.scaleSettings.maxInstances: expected integer, got number 2.5",
            "properties.scaleSettings.minInstance: is not a property of this type (known: maxInstances, minInstances, pollingInterval, scaleType, targetUtilizationPercentage)",
        ]);
    });

    it("accepts unknown and secret values unchecked, and null only where the spec allows it", () => {
        const account = inputsOf(managed, `${CS}:Account`);
        account.accountName = "[unknown]";
        account.properties = { customSubDomainName: "[unknown]", publicNetworkAccess: "[secret]" };
        expect(problems(`${CS}:Account`, account)).toEqual([]);
        const endpoint = inputsOf(dev, `${ML}:ServerlessEndpoint`);
        (endpoint.properties as Record<string, unknown>).modelSettings = null; // x-nullable
        (endpoint.properties as Record<string, unknown>).authMode = null;
        expect(problems(`${ML}:ServerlessEndpoint`, endpoint)).toEqual([
            "properties.authMode: null is not allowed here",
        ]);
    });

    it("unflattens at every level the spec says x-ms-client-flatten, and nowhere else", () => {
        const ws = inputsOf(dev, `${ML}:Workspace`);
        // azure-native's SharedPrivateLinkResourceArgs flattens the item's properties (groupId, ...) as well.
        ws.sharedPrivateLinkResources = [{ name: "blob", groupId: "blob", privateLinkResourceId: "[unknown]" }];
        const { body } = toRequest({ type: `${ML}:Workspace`, inputs: ws });
        expect((body.properties as Record<string, unknown>).sharedPrivateLinkResources).toEqual([
            { name: "blob", properties: { groupId: "blob", privateLinkResourceId: "[unknown]" } },
        ]);
        expect(problems(`${ML}:Workspace`, ws)).toEqual([]);
        const endpoint = toRequest({
            type: `${ML}:ServerlessEndpoint`,
            inputs: inputsOf(dev, `${ML}:ServerlessEndpoint`),
        });
        expect(endpoint.body.properties).toEqual({
            authMode: "Key",
            contentSafety: { contentSafetyStatus: "Enabled" },
            modelSettings: { modelId: "azureml://registries/azureml-mistral/models/Ministral-3B" },
        });
    });
});
