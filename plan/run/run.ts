/**
 * The offline plan: reads `Pulumi.yaml` and `Pulumi.<stack>.yaml`, validates the config, runs the real stack
 * program under Pulumi's mock runtime with preview semantics, and returns what `pulumi up` would create.
 * It needs no Azure credentials and no Pulumi CLI.
 */
import { redactor, stringLeaves } from "../../infra/util/redact";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigValidationError, namespaceValues } from "../../infra/config";
import { captureProgram } from "./capture";
import { plannedNameProblems } from "../checks/names";
import type { StackReferenceOutputs } from "./mocks";
import { notJudgedOffline } from "../../policies/lib/securityInputs";
import { evaluatePolicies, resourceView, type PolicyPackConfig } from "../checks/policy";
import { accountChainWarnings, accountChains } from "../checks/accountChain";
import { foundryQuotaReport } from "../checks/foundryQuota";
import { lifecycleWarnings } from "../lifecycle/lifecycle";
import { quotaReport } from "../checks/quota";
import { PlanSetupError, readStackFiles, readYaml } from "./stackFiles";
import { typeCheckProgram } from "./typecheck";
import { mergePolicyConfig, stackPolicyConfig } from "../checks/stackPolicy";
import { canonicalType, replacementRulesOf } from "../../infra/catalog/resourceTypes";
import { isMandatory, UNKNOWN, type Plan, type PlannedResource, type PlanWarning } from "./types";

export { PlanSetupError, readStackFiles, type StackFiles } from "./stackFiles";

export interface PlanOptions {
    /** Folder with `Pulumi.yaml`. @default - the current directory */
    projectDir?: string;
    /** @default "dev" */
    stack?: string;
    /** Day the lifecycle checks run against. @default - today (UTC) */
    today?: Date;
    /** Preview semantics (unknown values stay unknown). @default true */
    preview?: boolean;
    /**
     * Run the policy pack, with this config (the `--policy-pack-config` format); `false` skips the policies.
     * @default {} (every policy at its default level)
     */
    policies?: PolicyPackConfig | false;
    /**
     * Outputs of the stacks the program reads through `new pulumi.StackReference(name)`, by stack name
     * (see {@link loadStackReferences}). A reference to a stack not listed fails the plan.
     * @default {}
     */
    stackReferences?: Record<string, StackReferenceOutputs>;
    /**
     * Files with a `config:` map standing in for the ESC environments the stack file imports (the plan cannot
     * resolve them): their values override the project's and are overridden by the stack file's. @default []
     */
    configFiles?: string[];
    /** Type-check the program first, as `pulumi preview` (ts-node) does; type errors fail the plan. @default false */
    typecheck?: boolean;
}

/**
 * Reads a stack references file (YAML or JSON): `{ "<org>/<project>/<stack>": { outputs: {...},
 * secretOutputNames: [...] } }`, the outputs as `pulumi stack output --json --show-secrets` prints them. Without
 * `secretOutputNames`, every output of that stack counts as secret.
 */
export function loadStackReferences(file: string): Record<string, StackReferenceOutputs> {
    if (!existsSync(file)) throw new PlanSetupError(`no stack references file ${file}`);
    const data = readYaml(file);
    const out: Record<string, StackReferenceOutputs> = {};
    for (const [name, value] of Object.entries(data)) {
        const v = value as { outputs?: unknown; secretOutputNames?: unknown } | null;
        const outputs = v?.outputs;
        // Without the list, which outputs are secret is unknown: every one is treated as secret (no key is printed).
        const secret = v?.secretOutputNames ?? Object.keys((outputs ?? {}) as object);
        if (!outputs || typeof outputs !== "object" || Array.isArray(outputs)) {
            throw new PlanSetupError(`${file}: ${name}.outputs must be an object of the stack's outputs`);
        }
        if (!Array.isArray(secret) || secret.some((s) => typeof s !== "string")) {
            throw new PlanSetupError(`${file}: ${name}.secretOutputNames must be a list of output names`);
        }
        out[name] = { outputs: outputs as Record<string, unknown>, secretOutputNames: secret as string[] };
    }
    return out;
}

let programRuns = 0;

