/**
 * What the REST-spec check finds in one stack's plan, as a list (empty: every Machine Learning and Cognitive Services
 * request the stack plans is one Azure's spec accepts). Shared by the example stacks' check and the test that adds a
 * stack file of its own, so both judge a stack the same way.
 */
import type { Plan } from "../../plan/run/types";
import { PUT_OPERATIONS, isCheckedModule, resourceProblems, toRequest } from "./requests";

/** The resources of the checked modules (machinelearningservices, cognitiveservices) a plan holds. */
export const checkedResources = (plan: Plan) => plan.resources.filter((r) => isCheckedModule(r.type));

/** Every problem with a stack's plan for the spec check: plan errors, types without an extract, bodies, names. */
export function stackSpecProblems(plan: Plan): string[] {
    const out = plan.errors.map((e) => `plan error: ${e}`);
    const resources = checkedResources(plan);
    if (resources.length === 0) out.push("no Machine Learning or Cognitive Services resource to check");
    for (const r of resources) {
        if (!(r.type in PUT_OPERATIONS)) {
            out.push(`${r.type} ${r.name}: no spec extract for this type (test/restspec/requests.ts)`);
            continue;
        }
        const request = toRequest(r);
        for (const p of request.autonamed) out.push(`${r.type} ${r.name}: ${p} left to autonaming`);
        for (const p of resourceProblems(r)) out.push(`${r.type} ${r.name}: ${p}`);
    }
    return out;
}
