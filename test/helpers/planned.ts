/** A hand-made planned resource for tests that judge plans without running a program (diff rules, quota, locations). */
import type { PlannedResource } from "../../plan/run/types";

/** A custom resource of `type` named `name` in stack `dev` of project `azure-ai-models`, with `inputs` and nothing else. */
export function plannedResource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    extra: Partial<PlannedResource> = {},
): PlannedResource {
    return {
        urn: `urn:pulumi:dev::azure-ai-models::${type}::${name}`,
        type,
        name,
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs,
        secretInputs: [],
        options: {},
        ...extra,
    };
}
