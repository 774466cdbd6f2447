/**
 * The resource-type registry: one record per resource type the package creates, judges or diffs, and the views
 * every other part reads (the plan's name inputs, mocks, key inputs, replacement rules and destructive kinds, the
 * pack's type lists, the component package's secret outputs). A new type is one record here plus its component;
 * `test/catalog/resourceTypes.test.ts` fails when a type the repository registers has no record.
 */
import { NAME_RULES, type NameRule } from "../names";
import {
    APPLICATION_INSIGHTS,
    CONTAINER_REGISTRY,
    DIAGNOSTIC_SETTING,
    KEY_VAULT,
    LOG_ANALYTICS_WORKSPACE,
} from "./base";
import { RANDOM_STRING, RESOURCE_GROUP, ROLE_ASSIGNMENT, STORAGE_ACCOUNT, USER_ASSIGNED_IDENTITY } from "./base";
import {
    COGNITIVE_ACCOUNT,
    CONTENT_FILTER,
    CONTENT_FILTER_BLOCKLIST,
    CONTENT_FILTER_BLOCKLIST_ITEM,
    FOUNDRY_DEPLOYMENT,
    FOUNDRY_PROJECT,
} from "./cognitiveServices";
import { ARM_GROUP_SOURCE, ARM_PATH_SOURCE } from "./common";
import {
    MARKETPLACE_SUBSCRIPTION,
    ML_WORKSPACE,
    ONLINE_DEPLOYMENT,
    ONLINE_ENDPOINT,
    SERVERLESS_ENDPOINT,
} from "./machineLearning";
import {
    PRIVATE_DNS_ZONE,
    PRIVATE_DNS_ZONE_GROUP,
    PRIVATE_ENDPOINT,
    VIRTUAL_NETWORK,
    VIRTUAL_NETWORK_LINK,
} from "./network";
import { DELETED_ACCOUNT_PURGE, ENDPOINT_TRAFFIC } from "./dynamic";
import type { FixedInput, ResourceType } from "./types";
import { APP_SERVICE_PLAN, WEB_APP } from "./web";

export type * from "./types";
export { str as inputString } from "./common";

/** Every record. Add a new type's record here (one line), next to its neighbours. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
    RESOURCE_GROUP,
    STORAGE_ACCOUNT,
    KEY_VAULT,
    LOG_ANALYTICS_WORKSPACE,
    APPLICATION_INSIGHTS,
    CONTAINER_REGISTRY,
    DIAGNOSTIC_SETTING,
    ROLE_ASSIGNMENT,
    USER_ASSIGNED_IDENTITY,
    ML_WORKSPACE,
    MARKETPLACE_SUBSCRIPTION,
    SERVERLESS_ENDPOINT,
    ONLINE_ENDPOINT,
    ONLINE_DEPLOYMENT,
    COGNITIVE_ACCOUNT,
    FOUNDRY_PROJECT,
    FOUNDRY_DEPLOYMENT,
    CONTENT_FILTER,
    CONTENT_FILTER_BLOCKLIST,
    CONTENT_FILTER_BLOCKLIST_ITEM,
    APP_SERVICE_PLAN,
    WEB_APP,
    VIRTUAL_NETWORK,
    PRIVATE_ENDPOINT,
    PRIVATE_DNS_ZONE_GROUP,
    PRIVATE_DNS_ZONE,
    VIRTUAL_NETWORK_LINK,
    RANDOM_STRING,
    ENDPOINT_TRAFFIC,
    DELETED_ACCOUNT_PURGE,
];

const BY_TOKEN = new Map<string, ResourceType>(
    RESOURCE_TYPES.flatMap((r) => [r.type, ...(r.aliases ?? [])].map((t) => [t, r] as const)),
);

/** `azure-native:<module>/v<version>:<Type>`: a type through one of azure-native's API-version modules. */
const VERSIONED = /^azure-native:([a-z0-9]+)\/v[0-9a-z]+:([A-Za-z0-9]+)$/;

/**
 * The record of a type token, also through an alias or an API-version module
 * (`azure-native:cognitiveservices/v20250601:Account` is `azure-native:cognitiveservices:Account`).
 */
