/**
 * Builds one component under the mock runtime, as a library user would (`new AiWorkspace(...)` in their program),
 * and returns what it registered, or the error it threw.
 */
import * as pulumi from "@pulumi/pulumi";
import { captureProgram, type Capture } from "../../plan/run/capture";
import type { PlannedResource } from "../../plan/run/types";

export const WORKSPACE_ID =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub-abc123";

export function construct(build: () => unknown): Promise<Capture> {
    return captureProgram(
        () => {
            build();
            return {};
        },
        { project: "consumer", stack: "test", preview: true },
    );
}

/** Resources other than the root stack, as `type name`. */
export function registeredNames(capture: Capture): string[] {
    return capture.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => `${r.type} ${r.name}`);
}

export function resource(capture: Capture, type: string): PlannedResource {
    const r = capture.resources.find((x) => x.type === type);
    if (!r) throw new Error(`no ${type}; have ${registeredNames(capture).join(", ")}`);
    return r;
}

/** The error a construction threw, with its per-property details, or a failure when it threw none. */
export function argErrors(capture: Capture): { message: string; errors: { propertyPath: string; reason: string }[] } {
    const e = capture.error;
    if (!(e instanceof pulumi.InputPropertiesError))
        throw new Error(`expected an InputPropertiesError, got ${String(e)}`);
    return { message: e.message, errors: [...e.errors] as { propertyPath: string; reason: string }[] };
}
