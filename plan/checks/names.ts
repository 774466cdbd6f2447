/**
 * Checks every Azure name a program plans against the rule of its resource type, from the resource-type registry's name inputs and the catalog's name table:
 * whatever produced the name (validated config, a component, a raw program), Azure would refuse the request.
 */
import { nameProblem, namedInputsOf, type NameRule } from "../../infra/catalog";
import { isUnknown } from "../../policies/lib/unknown";
import { inputAt } from "../run/azureTypes";
import type { PlannedResource } from "../run/types";

/** Names found in the inputs that break their rule, one message each, naming the resource's URN. */
export function plannedNameProblems(resources: readonly PlannedResource[]): string[] {
    const problems: string[] = [];
    const check = (r: PlannedResource, value: unknown, rule: NameRule) => {
        if (typeof value !== "string" || isUnknown(value)) return; // unknown during preview: Azure or the engine decides it
        const problem = nameProblem(rule, value);
        if (problem) problems.push(`${r.urn}: ${problem}`);
    };
    for (const r of resources) {
        for (const { input, rule } of namedInputsOf(r.type)) check(r, inputAt(r.inputs, input), rule);
    }
    return problems;
}
