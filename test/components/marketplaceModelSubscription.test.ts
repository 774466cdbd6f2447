/** MarketplaceModelSubscription built directly: the subscription to a partner offer, and a bad model id refused. */
import { describe, expect, it } from "vitest";
import { MarketplaceModelSubscription } from "../../infra/components";
import { argErrors, construct, registeredNames, resource, WORKSPACE_ID } from "./construct";

const MODEL = "azureml://registries/azureml-mistral/models/Ministral-3B";

describe("MarketplaceModelSubscription", () => {
    it("subscribes the workspace to the model's offer", async () => {
        const c = await construct(
            () => new MarketplaceModelSubscription("sub", { workspaceId: WORKSPACE_ID, modelId: MODEL }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual([
            "azure-ai-models:index:MarketplaceModelSubscription sub",
            "azure-native:machinelearningservices:MarketplaceSubscription sub-sub",
        ]);
        expect(resource(c, "azure-native:machinelearningservices:MarketplaceSubscription").inputs).toMatchObject({
            resourceGroupName: "rg-ai",
            workspaceName: "hub-abc123",
            name: "Ministral-3B",
            properties: { modelId: MODEL },
        });
    });

    it("refuses a versioned model id, registering nothing", async () => {
        const c = await construct(
            () =>
                new MarketplaceModelSubscription("sub", { workspaceId: WORKSPACE_ID, modelId: `${MODEL}/versions/1` }),
        );
        expect(argErrors(c).errors).toEqual([
            {
                propertyPath: "modelId",
                reason: `"${MODEL}/versions/1" is not valid; expected a serverless model id azureml://registries/<registry>/models/<name> (no version)`,
            },
        ]);
        expect(registeredNames(c)).toEqual([]);
    });
});
