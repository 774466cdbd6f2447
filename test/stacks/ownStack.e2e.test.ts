/**
 * `.ci/plan-stacks`, what `.ci/run` runs after the tests, on a temporary copy of the project with a stack file of
 * the user's own (`Pulumi.sweden.yaml`, a copy of the Foundry example): every stack, the new one included, is
 * planned and the program type-checked, without editing any list, and a stack with a typo fails the run. A process and a full type-check: `test:e2e`.
 */
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { projectStacks } from "../../plan/cli/stacks";
import { run } from "../helpers/process";
import { ROOT } from "../review/plans";

function projectCopy(): string {
    const copy = mkdtempSync(path.join(tmpdir(), "aim-own-stack-ci-"));
    for (const file of ["Pulumi.yaml", "tsconfig.json", ...projectStacks(ROOT).map((s) => `Pulumi.${s}.yaml`)])
        copyFileSync(path.join(ROOT, file), path.join(copy, file));
    for (const dir of ["infra", "node_modules"]) symlinkSync(path.join(ROOT, dir), path.join(copy, dir), "dir");
    copyFileSync(path.join(ROOT, "Pulumi.foundry.yaml"), path.join(copy, "Pulumi.sweden.yaml"));
    return copy;
}

describe(".ci/plan-stacks on a project with a stack file of its own", () => {
    it("plans every stack, the new one included, type-checks the program, and fails on a stack with a typo", async () => {
        const copy = projectCopy();
        const sweden = readFileSync(path.join(copy, "Pulumi.sweden.yaml"), "utf8");
        writeFileSync(path.join(copy, "Pulumi.typo.yaml"), sweden.replace("    projects:\n", "    projcts:\n"));
        const r = await run(path.join(ROOT, ".ci/plan-stacks"), [copy], ROOT);
        const stacks = projectStacks(copy);
        expect(stacks).toEqual([...projectStacks(ROOT), "sweden", "typo"].sort());
        expect(r.stdout.trim().split("\n")).toEqual(
            stacks.map((s) => (s === "typo" ? "stack typo: plan failed (exit 1)" : `stack ${s}: planned`)),
        );
        expect(r.stderr).toContain("azure-ai-models:foundry.projcts");
        expect(r.code).toBe(1);
    }, 300_000);
});
