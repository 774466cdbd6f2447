/** Bad managed-compute configs: exact, path-bearing messages, every problem at once, nothing registered. */
import { describe, expect, it } from "vitest";
import { ConfigValidationError, validateStackConfig } from "../../infra/config";
import { registered, runStack } from "../helpers/stack";
import { MANAGED_BASE, MANAGED_CASES, MANAGED_EXPECTED } from "./managedCases";

const TODAY = new Date("2026-11-21T00:00:00Z");

describe("bad managed-compute config", () => {
    it("covers at least 12 distinct mistakes", () => {
        expect(MANAGED_CASES.length).toBeGreaterThanOrEqual(12);
        expect(Object.keys(MANAGED_EXPECTED).sort()).toEqual(MANAGED_CASES.map((c) => c.name).sort());
    });

    it("accepts the base config the cases start from", () => {
        const r = validateStackConfig(MANAGED_BASE, { today: TODAY });
        expect(r.errors).toEqual([]);
        expect(r.config?.onlineEndpoints[0].traffic).toEqual({ blue: 100 });
        expect(r.config?.onlineEndpoints[0].deployments[0].modelId).toBe(
            "azureml://registries/azureml/models/mistralai-Mixtral-8x7B-Instruct-v01/versions/11",
        );
    });

    for (const c of MANAGED_CASES) {
        it(`${c.name}: exact messages, nothing registered`, async () => {
            // JSON round trip: config arrives as JSON, so keys set to undefined are absent, as in a stack file.
            const config = JSON.parse(JSON.stringify(c.config)) as Record<string, unknown>;
            const run = await runStack(config);
            expect(run.error).toBeInstanceOf(ConfigValidationError);
            expect((run.error as ConfigValidationError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual(
                MANAGED_EXPECTED[c.name],
            );
            expect(registered(run)).toEqual([]);
        });
    }

    it("turns an instance type outside the asset's list into a warning when allowed explicitly", () => {
        const config = JSON.parse(JSON.stringify(MANAGED_BASE)) as typeof MANAGED_BASE;
        Object.assign(config.onlineEndpoints[0].deployments[0], {
            instanceType: "Standard_NC24ads_A100_v4",
            allowInstanceType: true,
        });
        const r = validateStackConfig(config, { today: TODAY });
        expect(r.errors).toEqual([]);
        expect(r.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
            'azure-ai-models:onlineEndpoints[0].deployments[0].instanceType: "Standard_NC24ads_A100_v4" is not among the sizes mistralai-Mixtral-8x7B-Instruct-v01\'s asset allows: Standard_ND40rs_v2, Standard_NC96ads_A100_v4, Standard_ND96amsr_A100_v4, Standard_ND96asr_v4 (allowed by allowInstanceType)',
            "azure-ai-models:onlineEndpoints[0].deployments[0].instanceType: Standard_NC24ads_A100_v4 (24 vCPUs, 1 GPUs) is below mistralai-Mixtral-8x7B-Instruct-v01's minimum of 40 vCPUs and 4 GPUs",
        ]);
    });

    it("points a serverless deployment of type managed to onlineEndpoints", () => {
        const r = validateStackConfig(
            {
                workspace: MANAGED_BASE.workspace,
                deployments: [{ name: "m7b", model: "Mistral-7B-v01", project: "open", type: "managed" }],
            },
            { today: TODAY },
        );
        expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            "azure-ai-models:deployments[0].type: managed compute deployments live on online endpoints: configure mistralai-Mistral-7B-v01 under azure-ai-models:onlineEndpoints[].deployments",
        ]);
    });
});