/**
 * Runs the program module and returns its exports, the stack outputs. Each call runs the program afresh, as each
 * `pulumi preview` does in its own process: the entry module is evaluated again (what it imports, the library, stays
 * loaded), so one process can plan many stacks of one program. Through `require` where this process can require the
 * program (JavaScript, or TypeScript with a `.ts` loader installed: `plan/runTs.js`, tsx), else a dynamic import
 * (TypeScript under vitest, where a query makes each run a new module instance); a CommonJS module's namespace
 * repeats its exports as `default`, dropped here.
 */
async function loadProgram(main: string): Promise<Record<string, unknown>> {
    const run = programRuns++;
    let mod: Record<string, unknown>;
    if (!/\.[cm]?ts$/.test(main) || require.extensions[path.extname(main)] !== undefined) {
        const file = require.resolve(main);
        delete require.cache[file];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mod = require(file) as Record<string, unknown>;
    } else {
        mod = (await import(run === 0 ? main : `${pathToFileURL(main).href}?run=${run}`)) as Record<string, unknown>;
    }
    return Object.fromEntries(Object.entries(mod).filter(([k]) => k !== "default" && k !== "module.exports"));
}

function toWarning(text: string): PlanWarning {
    const m = /^([\w-]+:[^\s:]+): ([\s\S]*)$/.exec(text);
    return m ? { path: m[1], message: m[2] } : { path: "", message: text };
}

/**
 * A config validation error, from this checkout's sources or from an installed copy of the package (its `dist/`
 * defines its own class, so `instanceof` alone misses a consumer program's errors).
 */
function isConfigValidationError(e: unknown): e is ConfigValidationError {
    return (
        e instanceof ConfigValidationError ||
        (e instanceof Error && e.name === "ConfigValidationError" && Array.isArray((e as { issues?: unknown }).issues))
    );
}

/**
 * The location the engine would deploy a resource without a `location` input to, as azure-native fills it in: the
 * provider's `azure-native:location` config, else the location of the resource group it names (unknown while the
 * group's name is). That precedence is the provider's `getDefaultLocation` in pulumi/pulumi-azure-native,
 * `provider/pkg/provider/provider.go` at commit 6d9e7fe5da3ddea283f27995305640427e65761c (and the same order on later
 * versions): 1. the resource's location in the stack's state (an existing resource keeps it; a plan has no state),
 * 2. the config, 3. the resource group's location (read from ARM for a group the program does not create). Only
 * types whose registry record has a `location` input are filled. When neither is known offline (a group the program
 * does not create), the location is unknown and the plan says so: the region rules cannot judge it.
 */
export function fillEngineLocations(resources: PlannedResource[], config: Record<string, string>): PlanWarning[] {
    const configured = config["azure-native:location"];
    const groups = new Map<string, unknown>();
    for (const r of resources)
        if (
            canonicalType(r.type) === "azure-native:resources:ResourceGroup" &&
            typeof r.inputs.resourceGroupName === "string"
        )
            groups.set(r.inputs.resourceGroupName.toLowerCase(), r.inputs.location ?? configured);
    const warnings: PlanWarning[] = [];
    for (const r of resources) {
        if (!r.custom || r.inputs.location !== undefined) continue;
        if (!replacementRulesOf(r.type).some((f) => f.path === "location")) continue;
        const group =
            typeof r.inputs.resourceGroupName === "string"
                ? groups.get(r.inputs.resourceGroupName.toLowerCase())
                : undefined;
        const location = configured ?? group;
        r.inputs.location = typeof location === "string" ? location : UNKNOWN;
        if (r.inputs.location === UNKNOWN)
            warnings.push({
                path: r.urn,
                message:
                    "sets no location and neither azure-native:location nor the location of its resource group is known offline: its region is not judged offline",
            });
    }
    return warnings;
}

/**
 * Runs the offline plan. The program validates its own config, as under `pulumi up`: invalid config stops it before it
 * registers anything, and the plan then holds the validation `errors` and no resources.
 */
