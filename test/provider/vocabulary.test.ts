/**
 * One vocabulary (`infra/catalog/vocabulary.ts`): every choice list is written once, and the three places a user
 * meets a choice offer exactly those lists: the stack-config JSON Schema editors complete from
 * (`schema/stack-config.schema.json`), the zod schemas that validate the config, the components' arguments and the
 * catalog, and the component package schema's enums (what other languages' SDKs get). An enum written as a literal
 * list anywhere in those schemas fails here, and so does a list of the vocabulary that none of them uses.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { packageSchema } from "../helpers/schema";
import { VOCABULARY, CONTENT_FILTER_CATEGORIES } from "../../infra/catalog/vocabulary";
import { CONTENT_FILTER_SEVERITY_CATEGORIES, CONTENT_FILTER_SWITCH_CATEGORIES } from "../../infra/catalog";
import { PRIVATE_LINK } from "../../infra/catalog/privateLink";
import { VOCABULARY_CHOICES } from "../../infra/catalog/choice";
import { modelEntrySchema } from "../../infra/catalog/schema";
import * as args from "../../infra/config/args";
import { stackConfigSchema } from "../../infra/config/schema";
import * as enums from "../../infra/components/enums";
import { ENUM_LISTS } from "../../infra/components/enumLists";
import { STACK_CONFIG_SCHEMA_FILE } from "../../plan/cli/configJsonSchema";

const LISTS = Object.entries(VOCABULARY) as [string, readonly string[]][];

/** The vocabulary's name of a list with exactly these values, in this order. */
function listNamed(values: readonly unknown[]): string | undefined {
    return LISTS.find(([, list]) => JSON.stringify(list) === JSON.stringify(values))?.[0];
}

/** Every `enum` of a JSON Schema, with where it is. */
function jsonEnums(node: unknown, at = "#", out: [string, unknown[]][] = []): [string, unknown[]][] {
    if (Array.isArray(node)) node.forEach((n, i) => jsonEnums(n, `${at}/${i}`, out));
    else if (typeof node === "object" && node !== null)
        for (const [key, value] of Object.entries(node)) {
            if (key === "enum" && Array.isArray(value)) out.push([at, value]);
            else jsonEnums(value, `${at}/${key}`, out);
        }
    return out;
}

/** Every zod schema reachable from `root` (its definition's fields, walked once each). */
function zodSchemas(root: z.ZodType): z.ZodType[] {
    const seen = new Set<z.ZodType>();
    const visit = (value: unknown): void => {
        if (value instanceof z.ZodType) {
            if (seen.has(value)) return;
            seen.add(value);
            const def = (value as unknown as { def: Record<string, unknown> }).def;
            for (const [key, field] of Object.entries(def)) if (key !== "entries") visit(field);
        } else if (Array.isArray(value)) value.forEach(visit);
        else if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype)
            Object.values(value).forEach(visit);
    };
    visit(root);
    return [...seen];
}

/** The zod schemas users meet: the stack config, every component's argument rules, the catalog's records. */
const ZOD_ROOTS: [string, z.ZodType][] = [
    ["stackConfigSchema", stackConfigSchema],
    ["modelEntrySchema", modelEntrySchema],
    ...Object.entries(args)
        .filter(([name]) => name.endsWith("_ARGS"))
        .flatMap(([name, rules]) =>
            Object.entries(rules as Record<string, z.ZodType>).map(([arg, s]): [string, z.ZodType] => [
                `${name}.${arg}`,
                s,
            ]),
        ),
];

interface ProviderSchema {
    types: Record<string, { type: string; enum?: { name: string; value: string }[] }>;
}
let provider: ProviderSchema;

// The analyzer behind the schema builds a TypeScript program (seconds of CPU, longer on a busy machine; cached after).
beforeAll(async () => {
    provider = JSON.parse(await packageSchema()) as ProviderSchema;
}, 300_000);

