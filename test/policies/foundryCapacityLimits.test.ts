import { describe, expect, it } from "vitest";
import { foundryCapacityLimits } from "../../policies/rules/foundryCapacityLimits";
import { LLAMA_MAVERICK, MISTRAL_LARGE_3, PULUMI_UNKNOWN, foundryAccount, foundryDeployment, verdict } from "./harness";

const LLAMA_33 = { format: "Meta", name: "Llama-3.3-70B-Instruct", version: "4" };
const PTU_SOURCE =
    "MicrosoftDocs/azure-ai-docs articles/foundry/openai/how-to/provisioned-throughput-onboarding.md @040c3859 (PTU sizes per model), 2026-04-07";

const RULE = foundryCapacityLimits;
const QUOTA_SOURCE =
    "MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/quotas-limits-content.md @01a83b28 (same table as @c06a3fa7), 2026-04-29";
const sized = (name: string, capacity: unknown, model = LLAMA_MAVERICK, sku = "GlobalStandard", account = "foundry") =>
    foundryDeployment(name, model, { accountName: account, sku: { name: sku, capacity } });

describe("foundry-capacity-limits", () => {
    it("refuses a provisioned deployment of a size Azure does not accept, and leaves PTUs out of the TPM quota", () => {
        const resources = [
            foundryAccount("foundry"),
            sized("ptu-ok", 1_000, LLAMA_33, "GlobalProvisionedManaged"),
            sized("ptu-odd", 150, LLAMA_33, "GlobalProvisionedManaged"),
            sized("ptu-small", 50, LLAMA_33, "GlobalProvisionedManaged"),
            // SKU names are compared without case: this one is a PTU deployment too.
            sized("ptu-lower", 1_000, LLAMA_33, "globalprovisionedmanaged"),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            'cognitiveservices.Deployment "ptu-odd" ("Meta" Llama-3.3-70B-Instruct version 4) sets sku.capacity 150 PTUs: a GlobalProvisionedManaged ' +
                `deployment of Llama-3.3-70B-Instruct takes 100 PTUs or more, in steps of 100 (${PTU_SOURCE}).`,
            'cognitiveservices.Deployment "ptu-small" ("Meta" Llama-3.3-70B-Instruct version 4) sets sku.capacity 50 PTUs: a GlobalProvisionedManaged ' +
                `deployment of Llama-3.3-70B-Instruct takes 100 PTUs or more, in steps of 100 (${PTU_SOURCE}).`,
        ]);
    });

    it("passes deployments within the default quota of their model, SKU and region", () => {
        const resources = [
            foundryAccount("foundry"),
            sized("a", 200),
            sized("b", 200),
            sized("c", 400, MISTRAL_LARGE_3),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("reports a model's deployments in one region and SKU above its default quota, summed over accounts", () => {
        const resources = [
            foundryAccount("foundry"),
            foundryAccount("second"),
            sized("a", 300),
            sized("b", 200, LLAMA_MAVERICK, "GlobalStandard", "second"),
            // Another SKU has its own quota.
            sized("zone", 400, LLAMA_MAVERICK, "DataZoneStandard"),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            'cognitiveservices.Deployment "b" ("Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1): the GlobalStandard deployments of ' +
                'Llama-4-Maverick-17B-128E-Instruct-FP8 in region "eastus2" ask for 500 capacity units in all ("a" (300) and "b" (200)), ' +
                `above the default quota (400,000 tokens per minute, ${QUOTA_SOURCE}) of 400. Lower sku.capacity, or request a GlobalStandard ` +
                "quota increase for Llama-4-Maverick-17B-128E-Instruct-FP8 in that region and record it in the foundry-capacity-limits config (grantedQuota).",
        ]);
        // Accounts in different regions draw on different quotas.
        const west = foundryAccount("second", { location: "westus3" });
        expect(verdict(RULE, { resources: [foundryAccount("foundry"), west, ...resources.slice(2)] })).toEqual([]);
    });

    it("accepts a granted quota, or no quota check at all", () => {
        const resources = [foundryAccount("foundry"), sized("a", 900)];
        expect(
            verdict(RULE, { resources, config: { grantedQuota: { "llama-4-maverick-17b-128e-instruct-fp8": 1000 } } }),
        ).toEqual([]);
        expect(
            verdict(RULE, { resources, config: { grantedQuota: { "Llama-4-Maverick-17B-128E-Instruct-FP8": 800 } } }),
        ).toEqual([
            expect.stringContaining(
                'ask for 900 capacity units in all ("a" (900)), above the quota recorded in grantedQuota of 800.',
            ),
        ]);
        expect(verdict(RULE, { resources, config: { checkDefaultQuota: false } })).toEqual([]);
    });

    it("applies the configured caps per deployment and per account", () => {
        const resources = [foundryAccount("foundry"), sized("a", 60), sized("b", 50, MISTRAL_LARGE_3)];
        expect(
            verdict(RULE, { resources, config: { maxCapacityPerDeployment: 50, maxCapacityPerAccount: 100 } }),
        ).toEqual([
            'cognitiveservices.Deployment "a" ("Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1) sets sku.capacity 60, above the cap of 50 per deployment. ' +
                "Lower it, or raise the foundry-capacity-limits config (maxCapacityPerDeployment).",
            'cognitiveservices.Account "foundry" holds deployments of 110 capacity units in all ("a" (60) and "b" (50)), above the cap of 100 per account. ' +
                "Lower their sku.capacity, or raise the foundry-capacity-limits config (maxCapacityPerAccount).",
        ]);
    });

    it("never judges unknown capacities, models outside the catalog, or deployments of an account not in the stack", () => {
        const resources = [
            foundryAccount("foundry"),
            sized("a", PULUMI_UNKNOWN),
            sized("b", 5000, { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" }),
            sized("c", 5000, LLAMA_MAVERICK, "GlobalStandard", "elsewhere"),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });
});
