/**
 * The pack's assembly and the rules' metadata. `policies/index.ts` is read as text: importing it would construct
 * the PolicyPack, which starts the analyzer's gRPC server and never exits.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../../policies/rules";

const POLICIES = join(__dirname, "../../policies");
const RULE_FILES = readdirSync(join(POLICIES, "rules"))
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();

describe("policy pack", () => {
    const index = readFileSync(join(POLICIES, "index.ts"), "utf8");
    const rulesIndex = readFileSync(join(POLICIES, "rules", "index.ts"), "utf8");

    it("rules/index.ts imports every rule file and lists its rule; each file exports its rule under its name", async () => {
        const listed = (/ALL_RULES: readonly Rule\[\] = \[([^\]]*)\]/.exec(rulesIndex)?.[1] ?? "")
            .replace(/\/\/.*$/gm, "")
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
        expect([...listed].sort()).toEqual(RULE_FILES);
        for (const file of RULE_FILES) {
            expect(rulesIndex).toContain(`import { ${file} } from "./${file}";`);
            const mod = (await import(join(POLICIES, "rules", file))) as Record<string, unknown>;
            expect(mod[file], file).toBeDefined();
        }
        expect(ALL_RULES).toHaveLength(RULE_FILES.length);
    });

    it("index.ts only assembles the pack, from the same list the plan runs", () => {
        const code = index.replace(/\/\*\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
        expect(code.match(/^import .*$/gm)).toEqual([
            'import { PolicyPack } from "@pulumi/policy";',
            'import { ALL_RULES } from "./rules";',
        ]);
        expect(code).toContain('new PolicyPack("azure-ai-models", {');
        expect(code).toMatch(/policies: \[\.\.\.ALL_RULES\]/);
        expect(code).not.toMatch(/\bfunction\b|=>|\bconst\b|\blet\b/);
    });

    it("every rule has a unique kebab-case name, a description, a level, remediation steps and a documented config schema", () => {
        const names = ALL_RULES.map((r) => r.name);
        expect(new Set(names).size).toBe(names.length);
        for (const rule of ALL_RULES) {
            expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
            expect(rule.description.length, rule.name).toBeGreaterThan(20);
            expect(["advisory", "mandatory"]).toContain(rule.enforcementLevel);
            expect(rule.remediationSteps.length, rule.name).toBeGreaterThan(20);
            for (const [key, prop] of Object.entries(rule.configSchema.properties)) {
                expect(prop.description, `${rule.name}.${key}`).toBeTruthy();
                // Defaults validate against their own schema; only the lifecycle rules' `today` has none (the run's day).
                if (key !== "today") expect(prop.default, `${rule.name}.${key}`).toBeDefined();
            }
            expect(rule.configProblems({}), rule.name).toEqual([]);
            expect(rule.configProblems(rule.config() as Record<string, unknown>), rule.name).toEqual([]);
            expect(typeof rule.validateResource).toBe("function");
            if (rule.kind === "stack") expect(typeof rule.validateStack).toBe("function");
        }
    });

    it("has the documented default levels", () => {
        expect(Object.fromEntries(ALL_RULES.map((r) => [r.name, r.enforcementLevel]))).toEqual({
            "allowed-regions": "mandatory",
            "one-deployment-per-model": "mandatory",
            "serverless-endpoint-has-subscription": "mandatory",
            "model-available-in-region": "mandatory",
            "approved-models": "mandatory",
            "no-retired-models": "mandatory",
            "content-safety-enabled": "mandatory",
            "no-plaintext-keys-in-outputs": "mandatory",
            "model-id-form": "mandatory",
            "foundry-local-auth-disabled": "mandatory",
            "foundry-no-auto-upgrade": "advisory",
            "foundry-content-filter-blocklist": "advisory",
            "foundry-content-filter": "mandatory",
            "foundry-deployment-skus": "mandatory",
            "foundry-capacity-limits": "mandatory",
            "foundry-content-filter-strength": "mandatory",
            "foundry-public-network-access": "mandatory",
            "private-endpoint-required": "mandatory",
            "no-opaque-ai-resources": "mandatory",
            "known-governed-types": "mandatory",
            "deprecated-models": "advisory",
            "online-endpoint-entra-auth": "advisory",
            "online-endpoint-traffic": "advisory",
            "preview-models-in-production": "advisory",
            "managed-compute-cost-guard": "advisory",
            "workspace-network-isolation": "advisory",
            "project-references-hub": "advisory",
            "required-tags": "advisory",
            "customer-managed-key": "advisory",
            "outbound-restricted": "advisory",
        });
    });

    it("PulumiPolicy.yaml and package.json make the directory a standalone nodejs pack", () => {
        expect(readFileSync(join(POLICIES, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
        const pkg = JSON.parse(readFileSync(join(POLICIES, "package.json"), "utf8")) as {
            name: string;
            dependencies: Record<string, string>;
        };
        expect(pkg.name).toBe("azure-ai-models-policies");
        expect(Object.keys(pkg.dependencies).sort()).toEqual(["@pulumi/policy", "@pulumi/pulumi"]);
    });

    it("rules read model facts from the catalog, never a copy", () => {
        for (const file of RULE_FILES) {
            const code = readFileSync(join(POLICIES, "rules", `${file}.ts`), "utf8").replace(
                /\/\*\*[\s\S]*?\*\/|\/\/.*$/gm,
                "",
            );
            expect(code, file).not.toMatch(/azureml-mistral|azureml-ai21|azureml-meta|swedencentral|Standard_N[CD]/);
        }
    });
});
