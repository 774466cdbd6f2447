/** The catalog table in docs/catalog.md is generated from the catalog; this keeps it true. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogMarkdownTable } from "../../infra/catalog/table";

describe("docs/catalog.md", () => {
    it("shows the catalog as it is (regenerate with npm run catalog:table)", () => {
        const readme = readFileSync(path.resolve(__dirname, "../../docs/catalog.md"), "utf8");
        const section = /<!-- catalog:start -->\n([\s\S]*?)\n<!-- catalog:end -->/.exec(readme)?.[1];
        expect(section).toBe(catalogMarkdownTable());
    });

    it("README gives the test command CI runs", () => {
        const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
        const ci = readFileSync(path.resolve(__dirname, "../../.ci/run"), "utf8");
        expect(readme).toContain("npm ci && npm run plan");
        expect(readme).toContain("npm test");
        expect(ci).toContain("npm test");
    });
});
