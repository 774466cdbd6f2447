/**
 * Compares two offline plans of a stack (a pull request's base and the pull request) and predicts what `pulumi up`
 * would do to get from one to the other: which resources it creates, updates, replaces and deletes, and which
 * inputs change. Resources are matched by URN, as the engine matches them. Replacements are predicted from the
 * properties Azure cannot change in place (`replacements.ts`) and from the `replaceOnChanges` option the plan
 * recorded; `ignoreChanges` paths are left out, as the engine leaves them.
 *
 * A replaced resource gets new outputs (its id, keys, URIs), which the offline plan does not know (`[unknown]`) on
 * either side. A dependent whose input is `[unknown]` because it comes from a replaced resource is marked "may
 * change" (or "may be replaced" when that input forces replacement), and a resource whose Azure parent (resource
 * group, workspace, endpoint) is replaced "may be replaced", since Azure deletes children with their parent. These
 * are predictions from the code alone; a real `pulumi preview` against the stack's state is the authority.
 *
 * This file matches the two plans' cloud resources by URN and assembles the diff (counts, outputs, policy
 * violations, warnings, notes). The parts live beside it: `model.ts` (the diff's types), `values.ts` (comparing and
 * printing values), `resourceChanges.ts` (one changed resource's record), `prediction.ts` (input changes,
 * replacements and what they drag along) and `destructive.ts` (what the destructive-change gate judges); the gate's
 * verdict is `gateBlocks` in `diffRender.ts`.
 */
import { azureNameOf } from "../run/azureTypes";
import { isMandatory, type PlannedResource, type PlanViolation } from "../run/types";
import { countOf, problemPhrases } from "../run/problems";
import { destructiveChanges, pairRenames } from "./destructive";
import type {
    ChangeAction,
    DiffablePlan,
    DiffOptions,
    OutputChange,
    PlanDiff,
    PlanSide,
    ResourceChange,
} from "./model";
import { inputChanges, propagateReplacements, settle } from "./prediction";
import { resourceChange } from "./resourceChanges";
import { valueChanges } from "./values";

export type {
    ChangeAction,
    DestructiveChange,
    DiffablePlan,
    DiffOptions,
    OutputChange,
    PlanDiff,
    PlanSide,
    PropertyChange,
    ResourceChange,
} from "./model";
export { isEmptyDiff } from "./model";
export { formatValue, valueChanges } from "./values";

const ACTION_ORDER: Record<ChangeAction, number> = { replace: 0, delete: 1, update: 2, create: 3 };

/** A violation's identity across plans: the policy and the resource (the message for stack-wide ones). */
function violationKey(v: PlanViolation): string {
    return `${v.policyName}|${v.urn ?? v.message}`;
}

/** Compares the base plan with this change's plan. */
export function diffPlans(base: DiffablePlan, head: DiffablePlan, options: DiffOptions = {}): PlanDiff {
    const notes: string[] = [];
    const side = (p: DiffablePlan, label: string): PlanSide => ({
        label,
        today: p.today,
        resources: p.resources.length,
        errors: p.errors,
        ...(p.errorKind ? { errorKind: p.errorKind } : {}),
    });
    const diff: PlanDiff = {
        project: head.project,
        stack: head.stack,
        base: side(base, options.baseLabel ?? "base"),
        head: side(head, options.headLabel ?? "this change"),
        resources: [],
        counts: { create: 0, update: 0, replace: 0, delete: 0, mayChange: 0, unchanged: 0 },
        destructive: [],
        outputs: [],
        addedWarnings: [],
        notes,
    };
    if (head.errors.length > 0) {
        // Without resources, this change's plan would read as "delete everything": say why instead.
        notes.push(`This change's ${problemPhrases(head).clause} (${countOf(head)}): no resources to compare.`);
        return diff;
    }
    if (base.errors.length > 0) {
        notes.push(
            `The base's ${problemPhrases(base).clause} (${countOf(base)}): it has no resources, so everything shows as created.`,
        );
    }
    if (base.today !== head.today)
        notes.push(`The plans checked model lifecycles on different days (${base.today} and ${head.today}).`);

    // Cloud resources: the stack and components are not custom.
    const cloud = (p: DiffablePlan) => p.resources.filter((r) => r.custom);
    const before = new Map(cloud(base).map((r) => [r.urn, r]));
    const after = new Map(cloud(head).map((r) => [r.urn, r]));
    const byUrn = new Map<string, PlannedResource>([...before, ...after]);
    const changes = new Map<string, ResourceChange>();

    for (const [urn, r] of after) if (!before.has(urn)) changes.set(urn, resourceChange(r, "create"));
    for (const [urn, r] of before) if (!after.has(urn)) changes.set(urn, resourceChange(r, "delete"));

    let secretResources = 0;
    for (const [urn, now] of after) {
        const was = before.get(urn);
        if (!was) continue;
        if (now.secretInputs.length > 0 || was.secretInputs.length > 0) secretResources++;
        const propertyChanges = inputChanges(was, now);
        if (propertyChanges.length === 0) continue;
        const change = resourceChange(now, "update");
        change.changes = propertyChanges;
        settle(change, now);
        changes.set(urn, change);
    }

    propagateReplacements(after, before, changes, byUrn);
    pairRenames(changes, before, after);
    for (const c of changes.values()) {
        if (c.action !== "replace" || c.deleteBeforeReplace) continue;
        const oldName = azureNameOf(before.get(c.urn)!);
        if (oldName !== undefined && oldName === azureNameOf(after.get(c.urn)!)) c.createFirstSameName = true;
    }

    const ordered = [...changes.values()].sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action]);
    diff.resources = ordered;
    for (const c of ordered) {
        if (c.uncertain) diff.counts.mayChange++;
        else diff.counts[c.action]++;
    }
    diff.counts.unchanged = [...after.keys()].filter((u) => !changes.has(u)).length;
    diff.destructive = destructiveChanges(ordered, before, after);
    diff.outputs = outputChanges(base, head);

    if (head.policies) {
        const baseKeys = new Set((base.policies?.violations ?? []).map(violationKey));
        const headKeys = new Set(head.policies.violations.map(violationKey));
        diff.policies = {
            passed: head.policies.passed,
            mandatory: head.policies.violations.filter(isMandatory).length,
            advisory: head.policies.violations.filter((v) => v.enforcementLevel === "advisory").length,
            added: head.policies.violations.filter((v) => !baseKeys.has(violationKey(v))),
            resolved: (base.policies?.violations ?? []).filter((v) => !headKeys.has(violationKey(v))),
        };
    }
    const baseWarnings = new Set(base.warnings.map((w) => `${w.path}|${w.message}`));
    diff.addedWarnings = head.warnings.filter((w) => !baseWarnings.has(`${w.path}|${w.message}`));
    if (secretResources > 0) {
        notes.push(
            `${secretResources} resource${secretResources === 1 ? " has" : "s have"} secret inputs; plans mask them, so a change of a secret value does not show here.`,
        );
    }
    return diff;
}

function outputChanges(base: DiffablePlan, head: DiffablePlan): OutputChange[] {
    const obj = (p: DiffablePlan) => Object.fromEntries(p.outputs.map((o) => [o.name, o.value]));
    return valueChanges(obj(base), obj(head));
}
