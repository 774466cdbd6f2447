/**
 * A loopback stand-in for ARM's soft-deleted Cognitive Services accounts
 * (`/subscriptions/{sub}/providers/Microsoft.CognitiveServices/locations/{location}/resourceGroups/{rg}/deletedAccounts/{name}`,
 * REST spec stable 2025-06-01 `DeletedAccounts_Get` and `DeletedAccounts_Purge`), for driving the purge in tests:
 *
 * - every request needs `Authorization: Bearer ...` (401 otherwise) and `api-version=2025-06-01` (400 otherwise);
 * - GET of a deleted account: 200 with the account (`properties.deletionDate`, `scheduledPurgeDate` 48 hours later);
 *   of an unknown one: 404 `ResourceNotFound`;
 * - DELETE (purge) of a deleted account: 202 with `Azure-AsyncOperation` and `Location`; the operation answers
 *   `InProgress` once, then `Succeeded`, and the account is gone; of an unknown one: 404;
 * - {@link DeletedAccountsServer.refuseWith} makes the next DELETE answer an ARM error (403 without permission).
 *
 * What it cannot prove: Azure's timing and exact error texts. It listens on 127.0.0.1 on a free port, records every
 * request, answers at most `maxRequests`, and must be closed after each test.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const PATH =
    /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.CognitiveServices\/locations\/([^/]+)\/resourceGroups\/([^/]+)\/deletedAccounts\/([^/]+)$/i;
const OPERATION = /^\/operations\/(op-\d+)$/;

export interface DeletedAccountsServer {
    /** `http://127.0.0.1:<port>`. */
    readonly url: string;
    /** `METHOD path-tail status`, e.g. `DELETE deletedAccounts/acct 202`, `GET operations/op-1 200 InProgress`. */
    log(): string[];
    /** Soft-deletes an account (as deleting it would). */
    seed(subscriptionId: string, location: string, resourceGroupName: string, accountName: string): void;
    /** Whether the account is soft-deleted now. */
    isDeleted(subscriptionId: string, location: string, resourceGroupName: string, accountName: string): boolean;
    /** The next DELETE answers this ARM error. */
    refuseWith(status: number, code: string, message: string): void;
    close(): Promise<void>;
}

export async function startDeletedAccountsServer(maxRequests = 50): Promise<DeletedAccountsServer> {
    const deleted = new Set<string>();
    const operations = new Map<string, { key: string; polls: number }>();
    const entries: string[] = [];
    let refusal: { status: number; code: string; message: string } | undefined;
    let count = 0;
    let ops = 0;
    const key = (s: string, l: string, g: string, n: string) => [s, l, g, n].map((x) => x.toLowerCase()).join("/");

    const reply = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const tail = url.pathname.split("/").slice(-2).join("/");
        const answer = (status: number, body?: unknown, headers?: Record<string, string>, note = "") => {
            entries.push(`${req.method} ${tail} ${status}${note}`);
            reply(res, status, body, headers);
        };
        if (++count > maxRequests) return answer(400, { error: { code: "TestServerRequestLimit", message: "" } });
        if (!/^Bearer \S+/.test(req.headers.authorization ?? ""))
            return answer(401, { error: { code: "AuthenticationFailed", message: "no bearer token" } });
        const op = OPERATION.exec(url.pathname);
        if (op && req.method === "GET") {
            const o = operations.get(op[1]);
            if (!o) return answer(404, { error: { code: "NotFound", message: op[1] } });
            if (o.polls++ === 0) return answer(200, { status: "InProgress" }, {}, " InProgress");
            deleted.delete(o.key);
            return answer(200, { status: "Succeeded" }, {}, " Succeeded");
        }
        if (url.searchParams.get("api-version") !== "2025-06-01")
            return answer(400, { error: { code: "InvalidApiVersionParameter", message: "api-version" } });
        const m = PATH.exec(url.pathname);
        if (!m) return answer(404, { error: { code: "InvalidResourceType", message: url.pathname } });
        const k = key(m[1], m[2], m[3], m[4]);
        if (!deleted.has(k)) return answer(404, { error: { code: "ResourceNotFound", message: `${m[4]} not found` } });
        if (req.method === "GET") {
            const deletionDate = "2026-12-06T10:00:00Z";
            return answer(200, {
                id: url.pathname,
                name: m[4],
                type: "Microsoft.CognitiveServices/deletedAccounts",
                location: m[2],
                kind: "AIServices",
                properties: { deletionDate, scheduledPurgeDate: "2026-12-08T10:00:00Z" },
            });
        }
        if (req.method === "DELETE") {
            if (refusal) {
                const r = refusal;
                refusal = undefined;
                return answer(r.status, { error: { code: r.code, message: r.message } });
            }
            const id = `op-${++ops}`;
            operations.set(id, { key: k, polls: 0 });
            const poll = `http://127.0.0.1:${(server.address() as AddressInfo).port}/operations/${id}`;
            return answer(202, undefined, { "Azure-AsyncOperation": poll, Location: poll, "Retry-After": "1" });
        }
        return answer(405, { error: { code: "MethodNotAllowed", message: String(req.method) } });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://127.0.0.1:${port}`,
        log: () => [...entries],
        seed: (s, l, g, n) => void deleted.add(key(s, l, g, n)),
        isDeleted: (s, l, g, n) => deleted.has(key(s, l, g, n)),
        refuseWith: (status, code, message) => void (refusal = { status, code, message }),
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}
