/**
 * The preflight's checks: each reads what only Azure knows (through {@link ArmReader}) and returns findings, one per
 * thing `pulumi up` would meet, with the resource, the numbers and the fix. A read that fails or is refused gives an
 * `unjudged` finding, never a pass.
 */
import { ARM_READ_API_VERSIONS as V, ARM_READ_PATHS as P } from "../infra/catalog/armReads";
import { findModel } from "../infra/catalog";
import {
    deletedAccountHolding,
    deletedAccountsRequest,
    readDeletedAccounts,
    type DeletedAccount,
} from "../infra/util/deletedAccounts";
import { ArmCallError, type ArmReader } from "./arm";
import type { AccountTarget, DeploymentTarget, PreflightTargets } from "./targets";

export type Severity = "blocking" | "warning" | "unjudged" | "ok";
export type CheckName =
    "quota" | "capacity" | "model" | "deleted-account" | "subdomain" | "vm-quota" | "vm-size" | "permission";

export interface Finding {
    check: CheckName;
    severity: Severity;
    /** The resource (or region and quota) the finding is about. */
    resource: string;
    message: string;
    /** What to do; absent on `ok`. */
    fix?: string;
}

export interface CheckContext {
    arm: ArmReader;
    subscriptionId: string;
    targets: PreflightTargets;
    /** Day the deprecation dates are compared with, `YYYY-MM-DD`. */
    today: string;
    /** Reads shared between checks (one call per path). */
    cache: Map<string, Promise<unknown>>;
}

const CS = { "api-version": V.cognitiveServices };
const ML = { "api-version": V.machineLearning };
const lower = (s: unknown) => String(s ?? "").toLowerCase();
const num = (v: unknown) => (typeof v === "number" ? v : Number(v));

/** A read shared by every check that needs it. */
function once<T>(ctx: CheckContext, key: string, read: () => Promise<T>): Promise<T> {
    let p = ctx.cache.get(key) as Promise<T> | undefined;
    if (!p) {
        p = read();
        ctx.cache.set(key, p);
    }
    return p;
}

const sub = (ctx: CheckContext, path: string) => `/subscriptions/${ctx.subscriptionId}${path}`;
const list = (ctx: CheckContext, path: string, query: Record<string, string>) =>
    once(ctx, `${path}?${new URLSearchParams(query)}`, () => ctx.arm.list(sub(ctx, path), query));

/** An ARM failure as an `unjudged` finding: what could not be read and what the identity needs. */
export function unread(check: CheckName, resource: string, what: string, e: unknown): Finding {
    if (!(e instanceof ArmCallError)) throw e;
    const fix =
        e.status === 403
            ? "give the preflight identity read access (Reader) on the subscription"
            : e.status === 0
              ? "retry; raise --timeout if Azure answers slowly"
              : "retry later; the finding stays open until the read succeeds";
    return { check, severity: "unjudged", resource, message: `could not read ${what}: ${e.message}`, fix };
}

// ---- Foundry: the account -----------------------------------------------------------------------------------

interface AccountState {
    exists: boolean;
    /** Capacity of its deployments by name, with model and SKU. */
    deployments: Map<string, { model: string; sku: string; capacity: number }>;
}

/** The account as Azure has it: whether it exists, and its deployments. */
export function accountState(ctx: CheckContext, a: AccountTarget): Promise<AccountState> {
    return once(ctx, `account:${a.resourceGroup}/${a.name}`, async () => {
        try {
            await ctx.arm.get(sub(ctx, P.account(a.resourceGroup, a.name)), CS);
        } catch (e) {
            if (e instanceof ArmCallError && e.status === 404) return { exists: false, deployments: new Map() };
            throw e;
        }
        const items = await ctx.arm.list(sub(ctx, P.accountDeployments(a.resourceGroup, a.name)), CS);
        const deployments = new Map<string, { model: string; sku: string; capacity: number }>();
        for (const d of items as {
            name?: string;
            sku?: { name?: string; capacity?: number };
            properties?: { model?: { name?: string } };
        }[])
            deployments.set(lower(d.name), {
                model: lower(d.properties?.model?.name),
                sku: lower(d.sku?.name),
                capacity: num(d.sku?.capacity ?? 0),
            });
        return { exists: true, deployments };
    });
}

