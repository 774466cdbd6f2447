/**
 * Runs the offline plan in a child process (`plan/cli/cli.ts --json`), for the plan diff: once for the working
 * tree, once for a git ref checked out into a temporary worktree. A process per plan, because the plan imports the
 * stack program and a module runs once per process.
 *
 * The base is planned with ITS OWN program (`Pulumi.yaml`'s `main` and everything it imports, from the worktree)
 * by THIS checkout's plan runner and policy pack, so both sides are judged by the same rules and print the same
 * JSON shape. The worktree gets a symlink to this checkout's `node_modules`: Node resolves it to the same real
 * files, so the base's program and the runner share one `@pulumi/pulumi` (and its mock runtime).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { DiffablePlan } from "./diff";

/** The plan command could not run (exit code 3), or the ref could not be checked out (2). */
export class PlanProcessError extends Error {
    constructor(
        message: string,
        /** The exit code the diff command ends with. */
        readonly exitCode: 2 | 3 = 2,
    ) {
        super(message);
    }
}

/** The plan command: `cli.ts` from the sources, `cli.js` where this file is compiled (the CLI package's `dist/`). */
const CLI = path.join(__dirname, "..", "cli", path.extname(__filename) === ".js" ? "cli.js" : "cli.ts");
/** Runs the plan as compiled JavaScript (see `runTs.js`); the base's own program is TypeScript too. */
const RUN_TS = path.join(__dirname, "..", "runTs.js");

export interface PlanProcessOptions {
    stack: string;
    /** `YYYY-MM-DD`, the same for both sides. */
    today: string;
    policyConfig?: string;
    skipPolicies?: boolean;
}

/** Runs `plan --json` for the project in `projectDir`; resolves to the plan (valid or not). */
export function planInProcess(
    projectDir: string,
    options: PlanProcessOptions,
    cwd = projectDir,
): Promise<DiffablePlan> {
    const args = [RUN_TS, CLI, "--json", "--stack", options.stack, "--today", options.today, "--dir", projectDir];
    if (options.skipPolicies) args.push("--skip-policies");
    else if (options.policyConfig) args.push("--policy-config", path.resolve(options.policyConfig));
    return new Promise((resolve, reject) => {
        execFile(
            process.execPath,
            args,
            { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
            (error, stdout, stderr) => {
                const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
                // 0: valid; 1: invalid config or a mandatory policy violated (the JSON says which). Anything else failed.
                if (code === 0 || code === 1) {
                    try {
                        resolve(JSON.parse(stdout) as DiffablePlan);
                        return;
                    } catch (e) {
                        reject(
                            new PlanProcessError(
                                `the plan of ${projectDir} printed no JSON (${(e as Error).message}): ${stderr.trim()}`,
                                3,
                            ),
                        );
                        return;
                    }
                }
                // Exit 2 is the plan's own "bad setup" (no stack file, bad policy config): the diff's 2 as well.
                reject(
                    new PlanProcessError(
                        `the plan of ${projectDir} failed (exit ${code}): ${stderr.trim() || error?.message}`,
                        code === 2 ? 2 : 3,
                    ),
                );
            },
        );
    });
}

function git(args: string[], cwd: string): string {
    try {
        return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    } catch (e) {
        const err = e as { stderr?: string; message: string };
        throw new PlanProcessError(`git ${args.join(" ")}: ${(err.stderr ?? err.message).trim()}`);
    }
}

/** An empty plan, for a base that has no stack file yet (a new stack: everything is created). */
export function emptyPlan(project: string, stack: string, today: string): DiffablePlan {
    return { project, stack, today, resources: [], outputs: [], warnings: [], errors: [] };
}

export interface RefPlan {
    plan: DiffablePlan;
    /** The commit the ref resolved to. */
    commit: string;
    /** Set when the base has no stack file for the stack. */
    missingStackFile?: boolean;
}

/**
 * Plans the project as it is at `ref`: `git worktree add --detach` into a temporary folder, link `node_modules`,
 * run the plan there, and remove the worktree whatever happens.
 */
export async function planAtRef(ref: string, projectDir: string, options: PlanProcessOptions): Promise<RefPlan> {
    const top = git(["rev-parse", "--show-toplevel"], projectDir);
    let commit: string;
    try {
        commit = git(["rev-parse", "--verify", `${ref}^{commit}`], projectDir);
    } catch {
        throw new PlanProcessError(
            `--base ${ref}: not a commit in ${top} (fetch it first, e.g. git fetch origin ${ref})`,
        );
    }
    const relative = path.relative(top, path.resolve(projectDir));
    const holder = mkdtempSync(path.join(tmpdir(), "aim-plan-base-"));
    const tree = path.join(holder, "tree");
    // This checkout's node_modules (the one that holds @pulumi/pulumi), linked at the same place in the worktree.
    const nodeModules = path.resolve(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "../..");
    // (At the worktree's top when the runner's node_modules is outside the repository: the gate's base tools.)
    const inside = path.relative(top, nodeModules);
    const link = path.join(tree, inside.startsWith("..") ? "node_modules" : inside);
    let linked = false;
    const cleanup = () => {
        // Remove the link first, so nothing below can ever reach this checkout's node_modules through it.
        if (linked) unlinkSync(link);
        linked = false;
        try {
            execFileSync("git", ["worktree", "remove", "--force", tree], { cwd: top, stdio: "ignore" });
        } catch {
            // not added, or already gone: prune below
        }
        try {
            execFileSync("git", ["worktree", "prune"], { cwd: top, stdio: "ignore" });
        } catch {
            // nothing to prune
        }
        rmSync(holder, { recursive: true, force: true });
    };
    const onSignal = () => {
        cleanup();
        process.exit(130);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
        git(["worktree", "add", "--detach", tree, commit], top);
        if (!existsSync(link)) {
            symlinkSync(nodeModules, link, "dir");
            linked = true;
        }
        const baseDir = path.join(tree, relative);
        if (!existsSync(path.join(baseDir, `Pulumi.${options.stack}.yaml`))) {
            return {
                plan: emptyPlan(path.basename(top), options.stack, options.today),
                commit,
                missingStackFile: true,
            };
        }
        return { plan: await planInProcess(baseDir, options, tree), commit };
    } finally {
        process.removeListener("SIGINT", onSignal);
        process.removeListener("SIGTERM", onSignal);
        cleanup();
    }
}
