/**
 * Bad `foundry` sections: each mistake gives its exact, path-bearing message, every problem at once, and the program
 * registers no resource. Plus what is valid: a Foundry-only stack, case-insensitive model names, the catalog's
 * version as default, and the quota warning (a warning: the deployment may proceed once the quota is granted).
 */
import { describe, expect, it } from "vitest";
import { ConfigValidationError, validateStackConfig } from "../../infra/config";
import { registered, runStack } from "../helpers/stack";
import { FOUNDRY_BAD_CASES, FOUNDRY_BASE, FOUNDRY_EXPECTED, HUB_AND_FOUNDRY_MINISTRAL } from "./foundryCases";

const today = new Date("2026-11-21T00:00:00Z");
const clone = () => JSON.parse(JSON.stringify(FOUNDRY_BASE)) as typeof FOUNDRY_BASE;

describe("bad foundry config", () => {
    it("covers at least 20 distinct mistakes", () => {
        expect(FOUNDRY_BAD_CASES.length).toBeGreaterThanOrEqual(20);
        expect(Object.keys(FOUNDRY_EXPECTED).sort()).toEqual(FOUNDRY_BAD_CASES.map((c) => c.name).sort());
    });

    for (const c of FOUNDRY_BAD_CASES) {
        it(`${c.name}: exact messages, nothing registered`, async () => {
            const lines = FOUNDRY_EXPECTED[c.name];
            expect(lines.length).toBeGreaterThan(0);
            const run = await runStack(c.config, { today: "2026-11-21" });
            expect(run.error).toBeInstanceOf(ConfigValidationError);
            const error = run.error as ConfigValidationError;
            expect(error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(lines);
            expect(registered(run)).toEqual([]);
        });
    }

    it("reports every problem of several mistakes at once", () => {
        const all = FOUNDRY_BAD_CASES.filter((c) =>
            ["bad account name", "duplicate project names", "unknown content filter"].includes(c.name),
        );
        const foundry = {
            ...clone(),
            name: "-aimf",
            projects: [{ name: "chat" }, { name: "CHAT" }],
            deployments: [{ ...clone().deployments[1], contentFilter: "strickt" }],
        };
        const result = validateStackConfig({ foundry }, { today });
        expect(result.errors.map((i) => `${i.path}: ${i.message}`).sort()).toEqual(
            all.flatMap((c) => FOUNDRY_EXPECTED[c.name]).sort(),
        );
    });
});

describe("valid foundry config", () => {
    it("accepts a stack with only a Foundry resource, with the defaults filled in", () => {
        const result = validateStackConfig({ foundry: FOUNDRY_BASE }, { today });
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([]);
        const f = result.config!.foundry!;
        expect(result.config!.location).toBe("swedencentral");
        expect(f).toMatchObject({ publicNetworkAccess: "Disabled", disableLocalAuth: true, logRetentionDays: 30 });
        expect(f.deployments.map((d) => [d.name, d.offer?.name, d.version, d.raiPolicyName])).toEqual([
            ["mistral-large", "Mistral-Large-3", "1", "strict"],
            ["scout", "Llama-4-Scout-17B-16E-Instruct", "1", "Microsoft.DefaultV2"],
        ]);
    });

    it("matches model names case-insensitively and keeps a version that is given", () => {
        const foundry = {
            ...clone(),
            deployments: [
                { name: "llama", model: "llama-3.3-70b-instruct", sku: "GlobalStandard", capacity: 10, version: "3" },
            ],
        };
        const d = validateStackConfig({ foundry }, { today }).config!.foundry!.deployments[0];
        expect([d.offer?.name, d.offer?.format, d.version]).toEqual(["Llama-3.3-70B-Instruct", "Meta", "3"]);
    });

    it("warns when capacity is above the default quota, naming the quota to request", () => {
        const foundry = {
            ...clone(),
            deployments: [
                { name: "large-a", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 300 },
                { name: "large-b", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 500 },
            ],
        };
        const result = validateStackConfig({ foundry }, { today });
        expect(result.errors).toEqual([]);
        const quotaDoc =
            "MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/quotas-limits-content.md @01a83b28 (same table as @c06a3fa7)";
        expect(result.warnings).toEqual([
            {
                path: "azure-ai-models:foundry.deployments[1].capacity",
                message: `this deployment asks 500 capacity units (500,000 tokens per minute) of Mistral-Large-3 GlobalStandard in swedencentral; the default quota is 400 units (400,000 TPM, ${quotaDoc}): request a quota increase for Mistral-Large-3 GlobalStandard in swedencentral before deploying`,
            },
            {
                path: "azure-ai-models:foundry.deployments",
                message: `deployments large-a, large-b together ask 800 capacity units (800,000 tokens per minute) of Mistral-Large-3 GlobalStandard in swedencentral; the default quota is 400 units (400,000 TPM, ${quotaDoc}): request a quota increase for Mistral-Large-3 GlobalStandard in swedencentral before deploying`,
            },
        ]);
    });

    it("accepts a hub serverless deployment and a Foundry deployment of the same model in one stack", () => {
        const result = validateStackConfig(HUB_AND_FOUNDRY_MINISTRAL, { today });
        expect(result.errors).toEqual([]);
        expect(result.config!.location).toBe("eastus2");
        expect(result.config!.deployments[0].catalogModel.name).toBe("Ministral-3B");
        expect(result.config!.foundry!.deployments[0].offer?.name).toBe("Ministral-3B");
    });

    it("accepts a retired model with acceptRetired, as a warning", () => {
        const foundry = {
            ...clone(),
            deployments: [
                {
                    name: "ocr",
                    model: "mistral-document-ai-2505",
                    sku: "GlobalStandard",
                    capacity: 1,
                    acceptRetired: true,
                },
            ],
        };
        const result = validateStackConfig({ foundry }, { today });
        expect(result.errors).toEqual([]);
        expect(result.warnings.map((w) => w.message)).toEqual([
            expect.stringMatching(
                /^mistral-document-ai-2505 was retired on 2026-07-15: .* \(accepted by acceptRetired\)$/,
            ),
        ]);
    });
});
