/**
 * Purging a soft-deleted Foundry (Cognitive Services) account: `DELETE /subscriptions/{sub}/providers/
 * Microsoft.CognitiveServices/locations/{location}/resourceGroups/{rg}/deletedAccounts/{name}` (REST spec
 * Microsoft.CognitiveServices stable 2025-06-01, operation `DeletedAccounts_Purge`: a long-running operation that
 * answers 200, 202 or 204; extract in test/restspec/spec). A deleted account keeps its name and custom subdomain for
 * 48 hours (Microsoft Learn, "Recover or purge deleted Azure AI services resources"); purging frees them at once.
 *
 * This module is serialized into the DeletedAccountPurge dynamic provider: it loads `@azure/identity` and the HTTP
 * modules only inside its functions, at call time, never at module level.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ARM_READ_API_VERSIONS, PUBLIC_ARM_ENDPOINT } from "../catalog/armReads";

/**
 * The API version of the purge: the one azure-native 3.28.0 deploys `cognitiveservices` with, kept in the catalog.
 * Copied into module-level strings so the serialized provider captures two values, not the catalog module.
 */
export const COGNITIVE_SERVICES_API_VERSION: string = ARM_READ_API_VERSIONS.cognitiveServices;

/** The public Azure Resource Manager (the catalog's). */
export const ARM_ENDPOINT: string = PUBLIC_ARM_ENDPOINT;

/** A soft-deleted account's coordinates. */
export interface DeletedAccountRef {
    subscriptionId: string;
    /** Region of the account, ARM form (`swedencentral`). */
    location: string;
    resourceGroupName: string;
    accountName: string;
}

/** How the purge reaches ARM. */
export interface PurgeOptions {
    /** @default {@link ARM_ENDPOINT} */
    endpoint?: string;
    /** A bearer token for ARM. @default - DefaultAzureCredential's token for `https://management.azure.com/.default` */
    getToken?: () => Promise<string>;
    /** Wait between polls of the long-running operation, in milliseconds. @default 10000, or the Retry-After asked */
    pollIntervalMs?: number;
    /** Polls before giving up. @default 180 */
    maxPolls?: number;
}

/** What the purge found: the deleted account purged, or none to purge (never soft-deleted, or purged already). */
export type PurgeResult = "purged" | "nothing to purge";

/** The ARM path of a soft-deleted account. */
export function deletedAccountPath(ref: DeletedAccountRef): string {
    const e = encodeURIComponent;
    return `/subscriptions/${e(ref.subscriptionId)}/providers/Microsoft.CognitiveServices/locations/${e(ref.location)}/resourceGroups/${e(ref.resourceGroupName)}/deletedAccounts/${e(ref.accountName)}`;
}

interface Reply {
    status: number;
    headers: IncomingHttpHeaders;
    body: unknown;
}

/**
 * Purges the soft-deleted account and waits for the operation to end. A 404 (no such deleted account) or 204 is
 * "nothing to purge", not an error: the account may never have been deleted softly, or someone purged it already.
 * Throws with ARM's code and message when ARM refuses (403 without the permission, for one).
 */
export async function purgeDeletedAccount(ref: DeletedAccountRef, options: PurgeOptions = {}): Promise<PurgeResult> {
    const endpoint = options.endpoint ?? ARM_ENDPOINT;
    const token = await (options.getToken ?? defaultToken)();
    const url = `${endpoint}${deletedAccountPath(ref)}?api-version=${COGNITIVE_SERVICES_API_VERSION}`;
    const label = `deleted account ${ref.accountName} (${ref.location}, resource group ${ref.resourceGroupName})`;
    const first = await request("DELETE", url, token);
    if (first.status === 404 || first.status === 204) return "nothing to purge";
    if (first.status === 200) return "purged";
    if (first.status !== 202) throw armError(`purge ${label}`, first);
    const asyncUrl = header(first.headers, "azure-asyncoperation");
    const locationUrl = header(first.headers, "location");
    const maxPolls = options.maxPolls ?? 180;
    let wait = retryAfterMs(first.headers) ?? options.pollIntervalMs ?? 10_000;
    for (let poll = 0; poll < maxPolls; poll++) {
        await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? wait));
        if (asyncUrl) {
            const r = await request("GET", asyncUrl, token);
            if (r.status >= 400) throw armError(`poll the purge of ${label}`, r);
            const status = (r.body as { status?: string } | undefined)?.status;
            if (status === "Succeeded") return "purged";
            if (status === "Failed" || status === "Canceled") throw armError(`purge ${label} (${status})`, r);
            wait = retryAfterMs(r.headers) ?? wait;
        } else if (locationUrl) {
            const r = await request("GET", locationUrl, token);
            if (r.status === 200 || r.status === 204) return "purged";
            if (r.status !== 202) throw armError(`poll the purge of ${label}`, r);
            wait = retryAfterMs(r.headers) ?? wait;
        } else {
            // 202 without a URL to poll: nothing tells when it ends; ARM accepted it.
            return "purged";
        }
    }
    throw new Error(
        `purge ${label}: still running after ${maxPolls} polls; check it with az cognitiveservices account list-deleted`,
    );
}

/** DefaultAzureCredential's ARM token (the `AZURE_*` variables, workload or managed identity, Azure CLI, ...). */
async function defaultToken(): Promise<string> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on call, not captured (see above)
    const identity = require("@azure/identity") as typeof import("@azure/identity");
    const token = await new identity.DefaultAzureCredential().getToken(`${ARM_ENDPOINT}/.default`);
    return token.token;
}

/** One HTTP(S) request with a bearer token; the body parsed as JSON when there is one. */
async function request(method: string, url: string, token: string): Promise<Reply> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on call, not captured (see above)
    const http = require(url.startsWith("https:") ? "node:https" : "node:http") as typeof import("node:https");
    return new Promise<Reply>((resolve, reject) => {
        const req = http.request(
            url,
            { method, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" }, timeout: 60_000 },
            (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("end", () => {
                    const text = Buffer.concat(chunks).toString("utf8");
                    let body: unknown;
                    try {
                        body = text ? JSON.parse(text) : undefined;
                    } catch {
                        body = text;
                    }
                    resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
                });
            },
        );
        req.on("timeout", () => req.destroy(new Error(`${method} ${url}: no answer in 60 s`)));
        req.on("error", reject);
        req.end();
    });
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}

function retryAfterMs(headers: IncomingHttpHeaders): number | undefined {
    const seconds = Number(header(headers, "retry-after"));
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** `what: 403 AuthorizationFailed: message`, from an ARM error body. */
function armError(what: string, r: Reply): Error {
    const e = (r.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return new Error(`${what}: ${r.status}${e?.code ? ` ${e.code}` : ""}${e?.message ? `: ${e.message}` : ""}`);
}
