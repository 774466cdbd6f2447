/** The catalog: every entry checked by its zod schema, and the facts the validator relies on. */
import { describe, expect, it } from "vitest";
import {
    MODELS,
    SERVERLESS_REGIONS,
    closestModelNames,
    deploymentTypes,
    findModel,
    lifecycleStage,
    managedAssetId,
    needsMarketplaceSubscription,
    replacementClause,
} from "../../infra/catalog";
import { modelEntrySchema } from "../../infra/catalog/schema";

describe("model catalog", () => {
    it.each(MODELS.map((m) => [m.name, m] as const))("%s matches the catalog schema", (_name, model) => {
        const result = modelEntrySchema.safeParse(model);
        expect(result.success ? [] : result.error.issues).toEqual([]);
    });

    it("has every model the source documents name", () => {
        const seedModels = [
            "Mistral Large (2402)",
            "Mistral Large (2407)",
            "Mistral Large (2411)",
            "Mistral Small",
            "Ministral-3B",
            "Mistral Nemo",
            "Mixtral-8x7B-Instruct-v01",
            "Mixtral-8x7B-v01",
            "Mistral-7B-Instruct-v01",
            "Mistral-7B-Instruct-v02",
            "Mistral-7B-v01",
            "Mixtral-8x22B-Instruct-v0-1",
            "AI21 Jamba 1.5 Large",
            "AI21 Jamba 1.5 Mini",
            "AI21 Jamba Instruct",
            "Meta-Llama-3-8B-Instruct",
            "Meta-Llama-3-70B-Instruct",
            "Meta-Llama-3-8B",
            "Meta-Llama-3-70B",
            "Llama-2-7b-chat",
        ];
        expect(seedModels.filter((n) => !findModel(n))).toEqual([]);
    });

    it("has unique names and aliases", () => {
        const keys = MODELS.flatMap((m) =>
            [m.name, m.displayName, ...m.aliases].map((k) => `${k.toLowerCase()}=>${m.name}`),
        );
        const owners = new Map<string, string>();
        for (const k of keys) {
            const [key, owner] = k.split("=>");
            expect(owners.get(key) ?? owner, `${key} names two models`).toBe(owner);
            owners.set(key, owner);
        }
    });

    it("keeps serverless regions within the seven the seeds name", () => {
        for (const m of MODELS) for (const r of m.serverless?.regions ?? []) expect(SERVERLESS_REGIONS).toContain(r);
        expect(findModel("AI21-Jamba-1.5-Large")?.serverless?.regions).not.toContain("swedencentral");
        expect(findModel("AI21-Jamba-Instruct")?.serverless?.regions).toEqual(["eastus2", "swedencentral"]);
        expect(findModel("Llama-2-7b-chat")?.serverless?.regions).not.toContain("swedencentral");
    });

    it("derives the Marketplace subscription from the registry", () => {
        expect(needsMarketplaceSubscription("azureml://registries/azureml-mistral/models/Ministral-3B")).toBe(true);
        expect(needsMarketplaceSubscription("azureml://registries/azureml-ai21/models/AI21-Jamba-1.5-Mini")).toBe(true);
        expect(needsMarketplaceSubscription("azureml://registries/azureml/models/Phi-3-mini-4k-instruct")).toBe(false);
        for (const m of MODELS.filter((x) => x.serverless))
            expect(needsMarketplaceSubscription(m.serverless!.modelId)).toBe(m.registry !== "azureml");
    });

    it("knows which deployment types each model supports", () => {
        expect(deploymentTypes(findModel("Mistral-7B-v01")!)).toEqual(["managed"]);
        expect(deploymentTypes(findModel("Mistral Nemo")!)).toEqual(["serverless"]);
        expect(deploymentTypes(findModel("Llama-2-7b-chat")!)).toEqual(["serverless", "managed"]);
    });

    it("pins managed model ids with a version", () => {
        expect(managedAssetId(findModel("Llama-2-7b-chat")!, 27)).toBe(
            "azureml://registries/azureml-meta/models/Llama-2-7b-chat/versions/27",
        );
        expect(findModel("Mixtral-8x7B-Instruct-v01")?.managed).toMatchObject({
            version: 11,
            minimumSpec: { vCPUs: 40, gpus: 4 },
        });
    });

    it("computes the lifecycle stage by day", () => {
        const lc = findModel("Mistral-large-2407")!.serverless!.lifecycle;
        const at = (d: string) => lifecycleStage(lc, new Date(`${d}T00:00:00Z`));
        expect([at("2025-01-12"), at("2025-01-13"), at("2025-02-13"), at("2025-05-12"), at("2025-05-13")]).toEqual([
            "active",
            "legacy",
            "deprecated",
            "deprecated",
            "retired",
        ]);
        expect(lifecycleStage(findModel("Ministral-3B")!.serverless!.lifecycle, new Date("2030-01-01T00:00:00Z"))).toBe(
            "active",
        );
    });

    it("suggests close names for a typo", () => {
        expect(closestModelNames("Ministral-3")).toEqual(["Ministral-3B"]);
        expect(closestModelNames("jamba 1.5 large")[0]).toBe("AI21-Jamba-1.5-Large");
    });

    it("states the facts Azure clients depend on", () => {
        const jamba = findModel("AI21 Jamba 1.5 Mini")!;
        expect(jamba.capabilities).toMatchObject({
            jsonMode: true,
            tools: true,
            documents: true,
            nativeModelField: "jamba-1.5-mini",
        });
        expect(findModel("Mistral-7B-Instruct-v01")!.capabilities!.systemRole).toBe(false);
        expect(findModel("Ministral-3B")!.serverless!.rateLimits).toMatchObject({
            tokensPerMinute: 200000,
            requestsPerMinute: 1000,
        });
        expect(findModel("Meta-Llama-3-8B")!.serverless).toBeUndefined();
    });
});

