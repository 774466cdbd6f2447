/**
 * The traffic functions and provider under what a busy Azure does, on the loopback ARM server: an operation that never
 * finishes (the deadline ends it, saying so), another writer editing the endpoint between our read and our write
 * (If-Match with the ETag read; the edit is kept), 429 and 503 without Retry-After (retried with backoff), and a
 * resource group whose name changes only in case (the same endpoint: no replacement, no write).
 *
 * ETags: the ML REST spec at 2025-12-01 documents no `etag` on OnlineEndpoint and no `If-Match` on its PUT, so the
 * server sends them only with `etags: true`; without an ETag the functions send no If-Match (the last test).
 */
import { afterEach, describe, expect, it } from "vitest";
import { endpointTrafficProvider, type EndpointTrafficOutputs } from "../../infra/components/endpointTraffic";
import { applyTraffic } from "../../infra/traffic/operations";
import { startArmServer, type ArmServer } from "../helpers/armServer";
import { clientOptions, REF, serverWithEndpoint } from "./helpers";

const WHERE =
    'online endpoint "chat-ep" in workspace "ws-models" (resource group "rg-models", subscription "00000000-1111-2222-3333-444444444444")';

let server: ArmServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});

async function etagServer(deployments: string[]): Promise<ArmServer> {
    const s = await startArmServer({ etags: true });
    s.seedEndpoint(REF, { tags: { team: "ml" } });
    for (const d of deployments) s.seedDeployment(REF, d);
    return s;
}

describe("deadline", () => {
    it("an operation that never finishes fails by the deadline, naming the endpoint and the setting", async () => {
        server = await serverWithEndpoint(["blue"]);
        server.stickNextOperation();
        const options = { ...clientOptions(server), pollIntervalMs: 50, timeoutMs: 1000 };
        await expect(applyTraffic({ ...REF, traffic: { blue: 100 } }, options)).rejects.toThrow(
            `could not set traffic {"blue":100} on ${WHERE}: no result within the deadline of 1 s (timeoutMs); ` +
                "a write Azure accepted may still finish: check the endpoint's provisioning state, then run pulumi refresh",
        );
        const log = server.log();
        expect(log.slice(0, 3)).toEqual([
            "GET onlineEndpoints/chat-ep 200",
            "PUT onlineEndpoints/chat-ep 200",
            "GET operations/op-1 200 InProgress",
        ]);
        expect(log.slice(2).every((l) => l === "GET operations/op-1 200 InProgress")).toBe(true);
        // It stopped polling: after a poll that was already on the wire when it gave up has landed, nothing more
        // arrives for four poll intervals.
        await new Promise((r) => setTimeout(r, 100));
        const count = server.requests.length;
        await new Promise((r) => setTimeout(r, 200));
        expect(server.requests.length).toBe(count);
    });

    it("the provider takes the deadline from timeoutSeconds, and check refuses a bad one", async () => {
        server = await serverWithEndpoint(["blue"]);
        server.stickNextOperation();
        const p = endpointTrafficProvider({ ...clientOptions(server), pollIntervalMs: 50 });
        await expect(p.create({ ...REF, traffic: { blue: 100 }, timeoutSeconds: 0.5 })).rejects.toThrow(
            "no result within the deadline of 500 ms (timeoutMs)",
        );
        const checked = await p.check!({} as EndpointTrafficOutputs, { ...REF, traffic: {}, timeoutSeconds: -1 });
        expect(checked.failures).toEqual([
            { property: "timeoutSeconds", reason: "must be a positive number of seconds; got -1" },
        ]);
    });
});

