/**
 * `npm run plan:diff` as a process, as a user and the pull request workflow run it: saved plans, the
 * destructive-change gate and its exit codes, and `--base HEAD` planned in a temporary git worktree. Processes
 * and worktrees, so in `npm run test:e2e`; diff.test.ts and diffRules.test.ts check the diff itself in-process.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planToJson } from "../../plan/report/render";
import { clone, planOf, ROOT, stackFileConfig, ONE_MODEL_STACK } from "./plans";

/** What `npm run plan:diff` runs: TypeScript through plan/runTs.js. */
const RUN_TS = path.join(ROOT, "plan/runTs.js");

function diff(args: string[]) {
    const r = spawnSync(process.execPath, [RUN_TS, path.join(ROOT, "plan/cli/diffCli.ts"), ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 300_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), "aim-diff-cli-"));
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
    const dev = stackFileConfig(ONE_MODEL_STACK);
    const renamed = clone(dev) as Record<string, { name: string; contentSafety?: string }[]>;
    renamed["azure-ai-models:deployments"][0].name = "ministral-chat";
    const unsafe = clone(dev) as Record<string, { contentSafety?: string }[]>;
    unsafe["azure-ai-models:deployments"][0].contentSafety = "Disabled";
    for (const [name, config] of [
        ["main.json", dev],
        ["renamed.json", renamed],
        ["unsafe.json", unsafe],
    ] as const) {
        writeFileSync(file(name), JSON.stringify(planToJson(await planOf(config)), null, 2));
    }
    writeFileSync(file("not-a-plan.json"), JSON.stringify({ hello: "world" }));
    const prod = JSON.parse(readFileSync(file("main.json"), "utf8")) as { stack: string };
    writeFileSync(file("prod.json"), JSON.stringify({ ...prod, stack: "prod" }));
    // Pulumi.foundry.yaml, and the same stack without its second model deployment.
    const foundry = stackFileConfig(path.join(ROOT, "Pulumi.foundry.yaml"));
    const fewer = clone(foundry) as Record<string, { deployments: unknown[] }>;
    fewer["azure-ai-models:foundry"].deployments.splice(1, 1);
    for (const [name, config] of [
        ["foundry.json", foundry],
        ["foundry-fewer.json", fewer],
    ] as const) {
        writeFileSync(file(name), JSON.stringify(planToJson(await planOf(config, { stack: "foundry" })), null, 2));
    }
}, 180_000);

