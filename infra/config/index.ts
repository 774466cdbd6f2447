/**
 * Reads the `azure-ai-models:*` stack config, validates it and returns it typed. Invalid config throws a
 * {@link ConfigValidationError} listing every problem, before any resource is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValidationError } from "./issues";
import { CONFIG_NAMESPACE } from "./schema";
import { validateStackConfig, type ValidateOptions, type ValidStackConfig } from "./validate";

export * from "./schema";
export * from "./issues";
export * from "./validate";

/**
 * The values of one config namespace, keyed without the namespace. Structured values arrive as JSON strings
 * (that is how the Pulumi CLI hands them to a program), plain strings as they are.
 */
export function namespaceValues(all: Record<string, string>, namespace = CONFIG_NAMESPACE): Record<string, unknown> {
    const out: Record<string, unknown> = {};
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

/** Today for lifecycle checks: `AZURE_AI_MODELS_TODAY` (YYYY-MM-DD) when set, so a preview can look ahead. */
export function configuredToday(env: NodeJS.ProcessEnv = process.env): Date | undefined {
    const v = env.AZURE_AI_MODELS_TODAY;
    if (!v) return undefined;
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) throw new pulumi.RunError(`AZURE_AI_MODELS_TODAY=${JSON.stringify(v)} is not a date; expected YYYY-MM-DD`);
    return d;
}

/** Reads and validates the stack config of the running program; logs warnings; throws on errors. */
export function loadStackConfig(options: ValidateOptions = {}): ValidStackConfig {
    const raw = namespaceValues(pulumi.runtime.allConfig());
    const result = validateStackConfig(raw, { today: options.today ?? configuredToday() });
    for (const w of result.warnings) void pulumi.log.warn(`${w.path}: ${w.message}`);
    if (!result.config) throw new ConfigValidationError(result.errors);
    return result.config;
}
