/**
 * EndpointTraffic as a program builds it, under Pulumi's mocks: what it registers, how it checks its arguments and
 * finds its subscription, and that Pulumi's closure serialization of its provider works here (vitest + tsx) and
 * yields code that runs in a plain Node process, as Pulumi's dynamic-provider host runs it.
 *
 * What mocks cannot prove: the engine's ordering of the real update and delete steps, and a real Azure login.
 */
import * as pulumi from "@pulumi/pulumi";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EndpointTraffic, endpointTrafficProvider } from "../../infra/components/endpointTraffic";
import type { ArmServer } from "../helpers/armServer";
import { clientOptionsFor, REF, serverWithEndpoint } from "./helpers";

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** A dynamic resource with a provider of the test's choosing (pulumi.dynamic.Resource is abstract). */
class TestTraffic extends pulumi.dynamic.Resource {}

const registered: Registered[] = [];
let workDir: string;

beforeAll(async () => {
    // As the task asks: these mocks answer every resource with its inputs as state.
    await pulumi.runtime.setMocks(
        {
            newResource: (a) => {
                registered.push({ type: a.type, name: a.name, inputs: a.inputs as Record<string, unknown> });
                return { id: a.name + "-id", state: a.inputs };
            },
            call: () => ({}),
        },
        "p",
        "s",
        true,
    );
    workDir = mkdtempSync(join(tmpdir(), "endpoint-traffic-"));
});

afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
});

beforeEach(() => {
    registered.length = 0;
    vi.stubEnv("ARM_SUBSCRIPTION_ID", "");
    vi.stubEnv("AZURE_SUBSCRIPTION_ID", "");
    pulumi.runtime.setAllConfig({});
});

afterEach(() => {
    vi.unstubAllEnvs();
});

const value = <T>(o: pulumi.Output<T>): Promise<T> => new Promise((resolve) => o.apply(resolve));

const ARGS = {
    subscriptionId: REF.subscriptionId,
    resourceGroupName: "rg-models",
    workspaceName: "ws-models",
    endpointName: "chat-ep",
    traffic: { blue: 90, green: 10 },
    endpointRevision: "rev-1",
};

/** The inputs a resource registered, less the serialized provider. */
function inputsOf(r: Registered): Record<string, unknown> {
    const { __provider: _p, ...rest } = r.inputs;
    return rest;
}

/** Runs a serialized provider in a fresh Node process the way Pulumi's dynamic-provider host loads it. */
async function runSerialized(text: string, method: string, args: unknown[]): Promise<unknown> {
    const file = join(workDir, `provider-${Date.now()}-${Math.random().toString(36).slice(2)}.js`);
    writeFileSync(file, text);
    const script = [
        "const [file, method, args] = process.argv.slice(1);",
        'const rfs = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));',
        'const provider = rfs(require("node:fs").readFileSync(file, "utf8")).handler();',
        "provider[method](...JSON.parse(args)).then(",
        "    (r) => process.stdout.write(JSON.stringify({ result: r === undefined ? null : r })),",
        "    (e) => process.stdout.write(JSON.stringify({ error: e.message })),",
        ");",
    ].join("\n");
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script, file, method, JSON.stringify(args)], {
        cwd: process.cwd(),
        timeout: 30_000,
    });
    return JSON.parse(stdout) as unknown;
}

