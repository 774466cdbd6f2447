/**
 * `npm run catalog:lifecycle -- [--stack NAME] [--days 90] [--today YYYY-MM-DD] [--format text|json|markdown]
 *   [--dir PATH]`
 *
 * Lists each deployment of a stack that becomes legacy, deprecated or retired within the next `--days` days (or
 * already is), with its replacement, from the stack file and the catalog alone. Exit codes, for a scheduled
 * workflow: 0 nothing is due; 1 something is due (the report says what); 2 the command line, the project files or
 * the stack config are wrong.
 */
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../../infra/util/args";
import { namespaceValues } from "../../infra/config";
import {
    LIFECYCLE_WINDOW_DAYS,
    LifecycleConfigError,
    lifecycleReport,
    renderLifecycleMarkdown,
    renderLifecycleText,
} from "../lifecycle/lifecycle";
import { parseDay, resolveFormat } from "./options";
import { PlanSetupError, readStackFiles } from "../run/run";

const USAGE =
    "usage: npm run catalog:lifecycle -- [--stack NAME] [--days 90] [--today YYYY-MM-DD] [--format text|json|markdown] [--dir PROJECT_DIR]";
const FORMATS = ["text", "json", "markdown"] as const;

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

const fail = (code: number, stderr: string): CliResult => ({ code, stdout: "", stderr });

export function lifecycleCli(argv: string[], cwd = process.cwd()): CliResult {
    let values: {
        stack?: string;
        days?: string;
        today?: string;
        format?: string;
        json?: boolean;
        dir?: string;
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
    const stack = values.stack ?? "dev";
    try {
        const files = readStackFiles(values.dir ?? cwd, stack);
        const report = lifecycleReport(namespaceValues(files.config), today, days);
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
        throw e;
    }
}

if (require.main === module) {
    const r = lifecycleCli(process.argv.slice(2));
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exit(r.code);
}
