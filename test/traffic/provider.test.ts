/**
 * The EndpointTraffic dynamic provider's methods, called as the engine calls them, against the loopback ARM server:
 * check, diff (input changes, endpointRevision, drift of the live split, replacements, unknowns in preview), create,
 * read (refresh), update and delete.
 *
 * What this cannot prove: the engine's ordering (that the update runs after the endpoint's and before the deleted
 * deployment's delete). That comes from dependencies: this resource depends on the endpoint and the deployments.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
    endpointTrafficProvider,
    type EndpointTrafficInputs,
    type EndpointTrafficOutputs,
} from "../../infra/components/endpointTraffic";
import type { ArmServer } from "../helpers/armServer";
import { clientOptions, putBodies, REF, serverWithEndpoint } from "./helpers";

/** `unknownValue` of @pulumi/pulumi/runtime/rpc: what the engine sends for a value not known in preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const ID = `/subscriptions/${REF.subscriptionId}/resourceGroups/rg-models/providers/Microsoft.MachineLearningServices/workspaces/ws-models/onlineEndpoints/chat-ep`;

let server: ArmServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});

function inputs(extra: Partial<EndpointTrafficInputs> = {}): EndpointTrafficInputs {
    return { ...REF, traffic: { blue: 100, green: 0 }, endpointRevision: "r1", ...extra };
}

function state(extra: Partial<EndpointTrafficOutputs> = {}): EndpointTrafficOutputs {
    return { ...REF, traffic: { blue: 100, green: 0 }, mirrorTraffic: {}, endpointRevision: "r1", ...extra };
}

function provider(s: ArmServer) {
    const p = endpointTrafficProvider(clientOptions(s));
    const need = <T>(f: T | undefined): T => {
        if (f === undefined) throw new Error("provider method missing");
        return f;
    };
    return {
        check: need(p.check),
        diff: need(p.diff),
        create: p.create,
        read: need(p.read),
        update: need(p.update),
        delete: need(p.delete),
    };
}

describe("check", () => {
    it("passes valid inputs through and reports each bad one by property", async () => {
        server = await serverWithEndpoint([]);
        const p = provider(server);
        expect(await p.check(state(), inputs())).toEqual({ inputs: inputs(), failures: [] });

        const bad = {
            ...inputs({ traffic: { blue: 70.5 }, mirrorTraffic: { blue: 60 } }),
            workspaceName: "",
            subscriptionId: undefined,
        } as unknown as EndpointTrafficInputs;
        expect((await p.check(state(), bad)).failures).toEqual([
            {
                property: "subscriptionId",
                reason: "is required: pass subscriptionId, or set config azure-native:subscriptionId or ARM_SUBSCRIPTION_ID",
            },
            { property: "workspaceName", reason: 'is required: a non-empty string; got ""' },
            { property: 'traffic["blue"]', reason: "must be an integer from 0 to 100; got 70.5" },
            { property: "mirrorTraffic", reason: "must add up to at most 50; got 60 (blue 60)" },
        ]);
        expect(server.requests).toEqual([]);
    });

    it("leaves values unknown in preview alone", async () => {
        server = await serverWithEndpoint([]);
        const p = provider(server);
        const preview = {
            ...inputs(),
            endpointName: UNKNOWN,
            traffic: { blue: UNKNOWN },
        } as unknown as EndpointTrafficInputs;
        expect((await p.check(state(), preview)).failures).toEqual([]);
    });
});

describe("diff", () => {
    it("no change in inputs and the live split matches: no update (after one GET)", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 } });
        expect(await provider(server).diff(ID, state(), inputs())).toEqual({ changes: false });
        expect(server.log()).toEqual(["GET onlineEndpoints/chat-ep 200"]);
    });

    it("a changed split is an update, decided without calling Azure", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 } });
        const p = provider(server);
        expect(await p.diff(ID, state(), inputs({ traffic: { blue: 90, green: 10 } }))).toEqual({ changes: true });
        expect(await p.diff(ID, state(), inputs({ mirrorTraffic: { green: 10 } }))).toEqual({ changes: true });
        expect(server.requests).toEqual([]);
    });

    it("a changed endpointRevision is an update: the endpoint changed and may have reset the split", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 } });
        expect(await provider(server).diff(ID, state(), inputs({ endpointRevision: "r2" }))).toEqual({ changes: true });
        expect(await provider(server).diff(ID, state(), inputs({ endpointRevision: UNKNOWN }))).toEqual({
            changes: true,
        });
    });

    it("the same split written differently (order, 0% entries) is no change", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 } });
        expect(
            await provider(server).diff(
                ID,
                state({ traffic: { blue: 100 } }),
                inputs({ traffic: { green: 0, blue: 100 } }),
            ),
        ).toEqual({
            changes: false,
        });
    });

    it("a live split that drifted (an endpoint PUT or a hand edit) is an update", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 50, green: 50 } });
        expect(await provider(server).diff(ID, state(), inputs())).toEqual({ changes: true });
        server.seedEndpoint(REF); // the endpoint exists again, without traffic
        expect(await provider(server).diff(ID, state(), inputs())).toEqual({ changes: true });
    });

    it("another endpoint (or one not known yet in preview) is a replacement", async () => {
        server = await serverWithEndpoint([]);
        const p = provider(server);
        expect(await p.diff(ID, state(), inputs({ endpointName: "other-ep" }))).toEqual({
            changes: true,
            replaces: ["endpointName"],
            deleteBeforeReplace: false,
        });
        expect(await p.diff(ID, state(), inputs({ workspaceName: UNKNOWN, traffic: { blue: 100 } }))).toEqual({
            changes: true,
            replaces: ["workspaceName"],
            deleteBeforeReplace: false,
        });
        expect(
            await p.diff(ID, state(), { ...inputs(), traffic: UNKNOWN } as unknown as EndpointTrafficInputs),
        ).toEqual({ changes: true });
        expect(server.requests).toEqual([]);
    });
});

describe("create, read, update, delete", () => {
    it("create applies the split and keeps what Azure holds", async () => {
        server = await serverWithEndpoint(["blue", "green"]);
        expect(await provider(server).create(inputs())).toEqual({ id: ID, outs: state() });
        expect(server.endpoint(REF)?.properties.traffic).toEqual({ blue: 100, green: 0 });
    });

    it("read reports the live split (drift shows on refresh), and an endpoint that is gone as an empty id", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 10, green: 90 } });
        const p = provider(server);
        expect(await p.read(ID, state())).toEqual({ id: ID, props: state({ traffic: { blue: 10, green: 90 } }) });
        expect(await p.read(ID, state({ endpointName: "gone" }))).toEqual({ id: "", props: {} });
    });

    it("update applies the new split; one that drops a deployment frees it for deletion", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 90, green: 10 } });
        const olds = state({ traffic: { blue: 90, green: 10 } });
        const news = inputs({ traffic: { green: 100 } });
        expect(await provider(server).update(ID, olds, news)).toEqual({ outs: state({ traffic: { green: 100 } }) });
        expect(server.deleteDeployment(REF, "blue")).toEqual({ status: 200 });
    });

    it("delete sets traffic to {} so that the deployments can be deleted; on a gone endpoint it does nothing", async () => {
        server = await serverWithEndpoint(["blue", "green"], { traffic: { blue: 100 }, mirrorTraffic: { green: 10 } });
        const p = provider(server);
        await p.delete(ID, state());
        expect(putBodies(server).map((b) => b.properties)).toEqual([
            { authMode: "Key", publicNetworkAccess: "Enabled", traffic: {}, mirrorTraffic: {} },
        ]);
        expect(server.endpoint(REF)?.properties).toMatchObject({ traffic: {}, mirrorTraffic: {} });
        expect(server.deleteDeployment(REF, "blue")).toEqual({ status: 200 });
        expect(server.deleteDeployment(REF, "green")).toEqual({ status: 200 });

        server.clearRequests();
        await p.delete(ID, state({ endpointName: "gone" }));
        expect(server.log()).toEqual(["GET onlineEndpoints/gone 404"]);
    });

    it("an endpoint update cannot keep the split wiped: the changed endpointRevision re-applies it", async () => {
        server = await serverWithEndpoint(["blue", "green"]);
        const p = provider(server);
        const created = await p.create(inputs({ traffic: { blue: 90, green: 10 } }));
        const outs = created.outs ?? state();

        // `pulumi up` with a changed endpoint: azure-native PUTs the endpoint from its inputs (no traffic)...
        server.seedEndpoint(REF, { tags: { release: "2" } });
        // ...refresh (or any read) shows the drift...
        expect((await p.read(ID, outs)).props?.traffic).toEqual({});
        // ...and the traffic resource, whose endpointRevision changed with the endpoint's inputs, updates after it.
        const news = inputs({ traffic: { blue: 90, green: 10 }, endpointRevision: "r2" });
        expect(await p.diff(ID, outs, news)).toEqual({ changes: true });
        const updated = (await p.update(ID, outs, news)).outs ?? state();
        expect(updated).toEqual(state({ traffic: { blue: 90, green: 10 }, endpointRevision: "r2" }));
        expect(server.endpoint(REF)).toMatchObject({
            tags: { release: "2" },
            properties: { traffic: { blue: 90, green: 10 } },
        });
        // The next preview finds nothing to do.
        expect(await p.diff(ID, updated, news)).toEqual({ changes: false });
    });

    it("Azure's refusal reaches the engine as the provider's error", async () => {
        server = await serverWithEndpoint(["blue"]);
        await expect(provider(server).create(inputs({ traffic: { blue: 50, green: 50 } }))).rejects.toThrow(
            'could not set traffic {"blue":50,"green":50} on online endpoint "chat-ep" in workspace "ws-models" ' +
                '(resource group "rg-models", subscription "00000000-1111-2222-3333-444444444444"): Azure answered 400 BadArgument: ' +
                "traffic references deployment 'green', which does not exist in endpoint 'chat-ep'.",
        );
    });
});
