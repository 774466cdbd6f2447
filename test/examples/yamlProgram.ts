/**
 * Checks a Pulumi YAML program against a Pulumi package schema, offline: what `pulumi preview` would reject about
 * the program's use of the package before any resource is created. No Pulumi CLI or YAML runtime is involved, so
 * this proves the program matches the schema the package's provider serves, not that the program runs.
 *
 * Checked for every resource whose type belongs to the package: the type exists (`pkg:index:Name`, or the short
 * `pkg:Name`); every property is an input of that type; every required input is given; literal values have the
 * input's type (enum values included); plain inputs take no resource output; and every `${resource.output}` in
 * properties and outputs names an output of that resource's type. `${name}` must be a config key, a variable or a
 * resource of the program.
 */

/** The parts of a property's schema this checker reads. */
export interface SchemaProperty {
    type?: string;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
    plain?: boolean;
    secret?: boolean;
}

export interface SchemaResource {
    isComponent?: boolean;
    inputProperties?: Record<string, SchemaProperty>;
    requiredInputs?: string[];
    properties?: Record<string, SchemaProperty>;
}

export interface SchemaType {
    type?: string;
    enum?: { value: unknown }[];
    properties?: Record<string, SchemaProperty>;
    required?: string[];
}

export interface PackageSchema {
    name: string;
    resources: Record<string, SchemaResource>;
    types?: Record<string, SchemaType>;
}

/** The parts of a Pulumi YAML program this checker reads. */
export interface YamlProgram {
    name?: string;
    packages?: Record<string, unknown>;
    config?: Record<string, unknown>;
    variables?: Record<string, unknown>;
    resources?: Record<string, { type?: unknown; properties?: Record<string, unknown> }>;
    outputs?: Record<string, unknown>;
}

/** Outputs every resource has besides its schema's. */
const BUILTIN_OUTPUTS = ["urn", "id"];

/** `${a.b[0].c}` → root `a`, first property `b`. Escaped `$${...}` is literal text. */
function references(value: string): { expression: string; root: string; property?: string }[] {
    const out: { expression: string; root: string; property?: string }[] = [];
    for (const m of value.matchAll(/(\$?)\$\{([^}]*)\}/g)) {
        if (m[1] === "$") continue;
        const expression = m[2].trim();
        const r = /^([A-Za-z_][\w-]*)(?:\.([A-Za-z_]\w*)|\["([^"]+)"\])?/.exec(expression);
        if (r) out.push({ expression, root: r[1], property: r[2] ?? r[3] });
    }
    return out;
}

function strings(value: unknown): string[] {
    if (typeof value === "string") return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === "object") return Object.values(value).flatMap(strings);
    return [];
}

/** The full token of a type written in a program: `pkg:Name` is `pkg:index:Name`. */
export function fullToken(type: string): string {
    const parts = type.split(":");
    return parts.length === 2 ? `${parts[0]}:index:${parts[1]}` : type;
}

