/** ManagedOnlineEndpoint built directly: an Entra ID endpoint without traffic, and bad arguments refused. */
import { describe, expect, it } from "vitest";
import { ManagedOnlineEndpoint } from "../../infra/components";
import { argErrors, construct, registeredNames, resource, WORKSPACE_ID } from "./construct";

describe("ManagedOnlineEndpoint", () => {
    it("registers an online endpoint with AADToken auth, a system identity and no traffic", async () => {
        const c = await construct(
            () =>
                new ManagedOnlineEndpoint("mixtral", {
                    workspaceId: WORKSPACE_ID,
                    location: "eastus2",
                    endpointName: "mixtral",
                    contentSafety: true,
                }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual([
            "azure-ai-models:index:ManagedOnlineEndpoint mixtral",
            "azure-native:authorization:RoleAssignment mixtral-contentsafety-user",
            "azure-native:cognitiveservices:Account mixtral-contentsafety",
            "azure-native:machinelearningservices:OnlineEndpoint mixtral-endpoint",
            "random:index/randomString:RandomString mixtral-suffix",
        ]);
        const endpoint = resource(c, "azure-native:machinelearningservices:OnlineEndpoint").inputs;
        expect(endpoint).toMatchObject({
            identity: { type: "SystemAssigned" },
            properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" },
        });
        expect((endpoint.properties as Record<string, unknown>).traffic).toBeUndefined();
        expect(resource(c, "azure-native:cognitiveservices:Account").inputs).toMatchObject({
            kind: "ContentSafety",
            properties: { disableLocalAuth: true, publicNetworkAccess: "Disabled" },
        });
    });

    it("refuses a name with a double dash and an unknown auth mode, registering nothing", async () => {
        const c = await construct(
            () =>
                new ManagedOnlineEndpoint("mixtral", {
                    workspaceId: WORKSPACE_ID,
                    location: "eastus2",
                    endpointName: "mix--tral",
                    authMode: "Keys" as never,
                }),
        );
        expect(argErrors(c).errors).toEqual([
            {
                propertyPath: "endpointName",
                reason: `"mix--tral": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the online endpoint name "mix--tral-xxxxxx" breaks Azure's rule: 3-32 characters: letters, digits and single dashes, starting with a letter (unique in the region)`,
            },
            { propertyPath: "authMode", reason: '"Keys" is not allowed; allowed: AADToken, Key, AMLToken' },
        ]);
        expect(registeredNames(c)).toEqual([]);
    });
});
