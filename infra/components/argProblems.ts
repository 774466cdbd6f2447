/**
 * The catalog checks of the Foundry components (model, SKU, region, lifecycle, content filter rules), on top of
 * `checkArgs`' field rules: warnings go to the engine's log, the other problems join the field problems in the one
 * InputPropertiesError `checkArgs` throws.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ArgProblem } from "../config/args";
import type { FoundryProblem } from "../config/validateFoundry";

/** `filters[0].severityThreshold` from `["filters", 0, "severityThreshold"]`. */
export function propertyPath(path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)),
        "",
    );
}

/** Logs the warnings; returns the other problems for `checkArgs`. */
export function catalogProblems(problems: readonly FoundryProblem[], resource: pulumi.Resource): ArgProblem[] {
    for (const p of problems.filter((x) => x.warning))
        void pulumi.log.warn(`${propertyPath(p.property)}: ${p.reason}`, resource);
    return problems
        .filter((p) => !p.warning)
        .map((p) => ({ propertyPath: propertyPath(p.property), reason: p.reason }));
}
