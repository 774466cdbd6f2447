/**
 * `npm run plan -- [--stack NAME] [--format text|json|markdown] [--json] [--today YYYY-MM-DD] [--dir PATH]
 *   [--policy-config FILE] [--skip-policies] [--stack-references FILE] [--config-file FILE]... [--typecheck] [--out FILE]`
 *
 * Prints what `pulumi up` would create for a stack, computed offline: the real stack program under Pulumi's mock
 * runtime, then the policy pack over what it captured. Exit codes: 0 the plan is valid and passes the mandatory
 * policies; 1 the config is invalid (the errors are the whole output) or a mandatory policy is violated;
 * 2 the command line, project files or policy config are wrong.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDay, resolveFormat, SHARED_OPTIONS } from "./options";
import { renderMarkdown } from "./markdown";
import { renderText, planToJson } from "./render";
import { loadPolicyConfig, PolicyConfigError } from "./policy";
import { loadStackReferences, PlanSetupError, runPlan } from "./run";

const USAGE =
    "usage: npm run plan -- [--stack NAME] [--json] [--today YYYY-MM-DD] [--dir PROJECT_DIR] [--policy-config FILE] [--skip-policies] [--stack-references FILE] [--config-file FILE]... [--typecheck] [--out FILE] [--format text|json|markdown]";

const FORMATS = ["text", "json", "markdown"] as const;

async function main(argv: string[]): Promise<number> {
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
        process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const format = resolveFormat(FORMATS, values.json, values.format);
    if (typeof format !== "string") {
        process.stderr.write(`${format.error}\n${USAGE}\n`);
        return 2;
    }
    let today: Date | undefined;
    if (values.today !== undefined) {
        today = parseDay(values.today);
        if (!today) {
            process.stderr.write(`--today ${JSON.stringify(values.today)} is not a date; expected YYYY-MM-DD\n`);
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
        const plan = await runPlan({
            stack: values.stack ?? "dev",
            today,
            projectDir: values.dir,
            policies,
            stackReferences,
            configFiles: values["config-file"],
            typecheck: values.typecheck,
        });
        const text =
            format === "json"
                ? JSON.stringify(planToJson(plan), null, 2)
                : format === "markdown"
                  ? renderMarkdown(plan)
                  : renderText(plan);
        // --out writes the report to a file: `npm run plan -- --json > f` would also catch npm's own banner.
        if (values.out !== undefined) writeOut(values.out, text);
        // Invalid config goes to stderr as text; JSON and Markdown are reports, printed whole to stdout.
        if (plan.errors.length > 0 && format === "text") process.stderr.write(`${text}\n`);
        else if (values.out === undefined) process.stdout.write(`${text}\n`);
        return plan.errors.length > 0 || plan.policies?.passed === false ? 1 : 0;
    } catch (e) {
        if (e instanceof PlanSetupError || e instanceof PolicyConfigError) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

function writeOut(file: string, text: string): void {
    try {
        writeFileSync(file, `${text}\n`);
    } catch (e) {
        throw new PlanSetupError(`--out ${file}: ${(e as Error).message}`);
    }
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
        process.stderr.write(`plan failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exit(3);
    },
);
