import { describe, expect, it } from "vitest";
import { deprecatedModels } from "../../policies/rules/deprecatedModels";
import { endpoint, JAMBA_MINI, MINISTRAL_3B, PULUMI_UNKNOWN, res, verdict } from "./harness";

const RULE = deprecatedModels;
const SOURCE =
    "(MicrosoftDocs/azure-ai-docs articles/ai-foundry/concepts/model-lifecycle-retirement.md@00bb5540 (retirement schedule, Foundry Models sold by partners), 2026-07-07)";

describe("deprecated-models", () => {
    it("passes active models, and leaves retired ones to no-retired-models", () => {
        expect(
            verdict(RULE, {
                resources: [endpoint("m", MINISTRAL_3B), endpoint("j", JAMBA_MINI)],
                config: { today: "2025-08-01" },
            }),
        ).toEqual([]);
        expect(verdict(RULE, { resources: [endpoint("j", JAMBA_MINI)], config: { today: "2025-04-30" } })).toEqual([]);
    });

    it("warns about a legacy model and a deprecated one", () => {
        const legacy = verdict(RULE, { resources: [endpoint("j", JAMBA_MINI)], config: { today: "2025-05-01" } });
        expect(legacy).toEqual([
            `ServerlessEndpoint "j" uses AI21 Jamba 1.5 Mini (${JAMBA_MINI}), whose serverless offer is legacy since 2025-05-01 ` +
                `(new deployments are not recommended); it retires on 2025-08-01 ${SOURCE}. Microsoft names no replacement on Azure: deploy another model; reported stages: legacy and deprecated.`,
        ]);
        const deprecated = verdict(RULE, { resources: [endpoint("j", JAMBA_MINI)], config: { today: "2025-07-01" } });
        expect(deprecated[0]).toContain("is deprecated since 2025-07-01 (Azure accepts no new deployments)");
    });

    it("ignores other types and unknown model ids", () => {
        const resources = [res("azure-native:storage:StorageAccount", "s", {}), endpoint("u", PULUMI_UNKNOWN)];
        expect(verdict(RULE, { resources, config: { today: "2025-05-01" } })).toEqual([]);
    });

    it("follows its stages config", () => {
        expect(
            verdict(RULE, {
                resources: [endpoint("j", JAMBA_MINI)],
                config: { today: "2025-05-01", stages: ["deprecated"] },
            }),
        ).toEqual([]);
        expect(RULE.enforcementLevel).toBe("advisory");
    });
});
