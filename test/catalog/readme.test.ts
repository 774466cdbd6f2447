/** The catalog table in docs/catalog.md is generated from the catalog; this keeps it true. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogMarkdownTable } from "../../infra/catalog/table";

describe("docs/catalog.md", () => {
    it("shows the catalog as it is (regenerate with npm run catalog:table)", () => {
        const doc = readFileSync(path.resolve(__dirname, "../../docs/catalog.md"), "utf8");
        const section = /<!-- catalog:start -->\n([\s\S]*?)\n<!-- catalog:end -->/.exec(doc)?.[1];
        expect(section).toBe(catalogMarkdownTable());
    });

    it("shows each model's Foundry offer, and the models offered only on a Foundry resource", () => {
        const rows = catalogMarkdownTable().split("\n");
        expect(rows[0]).toContain("| on a Foundry resource |");
        const row = (name: string) => rows.find((r) => r.startsWith(`| ${name} |`));
        expect(row("mistral-small-2503")).toMatch(/\| GlobalStandard \(Marketplace\) \|$/);
        expect(row("Llama-3.3-70B-Instruct")).toContain("(sold by Azure)");
        expect(row("Mistral-Large-3")).toContain("| Foundry only |");
        expect(row("Meta-Llama-3-8B")).toMatch(/\|  \|$/);
    });

    it("says which entries are deployable on which day", () => {
        const rows = catalogMarkdownTable().split("\n");
        expect(rows[0]).toContain("| new serverless deployments |");
        const row = (name: string) => rows.find((r) => r.startsWith(`| ${name} |`));
        expect(row("Meta-Llama-3.1-8B-Instruct")).toContain(
            "| all 7 | before 2026-03-13 | legacy 2026-02-13, deprecated 2026-03-13, retired 2026-06-13, → none on Azure |",
        );
        expect(row("Llama-3.2-90B-Vision-Instruct")).toContain(
            "→ Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct (Foundry resource: `azure-ai-models:foundry`)",
        );
        expect(row("mistral-small-2503")).toContain("| all 7 | yes, no end date scheduled | no retirement scheduled |");
        expect(row("Llama-3.2-1B-Instruct")).toContain(
            "| yes, no lifecycle published | not in the retirement schedule |",
        );
        expect(row("Mistral-Large-2411")).toContain(
            "| before 2026-01-30 | retired 2026-01-30, → mistral-medium-2505 |",
        );
    });
});

describe("README", () => {
    it("gives the test command CI runs", () => {
        const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
        const ci = readFileSync(path.resolve(__dirname, "../../.ci/run"), "utf8");
        expect(readme).toContain("npm ci && npm run plan");
        expect(readme).toContain("npm test");
        expect(ci).toContain("npm test");
    });
});
