/**
 * applyTraffic / readTraffic / clearTraffic through the real `@azure/arm-machinelearning` client against the loopback
 * ARM server: the requests they make (GET, whole PUT, polling of the long-running operation), the life of a split
 * (first apply, canary, blue/green switch, removing a deployment, an endpoint update that resets it) and how
 * Azure's refusals read.
 *
 * What this cannot prove: Azure's own error texts and timing (the server's are stand-ins), and rules of Azure's the
 * server does not copy.
 */
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";
import { afterEach, describe, expect, it } from "vitest";
import { ONLINE_ENDPOINT_API_VERSION } from "../../infra/traffic/client";
import { applyTraffic, clearTraffic, readTraffic } from "../../infra/traffic/operations";
import { TEST_SERVER_CERT, type ArmServer } from "../helpers/armServer";
import { clientOptions, fakeCredential, putBodies, rawRequest, REF, serverWithEndpoint } from "./helpers";

const WHERE =
    'online endpoint "chat-ep" in workspace "ws-models" (resource group "rg-models", subscription "00000000-1111-2222-3333-444444444444")';

/** The requests of one apply that writes: read, whole write, two polls, the SDK's final read. */
const APPLY_LOG = [
    "GET onlineEndpoints/chat-ep 200",
    "PUT onlineEndpoints/chat-ep 200",
    "GET operations/op-1 200 InProgress",
    "GET operations/op-1 200 Succeeded",
    "GET onlineEndpoints/chat-ep 200",
];

let server: ArmServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});

/** An SDK client on the server, for what the azure-native resources would do (endpoint PUT, deployment DELETE). */
function sdk(s: ArmServer): AzureMachineLearningWorkspaces {
    const create = clientOptions(s).createClient;
    if (!create) throw new Error("no client factory");
    return create(REF.subscriptionId);
}

