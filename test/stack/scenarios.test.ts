/**
 * The stack program under mocks, for the scenarios the foundation promises: minimal; every serverless family of
 * the seeds on a classic workspace; a locked-down hub with several projects, RBAC and managed network.
 * Mocks cannot prove Azure accepts these inputs; they prove what the program asks the engine for.
 */
import { describe, expect, it } from "vitest";
import { AZURE_AI_DEVELOPER } from "../../infra/catalog";
import { deterministicGuid } from "../../infra/components/names";
import { MOCK_SUBSCRIPTION_ID } from "../../plan/run/mocks";
import { SECRET } from "../../plan/run/types";
import { byName, output, registered, resourceSet, runStack } from "../helpers/stack";
import { SEED_SERVERLESS_MODELS } from "../../bench/seedModels";

const ENDPOINT = "azure-native:machinelearningservices:ServerlessEndpoint";
const INFERENCE_SDK_NOTE =
    "Azure AI Inference API: its SDK retired on 2026-08-26; new clients use client.baseURL with the openai package";
const SUBSCRIPTION = "azure-native:machinelearningservices:MarketplaceSubscription";

/** The resources every hub or workspace brings, for a component named `name` (no container registry). */
function workspaceResources(name: string, { resourceGroup = true } = {}): string[] {
    return [
        `azure-ai-models:index:AiWorkspace ${name}`,
        `random:index/randomString:RandomString ${name}-suffix`,
        ...(resourceGroup ? [`azure-native:resources:ResourceGroup ${name}-rg`] : []),
        `azure-native:storage:StorageAccount ${name}-st`,
        `azure-native:keyvault:Vault ${name}-kv`,
        `azure-native:operationalinsights:Workspace ${name}-log`,
        `azure-native:applicationinsights:Component ${name}-appi`,
        `azure-native:machinelearningservices:Workspace ${name}-ws`,
    ];
}

function projectResources(component: string): string[] {
    return [
        `azure-ai-models:index:AiProject ${component}`,
        `random:index/randomString:RandomString ${component}-suffix`,
        `azure-native:machinelearningservices:Workspace ${component}-ws`,
    ];
}

function subscriptionResources(component: string): string[] {
    return [`azure-ai-models:index:MarketplaceModelSubscription ${component}`, `${SUBSCRIPTION} ${component}-sub`];
}

function endpointResources(name: string): string[] {
    return [
        `azure-ai-models:index:ServerlessModelEndpoint ${name}`,
        `random:index/randomString:RandomString ${name}-suffix`,
        `${ENDPOINT} ${name}-endpoint`,
    ];
}

