/**
 * `node plan/runTs.js plan/cli/stacks.ts [--dir PROJECT_DIR]`: the project's stacks, one a line, sorted.
 *
 * A stack is a stack file: `Pulumi.<stack>.yaml` beside `Pulumi.yaml` (or in the project's `stackConfigDir`), named
 * as `pulumi stack select` names it. The tests, `.ci/run` and the workflows iterate over this list, so a stack file a
 * team adds is planned, spec-checked and type-checked without editing any list.
 */
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PlanSetupError, readYaml } from "../run/stackFiles";

/** `Pulumi.<stack>.yaml` (or `.yml`); the project file `Pulumi.yaml` itself is not a stack file. */
export const STACK_FILE = /^Pulumi\.([^./][^/]*)\.ya?ml$/;

/** The folder holding a project's stack files: `stackConfigDir` when `Pulumi.yaml` sets one, else the project's. */
export function stackConfigDir(projectDir: string): string {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    if (!existsSync(projectFile)) throw new PlanSetupError(`no Pulumi.yaml in ${projectDir}`);
    const dir = readYaml(projectFile).stackConfigDir;
    return typeof dir === "string" ? path.resolve(projectDir, dir) : projectDir;
}

/** The stack names of the files in `dir` (no project file needed), sorted. */
export function stackFilesIn(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return [
        ...new Set(
            readdirSync(dir)
                .map((f) => STACK_FILE.exec(f)?.[1])
                .filter((s): s is string => s !== undefined),
        ),
    ].sort();
}

/** Every stack of the project in `projectDir` (its stack files, `stackConfigDir` honoured), sorted. */
export function projectStacks(projectDir: string): string[] {
    return stackFilesIn(stackConfigDir(projectDir));
}

const USAGE = "usage: node plan/runTs.js plan/cli/stacks.ts [--dir PROJECT_DIR]\n";

export function main(argv: string[]): number {
    let values: { dir?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: { dir: { type: "string" }, help: { type: "boolean", short: "h" } },
            strict: true,
        }));
    } catch (e) {
        process.stderr.write(`${(e as Error).message}\n${USAGE}`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(
            `${USAGE}Prints the project's stacks (its Pulumi.<stack>.yaml files), one a line, sorted.\n`,
        );
        return 0;
    }
    try {
        process.stdout.write(
            projectStacks(path.resolve(values.dir ?? "."))
                .map((s) => `${s}\n`)
                .join(""),
        );
        return 0;
    } catch (e) {
        if (e instanceof PlanSetupError) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
