/**
 * The preflight as a library: the offline plan's targets, then every check at once against Azure Resource Manager
 * (the reader bounds the concurrency), findings in a fixed order.
 */
import type { Plan } from "../plan/run/types";
import type { ArmReader } from "./arm";
import {
    deletedAccountChecks,
    foundryDeploymentChecks,
    managedComputeChecks,
    permissionChecks,
    subdomainChecks,
    type CheckContext,
    type Finding,
    type Severity,
} from "./checks";
import { preflightTargets } from "./targets";

export type { Finding, Severity } from "./checks";

/** What the preflight found, or why it did not run. */
export type PreflightResult =
    | {
          ran: true;
          subscriptionId: string;
          /** Resource Manager endpoint asked. */
          endpoint: string;
          /** Who asked (never a secret). */
          credential: string;
          findings: Finding[];
          /** ARM calls made, retries and pages included. */
          calls: number;
      }
    | { ran: false; reason: string };

export interface PreflightOptions {
    plan: Plan;
    arm: ArmReader;
    subscriptionId: string;
    endpoint: string;
    credential: string;
    /** Planned account name -> name in Azure, from the deployed stack's outputs. @default {} */
    deployedNames?: Record<string, string>;
}

const ORDER: Record<Severity, number> = { blocking: 0, unjudged: 1, warning: 2, ok: 3 };

export async function runPreflight(options: PreflightOptions): Promise<PreflightResult> {
    const targets = preflightTargets(options.plan, options.deployedNames);
    const ctx: CheckContext = {
        arm: options.arm,
        subscriptionId: options.subscriptionId,
        targets,
        today: options.plan.today,
        cache: new Map(),
    };
    const groups = await Promise.all([
        foundryDeploymentChecks(ctx),
        deletedAccountChecks(ctx),
        subdomainChecks(ctx),
        managedComputeChecks(ctx),
        permissionChecks(ctx),
    ]);
    const unknown: Finding[] = targets.unknown.map((u) => ({
        check: "model",
        severity: "unjudged",
        resource: u.resource,
        message: u.reason,
    }));
    const findings = [...groups.flat(), ...unknown].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
    return {
        ran: true,
        subscriptionId: options.subscriptionId,
        endpoint: options.endpoint,
        credential: options.credential,
        findings,
        calls: options.arm.calls,
    };
}

/** Exit code of a preflight (see docs/preflight.md): 1 a blocking finding, 4 something not judged or not run, else 0. */
export function preflightExitCode(result: PreflightResult): number {
    if (!result.ran) return 4;
    if (result.findings.some((f) => f.severity === "blocking")) return 1;
    if (result.findings.some((f) => f.severity === "unjudged")) return 4;
    return 0;
}
