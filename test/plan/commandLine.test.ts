/**
 * Every command's command line: `--help` prints the usage and exits 0 (the bench crashed on it), an unknown option
 * names the nearest known one, and the smoke check on a terminal with nothing piped in prints its usage instead of
 * waiting silently.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { argumentError, nearestOption, optionsIn } from "../../infra/util/args";
import { main as smoke } from "../../smoke/cli";
import { planCommand } from "../../plan/cli/command";

const ROOT = path.resolve(__dirname, "../..");

function runTs(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) =>
        execFile(
            process.execPath,
            [path.join(ROOT, "plan/runTs.js"), file, ...args],
            { cwd: ROOT, timeout: 60_000 },
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        ),
    );
}

async function plan(argv: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await planCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
}

describe("unknown options", () => {
    it("suggest the nearest known option", () => {
        const known = optionsIn("usage: npm run plan -- [--stack NAME] [--skip-policies] [--typecheck] [--today DAY]");
        expect(known).toEqual(["stack", "skip-policies", "typecheck", "today"]);
        expect(nearestOption("--stak", known)).toBe("stack");
        expect(nearestOption("--tpyecheck", known)).toBe("typecheck");
        expect(nearestOption("--skip", known)).toBe("skip-policies");
        expect(nearestOption("--verbose", known)).toBeUndefined();
        expect(argumentError(new Error("Unknown option '--verbose'. To specify ..."), known)).toBe(
            "unknown option --verbose",
        );
    });

    it("in the plan command: exit 2, the suggestion and the usage", async () => {
        const r = await plan(["--stak", "dev"]);
        expect(r.code).toBe(2);
        expect(r.stderr.split("\n")[0]).toBe("unknown option --stak; did you mean --stack?");
        expect(r.stderr).toContain("usage: npm run plan --");
    });

    it("in the smoke check", async () => {
        const r = await smoke(
            ["--stack", "dev", "--timout", "5"],
            () => "{}",
            undefined,
            () => false,
        );
        expect(r).toMatchObject({ code: 2, stdout: "" });
        expect(r.stderr.split("\n")[0]).toBe("unknown option --timout; did you mean --timeout?");
    });
});

describe("the smoke check with nothing piped in", () => {
    it("prints its usage on a terminal instead of waiting for input", async () => {
        let read = false;
        const r = await smoke(
            ["--stack", "dev"],
            () => {
                read = true;
                return "{}";
            },
            undefined,
            () => true,
        );
        expect(read).toBe(false);
        expect(r.code).toBe(2);
        expect(r.stderr.split("\n")[0]).toBe(
            "no stack outputs: pipe `pulumi stack output --json --show-secrets` into it, or pass --outputs FILE",
        );
        expect(r.stderr).toContain("usage: pulumi stack output --json --show-secrets --stack NAME | npm run smoke");
    });
});

describe("--help on the repository's commands", () => {
    it.each([
        ["bench/plan.bench.ts", "usage: npm run bench -- [--runs N] [--skip-tests]"],
        ["plan/cli/stacks.ts", "usage: node plan/runTs.js plan/cli/stacks.ts [--dir PROJECT_DIR]"],
        ["plan/cli/configJsonSchema.ts", "usage: node plan/runTs.js plan/cli/configJsonSchema.ts [--write | --check]"],
    ])("%s --help prints its usage and exits 0", async (file, usage) => {
        const r = await runTs(file, ["--help"]);
        expect(r.stderr).toBe("");
        expect(r.stdout.split("\n")[0]).toBe(usage);
        expect(r.code).toBe(0);
    });

    it("the bench refuses an unknown option with a suggestion, before measuring anything", async () => {
        const r = await runTs("bench/plan.bench.ts", ["--run", "3"]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.split("\n")[0]).toBe("unknown option --run; did you mean --runs?");
    });
});

describe("--json with a program that logs", () => {
    it("keeps stdout pure JSON; the program's console.log and pulumi.log.info go to stderr", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "aim-logging-program-"));
        symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
        writeFileSync(path.join(dir, "Pulumi.yaml"), "name: logging\nruntime: nodejs\nmain: index.ts\n");
        writeFileSync(path.join(dir, "Pulumi.test.yaml"), "config: {}\n");
        writeFileSync(
            path.join(dir, "index.ts"),
            'import * as pulumi from "@pulumi/pulumi";\n' +
                'pulumi.log.info("info from the program");\n' +
                'console.log("console.log from the program");\n' +
                "export const answer = 42;\n",
        );
        const r = await runTs("plan/cli/cli.ts", ["--dir", dir, "--stack", "test", "--json", "--skip-policies"]);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ stack: "test" });
        expect(r.stderr).toContain("info from the program");
        expect(r.stderr).toContain("console.log from the program");
    });
});