describe("If-Match", () => {
    it("a concurrent edit between read and write is not lost: 412, read again, write on the fresh copy", async () => {
        server = await etagServer(["blue", "green"]);
        const s = server;
        s.beforeNext({ method: "PUT", pathIncludes: "/onlineEndpoints/" }, () =>
            s.editEndpoint(REF, (r) => {
                r.tags = { ...r.tags, owner: "other-team" };
            }),
        );
        const live = await applyTraffic({ ...REF, traffic: { blue: 90, green: 10 } }, clientOptions(s));
        expect(live.traffic).toEqual({ blue: 90, green: 10 });
        expect(s.log()).toEqual([
            "GET onlineEndpoints/chat-ep 200",
            "PUT onlineEndpoints/chat-ep 412",
            "GET onlineEndpoints/chat-ep 200",
            "PUT onlineEndpoints/chat-ep 200",
            "GET operations/op-1 200 InProgress",
            "GET operations/op-1 200 Succeeded",
            "GET onlineEndpoints/chat-ep 200",
        ]);
        expect(s.requests.filter((r) => r.method === "PUT").map((r) => r.ifMatch)).toEqual(['"1"', '"2"']);
        expect(s.endpoint(REF)?.tags).toEqual({ team: "ml", owner: "other-team" });
        expect(s.endpoint(REF)?.properties.traffic).toEqual({ blue: 90, green: 10 });
    });

    it("an endpoint that keeps changing fails after the bounded retries, having written nothing", async () => {
        server = await etagServer(["blue"]);
        const s = server;
        for (let i = 0; i < 3; i++) {
            s.beforeNext({ method: "PUT", pathIncludes: "/onlineEndpoints/" }, () =>
                s.editEndpoint(REF, (r) => {
                    r.tags = { edit: String(i) };
                }),
            );
        }
        await expect(
            applyTraffic({ ...REF, traffic: { blue: 100 } }, { ...clientOptions(s), maxConflictRetries: 2 }),
        ).rejects.toThrow(
            `could not set traffic {"blue":100} on ${WHERE}: the endpoint changed between each read and write ` +
                "(3 times 412 Precondition Failed against the ETag read): another writer keeps updating it; " +
                "nothing was written, try again once it is done",
        );
        expect(s.log().filter((l) => l.startsWith("PUT"))).toEqual(Array(3).fill("PUT onlineEndpoints/chat-ep 412"));
        expect(s.endpoint(REF)?.properties.traffic).toBeUndefined();
        expect(s.endpoint(REF)?.tags).toEqual({ edit: "2" });
    });

    it("without an ETag from Azure (as the spec documents the endpoint) no If-Match is sent", async () => {
        server = await serverWithEndpoint(["blue"]);
        await applyTraffic({ ...REF, traffic: { blue: 100 } }, clientOptions(server));
        expect(server.requests.filter((r) => r.method === "PUT").map((r) => r.ifMatch)).toEqual([undefined]);
    });
});

describe("throttling", () => {
    it("429 without Retry-After is retried with backoff, on the read and the write", async () => {
        server = await serverWithEndpoint(["blue"]);
        const tooMany = { status: 429, code: "TooManyRequests", message: "Too many requests." };
        server.failNext({ method: "GET", pathIncludes: "/onlineEndpoints/" }, tooMany, 1);
        server.failNext({ method: "PUT", pathIncludes: "/onlineEndpoints/" }, tooMany, 2);
        const live = await applyTraffic({ ...REF, traffic: { blue: 100 } }, clientOptions(server));
        expect(live.traffic).toEqual({ blue: 100 });
        expect(server.log().slice(0, 5)).toEqual([
            "GET onlineEndpoints/chat-ep 429",
            "GET onlineEndpoints/chat-ep 200",
            "PUT onlineEndpoints/chat-ep 429",
            "PUT onlineEndpoints/chat-ep 429",
            "PUT onlineEndpoints/chat-ep 200",
        ]);
    });

    it("503 without Retry-After is retried too (the SDK's exponential policy)", async () => {
        server = await serverWithEndpoint(["blue"]);
        const busy = { status: 503, code: "ServiceUnavailable", message: "Busy." };
        server.failNext({ method: "PUT", pathIncludes: "/onlineEndpoints/" }, busy, 1);
        await applyTraffic({ ...REF, traffic: { blue: 100 } }, clientOptions(server));
        expect(server.log().slice(1, 3)).toEqual([
            "PUT onlineEndpoints/chat-ep 503",
            "PUT onlineEndpoints/chat-ep 200",
        ]);
    });

    it("past the bounded retries it fails with Azure's answer", async () => {
        server = await serverWithEndpoint(["blue"]);
        const tooMany = { status: 429, code: "TooManyRequests", message: "Too many requests." };
        server.failNext({ method: "PUT", pathIncludes: "/onlineEndpoints/" }, tooMany, 3);
        const options = { ...clientOptions(server), throttling: { maxRetries: 2, retryDelayMs: 1 } };
        await expect(applyTraffic({ ...REF, traffic: { blue: 100 } }, options)).rejects.toThrow(
            `could not set traffic {"blue":100} on ${WHERE}: Azure answered 429 TooManyRequests: Too many requests.`,
        );
        expect(server.log().filter((l) => l.startsWith("PUT"))).toEqual(
            Array(3).fill("PUT onlineEndpoints/chat-ep 429"),
        );
    });
});

describe("coordinates without case", () => {
    it("a resource group renamed only in case is an update that writes nothing, never a replacement", async () => {
        server = await serverWithEndpoint(["blue"], { traffic: { blue: 100 } });
        const p = endpointTrafficProvider(clientOptions(server));
        const olds: EndpointTrafficOutputs = { ...REF, traffic: { blue: 100 }, mirrorTraffic: {} };
        const news = { ...REF, resourceGroupName: "RG-Models", traffic: { blue: 100 } };
        expect(await p.diff!("id", olds, news)).toEqual({ changes: true });
        const updated = await p.update!("id", olds, news);
        expect(updated.outs).toEqual({ ...olds, resourceGroupName: "RG-Models" });
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200"]);
        // Another resource group is another endpoint: that still replaces.
        expect(await p.diff!("id", olds, { ...news, resourceGroupName: "rg-other" })).toEqual({
            changes: true,
            replaces: ["resourceGroupName"],
            deleteBeforeReplace: false,
        });
    });
});
