/**
 * The offline gate trusts nothing from the pull request (.ci/plan-diffs, as the review workflows run it): in a copy
 * of this repository, a "pull request" commit adds a region to the catalog, moves the dev stack there and edits the
 * gate script to always pass. The pull request's own script passes it; the base commit's script, run from a worktree
 * of the base as the workflows do, judges the pull request's files with the base's plan runner, pack and catalog and
 * refuses (exit code 1, the region named). Git repositories and processes: `npm run test:e2e`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./plans";

const work = mkdtempSync(path.join(tmpdir(), "aim-gate-trust-"));
const repo = path.join(work, "repo");
const baseTree = path.join(work, "base");
const git = (args: string[], cwd = repo) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], {
        cwd,
        encoding: "utf8",
    }).trim();

function gate(script: string, cwd: string): { code: number | null; verdict: string; report: string; stderr: string } {
    const output = path.join(work, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, "");
    const r = spawnSync("bash", [script, "base", "main", "false"], {
        cwd,
        encoding: "utf8",
        timeout: 300_000,
        env: { ...process.env, GITHUB_OUTPUT: output },
    });
    let report = "";
    try {
        report = readFileSync(path.join(cwd, "plan-diff.md"), "utf8");
    } catch {
        // no report written
    }
    return { code: r.status, verdict: readFileSync(output, "utf8").trim(), report, stderr: r.stderr };
}

beforeAll(() => {
    mkdirSync(repo);
    // A copy of the tree as committed and edited now (what a fresh clone of this change holds).
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
        .split("\n")
        .filter(Boolean);
    for (const f of files) {
        try {
            cpSync(path.join(ROOT, f), path.join(repo, f));
        } catch {
            // deleted in the working tree
        }
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(repo, "node_modules"), "dir");
    git(["init", "--quiet", "-b", "main"]);
    // A link is no folder to .gitignore's `node_modules/`: kept out of the commits as a clone would have it.
    writeFileSync(path.join(repo, ".git/info/exclude"), "node_modules\n");
    git(["add", "-A"]);
    git(["commit", "--quiet", "-m", "base"]);
    git(["branch", "base"]);

    // The pull request: a region the base's catalog does not have, the dev stack moved there, a gate that passes.
    const regions = path.join(repo, "infra/catalog/regions.ts");
    const source = readFileSync(regions, "utf8");
    expect(source).toContain('    "swedencentral",\n] as const;');
    writeFileSync(
        regions,
        source.replace('    "swedencentral",\n] as const;', '    "swedencentral",\n    "westeurope",\n] as const;'),
    );
    writeFileSync(
        path.join(repo, ".ci/plan-diffs"),
        '#!/usr/bin/env bash\n: > plan-diff.md\necho "exit-code=0" >> "${GITHUB_OUTPUT:-/dev/stdout}"\n',
    );
    const devFile = path.join(repo, "Pulumi.dev.yaml");
    const dev = parse(readFileSync(devFile, "utf8")) as { config: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- stack file edited by path
    dev.config["azure-native:location"] = "westeurope";
    dev.config["azure-ai-models:workspace"].location = "westeurope";
    writeFileSync(devFile, stringify(dev));
    // Only the dev stack is left to plan (a deleted stack file is not planned), to keep the test short.
    for (const s of ["foundry", "managed", "private"]) rmSync(path.join(repo, `Pulumi.${s}.yaml`), { force: true });
    git(["add", "-A"]);
    git(["commit", "--quiet", "-m", "pull request"]);

    // The workflows: a worktree of the base commit, its own dependencies (here: linked, as npm ci would install them).
    git(["worktree", "add", "--quiet", "--detach", baseTree, "base"]);
    symlinkSync(path.join(ROOT, "node_modules"), path.join(baseTree, "node_modules"), "dir");
}, 120_000);

afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

describe(".ci/plan-diffs", () => {
    it("the pull request's own gate script would pass it", () => {
        expect(gate(path.join(repo, ".ci/plan-diffs"), repo).verdict).toBe("exit-code=0");
    });

    it("the base's gate script judges the pull request's files with the base's catalog and pack: refused", () => {
        const r = gate(path.join(baseTree, ".ci/plan-diffs"), repo);
        expect(r.code, r.stderr).toBe(0);
        expect(r.verdict).toBe("exit-code=1");
        expect(r.report).toContain("westeurope");
        expect(r.report).toContain(
            '[mandatory] allowed-regions: azure-native:resources:ResourceGroup "aimodels-dev-rg" is in region "westeurope", which is not allowed.',
        );
        // The pull request's worktree is gone afterwards; the base's stays for the workflow to remove.
        expect(git(["worktree", "list"]).split("\n")).toHaveLength(2);
    }, 300_000);
});
