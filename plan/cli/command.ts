/**
 * The plan command, `npm run plan -- [--stack NAME] [--format text|json|markdown] [--json] [--today YYYY-MM-DD]
 *   [--dir PATH] [--policy-config FILE] [--skip-policies] [--stack-references FILE] [--config-file FILE]...
 *   [--typecheck] [--out FILE]`, as a function of its arguments
 * that writes what the process prints and returns its exit code; `cli.ts` is the process around it, and the tests
 * run it in-process.
 *
 * Prints what `pulumi up` would create for a stack, computed offline: the real stack program under Pulumi's mock
 * runtime, then the policy pack over what it captured. Exit codes: 0 the plan is valid and passes the mandatory
 * policies; 1 the plan has errors (an invalid config, type errors, or what Pulumi or Azure would refuse: the errors
 * are the whole output, under a header that says which) or a mandatory policy is violated; 2 the command line,
 * project files or policy config are wrong; 3 the program failed (`cli.ts` also ends with 3 when it never finishes).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../../infra/util/args";
import { parseDay, resolveFormat, SHARED_OPTIONS } from "./options";
import { renderMarkdown } from "../report/markdown";
import { renderText, planToJson } from "../report/render";
import { loadPolicyConfig, PolicyConfigError } from "../checks/policy";
import { loadStackReferences, PlanSetupError, runPlan } from "../run/run";

const USAGE =
    "usage: npm run plan -- [--stack NAME] [--json] [--today YYYY-MM-DD] [--dir PROJECT_DIR] [--policy-config FILE] [--skip-policies] [--stack-references FILE] [--config-file FILE]... [--typecheck] [--out FILE] [--format text|json|markdown]";

const FORMATS = ["text", "json", "markdown"] as const;

/** Where the command writes: the process's stdout and stderr, or a test's buffers. */
export interface CommandOutput {
    stdout(text: string): void;
    stderr(text: string): void;
}

const PROCESS_OUTPUT: CommandOutput = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};

/** Runs the plan command; resolves to its exit code (3: the plan itself failed, with the error on stderr). */
export async function planCommand(argv: string[], out: CommandOutput = PROCESS_OUTPUT): Promise<number> {
    try {
        return await command(argv, out);
    } catch (e) {
        out.stderr(`plan failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        return 3;
    }
}

async function command(argv: string[], out: CommandOutput): Promise<number> {
    let values: {
        stack?: string;
        json?: boolean;
        format?: string;
        today?: string;
        dir?: string;
        help?: boolean;
        "policy-config"?: string;
        "skip-policies"?: boolean;
        "stack-references"?: string;
        "config-file"?: string[];
        typecheck?: boolean;
        out?: string;
    };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                ...SHARED_OPTIONS,
                "stack-references": { type: "string" },
                "config-file": { type: "string", multiple: true },
                typecheck: { type: "boolean" },
                out: { type: "string", short: "o" },
            },
            strict: true,
        }));
    } catch (e) {
        out.stderr(`${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n`);
        return 2;
    }
    if (values.help) {
        out.stdout(`${USAGE}\n`);
        return 0;
    }
    const format = resolveFormat(FORMATS, values.json, values.format);
    if (typeof format !== "string") {
        out.stderr(`${format.error}\n${USAGE}\n`);
        return 2;
    }
    let today: Date | undefined;
    if (values.today !== undefined) {
        today = parseDay(values.today);
        if (!today) {
            out.stderr(`--today ${JSON.stringify(values.today)} is not a date; expected YYYY-MM-DD\n`);
            return 2;
        }
    }
    try {
        const policies = values["skip-policies"]
            ? false
            : values["policy-config"]
              ? loadPolicyConfig(values["policy-config"])
              : {};
        const stackReferences = values["stack-references"]
            ? loadStackReferences(values["stack-references"])
            : undefined;
        const plan = await programOutputToStderr(() =>
            runPlan({
                stack: values.stack ?? "dev",
                today,
                projectDir: values.dir,
                policies,
                stackReferences,
                configFiles: values["config-file"],
                typecheck: values.typecheck,
            }),
        );
        const text =
            format === "json"
                ? JSON.stringify(planToJson(plan), null, 2)
                : format === "markdown"
                  ? renderMarkdown(plan)
                  : renderText(plan);
        // --out writes the report to a file: `npm run plan -- --json > f` would also catch npm's own banner.
        if (values.out !== undefined) writeOut(values.out, text);
        // A plan with errors (of any kind) goes to stderr as text; JSON and Markdown are reports, printed whole to stdout.
        if (plan.errors.length > 0 && format === "text") out.stderr(`${text}\n`);
        else if (values.out === undefined) out.stdout(`${text}\n`);
        return plan.errors.length > 0 || plan.policies?.passed === false ? 1 : 0;
    } catch (e) {
        if (e instanceof PlanSetupError || e instanceof PolicyConfigError) {
            out.stderr(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

/**
 * Runs `f` with what the planned program prints (`console.log`, `pulumi.log.info`, which print to stdout without an
 * engine) sent to stderr, as `pulumi preview` shows it apart from its result: stdout carries the report alone, so
 * `--json` stays JSON whatever the program logs.
 */
async function programOutputToStderr<T>(f: () => Promise<T>): Promise<T> {
    const write = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    try {
        return await f();
    } finally {
        process.stdout.write = write;
    }
}

function writeOut(file: string, text: string): void {
    try {
        writeFileSync(file, `${text}\n`);
    } catch (e) {
        throw new PlanSetupError(`--out ${file}: ${(e as Error).message}`);
    }
}
