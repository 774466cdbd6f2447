/**
 * Region typos are caught by config validation for every stack (not only by the allowed-regions policy after the
 * resources were registered), with the closest Azure regions as the suggestion.
 */
import { describe, expect, it } from "vitest";
import { AZURE_REGIONS, FOUNDRY_OFFERS, MODELS, isAzureRegion } from "../../infra/catalog";
import { ConfigValidationError, validateStackConfig } from "../../infra/config";
import { registered, runStack } from "../helpers/stack";

const TODAY = new Date("2026-11-21T00:00:00Z");
const errorsOf = (config: Record<string, unknown>) =>
    validateStackConfig(config, { today: TODAY }).errors.map((e) => `${e.path}: ${e.message}`);
const N = AZURE_REGIONS.length;
const ONLY_ONLINE = {
    workspace: { name: "aim", location: "eastsu2", network: { accessManagedElsewhere: true }, kind: "workspace" },
    onlineEndpoints: [
        {
            name: "mistral",
            deployments: [{ name: "blue", model: "Mistral-7B-v01", instanceType: "Standard_NC12s_v3" }],
        },
    ],
};

describe("regions", () => {
    it("a stack with only online endpoints and location eastsu2 fails before registering anything", async () => {
        const run = await runStack(ONLY_ONLINE);
        expect((run.error as ConfigValidationError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
            `azure-ai-models:workspace.location: "eastsu2" is not an Azure region; did you mean "eastus2"? (${N} regions are known: the catalog's AZURE_REGIONS)`,
        ]);
        expect(registered(run)).toEqual([]);
    });

    it("checks existingWorkspace and customModels regions; accepts display names", () => {
        expect(
            errorsOf({
                existingWorkspace: { resourceGroupName: "rg", name: "proj", location: "Sweden Central" },
                customModels: [
                    {
                        name: "my-model",
                        modelId: "azureml://registries/azureml-mistral/models/My-Model",
                        regions: ["swedencentral", "westeruope"],
                        source: "https://example.com",
                    },
                ],
            }),
        ).toEqual([
            `azure-ai-models:customModels[0].regions[1]: "westeruope" is not an Azure region; did you mean "westeurope"? (${N} regions are known: the catalog's AZURE_REGIONS)`,
        ]);
        expect(errorsOf({ existingWorkspace: { resourceGroupName: "rg", name: "proj", location: "mars1" } })).toEqual([
            `azure-ai-models:existingWorkspace.location: "mars1" is not an Azure region (${N} regions are known: the catalog's AZURE_REGIONS)`,
        ]);
    });

    it("reports a Foundry region typo once, and judges the deployments against no region", () => {
        const foundry = {
            name: "aimf",
            location: "swedencentrl",
            deployments: [{ name: "large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 500 }],
            network: { accessManagedElsewhere: true },
        };
        const result = validateStackConfig({ foundry }, { today: TODAY });
        expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            `azure-ai-models:foundry.location: "swedencentrl" is not an Azure region; did you mean "swedencentral"? (${N} regions are known: the catalog's AZURE_REGIONS)`,
        ]);
        expect(result.warnings.map((e) => `${e.path}: ${e.message}`)).toEqual([
            "azure-ai-models:foundry.deployments[0].capacity: this deployment asks 500 capacity units (500,000 tokens per minute) of Mistral-Large-3 GlobalStandard; " +
                "the default quota is 400 units (400,000 TPM, MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/quotas-limits-content.md @01a83b28 (same table as @c06a3fa7)): " +
                "request a quota increase for Mistral-Large-3 GlobalStandard before deploying",
        ]);
        // A display name is an Azure region: the offers are judged in its ARM form.
        const display = validateStackConfig({ foundry: { ...foundry, location: "Sweden Central" } }, { today: TODAY });
        expect(display.errors).toEqual([]);
        expect(display.warnings.map((e) => e.message)).toEqual([
            expect.stringContaining(
                "of Mistral-Large-3 GlobalStandard in swedencentral; the default quota is 400 units",
            ),
        ]);
    });

    it("every region the catalog's offers name is an Azure region", () => {
        const regions = [
            ...MODELS.flatMap((m) => m.serverless?.regions ?? []),
            ...FOUNDRY_OFFERS.flatMap((o) =>
                o.skus.flatMap((s) => [...s.regions, ...Object.values(s.dataZones ?? {}).flat()]),
            ),
        ];
        expect(regions.length).toBeGreaterThan(300);
        expect(regions.filter((r) => !isAzureRegion(r))).toEqual([]);
    });
});