describe("applyTraffic", () => {
    it("first apply: the endpoint was created without traffic, both deployments exist; GET, whole PUT, poll", async () => {
        server = await serverWithEndpoint(["blue", "green"], { tags: { team: "ml" } });
        const live = await applyTraffic({ ...REF, traffic: { blue: 100, green: 0 } }, clientOptions(server));

        expect(live).toEqual({ traffic: { blue: 100, green: 0 }, mirrorTraffic: {}, provisioningState: "Succeeded" });
        expect(server.log()).toEqual(APPLY_LOG);
        expect(server.requests.map((r) => r.apiVersion)).toEqual(Array(5).fill(ONLINE_ENDPOINT_API_VERSION));
        // The endpoint goes back whole (tags, location, auth mode, network access) without read-only fields.
        expect(putBodies(server)).toEqual([
            {
                location: "eastus",
                tags: { team: "ml" },
                properties: {
                    authMode: "Key",
                    publicNetworkAccess: "Enabled",
                    traffic: { blue: 100, green: 0 },
                    mirrorTraffic: {},
                },
            },
        ]);
        expect(server.endpoint(REF)?.properties).toMatchObject({
            traffic: { blue: 100, green: 0 },
            provisioningState: "Succeeded",
        });
    });

    it("changes the split (canary 90/10), then switches blue/green (0/100)", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100, green: 0 } });

        await applyTraffic({ ...REF, traffic: { blue: 90, green: 10 } }, clientOptions(server));
        expect(server.endpoint(REF)?.properties.traffic).toEqual({ blue: 90, green: 10 });

        await applyTraffic({ ...REF, traffic: { blue: 0, green: 100 } }, clientOptions(server));
        expect(server.endpoint(REF)?.properties.traffic).toEqual({ blue: 0, green: 100 });
        expect(putBodies(server).map((b) => (b.properties as Record<string, unknown>).traffic)).toEqual([
            { blue: 90, green: 10 },
            { blue: 0, green: 100 },
        ]);
    });

    it("sets and clears a mirror, which the SDK's own model cannot carry", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 } });

        const mirrored = await applyTraffic(
            { ...REF, traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 10 } },
            clientOptions(server),
        );
        expect(mirrored.mirrorTraffic).toEqual({ green: 10 });
        expect(server.endpoint(REF)?.properties.mirrorTraffic).toEqual({ green: 10 });

        // Omitting mirrorTraffic stops mirroring.
        const plain = await applyTraffic({ ...REF, traffic: { blue: 100, green: 0 } }, clientOptions(server));
        expect(plain.mirrorTraffic).toEqual({});
        expect(server.endpoint(REF)?.properties.mirrorTraffic).toEqual({});
    });

    it("reads only, with no PUT, when Azure already routes exactly this split", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 90, green: 10 } });
        const live = await applyTraffic({ ...REF, traffic: { green: 10, blue: 90 } }, clientOptions(server));
        expect(live.traffic).toEqual({ blue: 90, green: 10 });
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200"]);
    });

    it("removing a deployment: deleting it first fails; moving traffic off first lets the delete succeed", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 90, green: 10 } });
        const client = sdk(server);

        // What Pulumi would do if the deployment went before the split changed: Azure refuses.
        await expect(
            client.onlineDeployments.beginDeleteAndWait(
                REF.resourceGroupName,
                REF.workspaceName,
                REF.endpointName,
                "blue",
            ),
        ).rejects.toMatchObject({
            statusCode: 400,
            code: "BadArgument",
            message:
                "Deployment 'blue' of endpoint 'chat-ep' has 90% traffic and 0% mirror traffic. Set its traffic to 0 before deleting it.",
        });
        expect(server.deployments(REF)).toEqual(["blue", "green"]);
        server.clearRequests();

        // What happens: the traffic resource's update (the new split without blue) runs first, then the delete.
        await applyTraffic({ ...REF, traffic: { green: 100 } }, clientOptions(server));
        await client.onlineDeployments.beginDeleteAndWait(
            REF.resourceGroupName,
            REF.workspaceName,
            REF.endpointName,
            "blue",
            { updateIntervalInMs: 1 },
        );

        expect(server.log()).toEqual([
            ...APPLY_LOG,
            "DELETE onlineEndpoints/chat-ep/deployments/blue 202",
            "GET operations/op-2 200 InProgress",
            "GET operations/op-2 200 Succeeded",
        ]);
        expect(server.deployments(REF)).toEqual(["green"]);
        expect(server.endpoint(REF)?.properties.traffic).toEqual({ green: 100 });
    });

    it("an endpoint update wipes the split; readTraffic shows it; applying again restores it", async () => {
        server = await serverWithEndpoint(["blue", "green"]);
        await applyTraffic({ ...REF, traffic: { blue: 90, green: 10 } }, clientOptions(server));

        // The azure-native OnlineEndpoint's update: a whole PUT from its own inputs, which carry no traffic.
        await sdk(server).onlineEndpoints.beginCreateOrUpdateAndWait(
            REF.resourceGroupName,
            REF.workspaceName,
            REF.endpointName,
            { location: "eastus", tags: { team: "ml" }, properties: { authMode: "Key", description: "v2" } },
            { updateIntervalInMs: 1 },
        );
        expect(await readTraffic(REF, clientOptions(server))).toEqual({
            traffic: {},
            mirrorTraffic: {},
            provisioningState: "Succeeded",
        });

        const restored = await applyTraffic({ ...REF, traffic: { blue: 90, green: 10 } }, clientOptions(server));
        expect(restored.traffic).toEqual({ blue: 90, green: 10 });
        // The restore kept what the endpoint's update wrote.
        expect(server.endpoint(REF)).toMatchObject({
            tags: { team: "ml" },
            properties: { description: "v2", traffic: { blue: 90, green: 10 } },
        });
    });
});

describe("readTraffic and clearTraffic", () => {
    it("readTraffic returns the live split, or undefined for a missing endpoint", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 }, mirrorTraffic: { green: 5 } });
        expect(await readTraffic(REF, clientOptions(server))).toEqual({
            traffic: { blue: 100 },
            mirrorTraffic: { green: 5 },
            provisioningState: "Succeeded",
        });
        expect(await readTraffic({ ...REF, endpointName: "gone" }, clientOptions(server))).toBeUndefined();
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200", "GET onlineEndpoints/gone 404"]);
    });

    it("clearTraffic routes and mirrors nothing, after which every deployment can be deleted", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 }, mirrorTraffic: { green: 10 } });
        const live = await clearTraffic(REF, clientOptions(server));
        expect(live).toEqual({ traffic: {}, mirrorTraffic: {}, provisioningState: "Succeeded" });
        expect(server.log()).toEqual(APPLY_LOG);
        expect(putBodies(server).map((b) => b.properties)).toEqual([
            { authMode: "Key", publicNetworkAccess: "Enabled", traffic: {}, mirrorTraffic: {} },
        ]);
        expect(server.deleteDeployment(REF, "blue")).toEqual({ status: 200 });
        expect(server.deleteDeployment(REF, "green")).toEqual({ status: 200 });
    });

    it("clearTraffic does nothing when the endpoint routes nothing or is gone", async () => {
        server = await serverWithEndpoint(["blue"]);
        expect(await clearTraffic(REF, clientOptions(server))).toEqual({
            traffic: {},
            mirrorTraffic: {},
            provisioningState: "Succeeded",
        });
        expect(await clearTraffic({ ...REF, endpointName: "gone" }, clientOptions(server))).toBeUndefined();
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200", "GET onlineEndpoints/gone 404"]);
    });
});