describe("EndpointTraffic under mocks", () => {
    it("constructs with plain inputs, registers one dynamic resource, and resolves its id", async () => {
        const r = new EndpointTraffic("traffic", ARGS);
        expect(await new Promise((res) => r.id.apply(res))).toBe("traffic-id");
        expect(await value(r.traffic)).toEqual({ blue: 90, green: 10 });
        expect(await value(r.endpointName)).toBe("chat-ep");

        expect(registered.map((x) => `${x.type} ${x.name}`)).toEqual(["pulumi-nodejs:dynamic:EndpointTraffic traffic"]);
        expect(inputsOf(registered[0])).toEqual(ARGS);
    });

    it("serializes its provider small, with the Azure SDK loaded inside functions rather than inlined", async () => {
        const r = new EndpointTraffic("traffic", ARGS);
        await value(r.id);
        const text = registered[0].inputs.__provider;
        expect(typeof text).toBe("string");
        const source = text as string;
        expect(source.startsWith("exports.handler = ")).toBe(true);
        expect(source.length).toBeLessThan(64 * 1024);
        expect(source).toContain('require("@azure/arm-machinelearning")');
        expect(source).toContain('require("@azure/identity")');
        // No SDK source was captured: its client class and its pipeline code stay in node_modules.
        expect(source).not.toContain("class AzureMachineLearningWorkspaces");
        expect(source).not.toContain("bearerTokenAuthenticationPolicy");
    });

    it("its serialized provider runs in a plain Node process: check reports a bad split", async () => {
        const r = new EndpointTraffic("traffic", { ...ARGS, traffic: pulumi.output({ blue: 90, green: 10 }) });
        await value(r.id);
        const text = registered[0].inputs.__provider as string;
        expect(await runSerialized(text, "check", [{}, { ...ARGS, traffic: { blue: 90 } }])).toEqual({
            result: {
                inputs: { ...ARGS, traffic: { blue: 90 } },
                failures: [
                    {
                        property: "traffic",
                        reason: "must add up to 100, or be empty or all 0 to route nothing; got 90 (blue 90)",
                    },
                ],
            },
        });
    });

    describe("end to end through serialization", () => {
        let server: ArmServer;
        beforeEach(async () => {
            server = await serverWithEndpoint(["blue", "green"]);
        });
        afterEach(async () => {
            await server.close();
        });

        it("a provider serialized by Pulumi creates and deletes the split against the loopback ARM server", async () => {
            const provider = endpointTrafficProvider(clientOptionsFor(server.url));
            const r = new TestTraffic(provider, "e2e", { ...ARGS }, undefined, undefined, "EndpointTraffic");
            await value(r.id);
            const text = registered[0].inputs.__provider as string;

            expect(await runSerialized(text, "create", [ARGS])).toEqual({
                result: {
                    id: server.resourceId(REF),
                    outs: { ...ARGS, mirrorTraffic: {} },
                },
            });
            expect(server.endpoint(REF)?.properties.traffic).toEqual({ blue: 90, green: 10 });

            expect(
                await runSerialized(text, "delete", [server.resourceId(REF), { ...ARGS, mirrorTraffic: {} }]),
            ).toEqual({ result: null });
            expect(server.endpoint(REF)?.properties.traffic).toEqual({});
        });
    });

    it("refuses a bad split given as plain values before registering anything, listing every problem", () => {
        let error: unknown;
        try {
            new EndpointTraffic("bad", { ...ARGS, traffic: { blue: 80, green: 30 }, mirrorTraffic: { green: 70 } });
        } catch (e) {
            error = e;
        }
        expect(pulumi.InputPropertiesError.isInstance(error)).toBe(true);
        const problems = [
            {
                propertyPath: "traffic",
                reason: "must add up to 100, or be empty or all 0 to route nothing; got 110 (blue 80 + green 30)",
            },
            { propertyPath: "mirrorTraffic", reason: "must add up to at most 50; got 70 (green 70)" },
            {
                propertyPath: 'mirrorTraffic["green"]',
                reason: 'cannot mirror to a deployment that serves live traffic (traffic["green"] is 30); set its traffic to 0 or stop mirroring to it',
            },
        ];
        expect((error as pulumi.InputPropertiesError).errors).toEqual(problems);
        expect((error as pulumi.InputPropertiesError).message).toBe(
            `EndpointTraffic bad: invalid arguments:\n${problems.map((p) => `${p.propertyPath}: ${p.reason}`).join("\n")}`,
        );
        expect(registered).toEqual([]);
    });

    it("takes the subscription from config azure-native:subscriptionId, else ARM_SUBSCRIPTION_ID, else AZURE_SUBSCRIPTION_ID", async () => {
        const { subscriptionId: _s, ...rest } = ARGS;

        vi.stubEnv("AZURE_SUBSCRIPTION_ID", "from-azure-env");
        await value(new EndpointTraffic("a", rest).id);
        vi.stubEnv("ARM_SUBSCRIPTION_ID", "from-arm-env");
        await value(new EndpointTraffic("b", rest).id);
        pulumi.runtime.setAllConfig({ "azure-native:subscriptionId": "from-config" });
        await value(new EndpointTraffic("c", rest).id);
        await value(new EndpointTraffic("d", { ...rest, subscriptionId: "explicit" }).id);

        expect(registered.map((r) => `${r.name} ${String(r.inputs.subscriptionId)}`)).toEqual([
            "a from-azure-env",
            "b from-arm-env",
            "c from-config",
            "d explicit",
        ]);
    });

    it("without any subscription it says where to set one", () => {
        const { subscriptionId: _s, ...rest } = ARGS;
        expect(() => new EndpointTraffic("nosub", rest)).toThrow(
            "EndpointTraffic nosub: invalid arguments:\n" +
                "subscriptionId: is required: pass subscriptionId, or set config azure-native:subscriptionId or ARM_SUBSCRIPTION_ID",
        );
    });
});
