/**
 * Saving a plan: `npm run plan -- --json > main.json` also writes npm's banner into the file, so the plan writes
 * its report itself with `--out FILE`, and the diff's hint says so.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [TSX, path.join(ROOT, script), ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
    });

describe("--out", () => {
    it("writes the JSON plan to the file and nothing to stdout; the diff reads it back", () => {
        const dir = mkdtempSync(path.join(tmpdir(), "aim-out-"));
        const file = path.join(dir, "main.json");
        const r = run("plan/cli/cli.ts", ["--json", "--today", "2026-11-21", "--out", file]);
        expect(r.stderr).toBe("");
        expect(r.stdout).toBe("");
        expect(r.status).toBe(0);
        const plan = JSON.parse(readFileSync(file, "utf8")) as { stack: string; resources: unknown[] };
        expect(plan.stack).toBe("dev");
        expect(plan.resources.length).toBeGreaterThan(10);
        const d = run("plan/cli/diffCli.ts", ["--before", file, "--after", file, "--today", "2026-11-21"]);
        expect(d.stderr).toBe("");
        expect(d.status).toBe(0);
    });

    it("the diff's hint for a file that is not JSON names --out, not a shell redirect", () => {
        const dir = mkdtempSync(path.join(tmpdir(), "aim-out-"));
        const file = path.join(dir, "main.json");
        writeFileSync(file, "\n> azure-ai-models@0.1.0 plan\n> tsx plan/cli/cli.ts --json\n\n{}");
        const d = run("plan/cli/diffCli.ts", ["--before", file, "--after", file]);
        expect(d.status).toBe(2);
        expect(d.stderr).toContain(
            `${file}: not a plan (Unexpected token '>', "\n> azure-ai"... is not valid JSON); save one with npm run plan -- --json --out main.json ` +
                "(a shell redirect of npm run also catches npm's banner; use npm run --silent if you redirect)",
        );
    });
});