describe("catalog of 2026", () => {
    const day = (d: string) => new Date(`${d}T00:00:00Z`);

    it("names a replacement every retired offer leads to: a catalog entry, a Foundry model or none on Azure", () => {
        const problems: string[] = [];
        for (const m of MODELS) {
            for (const [kind, offer] of [
                ["serverless", m.serverless],
                ["managed", m.managed],
            ] as const) {
                const r = offer?.lifecycle?.replacement;
                if (!r) continue;
                if (r.on === "catalog") {
                    const target = findModel(r.model);
                    if (!target) problems.push(`${m.name} (${kind}) → ${r.model}: not a catalog entry`);
                    else if (!(kind === "serverless" ? target.serverless : (target.managed ?? target.serverless)))
                        problems.push(`${m.name} (${kind}) → ${r.model}: offers no ${kind} deployment`);
                } else if (r.on === "foundry") {
                    // A Foundry replacement is a record offered on Foundry only (a hub offer would be a catalog one).
                    const wrong = r.models.filter((f) => {
                        const target = findModel(f);
                        return !target?.foundry || target.serverless || target.managed;
                    });
                    if (wrong.length) problems.push(`${m.name} → ${wrong.join(", ")}: not a Foundry-only record`);
                }
            }
        }
        expect(problems).toEqual([]);
    });

    it("records each 2026 fact (hub serverless models) with its source", () => {
        const offer = (name: string) => findModel(name)!.serverless!;
        for (const name of ["Codestral-2501", "mistral-small-2503", "mistral-medium-2505", "Llama-3.3-70B-Instruct"]) {
            expect(offer(name).regions).toEqual([...SERVERLESS_REGIONS]);
            expect(offer(name).lifecycle?.retired).toBeUndefined();
            expect(offer(name).regionsSource.document).toContain("region-availability-maas.md@298e0e31");
        }
        expect(offer("mistral-small-2503").modelId).toBe(
            "azureml://registries/azureml-mistral/models/mistral-small-2503",
        );
        expect(offer("Llama-3.3-70B-Instruct").modelId).toBe(
            "azureml://registries/azureml-meta/models/Llama-3.3-70B-Instruct",
        );
        expect(offer("Meta-Llama-3.1-405B-Instruct").regions).not.toContain("swedencentral");
        expect(offer("mistral-document-ai-2505").regions).toEqual(["eastus2", "swedencentral"]);
        expect(offer("mistral-document-ai-2505").lifecycle).toMatchObject({
            retired: "2026-07-15",
            replacement: { on: "foundry", models: ["mistral-document-ai-2512"] },
        });
        for (const name of [
            "Meta-Llama-3.1-8B-Instruct",
            "Meta-Llama-3.1-405B-Instruct",
            "Meta-Llama-3.1-8B",
            "Llama-3.2-11B-Vision-Instruct",
            "Llama-3.2-90B-Vision-Instruct",
        ]) {
            expect(offer(name).lifecycle).toMatchObject({
                legacy: "2026-02-13",
                deprecated: "2026-03-13",
                retired: "2026-06-13",
                source: { document: expect.stringContaining("model-lifecycle-retirement.md@00bb5540") },
            });
        }
        expect(offer("Llama-3.2-11B-Vision-Instruct").lifecycle?.replacement).toEqual({
            on: "foundry",
            models: ["Llama-4-Maverick-17B-128E-Instruct-FP8", "Llama-4-Scout-17B-16E-Instruct"],
        });
        expect(offer("Meta-Llama-3.1-70B-Instruct").lifecycle).toMatchObject({
            retired: "2025-06-30",
            replacement: { on: "catalog", model: "Llama-3.3-70B-Instruct" },
        });
        expect(offer("AI21-Jamba-1.5-Large").lifecycle?.replacement).toEqual({ on: "none" });
        expect(offer("Llama-3.2-1B-Instruct").lifecycle).toBeUndefined();
    });

    it("matches names case-insensitively and gives the catalog's spelling", () => {
        expect(findModel("Mistral-small-2503")?.name).toBe("mistral-small-2503");
        expect(findModel("MISTRAL-MEDIUM-2505")?.name).toBe("mistral-medium-2505");
        expect(findModel("llama-3.3-70b-instruct")?.name).toBe("Llama-3.3-70B-Instruct");
    });

    it("words a replacement so it leads somewhere deployable on the day", () => {
        const clause = (name: string, d: string) =>
            replacementClause(findModel(name)!.serverless!.lifecycle!, { offer: "serverless", today: day(d) });
        expect(clause("Mistral-Nemo", "2026-12-01")).toBe("replacement: mistral-small-2503");
        expect(clause("Meta-Llama-3-8B-Instruct", "2026-01-01")).toBe("replacement: Meta-Llama-3.1-8B-Instruct");
        expect(clause("Meta-Llama-3-8B-Instruct", "2026-12-01")).toBe(
            "replacement: Meta-Llama-3.1-8B-Instruct (itself retired on 2026-06-13; no replacement on Azure)",
        );
        expect(clause("AI21-Jamba-Instruct", "2026-12-01")).toBe(
            "replacement: AI21-Jamba-1.5-Large (itself retired on 2025-08-01; no replacement on Azure)",
        );
        expect(clause("Llama-3.2-90B-Vision-Instruct", "2026-12-01")).toBe(
            "replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry)",
        );
        expect(clause("Mistral-large", "2026-12-01")).toBe("no replacement is named");
    });
});
