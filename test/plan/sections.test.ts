/**
 * The plan's table sections (plan/report/sections.ts) in both reports: the same rows, columns and left-out deployments in
 * the text plan and in the Markdown plan.
 */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../plan/report/markdown";
import { renderText } from "../../plan/report/render";
import type { Plan } from "../../plan/run/types";

const PLAN: Plan = {
    project: "azure-ai-models",
    stack: "dev",
    today: "2026-11-21",
    resources: [],
    outputs: [],
    warnings: [],
    errors: [],
    quota: [
        {
            region: "eastus2",
            family: "Standard NCadsH100v5 Family",
            instances: 2,
            cores: 80,
            reserveApplied: false,
            deployments: ["llama/blue"],
        },
    ],
    quotaSkipped: [{ deployment: "llama/green", reason: "Standard_X is not in the catalog's VM sizes" }],
    foundryQuota: [
        {
            region: "swedencentral",
            model: "Llama-4-Scout-17B-16E-Instruct",
            sku: "GlobalStandard",
            deployments: ["acct/scout"],
            capacity: 50,
            tokensPerMinute: 50_000,
            defaultQuota: 400,
            overDefault: false,
        },
        {
            region: "swedencentral",
            model: "Mistral-Large-3",
            sku: "GlobalStandard",
            deployments: ["acct/a", "acct/b"],
            capacity: 500,
            tokensPerMinute: 500_000,
            defaultQuota: 400,
            overDefault: true,
        },
    ],
    foundryQuotaSkipped: [{ deployment: "acct/c", reason: "capacity unknown" }],
};

/** The lines from the one starting with `first` up to the next blank line. */
function block(text: string, first: string): string[] {
    const lines = text.split("\n");
    const start = lines.findIndex((l) => l.startsWith(first));
    expect(start).toBeGreaterThan(-1);
    const end = lines.indexOf("", start);
    return lines.slice(start, end === -1 ? undefined : end);
}

describe("the table sections", () => {
    it("lay out in the text plan as aligned columns, then what they leave out", () => {
        const text = renderText(PLAN);
        expect(block(text, "Quota to request")).toEqual([
            "Quota to request for managed compute (cores per region and VM family; 20% reserve where the size needs it):",
            "  region   VM family                    instances  cores  reserve  deployments",
            "  -------  ---------------------------  ---------  -----  -------  -----------",
            "  eastus2  Standard NCadsH100v5 Family  2          80     no       llama/blue",
            "  not counted: llama/green: Standard_X is not in the catalog's VM sizes",
        ]);
        expect(block(text, "Foundry capacity")).toEqual([
            "Foundry capacity per region, model and SKU (capacity units of 1,000 tokens per minute) against the default quota:",
            "  region         model                           SKU             capacity  default quota  quota                deployments",
            "  -------------  ------------------------------  --------------  --------  -------------  -------------------  --------------",
            "  swedencentral  Llama-4-Scout-17B-16E-Instruct  GlobalStandard  50        400            within default       acct/scout",
            "  swedencentral  Mistral-Large-3                 GlobalStandard  500       400            request an increase  acct/a, acct/b",
            "  not counted: acct/c: capacity unknown",
        ]);
    });

    it("lay out in the Markdown plan as pipe tables with numbers right-aligned", () => {
        const markdown = renderMarkdown(PLAN);
        const section = (heading: string) => {
            const all = markdown.split("\n");
            const start = all.indexOf(heading);
            expect(start).toBeGreaterThan(-1);
            const next = all.findIndex((l, i) => i > start && l.startsWith("### "));
            return all.slice(start, next === -1 ? undefined : next);
        };
        expect(section("### Managed-compute quota to request")).toEqual([
            "### Managed-compute quota to request",
            "",
            "Cores per region and VM family (a 20% reserve is added where the VM size is not exempt).",
            "",
            "| region | VM family | instances | cores | 20% reserve | deployments |",
            "|---|---|--:|--:|---|---|",
            "| eastus2 | Standard NCadsH100v5 Family | 2 | 80 | no | llama/blue |",
            "",
            "- not counted: `llama/green`: Standard_X is not in the catalog's VM sizes",
            "",
        ]);
        expect(section("### Foundry capacity and quota")).toEqual([
            "### Foundry capacity and quota",
            "",
            "Capacity units (1,000 tokens per minute each) per region, model and SKU, against the default quota.",
            "",
            "| region | model | SKU | capacity | default quota | quota | deployments |",
            "|---|---|---|--:|--:|---|---|",
            "| swedencentral | Llama-4-Scout-17B-16E-Instruct | GlobalStandard | 50 | 400 | within default | acct/scout |",
            "| swedencentral | Mistral-Large-3 | GlobalStandard | 500 | 400 | request an increase | acct/a, acct/b |",
            "",
            "- not counted: `acct/c`: capacity unknown",
            "",
        ]);
    });

    it("are left out of both reports when the plan has nothing to count", () => {
        const bare = { ...PLAN, quota: [], quotaSkipped: [], foundryQuota: undefined, foundryQuotaSkipped: undefined };
        expect(renderText(bare)).not.toMatch(/Quota to request|Foundry capacity/);
        expect(renderMarkdown(bare)).not.toMatch(/Managed-compute quota|Foundry capacity/);
    });
});
