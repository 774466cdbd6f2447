/**
 * Secret stack config stays secret: a value set with `pulumi config set --secret` (the CLI tells the program which
 * keys through `PULUMI_CONFIG_SECRET_KEYS`, read by `isConfigSecret`) reaches every resource input it flows into
 * marked secret (`pulumi.secret`), so it is encrypted in state and masked in previews, and no config message prints it.
 *
 * The CLI marks whole top-level keys (`azure-ai-models:tags`, even when only `--path tags.owner` was set secret), so
 * every string inside a secret key counts as secret. An input is marked when one of its plain values contains such a
 * string (case aside); values still unknown (Outputs) are left as they are.
 */
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE } from "./schema";
import { redactor, stringLeaves } from "../util/redact";

/** `isConfigSecret` of the runtime (marked internal in its typings, exported by it). */
function isConfigSecret(key: string): boolean {
    const fn = (pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
    return typeof fn === "function" ? fn(key) : false;
}

/** The keys of `all` in `namespace` that the CLI marked secret. */
export function secretConfigKeys(all: Record<string, string>, namespace = CONFIG_NAMESPACE): string[] {
    return Object.keys(all).filter((k) => k.startsWith(`${namespace}:`) && isConfigSecret(k));
}

/** Every string inside the secret keys' values (structured values arrive as JSON). */
export function secretConfigValues(all: Record<string, string>, keys: readonly string[]): string[] {
    const out = new Set<string>();
    for (const key of keys) {
        const raw = all[key];
        if (raw === undefined) continue;
        let parsed: unknown = raw;
        try {
            parsed = JSON.parse(raw);
        } catch {
            // a plain string
        }
        for (const s of stringLeaves(parsed)) if (s.length > 0) out.add(s);
    }
    return [...out];
}

/** Whether a plain value holds one of the secrets (lower-cased): contains one of 4+ characters, or is a shorter one. */
function holdsSecret(value: unknown, secrets: readonly string[], depth = 0): boolean {
    if (depth > 32 || pulumi.Output.isInstance(value)) return false;
    if (typeof value === "string") {
        const lower = value.toLowerCase();
        return secrets.some((s) => (s.length >= 4 ? lower.includes(s) : lower === s));
    }
    if (Array.isArray(value)) return value.some((v) => holdsSecret(v, secrets, depth + 1));
    if (value !== null && typeof value === "object" && !(value instanceof Promise)) {
        return Object.entries(value).some(
            ([k, v]) => holdsSecret(k, secrets, depth + 1) || holdsSecret(v, secrets, depth + 1),
        );
    }
    return false;
}

/**
 * A stack transformation that wraps in `pulumi.secret` every top-level input of a resource whose plain value holds
 * one of `secrets` (a tag map, a description, an environment variable, a name built from one).
 */
export function secretInputsTransformation(secrets: readonly string[]): pulumi.ResourceTransformation {
    const lower = [...new Set(secrets.map((s) => s.toLowerCase()))];
    return (args) => {
        let props: Record<string, unknown> | undefined;
        for (const [key, value] of Object.entries(args.props)) {
            if (holdsSecret(value, lower)) {
                props ??= { ...args.props };
                props[key] = pulumi.secret(value);
            }
        }
        return props === undefined ? undefined : { props, opts: args.opts };
    };
}

/** Hides the secret config values in a config message (see `../util/redact.ts`). */
export function configRedactor(secrets: readonly string[]): (text: string) => string {
    return redactor(secrets);
}