export async function deletedAccountChecks(ctx: CheckContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    const accounts = ctx.targets.accounts.filter((a) => !a.synthetic);
    if (accounts.length === 0) return findings;
    let deleted: DeletedAccount[];
    try {
        const { path, query } = deletedAccountsRequest(ctx.subscriptionId);
        deleted = readDeletedAccounts(await once(ctx, path, () => ctx.arm.list(path, query)));
    } catch (e) {
        return accounts.map((a) => unread("deleted-account", a.name, "the soft-deleted accounts", e));
    }
    for (const a of accounts) {
        const hit = deletedAccountHolding(deleted, a.name);
        if (!hit) {
            findings.push({
                check: "deleted-account",
                severity: "ok",
                resource: a.name,
                message: "no soft-deleted account holds the name",
            });
            continue;
        }
        const rg = hit.resourceGroup || a.resourceGroup;
        const location = hit.location || a.location;
        findings.push({
            check: "deleted-account",
            severity: "blocking",
            resource: a.name,
            message: `a soft-deleted account ${hit.name} (resource group ${rg}, ${location}${hit.scheduledPurgeDate ? `, purged on ${hit.scheduledPurgeDate}` : ""}) holds the name and its subdomain: creating the account fails (FlagMustBeSetForRestore)`,
            fix: `restore it (properties.restore: true) or purge it first: az cognitiveservices account purge --name ${hit.name} --resource-group ${rg} --location ${location}`,
        });
    }
    return findings;
}

export async function subdomainChecks(ctx: CheckContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const a of ctx.targets.accounts) {
        if (a.synthetic) {
            findings.push({
                check: "subdomain",
                severity: "unjudged",
                resource: a.resource,
                message: `the name ${a.name} ends in a random suffix the plan made up; the real one is drawn at the first pulumi up and kept in state`,
                fix: "pass the deployed stack's outputs (--outputs, from pulumi stack output --json) or set customSubDomain to check the name",
            });
            continue;
        }
        try {
            if ((await accountState(ctx, a)).exists) {
                findings.push({
                    check: "subdomain",
                    severity: "ok",
                    resource: a.name,
                    message: "the account exists: the subdomain is its own",
                });
                continue;
            }
            const body = {
                subdomainName: a.subdomain,
                type: "Microsoft.CognitiveServices/accounts",
                kind: "AIServices",
            };
            const answer = (await once(ctx, `domain:${a.subdomain}`, () =>
                ctx.arm.post(sub(ctx, P.checkDomainAvailability()), CS, body),
            )) as { isSubdomainAvailable?: boolean; reason?: string };
            findings.push(
                answer.isSubdomainAvailable === true
                    ? {
                          check: "subdomain",
                          severity: "ok",
                          resource: a.name,
                          message: `subdomain ${a.subdomain} is available`,
                      }
                    : {
                          check: "subdomain",
                          severity: "blocking",
                          resource: a.name,
                          message: `subdomain ${a.subdomain} is not available${answer.reason ? `: ${answer.reason}` : ""}`,
                          fix: "choose another customSubDomain (it must be unique in all of Azure), or restore the soft-deleted account that holds it",
                      },
            );
        } catch (e) {
            findings.push(unread("subdomain", a.name, `the availability of subdomain ${a.subdomain}`, e));
        }
    }
    return findings;
}

// ---- Foundry: models, quota, capacity ---------------------------------------------------------------------

interface ModelSku {
    name?: string;
    usageName?: string;
    deprecationDate?: string;
}
interface LocationModel {
    model?: {
        format?: string;
        name?: string;
        version?: string;
        lifecycleStatus?: string;
        deprecation?: { inference?: string };
        skus?: ModelSku[];
    };
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : undefined);

