import { describe, expect, it } from "vitest";
import { managedComputeCostGuard } from "../../policies/rules/managedComputeCostGuard";
import { deployment, endpoint, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, verdict } from "./harness";

const RULE = managedComputeCostGuard;
const SIZES =
    "Standard_NC12s_v3, Standard_NC24s_v3, Standard_NC96ads_A100_v4, Standard_ND40rs_v2, Standard_ND96amsr_A100_v4 and Standard_ND96asr_v4";

describe("managed-compute-cost-guard", () => {
    it("passes a catalog VM size within the instance bounds", () => {
        expect(verdict(RULE, { resources: [deployment("blue", { instanceType: "standard_nc12s_v3" })] })).toEqual([]);
    });

    it("reports a VM size off the list and too many instances", () => {
        const resources = [
            deployment(
                "blue",
                {
                    instanceType: "Standard_NC24ads_A100_v4",
                    scaleSettings: { scaleType: "TargetUtilization", minInstances: 1, maxInstances: 8 },
                },
                { sku: { name: "Default", capacity: 3 } },
            ),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            `OnlineDeployment "blue" uses instance type "Standard_NC24ads_A100_v4", which is not allowed; allowed: ${SIZES}. ` +
                "Pick one of them, or add it to managed-compute-cost-guard allowedInstanceTypes.",
            'OnlineDeployment "blue" sets sku.capacity to 3; allowed: 1 to 2 instances. Set it within those bounds, or change managed-compute-cost-guard minInstances/maxInstances.',
            'OnlineDeployment "blue" sets properties.scaleSettings.maxInstances to 8; allowed: 1 to 2 instances. Set it within those bounds, or change managed-compute-cost-guard minInstances/maxInstances.',
        ]);
    });

    it("ignores other resource types", () => {
        expect(
            verdict(RULE, {
                resources: [endpoint("chat", MISTRAL_LARGE_2411, { sku: { name: "Consumption", capacity: 99 } })],
            }),
        ).toEqual([]);
    });

    it("does not judge unknown sizes or counts", () => {
        expect(
            verdict(RULE, {
                resources: [
                    deployment(
                        "blue",
                        { instanceType: PULUMI_UNKNOWN },
                        { sku: { name: "Default", capacity: "[unknown]" } },
                    ),
                ],
            }),
        ).toEqual([]);
    });

    it("follows its config", () => {
        const resources = [
            deployment("blue", { instanceType: "Standard_NC24ads_A100_v4" }, { sku: { name: "Default", capacity: 4 } }),
        ];
        expect(
            verdict(RULE, {
                resources,
                config: { allowedInstanceTypes: ["Standard_NC24ads_A100_v4"], maxInstances: 4 },
            }),
        ).toEqual([]);
    });
});
