/**
 * `npm run preflight -- [--stack NAME] [--subscription ID] [--arm-endpoint URL] [--outputs FILE] [--format
 *   text|json|markdown] [--out FILE] [--today YYYY-MM-DD] [--dir PATH] [--config-file FILE]... [--policy-config FILE]
 *   [--skip-policies] [--concurrency N] [--timeout SECONDS] [--ca FILE]`, as a function of its arguments (`cli.ts` is
 * the process around it).
 *
 * Plans the stack offline (as `npm run plan`), then asks Azure Resource Manager, read-only and with the deployer's
 * credential (`infra/util/armCredential.ts`: the `ARM_*` variables, else `DefaultAzureCredential`), what only Azure
 * knows: quota, model availability and deprecation, soft-deleted names, subdomains, VM quota, permissions.
 *
 * Exit codes (docs/preflight.md): 0 nothing found that would stop `pulumi up`; 1 the plan has errors, a mandatory
 * policy is violated, or a finding would make `pulumi up` fail; 2 bad command line, stack files, policy config or
 * `ARM_*` variables; 3 the preflight itself failed; 4 nothing blocking found but the preflight did not run (no
 * subscription or no credential) or could not judge everything (a read refused or failed, a name only Azure draws).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../infra/util/args";
import type { TokenCredential } from "@azure/identity";
import { PUBLIC_ARM_ENDPOINT } from "../infra/catalog/armReads";
import {
    armCredential,
    armCredentialSource,
    ArmCredentialError,
    armSubscriptionId,
    describeArmCredential,
    type ArmEnv,
} from "../infra/util/armCredential";
import type { CommandOutput } from "../plan/cli/command";
import { renderMarkdown } from "../plan/report/markdown";
import { parseDay, resolveFormat, SHARED_OPTIONS } from "../plan/cli/options";
import { loadPolicyConfig, PolicyConfigError } from "../plan/checks/policy";
import { planToJson, renderText } from "../plan/report/render";
import { PlanSetupError, runPlan } from "../plan/run/run";
import type { Plan } from "../plan/run/types";
import { armReader, ArmTokenError } from "./arm";
import { preflightMarkdown, renderPreflightText } from "./report";
import { preflightExitCode, runPreflight, type PreflightResult } from "./run";

const USAGE =
    "usage: npm run preflight -- [--stack NAME] [--subscription ID] [--arm-endpoint URL] [--outputs FILE] [--format text|json|markdown] [--out FILE] [--today YYYY-MM-DD] [--dir PROJECT_DIR] [--config-file FILE]... [--policy-config FILE] [--skip-policies] [--concurrency N] [--timeout SECONDS] [--ca FILE]";

const FORMATS = ["text", "json", "markdown"] as const;

/** What a test injects instead of the process's environment and credential. */
export interface PreflightDeps {
    env?: ArmEnv;
    /** @default - {@link armCredential} of `env` */
    credential?: TokenCredential;
}

const PROCESS_OUTPUT: CommandOutput = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

