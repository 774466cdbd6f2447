/**
 * How the Foundry components report problems with their plain arguments: warnings go to the engine's log, errors
 * are thrown together as one InputPropertiesError, before any child resource is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import type { FoundryProblem } from "../config/validateFoundry";

/** `filters[0].severityThreshold` from `["filters", 0, "severityThreshold"]`. */
export function propertyPath(path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)),
        "",
    );
}

/** Logs the warnings and throws one error listing every other problem. */
export function reportArgProblems(
    component: string,
    name: string,
    problems: readonly FoundryProblem[],
    resource?: pulumi.Resource,
): void {
    for (const p of problems.filter((x) => x.warning))
        void pulumi.log.warn(`${propertyPath(p.property)}: ${p.reason}`, resource);
    const errors = problems
        .filter((p) => !p.warning)
        .map((p) => ({ propertyPath: propertyPath(p.property), reason: p.reason }));
    if (errors.length === 0) return;
    throw new pulumi.InputPropertiesError({
        message: `${component} ${name}: invalid arguments:\n${errors.map((e) => `${e.propertyPath}: ${e.reason}`).join("\n")}`,
        errors,
    });
}