describe("the vocabulary", () => {
    it("holds each list once, without repeats inside a list", () => {
        for (const [name, list] of LISTS)
            expect({ name, size: new Set(list).size }).toEqual({ name, size: list.length });
        expect(new Set(Object.values(VOCABULARY)).size).toBe(LISTS.length);
    });

    it("splits the content filter categories into those with a severity and the switches", () => {
        expect(CONTENT_FILTER_CATEGORIES).toEqual([
            ...CONTENT_FILTER_SEVERITY_CATEGORIES,
            ...CONTENT_FILTER_SWITCH_CATEGORIES,
        ]);
    });

    it("names every private link target the catalog describes", () => {
        expect(Object.keys(PRIVATE_LINK)).toEqual([...VOCABULARY.PRIVATE_LINK_TARGETS]);
    });
});

describe("the schemas offer exactly the vocabulary's lists", () => {
    it("the stack-config JSON Schema: every enum is a list of the vocabulary", () => {
        const schema = JSON.parse(readFileSync(STACK_CONFIG_SCHEMA_FILE, "utf8")) as unknown;
        const found = jsonEnums(schema);
        expect(found.length).toBeGreaterThan(20);
        const stray = found.filter(([, values]) => listNamed(values) === undefined);
        expect(stray).toEqual([]);
    });

    it("the zod schemas: every enum is made by choice() from a list of the vocabulary, and no literal list", () => {
        const problems: string[] = [];
        for (const [where, root] of ZOD_ROOTS)
            for (const s of zodSchemas(root)) {
                if (s instanceof z.ZodEnum) {
                    const meta = VOCABULARY_CHOICES.get(s);
                    if (!meta) problems.push(`${where}: z.enum(${JSON.stringify(s.options)}) is not made by choice()`);
                    else if (!Object.values(VOCABULARY).includes(meta.list as never))
                        problems.push(`${where}: choice(${JSON.stringify(meta.list)}) is not a vocabulary list`);
                    else if (JSON.stringify(s.options) !== JSON.stringify(meta.list))
                        problems.push(`${where}: ${JSON.stringify(s.options)} differs from its list`);
                }
                if (
                    s instanceof z.ZodUnion &&
                    !(s instanceof z.ZodDiscriminatedUnion) &&
                    s.options.length > 1 &&
                    s.options.every((o) => o instanceof z.ZodLiteral)
                )
                    problems.push(`${where}: a union of literals is a choice list outside the vocabulary`);
            }
        expect(problems).toEqual([]);
    });

    it("the component package schema: each enum has the values of its vocabulary list", () => {
        const enumTypes = Object.entries(provider.types).filter(([, t]) => t.enum);
        const byName = Object.fromEntries(
            enumTypes.map(([token, t]) => [token.split(":")[2], t.enum!.map((m) => m.value)]),
        );
        expect(Object.keys(byName).sort()).toEqual(Object.keys(ENUM_LISTS).sort());
        expect(Object.keys(ENUM_LISTS).sort()).toEqual(
            Object.keys(enums)
                .filter((k) => typeof (enums as Record<string, unknown>)[k] === "object")
                .sort(),
        );
        for (const [name, list] of Object.entries(ENUM_LISTS)) {
            expect({ name, values: [...(byName[name] ?? [])].sort() }).toEqual({ name, values: [...list].sort() });
            expect({ name, list: listNamed(list) }).not.toEqual({ name, list: undefined });
            const object = (enums as unknown as Record<string, Record<string, string>>)[name];
            expect({ name, values: Object.values(object) }).toEqual({ name, values: [...list] });
        }
    });

    it("uses every list of the vocabulary somewhere", () => {
        const used = new Set<string>();
        for (const [, root] of ZOD_ROOTS)
            for (const s of zodSchemas(root)) {
                const meta = s instanceof z.ZodEnum ? VOCABULARY_CHOICES.get(s) : undefined;
                const name = meta && LISTS.find(([, list]) => list === meta.list)?.[0];
                if (name) used.add(name);
            }
        for (const list of Object.values(ENUM_LISTS)) used.add(LISTS.find(([, l]) => l === list)![0]);
        expect(LISTS.map(([name]) => name).filter((name) => !used.has(name))).toEqual([]);
    });
});
