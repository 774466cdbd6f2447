/** The Foundry offer table: every offer checked by its zod schema, and the facts the validator relies on. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
    FOUNDRY_LIMITS,
    FOUNDRY_OFFERS,
    FOUNDRY_USER,
    MODELS,
    dataZoneOf,
    defaultFoundryQuota,
    findModel,
    closestModelNames,
    foundryOfferSchema,
    foundrySku,
} from "../../infra/catalog";
import { foundryMarkdownTable } from "../../infra/catalog/foundryTable";

describe("Foundry offers", () => {
    it.each(FOUNDRY_OFFERS.map((o) => [o.name, o] as const))("%s matches the schema", (_name, offer) => {
        const result = foundryOfferSchema.safeParse(offer);
        expect(result.success ? [] : result.error.issues).toEqual([]);
    });

    it("covers the Mistral and Meta models of issue 13, with format, version and seller", () => {
        const rows = FOUNDRY_OFFERS.map((o) => `${o.format} | ${o.name} | ${o.version} | ${o.soldBy}`);
        expect(rows).toEqual([
            "Mistral AI | Ministral-3B | 1 | Partner",
            "Mistral AI | mistral-small-2503 | 1 | Partner",
            "Mistral AI | mistral-medium-2505 | 1 | Partner",
            "Mistral AI | Codestral-2501 | 2 | Partner",
            "Mistral AI | Mistral-Large-3 | 1 | Azure",
            "Mistral AI | mistral-document-ai-2512 | 1 | Azure",
            "Mistral AI | mistral-document-ai-2505 | 1 | Azure",
            "Meta | Llama-3.3-70B-Instruct | 4 | Azure",
            "Meta | Llama-4-Maverick-17B-128E-Instruct-FP8 | 1 | Azure",
            "Meta | Llama-4-Scout-17B-16E-Instruct | 1 | Partner",
        ]);
    });

    it("is the Foundry offer of one catalog record each, found by the record's one lookup", () => {
        for (const o of FOUNDRY_OFFERS) expect(findModel(o.name)?.foundry).toBe(o);
        expect(MODELS.filter((m) => m.foundry).map((m) => m.foundry)).toHaveLength(FOUNDRY_OFFERS.length);
    });

    it("finds offers case-insensitively, by the same aliases as the hub, and suggests close names for a typo", () => {
        expect(findModel("MISTRAL-LARGE-3")?.foundry?.name).toBe("Mistral-Large-3");
        expect(findModel("Mistral-small-2503")?.foundry?.name).toBe("mistral-small-2503");
        // One alias list: a hub alias finds the Foundry offer too (it did not before the records were joined).
        expect(findModel("Codestral 2501")?.foundry?.name).toBe("Codestral-2501");
        expect(findModel("Codestral 2501")?.serverless?.modelId).toBe(
            "azureml://registries/azureml-mistral/models/Codestral-2501",
        );
        const foundryModels = MODELS.filter((m) => m.foundry);
        expect(closestModelNames("Mistral-Lage-3", foundryModels)).toEqual(["Mistral-Large-3"]);
        expect(closestModelNames("Llama-4-Scout", foundryModels)).toContain("Llama-4-Scout-17B-16E-Instruct");
    });

    it("offers partner models on Global standard only, and Data zone where the docs say so", () => {
        for (const o of FOUNDRY_OFFERS.filter((x) => x.soldBy === "Partner"))
            expect(o.skus.map((s) => s.sku)).toEqual(["GlobalStandard"]);
        const docAi = findModel("mistral-document-ai-2512")!.foundry!;
        const zone = foundrySku(docAi, "DataZoneStandard")!;
        expect(dataZoneOf(zone, "swedencentral")).toBe("EU");
        expect(dataZoneOf(zone, "eastus2")).toBe("US");
        expect(dataZoneOf(zone, "japaneast")).toBeUndefined();
        expect(foundrySku(findModel("Llama-3.3-70B-Instruct")!.foundry!, "GlobalProvisionedManaged")).toBeDefined();
    });

    it("states the documented limits, default quota and the Foundry User role", () => {
        expect(FOUNDRY_LIMITS).toMatchObject({ deploymentsPerAccount: 32, projectsPerAccount: 250 });
        expect(defaultFoundryQuota(findModel("Llama-3.3-70B-Instruct")!.foundry!, "GlobalStandard")).toBe(400);
        expect(
            defaultFoundryQuota(findModel("Llama-3.3-70B-Instruct")!.foundry!, "GlobalProvisionedManaged"),
        ).toBeUndefined();
        expect(FOUNDRY_USER.id).toBe("53ca6127-db72-4b80-b1b0-d745d6d5456d");
    });

    it("retires mistral-document-ai-2505 with its replacement in the table", () => {
        const lc = findModel("mistral-document-ai-2505")!.foundry!.lifecycle!;
        expect(lc).toMatchObject({
            retired: "2026-07-15",
            replacement: { on: "foundry", models: ["mistral-document-ai-2512"] },
        });
    });

    it("offers every model a lifecycle names as its Foundry replacement, serverless entries included", () => {
        const lifecycles = [
            ...MODELS.flatMap((m) => [m.serverless?.lifecycle, m.managed?.lifecycle]),
            ...FOUNDRY_OFFERS.map((o) => o.lifecycle),
        ];
        const named = lifecycles.flatMap((lc) => (lc?.replacement?.on === "foundry" ? lc.replacement.models : []));
        expect(named.length).toBeGreaterThan(0);
        expect(named.filter((name) => findModel(name)?.foundry === undefined)).toEqual([]);
    });
});

describe("docs/foundry.md", () => {
    it("shows the Foundry table as the catalog has it (regenerate with node plan/runTs.js infra/catalog/foundryTable.ts)", () => {
        const doc = readFileSync(path.resolve(__dirname, "../../docs/foundry.md"), "utf8");
        const section = /<!-- foundry-catalog:start -->\n([\s\S]*?)\n<!-- foundry-catalog:end -->/.exec(doc)?.[1];
        expect(section).toBe(foundryMarkdownTable());
    });
});
