/**
 * Bring your own workspace: a stack that adds deployments to a project another stack owns creates no hub, project
 * or workspace, and still subscribes (or not) and keeps one serverless deployment per model.
 */
import { describe, expect, it } from "vitest";
import { validateStackConfig } from "../../infra/config";
import { byName, output, registered, resourceSet, runStack } from "../helpers/stack";

const PROJECT_ID =
    "/subscriptions/2b1e0c4a-5d6f-4a8b-9c0d-1e2f3a4b5c6d/resourceGroups/rg-platform-ai/providers/Microsoft.MachineLearningServices/workspaces/chat-k3v9qz";
const WORKSPACE_TYPES = [
    "azure-native:machinelearningservices:Workspace",
    "azure-ai-models:index:AiWorkspace",
    "azure-ai-models:index:AiProject",
    "azure-native:resources:ResourceGroup",
];
const TODAY = new Date("2026-11-21T00:00:00Z");

describe("deployments into an existing project", () => {
    const config = {
        existingWorkspace: { id: PROJECT_ID, location: "eastus2" },
        deployments: [{ name: "team-chat", model: "Ministral-3B" }],
        onlineEndpoints: [
            {
                name: "team-llm",
                deployments: [{ name: "blue", model: "Mistral-7B-Instruct-v02", instanceType: "Standard_NC12s_v3" }],
            },
        ],
    };

    it("creates no hub, project, workspace or resource group: only the subscription and the endpoints", async () => {
        const run = await runStack(config);
        expect(run.error).toBeUndefined();
        expect(registered(run).filter((r) => WORKSPACE_TYPES.includes(r.type))).toEqual([]);
        expect(resourceSet(run)).toEqual(
            [
                "azure-ai-models:index:MarketplaceModelSubscription chat-k3v9qz-Ministral-3B",
                "azure-native:machinelearningservices:MarketplaceSubscription chat-k3v9qz-Ministral-3B-sub",
                "azure-ai-models:index:ServerlessModelEndpoint team-chat",
                "random:index/randomString:RandomString team-chat-suffix",
                "azure-native:machinelearningservices:ServerlessEndpoint team-chat-endpoint",
                "azure-ai-models:index:ManagedOnlineEndpoint team-llm",
                "random:index/randomString:RandomString team-llm-suffix",
                "azure-native:machinelearningservices:OnlineEndpoint team-llm-endpoint",
                "pulumi-nodejs:dynamic:EndpointTraffic team-llm-traffic",
                "azure-ai-models:index:ManagedModelDeployment team-llm-blue",
                "azure-native:machinelearningservices:OnlineDeployment team-llm-blue-deployment",
            ].sort(),
        );
    });

    it("targets the existing project by its resource group and name, and still depends on the subscription", async () => {
        const run = await runStack(config);
        const endpoint = byName(run, "team-chat-endpoint");
        const sub = byName(run, "chat-k3v9qz-Ministral-3B-sub");
        for (const r of [endpoint, sub, byName(run, "team-llm-endpoint"), byName(run, "team-llm-blue-deployment")]) {
            expect(r.inputs).toMatchObject({ resourceGroupName: "rg-platform-ai", workspaceName: "chat-k3v9qz" });
        }
        expect(endpoint.dependencies).toContain(sub.urn);
        expect(output(run, "workspace").value).toEqual({
            kind: "existing project",
            name: "chat-k3v9qz",
            id: PROJECT_ID,
            resourceGroupName: "rg-platform-ai",
            location: "eastus2",
            projects: {},
        });
    });

    it("leaves the Marketplace subscription to its owner when told it exists", async () => {
        const run = await runStack({
            existingWorkspace: { resourceGroupName: "rg-platform-ai", name: "chat-k3v9qz", location: "eastus2" },
            deployments: [{ name: "team-chat", model: "Ministral-3B", marketplaceSubscription: "existing" }],
        });
        expect(run.error).toBeUndefined();
        expect(resourceSet(run)).toEqual([
            "azure-ai-models:index:ServerlessModelEndpoint team-chat",
            "azure-native:machinelearningservices:ServerlessEndpoint team-chat-endpoint",
            "random:index/randomString:RandomString team-chat-suffix",
        ]);
        expect(run.warnings).toEqual([
            "azureml://registries/azureml-mistral/models/Ministral-3B is sold through Azure Marketplace: without marketplaceSubscriptionId the workspace must already be subscribed to its offer",
        ]);
    });

    it("still allows one serverless deployment per model, and no projects", () => {
        const r = validateStackConfig(
            {
                existingWorkspace: { id: PROJECT_ID, location: "eastus2" },
                deployments: [
                    { name: "a", model: "Ministral-3B" },
                    { name: "b", model: "Ministral-3B", project: "chat" },
                ],
            },
            { today: TODAY },
        );
        expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            'azure-ai-models:deployments[1].project: "chat": with azure-ai-models:existingWorkspace everything goes into that project or workspace; remove project',
            'azure-ai-models:deployments[1].model: Ministral-3B already has a serverless deployment in the existing workspace (deployments[0] "a"); Azure allows one per model per workspace/project: use another project for more capacity',
        ]);
    });

    it("checks the existing workspace's region and how it is named", () => {
        const r = validateStackConfig(
            {
                workspace: { name: "aim", location: "eastus2" },
                existingWorkspace: { name: "chat-k3v9qz", location: "westeurope" },
                deployments: [{ name: "a", model: "Ministral-3B" }],
            },
            { today: TODAY },
        );
        expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            "azure-ai-models:existingWorkspace: a stack either creates its workspace (azure-ai-models:workspace) or uses an existing one; remove one of them",
            "azure-ai-models:existingWorkspace: give the workspace's ARM id, or both resourceGroupName and name",
            'azure-ai-models:existingWorkspace.location: "westeurope" does not offer Ministral-3B as a serverless API (deployments[0]); regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3, swedencentral',
        ]);
        const badId = validateStackConfig(
            { existingWorkspace: { id: "/subscriptions/x/resourceGroups/rg/workspaces/w", location: "eastus2" } },
            { today: TODAY },
        );
        expect(badId.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            'azure-ai-models:existingWorkspace.id: "/subscriptions/x/resourceGroups/rg/workspaces/w" is not valid; expected an ARM id /subscriptions/<subscription GUID>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>',
        ]);
    });
});

