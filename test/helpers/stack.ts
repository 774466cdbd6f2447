/**
 * Test helpers: run the stack program (config validation + composition, exactly what `infra/index.ts` does)
 * under the mock runtime with a given config, and look at what it registered.
 *
 * What mocks cannot prove: that Azure accepts these inputs, engine-side parenting and aliases, and real
 * create/replace ordering. They prove what the program asks the engine for.
 */
import { loadStackConfig } from "../../infra/config";
import { captureProgram, type Capture } from "../../plan/run/capture";
import type { PlannedResource } from "../../plan/run/types";
import { defineStack } from "../../infra/stack";

export const PROJECT = "azure-ai-models";

/** Flattens `{ workspace: {...}, deployments: [...] }` into the config the CLI hands a program. */
export function toPulumiConfig(values: Record<string, unknown>, namespace = PROJECT): Record<string, string> {
    return Object.fromEntries(
        Object.entries(values).map(([k, v]) => [`${namespace}:${k}`, typeof v === "string" ? v : JSON.stringify(v)]),
    );
}

export interface RunOptions {
    preview?: boolean;
    today?: string;
    /** Keys (without the namespace) set with `pulumi config set --secret`. */
    secretKeys?: string[];
}

/** Runs the stack program with this config under mocks. */
export function runStack(values: Record<string, unknown>, options: RunOptions = {}): Promise<Capture> {
    const today = new Date(`${options.today ?? "2026-11-21"}T00:00:00Z`);
    return captureProgram(() => defineStack(loadStackConfig({ today })), {
        project: PROJECT,
        stack: "test",
        preview: options.preview ?? false,
        config: toPulumiConfig(values),
        secretKeys: (options.secretKeys ?? []).map((k) => `${PROJECT}:${k}`),
    });
}

/** Resources other than the root stack. */
export function registered(capture: Capture): PlannedResource[] {
    return capture.resources.filter((r) => r.type !== "pulumi:pulumi:Stack");
}

/** `type name` lines, sorted: the exact resource set of a run. */
export function resourceSet(capture: Capture): string[] {
    return registered(capture)
        .map((r) => `${r.type} ${r.name}`)
        .sort();
}

export function byName(capture: Capture, name: string): PlannedResource {
    const r = capture.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource named ${name}; have: ${capture.resources.map((x) => x.name).join(", ")}`);
    return r;
}

export function output(capture: Capture, name: string) {
    const o = capture.outputs.find((x) => x.name === name);
    if (!o) throw new Error(`no output ${name}`);
    return o;
}