export function resourceTypeOf(token: string): ResourceType | undefined {
    const direct = BY_TOKEN.get(token);
    if (direct) return direct;
    const m = VERSIONED.exec(token);
    return m ? BY_TOKEN.get(`azure-native:${m[1]}:${m[2]}`) : undefined;
}

/** The token of the record a type token resolves to (itself when it has no record). */
export function canonicalType(token: string): string {
    return resourceTypeOf(token)?.type ?? token;
}

/** The records of one azure-native module (`machinelearningservices`), in registry order. */
export function resourceTypesIn(module: string): ResourceType[] {
    return RESOURCE_TYPES.filter((r) => r.type.startsWith(`azure-native:${module}:`));
}

/** The last part of a type token: `Account` for `azure-native:cognitiveservices:Account`. */
export function typeName(token: string): string {
    return token.slice(token.lastIndexOf(":") + 1);
}

/** The input holding a type's Azure name, when it has one. */
export function nameInputOf(token: string): string | undefined {
    return resourceTypeOf(token)?.nameInput;
}

/** Azure's name rule for a type's name input, if the registry has one. */
export function nameRuleOf(token: string): NameRule | undefined {
    return resourceTypeOf(token)?.nameRule;
}

/** Every input that holds a name with a rule, with that rule: the name input first, then the others. */
export function namedInputsOf(token: string): { input: string; rule: NameRule }[] {
    const r = resourceTypeOf(token);
    if (!r) return [];
    const main = r.nameInput && r.nameRule ? [{ input: r.nameInput, rule: r.nameRule }] : [];
    return [...main, ...(r.otherNames ?? [])];
}

/** The inputs naming a type's Azure parents. */
export function parentInputsOf(token: string): readonly string[] {
    return (resourceTypeOf(token)?.parents ?? []).map((p) => p.input);
}

/** What a parent input names, for messages (`resource group`, `Foundry account`). */
export function parentWhat(token: string, input: string): string {
    return resourceTypeOf(token)?.parents?.find((p) => p.input === input)?.what ?? input;
}

/**
 * Every input change that replaces a resource of this type: its parents, its name, then its fixed inputs. Derived
 * from the record; paths are dotted paths into the inputs.
 */
export function replacementRulesOf(token: string): FixedInput[] {
    const r = resourceTypeOf(token);
    if (!r) return [];
    const parents = (r.parents ?? []).map<FixedInput>((p) => ({
        path: p.input,
        reason: `the ${p.what} is part of the Azure resource id`,
        source: p.input === "resourceGroupName" ? ARM_GROUP_SOURCE : ARM_PATH_SOURCE,
    }));
    const name: FixedInput[] = r.nameInput
        ? [{ path: r.nameInput, reason: "the name is part of the Azure resource id", source: ARM_PATH_SOURCE }]
        : [];
    return [...parents, ...name, ...(r.fixedInputs ?? [])];
}

/** What a destructive resource is called (`hub`, `Foundry deployment`), or undefined when it is not destructive. */
export function destructiveWhat(token: string, inputs: Record<string, unknown>): string | undefined {
    const d = resourceTypeOf(token)?.destructive;
    if (!d) return undefined;
    return typeof d.what === "function" ? d.what(inputs) : d.what;
}

/** What goes with a destructive resource, or undefined when the record says nothing more. */
export function destructiveConsequence(token: string, inputs: Record<string, unknown>): string | undefined {
    const c = resourceTypeOf(token)?.destructive?.consequence;
    return typeof c === "function" ? c(inputs) : c;
}

/** The records whose deletion or replacement the plan diff's gate reports. */
export function destructiveTypes(): ResourceType[] {
    return RESOURCE_TYPES.filter((r) => r.destructive);
}

/** The component outputs that carry secrets, by published component name (from the records' `secretOutputs`). */
export function secretOutputsByComponent(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const r of RESOURCE_TYPES) {
        for (const p of r.secretOutputs?.publishedBy ?? [])
            out[p.component] = [...(out[p.component] ?? []), ...p.outputs];
    }
    return out;
}

/** The rules of the catalog's name table no record uses (should be none but `customSubdomain`'s sharers). */
export function unusedNameRules(): string[] {
    const used = new Set(RESOURCE_TYPES.flatMap((r) => namedInputsOf(r.type).map((n) => n.rule)));
    return Object.entries(NAME_RULES)
        .filter(([, rule]) => !used.has(rule))
        .map(([key]) => key);
}