export async function preflightCommand(
    argv: string[],
    out: CommandOutput = PROCESS_OUTPUT,
    deps: PreflightDeps = {},
): Promise<number> {
    try {
        return await command(argv, out, deps);
    } catch (e) {
        if (e instanceof UsageError) {
            out.stderr(`${e.message}\n${USAGE}\n`);
            return 2;
        }
        if (e instanceof PlanSetupError || e instanceof PolicyConfigError || e instanceof ArmCredentialError) {
            out.stderr(`${e.message}\n`);
            return 2;
        }
        out.stderr(`preflight failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        return 3;
    }
}

function parse(argv: string[]) {
    try {
        return parseArgs({
            args: argv,
            options: {
                ...SHARED_OPTIONS,
                "config-file": { type: "string", multiple: true },
                subscription: { type: "string" },
                "arm-endpoint": { type: "string" },
                outputs: { type: "string" },
                out: { type: "string", short: "o" },
                concurrency: { type: "string" },
                timeout: { type: "string" },
                ca: { type: "string" },
            },
            strict: true,
        }).values;
    } catch (e) {
        throw new UsageError(argumentError(e, optionsIn(USAGE)));
    }
}

function positive(name: string, value: string | undefined, fallback: number): number {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
        throw new UsageError(`--${name} ${JSON.stringify(value)} is not a positive number`);
    return n;
}

function readFile(option: string, file: string): string {
    try {
        return readFileSync(file, "utf8");
    } catch (e) {
        throw new PlanSetupError(`--${option} ${file}: ${(e as Error).message}`);
    }
}

/**
 * Planned account name -> deployed name, from `pulumi stack output --json` of the deployed stack: the Foundry
 * account's real name (its random suffix is drawn at the first `pulumi up` and kept in state).
 */
function deployedNames(plan: Plan, file: string | undefined): Record<string, string> {
    if (!file) return {};
    let outputs: { foundry?: { accountName?: unknown } };
    try {
        outputs = JSON.parse(readFile("outputs", file)) as typeof outputs;
    } catch (e) {
        if (e instanceof PlanSetupError) throw e;
        throw new PlanSetupError(`--outputs ${file}: not JSON: ${(e as Error).message}`);
    }
    const real = outputs?.foundry?.accountName;
    const planned = plan.outputs.find((o) => o.name === "foundry")?.value as { accountName?: unknown } | undefined;
    return typeof real === "string" && typeof planned?.accountName === "string" ? { [planned.accountName]: real } : {};
}

async function command(argv: string[], out: CommandOutput, deps: PreflightDeps): Promise<number> {
    const v = parse(argv);
    if (v.help) {
        out.stdout(`${USAGE}\n`);
        return 0;
    }
    const format = resolveFormat(FORMATS, v.json, v.format);
    if (typeof format !== "string") throw new UsageError(format.error);
    const today = v.today === undefined ? undefined : parseDay(v.today);
    if (v.today !== undefined && !today)
        throw new UsageError(`--today ${JSON.stringify(v.today)} is not a date; expected YYYY-MM-DD`);
    const concurrency = positive("concurrency", v.concurrency, 8);
    const timeoutMs = positive("timeout", v.timeout, 30) * 1000;
    const endpoint = v["arm-endpoint"] ?? PUBLIC_ARM_ENDPOINT;
    if (!/^https:\/\//.test(endpoint)) throw new UsageError(`--arm-endpoint ${endpoint}: expected an https:// URL`);
    const ca = v.ca === undefined ? undefined : readFile("ca", v.ca);
    const env = deps.env ?? process.env;

    const plan = await runPlan({
        stack: v.stack ?? "dev",
        today,
        projectDir: v.dir,
        policies: v["skip-policies"] ? false : v["policy-config"] ? loadPolicyConfig(v["policy-config"]) : {},
        configFiles: v["config-file"],
    });
    let result: PreflightResult;
    const subscriptionId = v.subscription ?? armSubscriptionId(env);
    if (plan.errors.length > 0) result = { ran: false, reason: "the offline plan has errors (above): fix them first" };
    else if (!subscriptionId)
        result = {
            ran: false,
            reason: "no subscription: pass --subscription ID or set ARM_SUBSCRIPTION_ID (Pulumi ESC azure-login sets it)",
        };
    else {
        const names = deployedNames(plan, v.outputs);
        const source = armCredentialSource(env);
        const credential = deps.credential ?? armCredential(env, { ca });
        const arm = armReader({ endpoint, credential, ca, concurrency, timeoutMs });
        try {
            result = await runPreflight({
                plan,
                arm,
                subscriptionId,
                endpoint,
                credential: describeArmCredential(source),
                deployedNames: names,
            });
        } catch (e) {
            if (!(e instanceof ArmTokenError)) throw e;
            // The credential gave no token: nothing was asked.
            result = { ran: false, reason: `no Azure credential: ${e instanceof Error ? e.message : String(e)}` };
        } finally {
            await arm.close();
        }
    }

    const text =
        format === "json"
            ? JSON.stringify({ plan: planToJson(plan), preflight: result }, null, 2)
            : format === "markdown"
              ? renderMarkdown(plan, { sections: (h) => preflightMarkdown(result, h) })
              : `${plan.errors.length > 0 ? `${renderText(plan)}\n\n` : ""}${renderPreflightText(result)}`;
    if (v.out !== undefined) {
        try {
            writeFileSync(v.out, `${text}\n`);
        } catch (e) {
            throw new PlanSetupError(`--out ${v.out}: ${(e as Error).message}`);
        }
    } else out.stdout(`${text}\n`);
    if (plan.errors.length > 0 || plan.policies?.passed === false) return 1;
    return preflightExitCode(result);
}