/** The model entry and SKU Azure offers for a deployment, or the finding that says why not. */
export async function modelCheck(
    ctx: CheckContext,
    d: DeploymentTarget,
): Promise<{ finding: Finding; sku?: ModelSku }> {
    const resource = d.label;
    let models: LocationModel[];
    try {
        models = (await list(ctx, P.cognitiveModels(d.account.location), CS)) as LocationModel[];
    } catch (e) {
        return { finding: unread("model", resource, `the models of ${d.account.location}`, e) };
    }
    const same = models.filter(
        (m) => lower(m.model?.format) === lower(d.format) && lower(m.model?.name) === lower(d.model),
    );
    const block = (message: string, fix: string): { finding: Finding } => ({
        finding: { check: "model", severity: "blocking", resource, message, fix },
    });
    if (same.length === 0)
        return block(
            `${d.format} ${d.model} is not offered to this subscription in ${d.account.location}`,
            "deploy it in a region that lists it (az cognitiveservices model list --location REGION), or check the model's name and format",
        );
    const entry = same.find((m) => m.model?.version === d.version);
    const versions = [...new Set(same.map((m) => String(m.model?.version)))].join(", ");
    if (!entry)
        return block(
            `${d.model} version ${d.version} is not offered in ${d.account.location} (offered: ${versions})`,
            `deploy one of the offered versions: ${versions}`,
        );
    const sku = entry.model?.skus?.find((s) => lower(s.name) === lower(d.sku));
    if (!sku) {
        const skus = (entry.model?.skus ?? []).map((s) => s.name).join(", ") || "none";
        return block(
            `${d.model} ${d.version} has no SKU ${d.sku} in ${d.account.location} (offered: ${skus})`,
            `use one of the offered SKUs: ${skus}`,
        );
    }
    const deprecated = day(sku.deprecationDate) ?? day(entry.model?.deprecation?.inference);
    const lc = findModel(d.model)?.foundry?.lifecycle;
    const catalogSays = lc?.deprecated ?? lc?.retired;
    const catalog = catalogSays ? `the catalog says ${catalogSays}` : "the catalog lists no deprecation";
    if (deprecated && deprecated <= ctx.today)
        return block(
            `Azure deprecated ${d.model} ${d.version} (${d.sku}) for this subscription on ${deprecated}; ${catalog}: new deployments are refused`,
            `deploy another version or model (offered versions: ${versions}), and update the catalog's lifecycle of ${d.model}`,
        );
    const status = entry.model?.lifecycleStatus ? `, ${entry.model.lifecycleStatus}` : "";
    if (deprecated && deprecated !== catalogSays)
        return {
            sku,
            finding: {
                check: "model",
                severity: "warning",
                resource,
                message: `${d.model} ${d.version} (${d.sku}) is offered${status}; Azure deprecates it on ${deprecated}, ${catalog}`,
                fix: `plan the move before ${deprecated}, and update the catalog's lifecycle of ${d.model}`,
            },
        };
    return {
        sku,
        finding: {
            check: "model",
            severity: "ok",
            resource,
            message: `${d.model} ${d.version} (${d.sku}) is offered${status}`,
        },
    };
}

/** What one usage (region and quota name) must hold: the stack's deployments that draw on it. */
interface UsageGroup {
    location: string;
    usageName: string;
    deployments: DeploymentTarget[];
}

/** Quota per region and usage name: what the stack adds, what it already holds, what the rest of the subscription uses. */
export async function quotaCheck(ctx: CheckContext, g: UsageGroup): Promise<Finding[]> {
    const resource = `${g.usageName} in ${g.location}`;
    let usages: { name?: { value?: string }; currentValue?: number; limit?: number }[];
    const held = new Map<DeploymentTarget, number>();
    try {
        usages = (await list(ctx, P.cognitiveUsages(g.location), CS)) as typeof usages;
        for (const d of g.deployments) {
            const state = await accountState(ctx, d.account);
            const existing = state.deployments.get(lower(d.name));
            held.set(
                d,
                existing && existing.model === lower(d.model) && existing.sku === lower(d.sku) ? existing.capacity : 0,
            );
        }
    } catch (e) {
        return [unread("quota", resource, "the quota usage", e)];
    }
    const usage = usages.find((u) => lower(u.name?.value) === lower(g.usageName));
    if (!usage)
        return [
            {
                check: "quota",
                severity: "unjudged",
                resource,
                message: `Azure's usages of ${g.location} list no ${g.usageName}`,
                fix: "check the quota in the Foundry portal (Management center > Quota)",
            },
        ];
    if (!Number.isFinite(num(usage.currentValue)) || !Number.isFinite(num(usage.limit)))
        return [
            {
                check: "quota",
                severity: "unjudged",
                resource,
                message: `Azure's usage of ${g.usageName} in ${g.location} has no number for its use or limit`,
                fix: "check the quota in the Foundry portal (Management center > Quota)",
            },
        ];
    const asked = g.deployments.reduce((s, d) => s + d.capacity, 0);
    const holds = [...held.values()].reduce((s, n) => s + n, 0);
    const used = num(usage.currentValue);
    const limit = num(usage.limit);
    const others = used - holds;
    const need = asked - holds;
    const free = limit - used;
    const names = g.deployments.map((d) => d.label).join(", ");
    const numbers = `the stack asks ${asked} (${names}; ${holds} of it already deployed), the subscription uses ${used} of ${limit} (${others} by other deployments)`;
    if (need > free)
        return [
            {
                check: "quota",
                severity: "blocking",
                resource,
                message: `${numbers}: ${need - free} short (InsufficientQuota)`,
                fix: `request ${need - free} more of ${g.usageName} in ${g.location} (Foundry portal > Quota), lower the capacity, or free units from other deployments`,
            },
        ];
    return [
        { check: "quota", severity: "ok", resource, message: `${numbers}: ${free - need} left after the deployment` },
    ];
}

