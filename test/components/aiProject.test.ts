/** AiProject built directly: a Project workspace under its hub, and bad plain arguments refused at once. */
import { describe, expect, it } from "vitest";
import { AiProject } from "../../infra/components";
import { argErrors, construct, registeredNames, resource, WORKSPACE_ID } from "./construct";

describe("AiProject", () => {
    it("registers a workspace of kind Project that references its hub", async () => {
        const c = await construct(
            () =>
                new AiProject("chat", {
                    hubResourceId: WORKSPACE_ID,
                    resourceGroupName: "rg-ai",
                    location: "eastus2",
                    projectName: "chat",
                }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual([
            "azure-ai-models:index:AiProject chat",
            "azure-native:machinelearningservices:Workspace chat-ws",
            "random:index/randomString:RandomString chat-suffix",
        ]);
        expect(resource(c, "azure-native:machinelearningservices:Workspace").inputs).toMatchObject({
            kind: "Project",
            hubResourceId: WORKSPACE_ID,
            friendlyName: "chat",
        });
    });

    it("refuses a bad project name and location together, registering nothing", async () => {
        const c = await construct(
            () =>
                new AiProject("chat", {
                    hubResourceId: WORKSPACE_ID,
                    resourceGroupName: "rg-ai",
                    location: "",
                    projectName: "-chat",
                }),
        );
        expect(argErrors(c).message).toBe(
            "AiProject chat: invalid arguments:\n" +
                `projectName: "-chat": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the Machine Learning workspace name "-chat-xxxxxx" breaks Azure's rule: 3-33 characters: letters, digits, '_' and '-', starting with a letter or digit (unique in the resource group)\n` +
                'location: "" is not valid; expected an Azure region name such as eastus2',
        );
        expect(registeredNames(c)).toEqual([]);
    });
});
