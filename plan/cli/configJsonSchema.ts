/**
 * `node plan/runTs.js plan/cli/configJsonSchema.ts [--write | --check]`: the JSON Schema of a Pulumi stack file holding
 * this package's config (`config:` with `azure-ai-models:*` keys), generated from the config's zod schema
 * (`stackConfigSchema`, zod 4's `z.toJSONSchema`) so it describes whatever the validation accepts. Editors use it
 * for completion and checks while typing a stack file (a `# yaml-language-server: $schema=...` modeline, or VS Code's
 * `yaml.schemas`: docs/configuration.md). `--write` updates `schema/stack-config.schema.json` (shipped in the
 * package), `--check` fails when it is stale; without either it prints the schema.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { CONFIG_NAMESPACE, stackConfigSchema } from "../../infra/config/schema";

/** Where the schema is committed and shipped (package.json `files`). */
export const STACK_CONFIG_SCHEMA_FILE = path.join(__dirname, "..", "..", "schema", "stack-config.schema.json");

type JsonSchema = Record<string, unknown>;

/** A Pulumi secret as a stack file stores it (`pulumi config set --secret`). */
const SECURE: JsonSchema = {
    type: "object",
    description: "A secret value, encrypted by `pulumi config set --secret`.",
    properties: { secure: { type: "string" } },
    required: ["secure"],
    additionalProperties: false,
};

/** The JSON Schema of a whole stack file (`Pulumi.<stack>.yaml`) with this package's config keys described. */
export function stackFileJsonSchema(): JsonSchema {
    // Draft 7: what editors' YAML support (yaml-language-server) handles best. Input shapes (what a stack file holds, before defaults and transforms); checks zod cannot express in JSON
    // Schema (refinements, cross-field rules) are left to the validation, which reports them with their paths.
    const config = z.toJSONSchema(stackConfigSchema, { io: "input", unrepresentable: "any", target: "draft-7" });
    const {
        properties = {},
        definitions,
        $schema,
    } = config as {
        properties?: Record<string, JsonSchema>;
        definitions?: Record<string, JsonSchema>;
        $schema?: string;
    };
    const keys = Object.keys(properties);
    const namespaced = Object.fromEntries(
        Object.entries(properties).map(([key, schema]) => [
            `${CONFIG_NAMESPACE}:${key}`,
            { anyOf: [schema, { $ref: "#/definitions/secure" }] },
        ]),
    );
    return {
        $schema,
        title: "Pulumi stack file (Pulumi.<stack>.yaml) with azure-ai-models config",
        description: `Generated from the ${CONFIG_NAMESPACE} config schema by plan/cli/configJsonSchema.ts; do not edit.`,
        type: "object",
        properties: {
            config: {
                type: "object",
                description: "The stack's config: `namespace:key` to value.",
                properties: namespaced,
                // Another package's keys (azure-native:location, ...) are theirs; a misspelt key of this package is not.
                patternProperties: { [`^${CONFIG_NAMESPACE}:(?!(${keys.join("|")})$)`]: false },
                additionalProperties: true,
            },
            environment: {
                description: "Pulumi ESC environments the stack imports.",
                anyOf: [
                    { type: "array", items: { type: "string" } },
                    { type: "object", properties: { imports: { type: "array", items: { type: "string" } } } },
                ],
            },
            secretsprovider: { type: "string" },
            encryptedkey: { type: "string" },
            encryptionsalt: { type: "string" },
        },
        definitions: { ...(definitions ?? {}), secure: SECURE },
    };
}

/** The committed file's text for the current schema. */
export function stackFileJsonSchemaText(): string {
    return `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`;
}

function main(argv: string[]): number {
    const usage = "usage: node plan/runTs.js plan/cli/configJsonSchema.ts [--write | --check]\n";
    let values: { write?: boolean; check?: boolean; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: { write: { type: "boolean" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
            strict: true,
        }));
    } catch (e) {
        process.stderr.write(`${(e as Error).message}\n${usage}`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(usage);
        return 0;
    }
    const text = stackFileJsonSchemaText();
    if (values.write) writeFileSync(STACK_CONFIG_SCHEMA_FILE, text);
    else if (values.check) {
        if (readFileSync(STACK_CONFIG_SCHEMA_FILE, "utf8") !== text) {
            process.stderr.write(
                `${STACK_CONFIG_SCHEMA_FILE} is stale: run node plan/runTs.js plan/cli/configJsonSchema.ts --write\n`,
            );
            return 1;
        }
    } else process.stdout.write(text);
    return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