describe("components pointed at an existing workspace", () => {
    it("take its ARM id instead of resource group and name", async () => {
        const { captureProgram } = await import("../../plan/run/capture");
        const { ServerlessModelEndpoint, MarketplaceModelSubscription } = await import("../../infra/components");
        const run = await captureProgram(
            () => {
                const sub = new MarketplaceModelSubscription("sub", {
                    workspaceId: PROJECT_ID,
                    modelId: "azureml://registries/azureml-mistral/models/Ministral-3B",
                });
                new ServerlessModelEndpoint("chat", {
                    workspaceId: PROJECT_ID,
                    endpointName: "chat",
                    modelId: "azureml://registries/azureml-mistral/models/Ministral-3B",
                    marketplaceSubscriptionId: sub.subscriptionId,
                });
                return {};
            },
            { project: "p", stack: "s", preview: false },
        );
        expect(run.error).toBeUndefined();
        for (const name of ["sub-sub", "chat-endpoint"]) {
            expect(byName(run, name).inputs).toMatchObject({
                resourceGroupName: "rg-platform-ai",
                workspaceName: "chat-k3v9qz",
            });
        }
        expect(registered(run).filter((r) => WORKSPACE_TYPES.includes(r.type))).toEqual([]);
    });

    it("say which properties are missing when no workspace is named, before registering anything", async () => {
        const { captureProgram } = await import("../../plan/run/capture");
        const { ServerlessModelEndpoint } = await import("../../infra/components");
        const run = await captureProgram(
            () =>
                new ServerlessModelEndpoint("chat", {
                    endpointName: "chat",
                    modelId: "azureml://registries/azureml-mistral/models/Ministral-3B",
                }),
            { project: "p", stack: "s", preview: false },
        );
        const pulumi = await import("@pulumi/pulumi");
        expect(pulumi.InputPropertiesError.isInstance(run.error)).toBe(true);
        expect((run.error as InstanceType<typeof pulumi.InputPropertiesError>).errors).toEqual([
            { propertyPath: "resourceGroupName", reason: "is required unless workspaceId is given" },
            { propertyPath: "workspaceName", reason: "is required unless workspaceId is given" },
        ]);
        expect(registered(run).filter((r) => r.custom)).toEqual([]);
    });
});
