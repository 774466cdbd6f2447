/**
 * Rule 8: no plaintext keys in stack outputs. A stack output (or a value inside one) with a key-like name
 * (`primaryKey`, `token`, `connectionString`, ...) must be secret: `listServerlessEndpointKeysOutput` does not mark
 * its keys secret, so exporting them as they come stores them in the clear in the state and prints them.
 *
 * The offline plan records which output paths are secret, even for values unknown during a preview (a key of an
 * endpoint the stack is creating): an unknown key-like value that is not secret is reported there. In the CLI, `@pulumi/policy` hands policies secret values
 * unwrapped with no mark (pulumi/pulumi-policy#241), so the rule cannot tell a secret from a plaintext value there:
 * it reports nothing unless `reportWhenSecretnessUnknown` is set, which reports every key-like output.
 *
 * Keys are also recognised by where they come from: in the offline plan, every value a key-listing function returned
 * (`listAccountKeys`, `listServerlessEndpointKeys`, ...: the registry records' `secretOutputs.listFunction`) is
 * found in the outputs at any depth, under any name, and reported when it is not secret there. The plan also records
 * each output's provenance: an output computed from what a key-listing function returned (directly, or through a
 * component's secret output such as `FoundryAccount.primaryKey` or `ServerlessModelEndpoint.primaryKey`, then
 * `pulumi.unsecret`) is reported when it is not secret, even while its value is unknown during a preview.
 */
import { defineStackRule, stringList, type Finding } from "../lib/rule";
import { isUnknown } from "../lib/unknown";
import { STACK_TYPE, type OutputView } from "../lib/view";

export interface NoPlaintextKeysInOutputsConfig {
    keyNames: string[];
    reportWhenSecretnessUnknown: boolean;
}

export const DEFAULT_KEY_NAMES = [
    "key",
    "primaryKey",
    "secondaryKey",
    "token",
    "password",
    "connectionString",
] as const;

/**
 * True when a property name is key-like: one of the names (case-insensitive), or ends in one at a word boundary
 * (`apiKey`, `access_token`, `db-password`).
 */
export function isKeyLikeName(name: string, keyNames: readonly string[]): boolean {
    const lower = name.toLowerCase();
    return keyNames.some((k) => {
        const key = k.toLowerCase();
        if (lower === key) return true;
        if (lower.endsWith(`_${key}`) || lower.endsWith(`-${key}`)) return true;
        // camelCase boundary: `apiKey` ends in `Key`.
        return name.endsWith(k.charAt(0).toUpperCase() + k.slice(1)) && name.length > k.length;
    });
}

/**
 * Every (path, value) inside an output whose last segment is key-like and whose value is a non-empty string. Values
 * unknown during a preview count only with `withUnknown`: where secretness is observable (the offline plan), an
 * unknown key that is not wrapped in a secret will be stored in the clear once Azure creates it, whatever its value.
 */
function keyLikeValues(
    output: OutputView,
    keyNames: readonly string[],
    withUnknown: boolean,
): { path: string; value: string }[] {
    const found: { path: string; value: string }[] = [];
    const walk = (value: unknown, path: string, name: string): void => {
        if (isUnknown(value)) {
            if (withUnknown && isKeyLikeName(name, keyNames)) found.push({ path, value: "" });
            return;
        }
        if (value === null || value === undefined) return;
        if (typeof value === "string") {
            if (value !== "" && isKeyLikeName(name, keyNames)) found.push({ path, value });
            return;
        }
        if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, `${path}.${i}`, name));
            return;
        }
        if (typeof value === "object") {
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, `${path}.${k}`, k);
        }
    };
    walk(output.value, output.name, output.name);
    return found;
}

/** `a[0].b` and `a.0.b` name the same value. */
function normalisePath(path: string): string {
    return path.replace(/\[(\d+)\]/g, ".$1");
}

/** True when the path, or an object or array containing it (a prefix ending before a `.`), is secret. */
function isSecretPath(path: string, secretPaths: ReadonlySet<string>): boolean {
    if (secretPaths.has(path)) return true;
    for (let dot = path.indexOf("."); dot !== -1; dot = path.indexOf(".", dot + 1)) {
        if (secretPaths.has(path.slice(0, dot))) return true;
    }
    return false;
}

