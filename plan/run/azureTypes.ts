import { RESOURCE_TYPES, nameInputOf } from "../../infra/catalog";
import { UNKNOWN } from "../../policies/lib/unknown";

/**
 * The input that holds each resource type's Azure name (the last segment of its resource id): azure-native names
 * resources with a type-specific property. A view of the catalog's resource-type registry.
 */
export const AZURE_NAME_INPUT: Readonly<Record<string, string>> = Object.fromEntries(
    RESOURCE_TYPES.flatMap((r) => (r.nameInput ? [[r.type, r.nameInput] as const] : [])),
);

/**
 * A resource's Azure name, from the input its type names it by, when the type has one and the value is known
 * (pass masked inputs to print it: a secret name is then `[secret]`).
 */
export function azureNameOf(r: { type: string; inputs: Record<string, unknown> }): string | undefined {
    const prop = nameInputOf(r.type);
    const v = prop ? r.inputs[prop] : undefined;
    return typeof v === "string" && v !== UNKNOWN ? v : undefined;
}

/** A value at a dotted path (`properties.modelSettings.modelId`) inside resource inputs. */
export function inputAt(obj: unknown, dotted: string): unknown {
    return dotted
        .split(".")
        .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** A type token without its package prefix, for display: `machinelearningservices:Workspace`, `AiProject`. */
export function shortType(type: string): string {
    return type
        .replace(/^azure-native:/, "")
        .replace(/^azure-ai-models:index:/, "")
        .replace(/^pulumi-nodejs:dynamic:/, "dynamic:");
}
