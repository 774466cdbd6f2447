/**
 * `npm run policies:bundle` makes a pack `pulumi policy publish` can upload on its own: the bundle, copied to a folder
 * outside this repository (so nothing of ../infra can be reached), starts under `@pulumi/policy`'s analyzer server,
 * lists every rule and judges a resource with the catalog's facts inlined.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_RULES } from "../../policies/rules";
import { analyzeResource, policyNames, startAnalyzer, type Analyzer } from "./analyzer";
import { MISTRAL_LARGE_2411, RG, STACK_URN, urnOf } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const out = mkdtempSync(path.join(tmpdir(), "aim-pack-"));
let analyzer: Analyzer;

beforeAll(async () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "policies/bundle.mjs"), "--out", out], {
        encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    // What `npm install` in the bundle folder provides: the pack's two dependencies.
    symlinkSync(path.join(ROOT, "node_modules"), path.join(out, "node_modules"), "dir");
    analyzer = await startAnalyzer(["index.js"], out);
}, 60_000);

afterAll(() => {
    analyzer?.close();
    rmSync(out, { recursive: true, force: true });
});

describe("the bundled policy pack", () => {
    it("is one index.js with a package.json naming only @pulumi/policy and @pulumi/pulumi", () => {
        expect(existsSync(path.join(out, "PulumiPolicy.yaml"))).toBe(true);
        const pkg = JSON.parse(readFileSync(path.join(out, "package.json"), "utf8")) as Record<string, unknown>;
        expect(pkg.main).toBe("index.js");
        expect(Object.keys(pkg.dependencies as object).sort()).toEqual(["@pulumi/policy", "@pulumi/pulumi"]);
        const requires = [...readFileSync(path.join(out, "index.js"), "utf8").matchAll(/require\("([^"]+)"\)/g)]
            .map((m) => m[1])
            .filter((m) => !m.startsWith("node:"));
        expect([...new Set(requires)].every((m) => m.startsWith("@pulumi/"))).toBe(true);
    });

    it("serves every rule, outside the repository", async () => {
        expect((await policyNames(analyzer.client)).sort()).toEqual(ALL_RULES.map((r) => r.name).sort());
    });

    it("judges a retired model with the catalog inlined", async () => {
        const diagnostics = await analyzeResource(analyzer.client, {
            type: "azure-native:machinelearningservices:ServerlessEndpoint",
            urn: urnOf("azure-native:machinelearningservices:ServerlessEndpoint", "large"),
            name: "large",
            parent: STACK_URN,
            inputs: {
                resourceGroupName: RG,
                workspaceName: "hub",
                location: "eastus2",
                sku: { name: "Consumption" },
                properties: { authMode: "Key", modelSettings: { modelId: MISTRAL_LARGE_2411 } },
            },
        });
        expect(diagnostics.map(([policy]) => policy)).toContain("no-retired-models");
    });
});