export const noPlaintextKeysInOutputs = defineStackRule<NoPlaintextKeysInOutputsConfig>({
    name: "no-plaintext-keys-in-outputs",
    description:
        "Stack outputs with key-like names (key, primaryKey, secondaryKey, token, password, connectionString) are secret.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            keyNames: {
                ...stringList(
                    "Key-like names: an output or a property inside one is key-like when its name is one of these (case-insensitive) or ends in one (apiKey, access_token).",
                    DEFAULT_KEY_NAMES,
                ),
                minItems: 1,
            },
            reportWhenSecretnessUnknown: {
                type: "boolean",
                default: false,
                description:
                    "Where secretness cannot be seen (the CLI: pulumi/pulumi-policy#241), report every key-like output with a value. For stacks that must export no keys at all.",
            },
        },
    },
    remediationSteps: "Export the value through pulumi.secret(...), or stop exporting it.",
    check: (stack, config) => {
        const findings: Finding[] = [];
        const byName = new Set<string>();
        const stackUrn = stack.resources.find((r) => r.type === STACK_TYPE)?.urn;
        for (const output of stack.outputs) {
            if (output.secretPaths === undefined && !config.reportWhenSecretnessUnknown) continue;
            // Normalised once per output: each key-like value is then looked up by its prefixes.
            const secretPaths = output.secretPaths && new Set(output.secretPaths.map(normalisePath));
            for (const { path } of keyLikeValues(output, config.keyNames, secretPaths !== undefined)) {
                if (secretPaths !== undefined && isSecretPath(path, secretPaths)) continue;
                byName.add(path);
                const why =
                    output.secretPaths === undefined
                        ? "may be in plaintext (the CLI cannot show policies which outputs are secret; reportWhenSecretnessUnknown is on)"
                        : "is not secret, so it is stored in the clear in the stack's state and printed by `pulumi stack output`";
                findings.push({
                    ...(stackUrn ? { urn: stackUrn } : {}),
                    message:
                        `Stack output ${path} has a key-like name and ${why}. ` +
                        `Wrap the value in pulumi.secret(...) before exporting it, or do not export it.`,
                });
            }
        }
        // A key already reported by its name is not reported again by its value.
        const byValue = keysByValue(stack.outputs, stack.keyValues ?? [], stackUrn, byName);
        findings.push(...byValue.findings);
        for (const p of byValue.paths) byName.add(p);
        findings.push(...keysByProvenance(stack.outputs, stack.keyOutputs ?? [], stackUrn, byName));
        return findings;
    },
});

/**
 * Outputs that hold, whatever their names, a key the program got from a key-listing function (also inside a longer
 * string such as a connection string) and are not secret there. Each (path, source) once.
 */
function keysByValue(
    outputs: readonly OutputView[],
    keys: readonly { value: string; source: string }[],
    stackUrn: string | undefined,
    reported: ReadonlySet<string>,
): { findings: Finding[]; paths: string[] } {
    const usable = keys.filter((k) => k.value.length >= 8);
    const findings: Finding[] = [];
    const paths: string[] = [];
    if (usable.length === 0) return { findings, paths };
    for (const output of outputs) {
        if (output.secretPaths === undefined) continue;
        const secretPaths = new Set(output.secretPaths.map(normalisePath));
        const walk = (value: unknown, path: string): void => {
            if (isSecretPath(path, secretPaths) || reported.has(path)) return;
            if (typeof value === "string") {
                const key = usable.find((k) => value.includes(k.value));
                if (key) paths.push(path);
                if (key)
                    findings.push({
                        ...(stackUrn ? { urn: stackUrn } : {}),
                        message:
                            `Stack output ${path} holds a key returned by ${key.source} and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`, whatever its name. ` +
                            "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.",
                    });
                return;
            }
            if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
            else if (value && typeof value === "object")
                for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, `${path}.${k}`);
        };
        walk(output.value, output.name);
    }
    return { findings, paths };
}

/**
 * Outputs whose value the plan saw computed from what a key-listing function returned (their provenance), known or
 * unknown, that are not secret there. A path already reported (by name or value), or inside one, is not repeated.
 */
function keysByProvenance(
    outputs: readonly OutputView[],
    keyOutputs: readonly { path: string; source: string }[],
    stackUrn: string | undefined,
    reported: ReadonlySet<string>,
): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const { path, source } of keyOutputs) {
        const output = outputs.find((o) => path === o.name || path.startsWith(`${o.name}.`));
        if (output?.secretPaths === undefined) continue;
        const secretPaths = new Set(output.secretPaths.map(normalisePath));
        if (isSecretPath(path, secretPaths) || seen.has(path)) continue;
        if ([...reported].some((r) => r === path || r.startsWith(`${path}.`) || path.startsWith(`${r}.`))) continue;
        seen.add(path);
        findings.push({
            ...(stackUrn ? { urn: stackUrn } : {}),
            message:
                `Stack output ${path} is computed from a key returned by ${source} and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`, whatever its name. ` +
                "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.",
        });
    }
    return findings;
}
