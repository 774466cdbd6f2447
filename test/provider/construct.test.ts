/**
 * Each published component constructed through the component provider, as the engine does when a Python, Go, .NET
 * or YAML program creates one: `construct(name, token, inputs, options)` with the inputs deserialized by Pulumi's
 * own provider server code (plain values, and Outputs where an input came from another resource), under the
 * repository's Azure mocks. Checks the component's URN, the exact child resources it registers, that dependencies
 * carried by the inputs reach the children, and the state `construct` returns: every output the schema lists, the
 * secret ones (and only those) secret.
 *
 * What mocks cannot prove: the gRPC round trip and the engine's own handling (see plugin.grpc.e2e.test.ts for the
 * former), that Azure accepts these inputs, and what a generated SDK in another language sends.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { captureProgram, type Capture } from "../../plan/run/capture";
import {
    AzureAiModelsProvider,
    componentToken,
    SECRET_OUTPUTS,
    type PublishedComponentName,
} from "../../infra/provider";
import { consumerUrn, engineInputs, engineOptions } from "./engine";

const PROJECT = "consumer";
const RG = "rg-aihub";
const HUB_URN = consumerUrn("azure-ai-models:index:AiWorkspace", "hub");
const PROJECT_URN = consumerUrn("azure-ai-models:index:AiProject", "chat");
const RG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aihub";
const HUB_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/aihub-abc123`;
const PRINCIPAL = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const MINISTRAL = "azureml://registries/azureml-mistral/models/Ministral-3B";
const MISTRAL_7B = "azureml://registries/azureml/models/mistralai-Mistral-7B-Instruct-v0-2/versions/6";

const provider = new AzureAiModelsProvider();
let schemaOutputs: Record<string, string[]>;

beforeAll(async () => {
    const schema = JSON.parse(await provider.getSchema()) as {
        resources: Record<string, { properties: Record<string, unknown> }>;
    };
    schemaOutputs = Object.fromEntries(
        Object.entries(schema.resources).map(([token, r]) => [token, Object.keys(r.properties).sort()]),
    );
});

interface Constructed {
    capture: Capture;
    urn: unknown;
    /** The returned state, secrets masked. */
    state: Record<string, unknown>;
    /** Raw state values, secrets in the clear. */
    raw: Record<string, unknown>;
    /** Names of the state outputs that came back secret. */
    secrets: string[];
}

