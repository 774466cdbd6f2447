/**
 * The catalog checks of the Foundry components (model, SKU, region, lifecycle, content filter rules), on top of
 * `checkArgs`' field rules: the errors join the field problems in the one InputPropertiesError `checkArgs` throws
 * before the component registers anything; the warnings go to the engine's log once it is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { argPath, type ArgProblem } from "../config/args";
import type { FoundryProblem } from "../config/validateFoundry";

/** The problems that are errors, for `checkArgs`. */
export function catalogErrors(problems: readonly FoundryProblem[]): ArgProblem[] {
    return problems.filter((p) => !p.warning).map((p) => ({ propertyPath: argPath(p.property), reason: p.reason }));
}

/** Logs the warnings against the registered component. */
export function logCatalogWarnings(problems: readonly FoundryProblem[], resource: pulumi.Resource): void {
    for (const p of problems.filter((x) => x.warning))
        void pulumi.log.warn(`${argPath(p.property)}: ${p.reason}`, resource);
}
