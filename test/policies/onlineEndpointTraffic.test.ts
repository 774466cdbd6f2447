import { describe, expect, it } from "vitest";
import { onlineEndpointTraffic } from "../../policies/rules/onlineEndpointTraffic";
import { deployment, PULUMI_UNKNOWN, res, verdict } from "./harness";

const RULE = onlineEndpointTraffic;
const online = (properties: Record<string, unknown>, name = "scoring") =>
    res("OnlineEndpoint", name, {
        resourceGroupName: "rg-ai",
        workspaceName: "hub",
        endpointName: name,
        location: "eastus2",
        properties: { authMode: "AADToken", ...properties },
    });

describe("online-endpoint-traffic", () => {
    it("passes traffic over its own deployments that sums to 100, and mirror within 50", () => {
        const resources = [
            online({ traffic: { blue: 90, green: 10 }, mirrorTraffic: { green: 20 } }),
            deployment("blue", {}),
            deployment("green", {}),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("reports a split that does not sum to 100, unknown deployment names and too much mirroring", () => {
        const resources = [
            online({ traffic: { blue: 50, red: 20 }, mirrorTraffic: { blue: 60 } }),
            deployment("blue", {}),
            deployment("other", {}, { endpointName: "other-endpoint" }),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            'OnlineEndpoint "scoring" splits properties.traffic as {"blue":50,"red":20}, which sums to 70; it must sum to 100. Adjust the percentages so they add up to 100.',
            'OnlineEndpoint "scoring" sends traffic to "red", which is not a deployment of this endpoint (its deployments: "blue"); Azure accepts only existing deployments. ' +
                "Name one of its deployments, or set checkDeploymentNames to false if they live in another stack.",
            'OnlineEndpoint "scoring" mirrors 60% of traffic to "blue"; at most 50% is allowed. Lower properties.mirrorTraffic["blue"] to 50 or less.',
        ]);
    });

    it("ignores other resource types and endpoints without traffic", () => {
        expect(
            verdict(RULE, {
                resources: [
                    online({}),
                    deployment("blue", {}),
                    res("azure-native:storage:StorageAccount", "s", { properties: { traffic: { a: 1 } } }),
                ],
            }),
        ).toEqual([]);
    });

    it("does not judge unknown percentages or deployment names", () => {
        const resources = [
            online({ traffic: { blue: PULUMI_UNKNOWN, green: 10 } }),
            online({ traffic: { blue: 100 } }, "second"),
            deployment("blue", {}, { endpointName: "second", deploymentName: "[unknown]" }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("follows its config", () => {
        const resources = [online({ traffic: { blue: 100 }, mirrorTraffic: { blue: 30 } })];
        const config = { checkDeploymentNames: false, maxMirrorPercent: 20 };
        expect(verdict(RULE, { resources, config })).toEqual([
            'OnlineEndpoint "scoring" mirrors 30% of traffic to "blue"; at most 20% is allowed. Lower properties.mirrorTraffic["blue"] to 20 or less.',
        ]);
        expect(() => RULE.config({ maxMirrorPercent: 80 })).toThrow(
            "online-endpoint-traffic.maxMirrorPercent: 80 is above the maximum 50",
        );
    });
});
