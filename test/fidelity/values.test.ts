/**
 * Values checked for what they mean, not only their shape: real dates, tag names Azure accepts, a GUID as the
 * subscription of an ARM id, `__proto__` reported like any unknown key, and long values cut in messages.
 */
import { describe, expect, it } from "vitest";
import { namespaceValues, validateStackConfig } from "../../infra/config";
import { configuredToday } from "../../infra/util/clock";
import { parseDay } from "../../plan/cli/options";
import { toPulumiConfig } from "../helpers/stack";

const TODAY = new Date("2026-11-21T00:00:00Z");
const errorsOf = (config: Record<string, unknown>) =>
    validateStackConfig(config, { today: TODAY }).errors.map((e) => `${e.path}: ${e.message}`);
const WS = { name: "aim", location: "eastus2", kind: "workspace" };
const VALID_KEYS = "workspace, existingWorkspace, deployments, customModels, onlineEndpoints, foundry";

describe("values", () => {
    it("refuses lifecycle dates that are not real days", () => {
        const custom = {
            name: "my-model",
            modelId: "azureml://registries/azureml-mistral/models/My-Model",
            regions: ["eastus2"],
            source: "https://example.com/card",
            lifecycle: { deprecated: "2026-13-45", retired: "2027-02-30", legacy: "2026-02-28" },
        };
        expect(errorsOf({ workspace: WS, customModels: [custom] })).toEqual([
            'azure-ai-models:customModels[0].lifecycle.deprecated: "2026-13-45": is not a real date; expected YYYY-MM-DD',
            'azure-ai-models:customModels[0].lifecycle.retired: "2027-02-30": is not a real date; expected YYYY-MM-DD',
        ]);
    });

    it("--today and AZURE_AI_MODELS_TODAY refuse days that do not exist", () => {
        expect(parseDay("2026-02-30")).toBeUndefined();
        expect(parseDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
        expect(() => configuredToday({ AZURE_AI_MODELS_TODAY: "2026-13-45" })).toThrow(
            'AZURE_AI_MODELS_TODAY="2026-13-45" is not a date; expected YYYY-MM-DD',
        );
    });

    it("refuses tag names with characters Azure forbids", () => {
        const tags = {
            "cost<center": "1",
            "a/b": "2",
            "ok-tag": "3",
            "50%": "4",
            "x&y": "5",
            "a\\b": "6",
            "why?": "7",
        };
        expect(errorsOf({ workspace: { ...WS, tags } })).toEqual(
            ["cost<center", "a/b", "50%", "x&y", "a\\b", "why?"].map(
                (k) =>
                    `azure-ai-models:workspace.tags.${k}: ${JSON.stringify(k)}: is not a valid tag name: Azure forbids < > % & \\ ? / in tag names`,
            ),
        );
    });

    it("an ARM id's subscription must be a GUID", () => {
        const id = "/subscriptions/my-sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w";
        expect(errorsOf({ existingWorkspace: { id, location: "eastus2" } })).toEqual([
            `azure-ai-models:existingWorkspace.id: ${JSON.stringify(id)} is not valid; expected an ARM id /subscriptions/<subscription GUID>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>`,
        ]);
        const good = id.replace("my-sub", "00000000-0000-0000-0000-000000000000");
        expect(errorsOf({ existingWorkspace: { id: good, location: "eastus2" } })).toEqual([]);
    });

    it("reports a top-level __proto__ key like any other unknown key", () => {
        const raw = namespaceValues({
            ...toPulumiConfig({ workspace: WS }),
            "azure-ai-models:__proto__": JSON.stringify({ deployments: [] }),
        });
        expect(errorsOf(raw)).toEqual([
            `azure-ai-models:__proto__: unknown key "__proto__"; valid keys here: ${VALID_KEYS}`,
        ]);
    });

    it("cuts long values in messages: 200 characters and the length", () => {
        const description = "d".repeat(100_000);
        const errors = errorsOf({ workspace: { ...WS, description } });
        expect(errors).toEqual([
            `azure-ai-models:workspace.description: "${"d".repeat(200)}"… (100000 chars) is out of range; expected at most 1024 characters`,
        ]);
        const key = "k".repeat(5000);
        expect(errorsOf({ workspace: WS, [key]: 1 })).toEqual([
            `azure-ai-models:${"k".repeat(200)}… (5000 chars): unknown key "${"k".repeat(200)}"… (5000 chars); valid keys here: ${VALID_KEYS}`,
        ]);
    });
});
