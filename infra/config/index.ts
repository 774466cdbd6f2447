/**
 * Reads the `azure-ai-models:*` stack config, validates it and returns it typed. Invalid config throws a
 * {@link ConfigValidationError} listing every problem, before any resource is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError, type ConfigIssue } from "./issues";
import { configRedactor, secretConfigKeys, secretConfigValues, secretInputsTransformation } from "./secrets";
import { intendedKeys, namespaceIssues } from "./namespaces";
import { CONFIG_NAMESPACE } from "./schema";
import { configuredToday } from "../util/clock";
import { validateStackConfig, type ValidateOptions, type ValidStackConfig } from "./validate";

export { configuredToday };

export * from "./schema";
export * from "./issues";
export * from "./validate";
export { intendedKeys, namespaceIssues } from "./namespaces";
export { managedDeploymentComponentName } from "./collisions";
export { secretConfigKeys, secretConfigValues, secretInputsTransformation } from "./secrets";

/**
 * The values of one config namespace, keyed without the namespace. Structured values arrive as JSON strings
 * (that is how the Pulumi CLI hands them to a program), plain strings as they are.
 */
export function namespaceValues(all: Record<string, string>, namespace = CONFIG_NAMESPACE): Record<string, unknown> {
    // A key named `__proto__` must stay a key (and be reported as unknown), never become the object's prototype.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith(`${namespace}:`)) continue;
        let parsed: unknown = value;
        try {
            parsed = JSON.parse(value);
        } catch {
            // a plain string
        }
        out[key.slice(namespace.length + 1)] = parsed;
    }
    return out;
}

/** Reads and validates the stack config of the running program; logs warnings; throws on errors. */
export function loadStackConfig(options: ValidateOptions = {}): ValidStackConfig {
    const all = pulumi.runtime.allConfig();
    // A key under a misspelt namespace is reported as such, and validated where it was meant to be (see intendedKeys).
    const raw = namespaceValues(intendedKeys(all));
    let today: Date | undefined;
    try {
        today = options.today ?? configuredToday();
    } catch (e) {
        throw new pulumi.RunError((e as Error).message);
    }
    const result = validateStackConfig(raw, { today });
    // Secret config (pulumi config set --secret): never printed, and secret in every resource input it reaches.
    const secrets = secretConfigValues(all, secretConfigKeys(all));
    const hide = configRedactor(secrets);
    const hideAll = (issues: readonly ConfigIssue[]) => issues.map((i) => ({ path: i.path, message: hide(i.message) }));
    for (const w of hideAll(result.warnings)) void pulumi.log.warn(`${w.path}: ${w.message}`);
    const misplaced = namespaceIssues(all);
    if (!result.config || misplaced.length > 0) {
        throw new ConfigValidationError(hideAll([...misplaced, ...result.errors]));
    }
    if (secrets.length > 0) pulumi.runtime.registerStackTransformation(secretInputsTransformation(secrets));
    return result.config;
}
export * from "./foundrySchema";
export * from "./validateFoundry";
