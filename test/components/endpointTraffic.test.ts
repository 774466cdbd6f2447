/** EndpointTraffic built directly: bad plain splits refused by the shared traffic rule before registering. */
import { describe, expect, it } from "vitest";
import { EndpointTraffic } from "../../infra/components";
import { argErrors, construct, registeredNames } from "./construct";

const WHERE = {
    subscriptionId: "00000000-0000-0000-0000-000000000000",
    resourceGroupName: "rg-ai",
    workspaceName: "hub-abc123",
    endpointName: "mixtral-abc123",
};

describe("EndpointTraffic", () => {
    it("registers one dynamic resource for a valid split", async () => {
        const c = await construct(() => new EndpointTraffic("traffic", { ...WHERE, traffic: { blue: 100 } }));
        expect(c.error).toBeUndefined();
        expect(registeredNames(c)).toEqual(["pulumi-nodejs:dynamic:EndpointTraffic traffic"]);
    });

    it("refuses a split that does not add up and a mirror to a live deployment, registering nothing", async () => {
        const c = await construct(
            () =>
                new EndpointTraffic("traffic", {
                    ...WHERE,
                    traffic: { blue: 90, green: 5 },
                    mirrorTraffic: { green: 10 },
                }),
        );
        expect(argErrors(c).errors).toEqual([
            {
                propertyPath: "traffic",
                reason: "must add up to 100, or be empty or all 0 to route nothing; got 95 (blue 90 + green 5)",
            },
            {
                propertyPath: 'mirrorTraffic["green"]',
                reason: 'cannot mirror to a deployment that serves live traffic (traffic["green"] is 5); set its traffic to 0 or stop mirroring to it',
            },
        ]);
        expect(registeredNames(c)).toEqual([]);
    });
});
