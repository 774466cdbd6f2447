/**
 * Managed compute under mocks: the exact resources and the inputs Azure receives for one deployment with defaults,
 * blue/green with a 90/10 split and a mirror, autoscale, key auth with secret keys, shared quota and content safety.
 * Mocks cannot prove Azure accepts these inputs, nor how the traffic resource behaves against Azure (see
 * test/traffic for that, against a loopback ARM server).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { quotaReport } from "../../plan/checks/quota";
import { SECRET } from "../../plan/run/types";
import { byName, output, resourceSet, runStack } from "../helpers/stack";

const MIXTRAL = "azureml://registries/azureml/models/mistralai-Mixtral-8x7B-Instruct-v01/versions/11";
const TRAFFIC = "pulumi-nodejs:dynamic:EndpointTraffic";

const hub = {
    name: "aim",
    location: "eastus2",
    network: { accessManagedElsewhere: true },
    projects: [{ name: "open" }],
};
const blue = { name: "blue", model: "Mixtral-8x7B-Instruct-v01", instanceType: "Standard_ND96asr_v4" };

function endpointResources(endpoint: string, deployments: string[]): string[] {
    return [
        `azure-ai-models:index:ManagedOnlineEndpoint ${endpoint}`,
        `random:index/randomString:RandomString ${endpoint}-suffix`,
        `azure-native:machinelearningservices:OnlineEndpoint ${endpoint}-endpoint`,
        `${TRAFFIC} ${endpoint}-traffic`,
        ...deployments.flatMap((d) => [
            `azure-ai-models:index:ManagedModelDeployment ${endpoint}-${d}`,
            `azure-native:machinelearningservices:OnlineDeployment ${endpoint}-${d}-deployment`,
        ]),
    ];
}

const HUB_AND_PROJECT = [
    "azure-ai-models:index:AiWorkspace aim",
    "random:index/randomString:RandomString aim-suffix",
    "azure-native:resources:ResourceGroup aim-rg",
    "azure-native:storage:StorageAccount aim-st",
    "azure-native:keyvault:Vault aim-kv",
    "azure-native:operationalinsights:Workspace aim-log",
    "azure-native:applicationinsights:Component aim-appi",
    "azure-native:machinelearningservices:Workspace aim-ws",
    "azure-ai-models:index:AiProject aim-open",
    "random:index/randomString:RandomString aim-open-suffix",
    "azure-native:machinelearningservices:Workspace aim-open-ws",
];

beforeEach(() => {
    process.env.AZURE_AI_MODELS_TODAY = "2026-11-21";
});
afterEach(() => {
    delete process.env.AZURE_AI_MODELS_TODAY;
});

describe("one managed deployment with defaults", () => {
    const config = { workspace: hub, onlineEndpoints: [{ name: "mixtral", project: "open", deployments: [blue] }] };

    it("registers the endpoint, its deployment and the traffic resource, nothing else", async () => {
        const run = await runStack(config);
        expect(run.error).toBeUndefined();
        expect(resourceSet(run)).toEqual([...HUB_AND_PROJECT, ...endpointResources("mixtral", ["blue"])].sort());
    });

    it("creates the endpoint with Entra ID auth, its own identity, closed network and no traffic", async () => {
        const run = await runStack(config);
        const endpoint = byName(run, "mixtral-endpoint");
        expect(endpoint.inputs).toEqual({
            endpointName: expect.stringMatching(/^mixtral-[a-z0-9]{6}$/),
            resourceGroupName: "rg-aim",
            workspaceName: byName(run, "aim-open-ws").inputs.workspaceName,
            location: "eastus2",
            identity: { type: "SystemAssigned" },
            properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" },
            tags: {},
        });
        expect(endpoint.options.ignoreChanges).toEqual([
            "properties.traffic",
            "properties.mirrorTraffic",
            "properties.properties",
        ]);
    });

    it("deploys the pinned model on managed compute with one instance", async () => {
        const run = await runStack(config);
        const deployment = byName(run, "mixtral-blue-deployment");
        expect(deployment.inputs).toEqual({
            deploymentName: "blue",
            endpointName: byName(run, "mixtral-endpoint").inputs.endpointName,
            resourceGroupName: "rg-aim",
            workspaceName: byName(run, "aim-open-ws").inputs.workspaceName,
            location: "eastus2",
            sku: { name: "Default", capacity: 1 },
            properties: {
                endpointComputeType: "Managed",
                model: MIXTRAL,
                instanceType: "Standard_ND96asr_v4",
                scaleSettings: { scaleType: "Default" },
                appInsightsEnabled: false,
                // Closed by default; the second config opens it deliberately.
                egressPublicNetworkAccess: "Disabled",
            },
            tags: {},
        });
        expect(deployment.options.deleteBeforeReplace).toBe(true);
    });

    it("applies 100% to the only deployment once it exists", async () => {
        const run = await runStack(config);
        const traffic = byName(run, "mixtral-traffic");
        expect(traffic.inputs).toMatchObject({
            endpointName: byName(run, "mixtral-endpoint").inputs.endpointName,
            traffic: { blue: 100 },
            mirrorTraffic: {},
            endpointRevision: expect.stringMatching(/^[0-9a-f]{16}$/),
        });
        expect(traffic.dependencies).toContain(byName(run, "mixtral-blue-deployment").urn);
        expect(traffic.parent).toBe(byName(run, "mixtral").urn);
    });

    it("exports the scoring URI and how to authenticate, and no keys", async () => {
        const run = await runStack(config);
        const e = (output(run, "onlineEndpoints").value as Record<string, Record<string, unknown>>).mixtral;
        const name = byName(run, "mixtral-endpoint").inputs.endpointName as string;
        expect(e).toEqual({
            project: "open",
            endpointName: name,
            scoringUri: `https://${name}.eastus2.inference.ml.azure.com/score`,
            swaggerUri: `https://${name}.eastus2.inference.ml.azure.com/swagger.json`,
            authMode: "AADToken",
            authorization: {
                header: "Authorization",
                value: "Bearer <Microsoft Entra ID token for https://ml.azure.com>",
            },
            deployments: {
                blue: {
                    model: "mistralai-Mixtral-8x7B-Instruct-v01",
                    modelId: MIXTRAL,
                    instanceType: "Standard_ND96asr_v4",
                    instances: "1",
                    api: "chat",
                },
            },
            // An OpenAI-compatible client: the scoring URI's origin, the deployment named in a header.
            client: {
                baseURL: `https://${name}.eastus2.inference.ml.azure.com`,
                deploymentHeader: "azureml-model-deployment",
            },
            traffic: { blue: 100 },
            mirrorTraffic: {},
            sharedQuota: false,
        });
        expect(output(run, "onlineEndpoints").secretPaths).toEqual([]);
    });
});

describe("blue/green with a 90/10 split and a mirror", () => {
    const config = {
        workspace: hub,
        onlineEndpoints: [
            {
                name: "mixtral",
                project: "open",
                deployments: [
                    blue,
                    { ...blue, name: "green", version: 10 },
                    { ...blue, name: "shadow", instanceType: "Standard_ND40rs_v2" },
                ],
                traffic: { blue: 90, green: 10, shadow: 0 },
                mirrorTraffic: { shadow: 10 },
            },
        ],
    };

    it("registers three deployments and one traffic resource that waits for all of them", async () => {
        const run = await runStack(config);
        expect(resourceSet(run)).toEqual(
            [...HUB_AND_PROJECT, ...endpointResources("mixtral", ["blue", "green", "shadow"])].sort(),
        );
        const traffic = byName(run, "mixtral-traffic");
        expect(traffic.inputs).toMatchObject({
            traffic: { blue: 90, green: 10, shadow: 0 },
            mirrorTraffic: { shadow: 10 },
        });
        for (const d of ["blue", "green", "shadow"])
            expect(traffic.dependencies).toContain(byName(run, `mixtral-${d}-deployment`).urn);
        expect((byName(run, "mixtral-green-deployment").inputs.properties as Record<string, unknown>).model).toBe(
            MIXTRAL.replace("/versions/11", "/versions/10"),
        );
    });

    it("counts the quota per VM family: exempt sizes without the reserve", async () => {
        const run = await runStack(config);
        expect(quotaReport(run.resources).rows).toEqual([
            {
                region: "eastus2",
                family: "Standard NDASv4_A100 Family",
                deployments: expect.any(Array),
                instances: 2,
                cores: 192,
                reserveApplied: false,
            },
            {
                region: "eastus2",
                family: "Standard NDSv2 Family",
                deployments: expect.any(Array),
                instances: 1,
                cores: 40,
                reserveApplied: false,
            },
        ]);
        const name = byName(run, "mixtral-endpoint").inputs.endpointName as string;
        expect(quotaReport(run.resources).rows[0].deployments).toEqual([`${name}/blue`, `${name}/green`]);
    });
});

describe("autoscale", () => {
    const config = {
        workspace: hub,
        onlineEndpoints: [
            {
                name: "mistral7b",
                project: "open",
                deployments: [
                    {
                        name: "main",
                        model: "Mistral-7B-Instruct-v02",
                        instanceType: "Standard_NC12s_v3",
                        autoscale: {
                            minInstances: 2,
                            maxInstances: 5,
                            targetUtilizationPercentage: 60,
                            pollingIntervalSeconds: 30,
                        },
                        requestSettings: {
                            maxConcurrentRequestsPerInstance: 4,
                            requestTimeoutSeconds: 90,
                            maxQueueWaitSeconds: 2,
                        },
                        livenessProbe: { initialDelaySeconds: 600, periodSeconds: 10, failureThreshold: 30 },
                        dataCollection: true,
                        appInsights: true,
                        egressPublicNetworkAccess: "Enabled",
                        environmentVariables: { WORKER_COUNT: "2" },
                    },
                ],
            },
        ],
    };

    it("scales by utilisation between min and max, with request settings, probes and data collection", async () => {
        const run = await runStack(config);
        const d = byName(run, "mistral7b-main-deployment").inputs;
        expect(d.sku).toEqual({ name: "Default", capacity: 2 });
        expect(d.properties).toEqual({
            endpointComputeType: "Managed",
            model: "azureml://registries/azureml/models/mistralai-Mistral-7B-Instruct-v0-2/versions/6",
            instanceType: "Standard_NC12s_v3",
            scaleSettings: {
                scaleType: "TargetUtilization",
                minInstances: 2,
                maxInstances: 5,
                targetUtilizationPercentage: 60,
                pollingInterval: "PT30S",
            },
            requestSettings: { maxConcurrentRequestsPerInstance: 4, requestTimeout: "PT90S", maxQueueWait: "PT2S" },
            livenessProbe: { initialDelay: "PT600S", period: "PT10S", failureThreshold: 30 },
            dataCollector: {
                collections: {
                    model_inputs: { dataCollectionMode: "Enabled" },
                    model_outputs: { dataCollectionMode: "Enabled" },
                },
            },
            appInsightsEnabled: true,
            egressPublicNetworkAccess: "Enabled",
            environmentVariables: { WORKER_COUNT: "2" },
        });
    });

    it("counts quota for the maximum, with the 20% reserve for a size that needs it", async () => {
        const run = await runStack(config);
        // ceil(1.2 x 5) = 6 instances x 12 vCPUs
        expect(quotaReport(run.resources).rows).toEqual([
            {
                region: "eastus2",
                family: "Standard NCSv3 Family",
                deployments: [expect.stringMatching(/^mistral7b-[a-z0-9]{6}\/main$/)],
                instances: 5,
                cores: 72,
                reserveApplied: true,
            },
        ]);
    });
});

describe("key auth", () => {
    const config = {
        workspace: hub,
        onlineEndpoints: [{ name: "keyed", project: "open", authMode: "Key", deployments: [blue] }],
    };

    it("exports both keys as secrets and says how to send them", async () => {
        const run = await runStack(config);
        expect(byName(run, "keyed-endpoint").inputs.properties).toEqual({
            authMode: "Key",
            publicNetworkAccess: "Disabled",
        });
        const out = output(run, "onlineEndpoints");
        expect(out.secretPaths.sort()).toEqual([
            "onlineEndpoints.keyed.primaryKey",
            "onlineEndpoints.keyed.secondaryKey",
        ]);
        const value = (out.value as Record<string, Record<string, unknown>>).keyed;
        expect(value.primaryKey).toBe(SECRET);
        expect(value.authorization).toEqual({ header: "Authorization", value: "Bearer <primaryKey or secondaryKey>" });
        const raw = (out.rawValue as Record<string, Record<string, unknown>>).keyed;
        expect(raw.primaryKey).toBe(`primary-key-of-${String(byName(run, "keyed-endpoint").inputs.endpointName)}`);
    });
});

describe("shared quota", () => {
    const config = {
        workspace: hub,
        onlineEndpoints: [
            {
                name: "trial",
                project: "open",
                sharedQuota: { acknowledgeDeletionAfter168Hours: true },
                deployments: [{ name: "main", model: "Mistral-7B-v01", instanceType: "Standard_NC12s_v3" }],
            },
        ],
    };

    it("marks the endpoint for the shared pool with its deletion time, and leaves it out of the quota table", async () => {
        const run = await runStack(config);
        expect(byName(run, "trial-endpoint").inputs.properties).toEqual({
            authMode: "AADToken",
            publicNetworkAccess: "Disabled",
            properties: {
                SharedComputeCapacityEnabled: "true",
                TargetAutoDeletionTime: "Sat, 28 Nov 2026 00:00:00 GMT",
            },
        });
        const report = quotaReport(run.resources);
        expect(report.rows).toEqual([]);
        expect(report.skipped).toEqual([
            {
                deployment: expect.stringMatching(/^trial-[a-z0-9]{6}\/main$/),
                reason: "shared quota (the endpoint is deleted after 168 hours)",
            },
        ]);
        expect(
            (output(run, "onlineEndpoints").value as Record<string, Record<string, unknown>>).trial.sharedQuota,
        ).toBe(true);
    });
});

describe("content safety for managed compute", () => {
    const config = {
        workspace: hub,
        onlineEndpoints: [{ name: "safe", project: "open", contentSafety: true, deployments: [blue] }],
    };

    it("provisions a Content Safety account without local auth and lets the endpoint's identity call it", async () => {
        const run = await runStack(config);
        expect(resourceSet(run)).toEqual(
            [
                ...HUB_AND_PROJECT,
                ...endpointResources("safe", ["blue"]),
                "azure-native:cognitiveservices:Account safe-contentsafety",
                "azure-native:authorization:RoleAssignment safe-contentsafety-user",
            ].sort(),
        );
        const account = byName(run, "safe-contentsafety");
        expect(account.inputs).toMatchObject({
            kind: "ContentSafety",
            sku: { name: "S0" },
            properties: { disableLocalAuth: true, publicNetworkAccess: "Disabled" },
        });
        const role = byName(run, "safe-contentsafety-user").inputs;
        expect(role).toMatchObject({
            principalType: "ServicePrincipal",
            principalId: `${String(byName(run, "safe-endpoint").inputs.endpointName)}-principal`,
            scope: expect.stringMatching(/\/providers\/Microsoft.CognitiveServices\/accounts\/cs-safe-[a-z0-9]{6}$/),
            roleDefinitionId: expect.stringMatching(/\/roleDefinitions\/a97b65f3-24c7-4388-baec-2e87135dc908$/),
        });
        const e = (output(run, "onlineEndpoints").value as Record<string, Record<string, unknown>>).safe;
        expect(e.contentSafetyEndpoint).toMatch(/^https:\/\/cs-safe-[a-z0-9]{6}\.cognitiveservices\.azure\.com\/$/);
    });
});
