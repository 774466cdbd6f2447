/**
 * `npm run plan:diff -- (--base REF | --before BASE.json [--after HEAD.json]) [--stack NAME] [--format text|markdown|json]
 *   [--fail-on-destructive] [--allow-destructive] [--today YYYY-MM-DD] [--dir PATH] [--policy-config FILE] [--skip-policies]
 *   [--base-label TEXT]`
 *
 * Compares the offline plan of this change with the plan of its base and prints what `pulumi up` would create,
 * update, replace and delete (`diff.ts`). The base is a git ref (planned in a temporary worktree with its own program
 * files) or a saved `npm run plan -- --json`; this change is the working tree (uncommitted edits included) or a
 * saved plan given with `--after`.
 *
 * Exit codes: 0 done; 1 this change's plan has errors (an invalid config, type errors, or what Pulumi or Azure would
 * refuse) or violates a mandatory policy; 2 bad command line, files or ref, or plans of different stacks or projects; 3 the plan crashed; 4 destructive changes
 * with `--fail-on-destructive` and no `--allow-destructive`.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../../infra/util/args";
import { parseDay, resolveFormat, SHARED_OPTIONS } from "./options";
import { diffPlans, type DiffablePlan } from "../diff/diff";
import { diffToJson, gateBlocks, renderDiffMarkdown, renderDiffText, type GateStatus } from "../diff/diffRender";
import { planMismatch } from "../diff/planIdentity";
import { emptyPlan, planAtRef, planInProcess, PlanProcessError, type PlanProcessOptions } from "../diff/planProcess";
import type { Plan, PlannedResource } from "../run/types";

const USAGE =
    "usage: npm run plan:diff -- (--base REF | --before BASE.json [--after HEAD.json]) [--stack NAME] [--format text|markdown|json] [--json] " +
    "[--fail-on-destructive] [--allow-destructive] [--today YYYY-MM-DD] [--dir PROJECT_DIR] [--policy-config FILE] [--skip-policies] [--base-label TEXT]";

const FORMATS = ["text", "json", "markdown"] as const;

/** Exit code when the destructive-change gate fails. */
export const EXIT_DESTRUCTIVE = 4;

class UsageError extends Error {}

function readPlanFile(file: string): DiffablePlan {
    let data: unknown;
    try {
        data = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(
            `${file}: not a plan (${(e as Error).message}); save one with npm run plan -- --json --out ${path.basename(file)} ` +
                `(a shell redirect of npm run also catches npm's banner; use npm run --silent if you redirect)`,
        );
    }
    const p = data as Partial<DiffablePlan>;
    if (!p || !Array.isArray(p.resources) || !Array.isArray(p.errors) || typeof p.stack !== "string") {
        throw new UsageError(
            `${file}: not a plan: expected the output of npm run plan -- --json (resources, errors, stack)`,
        );
    }
    // Plans saved by other versions may lack fields this one records: default them, so the diff never trips on them.
    const resources = (p.resources as Partial<PlannedResource>[]).map((r) => ({
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs: {},
        secretInputs: [],
        options: {},
        ...r,
    })) as PlannedResource[];
    return { outputs: [], warnings: [], today: "", project: "", ...p, resources } as DiffablePlan;
}

async function main(argv: string[]): Promise<number> {
    let values: Record<string, string | boolean | undefined>;
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                base: { type: "string" },
                "base-label": { type: "string" },
                before: { type: "string" },
                after: { type: "string" },
                ...SHARED_OPTIONS,
                "fail-on-destructive": { type: "boolean" },
                "allow-destructive": { type: "boolean" },
            },
            strict: true,
        }));
    } catch (e) {
        process.stderr.write(`${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
    const fail = (message: string) => {
        process.stderr.write(`${message}\n${USAGE}\n`);
        return 2;
    };
    const format = resolveFormat(FORMATS, values.json, values.format);
    if (typeof format !== "string") return fail(format.error);
    const base = str("base");
    const beforeFile = str("before");
    if ((base === undefined) === (beforeFile === undefined))
        return fail("give the base as exactly one of --base REF or --before FILE");
    if (base !== undefined && str("after") !== undefined)
        return fail("--after goes with --before; with --base, this change is the working tree");
    const today = str("today") ?? new Date().toISOString().slice(0, 10);
    if (!parseDay(today)) return fail(`--today ${JSON.stringify(today)} is not a date; expected YYYY-MM-DD`);
    const stack = str("stack") ?? "dev";
    const projectDir = path.resolve(str("dir") ?? process.cwd());
    const options: PlanProcessOptions = {
        stack,
        today,
        policyConfig: str("policy-config"),
        skipPolicies: values["skip-policies"] === true,
    };
    const gate: GateStatus = {
        enabled: values["fail-on-destructive"] === true,
        allowed: values["allow-destructive"] === true,
    };

    let basePlan: DiffablePlan;
    let headPlan: DiffablePlan;
    let baseLabel: string;
    let headLabel: string;
    const notes: string[] = [];
    try {
        if (base !== undefined) {
            const [ref, head] = await Promise.all([
                planAtRef(base, projectDir, options),
                planInProcess(projectDir, options),
            ]);
            basePlan = ref.missingStackFile ? emptyPlan(head.project, stack, today) : ref.plan;
            if (ref.missingStackFile)
                notes.push(`The base (${base}) has no Pulumi.${stack}.yaml: a new stack, everything shows as created.`);
            headPlan = head;
            baseLabel = `${str("base-label") ?? base} (${ref.commit.slice(0, 7)})`;
            headLabel = "working tree";
        } else {
            basePlan = readPlanFile(beforeFile!);
            const afterFile = str("after");
            headPlan = afterFile ? readPlanFile(afterFile) : await planInProcess(projectDir, options);
            baseLabel = str("base-label") ?? path.basename(beforeFile!);
            headLabel = afterFile ? path.basename(afterFile) : "working tree";
        }
    } catch (e) {
        if (e instanceof UsageError) return fail(e.message);
        if (e instanceof PlanProcessError) {
            process.stderr.write(`${e.message}\n`);
            return e.exitCode;
        }
        throw e;
    }
    const mismatch = planMismatch(basePlan, headPlan, { base: baseLabel, head: headLabel });
    if (mismatch) {
        process.stderr.write(`${mismatch}\n`);
        return 2;
    }

    const diff = diffPlans(basePlan, headPlan, { baseLabel, headLabel });
    diff.notes.push(...notes);
    const output =
        format === "json"
            ? JSON.stringify(diffToJson(diff, gate), null, 2)
            : format === "markdown"
              ? renderDiffMarkdown(diff, gate, {
                    headPlan:
                        headPlan.errors.length > 0 || headPlan.resources.length > 0 ? (headPlan as Plan) : undefined,
                })
              : renderDiffText(diff, gate);
    process.stdout.write(`${output}\n`);
    if (headPlan.errors.length > 0 || headPlan.policies?.passed === false) return 1;
    return gateBlocks(diff, gate) ? EXIT_DESTRUCTIVE : 0;
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (e: unknown) => {
        process.stderr.write(`plan:diff failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 3;
    },
);
