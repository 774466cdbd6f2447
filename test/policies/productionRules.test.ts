/**
 * The advisory rules for stacks the policy config marks as production: preview-models-in-production (a Foundry
 * deployment of a model the catalog records as Preview) and foundry-no-auto-upgrade (versionUpgradeOption must be
 * NoAutoUpgrade). Each: nothing judged outside production, the compliant case, the exact message, an exemption,
 * another resource type, and a value unknown at preview never counted as a violation.
 */
import { describe, expect, it } from "vitest";
import { findModel } from "../../infra/catalog";
import { foundryNoAutoUpgrade } from "../../policies/rules/foundryNoAutoUpgrade";
import { previewModelsInProduction } from "../../policies/rules/previewModelsInProduction";
import { LLAMA_MAVERICK, MISTRAL_LARGE_3, PULUMI_UNKNOWN, foundryAccount, foundryDeployment, verdict } from "./harness";

const PRODUCTION = { production: true };

/** A deployment with this versionUpgradeOption (its properties, as Azure takes them). */
const upgrading = (name: string, model: Record<string, unknown>, option: string) =>
    foundryDeployment(name, model, {
        properties: { model, raiPolicyName: "Microsoft.DefaultV2", versionUpgradeOption: option },
    });
const MODELS_PAGE =
    "MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/models-azure-direct-others.md @07a330ef and @0378dd85, 2026-10-05";

describe("the catalog's release stages", () => {
    it("records Mistral-Large-3 as Preview from the models page of 2026-10-05, the others as GA from the schedule", () => {
        const large = findModel("Mistral-Large-3")!.foundry!;
        expect(large.stage.stage).toBe("preview");
        expect(large.stage.source).toMatchObject({ date: "2026-10-05" });
        expect(findModel("Llama-4-Maverick-17B-128E-Instruct-FP8")!.foundry!.stage).toMatchObject({
            stage: "GA",
            source: { date: "2026-07-07" },
        });
    });
});

describe("preview-models-in-production", () => {
    it("judges nothing outside production", () => {
        expect(
            verdict(previewModelsInProduction, { resources: [foundryDeployment("large", MISTRAL_LARGE_3)] }),
        ).toEqual([]);
    });

    it("flags a preview model in production, with its source, and passes a GA one", () => {
        const resources = [foundryDeployment("large", MISTRAL_LARGE_3), foundryDeployment("maverick", LLAMA_MAVERICK)];
        expect(verdict(previewModelsInProduction, { resources, config: PRODUCTION })).toEqual([
            `cognitiveservices.Deployment "large" deploys "Mistral AI" Mistral-Large-3 version 1, which is in preview (${MODELS_PAGE}), in a stack marked as production. ` +
                "Deploy a generally available model, or exempt the deployment in the preview-models-in-production config (exemptDeployments).",
        ]);
    });

    it("skips exempt deployments, models outside the catalog, an unknown model and other resource types", () => {
        const resources = [
            foundryDeployment("large", MISTRAL_LARGE_3),
            foundryDeployment("gpt", { format: "OpenAI", name: "gpt-5.4-mini", version: "2026-03-17" }),
            foundryDeployment("later", { format: "Mistral AI", name: PULUMI_UNKNOWN }),
            foundryAccount("foundry"),
        ];
        const config = { ...PRODUCTION, exemptDeployments: ["lar*"] };
        expect(verdict(previewModelsInProduction, { resources, config })).toEqual([]);
    });
});

describe("foundry-no-auto-upgrade", () => {
    it("judges nothing outside production", () => {
        expect(verdict(foundryNoAutoUpgrade, { resources: [foundryDeployment("large", MISTRAL_LARGE_3)] })).toEqual([]);
    });

    it("passes NoAutoUpgrade and flags an unset or other option in production", () => {
        const resources = [
            upgrading("pinned", MISTRAL_LARGE_3, "NoAutoUpgrade"),
            foundryDeployment("unset", LLAMA_MAVERICK),
            upgrading("moving", LLAMA_MAVERICK, "OnceNewDefaultVersionAvailable"),
        ];
        expect(verdict(foundryNoAutoUpgrade, { resources, config: PRODUCTION })).toEqual([
            'cognitiveservices.Deployment "unset" ("Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1) leaves properties.versionUpgradeOption unset (Azure\'s default: OnceNewDefaultVersionAvailable) in a stack marked as production, so Azure may move it to a new model version on its own. ' +
                'Set properties.versionUpgradeOption to "NoAutoUpgrade", or exempt the deployment in the foundry-no-auto-upgrade config (exemptDeployments).',
            'cognitiveservices.Deployment "moving" ("Meta" Llama-4-Maverick-17B-128E-Instruct-FP8 version 1) sets properties.versionUpgradeOption to "OnceNewDefaultVersionAvailable" in a stack marked as production, so Azure may move it to a new model version on its own. ' +
                'Set properties.versionUpgradeOption to "NoAutoUpgrade", or exempt the deployment in the foundry-no-auto-upgrade config (exemptDeployments).',
        ]);
    });

    it("never counts a value unknown at preview, an exempt deployment or another resource type", () => {
        const resources = [
            upgrading("later", LLAMA_MAVERICK, PULUMI_UNKNOWN),
            foundryDeployment("exempt", LLAMA_MAVERICK),
            foundryAccount("foundry"),
        ];
        const config = { ...PRODUCTION, exemptDeployments: ["exempt"] };
        expect(verdict(foundryNoAutoUpgrade, { resources, config })).toEqual([]);
    });
});