describe("Azure's refusals read clearly", () => {
    it("a split naming a deployment that does not exist yet (the reason traffic is applied after creation)", async () => {
        server = await serverWithEndpoint(["blue"]);
        await expect(applyTraffic({ ...REF, traffic: { blue: 90, green: 10 } }, clientOptions(server))).rejects.toThrow(
            new Error(
                `could not set traffic {"blue":90,"green":10} on ${WHERE}: Azure answered 400 BadArgument: ` +
                    "traffic references deployment 'green', which does not exist in endpoint 'chat-ep'.",
            ),
        );
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200", "PUT onlineEndpoints/chat-ep 400"]);
        expect(server.endpoint(REF)?.properties.traffic).toBeUndefined();
    });

    it("a missing endpoint", async () => {
        server = await serverWithEndpoint([]);
        await expect(
            applyTraffic({ ...REF, endpointName: "nope", traffic: { blue: 100 } }, clientOptions(server)),
        ).rejects.toThrow(
            new Error(
                `could not read online endpoint "nope" in workspace "ws-models" (resource group "rg-models", subscription "00000000-1111-2222-3333-444444444444"): ` +
                    "Azure answered 404 ResourceNotFound: The Resource 'Microsoft.MachineLearningServices/workspaces/ws-models/onlineEndpoints/nope' under resource group 'rg-models' was not found.",
            ),
        );
    });

    it("a conflict with another operation on the endpoint (not retried)", async () => {
        server = await serverWithEndpoint(["blue"]);
        server.failNext(
            { method: "PUT" },
            { status: 409, code: "Conflict", message: "Another operation is in progress on endpoint 'chat-ep'." },
        );
        await expect(clearTraffic(REF, clientOptions(server))).resolves.toBeDefined(); // nothing to clear: no PUT
        await expect(applyTraffic({ ...REF, traffic: { blue: 100 } }, clientOptions(server))).rejects.toThrow(
            new Error(
                `could not set traffic {"blue":100} on ${WHERE}: Azure answered 409 Conflict: Another operation is in progress on endpoint 'chat-ep'.`,
            ),
        );
    });

    it("a long-running operation that ends Failed, after which Azure holds the old split", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 } });
        server.failNextOperation({ code: "InternalServerError", message: "Deployment green could not take traffic." });
        await expect(applyTraffic({ ...REF, traffic: { blue: 50, green: 50 } }, clientOptions(server))).rejects.toThrow(
            new Error(
                `could not set traffic {"blue":50,"green":50} on ${WHERE}: the long-running operation failed with InternalServerError: Deployment green could not take traffic.`,
            ),
        );
        expect(server.log()).toEqual(APPLY_LOG.slice(0, 4).map((l) => l.replace("Succeeded", "Failed")));
        expect(server.endpoint(REF)?.properties).toMatchObject({ traffic: { blue: 100 }, provisioningState: "Failed" });
    });

    it("a transient 503 is retried by the SDK's own policy", async () => {
        server = await serverWithEndpoint(["blue"]);
        server.failNext(
            { method: "GET", pathIncludes: "onlineEndpoints" },
            { status: 503, code: "ServiceUnavailable", message: "Try again." },
        );
        await applyTraffic({ ...REF, traffic: { blue: 100 } }, clientOptions(server));
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 503", ...APPLY_LOG]);
    });

    it("the server refuses a request without a token, and the SDK's own API version (2022-10-01)", async () => {
        server = await serverWithEndpoint(["blue"]);
        const path = `${server.resourceId(REF)}?api-version=${ONLINE_ENDPOINT_API_VERSION}`;
        expect(await rawRequest(server, "GET", path, undefined, { authorized: false })).toEqual({
            status: 401,
            body: {
                error: {
                    code: "AuthenticationFailed",
                    message: "Authentication failed. The 'Authorization' header is missing.",
                },
            },
        });

        // A client made without createTrafficClient speaks the SDK's default version, whose model lacks mirrorTraffic.
        const unpinned = new AzureMachineLearningWorkspaces(fakeCredential, REF.subscriptionId, {
            endpoint: server.url,
            tlsOptions: { ca: TEST_SERVER_CERT },
        });
        await expect(readTraffic(REF, { createClient: () => unpinned })).rejects.toThrow(
            new Error(
                `could not read ${WHERE}: Azure answered 400 InvalidApiVersionParameter: ` +
                    "The api-version '2022-10-01' is invalid. This test server supports '2025-12-01'.",
            ),
        );
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 401", "GET onlineEndpoints/chat-ep 400"]);
    });
});
