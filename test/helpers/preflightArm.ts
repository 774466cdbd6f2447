/**
 * A loopback stand-in for the read-only Azure Resource Manager operations the preflight and the catalog drift check
 * call, answering with the response shapes of the REST spec (Microsoft.CognitiveServices 2025-06-01: Usages_List,
 * Models_List, LocationBasedModelCapacities_List, DeletedAccounts_List, CheckDomainAvailability, Accounts_Get,
 * Deployments_List; Microsoft.MachineLearningServices 2025-12-01: Usages_List, VirtualMachineSizes_List;
 * Microsoft.Authorization 2022-04-01: Permissions_ListForResourceGroup), from a state the test sets:
 *
 * - every request needs `Authorization: Bearer <token>` (401) and its provider's `api-version` (400);
 * - every list answers `{ value, nextLink }` pages of `pageSize` items (the last page without `nextLink`);
 * - `fail` answers the next matching requests with an ARM error (429 with `Retry-After`, 403, 500, ...);
 * - `delayMs` delays every answer (slow ARM), and a request that takes longer than the client's deadline is dropped.
 *
 * What it cannot prove: Azure's real numbers, its error texts and any rule not listed here. HTTPS on 127.0.0.1 with
 * the test certificate of `armServer.ts`; records every request; must be closed after each test.
 */
import { once } from "node:events";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { TEST_SERVER_CERT, TEST_SERVER_KEY } from "./armServer";

export { TEST_SERVER_CERT };

export interface UsageSeed {
    name: string;
    currentValue: number;
    limit: number;
}
export interface ModelSeed {
    format: string;
    name: string;
    version: string;
    lifecycleStatus?: string;
    /** `model.deprecation.inference`. */
    deprecation?: string;
    skus: { name: string; usageName: string; deprecationDate?: string }[];
}
export interface CapacitySeed {
    format: string;
    name: string;
    version: string;
    skuName: string;
    availableCapacity: number;
}
export interface DeploymentSeed {
    name: string;
    model: { format: string; name: string; version: string };
    sku: string;
    capacity: number;
}

export interface PreflightArmState {
    subscriptionId: string;
    usages?: Record<string, UsageSeed[]>;
    models?: Record<string, ModelSeed[]>;
    capacities?: Record<string, CapacitySeed[]>;
    deletedAccounts?: { name: string; resourceGroup: string; location: string; scheduledPurgeDate?: string }[];
    takenSubdomains?: string[];
    /** Existing accounts by `resourceGroup/name`, with their deployments. */
    accounts?: Record<string, { location: string; deployments: DeploymentSeed[] }>;
    mlUsages?: Record<string, UsageSeed[]>;
    vmSizes?: Record<string, { name: string; family: string; vCPUs: number }[]>;
    /** Permissions per existing resource group; a group not listed answers 404 ResourceGroupNotFound. */
    permissions?: Record<string, { actions: string[]; notActions?: string[] }[]>;
    /** @default 2 */
    pageSize?: number;
    /** @default 0 */
    delayMs?: number;
}

export interface ArmFailure {
    /** Matched against the request path (without the query). */
    pathIncludes: string;
    status: number;
    code: string;
    message: string;
    retryAfter?: string;
    /** @default 1 */
    times?: number;
}

export interface PreflightArmRequest {
    method: string;
    path: string;
    query: Record<string, string>;
    body: unknown;
    status: number;
}

export interface PreflightArm {
    readonly url: string;
    readonly requests: PreflightArmRequest[];
    /** `METHOD short-path status`: the path from `/providers/` on, `?$skipToken=N` for later pages. */
    log(): string[];
    /** The most requests the server held at once (received, not yet answered). */
    readonly maxInFlight: number;
    fail(failure: ArmFailure): void;
    close(): Promise<void>;
}

const VERSIONS: [RegExp, string][] = [
    [/Microsoft\.CognitiveServices/i, "2025-06-01"],
    [/Microsoft\.MachineLearningServices/i, "2025-12-01"],
    [/Microsoft\.Authorization/i, "2022-04-01"],
];

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const armError = (status: number, code: string, message: string): Answer => ({
    status,
    body: { error: { code, message } },
});

