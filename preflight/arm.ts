/**
 * Read-only calls to Azure Resource Manager for the preflight: a bearer token from the deployer's credential, bounded
 * concurrency, a deadline per call, retries on 429 (and 503) after the `Retry-After` the server asks for, and
 * `nextLink` pagination. A `nextLink` is followed only on the endpoint's own origin, so the token never leaves it.
 */
import type { TokenCredential } from "@azure/identity";
import { Agent, fetch } from "undici";

export interface ArmReaderOptions {
    /** Resource Manager endpoint, e.g. `https://management.azure.com` (sovereign clouds and tests pass their own). */
    endpoint: string;
    credential: TokenCredential;
    /** Extra CA certificate (PEM) to trust, for a loopback server. @default - the system's */
    ca?: string;
    /** Calls in flight at once. @default 8 */
    concurrency?: number;
    /** Deadline of one attempt, in milliseconds. @default 30000 */
    timeoutMs?: number;
    /** Retries of a call answered 429 or 503. @default 3 */
    maxRetries?: number;
    /** The longest `Retry-After` honoured, in milliseconds; a longer one fails the call. @default 60000 */
    maxRetryAfterMs?: number;
    /** Pages followed per list. @default 50 */
    maxPages?: number;
}

/** The credential gave no token: nothing was asked of Azure. */
export class ArmTokenError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ArmTokenError";
    }
}

/** A call that did not answer 2xx (status 0: no answer within the deadline, or no connection). */
export class ArmCallError extends Error {
    constructor(
        readonly path: string,
        readonly status: number,
        readonly code: string,
        message: string,
    ) {
        super(message);
        this.name = "ArmCallError";
    }
}

export interface ArmReader {
    /** GET a path (with its query) and return the JSON body; throws {@link ArmCallError}. */
    get(path: string, query: Record<string, string>): Promise<unknown>;
    /** GET a list, following `nextLink` to the end; the items of every page. */
    list(path: string, query: Record<string, string>): Promise<unknown[]>;
    /** POST a JSON body (read-only operations such as checkDomainAvailability). */
    post(path: string, query: Record<string, string>, body: unknown): Promise<unknown>;
    /** Calls answered so far (each page and each retry counts). */
    readonly calls: number;
    close(): Promise<void>;
}

const RETRIED = new Set([429, 503]);

export function armReader(options: ArmReaderOptions): ArmReader {
    const base = new URL(options.endpoint);
    const scope = `${base.origin}/.default`;
    const dispatcher = new Agent({ connect: options.ca ? { ca: options.ca } : {}, connections: 64 });
    const limit = Math.max(1, options.concurrency ?? 8);
    let active = 0;
    let calls = 0;
    const waiting: (() => void)[] = [];
    let token: Promise<string> | undefined;

    const slot = async <T>(fn: () => Promise<T>): Promise<T> => {
        // `while`: a woken waiter runs a microtask later, and a newcomer may have taken the slot meanwhile.
        while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
        active++;
        try {
            return await fn();
        } finally {
            active--;
            waiting.shift()?.();
        }
    };

    const bearer = (): Promise<string> => {
        token ??= options.credential.getToken(scope).then(
            (t) => {
                if (!t) throw new ArmTokenError(`the credential gave no token for ${scope}`);
                return t.token;
            },
            (e: unknown) => {
                throw new ArmTokenError(e instanceof Error ? e.message : String(e));
            },
        );
        return token;
    };

    const attempt = async (url: URL, method: string, body: unknown) => {
        const headers: Record<string, string> = { authorization: `Bearer ${await bearer()}` };
        if (body !== undefined) headers["content-type"] = "application/json";
        try {
            const res = await fetch(url, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                dispatcher,
                signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
            });
            calls++;
            const text = await res.text();
            return { status: res.status, retryAfter: res.headers.get("retry-after"), text };
        } catch (e) {
            const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
            const what = timedOut ? `no answer within ${options.timeoutMs ?? 30_000} ms` : (e as Error).message;
            throw new ArmCallError(
                url.pathname,
                0,
                timedOut ? "Timeout" : "NoConnection",
                `${method} ${url.pathname}: ${what}`,
            );
        }
    };

    const call = async (url: URL, method: string, body?: unknown): Promise<unknown> => {
        for (let retry = 0; ; retry++) {
            const answer = await slot(() => attempt(url, method, body));
            if (RETRIED.has(answer.status) && retry < (options.maxRetries ?? 3)) {
                const wait = retryAfterMs(answer.retryAfter);
                if (wait <= (options.maxRetryAfterMs ?? 60_000)) {
                    await new Promise((r) => setTimeout(r, wait));
                    continue;
                }
            }
            const json = parse(answer.text);
            if (answer.status >= 200 && answer.status < 300) return json;
            const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
            const code = typeof error?.code === "string" ? error.code : `HTTP${answer.status}`;
            const message = typeof error?.message === "string" ? error.message : answer.text.slice(0, 200);
            throw new ArmCallError(
                url.pathname,
                answer.status,
                code,
                `${method} ${url.pathname}: ${answer.status} ${code}: ${message}`,
            );
        }
    };

    const urlOf = (path: string, query: Record<string, string>): URL => {
        const url = new URL(path, base);
        for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
        return url;
    };

    return {
        get: (path, query) => call(urlOf(path, query), "GET"),
        post: (path, query, body) => call(urlOf(path, query), "POST", body),
        list: async (path, query) => {
            const items: unknown[] = [];
            let url: URL | undefined = urlOf(path, query);
            for (let page = 0; url; page++) {
                if (page >= (options.maxPages ?? 50))
                    throw new ArmCallError(path, 0, "TooManyPages", `GET ${path}: more than ${page} pages`);
                const body = (await call(url, "GET")) as { value?: unknown; nextLink?: unknown } | undefined;
                if (Array.isArray(body?.value)) items.push(...body.value);
                const next: string | undefined =
                    typeof body?.nextLink === "string" && body.nextLink ? body.nextLink : undefined;
                url = next === undefined ? undefined : new URL(next, base);
                if (url && url.origin !== base.origin)
                    throw new ArmCallError(
                        path,
                        0,
                        "ForeignNextLink",
                        `GET ${path}: nextLink leaves ${base.origin}: not followed`,
                    );
            }
            return items;
        },
        get calls() {
            return calls;
        },
        close: () => dispatcher.close(),
    };
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null): number {
    if (header === null) return 1000;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 1000;
}

function parse(text: string): unknown {
    try {
        return text ? JSON.parse(text) : undefined;
    } catch {
        return undefined;
    }
}
