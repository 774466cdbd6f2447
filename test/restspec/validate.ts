/**
 * Checks a request body against a swagger 2.0 schema of Azure's REST specs, the way Azure's contract reads:
 *
 * - `required` (own and inherited through `allOf`) must be present;
 * - `enum`: a value outside the list is refused, unless the enum is `x-ms-enum` with `modelAsString: true`, which
 *   declares the list open (Azure may accept values added after the spec was written): then any string passes;
 * - `pattern`, `minLength`/`maxLength`, `minimum`/`maximum` (and `exclusive*`), `minItems`/`maxItems`, `type`, and
 *   the range of `format: int32`;
 * - `readOnly` properties (on the property or on the definition it names) are refused: a client never sends them,
 *   and a property whose `x-ms-mutability` has neither `create` nor `update` is refused the same way;
 * - properties an object schema does not declare are refused, unless it has `additionalProperties` (then they are
 *   checked against it) or declares no properties at all (a free-form `{ "type": "object" }`);
 * - `null` only where `x-nullable` is true;
 * - polymorphic objects (`discriminator`) are checked against the subtype their discriminator value names.
 *
 * Values a preview cannot know (`[unknown]`, Pulumi's unknown sentinels) and secrets (`[secret]`) are accepted
 * unchecked. Formats other than int32 (uuid, date-time, arm-id, duration) are not checked.
 */
import { isUnknown } from "../../policies/lib/unknown";
import { SECRET } from "../../plan/run/types";
import { discriminatedSubtype, resolve, type Node, type Schema } from "./swagger";

/** True for values the validator accepts unchecked: unknown during a preview, or secret. */
export function isOpaque(value: unknown): boolean {
    return isUnknown(value) || value === SECRET;
}

interface ObjectShape {
    properties: Map<string, Node>;
    required: Set<string>;
    /** undefined: no `additionalProperties` anywhere in the chain (unknown keys refused). */
    additional?: Node | boolean;
    discriminator?: string;
}

/** Properties, required names and `additionalProperties` of an object schema, with those of its `allOf` parents. */
export function shapeOf(node: Node): ObjectShape {
    const r = resolve(node);
    const shape: ObjectShape = { properties: new Map(), required: new Set() };
    for (const parent of r.schema.allOf ?? []) {
        const p = shapeOf({ file: r.file, schema: parent });
        p.properties.forEach((v, k) => shape.properties.set(k, v));
        p.required.forEach((k) => shape.required.add(k));
        if (p.additional !== undefined) shape.additional = p.additional;
        if (p.discriminator !== undefined) shape.discriminator = p.discriminator;
    }
    for (const [k, v] of Object.entries(r.schema.properties ?? {}))
        shape.properties.set(k, { file: r.file, schema: v });
    for (const k of r.schema.required ?? []) shape.required.add(k);
    const ap = r.schema.additionalProperties;
    if (ap !== undefined) shape.additional = typeof ap === "boolean" ? ap : { file: r.file, schema: ap };
    if (r.schema.discriminator !== undefined) shape.discriminator = r.schema.discriminator;
    return shape;
}

function typeOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
    return typeof value;
}

function declaredType(schema: Schema): string | undefined {
    if (schema.type !== undefined) return schema.type;
    return schema.properties || schema.allOf || schema.additionalProperties ? "object" : undefined;
}

/** True when a client must not send the property. */
export function notSendable(prop: Node): string | undefined {
    const r = resolve(prop);
    if (r.schema.readOnly === true) return "is read-only (Azure sets it; a request must not send it)";
    const mutability = r.schema["x-ms-mutability"];
    if (mutability && !mutability.includes("create") && !mutability.includes("update"))
        return `cannot be set (x-ms-mutability ${mutability.join(", ")})`;
    return undefined;
}

