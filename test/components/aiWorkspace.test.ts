/** AiWorkspace built directly: what it registers, and every bad plain argument refused at once. */
import { describe, expect, it } from "vitest";
import { AiWorkspace } from "../../infra/components";
import { argErrors, construct, registeredNames, resource } from "./construct";

describe("AiWorkspace", () => {
    it("registers the hub and its dependencies with secure defaults", async () => {
        const c = await construct(
            () =>
                new AiWorkspace("hub", {
                    workspaceName: "aimodels",
                    location: "eastus2",
                    accessManagedElsewhere: true,
                    principals: [{ principalId: "00000000-0000-0000-0000-000000000001" }],
                }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual([
            "azure-ai-models:index:AiWorkspace hub",
            "azure-native:applicationinsights:Component hub-appi",
            "azure-native:authorization:RoleAssignment hub-aidev-00000000-0000-0000-0000-000000000001",
            "azure-native:keyvault:Vault hub-kv",
            "azure-native:machinelearningservices:Workspace hub-ws",
            "azure-native:operationalinsights:Workspace hub-log",
            "azure-native:resources:ResourceGroup hub-rg",
            "azure-native:storage:StorageAccount hub-st",
            "random:index/randomString:RandomString hub-suffix",
        ]);
        const ws = resource(c, "azure-native:machinelearningservices:Workspace").inputs;
        expect(ws).toMatchObject({
            kind: "Hub",
            publicNetworkAccess: "Disabled",
            managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
            identity: { type: "SystemAssigned" },
        });
    });

    it("refuses shared keys on the hub's storage and reads its datastores with the identity, unless keys are asked for", async () => {
        const at = { workspaceName: "aimodels", location: "eastus2", accessManagedElsewhere: true };
        const closed = await construct(() => new AiWorkspace("hub", at));
        expect(closed.error).toBeUndefined();
        expect(resource(closed, "azure-native:storage:StorageAccount").inputs).toMatchObject({
            allowSharedKeyAccess: false,
            allowBlobPublicAccess: false,
        });
        expect(resource(closed, "azure-native:machinelearningservices:Workspace").inputs.systemDatastoresAuthMode).toBe(
            "Identity",
        );
        const keys = await construct(() => new AiWorkspace("hub", { ...at, storageSharedKeyAccess: true }));
        expect(resource(keys, "azure-native:storage:StorageAccount").inputs.allowSharedKeyAccess).toBe(true);
        const ws = resource(keys, "azure-native:machinelearningservices:Workspace").inputs;
        expect(ws).not.toHaveProperty("systemDatastoresAuthMode");
        const bad = await construct(() => new AiWorkspace("hub", { ...at, storageSharedKeyAccess: "yes" as never }));
        expect(argErrors(bad).errors.map((e) => e.propertyPath)).toEqual(["storageSharedKeyAccess"]);
        expect(registeredNames(bad)).toEqual([]);
    });

    const HUB_WITHOUT_GROUP = [
        "azure-ai-models:index:AiWorkspace hub",
        "azure-native:applicationinsights:Component hub-appi",
        "azure-native:keyvault:Vault hub-kv",
        "azure-native:machinelearningservices:Workspace hub-ws",
        "azure-native:operationalinsights:Workspace hub-log",
        "azure-native:storage:StorageAccount hub-st",
        "random:index/randomString:RandomString hub-suffix",
    ];

    it("uses a resource group given by name and plans none: destroying the hub cannot delete the caller's group", async () => {
        const c = await construct(
            () =>
                new AiWorkspace("hub", {
                    workspaceName: "aimodels",
                    location: "eastus2",
                    accessManagedElsewhere: true,
                    resourceGroupName: "rg-team",
                }),
        );
        expect(c.error).toBeUndefined();
        expect(registeredNames(c).sort()).toEqual(HUB_WITHOUT_GROUP);
        expect(resource(c, "azure-native:machinelearningservices:Workspace").inputs.resourceGroupName).toBe("rg-team");
        expect(resource(c, "azure-native:storage:StorageAccount").inputs.resourceGroupName).toBe("rg-team");
    });

    it("creates the named group only when createResourceGroup says so, under the child name it always had", async () => {
        const c = await construct(
            () =>
                new AiWorkspace("hub", {
                    workspaceName: "aimodels",
                    location: "eastus2",
                    accessManagedElsewhere: true,
                    resourceGroupName: "rg-team",
                    createResourceGroup: true,
                }),
        );
        expect(registeredNames(c).sort()).toEqual(
            [...HUB_WITHOUT_GROUP, "azure-native:resources:ResourceGroup hub-rg"].sort(),
        );
        expect(resource(c, "azure-native:resources:ResourceGroup").inputs).toMatchObject({
            resourceGroupName: "rg-team",
            location: "eastus2",
        });
        const none = await construct(
            () =>
                new AiWorkspace("hub", {
                    workspaceName: "aimodels",
                    location: "eastus2",
                    accessManagedElsewhere: true,
                    createResourceGroup: false,
                }),
        );
        expect(registeredNames(none).sort()).toEqual(HUB_WITHOUT_GROUP);
        expect(resource(none, "azure-native:machinelearningservices:Workspace").inputs.resourceGroupName).toBe(
            "rg-aimodels",
        );
    });

    it("refuses bad plain arguments, listing every one, and registers nothing", async () => {
        const c = await construct(
            () =>
                new AiWorkspace("hub", {
                    // Azure's workspace rule allows '_'; the Log Analytics workspace derived from it does not.
                    workspaceName: "my_hub",
                    location: "east us 2!",
                    accessManagedElsewhere: true,
                    kind: "Project" as never,
                    logRetentionDays: 7,
                    aiDevelopers: [{ principalId: "me" }],
                }),
        );
        const { message, errors } = argErrors(c);
        expect(errors.map((e) => e.propertyPath)).toEqual([
            "kind",
            "workspaceName",
            "location",
            "logRetentionDays",
            "aiDevelopers[0].principalId",
        ]);
        expect(message).toContain("AiWorkspace hub: invalid arguments:");
        expect(message).toContain('kind: "Project" is not allowed; allowed: Hub, Default');
        expect(message).toContain("logRetentionDays: 7 is out of range; expected at least 30");
        expect(registeredNames(c)).toEqual([]);
    });

    it("refuses a hub closed to the public with no way in, registering nothing; builds it when access is managed elsewhere", async () => {
        const closed = await construct(
            () => new AiWorkspace("hub", { workspaceName: "aimodels", location: "eastus2" }),
        );
        const { message, errors } = argErrors(closed);
        expect(errors.map((e) => e.propertyPath)).toEqual(["publicNetworkAccess"]);
        expect(message).toBe(
            'AiWorkspace hub: invalid arguments:\npublicNetworkAccess: is closed to every client: publicNetworkAccess is "Disabled" (the default) and no way in is planned, so nothing could call it after deployment. Put a private endpoint on it (a PrivateAccess with it as a target) and set accessManagedElsewhere: true, set accessManagedElsewhere: true if another team provides the way in, or open it deliberately for development (publicNetworkAccess: Enabled); see docs/networking.md',
        );
        expect(registeredNames(closed)).toEqual([]);
        const elsewhere = await construct(
            () =>
                new AiWorkspace("hub", {
                    workspaceName: "aimodels",
                    location: "eastus2",
                    accessManagedElsewhere: true,
                }),
        );
        expect(elsewhere.error).toBeUndefined();
        expect(resource(elsewhere, "azure-native:machinelearningservices:Workspace").inputs.publicNetworkAccess).toBe(
            "Disabled",
        );
        const open = await construct(
            () =>
                new AiWorkspace("hub", {
                    workspaceName: "aimodels",
                    location: "eastus2",
                    publicNetworkAccess: "Enabled",
                }),
        );
        expect(open.error).toBeUndefined();
    });
});