describe("minimal: a hub, one project, one serverless model", () => {
    const config = {
        workspace: {
            name: "aim",
            location: "eastus2",
            network: { accessManagedElsewhere: true },
            projects: [{ name: "app" }],
        },
        deployments: [{ name: "chat", model: "Ministral-3B", project: "app" }],
    };

    it("registers exactly the hub, the project, the subscription and the endpoint", async () => {
        const run = await runStack(config);
        expect(run.error).toBeUndefined();
        expect(resourceSet(run)).toEqual(
            [
                ...workspaceResources("aim"),
                ...projectResources("aim-app"),
                ...subscriptionResources("app-Ministral-3B"),
                ...endpointResources("chat"),
            ].sort(),
        );
    });

    it("uses secure defaults for the hub and its dependencies", async () => {
        const run = await runStack(config);
        const hub = byName(run, "aim-ws").inputs;
        expect(hub).toMatchObject({
            kind: "Hub",
            location: "eastus2",
            publicNetworkAccess: "Disabled",
            managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
            identity: { type: "SystemAssigned" },
            systemDatastoresAuthMode: "Identity",
        });
        expect(hub.workspaceName).toMatch(/^aim-[a-z0-9]{6}$/);
        expect(byName(run, "aim-kv").inputs.properties).toMatchObject({
            enableRbacAuthorization: true,
            enableSoftDelete: true,
            enablePurgeProtection: true,
            softDeleteRetentionInDays: 90,
            publicNetworkAccess: "Disabled",
        });
        expect(byName(run, "aim-st").inputs).toMatchObject({
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            publicNetworkAccess: "Disabled",
        });
        const project = byName(run, "aim-app-ws").inputs;
        expect(project.kind).toBe("Project");
        expect(project.hubResourceId).toBe(
            `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/rg-aim/providers/Microsoft.MachineLearningServices/workspaces/${String(hub.workspaceName)}`,
        );
    });

    it("turns shared keys back on for the hub's storage only when the config asks, with key-based datastores", async () => {
        const run = await runStack({ ...config, workspace: { ...config.workspace, storageSharedKeyAccess: true } });
        expect(run.error).toBeUndefined();
        expect(byName(run, "aim-st").inputs.allowSharedKeyAccess).toBe(true);
        expect(byName(run, "aim-ws").inputs).not.toHaveProperty("systemDatastoresAuthMode");
    });

    it("creates the endpoint with sku Consumption, content safety on and key auth, delete-first", async () => {
        const run = await runStack(config);
        const endpoint = byName(run, "chat-endpoint");
        expect(endpoint.inputs).toMatchObject({
            sku: { name: "Consumption" },
            properties: {
                authMode: "Key",
                modelSettings: { modelId: "azureml://registries/azureml-mistral/models/Ministral-3B" },
                contentSafety: { contentSafetyStatus: "Enabled" },
            },
        });
        expect(endpoint.inputs.name).toMatch(/^chat-[a-z0-9]{6}$/);
        expect(endpoint.options.deleteBeforeReplace).toBe(true);
    });

    it("makes the endpoint depend explicitly on its Marketplace subscription in the same project", async () => {
        const run = await runStack(config);
        const endpoint = byName(run, "chat-endpoint");
        const subscription = byName(run, "app-Ministral-3B-sub");
        expect(endpoint.dependencies).toContain(subscription.urn);
        // No input carries the subscription: the dependency is the explicit dependsOn, not a data flow.
        expect(Object.values(endpoint.propertyDependencies).flat()).not.toContain(subscription.urn);
        expect(subscription.inputs).toMatchObject({
            name: "Ministral-3B",
            properties: { modelId: "azureml://registries/azureml-mistral/models/Ministral-3B" },
        });
        expect(subscription.inputs.workspaceName).toBe(byName(run, "aim-app-ws").inputs.workspaceName);
        expect(endpoint.inputs.workspaceName).toBe(byName(run, "aim-app-ws").inputs.workspaceName);
    });

    it("exports what an application needs, with both keys secret", async () => {
        const run = await runStack(config);
        const deployments = output(run, "deployments");
        expect(deployments.secretPaths.sort()).toEqual([
            "deployments.chat.primaryKey",
            "deployments.chat.secondaryKey",
        ]);
        const chat = (deployments.value as Record<string, Record<string, unknown>>).chat;
        const endpointName = byName(run, "chat-endpoint").inputs.name as string;
        const uri = `https://${endpointName}.eastus2.models.ai.azure.com`;
        expect(chat).toEqual({
            model: "Ministral-3B",
            modelId: "azureml://registries/azureml-mistral/models/Ministral-3B",
            type: "serverless",
            project: "app",
            endpointName,
            uri,
            routes: {
                info: `${uri}/info`,
                chatCompletions: `${uri}/chat/completions`,
                nativeChatCompletions: `${uri}/v1/chat/completions`,
            },
            rateLimits: { tokensPerMinute: 200000, requestsPerMinute: 1000 },
            // What the openai package needs; the inference API routes are marked: their SDK retired in 2026.
            client: {
                baseURL: `${uri}/v1`,
                api: "chat",
                authorization: { header: "Authorization", value: "Bearer <primaryKey or secondaryKey>" },
                model: "Ministral-3B",
                modelRequired: false,
            },
            routeNotes: {
                info: INFERENCE_SDK_NOTE,
                chatCompletions: INFERENCE_SDK_NOTE,
            },
            primaryKey: SECRET,
            secondaryKey: SECRET,
        });
        const raw = (deployments.rawValue as Record<string, Record<string, unknown>>).chat;
        expect(raw.primaryKey).toBe(`primary-key-of-${endpointName}`);
    });

    it("shows Azure-computed values as unknown under preview semantics", async () => {
        const run = await runStack(config, { preview: true });
        const chat = (output(run, "deployments").value as Record<string, Record<string, unknown>>).chat;
        expect(chat.uri).toBe("[unknown]");
        expect(byName(run, "aim-app-ws").inputs.hubResourceId).toBe("[unknown]");
    });
});

// Every serverless model of the seeds, on a classic AML workspace, on a day when all of them were sold.
const SERVERLESS_MODELS = SEED_SERVERLESS_MODELS;

