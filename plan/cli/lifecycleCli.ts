/**
 * `npm run catalog:lifecycle -- [--stack NAME] [--days 90] [--today YYYY-MM-DD] [--format text|json|markdown]
 *   [--dir PATH] [--from config|plan]`
 *
 * Lists each deployment of a stack that becomes legacy, deprecated or retired within the next `--days` days (or
 * already is), with its replacement. A stack that sets `azure-ai-models:*` config is read from the stack file and
 * the catalog alone; any other (a program that uses the components, `examples/app-stack`) is planned offline and
 * judged by the model deployments among its planned resources. `--from` picks one. Exit codes, for a scheduled
 * workflow: 0 nothing is due; 1 something is due (the report says what); 2 the command line, the project files, the
 * stack config or the planned program's config are wrong; 3 the program failed or never finished.
 */
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../../infra/util/args";
import { intendedKeys, namespaceIssues, namespaceValues } from "../../infra/config";
import {
    LIFECYCLE_WINDOW_DAYS,
    LifecycleConfigError,
    lifecycleReport,
    plannedLifecycleReport,
    renderLifecycleMarkdown,
    renderLifecycleText,
    type LifecycleReport,
} from "../lifecycle/lifecycle";
import { parseDay, resolveFormat } from "./options";
import { PlanSetupError, readStackFiles, runPlan, type StackFiles } from "../run/run";
import { sourceStack } from "../run/sourceStack";

const USAGE =
    "usage: npm run catalog:lifecycle -- [--stack NAME] [--days 90] [--today YYYY-MM-DD] [--format text|json|markdown] [--dir PROJECT_DIR] [--from config|plan]";
const FORMATS = ["text", "json", "markdown"] as const;
const SOURCES = ["config", "plan"] as const;

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

const fail = (code: number, stderr: string): CliResult => ({ code, stdout: "", stderr });

/** Whether the stack is described by this package's config: any `azure-ai-models:*` key, even under a misspelt namespace. */
function usesStackConfig(config: Record<string, string>): boolean {
    return Object.keys(namespaceValues(config)).length > 0 || namespaceIssues(config).length > 0;
}

/** The report from the stack's `azure-ai-models:*` config; a misplaced key is reported with the config's errors. */
function configReport(files: StackFiles, today: Date, days: number): LifecycleReport {
    const misplaced = namespaceIssues(files.config);
    let report: LifecycleReport | undefined;
    try {
        report = lifecycleReport(namespaceValues(intendedKeys(files.config)), today, days);
    } catch (e) {
        if (!(e instanceof LifecycleConfigError)) throw e;
        throw new LifecycleConfigError([...misplaced, ...e.issues]);
    }
    if (misplaced.length > 0) throw new LifecycleConfigError(misplaced);
    return report;
}

/** The planned program's error, as the plan reports it: what failed, and for a program failure exit code 3. */
class ProgramError extends Error {
    constructor(
        message: string,
        readonly code: 2 | 3,
    ) {
        super(message);
    }
}

/** The report from the program's planned resources (the plan without policies). */
async function planReport(dir: string, stack: string, today: Date, days: number): Promise<LifecycleReport> {
    let plan;
    try {
        plan = await runPlan({ projectDir: dir, stack, today, policies: false });
    } catch (e) {
        if (e instanceof PlanSetupError) throw e;
        const error = sourceStack(e);
        throw new ProgramError(`the program failed while it was planned:\n${error}`, 3);
    }
    if (plan.errors.length > 0) throw new ProgramError(`the planned program has errors:\n${plan.errors.join("\n")}`, 2);
    return plannedLifecycleReport(plan.resources, today, days);
}

export async function lifecycleCli(argv: string[], cwd = process.cwd()): Promise<CliResult> {
    let values: {
        stack?: string;
        days?: string;
        today?: string;
        format?: string;
        json?: boolean;
        dir?: string;
        from?: string;
        help?: boolean;
    };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                stack: { type: "string", short: "s" },
                days: { type: "string" },
                today: { type: "string" },
                format: { type: "string", short: "f" },
                json: { type: "boolean" },
                dir: { type: "string" },
                from: { type: "string" },
                help: { type: "boolean", short: "h" },
            },
            strict: true,
        }));
    } catch (e) {
        return fail(2, `${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n`);
    }
    if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
    const format = resolveFormat(FORMATS, values.json, values.format);
    if (typeof format !== "string") return fail(2, `${format.error}\n${USAGE}\n`);
    const days = values.days === undefined ? LIFECYCLE_WINDOW_DAYS : Number(values.days);
    if (!Number.isInteger(days) || days < 0)
        return fail(2, `--days ${JSON.stringify(values.days)} is not a whole number of days\n`);
    const today = values.today === undefined ? new Date() : parseDay(values.today);
    if (!today) return fail(2, `--today ${JSON.stringify(values.today)} is not a date; expected YYYY-MM-DD\n`);
    const from = values.from;
    if (from !== undefined && !(SOURCES as readonly string[]).includes(from))
        return fail(2, `--from ${JSON.stringify(from)} is not one of: ${SOURCES.join(", ")}\n${USAGE}\n`);
    const stack = values.stack ?? "dev";
    try {
        const dir = values.dir ?? cwd;
        const files = readStackFiles(dir, stack);
        const report =
            (from ?? (usesStackConfig(files.config) ? "config" : "plan")) === "config"
                ? configReport(files, today, days)
                : await planReport(dir, stack, today, days);
        const text =
            format === "json"
                ? JSON.stringify(
                      {
                          ...report,
                          items: report.items.map(({ subject, ...i }) => ({
                              ...i,
                              deployment: subject.name,
                              path: subject.path,
                              type: subject.type,
                              model: subject.model.name,
                          })),
                      },
                      null,
                      2,
                  )
                : format === "markdown"
                  ? renderLifecycleMarkdown(report, stack)
                  : renderLifecycleText(report, stack);
        return { code: report.items.length > 0 ? 1 : 0, stdout: `${text}\n`, stderr: "" };
    } catch (e) {
        if (e instanceof PlanSetupError) return fail(2, `${e.message}\n`);
        if (e instanceof LifecycleConfigError) return fail(2, `the stack config is invalid:\n${e.message}\n`);
        if (e instanceof ProgramError) return fail(e.code, `${e.message}\n`);
        throw e;
    }
}

if (require.main === module) {
    let finished = false;
    void lifecycleCli(process.argv.slice(2)).then((r) => {
        finished = true;
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        // A planned program that failed leaves the runtime's promises rejected behind it: end the process now.
        process.exit(r.code);
    });
    // A planned program that waits for a value that never comes: nothing is left to run, and the report never came.
    process.once("beforeExit", () => {
        if (finished) return;
        process.stderr.write(
            "the program never finished while it was planned: a resource registration or output waited for a value that never came\n",
        );
        process.exit(3);
    });
}
