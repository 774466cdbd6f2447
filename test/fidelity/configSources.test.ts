/**
 * The config sources `pulumi preview` reads: project-level `config:` in Pulumi.yaml, `stackConfigDir`, fully
 * qualified stack names, ESC `environment:` imports (which the plan cannot resolve: it says so, names the keys it
 * could not see and takes their values from --config-file), and type errors (with --typecheck).
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PlanSetupError, readStackFiles, runPlan } from "../../plan/run/run";

const DIR = path.resolve(__dirname, "../fixtures/stacks/config-sources");
const TODAY = new Date("2026-11-21T00:00:00Z");
const WORKSPACE = {
    name: "aim",
    location: "eastus2",
    tags: { owner: "ai-platform", costCenter: "4711" },
    projects: [{ name: "app" }],
};
const ESC_NOTE =
    "Pulumi.test.yaml imports the ESC environment platform/ai-models, which the offline plan cannot resolve: it plans without the config they set";

describe("config sources", () => {
    it("reads project-level config (value and default), stackConfigDir and a fully qualified stack name", () => {
        const files = readStackFiles(DIR, "acme/azure-ai-models/test");
        expect(files.stack).toBe("test");
        expect(files.config).toEqual({
            "azure-ai-models:workspace": JSON.stringify(WORKSPACE),
            "azure-ai-models:customModels": "[]",
        });
        expect(files.environments).toEqual(["platform/ai-models"]);
        expect(files.notes).toEqual([
            `${ESC_NOTE}; keys it could not see: azure-ai-models:existingWorkspace, azure-ai-models:deployments, azure-ai-models:onlineEndpoints, azure-ai-models:foundry. ` +
                "Give their values with --config-file FILE (a file with a config: map, like a stack file).",
        ]);
    });

    it("takes the environment's values from --config-file; the stack file still wins", () => {
        const files = readStackFiles(DIR, "test", [path.join(DIR, "esc-values.yaml")]);
        expect(JSON.parse(files.config["azure-ai-models:deployments"])).toEqual([
            { name: "ministral", model: "Ministral-3B", project: "app" },
        ]);
        expect(files.config["azure-ai-models:customModels"]).toBe("[]");
    });

    it("refuses a fully qualified stack name of another project", () => {
        expect(() => readStackFiles(DIR, "acme/other/test")).toThrow(
            new PlanSetupError(
                'stack "acme/other/test" belongs to project "other", not "azure-ai-models" (Pulumi.yaml)',
            ),
        );
    });

    it("plans the deployment the environment provides, and says what it could not see", async () => {
        const plan = await runPlan({
            projectDir: DIR,
            stack: "acme/azure-ai-models/test",
            today: TODAY,
            configFiles: [path.join(DIR, "esc-values.yaml")],
        });
        expect(plan.errors).toEqual([]);
        expect(plan.stack).toBe("test");
        expect(plan.resources.some((r) => r.type === "azure-native:machinelearningservices:ServerlessEndpoint")).toBe(
            true,
        );
        expect(plan.warnings[0].message).toContain(ESC_NOTE);
        expect(plan.warnings[0].message).toContain("keys it could not see: azure-ai-models:existingWorkspace,");
    });

    it("--typecheck refuses a program with a type error, as ts-node under pulumi preview does", async () => {
        const dir = path.resolve(__dirname, "../fixtures/stacks/type-error");
        const plan = await runPlan({ projectDir: dir, stack: "test", today: TODAY, typecheck: true });
        expect(plan.resources).toEqual([]);
        expect(plan.errorKind).toBe("typecheck");
        expect(plan.errors).toHaveLength(2);
        expect(plan.errors[0]).toMatch(
            /^type error: test\/fixtures\/stacks\/type-error\/index\.ts:4:\d+ - error TS2322: Type 'number' is not assignable to type/,
        );
        expect(plan.errors[1]).toMatch(
            /^type error: test\/fixtures\/stacks\/type-error\/index\.ts:6:14 - error TS2322:/,
        );
    });
});
