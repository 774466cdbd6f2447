/**
 * Checks every Azure name a program plans against the rule of its resource type, from the catalog's name table:
 * whatever produced the name (validated config, a component, a raw program), Azure would refuse the request.
 */
import { NAME_RULES, nameProblem, nameRuleOf } from "../infra/catalog";
import { isUnknown } from "../policies/lib/unknown";
import { AZURE_NAME_INPUT, inputAt } from "./azureTypes";
import type { PlannedResource } from "./types";

/** Names found in the inputs that break their rule, one message each, naming the resource's URN. */
export function plannedNameProblems(resources: readonly PlannedResource[]): string[] {
    const problems: string[] = [];
    const check = (r: PlannedResource, value: unknown, rule = nameRuleOf(r.type)) => {
        if (!rule || typeof value !== "string" || isUnknown(value)) return; // unknown during preview: Azure or the engine decides it
        const problem = nameProblem(rule, value);
        if (problem) problems.push(`${r.urn}: ${problem}`);
    };
    for (const r of resources) {
        const input = AZURE_NAME_INPUT[r.type];
        if (input) check(r, r.inputs[input]);
        if (r.type === NAME_RULES.cognitiveServicesAccount.pulumiType) {
            check(r, inputAt(r.inputs, "properties.customSubDomainName"), NAME_RULES.customSubdomain);
        }
    }
    return problems;
}
