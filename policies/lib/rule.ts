/**
 * How a rule is written: a pure `check` over the normalised view (`view.ts`), wrapped into the
 * `ResourceValidationPolicy` / `StackValidationPolicy` the CLI runs. `plan/checks/policy.ts` calls the same `check`.
 */
import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigError, ruleConfigProblems, withDefaults, type EnforcementLevel } from "./config";
import { captureInputs, viewFromResourceArgs, viewFromStackArgs, type ResourceView, type StackView } from "./view";

/** A violation a stack rule found, on a resource (its URN) or on the stack as a whole. */
export interface Finding {
    message: string;
    urn?: string;
}

interface RuleFields<C> {
    /** Kebab-case policy name, the key of its `--policy-pack-config` entry. */
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    /** Every property has a `description` and, unless its default depends on the day, a `default`. */
    configSchema: PolicyConfigSchema;
    remediationSteps: string;
    /** The rule's config from raw properties (validated; defaults filled in). */
    config(raw?: Record<string, unknown>): C;
    /** Problems of raw config properties against `configSchema`. */
    configProblems(raw: Record<string, unknown>): string[];
}

/** Fields the rule makes required (optional in `@pulumi/policy`'s `Policy`). */
type Required = "configSchema" | "enforcementLevel" | "severity" | "remediationSteps";

export interface ResourceRule<C = unknown>
    extends Omit<ResourceValidationPolicy, Required | "validateResource">, RuleFields<C> {
    readonly kind: "resource";
    /** The pure core: violation messages for one resource. */
    check(resource: ResourceView, config: C): string[];
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => void;
}

export interface StackRule<C = unknown> extends Omit<StackValidationPolicy, Required | "validateStack">, RuleFields<C> {
    readonly kind: "stack";
    /** The pure core: violations for the whole stack. */
    check(stack: StackView, config: C): Finding[];
    /**
     * Not a check: records each resource's inputs so `validateStack` sees inputs, not the engine's outputs
     * (see `captureInputs`). Never reports.
     */
    validateResource: (args: ResourceValidationArgs) => void;
    validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => void;
}

export type Rule = ResourceRule | StackRule;

type Definition<C, K extends "resource" | "stack"> = Omit<RuleFields<C>, "config" | "configProblems"> & {
    check: K extends "resource"
        ? (resource: ResourceView, config: C) => string[]
        : (stack: StackView, config: C) => Finding[];
};

function configFns<C>(def: { name: string; configSchema: PolicyConfigSchema }) {
    const configProblems = (raw: Record<string, unknown>) => ruleConfigProblems(def.name, def.configSchema, raw);
    const config = (raw: Record<string, unknown> = {}): C => {
        const problems = configProblems(raw);
        if (problems.length) throw new PolicyConfigError(problems, `config for policy "${def.name}"`);
        return withDefaults<C>(def.configSchema, raw);
    };
    return { config, configProblems };
}

/** A rule that looks at one resource's inputs at a time. */
export function defineResourceRule<C>(def: Definition<C, "resource">): ResourceRule<C> {
    const { config, configProblems } = configFns<C>(def);
    return {
        ...def,
        kind: "resource",
        config,
        configProblems,
        validateResource: (args, reportViolation) => {
            const cfg = config(args.getConfig<Record<string, unknown>>());
            for (const message of def.check(viewFromResourceArgs(args), cfg)) reportViolation(message);
        },
    };
}

/** A rule that looks at the whole stack: every resource with its parent and dependencies, and the outputs. */
export function defineStackRule<C>(def: Definition<C, "stack">): StackRule<C> {
    const { config, configProblems } = configFns<C>(def);
    return {
        ...def,
        kind: "stack",
        config,
        configProblems,
        validateResource: (args) => captureInputs(args),
        validateStack: (args, reportViolation) => {
            const cfg = config(args.getConfig<Record<string, unknown>>());
            for (const f of def.check(viewFromStackArgs(args), cfg)) reportViolation(f.message, f.urn);
        },
    };
}

// ---- helpers the rules share ----------------------------------------------------------------------------------

/** `a, b and c` for messages. */
export function list(items: readonly string[]): string {
    if (items.length === 0) return "(none)";
    if (items.length === 1) return items[0];
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** True when `value` is one of `allowed`, ignoring case (Azure's names and enum values are case-insensitive). */
export function includesIgnoreCase(allowed: readonly string[], value: string): boolean {
    const v = value.toLowerCase();
    return allowed.some((a) => a.toLowerCase() === v);
}

/** A glob (`*` for any characters) as a case-insensitive, anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
    const body = glob
        .split("*")
        .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
        .join(".*");
    return new RegExp(`^${body}$`, "i");
}

/** True when `value` matches any of the globs. */
export function matchesAnyGlob(value: string, globs: readonly string[]): boolean {
    return globs.some((g) => globToRegExp(g).test(value));
}

/** A schema property that is a list of strings. */
export function stringList(
    description: string,
    defaultValue: readonly string[],
): PolicyConfigSchema["properties"][string] {
    return { type: "array", items: { type: "string", minLength: 1 }, default: [...defaultValue], description };
}

/**
 * The config of a rule that judges only stacks marked as production: `production` (off by default) and
 * `exemptDeployments` (globs of Pulumi resource names).
 */
export function productionRuleConfig(): PolicyConfigSchema {
    return {
        properties: {
            production: {
                type: "boolean",
                default: false,
                description: "The stack is production: judge its deployments (nothing is judged otherwise).",
            },
            exemptDeployments: stringList(
                "Pulumi resource names of deployments not judged (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    };
}
