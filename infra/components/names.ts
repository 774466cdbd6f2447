/**
 * Azure name rules for the resources the components create, and the helpers that derive child names from a
 * component's base name plus a stable random suffix (from `@pulumi/random`, kept in state, so a re-run never
 * renames anything).
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/** A 6-character suffix of lowercase letters and digits, created once and kept in the stack's state. */
export function randomSuffix(name: string, parent: pulumi.Resource): random.RandomString {
    return new random.RandomString(
        `${name}-suffix`,
        { length: 6, upper: false, special: false, numeric: true, lower: true },
        { parent },
    );
}

/** Letters and digits only, lower-cased (storage accounts, container registries). */
export function alphanumeric(value: string): string {
    return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Storage account: 3-24 lowercase letters and digits, globally unique. */
export function storageAccountName(base: string, suffix: string): string {
    return `st${alphanumeric(base).slice(0, 16)}${suffix}`;
}

/** Key vault: 3-24 letters, digits and single dashes, starting with a letter, globally unique. */
export function keyVaultName(base: string, suffix: string): string {
    const clean = base
        .replace(/[^a-zA-Z0-9-]/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 14)
        .replace(/-$/, "");
    return `kv-${clean}-${suffix}`.toLowerCase();
}

/** Container registry: 5-50 letters and digits, globally unique. */
export function containerRegistryName(base: string, suffix: string): string {
    return `cr${alphanumeric(base).slice(0, 40)}${suffix}`;
}

/**
 * Marketplace subscription names: `^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$` (no dots), derived from the model id's
 * last segment, e.g. `AI21-Jamba-1.5-Large` becomes `AI21-Jamba-1-5-Large`.
 */
export function marketplaceSubscriptionName(modelId: string): string {
    const last = modelId.split("/").filter(Boolean).pop() ?? "model";
    const clean = last.replace(/[^a-zA-Z0-9_-]/g, "-").replace(/^[^a-zA-Z0-9]+/, "");
    return (clean || "model").slice(0, 255);
}

/** RFC 4122 version-5 style GUID from a list of parts: stable for the same parts, so re-runs never duplicate. */
export function deterministicGuid(...parts: string[]): string {
    const hash = createHash("sha1").update(parts.join("|")).digest("hex");
    const variant = ((parseInt(hash[16], 16) & 0x3) | 0x8).toString(16);
    return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}