describe("every serverless family of the seeds on a classic workspace", () => {
    const endpointName = (model: string) => model.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const config = {
        workspace: {
            kind: "workspace",
            name: "aml",
            location: "eastus2",
            publicNetworkAccess: "Enabled",
            managedNetwork: { isolationMode: "Disabled" },
        },
        deployments: [
            ...SERVERLESS_MODELS.map((model) => ({ name: endpointName(model), model })),
            { name: "phi", model: "phi-mini" },
        ],
        customModels: [
            {
                name: "phi-mini",
                modelId: "azureml://registries/azureml/models/Phi-3-mini-4k-instruct",
                regions: ["eastus2", "swedencentral"],
                source: "https://learn.microsoft.com/azure/ai-foundry/how-to/deploy-models-serverless-availability",
            },
        ],
    };

    it("subscribes the workspace to each partner offer once and deploys every model", async () => {
        const run = await runStack(config, { today: "2024-11-01" });
        expect(run.error).toBeUndefined();
        expect(run.warnings).toEqual([]);
        expect(resourceSet(run)).toEqual(
            [
                ...workspaceResources("aml"),
                ...SERVERLESS_MODELS.flatMap((m) => [
                    ...subscriptionResources(`aml-${m}`),
                    ...endpointResources(endpointName(m)),
                ]),
                // A Microsoft-registry model needs no Marketplace subscription.
                ...endpointResources("phi"),
            ].sort(),
        );
        expect(byName(run, "aml-ws").inputs.kind).toBe("Default");
        expect(registered(run).filter((r) => r.type === "azure-ai-models:index:AiProject")).toEqual([]);
    });

    it("names subscriptions as Azure allows (no dots) and points each at its model", async () => {
        const run = await runStack(config, { today: "2024-11-01" });
        const jamba = byName(run, "aml-AI21-Jamba-1.5-Large-sub");
        expect(jamba.inputs.name).toBe("AI21-Jamba-1-5-Large");
        expect(jamba.inputs.properties).toEqual({
            modelId: "azureml://registries/azureml-ai21/models/AI21-Jamba-1.5-Large",
        });
        for (const model of SERVERLESS_MODELS) {
            const endpoint = byName(run, `${endpointName(model)}-endpoint`);
            expect(endpoint.dependencies).toContain(byName(run, `aml-${model}-sub`).urn);
            expect(endpoint.inputs.workspaceName).toBe(byName(run, "aml-ws").inputs.workspaceName);
        }
        expect(byName(run, "phi-endpoint").inputs.properties).toMatchObject({
            modelSettings: { modelId: "azureml://registries/azureml/models/Phi-3-mini-4k-instruct" },
        });
    });

    it("exports base-model completion routes for text models and keys as secrets for all", async () => {
        const run = await runStack(config, { today: "2024-11-01" });
        const deployments = output(run, "deployments");
        const names = [...SERVERLESS_MODELS.map(endpointName), "phi"];
        expect(deployments.secretPaths.sort()).toEqual(
            names.flatMap((n) => [`deployments.${n}.primaryKey`, `deployments.${n}.secondaryKey`]).sort(),
        );
        const value = deployments.value as Record<string, { routes: Record<string, string>; project: string }>;
        expect(Object.keys(value["llama-2-70b"].routes).sort()).toEqual(["completions", "info", "nativeCompletions"]);
        expect(Object.keys(value.phi.routes).sort()).toEqual(["chatCompletions", "info"]);
        expect(value.phi.project).toBe("workspace");
        // A base model's client calls /v1/completions; AI21's provider API needs its own model name.
        const clients = deployments.value as Record<string, { client?: Record<string, unknown> }>;
        expect(clients["llama-2-70b"].client).toMatchObject({ api: "completions", modelRequired: false });
        expect(clients[endpointName("AI21-Jamba-1.5-Mini")].client).toMatchObject({
            api: "chat",
            model: "jamba-1.5-mini",
            modelRequired: true,
        });
        // A custom model serves the inference API only: no OpenAI-compatible route is claimed for it.
        expect(clients.phi.client).toBeUndefined();
    });
});

