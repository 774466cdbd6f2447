/**
 * The Foundry example stack (`Pulumi.foundry.yaml`) under mocks: the exact resources, the deployments chained in
 * config order, each using the custom content filter, and the outputs a client uses. And a stack with both paths: a
 * hub serverless deployment and a Foundry deployment of the same model side by side.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { foundryQuotaReport } from "../../plan/checks/foundryQuota";
import { SECRET } from "../../plan/run/types";
import { byName, output, resourceSet, runStack } from "../helpers/stack";
import { stackFileConfig } from "../review/plans";
import { HUB_AND_FOUNDRY_MINISTRAL } from "../config/foundryCases";

const EXAMPLE = stackFileConfig(path.join(__dirname, "../../Pulumi.foundry.yaml"));
const foundry = EXAMPLE["azure-ai-models:foundry"] as Record<string, unknown>;

const ACCOUNT = [
    "azure-ai-models:index:FoundryAccount aimodels",
    "random:index/randomString:RandomString aimodels-suffix",
    "azure-native:resources:ResourceGroup aimodels-rg",
    "azure-native:cognitiveservices:Account aimodels-account",
    "azure-native:operationalinsights:Workspace aimodels-log",
    "azure-native:monitor:DiagnosticSetting aimodels-diagnostics",
    "azure-native:authorization:RoleAssignment aimodels-user-00000000-0000-0000-0000-000000000001",
];

describe("the foundry example stack", () => {
    it("registers the account, two projects, the blocklist and its items, the content filter and three deployments, nothing else", async () => {
        const run = await runStack({ foundry });
        expect(run.error).toBeUndefined();
        expect(resourceSet(run)).toEqual(
            [
                ...ACCOUNT,
                "azure-ai-models:index:FoundryProject aimodels-chat",
                "azure-native:cognitiveservices:Project aimodels-chat-project",
                "azure-ai-models:index:FoundryProject aimodels-documents",
                "azure-native:cognitiveservices:Project aimodels-documents-project",
                "azure-ai-models:index:ContentFilterBlocklist aimodels-internal-names",
                "azure-native:cognitiveservices:RaiBlocklist aimodels-internal-names-blocklist",
                "azure-native:cognitiveservices:RaiBlocklistItem aimodels-internal-names-item-1",
                "azure-native:cognitiveservices:RaiBlocklistItem aimodels-internal-names-ticket-ids",
                "azure-ai-models:index:ContentFilter aimodels-strict",
                "azure-native:cognitiveservices:RaiPolicy aimodels-strict-policy",
                "azure-ai-models:index:FoundryModelDeployment aimodels-mistral-large",
                "azure-native:cognitiveservices:Deployment aimodels-mistral-large-deployment",
                "azure-ai-models:index:FoundryModelDeployment aimodels-llama-scout",
                "azure-native:cognitiveservices:Deployment aimodels-llama-scout-deployment",
                "azure-ai-models:index:FoundryModelDeployment aimodels-gpt-mini",
                "azure-native:cognitiveservices:Deployment aimodels-gpt-mini-deployment",
            ].sort(),
        );
    });

    it("deploys a model sold by Azure and one sold through Marketplace, chained, both behind the custom filter", async () => {
        const run = await runStack({ foundry });
        const large = byName(run, "aimodels-mistral-large-deployment");
        const scout = byName(run, "aimodels-llama-scout-deployment");
        const policy = byName(run, "aimodels-strict-policy");
        const account = byName(run, "aimodels-account");
        expect(large.inputs).toEqual({
            accountName: account.inputs.accountName,
            resourceGroupName: "rg-aimodels",
            deploymentName: "mistral-large",
            sku: { name: "GlobalStandard", capacity: 100 },
            properties: {
                model: { format: "Mistral AI", name: "Mistral-Large-3", version: "1" },
                raiPolicyName: "strict",
                versionUpgradeOption: "NoAutoUpgrade",
            },
            tags: { owner: "ai-platform", costCenter: "4711" },
        });
        expect(scout.inputs.properties).toEqual({
            model: { format: "Meta", name: "Llama-4-Scout-17B-16E-Instruct", version: "1" },
            raiPolicyName: "strict",
        });
        // The chain: the second deployment waits for the first; both wait for the filter they use.
        expect(scout.dependencies).toContain(large.urn);
        expect(large.dependencies).not.toContain(scout.urn);
        expect(large.dependencies).toContain(policy.urn);
        expect(scout.dependencies).toContain(policy.urn);
        expect(policy.inputs.properties).toMatchObject({ basePolicyName: "Microsoft.DefaultV2", mode: "Default" });
        expect(account.inputs.properties).toMatchObject({
            allowProjectManagement: true,
            disableLocalAuth: true,
            publicNetworkAccess: "Enabled",
            networkAcls: { defaultAction: "Allow", bypass: "AzureServices" },
        });
    });

    it("outputs per deployment the OpenAI-compatible base URL, the model to send, the Entra scope and the endpoints; no keys", async () => {
        const run = await runStack({ foundry });
        const sub = byName(run, "aimodels-account").inputs.accountName as string;
        const out = output(run, "foundry");
        expect(out.secretPaths).toEqual([]);
        const value = out.value as { deployments: Record<string, Record<string, unknown>> };
        expect(value.deployments["mistral-large"]).toEqual({
            model: "mistral-large",
            modelName: "Mistral-Large-3",
            format: "Mistral AI",
            version: "1",
            soldBy: "Azure",
            sku: "GlobalStandard",
            capacity: 100,
            contentFilter: "strict",
            openAiBaseUrl: `https://${sub}.openai.azure.com/openai/v1/`,
            entraScope: "https://cognitiveservices.azure.com/.default",
            accountEndpoint: `https://${sub}.services.ai.azure.com/`,
            projectEndpoints: {
                chat: `https://${sub}.services.ai.azure.com/api/projects/chat`,
                documents: `https://${sub}.services.ai.azure.com/api/projects/documents`,
            },
            rateLimits: { tokensPerMinute: 400_000, requestsPerMinute: 1_000, concurrentRequests: 300 },
        });
        expect(value.deployments["llama-scout"]).toMatchObject({ model: "llama-scout", soldBy: "Partner" });
    });

    it("outputs the keys as secrets when local auth is turned on", async () => {
        const run = await runStack({ foundry: { ...foundry, disableLocalAuth: false } });
        const out = output(run, "foundry");
        const value = out.value as { deployments: Record<string, Record<string, unknown>>; localAuth: string };
        expect(value.localAuth).toBe("enabled");
        expect(value.deployments["mistral-large"]).toMatchObject({ primaryKey: SECRET, secondaryKey: SECRET });
        expect([...out.secretPaths].sort()).toEqual([
            "foundry.deployments.gpt-mini.primaryKey",
            "foundry.deployments.gpt-mini.secondaryKey",
            "foundry.deployments.llama-scout.primaryKey",
            "foundry.deployments.llama-scout.secondaryKey",
            "foundry.deployments.mistral-large.primaryKey",
            "foundry.deployments.mistral-large.secondaryKey",
        ]);
    });
});

describe("a hub serverless deployment and a Foundry deployment of the same model in one stack", () => {
    it("creates both, each with its own outputs", async () => {
        const run = await runStack(HUB_AND_FOUNDRY_MINISTRAL);
        expect(run.error).toBeUndefined();
        expect(byName(run, "ministral-endpoint").inputs.properties).toMatchObject({
            modelSettings: { modelId: "azureml://registries/azureml-mistral/models/Ministral-3B" },
        });
        expect(byName(run, "aimf-ministral-deployment").inputs.properties).toMatchObject({
            model: { format: "Mistral AI", name: "Ministral-3B", version: "1" },
        });
        expect(Object.keys(output(run, "deployments").value as object)).toEqual(["ministral"]);
        const f = output(run, "foundry").value as { deployments: Record<string, { openAiBaseUrl: string }> };
        expect(f.deployments.ministral.openAiBaseUrl).toMatch(
            /^https:\/\/aimf-[a-z0-9]{6}\.openai\.azure\.com\/openai\/v1\/$/,
        );
        expect(output(run, "workspace").value).toMatchObject({ kind: "hub", location: "eastus2" });
    });
});

describe("the Foundry quota table of the plan", () => {
    it("sums capacity per region, model and SKU against the default quota", async () => {
        const run = await runStack({
            foundry: {
                ...foundry,
                deployments: [
                    { name: "large-a", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 300 },
                    { name: "large-b", model: "mistral-large-3", sku: "GlobalStandard", capacity: 200 },
                    { name: "scout", model: "Llama-4-Scout-17B-16E-Instruct", sku: "GlobalStandard", capacity: 50 },
                ],
            },
        });
        const sub = byName(run, "aimodels-account").inputs.accountName as string;
        expect(foundryQuotaReport(run.resources)).toEqual({
            rows: [
                {
                    region: "swedencentral",
                    model: "Llama-4-Scout-17B-16E-Instruct",
                    sku: "GlobalStandard",
                    deployments: [`${sub}/scout`],
                    capacity: 50,
                    tokensPerMinute: 50_000,
                    defaultQuota: 400,
                    overDefault: false,
                },
                {
                    region: "swedencentral",
                    model: "Mistral-Large-3",
                    sku: "GlobalStandard",
                    deployments: [`${sub}/large-a`, `${sub}/large-b`],
                    capacity: 500,
                    tokensPerMinute: 500_000,
                    defaultQuota: 400,
                    overDefault: true,
                },
            ],
            skipped: [],
        });
    });

    it("leaves provisioned deployments out, saying what PTU quota they draw on", async () => {
        const run = await runStack({
            foundry: {
                ...foundry,
                deployments: [
                    {
                        name: "llama-ptu",
                        model: "Llama-3.3-70B-Instruct",
                        sku: "GlobalProvisionedManaged",
                        // Above the 400 units of the model's tokens-per-minute quota, which PTUs do not draw on.
                        capacity: 500,
                    },
                ],
            },
        });
        expect(run.error).toBeUndefined();
        expect(run.warnings).toEqual([]);
        const sub = byName(run, "aimodels-account").inputs.accountName as string;
        expect(foundryQuotaReport(run.resources)).toEqual({
            rows: [],
            skipped: [
                {
                    deployment: `${sub}/llama-ptu`,
                    reason:
                        "500 PTUs of Llama-3.3-70B-Instruct from the subscription's GlobalProvisionedManaged PTU quota in the region " +
                        "(requested separately, shared by the models), serving about 4,225,000 input tokens per minute",
                },
            ],
        });
    });
});