export async function startPreflightArm(state: PreflightArmState): Promise<PreflightArm> {
    const requests: PreflightArmRequest[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const failures: ArmFailure[] = [];
    let origin = "";
    const sub = `/subscriptions/${state.subscriptionId}`;
    const pageSize = state.pageSize ?? 2;

    const page = (url: URL, items: unknown[]): Answer => {
        const skip = Number(url.searchParams.get("$skipToken") ?? 0);
        const value = items.slice(skip, skip + pageSize);
        const next = new URL(url.href);
        next.searchParams.set("$skipToken", String(skip + pageSize));
        const more = skip + pageSize < items.length;
        return { status: 200, body: more ? { value, nextLink: `${origin}${next.pathname}${next.search}` } : { value } };
    };

    const usage = (u: UsageSeed) => ({
        name: { value: u.name, localizedValue: u.name },
        currentValue: u.currentValue,
        limit: u.limit,
        unit: "Count",
    });

    const route = (method: string, url: URL, body: unknown): Answer => {
        const p = url.pathname;
        let m: RegExpExecArray | null;
        const cs = `${sub}/providers/Microsoft.CognitiveServices`;
        if (method === "POST" && p === `${cs}/checkDomainAvailability`) {
            const name = String((body as { subdomainName?: unknown })?.subdomainName ?? "");
            const taken = (state.takenSubdomains ?? []).includes(name);
            return {
                status: 200,
                body: {
                    isSubdomainAvailable: !taken,
                    reason: taken ? `Sub domain name '${name}' is not available.` : null,
                    subdomainName: name,
                    type: "Microsoft.CognitiveServices/accounts",
                },
            };
        }
        if (method !== "GET") return armError(405, "MethodNotAllowed", `${method} ${p}`);
        if ((m = new RegExp(`^${cs}/locations/([^/]+)/usages$`).exec(p)))
            return page(url, (state.usages?.[m[1]] ?? []).map(usage));
        if ((m = new RegExp(`^${cs}/locations/([^/]+)/models$`).exec(p)))
            return page(
                url,
                (state.models?.[m[1]] ?? []).map((x) => modelBody(x)),
            );
        if ((m = new RegExp(`^${cs}/locations/([^/]+)/modelCapacities$`).exec(p))) {
            const q = (k: string) => url.searchParams.get(k);
            const rows = (state.capacities?.[m[1]] ?? []).filter(
                (c) => c.format === q("modelFormat") && c.name === q("modelName") && c.version === q("modelVersion"),
            );
            return page(
                url,
                rows.map((c) => capacityBody(state.subscriptionId, m![1], c)),
            );
        }
        if (p === `${cs}/deletedAccounts`)
            return page(
                url,
                (state.deletedAccounts ?? []).map((d) => ({
                    id: `${sub}/providers/Microsoft.CognitiveServices/locations/${d.location}/resourceGroups/${d.resourceGroup}/deletedAccounts/${d.name}`,
                    name: d.name,
                    type: "Microsoft.CognitiveServices/accounts",
                    location: d.location,
                    kind: "AIServices",
                    properties: {
                        deletionDate: "2026-11-30T10:00:00Z",
                        scheduledPurgeDate: d.scheduledPurgeDate ?? "2026-12-02T10:00:00Z",
                    },
                })),
            );
        const rgCs = new RegExp(
            `^${sub}/resourceGroups/([^/]+)/providers/Microsoft\\.CognitiveServices/accounts/([^/]+)(/deployments)?$`,
        );
        if ((m = rgCs.exec(p))) {
            const account = state.accounts?.[`${m[1]}/${m[2]}`];
            if (!account)
                return armError(
                    404,
                    "ResourceNotFound",
                    `The Resource 'Microsoft.CognitiveServices/accounts/${m[2]}' under resource group '${m[1]}' was not found.`,
                );
            const id = `${sub}/resourceGroups/${m[1]}/providers/Microsoft.CognitiveServices/accounts/${m[2]}`;
            if (!m[3])
                return {
                    status: 200,
                    body: {
                        id,
                        name: m[2],
                        type: "Microsoft.CognitiveServices/accounts",
                        kind: "AIServices",
                        location: account.location,
                        properties: { provisioningState: "Succeeded" },
                    },
                };
            return page(
                url,
                account.deployments.map((d) => ({
                    id: `${id}/deployments/${d.name}`,
                    name: d.name,
                    type: "Microsoft.CognitiveServices/accounts/deployments",
                    sku: { name: d.sku, capacity: d.capacity },
                    properties: { model: d.model, provisioningState: "Succeeded" },
                })),
            );
        }
        const ml = `${sub}/providers/Microsoft.MachineLearningServices/locations/([^/]+)`;
        if ((m = new RegExp(`^${ml}/usages$`).exec(p)))
            return page(
                url,
                (state.mlUsages?.[m[1]] ?? []).map((u) => ({
                    ...usage(u),
                    type: "Microsoft.MachineLearningServices/vmFamily",
                    amlWorkspaceLocation: m![1],
                })),
            );
        if ((m = new RegExp(`^${ml}/vmSizes$`).exec(p)))
            return { status: 200, body: { value: state.vmSizes?.[m[1]] ?? [] } };
        if (
            (m = new RegExp(`^${sub}/resourceGroups/([^/]+)/providers/Microsoft\\.Authorization/permissions$`).exec(p))
        ) {
            const perms = state.permissions?.[m[1]];
            if (!perms) return armError(404, "ResourceGroupNotFound", `Resource group '${m[1]}' could not be found.`);
            return page(
                url,
                perms.map((x) => ({
                    actions: x.actions,
                    notActions: x.notActions ?? [],
                    dataActions: [],
                    notDataActions: [],
                })),
            );
        }
        return armError(404, "NotFound", `no route ${method} ${p}`);
    };

    const answer = (method: string, url: URL, auth: string | undefined, body: unknown): Answer => {
        if (!auth?.startsWith("Bearer ")) return armError(401, "AuthenticationFailed", "no bearer token");
        const version = VERSIONS.find(([re]) => re.test(url.pathname))?.[1];
        if (version && url.searchParams.get("api-version") !== version)
            return armError(
                400,
                "InvalidApiVersionParameter",
                `api-version ${url.searchParams.get("api-version")} is not ${version}`,
            );
        const f = failures.find((x) => url.pathname.includes(x.pathIncludes) && (x.times ?? 1) > 0);
        if (f) {
            f.times = (f.times ?? 1) - 1;
            return {
                ...armError(f.status, f.code, f.message),
                headers: f.retryAfter ? { "retry-after": f.retryAfter } : {},
            };
        }
        return route(method, url, body);
    };

    const server = createServer({ cert: TEST_SERVER_CERT, key: TEST_SERVER_KEY }, (req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const url = new URL(req.url ?? "/", origin);
            const text = Buffer.concat(chunks).toString("utf8");
            const body = text ? (JSON.parse(text) as unknown) : undefined;
            const a = answer(req.method ?? "", url, req.headers.authorization, body);
            requests.push({
                method: req.method ?? "",
                path: url.pathname,
                query: Object.fromEntries(url.searchParams),
                body,
                status: a.status,
            });
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            const send = () => {
                inFlight -= 1;
                if (res.destroyed) return;
                res.writeHead(a.status, { "content-type": "application/json", ...(a.headers ?? {}) });
                res.end(JSON.stringify(a.body));
            };
            if (state.delayMs) setTimeout(send, state.delayMs);
            else send();
        });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        url: origin,
        requests,
        get maxInFlight() {
            return maxInFlight;
        },
        log: () =>
            requests.map((r) => {
                const short = r.path.replace(/^.*?\/providers\//, "");
                return `${r.method} ${short}${r.query.$skipToken ? `?$skipToken=${r.query.$skipToken}` : ""} ${r.status}`;
            }),
        fail: (f) => failures.push({ ...f }),
        close: async () => {
            server.closeAllConnections();
            server.close();
            await once(server, "close");
        },
    };
}

/** A Models_List entry (the spec's Model: kind, skuName, model: AccountModel with skus: ModelSku[]). */
function modelBody(m: ModelSeed) {
    return {
        kind: "AIServices",
        skuName: "S0",
        model: {
            format: m.format,
            name: m.name,
            version: m.version,
            lifecycleStatus: m.lifecycleStatus ?? "GenerallyAvailable",
            isDefaultVersion: true,
            ...(m.deprecation ? { deprecation: { inference: m.deprecation } } : {}),
            skus: m.skus.map((s) => ({
                name: s.name,
                usageName: s.usageName,
                capacity: { default: 100, maximum: 10000 },
                ...(s.deprecationDate ? { deprecationDate: s.deprecationDate } : {}),
            })),
        },
    };
}

/** A LocationBasedModelCapacities_List entry (ListLocationBasedModelCapacities.json's shape). */
function capacityBody(subscriptionId: string, location: string, c: CapacitySeed) {
    return {
        id: `/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/locations/${location}/models/${c.format}.${c.name}.${c.version}/skuCapacities/${c.skuName}`,
        type: "Microsoft.CognitiveServices/locations/models/skuCapacities",
        name: c.skuName,
        location,
        properties: {
            model: { format: c.format, name: c.name, version: c.version },
            skuName: c.skuName,
            availableCapacity: c.availableCapacity,
            availableFinetuneCapacity: 0,
        },
    };
}
