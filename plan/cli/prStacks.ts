/**
 * `tsx plan/cli/prStacks.ts --base REF [--dir PROJECT_DIR] [--stack NAME]...`
 *
 * The stacks a pull request can change, one a line, for the review workflow's plan diff and destructive-change
 * gate: every stack file (`Pulumi.<stack>.yaml` beside `Pulumi.yaml`) the change adds or edits, and, when anything
 * else changed (the program, the pack, the catalog, dependencies), every stack file there is, since code changes
 * reach all of them. `--stack` names stacks to review in any case (the deployed one). A deleted stack file is left out:
 * there is nothing left to plan (its resources are the stack's to destroy with `pulumi destroy`).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PlanSetupError, readYaml, stackShortName } from "../run/stackFiles";
import { STACK_FILE, stackConfigDir, stackFilesIn } from "./stacks";

export { stackFilesIn };

/**
 * The stacks to review, sorted: from the changed paths (relative to the project folder) and the stack names whose
 * files exist now, plus `always` (where their files exist).
 */
export function stacksToReview(
    changed: readonly string[],
    existing: readonly string[],
    always: readonly string[] = [],
) {
    const now = new Set(existing);
    const touched = changed.map((f) => STACK_FILE.exec(f)?.[1]);
    const codeChanged = touched.some((s) => s === undefined);
    const picked = codeChanged ? [...now] : touched.filter((s): s is string => s !== undefined && now.has(s));
    return [...new Set([...picked, ...always.filter((s) => now.has(s))])].sort();
}

/**
 * The stacks to review in the project in `dir`, from the changed paths (relative to `dir`): its stack files where
 * `stackConfigDir` puts them, and `always` given as `pulumi` takes a stack name (`dev`, or `org/project/dev`, what
 * `PULUMI_STACK` often holds: reviewed as `dev` when the project is this one).
 */
export function projectStacksToReview(dir: string, changed: readonly string[], always: readonly string[] = []) {
    const project = String(readYaml(path.join(dir, "Pulumi.yaml")).name ?? "");
    const shortAlways = always.map((s) => stackShortName(s, project));
    const configDir = path.relative(dir, stackConfigDir(dir));
    const relative = changed.map((f) => (configDir && path.dirname(f) === configDir ? path.basename(f) : f));
    return stacksToReview(relative, stackFilesIn(stackConfigDir(dir)), shortAlways);
}

function main(argv: string[]): number {
    const { values } = parseArgs({
        args: argv,
        options: {
            base: { type: "string" },
            dir: { type: "string" },
            stack: { type: "string", multiple: true },
        },
        strict: true,
    });
    if (!values.base) {
        process.stderr.write("usage: tsx plan/cli/prStacks.ts --base REF [--dir PROJECT_DIR] [--stack NAME]...\n");
        return 2;
    }
    const dir = path.resolve(values.dir ?? ".");
    if (!existsSync(path.join(dir, "Pulumi.yaml"))) {
        process.stderr.write(`no Pulumi.yaml in ${dir}\n`);
        return 2;
    }
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" }).trim();
    const changed = execFileSync("git", ["diff", "--name-only", values.base, "HEAD"], { cwd: top, encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        // Paths relative to the project folder; changes outside it (other projects) are code changes all the same.
        .map((f) => path.relative(dir, path.join(top, f)));
    let stacks: string[];
    try {
        stacks = projectStacksToReview(dir, changed, values.stack ?? []);
    } catch (e) {
        if (!(e instanceof PlanSetupError)) throw e;
        process.stderr.write(`${e.message}\n`);
        return 2;
    }
    process.stdout.write(stacks.map((s) => `${s}\n`).join(""));
    return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
