/**
 * The component table of docs/reuse.md, from the component package's schema (what `pulumi package add` gives other
 * languages): every component with its description, each input with its type, whether it is required, whether it
 * must be plain (known when the program runs), and its description; then the outputs, secrets marked. The doc keeps
 * it between {@link BEGIN} and {@link END}; `npm run docs:reuse` rewrites it and a test fails when it is stale.
 */

export const BEGIN =
    "<!-- components:begin (generated from the component package's schema by `npm run docs:reuse`: do not edit) -->";
export const END = "<!-- components:end -->";

interface SchemaProperty {
    type?: string;
    $ref?: string;
    items?: SchemaProperty;
    additionalProperties?: SchemaProperty;
    plain?: boolean;
    secret?: boolean;
    description?: string;
}

interface SchemaResource {
    description?: string;
    inputProperties?: Record<string, SchemaProperty>;
    requiredInputs?: string[];
    properties?: Record<string, SchemaProperty>;
}

interface SchemaType {
    type?: string;
    enum?: { name?: string; value: unknown }[];
}

/** The parts of a Pulumi package schema the table reads. */
export interface PackageSchema {
    resources: Record<string, SchemaResource>;
    types?: Record<string, SchemaType>;
}

/** One line of Markdown table cell text: newlines become spaces, pipes are escaped. */
function cell(text: string | undefined): string {
    return (text ?? "")
        .replace(/\s*\n\s*/g, " ")
        .replace(/\|/g, "\\|")
        .trim();
}

function typeOf(p: SchemaProperty, types: PackageSchema["types"]): string {
    if (p.$ref) {
        const token = p.$ref.replace(/^#\/types\//, "");
        const name = token.slice(token.lastIndexOf(":") + 1);
        const t = types?.[token];
        return t?.enum ? `${name} (${t.enum.map((e) => `\`${String(e.value)}\``).join(", ")})` : name;
    }
    if (p.type === "array" && p.items) return `list of ${typeOf(p.items, types)}`;
    if (p.type === "object" && p.additionalProperties) return `map of ${typeOf(p.additionalProperties, types)}`;
    return p.type ?? "any";
}

/** The generated region's content (between the markers), one section per component in schema order. */
export function componentTable(schema: PackageSchema): string {
    const out: string[] = [];
    for (const [token, r] of Object.entries(schema.resources)) {
        const required = new Set(r.requiredInputs ?? []);
        out.push(`#### \`${token}\``, "", cell(r.description), "");
        out.push("| input | type | required | description |", "|---|---|---|---|");
        const inputs = Object.entries(r.inputProperties ?? {}).sort(
            ([a], [b]) => Number(required.has(b)) - Number(required.has(a)),
        );
        for (const [name, p] of inputs) {
            const plain = p.plain ? ", plain" : "";
            out.push(
                `| \`${name}\` | ${cell(typeOf(p, schema.types))}${plain} | ${required.has(name) ? "yes" : "no"} | ${cell(p.description)} |`,
            );
        }
        const outputs = Object.entries(r.properties ?? {}).map(([n, p]) => `\`${n}\`${p.secret ? " (secret)" : ""}`);
        out.push("", `Outputs: ${outputs.join(", ")}.`, "");
    }
    return out.join("\n").trimEnd();
}

/** The doc with its generated region replaced; throws when the doc has no region (or a broken one). */
export function withComponentTable(doc: string, schema: PackageSchema): string {
    const begin = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (begin < 0 || end < begin) throw new Error(`the doc has no region between ${BEGIN} and ${END}`);
    return `${doc.slice(0, begin + BEGIN.length)}\n\n${componentTable(schema)}\n\n${doc.slice(end)}`;
}