describe("npm run plan:diff", () => {
    it("compares two saved plans and exits 0 without the gate", () => {
        const r = diff(["--before", file("main.json"), "--after", file("renamed.json")]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const lines = r.stdout.split("\n");
        expect(lines.slice(0, 6)).toEqual([
            "Plan diff: stack dev of azure-ai-models, main.json → renamed.json (offline, from the code alone; lifecycle checked on 2026-11-21)",
            "Changes: 2 to create, 0 to update, 0 to replace, 2 to delete, 0 may change; 11 unchanged",
            "Policies: passed (0 mandatory, 1 advisory)",
            "",
            "Destructive changes (1):",
            "  ✗ serverless endpoint ministral-2wp2hg (ministral-endpoint) is deleted: it is renamed to ministral-chat-1r18lk, so its URL changes from https://ministral-2wp2hg.eastus2.models.ai.azure.com to https://ministral-chat-1r18lk.eastus2.models.ai.azure.com, with new keys; clients must move",
        ]);
        expect(lines[6]).toBe("");
    });

    it("--fail-on-destructive exits 4 when a Foundry model deployment is removed, with the reason", () => {
        const r = diff([
            "--before",
            file("foundry.json"),
            "--after",
            file("foundry-fewer.json"),
            "--fail-on-destructive",
        ]);
        expect(r.code).toBe(4);
        expect(r.stdout).toContain("Destructive changes");
        expect(r.stdout).toContain(
            "  ✗ Foundry deployment llama-scout (aimodels-llama-scout-deployment) is deleted: requests that name it as their model fail, and the quota it held (sku.capacity) is released to other deployments",
        );
    });

    it("--fail-on-destructive exits 4 on destructive changes, and --allow-destructive acknowledges them", () => {
        const blocked = diff(["--before", file("main.json"), "--after", file("renamed.json"), "--fail-on-destructive"]);
        expect(blocked.code).toBe(4);
        expect(blocked.stdout).toContain(
            "  Not acknowledged: --fail-on-destructive fails this diff. To go ahead, pass --allow-destructive (the pull request workflow does when the pull request has the label allow-destructive-changes).",
        );
        const allowed = diff([
            "--before",
            file("main.json"),
            "--after",
            file("renamed.json"),
            "--fail-on-destructive",
            "--allow-destructive",
        ]);
        expect(allowed.code).toBe(0);
        expect(allowed.stdout).toContain("  Acknowledged: --allow-destructive was given.");
        const nothing = diff(["--before", file("main.json"), "--after", file("main.json"), "--fail-on-destructive"]);
        expect(nothing.code).toBe(0);
        expect(nothing.stdout.split("\n")[1]).toBe("No changes: 13 cloud resources unchanged.");
    });

    it("--format json carries the gate's outcome; --format markdown ends with this change's plan report", () => {
        const json = diff([
            "--before",
            file("main.json"),
            "--after",
            file("renamed.json"),
            "--fail-on-destructive",
            "--format",
            "json",
        ]);
        expect(json.code).toBe(4);
        const data = JSON.parse(json.stdout) as {
            gate: unknown;
            destructive: { what: string; url: unknown }[];
            counts: unknown;
        };
        expect(data.gate).toEqual({ enabled: true, allowed: false, destructive: 1, blocked: true });
        expect(data.destructive.map((d) => [d.what, d.url])).toEqual([
            [
                "serverless endpoint",
                {
                    before: "https://ministral-2wp2hg.eastus2.models.ai.azure.com",
                    after: "https://ministral-chat-1r18lk.eastus2.models.ai.azure.com",
                },
            ],
        ]);
        const md = diff([
            "--before",
            file("main.json"),
            "--after",
            file("renamed.json"),
            "--format",
            "markdown",
            "--base-label",
            "main",
        ]);
        expect(md.code).toBe(0);
        const lines = md.stdout.trimEnd().split("\n");
        expect(lines[0]).toBe("## Plan diff: stack `dev`");
        expect(lines[2]).toBe(
            "`main` → `renamed.json` · computed offline from the code alone · model lifecycles checked on 2026-11-21",
        );
        expect(lines).toContain("<details><summary>Offline plan of this change</summary>");
        expect(lines).toContain("### Offline plan: stack `dev` of `azure-ai-models`");
        expect(lines.at(-1)).toBe("</details>");
    });

    it("exits 1 when this change violates a mandatory policy", () => {
        const r = diff(["--before", file("main.json"), "--after", file("unsafe.json"), "--fail-on-destructive"]);
        expect(r.code).toBe(1);
        expect(r.stdout.split("\n")[2]).toBe("Policies: FAILED (1 mandatory, 1 advisory)");
    });

    it("exits 2 on a bad command line, plan file or ref", () => {
        const none = diff([]);
        expect(none.code).toBe(2);
        expect(none.stderr.split("\n")[0]).toBe("give the base as exactly one of --base REF or --before FILE");
        expect(diff(["--base", "HEAD", "--before", file("main.json")]).code).toBe(2);
        const notPlan = diff(["--before", file("not-a-plan.json"), "--after", file("main.json")]);
        expect(notPlan.code).toBe(2);
        expect(notPlan.stderr.split("\n")[0]).toBe(
            `${file("not-a-plan.json")}: not a plan: expected the output of npm run plan -- --json (resources, errors, stack)`,
        );
        const ref = diff(["--base", "no-such-ref-anywhere"]);
        expect(ref.code).toBe(2);
        expect(ref.stderr).toContain("--base no-such-ref-anywhere: not a commit in");
    });

    it("exits 2 when the plans are of different stacks, with or without the gate", () => {
        for (const gate of [[], ["--fail-on-destructive"]]) {
            const r = diff(["--before", file("prod.json"), "--after", file("main.json"), ...gate]);
            expect(r.code).toBe(2);
            expect(r.stdout).toBe("");
            expect(r.stderr).toBe(
                "refusing to compare plans of different stacks: prod.json is a plan of stack prod of project " +
                    "azure-ai-models, main.json of stack dev of project azure-ai-models; plan the same stack on both " +
                    "sides (--stack prod)\n",
            );
        }
    });

    it("--base HEAD plans HEAD in a temporary worktree against the working tree, uncommitted changes and all, and cleans up", () => {
        const worktrees = () =>
            execFileSync("git", ["worktree", "list", "--porcelain"], { cwd: ROOT, encoding: "utf8" })
                .split("\n")
                .filter((l) => l.startsWith("worktree "));
        const before = worktrees();
        const r = diff(["--base", "HEAD", "--today", "2026-11-21"]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout.split("\n")[0]).toMatch(
            /^Plan diff: stack dev of azure-ai-models, HEAD \([0-9a-f]{7}\) → working tree \(offline, from the code alone; lifecycle checked on 2026-11-21\)$/,
        );
        expect(r.stdout.split("\n")[1]).toMatch(
            /^(No changes: \d+ cloud resources unchanged\.|Changes: \d+ to create, .*)$/,
        );
        expect(worktrees()).toEqual(before);
    });
});
