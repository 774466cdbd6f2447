/**
 * What the offline plan captures of a stack program run under Pulumi's mock runtime: the same view the Pulumi
 * engine has of a preview (resource inputs, parents, dependencies, options, stack outputs).
 */

import type { EnforcementLevel } from "../../policies/lib/config";
import type { PlanErrorKind } from "./problems";
import type { NotJudged } from "../../policies/lib/securityInputs";
import { UNKNOWN } from "../../policies/lib/unknown";

/** Marks a value only Azure can know during a preview (rendered as `[unknown]`); the policies own it. */
export { UNKNOWN };
/** Marks a secret value (rendered as `[secret]`); its real value never leaves the plan. */
export const SECRET = "[secret]";

export interface PlannedResource {
    urn: string;
    /** Pulumi type token, e.g. `azure-native:machinelearningservices:ServerlessEndpoint`. */
    type: string;
    /** Logical name. */
    name: string;
    /** True for provider resources (Azure), false for components and the stack. */
    custom: boolean;
    /** URN of the parent resource; absent only for the root stack. */
    parent?: string;
    /** URNs of every resource this one depends on (explicit `dependsOn` and those its inputs carry). */
    dependencies: string[];
    /** For each input property, the URNs its value came from. */
    propertyDependencies: Record<string, string[]>;
    /**
     * Inputs as the engine receives them, with unknown values replaced by {@link UNKNOWN}. Secret inputs keep
     * their value here (policies see them as the engine does) and are listed in `secretInputs`.
     */
    inputs: Record<string, unknown>;
    /** Top-level input names whose value is secret. */
    secretInputs: string[];
    /** Resource options that matter for review. */
    options: {
        deleteBeforeReplace?: boolean;
        protect?: boolean;
        ignoreChanges?: string[];
        replaceOnChanges?: string[];
        additionalSecretOutputs?: string[];
        provider?: string;
        /** How long the engine waits for a create, update or delete (`"90m"`); empty: the provider's default. */
        customTimeouts?: { create: string; update: string; delete: string };
    };
}

export interface PlannedOutput {
    /** Output name (`deployments`, `workspace`, ...). */
    name: string;
    /** Value with secrets replaced by {@link SECRET} and unknowns by {@link UNKNOWN}. */
    value: unknown;
    /** True when the output, or any value inside it, is secret. */
    secret: boolean;
    /** JSON paths (`deployments.chat.primaryKey`) of the secret values inside the output. */
    secretPaths: string[];
    /**
     * The value as the program produced it, secrets included in the clear. Never printed: policies that check
     * for plaintext keys in outputs read it, as the CLI's stack policies see the stack's outputs.
     */
    rawValue: unknown;
}

export interface PlanWarning {
    /** Config path or resource URN the warning is about. */
    path: string;
    message: string;
}

/** One policy violation, as `pulumi preview` prints it. */
export interface PolicyViolation {
    policyName: string;
    /** The level the policy ran at (`remediate` is reported as `mandatory`, as the CLI does for validating policies). */
    enforcementLevel: EnforcementLevel;
    message: string;
    /** The resource in violation; absent when a stack rule reports the stack as a whole. */
    urn?: string;
    resourceName?: string;
    resourceType?: string;
}

/** One policy violation found on the plan, as `evaluatePolicies` (`plan/checks/policy.ts`) returns it. */
export type PlanViolation = PolicyViolation;

/**
 * True for a violation that blocks the deployment. The plan never reports `remediate`: the pack runs it as
 * `mandatory` (`effectiveLevel`), as the CLI does for policies that only validate.
 */
export function isMandatory(v: Pick<PlanViolation, "enforcementLevel">): boolean {
    return v.enforcementLevel === "mandatory";
}

/** Cores of VM quota the managed deployments need, per region and VM family (one row each). */
export interface QuotaRow {
    region: string;
    /** Quota family, e.g. `Standard NCADSA100v4 Family`. */
    family: string;
    /** `endpoint/deployment` names counted in this row. */
    deployments: string[];
    /** Instances (the maximum, for autoscale). */
    instances: number;
    /** Cores to request: instances x vCPUs, with the 20% reserve where the size is not exempt. */
    cores: number;
    /** True when the 20% reserve was added for at least one size in the row. */
    reserveApplied: boolean;
}

/** Foundry capacity the deployments ask, per region, model and SKU, against the model's default quota. */
export interface FoundryQuotaRow {
    region: string;
    /** Catalog name of the model. */
    model: string;
    /** Deployment SKU, e.g. `GlobalStandard`. */
    sku: string;
    /** `account/deployment` names counted in this row. */
    deployments: string[];
    /** Capacity units asked, summed over the deployments. */
    capacity: number;
    /** The same in tokens per minute. */
    tokensPerMinute: number;
    /** Default quota of the model per subscription and region, in capacity units. */
    defaultQuota: number;
    /** True when the capacity is above the default quota: request an increase first. */
    overDefault: boolean;
}

export interface Plan {
    project: string;
    stack: string;
    /** Day the lifecycle checks ran against, `YYYY-MM-DD`. */
    today: string;
    resources: PlannedResource[];
    outputs: PlannedOutput[];
    warnings: PlanWarning[];
    /** Why the plan failed, one line each; when there are any, `resources` is empty. */
    errors: string[];
    /** What the errors are (absent: config errors, as in plans written before this field). */
    errorKind?: PlanErrorKind;
    /** Quota the managed deployments need (empty without managed compute; shared-quota deployments excluded). */
    quota?: QuotaRow[];
    /** Managed deployments the quota table leaves out, and why. */
    quotaSkipped?: { deployment: string; reason: string }[];
    /** Foundry capacity per region, model and SKU (empty without Foundry deployments). */
    foundryQuota?: FoundryQuotaRow[];
    /** Foundry deployments the capacity table leaves out, and why. */
    foundryQuotaSkipped?: { deployment: string; reason: string }[];
    /** The writes to each Foundry account, in the order `pulumi up` makes them (absent without a Foundry account). */
    accountChains?: AccountChain[];
    /** Policy pack results; absent when the policies did not run (invalid config, or turned off). */
    policies?: {
        violations: PlanViolation[];
        /** True when no mandatory policy is violated. */
        passed: boolean;
        /**
         * Security inputs the mandatory rules judge whose values are unknown during the preview: not violations,
         * never passes; the reports list them as "not judged offline". @default []
         */
        notJudged?: NotJudged[];
    };
}

/** One write of a chain. */
export interface AccountChainWrite {
    /** Logical name of the resource. */
    name: string;
    /** Its type, e.g. `azure-native:cognitiveservices:Deployment`. */
    type: string;
}

/** The writes to one account, in the order they run. */
export interface AccountChain {
    /** Logical name of the account resource. */
    account: string;
    /** The writes after the account's own creation, ordered by their dependencies. */
    writes: AccountChainWrite[];
    /** Pairs of writes (logical names) nothing orders: `pulumi up` may run them at the same time. */
    concurrent: [string, string][];
}
