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
    it("passes traffic over its own deployments that sums to 100, and mirror within 50 to a dark deployment", () => {
        const resources = [
            online({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 20 } }),
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
            'OnlineEndpoint "scoring" properties.traffic["red"]: names no deployment of this endpoint (deployments: blue); Azure accepts only existing deployments. ' +
                "Set checkDeploymentNames to false if its deployments live in another stack.",
            'OnlineEndpoint "scoring" properties.traffic: must add up to 100, or be empty or all 0 to route nothing; got 70 (blue 50 + red 20).',
            'OnlineEndpoint "scoring" properties.mirrorTraffic: must add up to at most 50; got 60 (blue 60).',
            'OnlineEndpoint "scoring" properties.mirrorTraffic["blue"]: cannot mirror to a deployment that serves live traffic (traffic["blue"] is 50); set its traffic to 0 or stop mirroring to it.',
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
        const resources = [online({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 30 } })];
        const config = { checkDeploymentNames: false, maxMirrorPercent: 20 };
        expect(verdict(RULE, { resources, config })).toEqual([
            'OnlineEndpoint "scoring" properties.mirrorTraffic: must add up to at most 20; got 30 (green 30).',
        ]);
        expect(() => RULE.config({ maxMirrorPercent: 80 })).toThrow(
            "online-endpoint-traffic.maxMirrorPercent: 80 is above the maximum 50",
        );
    });
});