function checkString(value: string, s: Schema, path: string, out: string[]): void {
    if (s.enum && !s.enum.includes(value) && s["x-ms-enum"]?.modelAsString !== true) {
        out.push(`${path}: ${JSON.stringify(value)} is not one of ${s.enum.map((e) => JSON.stringify(e)).join(", ")}`);
    }
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(value))
        out.push(`${path}: ${JSON.stringify(value)} does not match the pattern ${s.pattern}`);
    if (s.minLength !== undefined && value.length < s.minLength)
        out.push(`${path}: ${JSON.stringify(value)} is shorter than ${s.minLength} characters`);
    if (s.maxLength !== undefined && value.length > s.maxLength)
        out.push(`${path}: ${JSON.stringify(value)} is longer than ${s.maxLength} characters (${value.length})`);
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function checkNumber(value: number, s: Schema, path: string, out: string[]): void {
    if (s.enum && !s.enum.includes(value)) out.push(`${path}: ${value} is not one of ${s.enum.join(", ")}`);
    if (s.format === "int32" && (value < INT32.min || value > INT32.max))
        out.push(`${path}: ${value} is outside the int32 range`);
    if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum))
        out.push(`${path}: ${value} is below the minimum ${s.minimum}${s.exclusiveMinimum ? " (exclusive)" : ""}`);
    if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum))
        out.push(`${path}: ${value} is above the maximum ${s.maximum}${s.exclusiveMaximum ? " (exclusive)" : ""}`);
}

function checkObject(value: Record<string, unknown>, node: Node, path: string, out: string[]): void {
    let shape = shapeOf(node);
    const tag = shape.discriminator !== undefined ? value[shape.discriminator] : undefined;
    if (typeof tag === "string") {
        const sub = discriminatedSubtype(resolve(node), tag);
        if (sub) shape = shapeOf(sub);
    }
    for (const key of shape.required) {
        const prop = shape.properties.get(key);
        if (!(key in value) && !(prop && notSendable(prop))) out.push(`${join(path, key)}: is required`);
    }
    for (const [key, v] of Object.entries(value)) {
        const prop = shape.properties.get(key);
        if (prop) {
            const refused = notSendable(prop);
            if (refused) out.push(`${join(path, key)}: ${refused}`);
            else checkValue(v, prop, join(path, key), out);
        } else if (shape.additional && shape.additional !== true) {
            checkValue(v, shape.additional, join(path, key), out);
        } else if (shape.additional === false || (shape.additional === undefined && shape.properties.size > 0)) {
            // A schema that declares no properties at all (`{ "type": "object" }`) is free-form: any key passes.
            const known = [...shape.properties.keys()].filter((k) => !notSendable(shape.properties.get(k)!));
            out.push(`${join(path, key)}: is not a property of this type (known: ${known.sort().join(", ")})`);
        }
    }
}

function join(path: string, key: string): string {
    return path ? `${path}.${key}` : key;
}

/** Problems of `value` against the schema `node`, each `path: what is wrong`. */
export function checkValue(value: unknown, node: Node, path: string, out: string[] = []): string[] {
    if (isOpaque(value)) return out;
    const r = resolve(node);
    const s = r.schema;
    if (value === null) {
        if (s["x-nullable"] !== true) out.push(`${path || "(body)"}: null is not allowed here`);
        return out;
    }
    const type = declaredType(s);
    const actual = typeOf(value);
    if (type !== undefined && !(actual === type || (type === "number" && actual === "integer"))) {
        out.push(`${path || "(body)"}: expected ${type}, got ${actual} ${JSON.stringify(value)}`);
        return out;
    }
    if (typeof value === "string") checkString(value, s, path, out);
    else if (typeof value === "number") checkNumber(value, s, path, out);
    else if (Array.isArray(value)) {
        if (s.minItems !== undefined && value.length < s.minItems)
            out.push(`${path}: needs at least ${s.minItems} item(s), got ${value.length}`);
        if (s.maxItems !== undefined && value.length > s.maxItems)
            out.push(`${path}: allows at most ${s.maxItems} item(s), got ${value.length}`);
        if (s.items) value.forEach((v, i) => checkValue(v, { file: r.file, schema: s.items! }, `${path}[${i}]`, out));
    } else if (actual === "object") checkObject(value as Record<string, unknown>, r, path, out);
    return out;
}
