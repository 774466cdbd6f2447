/**
 * docs/reuse.md's component table is generated from the component package's schema (`npm run docs:reuse`): this
 * fails when the doc is stale, against the schema `npm run build` wrote for this checkout (dist/provider-schema.json,
 * built by the test run's global setup from the current sources).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { BEGIN, END, componentTable, withComponentTable, type PackageSchema } from "../../plan/report/componentDocs";
import { DIST, ROOT, ensureDist } from "../package/dist";

const DOC = path.join(ROOT, "docs/reuse.md");
let schema: PackageSchema;

beforeAll(() => {
    ensureDist(inject("azureAiModelsDistBuilt"));
    schema = (JSON.parse(readFileSync(path.join(DIST, "provider-schema.json"), "utf8")) as { schema: PackageSchema })
        .schema;
}, 300_000);

describe("docs/reuse.md's component table", () => {
    it("is what npm run docs:reuse generates from the schema (run it when this fails)", () => {
        const doc = readFileSync(DOC, "utf8");
        expect(doc).toContain(BEGIN);
        expect(withComponentTable(doc, schema)).toBe(doc);
    });

    it("has every component of the schema, each required input marked, and secret outputs", () => {
        const table = componentTable(schema);
        const headings = [...table.matchAll(/^#### `([^`]+)`$/gm)].map((m) => m[1]);
        expect(headings).toEqual(Object.keys(schema.resources));
        expect(headings.length).toBeGreaterThanOrEqual(12);
        expect(table).toContain("| `endpointName` | string, plain | yes |");
        expect(table).toContain("| `marketplaceSubscriptionId` | string | no |");
        expect(table).toContain("`primaryKey` (secret)");
    });

    it("goes stale when the schema changes: an input dropped from a component", () => {
        const doc = readFileSync(DOC, "utf8");
        const token = "azure-ai-models:index:ServerlessModelEndpoint";
        const { modelId: _dropped, ...inputs } = schema.resources[token].inputProperties!;
        const changed = {
            ...schema,
            resources: { ...schema.resources, [token]: { ...schema.resources[token], inputProperties: inputs } },
        };
        expect(withComponentTable(doc, changed)).not.toBe(doc);
        expect(() => withComponentTable(doc.replace(END, ""), schema)).toThrow(/has no region/);
    });
});
