/**
 * `npm run docs:review [-- --check]`: regenerates the samples in the "Reviewing changes" documentation from the
 * commands themselves, so they cannot go stale: the Markdown report of the dev stack
 * (`npm run plan -- --format markdown`) and the plan diff of a fixed pair of configs (the dev stack, and the dev
 * stack with its endpoint renamed, a second project with its own endpoint, and longer log retention). Both use a
 * fixed day for the lifecycle checks. `--check` changes nothing and exits 1 when a file is out of date (a test
 * runs the same comparison).
 *
 * The samples sit between `<!-- review:plan:start -->` / `<!-- review:plan:end -->` and
 * `<!-- review:diff:start -->` / `<!-- review:diff:end -->` in every file of {@link DOC_FILES} that has them.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { diffPlans } from "../diff/diff";
import { renderDiffMarkdown } from "../diff/diffRender";
import { planInProcess } from "../diff/planProcess";

const ROOT = path.resolve(__dirname, "..", "..");
/** Files that hold the samples. */
export const DOC_FILES = ["docs/reviewing.md"];
/** The day the samples check model lifecycles against. */
export const SAMPLE_DAY = "2026-11-21";

/** The pair of configs the diff sample compares: the dev stack, and the dev stack changed. */
export function samplePair(): { base: Record<string, unknown>; head: Record<string, unknown> } {
    const base = (
        parse(readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }
    ).config;
    const head = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    const workspace = head["azure-ai-models:workspace"] as {
        projects: { name: string; displayName?: string }[];
        logRetentionDays?: number;
    };
    const deployments = head["azure-ai-models:deployments"] as { name: string; model: string; project?: string }[];
    // Rename the endpoint (its URL changes), add a project with its own endpoint, keep logs longer (an update).
    deployments[0].name = `${deployments[0].name}-chat`;
    workspace.projects.push({ name: "search", displayName: "Search assistants" });
    deployments.push({ name: "ministral-search", model: deployments[0].model, project: "search" });
    workspace.logRetentionDays = 90;
    return { base, head };
}

/** Runs a TypeScript entry point as the npm scripts do (`plan/runTs.js`); resolves to what it printed. */
function node(args: string[], cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            [path.join(__dirname, "..", "runTs.js"), ...args],
            { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
            (error, stdout, stderr) => {
                if (error && error.code !== 1)
                    reject(new Error(`${args.join(" ")} failed: ${stderr || error.message}`));
                else resolve(stdout);
            },
        );
    });
}

/** A project folder running this repository's program with `config` as stack `dev`. */
function projectFolder(config: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-review-docs-"));
    writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        stringify({ name: "azure-ai-models", runtime: "nodejs", main: path.join(ROOT, "infra/index.ts") }),
    );
    writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stringify({ config }));
    return dir;
}

/** The two samples, as the commands print them today. */
export async function reviewSamples(): Promise<{ plan: string; diff: string }> {
    const pair = samplePair();
    const dirs = [projectFolder(pair.base), projectFolder(pair.head)];
    try {
        const options = { stack: "dev", today: SAMPLE_DAY };
        const [plan, base, head] = await Promise.all([
            node([path.join(__dirname, "..", "cli", "cli.ts"), "--format", "markdown", "--today", SAMPLE_DAY], ROOT),
            planInProcess(dirs[0], options),
            planInProcess(dirs[1], options),
        ]);
        const diff = diffPlans(base, head, { baseLabel: "main", headLabel: "pull request" });
        return { plan: plan.trimEnd(), diff: renderDiffMarkdown(diff, { enabled: true, allowed: false }) };
    } finally {
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
}

/** Fences Markdown source so it shows as source (its own fences are three backticks). */
function fenced(markdown: string): string {
    return ["````markdown", markdown, "````"].join("\n");
}

/** `text` with the sections between the markers replaced by the samples; unchanged when it has no markers. */
export function withSamples(text: string, samples: { plan: string; diff: string }): string {
    let out = text;
    for (const [key, body] of [
        ["plan", samples.plan],
        ["diff", samples.diff],
    ] as const) {
        const re = new RegExp(`(<!-- review:${key}:start -->)[\\s\\S]*?(<!-- review:${key}:end -->)`);
        out = out.replace(re, (_m, start: string, end: string) => `${start}\n${fenced(body)}\n${end}`);
    }
    return out;
}

/** The doc files that hold the sample markers. */
export function docFilesWithSamples(): string[] {
    return DOC_FILES.map((f) => path.join(ROOT, f)).filter(
        (f) => existsSync(f) && readFileSync(f, "utf8").includes("<!-- review:plan:start -->"),
    );
}

async function main(argv: string[]): Promise<number> {
    const check = argv.includes("--check");
    const files = docFilesWithSamples();
    if (files.length === 0) {
        process.stderr.write(`no file among ${DOC_FILES.join(", ")} has the <!-- review:plan:start --> markers\n`);
        return 2;
    }
    const samples = await reviewSamples();
    let stale = 0;
    for (const file of files) {
        const text = readFileSync(file, "utf8");
        const updated = withSamples(text, samples);
        if (updated === text) continue;
        stale++;
        if (check) process.stderr.write(`${path.relative(ROOT, file)} is out of date: run npm run docs:review\n`);
        else {
            writeFileSync(file, updated);
            process.stdout.write(`updated ${path.relative(ROOT, file)}\n`);
        }
    }
    return check && stale > 0 ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exitCode = 3;
        },
    );
}
