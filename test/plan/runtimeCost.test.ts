/**
 * The plan skips what the Pulumi runtime computes for the engine alone (plan/run/runtimeCost.ts): the same plan, the
 * program's own aliases and error stack traces intact, the runtime put back afterwards.
 */
import * as pulumi from "@pulumi/pulumi";
import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import { describe, expect, it } from "vitest";
import { captureProgram } from "../../plan/run/capture";
import { isApiVersionAlias } from "../../plan/run/runtimeCost";
import { defineStack } from "../../infra/stack";
import { loadStackConfig } from "../../infra/config";
import * as path from "node:path";
import { PROJECT } from "../helpers/stack";
import { stackFileConfig } from "../review/plans";

const ENDPOINT = "azure-native:machinelearningservices:ServerlessEndpoint";

describe("isApiVersionAlias", () => {
    it.each([
        [{ type: "azure-native:machinelearningservices/v20240401:ServerlessEndpoint" }, true],
        [{ type: "azure-native:cognitiveservices/v20250601preview:Account" }, true],
        [{ type: ENDPOINT }, false],
        [{ type: "azure-native:machinelearningservices/v20240401:ServerlessEndpoint", name: "old" }, false],
        [{ name: "old" }, false],
        [{ type: "aws:s3/v2:Bucket" }, false],
        ["urn:pulumi:dev::p::azure-native:machinelearningservices/v20240401:ServerlessEndpoint::e", false],
    ])("%j: %s", (alias, expected) => {
        expect(isApiVersionAlias(alias)).toBe(expected);
    });
});

/** A program declaring one ServerlessEndpoint with an alias of its own, recording the options the runtime sees. */
function endpointProgram(seen: { aliases: unknown[]; stack?: string }) {
    return () => {
        // Registered after the plan's own transformation, so it sees the options as the runtime uses them.
        pulumi.runtime.registerStackTransformation(({ type, opts }) => {
            if (type === ENDPOINT) seen.aliases = [...(opts.aliases ?? [])];
            return undefined;
        });
        new machinelearningservices.ServerlessEndpoint(
            "e",
            {
                resourceGroupName: "rg",
                workspaceName: "ws",
                properties: { authMode: "Key", modelSettings: { modelId: "azureml://registries/x/models/y" } },
                sku: { name: "Consumption" },
            },
            { aliases: [{ name: "old-e" }] },
        );
        return {};
    };
}

const OPTIONS = { project: PROJECT, stack: "test" };

describe("the plan without the runtime's engine-only work", () => {
    it("drops azure-native's API-version aliases and keeps the program's own", async () => {
        const seen: { aliases: unknown[] } = { aliases: [] };
        expect((await captureProgram(endpointProgram(seen), OPTIONS)).error).toBeUndefined();
        expect(seen.aliases).toEqual([{ name: "old-e" }]);

        await captureProgram(endpointProgram(seen), { ...OPTIONS, keepRuntimeDebugInfo: true });
        expect(seen.aliases).toContainEqual({ name: "old-e" });
        // azure-native 3.28.0 gives a ServerlessEndpoint one alias per older API version: 20.
        expect(seen.aliases.filter(isApiVersionAlias)).toHaveLength(20);
    });

    it("takes no stack traces for the runtime's promises or registrations while the program runs", async () => {
        /* eslint-disable @typescript-eslint/no-require-imports -- internal modules, absent from the typings */
        const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
            debuggablePromise: (p: Promise<unknown>, ctx: string) => Promise<unknown>;
        };
        const resource = (
            require("@pulumi/pulumi/resource") as { Resource: { stackTrace: (skip: number) => unknown[] } }
        ).Resource;
        /* eslint-enable @typescript-eslint/no-require-imports */
        /** What the runtime would record for a promise it tracks and for a registration, taken inside the program. */
        const probe = async (keepRuntimeDebugInfo: boolean) => {
            const seen: { promiseTrace?: string; registrationFrames?: number } = {};
            await captureProgram(
                async () => {
                    const p = Promise.resolve(1);
                    await debuggable.debuggablePromise(p, "probe");
                    seen.promiseTrace = (p as unknown as { _debugStackTrace: string })._debugStackTrace;
                    seen.registrationFrames = resource.stackTrace(0).length;
                    return {};
                },
                { ...OPTIONS, keepRuntimeDebugInfo },
            );
            return seen;
        };
        // The trace's first line is "Error" or "Error: " depending on who formats it (Node, or vitest's source maps).
        const lean = await probe(false);
        expect(lean.promiseTrace).toMatch(/^Error:? ?$/);
        expect(lean.registrationFrames).toBe(0);
        const full = await probe(true);
        expect(full.promiseTrace).toMatch(/^Error:? ?\n\s+at Object\.debuggablePromise /);
        expect(full.registrationFrames).toBeGreaterThan(0);
    });

    it("keeps the stack trace of an error the program throws, and puts the runtime back afterwards", async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: unknown };
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const resource = (require("@pulumi/pulumi/resource") as { Resource: { stackTrace: unknown } }).Resource;
        const before = [debuggable.debuggablePromise, resource.stackTrace, Error.stackTraceLimit];
        function programThatFails(): never {
            throw new Error("the program's own bug");
        }
        const capture = await captureProgram(programThatFails, OPTIONS);
        expect((capture.error as Error).message).toBe("the program's own bug");
        expect((capture.error as Error).stack).toContain("at programThatFails");
        expect([debuggable.debuggablePromise, resource.stackTrace, Error.stackTraceLimit]).toEqual(before);
    });

    it.each([
        ["dev", 28],
        ["managed", 30],
        ["foundry", 24],
    ])("plans the %s stack exactly as with them (%i resources)", async (stack, count) => {
        const values = stackFileConfig(path.join(__dirname, "../..", `Pulumi.${stack}.yaml`));
        const config = Object.fromEntries(
            Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
        );
        const program = () => defineStack(loadStackConfig({ today: new Date("2026-11-21T00:00:00Z") }));
        const lean = await captureProgram(program, { ...OPTIONS, config });
        const full = await captureProgram(program, { ...OPTIONS, config, keepRuntimeDebugInfo: true });
        const sorted = (c: typeof lean) => c.resources.map((r) => JSON.stringify(r)).sort();
        expect(lean.error).toBeUndefined();
        expect(lean.resources).toHaveLength(count);
        expect(sorted(lean)).toEqual(sorted(full));
        expect(lean.outputs).toEqual(full.outputs);
        expect(lean.warnings).toEqual(full.warnings);
    });
});
