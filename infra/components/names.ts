/**
 * The helpers that derive child names from a component's base name (the rules and the derivations live in the
 * catalog's name table, `infra/catalog/names.ts`) plus a stable random suffix (from `@pulumi/random`, kept in
 * state, so a re-run never renames anything).
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { SUFFIX_LENGTH } from "../catalog/names";

/** A 6-character suffix of lowercase letters and digits, created once and kept in the stack's state. */
export function randomSuffix(name: string, parent: pulumi.Resource): random.RandomString {
    return new random.RandomString(
        `${name}-suffix`,
        { length: SUFFIX_LENGTH, upper: false, special: false, numeric: true, lower: true },
        { parent },
    );
}

export {
    alphanumeric,
    storageAccountName,
    keyVaultName,
    containerRegistryName,
    contentSafetyAccountName,
    logAnalyticsName,
    appInsightsName,
    defaultResourceGroupName,
    foundryAccountName,
    marketplaceSubscriptionName,
} from "../catalog/names";

/** RFC 4122 version-5 style GUID from a list of parts: stable for the same parts, so re-runs never duplicate. */
export function deterministicGuid(...parts: string[]): string {
    const hash = createHash("sha1").update(parts.join("|")).digest("hex");
    const variant = ((parseInt(hash[16], 16) & 0x3) | 0x8).toString(16);
    return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}