export async function runPlan(options: PlanOptions = {}): Promise<Plan> {
    const projectDir = path.resolve(options.projectDir ?? process.cwd());
    const today = options.today ?? new Date();
    const day = today.toISOString().slice(0, 10);
    const files = readStackFiles(projectDir, options.stack ?? "dev", options.configFiles);
    const stack = files.stack;
    const notes = files.notes.map((message) => ({ path: "", message }));
    const base: Plan = {
        project: files.project,
        stack,
        today: day,
        resources: [],
        outputs: [],
        warnings: notes,
        errors: [],
    };
    if (options.typecheck) {
        const typeErrors = typeCheckProgram(projectDir, files.main);
        if (typeErrors.length > 0) {
            return { ...base, errors: typeErrors.map((e) => `type error: ${e}`), errorKind: "typecheck" };
        }
    }

    // The program validates its config itself (as under `pulumi up`) and throws before registering anything.
    const previousToday = process.env.AZURE_AI_MODELS_TODAY;
    process.env.AZURE_AI_MODELS_TODAY = day;
    try {
        const capture = await captureProgram(() => loadProgram(files.main), {
            project: files.project,
            stack,
            config: files.config,
            secretKeys: files.secretKeys,
            preview: options.preview ?? true,
            stackReferences: options.stackReferences,
        });
        const warnings = [...notes, ...capture.warnings.map(toWarning)];
        if (isConfigValidationError(capture.error)) {
            return {
                ...base,
                warnings,
                errors: capture.error.issues.map((e) => `${e.path}: ${e.message}`),
                errorKind: "config",
            };
        }
        if (capture.error !== undefined) throw capture.error;
        // What the engine or Azure would refuse, whatever produced it: the plan refuses it too.
        const refused = [
            ...capture.duplicateUrns.map(
                (urn) =>
                    `${urn}: the program registers this URN more than once; the Pulumi engine refuses a duplicate resource URN (give each resource a unique name)`,
            ),
            ...plannedNameProblems(capture.resources),
            ...capture.transformProblems.map(
                (p) => `${p}; the plan judges what the engine deploys, so it refuses a transform it cannot apply`,
            ),
        ];
        warnings.push(...fillEngineLocations(capture.resources, files.config));
        if (refused.length > 0) return { ...base, warnings, errors: refused, errorKind: "refused" };
        const quota = quotaReport(capture.resources);
        const foundryQuota = foundryQuotaReport(capture.resources);
        const chains = accountChains(capture.resources);
        const plan: Plan = {
            ...base,
            resources: capture.resources,
            outputs: capture.outputs,
            // What the lifecycle watch would report next: a model reaching a lifecycle date within its window.
            warnings: [
                ...warnings,
                ...accountChainWarnings(chains),
                ...lifecycleWarnings(namespaceValues(files.config), today),
            ],
            quota: quota.rows,
            quotaSkipped: quota.skipped,
            ...(foundryQuota.rows.length || foundryQuota.skipped.length
                ? { foundryQuota: foundryQuota.rows, foundryQuotaSkipped: foundryQuota.skipped }
                : {}),
            ...(chains.length ? { accountChains: chains } : {}),
        };
        if (options.policies !== false) {
            // The stack's own custom models and external subscriptions are the pack's config too (see stackPolicy.ts).
            const config = mergePolicyConfig(options.policies ?? {}, stackPolicyConfig(files.config, today));
            // Policies see secret inputs in clear, as in the engine; their messages must not repeat them.
            const hide = redactor(
                plan.resources.flatMap((r) => r.secretInputs.flatMap((k) => stringLeaves(r.inputs[k]))),
            );
            const violations = evaluatePolicies(plan.resources, plan.outputs, config, {
                today: day,
                keyValues: capture.keyValues,
                keyOutputs: capture.keyOutputs,
            }).map((v) => ({
                ...v,
                message: hide(v.message),
            }));
            const notJudged = notJudgedOffline(plan.resources.map(resourceView));
            plan.policies = {
                violations,
                passed: !violations.some(isMandatory),
                ...(notJudged.length ? { notJudged } : {}),
            };
        }
        return plan;
    } finally {
        if (previousToday === undefined) delete process.env.AZURE_AI_MODELS_TODAY;
        else process.env.AZURE_AI_MODELS_TODAY = previousToday;
    }
}
