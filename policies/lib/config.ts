/**
 * Policy config: the JSON-schema subset the rules' `configSchema`s use, defaults taken from those schemas, and the
 * `--policy-pack-config` file format (`{ "all": "advisory", "rule": "disabled", "other": { "enforcementLevel": ... } }`).
 * The CLI validates config against each schema itself; the rules validate again (the same way in the CLI and in
 * the offline plan), rejecting unknown keys too, so a typo never silently leaves a default in force.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { closest } from "../../infra/catalog/suggest";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** One policy's entry in a policy pack config. */
export type PolicyConfigEntry = EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>);
/** The `--policy-pack-config` JSON: policy name (or `all`) to an enforcement level or a config object. */
export type PolicyPackConfig = Record<string, PolicyConfigEntry>;

/** Thrown for config that does not match the rules' schemas; `problems` lists every problem found. */
export class PolicyConfigError extends Error {
    constructor(
        readonly problems: string[],
        source = "policy pack config",
    ) {
        super(`Invalid ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "PolicyConfigError";
    }
}

// ---- schema validation --------------------------------------------------------------------------------------

function typeOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
    return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
    const actual = typeOf(value);
    return actual === type || (type === "number" && actual === "integer");
}

/** Problems of `value` against `schema`, each prefixed with `path`. Supports the keywords our schemas use. */
export function schemaProblems(value: unknown, schema: PolicyConfigJSONSchema | boolean, path: string): string[] {
    if (schema === true) return [];
    if (schema === false) return [`${path}: no value is allowed here`];
    const problems: string[] = [];
    if (schema.type !== undefined) {
        const types = Array.isArray(schema.type) ? schema.type : [schema.type];
        if (!types.some((t) => matchesType(value, t))) {
            return [`${path}: expected ${types.join(" or ")}, got ${typeOf(value)} ${JSON.stringify(value)}`];
        }
    }
    if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
        problems.push(
            `${path}: ${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`,
        );
    }
    if (typeof value === "string") {
        if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
            problems.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
        }
        if (schema.minLength !== undefined && value.length < schema.minLength) {
            problems.push(`${path}: ${JSON.stringify(value)} is shorter than ${schema.minLength} characters`);
        }
    }
    if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum)
            problems.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
        if (schema.maximum !== undefined && value > schema.maximum)
            problems.push(`${path}: ${value} is above the maximum ${schema.maximum}`);
    }
    if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) {
            problems.push(`${path}: needs at least ${schema.minItems} item(s), got ${value.length}`);
        }
        if (schema.items !== undefined && !Array.isArray(schema.items)) {
            const items = schema.items;
            value.forEach((v, i) => problems.push(...schemaProblems(v, items, `${path}[${i}]`)));
        }
    }
    if (typeOf(value) === "object") {
        const obj = value as Record<string, unknown>;
        for (const key of schema.required ?? []) {
            if (!(key in obj)) problems.push(`${path}.${key}: is required`);
        }
        for (const [key, v] of Object.entries(obj)) {
            const sub = schema.properties?.[key] ?? schema.additionalProperties;
            if (sub === undefined) continue;
            problems.push(...schemaProblems(v, sub, `${path}.${key}`));
        }
    }
    return problems;
}

/**
 * Problems of one rule's config properties (the entry without `enforcementLevel`) against its schema. Unknown keys
 * are problems, named with the closest known key.
 */
export function ruleConfigProblems(
    ruleName: string,
    schema: PolicyConfigSchema,
    raw: Record<string, unknown>,
): string[] {
    const problems: string[] = [];
    const known = Object.keys(schema.properties);
    for (const [key, value] of Object.entries(raw)) {
        const prop = schema.properties[key];
        if (!prop) {
            const hint = closest(key, known, 1);
            problems.push(
                `${ruleName}.${key}: unknown config key` +
                    (hint.length ? `; did you mean "${hint[0]}"?` : "") +
                    ` Known keys: ${known.length ? known.join(", ") : "(none)"}`,
            );
            continue;
        }
        problems.push(...schemaProblems(value, prop, `${ruleName}.${key}`));
    }
    for (const key of schema.required ?? []) {
        if (!(key in raw)) problems.push(`${ruleName}.${key}: is required`);
    }
    return problems;
}

/** A rule's config: the given properties over the schema's defaults (copied, so rules may not mutate them). */
export function withDefaults<C>(schema: PolicyConfigSchema, raw: Record<string, unknown>): C {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(schema.properties)) {
        if (prop.default !== undefined) out[key] = structuredClone(prop.default);
    }
    for (const [key, value] of Object.entries(raw)) {
        if (value !== undefined) out[key] = value;
    }
    return out as C;
}

/** The config properties of an entry (everything but `enforcementLevel`). */
export function entryProperties(entry: PolicyConfigEntry | undefined): Record<string, unknown> {
    if (entry === undefined || typeof entry === "string") return {};
    const { enforcementLevel: _level, ...rest } = entry;
    return rest;
}

/** The enforcement level an entry sets, if any. */
export function entryLevel(entry: PolicyConfigEntry | undefined): EnforcementLevel | undefined {
    if (entry === undefined) return undefined;
    return typeof entry === "string" ? entry : entry.enforcementLevel;
}

/** What the pack-level validation needs to know of a rule. */
export interface ConfigurableRule {
    name: string;
    configSchema: PolicyConfigSchema;
}

/**
 * Validates a whole `--policy-pack-config` object against the rules: known policy names (or `all`), enforcement
 * levels, and each rule's properties. Throws a {@link PolicyConfigError} listing every problem.
 */
export function validatePackConfig(
    config: unknown,
    rules: readonly ConfigurableRule[],
    source?: string,
): PolicyPackConfig {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        throw new PolicyConfigError([`expected a JSON object of policy names, got ${typeOf(config)}`], source);
    }
    const problems: string[] = [];
    const names = rules.map((r) => r.name);
    const levelProblem = (path: string, level: unknown): string | undefined =>
        ENFORCEMENT_LEVELS.includes(level as EnforcementLevel)
            ? undefined
            : `${path}: enforcement level ${JSON.stringify(level)} is not one of ${ENFORCEMENT_LEVELS.join(", ")}`;
    for (const [key, entry] of Object.entries(config as Record<string, unknown>)) {
        const rule = rules.find((r) => r.name === key);
        if (key !== "all" && !rule) {
            const hint = closest(key, names, 1);
            problems.push(
                `${key}: no policy of that name in the pack` +
                    (hint.length ? `; did you mean "${hint[0]}"?` : "") +
                    ` Policies: all, ${names.join(", ")}`,
            );
            continue;
        }
        if (typeof entry === "string") {
            const p = levelProblem(key, entry);
            if (p) problems.push(p);
            continue;
        }
        if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
            problems.push(`${key}: expected an enforcement level or an object, got ${typeOf(entry)}`);
            continue;
        }
        const obj = entry as Record<string, unknown>;
        if (obj.enforcementLevel !== undefined) {
            const p = levelProblem(`${key}.enforcementLevel`, obj.enforcementLevel);
            if (p) problems.push(p);
        }
        if (key === "all") {
            const extra = Object.keys(obj).filter((k) => k !== "enforcementLevel");
            if (extra.length)
                problems.push(`all: only "enforcementLevel" can be set for all policies, got ${extra.join(", ")}`);
            continue;
        }
        problems.push(...ruleConfigProblems(key, rule!.configSchema, entryProperties(obj as PolicyConfigEntry)));
    }
    if (problems.length) throw new PolicyConfigError(problems, source);
    return config as PolicyPackConfig;
}

/**
 * The level a rule runs at: its own entry, else the `all` entry, else its default (the CLI's precedence).
 * `remediate` is reported as `mandatory`, as the CLI does for policies that only validate.
 */
export function effectiveLevel(
    rule: { name: string; enforcementLevel: EnforcementLevel },
    config: PolicyPackConfig | undefined,
): EnforcementLevel {
    const level = entryLevel(config?.[rule.name]) ?? entryLevel(config?.all) ?? rule.enforcementLevel;
    return level === "remediate" ? "mandatory" : level;
}