function typeProblems(value: unknown, spec: SchemaProperty, schema: PackageSchema, at: string): string[] {
    // A value computed by an interpolation is checked through its references, not here.
    if (typeof value === "string" && references(value).length > 0) return [];
    if (
        value &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        Object.keys(value).some((k) => k.startsWith("fn::"))
    )
        return [];
    if (spec.$ref) {
        const name = spec.$ref.replace(/^#\/types\//, "");
        const t = schema.types?.[name];
        if (!t) return spec.$ref.startsWith("#/types/") ? [`${at}: the schema has no type ${name}`] : [];
        if (t.enum) {
            const allowed = t.enum.map((e) => e.value);
            return allowed.includes(value)
                ? []
                : [`${at}: ${JSON.stringify(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`];
        }
        if (t.properties) return objectProblems(value, t.properties, t.required ?? [], schema, at);
        return [];
    }
    switch (spec.type) {
        case "string":
            return typeof value === "string" ? [] : [`${at}: expected a string, got ${JSON.stringify(value)}`];
        case "boolean":
            return typeof value === "boolean" ? [] : [`${at}: expected a boolean, got ${JSON.stringify(value)}`];
        case "integer":
            return Number.isInteger(value) ? [] : [`${at}: expected an integer, got ${JSON.stringify(value)}`];
        case "number":
            return typeof value === "number" ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
        case "array":
            if (!Array.isArray(value)) return [`${at}: expected a list, got ${JSON.stringify(value)}`];
            return spec.items ? value.flatMap((v, i) => typeProblems(v, spec.items!, schema, `${at}[${i}]`)) : [];
        case "object":
            if (!value || typeof value !== "object" || Array.isArray(value))
                return [`${at}: expected an object, got ${JSON.stringify(value)}`];
            return spec.additionalProperties
                ? Object.entries(value).flatMap(([k, v]) =>
                      typeProblems(v, spec.additionalProperties!, schema, `${at}.${k}`),
                  )
                : [];
        default:
            return [];
    }
}

function objectProblems(
    value: unknown,
    properties: Record<string, SchemaProperty>,
    required: string[],
    schema: PackageSchema,
    at: string,
): string[] {
    if (!value || typeof value !== "object" || Array.isArray(value))
        return [`${at}: expected an object, got ${JSON.stringify(value)}`];
    const given = value as Record<string, unknown>;
    return [
        ...Object.keys(given)
            .filter((k) => !(k in properties))
            .map((k) => `${at}.${k}: not a property; properties: ${Object.keys(properties).join(", ")}`),
        ...required.filter((k) => !(k in given)).map((k) => `${at}.${k}: required`),
        ...Object.entries(given).flatMap(([k, v]) =>
            properties[k] ? typeProblems(v, properties[k], schema, `${at}.${k}`) : [],
        ),
    ];
}

/** Every problem with the program's use of the package; empty when it matches the schema. */
export function checkYamlProgram(program: YamlProgram, schema: PackageSchema): string[] {
    const problems: string[] = [];
    const resources = program.resources ?? {};
    const names = new Set([
        ...Object.keys(program.config ?? {}),
        ...Object.keys(program.variables ?? {}),
        ...Object.keys(resources),
        "pulumi",
    ]);
    const ours = (type: unknown): type is string => typeof type === "string" && type.startsWith(`${schema.name}:`);

    const checkReferences = (value: unknown, at: string): void => {
        for (const s of strings(value)) {
            for (const ref of references(s)) {
                if (!names.has(ref.root)) {
                    problems.push(
                        `${at}: \${${ref.expression}} names nothing in the program (config, variables, resources)`,
                    );
                    continue;
                }
                const target = resources[ref.root];
                if (!target || !ours(target.type) || ref.property === undefined) continue;
                // A type the schema does not have is reported once, where the resource is declared.
                const spec = schema.resources[fullToken(target.type)];
                if (!spec) continue;
                const outputs = spec.properties ?? {};
                if (!(ref.property in outputs) && !BUILTIN_OUTPUTS.includes(ref.property)) {
                    problems.push(
                        `${at}: \${${ref.expression}}: ${target.type} has no output ${ref.property}; outputs: ${Object.keys(outputs).join(", ")}`,
                    );
                }
            }
        }
    };

    for (const [name, resource] of Object.entries(resources)) {
        if (!ours(resource.type)) continue;
        const token = fullToken(resource.type);
        const spec = schema.resources[token];
        if (!spec) {
            problems.push(
                `resources.${name}: ${schema.name} has no resource type ${resource.type}; types: ${Object.keys(schema.resources).join(", ")}`,
            );
            continue;
        }
        const inputs = spec.inputProperties ?? {};
        const properties = resource.properties ?? {};
        for (const [key, value] of Object.entries(properties)) {
            const at = `resources.${name}.properties.${key}`;
            const input = inputs[key];
            if (!input) {
                problems.push(`${at}: not an input of ${token}; inputs: ${Object.keys(inputs).join(", ")}`);
                continue;
            }
            problems.push(...typeProblems(value, input, schema, at));
            if (input.plain && strings(value).some((s) => references(s).some((r) => resources[r.root] !== undefined))) {
                problems.push(
                    `${at}: a plain input of ${token}: it must be known before any resource exists, not a resource output`,
                );
            }
            checkReferences(value, at);
        }
        for (const required of spec.requiredInputs ?? []) {
            if (!(required in properties))
                problems.push(`resources.${name}.properties.${required}: required by ${token}`);
        }
    }
    for (const [name, value] of Object.entries(program.outputs ?? {})) checkReferences(value, `outputs.${name}`);
    return problems;
}