/** Runs `construct` for one component under mocks (preview false) and records what it registered and returned. */
async function construct(
    component: PublishedComponentName,
    name: string,
    values: Record<string, unknown>,
    dependencies: Record<string, string[]> = {},
): Promise<Constructed> {
    const capture = await captureProgram(
        async () => {
            const inputs = await engineInputs(values, dependencies);
            const result = await provider.construct(name, componentToken(component), inputs, engineOptions());
            return { urn: result.urn, state: result.state };
        },
        { project: PROJECT, stack: "test", preview: false },
    );
    if (capture.error) throw capture.error;
    const urn = capture.outputs.find((o) => o.name === "urn")?.value;
    const state = capture.outputs.find((o) => o.name === "state");
    if (!state) throw new Error(`construct of ${component} returned no state`);
    const secrets = state.secretPaths.map((p) => p.replace(/^state\./, "").split(/[.[]/)[0]).sort();
    return {
        capture,
        urn,
        state: state.value as Record<string, unknown>,
        raw: state.rawValue as Record<string, unknown>,
        secrets,
    };
}

/** `type name` of every registered resource but the stack, sorted. */
function resourceSet(c: Constructed): string[] {
    return c.capture.resources
        .filter((r) => r.type !== "pulumi:pulumi:Stack")
        .map((r) => `${r.type} ${r.name}`)
        .sort();
}

function child(c: Constructed, name: string) {
    const r = c.capture.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource named ${name}; have: ${c.capture.resources.map((x) => x.name).join(", ")}`);
    return r;
}

/** The state has exactly the outputs the schema lists, and the secret ones are exactly those the provider marks. */
function expectStateMatchesSchema(c: Constructed, component: PublishedComponentName): void {
    expect(Object.keys(c.state).sort()).toEqual(schemaOutputs[componentToken(component)]);
    expect(c.secrets).toEqual([...SECRET_OUTPUTS[component]].sort());
}

describe("constructing the published components through the provider", () => {
    it("AiWorkspace: a hub with its storage, key vault, logs, registry, workspace and AI Developer role", async () => {
        const c = await construct("AiWorkspace", "hub", {
            workspaceName: "aihub",
            location: "eastus2",
            resourceGroupName: RG,
            createResourceGroup: true,
            containerRegistry: true,
            aiDevelopers: [{ principalId: PRINCIPAL, principalType: "Group" }],
            tags: { owner: "ml-platform" },
        });
        expect(c.urn).toBe(consumerUrn("azure-ai-models:index:AiWorkspace", "hub"));
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:AiWorkspace hub",
                "random:index/randomString:RandomString hub-suffix",
                "azure-native:resources:ResourceGroup hub-rg",
                "azure-native:storage:StorageAccount hub-st",
                "azure-native:keyvault:Vault hub-kv",
                "azure-native:operationalinsights:Workspace hub-log",
                "azure-native:applicationinsights:Component hub-appi",
                "azure-native:containerregistry:Registry hub-cr",
                "azure-native:machinelearningservices:Workspace hub-ws",
                `azure-native:authorization:RoleAssignment hub-aidev-${PRINCIPAL}`,
            ].sort(),
        );
        const ws = child(c, "hub-ws");
        expect(ws.parent).toBe(c.urn);
        expect(ws.inputs).toMatchObject({
            kind: "Hub",
            publicNetworkAccess: "Disabled",
            managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
        });
        expect(child(c, `hub-aidev-${PRINCIPAL}`).inputs).toMatchObject({
            principalId: PRINCIPAL,
            principalType: "Group",
        });
        expectStateMatchesSchema(c, "AiWorkspace");
        expect(c.state).toMatchObject({ kind: "Hub", location: "eastus2", resourceGroupName: RG });
        expect(c.state.workspaceName).toMatch(/^aihub-[a-z0-9]{6}$/);
    });

    it("AiProject: a project workspace on the hub, depending on the hub the id came from", async () => {
        const c = await construct(
            "AiProject",
            "chat",
            { hubResourceId: HUB_ID, resourceGroupName: RG, location: "eastus2", projectName: "chat" },
            { hubResourceId: [HUB_URN], resourceGroupName: [HUB_URN] },
        );
        expect(c.urn).toBe(PROJECT_URN);
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:AiProject chat",
                "random:index/randomString:RandomString chat-suffix",
                "azure-native:machinelearningservices:Workspace chat-ws",
            ].sort(),
        );
        const ws = child(c, "chat-ws");
        expect(ws.inputs).toMatchObject({ kind: "Project", hubResourceId: HUB_ID, resourceGroupName: RG });
        expect(ws.propertyDependencies.hubResourceId).toEqual([HUB_URN]);
        expect(ws.options.replaceOnChanges).toEqual(["hubResourceId"]);
        expectStateMatchesSchema(c, "AiProject");
        expect(c.state.workspaceName).toMatch(/^chat-[a-z0-9]{6}$/);
    });

    it("MarketplaceModelSubscription: one subscription named after the model", async () => {
        const c = await construct(
            "MarketplaceModelSubscription",
            "chat-jamba",
            {
                resourceGroupName: RG,
                workspaceName: "chat-abc123",
                modelId: "azureml://registries/azureml-ai21/models/AI21-Jamba-1.5-Mini",
            },
            { workspaceName: [PROJECT_URN] },
        );
        expect(c.urn).toBe(consumerUrn("azure-ai-models:index:MarketplaceModelSubscription", "chat-jamba"));
        expect(resourceSet(c)).toEqual([
            "azure-ai-models:index:MarketplaceModelSubscription chat-jamba",
            "azure-native:machinelearningservices:MarketplaceSubscription chat-jamba-sub",
        ]);
        expect(child(c, "chat-jamba-sub").inputs).toMatchObject({
            name: "AI21-Jamba-1-5-Mini",
            workspaceName: "chat-abc123",
        });
        expectStateMatchesSchema(c, "MarketplaceModelSubscription");
        expect(c.state.subscriptionName).toBe("AI21-Jamba-1-5-Mini");
    });

    it("ServerlessModelEndpoint: a Consumption endpoint, replaced delete-first, its keys returned as secrets", async () => {
        const subscriptionId = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/chat-abc123/marketplaceSubscriptions/Ministral-3B`;
        const subscriptionUrn = consumerUrn("azure-ai-models:index:MarketplaceModelSubscription", "chat-ministral");
        const c = await construct(
            "ServerlessModelEndpoint",
            "chat-ministral",
            {
                resourceGroupName: RG,
                workspaceName: "chat-abc123",
                location: "eastus2",
                endpointName: "ministral",
                modelId: MINISTRAL,
                marketplaceSubscriptionId: subscriptionId,
            },
            { workspaceName: [PROJECT_URN], marketplaceSubscriptionId: [subscriptionUrn] },
        );
        expect(c.urn).toBe(consumerUrn("azure-ai-models:index:ServerlessModelEndpoint", "chat-ministral"));
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:ServerlessModelEndpoint chat-ministral",
                "random:index/randomString:RandomString chat-ministral-suffix",
                "azure-native:machinelearningservices:ServerlessEndpoint chat-ministral-endpoint",
            ].sort(),
        );
        const endpoint = child(c, "chat-ministral-endpoint");
        expect(endpoint.inputs).toMatchObject({
            sku: { name: "Consumption" },
            properties: {
                authMode: "Key",
                modelSettings: { modelId: MINISTRAL },
                contentSafety: { contentSafetyStatus: "Enabled" },
            },
        });
        expect(endpoint.options.deleteBeforeReplace).toBe(true);
        // The subscription id the engine sent carries its resource: the endpoint depends on the subscription.
        expect(endpoint.dependencies).toContain(subscriptionUrn);
        expectStateMatchesSchema(c, "ServerlessModelEndpoint");
        expect(c.state).toMatchObject({ primaryKey: "[secret]", secondaryKey: "[secret]" });
        expect(c.raw.primaryKey).toMatch(/^primary-key-of-ministral-[a-z0-9]{6}$/);
        expect(c.state.uri).toMatch(/^https:\/\/ministral-[a-z0-9]{6}\.eastus2\.models\.ai\.azure\.com$/);
        expect(Object.keys(c.state.routeUrls as object).sort()).toEqual(
            ["chatCompletions", "info", "nativeChatCompletions"].sort(),
        );
    });

    it("ManagedOnlineEndpoint: an endpoint with key auth and Content Safety, keys returned as secrets", async () => {
        const c = await construct(
            "ManagedOnlineEndpoint",
            "llm",
            {
                resourceGroupName: RG,
                workspaceName: "chat-abc123",
                location: "eastus2",
                endpointName: "llm",
                authMode: "Key",
                contentSafety: true,
            },
            { workspaceName: [PROJECT_URN] },
        );
        expect(c.urn).toBe(consumerUrn("azure-ai-models:index:ManagedOnlineEndpoint", "llm"));
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:ManagedOnlineEndpoint llm",
                "random:index/randomString:RandomString llm-suffix",
                "azure-native:machinelearningservices:OnlineEndpoint llm-endpoint",
                "azure-native:cognitiveservices:Account llm-contentsafety",
                "azure-native:authorization:RoleAssignment llm-contentsafety-user",
            ].sort(),
        );
        expect(child(c, "llm-endpoint").inputs).toMatchObject({
            properties: { authMode: "Key", publicNetworkAccess: "Disabled" },
        });
        expect(child(c, "llm-contentsafety").inputs).toMatchObject({
            kind: "ContentSafety",
            properties: { disableLocalAuth: true },
        });
        expectStateMatchesSchema(c, "ManagedOnlineEndpoint");
        expect(c.state).toMatchObject({ authMode: "Key", primaryKey: "[secret]", secondaryKey: "[secret]" });
        expect(c.state.scoringUri).toMatch(/^https:\/\/llm-[a-z0-9]{6}\.eastus2\.inference\.ml\.azure\.com\/score$/);
    });

    it("ManagedOnlineEndpoint with Entra ID auth returns no keys at all", async () => {
        const inputs = {
            resourceGroupName: RG,
            workspaceName: "chat-abc123",
            location: "eastus2",
            endpointName: "llm",
        };
        const c = await construct("ManagedOnlineEndpoint", "llm-aad", inputs);
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:ManagedOnlineEndpoint llm-aad",
                "random:index/randomString:RandomString llm-aad-suffix",
                "azure-native:machinelearningservices:OnlineEndpoint llm-aad-endpoint",
            ].sort(),
        );
        expect(c.state).toMatchObject({ authMode: "AADToken" });
        expect(c.raw.primaryKey).toBeUndefined();
        expect(c.raw.secondaryKey).toBeUndefined();
    });

    it("ManagedModelDeployment: a deployment on the endpoint with autoscale and probes, replaced delete-first", async () => {
        const endpointUrn = consumerUrn("azure-ai-models:index:ManagedOnlineEndpoint", "llm");
        const c = await construct(
            "ManagedModelDeployment",
            "llm-blue",
            {
                resourceGroupName: RG,
                workspaceName: "chat-abc123",
                location: "eastus2",
                endpointName: "llm-abc1234",
                deploymentName: "blue",
                model: MISTRAL_7B,
                instanceType: "Standard_NC12s_v3",
                scaleType: "TargetUtilization",
                maxInstances: 3,
                requestTimeoutSeconds: 90,
                livenessProbe: { initialDelaySeconds: 600, periodSeconds: 10 },
            },
            { endpointName: [endpointUrn] },
        );
        expect(c.urn).toBe(consumerUrn("azure-ai-models:index:ManagedModelDeployment", "llm-blue"));
        expect(resourceSet(c)).toEqual([
            "azure-ai-models:index:ManagedModelDeployment llm-blue",
            "azure-native:machinelearningservices:OnlineDeployment llm-blue-deployment",
        ]);
        const deployment = child(c, "llm-blue-deployment");
        expect(deployment.inputs).toMatchObject({
            deploymentName: "blue",
            endpointName: "llm-abc1234",
            sku: { name: "Default", capacity: 1 },
            properties: {
                endpointComputeType: "Managed",
                model: MISTRAL_7B,
                instanceType: "Standard_NC12s_v3",
                scaleSettings: {
                    scaleType: "TargetUtilization",
                    minInstances: 1,
                    maxInstances: 3,
                    targetUtilizationPercentage: 70,
                    pollingInterval: "PT60S",
                },
                requestSettings: { requestTimeout: "PT90S" },
                livenessProbe: { initialDelay: "PT600S", period: "PT10S" },
            },
        });
        expect(deployment.propertyDependencies.endpointName).toEqual([endpointUrn]);
        expect(deployment.options.deleteBeforeReplace).toBe(true);
        expectStateMatchesSchema(c, "ManagedModelDeployment");
        expect(c.state).toMatchObject({ deploymentName: "blue", model: MISTRAL_7B, instanceType: "Standard_NC12s_v3" });
    });

    it("FoundryAccount: an AIServices account with diagnostics and Foundry User; keys secret with local auth on", async () => {
        const c = await construct("FoundryAccount", "ai", {
            accountName: "ai",
            location: "swedencentral",
            disableLocalAuth: false,
            foundryUsers: [{ principalId: PRINCIPAL, principalType: "ServicePrincipal" }],
        });
        expect(c.urn).toBe(consumerUrn("azure-ai-models:index:FoundryAccount", "ai"));
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:FoundryAccount ai",
                "random:index/randomString:RandomString ai-suffix",
                "azure-native:resources:ResourceGroup ai-rg",
                "azure-native:cognitiveservices:Account ai-account",
                "azure-native:operationalinsights:Workspace ai-log",
                "azure-native:monitor:DiagnosticSetting ai-diagnostics",
                `azure-native:authorization:RoleAssignment ai-user-${PRINCIPAL}`,
            ].sort(),
        );
        expect(child(c, "ai-account").inputs).toMatchObject({
            kind: "AIServices",
            properties: { allowProjectManagement: true, disableLocalAuth: false, publicNetworkAccess: "Disabled" },
        });
        expectStateMatchesSchema(c, "FoundryAccount");
        expect(c.state).toMatchObject({ primaryKey: "[secret]", secondaryKey: "[secret]", localAuthDisabled: false });
        expect(c.state.openAiBaseUrl).toMatch(/^https:\/\/ai-[a-z0-9]{6}\.openai\.azure\.com\/openai\/v1\/$/);
    });

    it("FoundryProject, ContentFilter and FoundryModelDeployment on an account another program made", async () => {
        const on = { resourceGroupName: RG, accountName: "ai-abc123" };
        const project = await construct("FoundryProject", "chat", {
            ...on,
            projectName: "chat",
            location: "swedencentral",
        });
        expect(resourceSet(project)).toEqual([
            "azure-ai-models:index:FoundryProject chat",
            "azure-native:cognitiveservices:Project chat-project",
        ]);
        expectStateMatchesSchema(project, "FoundryProject");
        expect(project.state.endpoint).toBe("https://ai-abc123.services.ai.azure.com/api/projects/chat");

        const filter = await construct("ContentFilter", "strict", {
            ...on,
            filterName: "strict",
            filters: [{ category: "Indirect Attack", source: "Prompt" }],
        });
        expect(child(filter, "strict-policy").inputs).toMatchObject({
            raiPolicyName: "strict",
            properties: {
                contentFilters: [{ name: "Indirect Attack", source: "Prompt", blocking: true, enabled: true }],
            },
        });
        expectStateMatchesSchema(filter, "ContentFilter");

        const deployment = await construct("FoundryModelDeployment", "llama", {
            ...on,
            location: "swedencentral",
            deploymentName: "llama",
            model: "Llama-4-Maverick-17B-128E-Instruct-FP8",
            sku: "GlobalStandard",
            capacity: 20,
            raiPolicyName: "strict",
        });
        expect(child(deployment, "llama-deployment").inputs).toMatchObject({
            sku: { name: "GlobalStandard", capacity: 20 },
            properties: { model: { format: "Meta", name: "Llama-4-Maverick-17B-128E-Instruct-FP8", version: "1" } },
        });
        expectStateMatchesSchema(deployment, "FoundryModelDeployment");
        expect(deployment.state).toMatchObject({
            model: "llama",
            openAiBaseUrl: "https://ai-abc123.openai.azure.com/openai/v1/",
            entraScope: "https://cognitiveservices.azure.com/.default",
        });
    });

    it("refuses what it does not publish: EndpointTraffic (a dynamic resource) and other packages' tokens", async () => {
        await expect(
            provider.construct("t", "azure-ai-models:index:EndpointTraffic", {}, engineOptions()),
        ).rejects.toThrow("Component class not found for 'EndpointTraffic'");
        await expect(provider.construct("t", "other:index:AiWorkspace", {}, engineOptions())).rejects.toThrow(
            "Invalid package name other, expected 'azure-ai-models'",
        );
    });
});
