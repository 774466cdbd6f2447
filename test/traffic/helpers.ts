/**
 * Shared set-up of the traffic tests: the real `@azure/arm-machinelearning` client pointed at the loopback ARM server
 * with a fake credential, and one endpoint to work on.
 */
import { request } from "node:https";
import { createTrafficClient, type TrafficClientOptions, type TrafficCredential } from "../../infra/traffic/client";
import type { EndpointRef } from "../../infra/traffic/operations";
import { startArmServer, TEST_SERVER_CERT, type ArmServer, type EndpointSeed } from "../helpers/armServer";

/** A TokenCredential that hands out a fixed token: the server only checks that one is sent. */
export const fakeCredential: TrafficCredential = {
    getToken: async () => ({ token: "fake-token", expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export const REF: EndpointRef = {
    subscriptionId: "00000000-1111-2222-3333-444444444444",
    resourceGroupName: "rg-models",
    workspaceName: "ws-models",
    endpointName: "chat-ep",
};

/**
 * Client options for the server: its loopback HTTPS endpoint and certificate, 1 ms between polls, retries 1-2 ms apart.
 * (`allowInsecureConnection` with an `http:` endpoint does not do: the SDK's bearer-token policy refuses `http:`.)
 */
export function clientOptions(server: ArmServer): TrafficClientOptions {
    return clientOptionsFor(server.url);
}

/**
 * {@link clientOptions} from the server's URL alone: what it returns captures only strings and functions, so a
 * provider made with it survives Pulumi's closure serialization (the server object would not).
 */
export function clientOptionsFor(url: string): TrafficClientOptions {
    const ca = TEST_SERVER_CERT;
    return {
        createClient: (subscriptionId) =>
            createTrafficClient(fakeCredential, subscriptionId, {
                endpoint: url,
                tlsOptions: { ca },
                retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 5 },
            }),
        pollIntervalMs: 1,
        throttling: { retryDelayMs: 1, maxRetryDelayMs: 2 },
    };
}

/** A server holding REF's endpoint without traffic and the given deployments, as after the endpoint's creation. */
export async function serverWithEndpoint(deployments: string[], init?: EndpointSeed): Promise<ArmServer> {
    const server = await startArmServer();
    server.seedEndpoint(REF, init);
    for (const d of deployments) server.seedDeployment(REF, d);
    return server;
}

/** The PUT bodies the server received, in order. */
export function putBodies(server: ArmServer): Record<string, unknown>[] {
    return server.requests.filter((r) => r.method === "PUT").map((r) => r.body as Record<string, unknown>);
}

/** A request to the server outside the SDK (bodies the SDK would not send), trusting its certificate. */
export function rawRequest(
    server: ArmServer,
    method: string,
    path: string,
    body?: unknown,
    options: { authorized?: boolean } = {},
): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.authorized !== false) headers.authorization = "Bearer fake-token";
    return new Promise((resolve, reject) => {
        const req = request(`${server.url}${path}`, { method, headers, ca: TEST_SERVER_CERT }, (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c.toString("utf8")));
            res.on("end", () => {
                resolve({
                    status: res.statusCode ?? 0,
                    body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined,
                });
            });
        });
        req.on("error", reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
    });
}
