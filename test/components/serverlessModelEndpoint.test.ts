/** ServerlessModelEndpoint built directly: a Consumption endpoint with keys as secrets, and bad arguments refused. */
import { describe, expect, it } from "vitest";
import { ServerlessModelEndpoint } from "../../infra/components";
import { argErrors, construct, registeredNames, resource, WORKSPACE_ID } from "./construct";

const MODEL = "azureml://registries/azureml-mistral/models/Ministral-3B";

describe("ServerlessModelEndpoint", () => {
    it("registers a Consumption endpoint with content safety and key auth", async () => {
        const c = await construct(
            () =>
                new ServerlessModelEndpoint("chat", {
                    workspaceId: WORKSPACE_ID,
                    endpointName: "chat",
                    modelId: MODEL,
                }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual([
            "azure-ai-models:index:ServerlessModelEndpoint chat",
            "azure-native:machinelearningservices:ServerlessEndpoint chat-endpoint",
            "random:index/randomString:RandomString chat-suffix",
        ]);
        const endpoint = resource(c, "azure-native:machinelearningservices:ServerlessEndpoint");
        expect(endpoint.inputs).toMatchObject({
            sku: { name: "Consumption" },
            properties: {
                authMode: "Key",
                modelSettings: { modelId: MODEL },
                contentSafety: { contentSafetyStatus: "Enabled" },
            },
        });
        expect(endpoint.options.deleteBeforeReplace).toBe(true);
    });

    it("refuses a name over the budget, an unknown auth mode and a bad model id, all at once", async () => {
        const c = await construct(
            () =>
                new ServerlessModelEndpoint("chat", {
                    workspaceId: WORKSPACE_ID,
                    endpointName: "9chat",
                    modelId: "Ministral-3B",
                    authMode: "Token" as never,
                }),
        );
        expect(argErrors(c).errors.map((e) => e.propertyPath)).toEqual(["endpointName", "modelId", "authMode"]);
        expect(registeredNames(c)).toEqual([]);
    });
});