describe("a locked-down hub with several projects, RBAC and managed network", () => {
    const alice = "6f1c5a4e-0d3b-4c59-9d57-3f0e7a2b9c11";
    const team = "a2b3c4d5-e6f7-4890-a1b2-c3d4e5f60718";
    const config = {
        workspace: {
            name: "platform",
            location: "swedencentral",
            network: { accessManagedElsewhere: true },
            resourceGroup: { name: "rg-platform-ai", existing: true },
            tags: { owner: "ai-platform", "cost-center": "4711" },
            publicNetworkAccess: "Disabled",
            managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
            containerRegistry: true,
            principals: [
                { principalId: alice, principalType: "User" },
                { principalId: team, principalType: "Group" },
            ],
            projects: [{ name: "support" }, { name: "search", tags: { team: "search" } }, { name: "eval" }],
        },
        deployments: [
            // One serverless deployment per model per project: the same model twice means two projects.
            { name: "support-chat", model: "Ministral-3B", project: "support" },
            { name: "search-chat", model: "Ministral 3B", project: "search" },
        ],
    };

    it("registers the hub with a container registry in the existing resource group, three projects and two endpoints", async () => {
        const run = await runStack(config);
        expect(run.error).toBeUndefined();
        expect(resourceSet(run)).toEqual(
            [
                ...workspaceResources("platform", { resourceGroup: false }),
                "azure-native:containerregistry:Registry platform-cr",
                `azure-native:authorization:RoleAssignment platform-aidev-${alice}`,
                `azure-native:authorization:RoleAssignment platform-aidev-${team}`,
                ...projectResources("platform-support"),
                ...projectResources("platform-search"),
                ...projectResources("platform-eval"),
                ...subscriptionResources("support-Ministral-3B"),
                ...subscriptionResources("search-Ministral-3B"),
                ...endpointResources("support-chat"),
                ...endpointResources("search-chat"),
            ].sort(),
        );
    });

    it("closes the network and uses a Premium registry without admin user", async () => {
        const run = await runStack(config);
        expect(byName(run, "platform-ws").inputs).toMatchObject({
            publicNetworkAccess: "Disabled",
            managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
            resourceGroupName: "rg-platform-ai",
            tags: { owner: "ai-platform", "cost-center": "4711" },
        });
        expect(byName(run, "platform-ws").inputs.containerRegistry).toMatch(/\/registries\/crplatform[a-z0-9]{6}$/);
        expect(byName(run, "platform-cr").inputs).toMatchObject({
            sku: { name: "Premium" },
            adminUserEnabled: false,
            publicNetworkAccess: "Disabled",
        });
        expect(byName(run, "platform-search-ws").inputs.tags).toEqual({
            owner: "ai-platform",
            "cost-center": "4711",
            team: "search",
        });
    });

    it("grants Azure AI Developer at resource-group scope with deterministic assignment names", async () => {
        const first = await runStack(config);
        const scope = `/subscriptions/${MOCK_SUBSCRIPTION_ID}/resourceGroups/rg-platform-ai`;
        for (const [principal, type] of [
            [alice, "User"],
            [team, "Group"],
        ] as const) {
            const ra = byName(first, `platform-aidev-${principal}`).inputs;
            expect(ra).toEqual({
                roleAssignmentName: deterministicGuid(scope, principal, AZURE_AI_DEVELOPER.id),
                scope,
                principalId: principal,
                principalType: type,
                roleDefinitionId: `/subscriptions/${MOCK_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/64702f94-c441-49e6-a78b-ef80e0188fee`,
                description: "Azure AI Developer: deploy serverless models in platform",
            });
        }
        const second = await runStack(config);
        expect(byName(second, `platform-aidev-${alice}`).inputs.roleAssignmentName).toBe(
            byName(first, `platform-aidev-${alice}`).inputs.roleAssignmentName,
        );
        expect(deterministicGuid(scope, alice, AZURE_AI_DEVELOPER.id)).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
    });

    it("puts each endpoint in its own project, depending on that project's subscription", async () => {
        const run = await runStack(config);
        for (const project of ["support", "search"]) {
            const endpoint = byName(run, `${project}-chat-endpoint`);
            const sub = byName(run, `${project}-Ministral-3B-sub`);
            const ws = byName(run, `platform-${project}-ws`);
            expect(endpoint.inputs.workspaceName).toBe(ws.inputs.workspaceName);
            expect(sub.inputs.workspaceName).toBe(ws.inputs.workspaceName);
            expect(endpoint.dependencies).toContain(sub.urn);
            expect(endpoint.dependencies).not.toContain(
                byName(run, `${project === "support" ? "search" : "support"}-Ministral-3B-sub`).urn,
            );
        }
        const keys = output(run, "deployments").secretPaths.sort();
        expect(keys).toEqual([
            "deployments.search-chat.primaryKey",
            "deployments.search-chat.secondaryKey",
            "deployments.support-chat.primaryKey",
            "deployments.support-chat.secondaryKey",
        ]);
    });
});
