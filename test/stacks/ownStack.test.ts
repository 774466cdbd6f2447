/**
 * A stack of the user's own: a `Pulumi.sweden.yaml` (a copy of the Foundry example) added to a temporary copy of the
 * project is found by the same discovery the spec check (`test/restspec/restspec.test.ts`), `.ci/run` and the
 * workflows use, and is planned and spec-checked as the examples are, without editing any list (`.ci/run` plans and
 * type-checks it too: ownStack.e2e.test.ts).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runPlan } from "../../plan/run/run";
import { projectStacks } from "../../plan/cli/stacks";
import { ROOT, TODAY } from "../review/plans";
import { stackSpecProblems } from "../restspec/stackReport";

let copy: string;

beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), "aim-own-stack-"));
    for (const file of ["Pulumi.yaml", "tsconfig.json", ...projectStacks(ROOT).map((s) => `Pulumi.${s}.yaml`)])
        copyFileSync(path.join(ROOT, file), path.join(copy, file));
    for (const dir of ["infra", "node_modules"]) symlinkSync(path.join(ROOT, dir), path.join(copy, dir), "dir");
    copyFileSync(path.join(ROOT, "Pulumi.foundry.yaml"), path.join(copy, "Pulumi.sweden.yaml"));
});

describe("a stack file of the user's own", () => {
    it("is discovered, by the module and by the command .ci/run and the workflows call", () => {
        expect(projectStacks(copy)).toEqual([...projectStacks(ROOT), "sweden"].sort());
        const listed = execFileSync(
            process.execPath,
            [path.join(ROOT, "plan/runTs.js"), "plan/cli/stacks.ts", "--dir", copy],
            {
                cwd: ROOT,
                encoding: "utf8",
            },
        );
        expect(listed.trim().split("\n")).toEqual(projectStacks(copy));
        expect(readFileSync(path.join(ROOT, ".ci/plan-stacks"), "utf8")).toContain("plan/cli/stacks.ts");
        expect(readFileSync(path.join(ROOT, ".ci/run"), "utf8")).toContain(".ci/plan-stacks");
    });

    it("is planned and spec-checked as the examples are", async () => {
        const plan = await runPlan({ projectDir: copy, stack: "sweden", today: new Date(`${TODAY}T00:00:00Z`) });
        expect(plan.stack).toBe("sweden");
        expect(plan.errorKind).toBeUndefined();
        expect(stackSpecProblems(plan)).toEqual([]);
        expect(plan.resources.filter((r) => r.type === "azure-native:cognitiveservices:Deployment")).toHaveLength(3);
    });

    it("with a typo fails the same checks, naming the config path", async () => {
        const text = readFileSync(path.join(copy, "Pulumi.sweden.yaml"), "utf8");
        writeFileSync(path.join(copy, "Pulumi.typo.yaml"), text.replace("    projects:\n", "    projcts:\n"));
        const plan = await runPlan({ projectDir: copy, stack: "typo", today: new Date(`${TODAY}T00:00:00Z`) });
        expect(stackSpecProblems(plan)).toEqual(
            expect.arrayContaining([expect.stringMatching(/^plan error: azure-ai-models:foundry\.projcts: /)]),
        );
    });
});
