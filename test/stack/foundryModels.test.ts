/**
 * One record per model, resolved once: a Foundry deployment's `model` goes from the stack config to
 * `properties.model` through one catalog lookup, its warnings are given once with their config path, and a model
 * outside the catalog (named by format, model and version) joins the same chain and outputs with one warning.
 * Mocks prove what the program asks the engine for, not that Azure offers the model in the region.
 */
import { describe, expect, it } from "vitest";
import { FoundryModelDeployment } from "../../infra/components";
import { validateStackConfig } from "../../infra/config";
import { captureProgram } from "../../plan/run/capture";
import { byName, output, runStack } from "../helpers/stack";

const today = new Date("2026-11-21T00:00:00Z");
const GPT = { format: "OpenAI", model: "gpt-5.4-mini", version: "2026-03-17" };

/** A closed account whose way in another team manages (docs/networking.md): no reachability warning. */
function foundry(deployments: Record<string, unknown>[]) {
    return { name: "aimf", location: "swedencentral", network: { accessManagedElsewhere: true }, deployments };
}

describe("a Foundry deployment's model, resolved once", () => {
    it("reaches properties.model from an alias the hub also knows", async () => {
        const run = await runStack({
            foundry: foundry([{ name: "codestral", model: "Codestral 2501", sku: "GlobalStandard", capacity: 10 }]),
        });
        expect(run.error).toBeUndefined();
        // That the component does not look the model up again shows in the next test: its warnings come once.
        expect(byName(run, "aimf-codestral-deployment").inputs.properties).toEqual({
            model: { format: "Mistral AI", name: "Codestral-2501", version: "2" },
            raiPolicyName: "Microsoft.DefaultV2",
        });
    });

    it("gives the quota warning once, with its config path", async () => {
        const run = await runStack({
            foundry: foundry([{ name: "large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 500 }]),
        });
        expect(run.error).toBeUndefined();
        const quota = run.warnings.filter((w) => w.includes("default quota"));
        expect(quota).toHaveLength(1);
        expect(quota[0]).toMatch(/^azure-ai-models:foundry\.deployments\[0\]\.capacity: this deployment asks 500/);
    });

    it("checks and warns again in a component given other arguments than the ones validation checked", async () => {
        const run = await captureProgram(
            () =>
                new FoundryModelDeployment("d", {
                    resourceGroupName: "rg",
                    accountName: "acct",
                    location: "swedencentral",
                    deploymentName: "large",
                    model: "mistral-large-3",
                    sku: "GlobalStandard",
                    capacity: 500,
                }),
            { project: "lib", stack: "test", preview: false },
        );
        expect(run.error).toBeUndefined();
        expect(run.warnings.filter((w) => w.includes("default quota"))).toEqual([
            expect.stringMatching(/^capacity: this deployment asks 500 capacity units/),
        ]);
    });
});

describe("a model outside the catalog on a Foundry account", () => {
    const deployments = [
        { name: "mistral-large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 50 },
        { name: "gpt", ...GPT, sku: "GlobalStandard", capacity: 20 },
        { name: "scout", model: "Llama-4-Scout-17B-16E-Instruct", sku: "GlobalStandard", capacity: 10 },
    ];

    it("validates with exactly one warning, at its model", () => {
        const result = validateStackConfig({ foundry: foundry(deployments) }, { today });
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([
            {
                path: "azure-ai-models:foundry.deployments[1].model",
                message:
                    "OpenAI/gpt-5.4-mini version 2026-03-17 is not in the catalog: region, SKU, quota and lifecycle unchecked (Azure checks them when the deployment is created)",
            },
        ]);
    });

    it("deploys format, name and version as given, in the account's one chain, with the same outputs", async () => {
        const run = await runStack({ foundry: foundry(deployments) });
        expect(run.error).toBeUndefined();
        expect(run.warnings.filter((w) => w.includes("not in the catalog"))).toHaveLength(1);
        const gpt = byName(run, "aimf-gpt-deployment");
        expect(gpt.inputs.properties).toEqual({
            model: { format: "OpenAI", name: "gpt-5.4-mini", version: "2026-03-17" },
            raiPolicyName: "Microsoft.DefaultV2",
        });
        expect(gpt.inputs.sku).toEqual({ name: "GlobalStandard", capacity: 20 });
        // The chain: each deployment's PUT waits for the one before it (409 otherwise), the outside model included.
        const large = byName(run, "aimf-mistral-large-deployment");
        const scout = byName(run, "aimf-scout-deployment");
        expect(gpt.dependencies).toContain(large.urn);
        expect(scout.dependencies).toContain(gpt.urn);
        expect(large.dependencies).not.toContain(gpt.urn);
        const out = output(run, "foundry").value as { deployments: Record<string, Record<string, unknown>> };
        const sub = byName(run, "aimf-account").inputs.accountName as string;
        expect(out.deployments.gpt).toMatchObject({
            model: "gpt",
            modelName: "gpt-5.4-mini",
            format: "OpenAI",
            version: "2026-03-17",
            soldBy: "not in the catalog",
            openAiBaseUrl: `https://${sub}.openai.azure.com/openai/v1/`,
            entraScope: "https://cognitiveservices.azure.com/.default",
        });
        expect(out.deployments.gpt.rateLimits).toBeUndefined();
    });

    it("needs a version, and a catalog model's own format", () => {
        const result = validateStackConfig(
            {
                foundry: foundry([
                    { name: "aa", format: "OpenAI", model: "gpt-5.4-mini", sku: "GlobalStandard", capacity: 1 },
                    { name: "bb", format: "Meta", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 1 },
                ]),
            },
            { today },
        );
        expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            'azure-ai-models:foundry.deployments[0].version: is required for a model outside the catalog (OpenAI/gpt-5.4-mini): give the version the account offers, e.g. "1"',
            'azure-ai-models:foundry.deployments[1].format: "Meta": Mistral-Large-3 is in the catalog with format "Mistral AI" (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/models-azure-direct-others.md @07a330ef and @0378dd85, 2026-10-05)',
        ]);
    });

    it("treats a catalog model named by format, name and version as the catalog model", () => {
        const ok = validateStackConfig(
            {
                foundry: foundry([
                    {
                        name: "llama",
                        format: "Meta",
                        model: "Llama-3.3-70B-Instruct",
                        version: "4",
                        sku: "GlobalStandard",
                        capacity: 10,
                    },
                ]),
            },
            { today },
        );
        expect(ok.errors).toEqual([]);
        expect(ok.warnings).toEqual([]);
        expect(ok.config!.foundry!.deployments[0].offer?.name).toBe("Llama-3.3-70B-Instruct");
    });

    it("is deployed by a component constructed directly, with its one warning", async () => {
        const run = await captureProgram(
            () =>
                new FoundryModelDeployment("d", {
                    resourceGroupName: "rg",
                    accountName: "acct",
                    deploymentName: "gpt",
                    format: "OpenAI",
                    model: "gpt-5.4-mini",
                    version: "2026-03-17",
                    sku: "GlobalStandard",
                    capacity: 5,
                }),
            { project: "lib", stack: "test", preview: false },
        );
        expect(run.error).toBeUndefined();
        expect(run.warnings).toEqual([
            "model: OpenAI/gpt-5.4-mini version 2026-03-17 is not in the catalog: region, SKU, quota and lifecycle unchecked (Azure checks them when the deployment is created)",
        ]);
        expect(byName(run, "d-deployment").inputs.properties).toMatchObject({
            model: { format: "OpenAI", name: "gpt-5.4-mini", version: "2026-03-17" },
        });
    });
});
