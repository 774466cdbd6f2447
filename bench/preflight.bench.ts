/**
 * The preflight goal: a stack with 32 Foundry deployments on 3 accounts in 3 regions, preflighted against a loopback
 * ARM that answers every call after 100 ms (goal: at most 1.5 s, from the calls running in parallel). Run by
 * `npm run bench` as its own process; prints the figure, asserts nothing.
 *
 * The loopback ARM here answers with the REST spec's shapes (usages, models, modelCapacities, deletedAccounts,
 * accounts and their deployments, permissions), enough for every check to be judged; plain HTTP on 127.0.0.1, so
 * the bench needs no certificate. The plan is built in memory: its own cost is the plan benchmarks' (P1, P2).
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { FOUNDRY_OFFERS } from "../infra/catalog";
import type { Plan, PlannedResource } from "../plan/run/types";
import { armReader } from "../preflight/arm";
import { runPreflight } from "../preflight/run";

const SUB = "00000000-0000-0000-0000-0000000000b1";
const REGIONS = ["swedencentral", "eastus2", "westus3"];
const DEPLOYMENTS = 32;
const DELAY_MS = 100;

function resource(type: string, name: string, inputs: Record<string, unknown>): PlannedResource {
    return {
        urn: `urn:pulumi:bench::p::${type}::${name}`,
        type,
        name,
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs,
        secretInputs: [],
        options: {},
    };
}

function plan(): Plan {
    const offers = FOUNDRY_OFFERS.filter((o) => o.skus.some((s) => s.sku === "GlobalStandard") && !o.task).slice(0, 11);
    const resources: PlannedResource[] = [];
    REGIONS.forEach((region, i) => {
        const rg = `rg-bench-${i}`;
        resources.push(
            resource("azure-native:resources:ResourceGroup", rg, { resourceGroupName: rg, location: region }),
        );
        resources.push(
            resource("azure-native:cognitiveservices:Account", `account-${i}`, {
                accountName: `bench-${i}`,
                resourceGroupName: rg,
                location: region,
                properties: { customSubDomainName: `bench-${i}` },
            }),
        );
    });
    for (let d = 0; d < DEPLOYMENTS; d++) {
        const i = d % REGIONS.length;
        const o = offers[d % offers.length];
        resources.push(
            resource("azure-native:cognitiveservices:Deployment", `deployment-${d}`, {
                accountName: `bench-${i}`,
                resourceGroupName: `rg-bench-${i}`,
                deploymentName: `d${d}`,
                properties: { model: { format: o.format, name: o.name, version: o.version } },
                sku: { name: "GlobalStandard", capacity: 10 },
            }),
        );
    }
    return { project: "bench", stack: "bench", today: "2026-12-01", resources, outputs: [], warnings: [], errors: [] };
}

/** Every read the preflight makes, answered after DELAY_MS. */
async function loopbackArm(p: Plan): Promise<{ url: string; close: () => Promise<void> }> {
    const deployments = p.resources.filter((r) => r.type.endsWith(":Deployment"));
    const models = deployments.map(
        (r) => (r.inputs.properties as { model: { format: string; name: string; version: string } }).model,
    );
    const usageName = (m: { name: string }) => `AIServices.GlobalStandard.${m.name}`;
    const answer = (path: string, query: URLSearchParams): unknown => {
        if (path.endsWith("/usages"))
            return {
                value: models.map((m) => ({
                    name: { value: usageName(m) },
                    currentValue: 0,
                    limit: 1000,
                    unit: "Count",
                })),
            };
        if (path.endsWith("/models"))
            return {
                value: models.map((m) => ({
                    kind: "AIServices",
                    model: {
                        ...m,
                        lifecycleStatus: "GenerallyAvailable",
                        skus: [{ name: "GlobalStandard", usageName: usageName(m) }],
                    },
                })),
            };
        if (path.endsWith("/modelCapacities"))
            return {
                value: [
                    {
                        name: "GlobalStandard",
                        properties: {
                            model: {
                                format: query.get("modelFormat"),
                                name: query.get("modelName"),
                                version: query.get("modelVersion"),
                            },
                            skuName: "GlobalStandard",
                            availableCapacity: 5000,
                        },
                    },
                ],
            };
        if (path.endsWith("/deletedAccounts")) return { value: [] };
        if (path.endsWith("/deployments")) return { value: [] };
        if (path.endsWith("/permissions")) return { value: [{ actions: ["*"], notActions: [] }] };
        if (/\/accounts\/[^/]+$/.test(path)) return { id: path, name: path.split("/").pop(), properties: {} };
        return { error: { code: "NotFound", message: path } };
    };
    const server = createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        req.resume();
        setTimeout(() => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify(answer(url.pathname, url.searchParams)));
        }, DELAY_MS);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: async () => {
            server.closeAllConnections();
            server.close();
            await once(server, "close");
        },
    };
}

async function main(): Promise<void> {
    const p = plan();
    const server = await loopbackArm(p);
    const credential = { getToken: async () => ({ token: "bench", expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const times: number[] = [];
    let calls = 0;
    let summary = "";
    try {
        for (let run = 0; run < 5; run++) {
            const arm = armReader({ endpoint: server.url, credential });
            const start = performance.now();
            const result = await runPreflight({
                plan: p,
                arm,
                subscriptionId: SUB,
                endpoint: server.url,
                credential: "bench",
            });
            times.push((performance.now() - start) / 1000);
            await arm.close();
            if (result.ran) {
                calls = result.calls;
                const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
                summary = `${n("ok")} ok, ${n("blocking")} blocking, ${n("unjudged")} not judged`;
            }
        }
    } finally {
        await server.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
        `\nPreflight: ${DEPLOYMENTS} Foundry deployments in ${REGIONS.length} regions, loopback ARM answering after ${DELAY_MS} ms, concurrency 8, 5 runs (goal: <= 1.5 s)`,
    );
    console.log(
        `  median ${sorted[2].toFixed(2)} s (min ${sorted[0].toFixed(2)}, max ${sorted[4].toFixed(2)}), ${calls} ARM calls per run; findings: ${summary}`,
    );
}

void main();
