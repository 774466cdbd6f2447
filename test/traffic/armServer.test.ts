/**
 * The loopback ARM server keeps Azure's rules even when the client skips its own checks: these requests bypass
 * applyTraffic's validation, so the other tests can trust that a split the server accepts is one Azure would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ONLINE_ENDPOINT_API_VERSION } from "../../infra/traffic/client";
import { startArmServer, type ArmServer } from "../helpers/armServer";
import { rawRequest, REF, serverWithEndpoint } from "./helpers";

let server: ArmServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});

const q = `?api-version=${ONLINE_ENDPOINT_API_VERSION}`;

function putEndpoint(s: ArmServer, properties: Record<string, unknown>, name = REF.endpointName) {
    return rawRequest(s, "PUT", `${s.resourceId({ ...REF, endpointName: name })}${q}`, {
        location: "eastus",
        properties,
    });
}

function badArgument(message: string) {
    return { status: 400, body: { error: { code: "BadArgument", message } } };
}

describe("armServer", () => {
    it("refuses splits Azure refuses", async () => {
        server = await serverWithEndpoint(["blue", "green"]);
        expect(await putEndpoint(server, { authMode: "Key", traffic: { blue: 80, green: 10 } })).toEqual(
            badArgument("Traffic values must sum to 100; they sum to 90."),
        );
        expect(
            await putEndpoint(server, { authMode: "Key", traffic: { blue: 100 }, mirrorTraffic: { green: 51 } }),
        ).toEqual(badArgument("Mirror traffic values must sum to at most 50; they sum to 51."));
        expect(
            await putEndpoint(server, {
                authMode: "Key",
                traffic: { blue: 90, green: 10 },
                mirrorTraffic: { green: 10 },
            }),
        ).toEqual(badArgument("Deployment 'green' cannot receive mirror traffic because it receives live traffic."));
        expect(
            await putEndpoint(server, { authMode: "Key", traffic: { blue: 100 }, mirrorTraffic: { red: 10 } }),
        ).toEqual(
            badArgument("mirrorTraffic references deployment 'red', which does not exist in endpoint 'chat-ep'."),
        );
        expect(await putEndpoint(server, { traffic: {} })).toEqual(badArgument("properties.authMode is required."));
        expect(server.endpoint(REF)?.properties.traffic).toBeUndefined();
    });

    it("creates an endpoint with 201 and an operation to poll, and cannot give a new endpoint traffic", async () => {
        server = await serverWithEndpoint([]);
        expect(await putEndpoint(server, { authMode: "Key", traffic: { blue: 100 } }, "fresh")).toEqual(
            badArgument("traffic references deployment 'blue', which does not exist in endpoint 'fresh'."),
        );
        const created = await putEndpoint(server, { authMode: "Key" }, "fresh");
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
            name: "fresh",
            properties: { authMode: "Key", provisioningState: "Creating" },
        });
        const op = `/subscriptions/${REF.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/op-1${q}`;
        expect((await rawRequest(server, "GET", op)).body).toMatchObject({ status: "InProgress" });
        expect((await rawRequest(server, "GET", op)).body).toMatchObject({ status: "Succeeded" });
        expect(server.endpoint({ ...REF, endpointName: "fresh" })?.properties.provisioningState).toBe("Succeeded");
    });

    it("a PUT replaces properties whole: one without traffic wipes the split", async () => {
        server = await serverWithEndpoint(["blue"], { traffic: { blue: 100 } });
        expect((await putEndpoint(server, { authMode: "Key", description: "new" })).status).toBe(200);
        expect(server.endpoint(REF)?.properties).toEqual({
            authMode: "Key",
            description: "new",
            provisioningState: "Updating",
            scoringUri: "https://chat-ep.eastus.inference.ml.azure.com/score",
            swaggerUri: "https://chat-ep.eastus.inference.ml.azure.com/swagger.json",
        });
    });

    it("deletes a deployment only once it has no traffic, and answers 404 and 204 for missing ones", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 0, green: 100 } });
        const path = (d: string) => `${server?.resourceId(REF, d)}${q}`;
        expect(await rawRequest(server, "DELETE", path("green"))).toEqual(
            badArgument(
                "Deployment 'green' of endpoint 'chat-ep' has 100% traffic and 0% mirror traffic. Set its traffic to 0 before deleting it.",
            ),
        );
        expect((await rawRequest(server, "DELETE", path("blue"))).status).toBe(202);
        expect(server.endpoint(REF)?.properties.traffic).toEqual({ green: 100 });
        expect((await rawRequest(server, "GET", path("blue"))).status).toBe(404);
        expect((await rawRequest(server, "DELETE", path("blue"))).status).toBe(204);
        expect(server.deployments(REF)).toEqual(["green"]);
    });

    it("stops answering after maxRequests and records what it refused", async () => {
        server = await startArmServer({ maxRequests: 1 });
        server.seedEndpoint(REF);
        const path = `${server.resourceId(REF)}${q}`;
        expect((await rawRequest(server, "GET", path)).status).toBe(200);
        expect(await rawRequest(server, "GET", path)).toEqual({
            status: 400,
            body: { error: { code: "TestServerRequestLimit", message: "The test server answers at most 1 requests." } },
        });
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200", "GET onlineEndpoints/chat-ep 400"]);
    });
});