/** Available capacity of the model, version and SKU in the region (`modelCapacities`). */
export async function capacityCheck(ctx: CheckContext, d: DeploymentTarget): Promise<Finding> {
    const query = { ...CS, modelFormat: d.format, modelName: d.model, modelVersion: d.version };
    try {
        const items = (await list(ctx, P.modelCapacities(d.account.location), query)) as {
            properties?: { skuName?: string; availableCapacity?: number };
        }[];
        const state = await accountState(ctx, d.account);
        const existing = state.deployments.get(lower(d.name));
        // As in the quota check: only a deployment of the same model and SKU holds capacity this one can reuse.
        const held =
            existing && existing.model === lower(d.model) && existing.sku === lower(d.sku) ? existing.capacity : 0;
        const row = items.find((i) => lower(i.properties?.skuName) === lower(d.sku));
        if (!row)
            return {
                check: "capacity",
                severity: "unjudged",
                resource: d.label,
                message: `modelCapacities of ${d.account.location} list no ${d.sku} capacity for ${d.model} ${d.version}`,
            };
        const available = num(row.properties?.availableCapacity);
        const need = d.capacity - held;
        if (need > available)
            return {
                check: "capacity",
                severity: "blocking",
                resource: d.label,
                message: `${d.sku} capacity of ${d.model} ${d.version} in ${d.account.location}: ${available} available, the deployment needs ${need} more`,
                fix: `lower the capacity to at most ${held + available}, or deploy in another region`,
            };
        return {
            check: "capacity",
            severity: "ok",
            resource: d.label,
            message: `${available} of ${d.sku} capacity available in ${d.account.location}, ${need} needed`,
        };
    } catch (e) {
        return unread("capacity", d.label, `the model capacity in ${d.account.location}`, e);
    }
}

/** Models, quota and capacity of every Foundry deployment. */
export async function foundryDeploymentChecks(ctx: CheckContext): Promise<Finding[]> {
    const results = await Promise.all(ctx.targets.deployments.map(async (d) => ({ d, ...(await modelCheck(ctx, d)) })));
    const groups = new Map<string, UsageGroup>();
    for (const r of results) {
        if (!r.sku?.usageName) continue;
        const key = `${r.d.account.location}|${lower(r.sku.usageName)}`;
        const g = groups.get(key) ?? { location: r.d.account.location, usageName: r.sku.usageName, deployments: [] };
        g.deployments.push(r.d);
        groups.set(key, g);
    }
    const quota = await Promise.all([...groups.values()].map((g) => quotaCheck(ctx, g)));
    const capacity = await Promise.all(results.filter((r) => r.sku).map((r) => capacityCheck(ctx, r.d)));
    const noUsage: Finding[] = results
        .filter((r) => r.sku && !r.sku.usageName)
        .map((r) => ({
            check: "quota",
            severity: "unjudged",
            resource: r.d.label,
            message: `Azure names no quota usage for ${r.d.model} ${r.d.sku}`,
        }));
    return [...results.map((r) => r.finding), ...quota.flat(), ...noUsage, ...capacity];
}

// ---- Hub: managed compute ---------------------------------------------------------------------------------

const family = (s: unknown) => lower(s).replace(/[^a-z0-9]/g, "");

