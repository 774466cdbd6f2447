/**
 * Reads the swagger 2.0 extracts under `spec/` (Azure's REST API specs, see `spec/SOURCE.txt`) and resolves their
 * `$ref`s, also across files (`../../common-types/...json#/definitions/X`), relative to the file that holds them.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

export const SPEC_ROOT = path.join(__dirname, "spec");

/** The swagger 2.0 schema keywords the extracts use. */
export interface Schema {
    $ref?: string;
    type?: string;
    format?: string;
    properties?: Record<string, Schema>;
    additionalProperties?: Schema | boolean;
    items?: Schema;
    required?: string[];
    allOf?: Schema[];
    enum?: unknown[];
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: boolean;
    exclusiveMaximum?: boolean;
    minItems?: number;
    maxItems?: number;
    readOnly?: boolean;
    discriminator?: string;
    "x-ms-enum"?: { name?: string; modelAsString?: boolean };
    "x-ms-mutability"?: string[];
    "x-nullable"?: boolean;
    "x-ms-client-flatten"?: boolean;
    "x-ms-discriminator-value"?: string;
    "x-extract-stub"?: boolean;
    [key: string]: unknown;
}

/** A schema with the file it was read from (its `$ref`s are relative to that file). */
export interface Node {
    file: string;
    schema: Schema;
    /** `file#/definitions/Name` for a named definition, for messages and discriminator lookups. */
    name?: string;
}

/** A path parameter of an operation, `$ref`s resolved. */
export interface PathParameter {
    name: string;
    pattern?: string;
    minLength?: number;
    maxLength?: number;
}

export interface Operation {
    operationId: string;
    path: string;
    /** Path parameters but `subscriptionId` (not a resource input). */
    pathParameters: PathParameter[];
    body: Node;
}

interface SwaggerFile {
    paths?: Record<string, Record<string, { operationId?: string; parameters?: Schema[] }>>;
    definitions?: Record<string, Schema>;
    parameters?: Record<string, Schema>;
}

const files = new Map<string, SwaggerFile>();

function load(file: string): SwaggerFile {
    let doc = files.get(file);
    if (!doc) {
        doc = JSON.parse(readFileSync(file, "utf8")) as SwaggerFile;
        files.set(file, doc);
    }
    return doc;
}

/** The object a `$ref` names, relative to `from`. */
export function deref(from: string, ref: string): Node {
    const [rel, pointer = ""] = ref.split("#");
    const file = rel ? path.resolve(path.dirname(from), rel) : from;
    let cur: unknown = load(file);
    for (const part of pointer.split("/").filter(Boolean)) {
        cur = (cur as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    if (cur === undefined || cur === null) throw new Error(`unresolved $ref ${ref} in ${from}`);
    const name = /^\/definitions\/([^/]+)$/.test(pointer) ? `${file}#${pointer}` : undefined;
    return { file, schema: cur as Schema, ...(name ? { name } : {}) };
}

/** Annotations Azure's specs put beside a `$ref`; they apply to the property, so they survive resolution. */
const SIBLINGS = ["readOnly", "x-nullable", "x-ms-mutability"] as const;

/** Follows `$ref`s to the schema they name, keeping the referring schema's sibling annotations. */
export function resolve(node: Node): Node {
    let cur = node;
    const carried: Schema = {};
    for (let i = 0; cur.schema.$ref !== undefined; i++) {
        if (i > 32) throw new Error(`$ref cycle at ${cur.schema.$ref}`);
        for (const key of SIBLINGS) if (cur.schema[key] !== undefined) carried[key] = cur.schema[key] as never;
        cur = deref(cur.file, cur.schema.$ref);
    }
    return Object.keys(carried).length ? { ...cur, schema: { ...cur.schema, ...carried } } : cur;
}

/** Every definition of a file that lists `base` in its `allOf`, directly or through another subtype. */
function subtypesOf(base: Node): Node[] {
    const defs = load(base.file).definitions ?? {};
    const out: Node[] = [];
    const visit = (target: string) => {
        for (const [name, schema] of Object.entries(defs)) {
            const node = { file: base.file, schema, name: `${base.file}#/definitions/${name}` };
            const refs = (schema.allOf ?? []).filter((p) => p.$ref).map((p) => deref(base.file, p.$ref!).name);
            if (refs.includes(target) && !out.some((o) => o.name === node.name)) {
                out.push(node);
                visit(node.name);
            }
        }
    };
    if (base.name) visit(base.name);
    return out;
}

/** The subtype of a polymorphic base whose discriminator value is `value` (`x-ms-discriminator-value`, else its name). */
export function discriminatedSubtype(base: Node, value: string): Node | undefined {
    return subtypesOf(base).find((s) => {
        const tag = s.schema["x-ms-discriminator-value"] ?? s.name!.split("/").pop();
        return tag === value;
    });
}

/** A PUT operation of a spec file by its `operationId`. */
export function operation(specFile: string, operationId: string): Operation {
    const file = path.join(SPEC_ROOT, specFile);
    for (const [p, methods] of Object.entries(load(file).paths ?? {})) {
        const put = methods.put;
        if (put?.operationId !== operationId) continue;
        const params = (put.parameters ?? []).map((param) => resolve({ file, schema: param }));
        const bodyParam = params.find((param) => param.schema.in === "body");
        if (!bodyParam?.schema.schema) throw new Error(`${operationId} has no body parameter`);
        const pathParameters = params
            .filter((param) => param.schema.in === "path" && param.schema.name !== "subscriptionId")
            .map(({ schema }) => ({
                name: String(schema.name),
                ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}),
                ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
                ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
            }));
        return {
            operationId,
            path: p,
            pathParameters,
            body: { file: bodyParam.file, schema: bodyParam.schema.schema as Schema },
        };
    }
    throw new Error(`no PUT operation ${operationId} in ${specFile}`);
}
