/**
 * Runs the CrossGuard policy pack (`policies/`) over an offline plan, with the CLI's semantics: resource rules see
 * each resource's inputs, stack rules see every resource with its parent and dependencies plus the stack's outputs,
 * and levels and rule config come from a `--policy-pack-config` object. The rules are the pack's own objects: the
 * same pure `check` functions the CLI runs through `@pulumi/policy`.
 */
import { readFileSync } from "node:fs";
import { ALL_RULES } from "../../policies/rules";
import {
    effectiveLevel,
    entryProperties,
    PolicyConfigError,
    validatePackConfig,
    type EnforcementLevel,
    type PolicyPackConfig,
} from "../../policies/lib/config";
import type { Rule } from "../../policies/lib/rule";
import type { OutputView, ResourceView, StackView } from "../../policies/lib/view";
import type { PlannedOutput, PlannedResource, PolicyViolation } from "../run/types";

export { PolicyConfigError, type EnforcementLevel, type PolicyPackConfig, type PolicyViolation };

export interface EvaluateOptions {
    /**
     * The day the lifecycle rules judge against (`YYYY-MM-DD`, usually the plan's `today`), unless their config sets
     * `today`. Default: the day they run.
     */
    today?: string;
    /** The rules to run. Default: every rule of the pack. */
    rules?: readonly Rule[];
    /** Keys the program got from key-listing functions (see `StackView.keyValues`). Never printed. */
    keyValues?: readonly { value: string; source: string }[];
    /** Output paths computed from what a key-listing function returned (see `StackView.keyOutputs`). */
    keyOutputs?: readonly { path: string; source: string }[];
}

/** The rule view of a planned resource. */
export function resourceView(r: PlannedResource): ResourceView {
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        dependencies: [...r.dependencies],
        propertyDependencies: r.propertyDependencies,
        ...(r.parent !== undefined ? { parent: r.parent } : {}),
        custom: r.custom,
    };
}

/** The rule view of a planned output: its raw value and which paths in it are secret. */
export function outputView(o: PlannedOutput): OutputView {
    // A secret output whose inner secret paths were not recorded is secret as a whole.
    const secretPaths = o.secret && o.secretPaths.length === 0 ? [o.name] : [...o.secretPaths];
    return { name: o.name, value: o.rawValue, secretPaths };
}

const LIFECYCLE_RULES = new Set(["no-retired-models", "deprecated-models"]);

/**
 * Evaluates the policy pack over a plan's resources and outputs. Throws a {@link PolicyConfigError} listing every
 * problem when `config` does not match the pack (unknown policy names, bad levels, config off its schema).
 */
export function evaluatePolicies(
    resources: PlannedResource[],
    outputs: PlannedOutput[],
    config?: PolicyPackConfig,
    options: EvaluateOptions = {},
): PolicyViolation[] {
    const rules = options.rules ?? ALL_RULES;
    if (config !== undefined) validatePackConfig(config, rules);
    const views = resources.map(resourceView);
    const byUrn = new Map(views.map((v) => [v.urn, v]));
    const stack: StackView = {
        resources: views,
        outputs: outputs.map(outputView),
        ...(options.keyValues ? { keyValues: options.keyValues } : {}),
        ...(options.keyOutputs ? { keyOutputs: options.keyOutputs } : {}),
    };
    const violations: PolicyViolation[] = [];
    for (const rule of rules) {
        const enforcementLevel = effectiveLevel(rule, config);
        if (enforcementLevel === "disabled") continue;
        const raw = entryProperties(config?.[rule.name]);
        if (options.today !== undefined && LIFECYCLE_RULES.has(rule.name) && raw.today === undefined)
            raw.today = options.today;
        const at = (urn: string | undefined) => {
            const r = urn !== undefined ? byUrn.get(urn) : undefined;
            return {
                ...(urn !== undefined ? { urn } : {}),
                ...(r ? { resourceName: r.name, resourceType: r.type } : {}),
            };
        };
        if (rule.kind === "resource") {
            const cfg = rule.config(raw);
            for (const view of views) {
                for (const message of rule.check(view, cfg)) {
                    violations.push({ policyName: rule.name, enforcementLevel, message, ...at(view.urn) });
                }
            }
        } else {
            const cfg = rule.config(raw);
            for (const f of rule.check(stack, cfg)) {
                violations.push({ policyName: rule.name, enforcementLevel, message: f.message, ...at(f.urn) });
            }
        }
    }
    return violations;
}

/** Reads and validates a `--policy-pack-config` JSON file. */
export function loadPolicyConfig(path: string): PolicyPackConfig {
    let text: string;
    try {
        text = readFileSync(path, "utf8");
    } catch (e) {
        throw new PolicyConfigError([`cannot read ${path}: ${(e as Error).message}`], `policy pack config ${path}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        throw new PolicyConfigError([`not valid JSON: ${(e as Error).message}`], `policy pack config ${path}`);
    }
    return validatePackConfig(parsed, ALL_RULES, `policy pack config ${path}`);
}
