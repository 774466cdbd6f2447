/** Lifecycle against an injected clock: legacy and deprecated warn, retired fails unless accepted. */
import { describe, expect, it } from "vitest";
import { validateStackConfig } from "../../infra/config";
import { byName, registered, runStack } from "../helpers/stack";

const config = (model: string, extra: Record<string, unknown> = {}) => ({
    workspace: {
        name: "aim",
        location: "eastus2",
        projects: [{ name: "chat" }],
        network: { accessManagedElsewhere: true },
    },
    deployments: [{ name: "large", model, project: "chat", ...extra }],
});
const on = (day: string) => ({ today: new Date(`${day}T00:00:00Z`) });
const LIFECYCLE_SOURCE =
    "source: MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule) (2026-07-07)";

describe("model lifecycle", () => {
    it("is silent before the legacy date", () => {
        const r = validateStackConfig(config("Mistral-large"), on("2024-12-14"));
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
    });

    it("warns from the legacy date", () => {
        const r = validateStackConfig(config("Mistral-large"), on("2024-12-15"));
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([
            {
                path: "azure-ai-models:deployments[0].model",
                message: `Mistral-large is legacy since 2024-12-15 (new deployments not recommended), retires 2025-04-15; no replacement is named; ${LIFECYCLE_SOURCE}`,
            },
        ]);
    });

    it("warns from the deprecated date", () => {
        const r = validateStackConfig(config("Mistral small"), on("2025-05-01"));
        expect(r.errors).toEqual([]);
        expect(r.warnings.map((w) => w.message)).toEqual([
            `Mistral-small is deprecated since 2025-04-30 (no new deployments), retires 2025-07-31; replacement: mistral-small-2503; ${LIFECYCLE_SOURCE}`,
        ]);
    });

    it("fails from the retired date", () => {
        const r = validateStackConfig(config("Meta-Llama-3-8B-Instruct"), on("2025-06-30"));
        expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            `azure-ai-models:deployments[0].model: Meta-Llama-3-8B-Instruct was retired on 2025-06-30: existing deployments return 404; replacement: Meta-Llama-3.1-8B-Instruct; ${LIFECYCLE_SOURCE}. Set acceptRetired: true to deploy it anyway`,
        ]);
    });

    it("deploys a retired model when the deployment accepts it, with a warning", async () => {
        const run = await runStack(config("Mistral-Nemo", { acceptRetired: true }), { today: "2026-11-21" });
        expect(run.error).toBeUndefined();
        expect(run.warnings).toEqual([
            `azure-ai-models:deployments[0].model: Mistral-Nemo was retired on 2026-01-30: existing deployments return 404; replacement: mistral-small-2503; ${LIFECYCLE_SOURCE} (accepted by acceptRetired)`,
        ]);
        expect(byName(run, "large-endpoint").inputs.properties).toMatchObject({
            modelSettings: { modelId: "azureml://registries/azureml-mistral/models/Mistral-Nemo" },
        });
    });

    it("lets a custom model carry its own lifecycle and replacement", () => {
        const r = validateStackConfig(
            {
                ...config("small-2503"),
                customModels: [
                    {
                        name: "small-2503",
                        modelId: "azureml://registries/azureml-mistral/models/Mistral-small-2503",
                        regions: ["East US 2", "swedencentral"],
                        lifecycle: { legacy: "2026-10-01" },
                        source: "https://learn.microsoft.com/azure/ai-foundry/concepts/model-lifecycle-retirement",
                    },
                ],
            },
            on("2026-11-21"),
        );
        expect(r.errors).toEqual([]);
        expect(r.warnings.map((w) => w.message)).toEqual([
            "small-2503 is legacy since 2026-10-01 (new deployments not recommended); no replacement is named; source: https://learn.microsoft.com/azure/ai-foundry/concepts/model-lifecycle-retirement (stack config)",
        ]);
        expect(r.config?.deployments[0].catalogModel.serverless?.regions).toEqual(["eastus2", "swedencentral"]);
    });

    it("warns that serverless endpoints do not take Entra ID tokens", () => {
        const r = validateStackConfig(config("Ministral-3B", { authMode: "AAD" }), on("2026-11-21"));
        expect(r.warnings).toEqual([
            {
                path: "azure-ai-models:deployments[0].authMode",
                message:
                    '"AAD": the docs say serverless endpoints do not accept Entra ID tokens; clients will need keys',
            },
        ]);
    });

    it("registers nothing for a retired model that is not accepted", async () => {
        const run = await runStack(config("AI21-Jamba-Instruct"), { today: "2026-11-21" });
        expect((run.error as Error).message).toContain("AI21-Jamba-Instruct was retired on 2025-03-01");
        expect(registered(run)).toEqual([]);
    });
});

describe("the models of 2026 in stack config", () => {
    const SOURCE_2026 =
        "source: MicrosoftDocs/azure-ai-docs articles/ai-foundry/concepts/model-lifecycle-retirement.md@00bb5540 (retirement schedule, Foundry Models sold by partners) (2026-07-07)";

    it("matches a name in any case and deploys the catalog's spelling", () => {
        const r = validateStackConfig(config("Mistral-Small-2503"), on("2026-12-01"));
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
        expect(r.config?.deployments[0].catalogModel.serverless?.modelId).toBe(
            "azureml://registries/azureml-mistral/models/mistral-small-2503",
        );
    });

    it("leads a retired model's message to a Foundry deployment, or says there is none on Azure", () => {
        const vision = validateStackConfig(config("Llama-3.2-11B-Vision-Instruct"), on("2026-12-01"));
        expect(vision.errors.map((e) => e.message)).toEqual([
            `Llama-3.2-11B-Vision-Instruct was retired on 2026-06-13: existing deployments return 404; replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry); ${SOURCE_2026}. Set acceptRetired: true to deploy it anyway`,
        ]);
        const llama31 = validateStackConfig(config("Meta-Llama-3.1-405B-Instruct"), on("2026-03-20"));
        expect(llama31.warnings.map((w) => w.message)).toEqual([
            `Meta-Llama-3.1-405B-Instruct is deprecated since 2026-03-13 (no new deployments), retires 2026-06-13; no replacement on Azure; ${SOURCE_2026}`,
        ]);
        const llama3 = validateStackConfig(
            config("Meta-Llama-3-70B-Instruct", { acceptRetired: true }),
            on("2026-12-01"),
        );
        expect(llama3.warnings.map((w) => w.message)[0]).toContain("replacement: Llama-3.3-70B-Instruct;");
    });
});
