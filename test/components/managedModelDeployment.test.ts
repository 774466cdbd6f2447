/** ManagedModelDeployment built directly: a deployment of a pinned model asset, and bad arguments refused. */
import { describe, expect, it } from "vitest";
import { ManagedModelDeployment } from "../../infra/components";
import { argErrors, construct, registeredNames, resource, WORKSPACE_ID } from "./construct";

const MODEL = "azureml://registries/azureml/models/mistralai-Mixtral-8x7B-Instruct-v01/versions/11";

describe("ManagedModelDeployment", () => {
    it("registers a managed deployment of the asset on the instance type", async () => {
        const c = await construct(
            () =>
                new ManagedModelDeployment("blue", {
                    workspaceId: WORKSPACE_ID,
                    location: "eastus2",
                    endpointName: "mixtral-abc123",
                    deploymentName: "blue",
                    model: MODEL,
                    instanceType: "Standard_ND96asr_v4",
                }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual([
            "azure-ai-models:index:ManagedModelDeployment blue",
            "azure-native:machinelearningservices:OnlineDeployment blue-deployment",
        ]);
        expect(resource(c, "azure-native:machinelearningservices:OnlineDeployment").inputs).toMatchObject({
            endpointName: "mixtral-abc123",
            deploymentName: "blue",
            properties: { endpointComputeType: "Managed", model: MODEL, instanceType: "Standard_ND96asr_v4" },
        });
    });

    it("closes the container's public egress by default and opens it only when asked", async () => {
        const at = {
            workspaceId: WORKSPACE_ID,
            location: "eastus2",
            endpointName: "mixtral-abc123",
            deploymentName: "blue",
            model: MODEL,
            instanceType: "Standard_ND96asr_v4",
        };
        const closed = await construct(() => new ManagedModelDeployment("blue", at));
        const open = await construct(
            () => new ManagedModelDeployment("blue", { ...at, egressPublicNetworkAccess: "Enabled" }),
        );
        const egress = (c: typeof closed) =>
            (
                resource(c, "azure-native:machinelearningservices:OnlineDeployment").inputs.properties as {
                    egressPublicNetworkAccess?: string;
                }
            ).egressPublicNetworkAccess;
        expect(egress(closed)).toBe("Disabled");
        expect(egress(open)).toBe("Enabled");
        const bad = await construct(
            () => new ManagedModelDeployment("blue", { ...at, egressPublicNetworkAccess: "Open" as never }),
        );
        expect(argErrors(bad).message).toContain(
            'egressPublicNetworkAccess: "Open" is not allowed; allowed: Enabled, Disabled',
        );
        expect(registeredNames(bad)).toEqual([]);
    });

    it("refuses an unpinned model, a bad VM size and an instance count over 100, registering nothing", async () => {
        const c = await construct(
            () =>
                new ManagedModelDeployment("blue", {
                    workspaceId: WORKSPACE_ID,
                    location: "eastus2",
                    endpointName: "mixtral-abc123",
                    deploymentName: "blue",
                    model: "azureml://registries/azureml/models/mistralai-Mixtral-8x7B-Instruct-v01",
                    instanceType: "ND96asr_v4",
                    instanceCount: 101,
                }),
        );
        expect(argErrors(c).errors.map((e) => e.propertyPath)).toEqual(["model", "instanceType", "instanceCount"]);
        expect(registeredNames(c)).toEqual([]);
    });
});
