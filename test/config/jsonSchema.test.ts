/**
 * The stack file JSON Schema editors use for completion (`schema/stack-config.schema.json`, shipped in the package):
 * generated from the zod config schema, committed in sync with it, referenced by the repository's stack files, and
 * accepting what the validation accepts (every example stack file) while refusing what it refuses (a misspelt key,
 * a value of the wrong type).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { stackConfigSchema } from "../../infra/config/schema";
import {
    STACK_CONFIG_SCHEMA_FILE,
    stackFileJsonSchema,
    stackFileJsonSchemaText,
} from "../../plan/cli/configJsonSchema";

const ROOT = path.resolve(__dirname, "../..");

/** The repository's stack files holding this package's config: the root's and the examples'. */
const STACK_FILES = [
    ...readdirSync(ROOT)
        .filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f))
        .map((f) => path.join(ROOT, f)),
    path.join(ROOT, "examples", "consume-outputs", "Pulumi.dev.yaml"),
];

const validate = new Ajv({ allErrors: true }).compile(stackFileJsonSchema());
const errors = (doc: unknown) =>
    validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);

describe("the stack file JSON Schema", () => {
    it("is committed as the zod schema generates it (node plan/runTs.js plan/cli/configJsonSchema.ts --write)", () => {
        expect(readFileSync(STACK_CONFIG_SCHEMA_FILE, "utf8")).toBe(stackFileJsonSchemaText());
    });

    it("describes every config key of the zod schema under config:, namespaced", () => {
        const config = (stackFileJsonSchema().properties as Record<string, { properties: Record<string, unknown> }>)
            .config;
        expect(Object.keys(config.properties)).toEqual(
            Object.keys(stackConfigSchema.shape).map((k) => `azure-ai-models:${k}`),
        );
    });

    it.each(STACK_FILES.map((f) => [path.relative(ROOT, f), f]))("%s references it and passes it", (_name, file) => {
        const text = readFileSync(file, "utf8");
        const relative = path.relative(path.dirname(file), STACK_CONFIG_SCHEMA_FILE).split(path.sep).join("/");
        expect(text.split("\n")[0]).toBe(
            `# yaml-language-server: $schema=${relative.startsWith(".") ? relative : `./${relative}`}`,
        );
        expect(errors(parse(text))).toEqual([]);
    });

    it("refuses a misspelt key of this package, a wrong type and an unknown field; leaves other packages' keys alone", () => {
        expect(
            errors({
                config: {
                    "azure-native:location": "eastus2",
                    "azure-ai-models:deployment": [],
                },
            }),
        ).toEqual([".config['azure-ai-models:deployment'] boolean schema is false"]);
        expect(errors({ config: { "azure-ai-models:deployments": "chat" } })).toContain(
            ".config['azure-ai-models:deployments'] should be array",
        );
        expect(
            errors({ config: { "azure-ai-models:foundry": { name: "aim", location: "swedencentral", projcts: [] } } }),
        ).toContain(".config['azure-ai-models:foundry'] should NOT have additional properties");
        expect(errors({ config: { "azure-ai-models:foundry": { secure: "v1:abc" } } })).toEqual([]);
    });
});
