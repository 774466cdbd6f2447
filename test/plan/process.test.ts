/**
 * `npm run plan` as a process, once per exit code: what the script runs (`plan/runTs.js plan/cli/cli.ts`), the
 * TypeScript compiled on demand, the exit code the process ends with and which stream gets what. Everything the
 * command prints is checked in-process (cli.test.ts and the others); these are the few runs a process adds to.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/planCommand";
import { runNode, type ProcessRun as Run } from "../helpers/process";

/** The command `npm run plan` runs, with these arguments. */
function planProcess(args: string[]): Promise<Run> {
    const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { plan: string } })
        .scripts.plan;
    const [command, ...rest] = script.split(" ");
    expect(command).toBe("node");
    return runNode([...rest, ...args], ROOT, 120_000);
}

describe("npm run plan as a process", () => {
    let runs: Record<"valid" | "invalid" | "usage" | "broken" | "never", Promise<Run>>;
    beforeAll(() => {
        const bad = path.join(ROOT, "test/fixtures/stacks/wrong-region");
        runs = {
            valid: planProcess(["--json", "--today", "2026-11-21"]),
            invalid: planProcess(["--dir", bad, "--stack", "test", "--today", "2026-11-21"]),
            usage: planProcess(["--stak", "dev"]),
            // The consumer example reads a StackReference: without its outputs the program fails.
            broken: planProcess(["--dir", "examples/consume-outputs"]),
            never: planProcess(["--dir", path.join(ROOT, "test/fixtures/stacks/never-finishes"), "--stack", "test"]),
        };
        for (const r of Object.values(runs)) r.catch(() => undefined);
    });

    it("exits 0 for a valid plan, the JSON on stdout and nothing on stderr", async () => {
        const r = await runs.valid;
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const json = JSON.parse(r.stdout) as { resources: unknown[]; policies: { passed: boolean } };
        expect(json.resources).toHaveLength(28);
        expect(json.policies.passed).toBe(true);
    });

    it("exits 1 when a mandatory policy is violated", async () => {
        const r = await runs.invalid;
        expect(r.code).toBe(1);
        expect(r.stderr).toBe("");
        expect(r.stdout).toContain("Policies: FAILED (2 mandatory, 0 advisory violations)");
    });

    it("exits 2 on a wrong command line, the usage on stderr", async () => {
        const r = await runs.usage;
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain("usage: npm run plan -- [--stack NAME]");
    });

    it("exits 3 when the program fails, naming the stack reference it was not given outputs for", async () => {
        const r = await runs.broken;
        expect(r.code).toBe(3);
        expect(r.stdout).toBe("");
        expect(r.stderr).toMatch(/^plan failed: /);
        // Whichever reference the program reads first: the platform stack or the Foundry stack.
        expect(r.stderr).toMatch(/no outputs for the stack reference "org\/azure-ai-models\/(dev|foundry)"/);
    });

    it("exits 3 when the program never finishes, after the runtime's report of the registration left waiting", async () => {
        const r = await runs.never;
        expect(r.code).toBe(3);
        expect(r.stdout).toBe("");
        const report = r.stderr.indexOf(
            '"rg" [azure-native:resources:ResourceGroup] was waiting for the value of its input property "location"',
        );
        const failed = r.stderr.indexOf("plan failed: the program never finished");
        expect(report).toBeGreaterThan(0);
        expect(failed).toBeGreaterThan(report);
    });
});