export async function managedComputeChecks(ctx: CheckContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const row of ctx.targets.quota) {
        const resource = `${row.family} in ${row.region}`;
        try {
            const usages = (await list(ctx, P.mlUsages(row.region), ML)) as {
                name?: { value?: string };
                currentValue?: number;
                limit?: number;
            }[];
            const u = usages.find((x) => family(x.name?.value) === family(row.family));
            if (!u || !Number.isFinite(num(u.limit)) || !Number.isFinite(num(u.currentValue))) {
                findings.push({
                    check: "vm-quota",
                    severity: "unjudged",
                    resource,
                    message: u
                        ? `Azure's usage of ${row.family} in ${row.region} has no number for its use or limit`
                        : `Azure's usages of ${row.region} list no ${row.family}`,
                });
                continue;
            }
            const free = num(u.limit) - num(u.currentValue);
            const numbers = `${row.cores} cores needed (${row.deployments.join(", ")}), ${num(u.currentValue)} of ${num(u.limit)} in use`;
            findings.push(
                row.cores > free
                    ? {
                          check: "vm-quota",
                          severity: "blocking",
                          resource,
                          message: `${numbers}: ${row.cores - free} short`,
                          fix: `request ${row.cores - free} more ${row.family} cores in ${row.region} (Azure ML quota), or lower the instance count`,
                      }
                    : { check: "vm-quota", severity: "ok", resource, message: `${numbers}: fits` },
            );
        } catch (e) {
            findings.push(unread("vm-quota", resource, "the Azure ML core usage", e));
        }
    }
    for (const m of ctx.targets.managed) {
        try {
            const sizes = (await list(ctx, P.mlVmSizes(m.location), ML)) as { name?: string }[];
            const offered = sizes.some((s) => lower(s.name) === lower(m.instanceType));
            findings.push(
                offered
                    ? {
                          check: "vm-size",
                          severity: "ok",
                          resource: m.label,
                          message: `${m.instanceType} is offered in ${m.location}`,
                      }
                    : {
                          check: "vm-size",
                          severity: "blocking",
                          resource: m.label,
                          message: `${m.instanceType} is not offered to this subscription in ${m.location}`,
                          fix: "choose a VM size listed by az ml compute list-sizes for the region, or another region",
                      },
            );
        } catch (e) {
            findings.push(unread("vm-size", m.label, `the VM sizes of ${m.location}`, e));
        }
    }
    return findings;
}

// ---- The deployer ------------------------------------------------------------------------------------------

/** True when an action pattern (`*`, `Microsoft.CognitiveServices/*`) covers the action, ignoring case. */
export function actionMatches(pattern: string, action: string): boolean {
    const re = new RegExp(
        `^${pattern
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
            .join(".*")}$`,
        "i",
    );
    return re.test(action);
}

export async function permissionChecks(ctx: CheckContext): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (const [rg, actions] of ctx.targets.actions) {
        let perms: { actions?: string[]; notActions?: string[] }[];
        try {
            perms = (await list(ctx, P.permissions(rg), { "api-version": V.authorization })) as typeof perms;
        } catch (e) {
            if (e instanceof ArmCallError && e.status === 404) {
                findings.push({
                    check: "permission",
                    severity: "unjudged",
                    resource: `resource group ${rg}`,
                    message: `resource group ${rg} does not exist yet: the deployer's permissions in it cannot be read before pulumi up creates it`,
                    fix: "create the resource group first, or make sure the deployer has Contributor and Role Based Access Control Administrator on the subscription",
                });
                continue;
            }
            findings.push(unread("permission", `resource group ${rg}`, "the deployer's permissions", e));
            continue;
        }
        for (const [action, resources] of actions) {
            const allowed = perms.some(
                (p) =>
                    (p.actions ?? []).some((a) => actionMatches(a, action)) &&
                    !(p.notActions ?? []).some((a) => actionMatches(a, action)),
            );
            findings.push(
                allowed
                    ? {
                          check: "permission",
                          severity: "ok",
                          resource: `resource group ${rg}`,
                          message: `the deployer may ${action}`,
                      }
                    : {
                          check: "permission",
                          severity: "blocking",
                          resource: resources.join(", "),
                          message: `the deployer may not ${action} in resource group ${rg} (AuthorizationFailed at pulumi up)`,
                          fix: action.startsWith("Microsoft.Authorization/")
                              ? `grant the deployer Role Based Access Control Administrator (or User Access Administrator) on ${rg}`
                              : `grant the deployer a role with ${action} (e.g. Contributor) on ${rg}`,
                      },
            );
        }
    }
    return findings;
}
