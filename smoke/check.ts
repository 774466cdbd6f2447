/**
 * One minimal request per target through the official `openai` client, and what its answer means: HTTP status,
 * latency and tokens, or a message that says what to fix (which key or role for 401/403, a retired model or a wrong
 * route for 404, the wait for 429, timeouts, TLS and DNS). Keys are sent, never printed: every message is redacted.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { Agent, fetch as undiciFetch } from "undici";
import { findModel, lifecycleStage, replacementClause, SERVERLESS_RATE_LIMITS } from "../infra/catalog";
import type { SmokeTarget } from "./targets";

export interface SmokeResult {
    endpoint: string;
    model: string;
    /** HTTP status, when an answer came. */
    status?: number;
    latencyMs: number;
    /** Total tokens the answer reports. */
    tokens?: number;
    ok: boolean;
    /** What went wrong and what to do, for a failure. */
    message?: string;
}

export interface SmokeOptions {
    /** Seconds to wait for each answer. @default 60 */
    timeoutSeconds?: number;
    /** Extra trusted CA certificates (PEM), for a TLS-inspecting proxy or a test server. */
    ca?: string;
    /** Gets a Microsoft Entra ID token for a scope (targets without a key). */
    getToken?: (scope: string) => Promise<string>;
    /** The day lifecycle hints are judged on. @default - today */
    today?: Date;
}

/** Replaces every secret in a text with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
    return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("***"), text);
}

async function credential(target: SmokeTarget, options: SmokeOptions): Promise<string> {
    if (target.auth.kind === "key") return target.auth.key;
    if (!options.getToken) throw new Error(`no way to get a Microsoft Entra ID token for ${target.auth.scope}`);
    return options.getToken(target.auth.scope);
}

/** Sends the one request; resolves with status and tokens or rejects with the client's error. */
async function send(client: OpenAI, target: SmokeTarget): Promise<{ status: number; tokens?: number }> {
    if (target.api === "completions") {
        const { data, response } = await client.completions
            .create({ model: target.modelField, prompt: "Say OK.", max_tokens: 5 })
            .withResponse();
        return { status: response.status, tokens: data.usage?.total_tokens };
    }
    const { data, response } = await client.chat.completions
        .create({ model: target.modelField, messages: [{ role: "user", content: "Say OK." }], max_tokens: 5 })
        .withResponse();
    return { status: response.status, tokens: data.usage?.total_tokens };
}

/** Calls one target once (no retries) and reports what happened. */
export async function smokeTarget(target: SmokeTarget, options: SmokeOptions = {}): Promise<SmokeResult> {
    const timeoutSeconds = options.timeoutSeconds ?? 60;
    const base = { endpoint: target.endpoint, model: target.model };
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let apiKey: string;
    try {
        apiKey = await credential(target, options);
    } catch (e) {
        return { ...base, latencyMs: 0, ok: false, message: `Entra ID: ${(e as Error).message}` };
    }
    // undici's fetch with its own connection pool (and the extra CA): the `openai` package's documented way.
    const dispatcher = new Agent(options.ca ? { connect: { ca: options.ca } } : {});
    const client = new OpenAI({
        baseURL: target.baseURL,
        apiKey,
        maxRetries: 0,
        timeout: timeoutSeconds * 1000,
        defaultHeaders: target.headers,
        fetch: undiciFetch,
        fetchOptions: { dispatcher },
    });
    try {
        const { status, tokens } = await send(client, target);
        return { ...base, status, latencyMs: elapsed(), ...(tokens !== undefined ? { tokens } : {}), ok: true };
    } catch (e) {
        const failure = explain(e, target, { timeoutSeconds, today: options.today ?? new Date() });
        return { ...base, ...failure, message: redact(failure.message, [apiKey]), latencyMs: elapsed(), ok: false };
    } finally {
        await dispatcher.destroy();
    }
}

/** The error's cause chain, outermost first. */
function causes(e: unknown): Error[] {
    const out: Error[] = [];
    for (let c = e; c instanceof Error && out.length < 6; c = (c as Error & { cause?: unknown }).cause) out.push(c);
    return out;
}

const TLS_CODES =
    /^(ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_|ERR_SSL_)/;

function explain(
    e: unknown,
    target: SmokeTarget,
    c: { timeoutSeconds: number; today: Date },
): { status?: number; message: string } {
    if (e instanceof APIConnectionTimeoutError) return { message: `timeout: no answer within ${c.timeoutSeconds} s` };
    if (e instanceof APIError && e.status !== undefined)
        return { status: e.status, message: httpMessage(e, target, c.today) };
    if (e instanceof APIConnectionError || e instanceof TypeError) return { message: connectionMessage(e, target) };
    return { message: `unexpected error: ${(e as Error).message ?? String(e)}` };
}

function connectionMessage(e: unknown, target: SmokeTarget): string {
    const host = new URL(target.baseURL).host;
    for (const err of causes(e)) {
        const code = (err as { code?: string }).code ?? "";
        if (code === "ENOTFOUND" || code === "EAI_AGAIN")
            return `DNS: ${host} does not resolve (${code}): the endpoint was deleted or renamed (compare with pulumi refresh), or its private DNS zone is not linked to this network`;
        if (TLS_CODES.test(code))
            return `TLS: the certificate of ${host} is not trusted (${code}): a proxy inspecting TLS needs its CA passed with --ca FILE`;
        if (code === "ECONNREFUSED" || code === "ECONNRESET")
            return `connection to ${host} failed (${code}): public network access may be disabled; call from a network that reaches the endpoint`;
        if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT")
            return `timeout: could not connect to ${host} (${code})`;
    }
    return `connection to ${host} failed: ${causes(e)
        .map((x) => x.message)
        .join(": ")}`;
}

function httpMessage(e: APIError, target: SmokeTarget, today: Date): string {
    const status = e.status as number;
    const serverText = typeof e.error === "object" && e.error ? JSON.stringify(e.error).slice(0, 200) : "";
    const detail = serverText ? ` (service said: ${serverText})` : "";
    const who =
        target.auth.kind === "key"
            ? `the key ${target.auth.keyPath}`
            : `the Microsoft Entra ID token for ${target.auth.scope}`;
    if (status === 401)
        return `401 Unauthorized: the endpoint refused ${who}; a regenerated key or a token for another tenant is the usual cause: read the outputs again with --show-secrets${detail}`;
    if (status === 403) return `403 Forbidden: ${who} was accepted but not allowed: ${target.roleHint}${detail}`;
    if (status === 404) return `404 Not Found: ${notFoundHint(target, today)}${detail}`;
    if (status === 429) {
        const wait = retryAfter(e.headers);
        const limits =
            target.kind === "serverless"
                ? ` (a serverless deployment allows ${SERVERLESS_RATE_LIMITS.tokensPerMinute} tokens and ${SERVERLESS_RATE_LIMITS.requestsPerMinute} requests per minute)`
                : "";
        return `429 Too Many Requests: rate limited${limits}; retry after ${wait ?? "an unstated wait"}${detail}`;
    }
    return `${status}: the request failed${detail}`;
}

/** The wait a 429 asks for, from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
function retryAfter(headers: Headers | undefined): string | undefined {
    const ms = headers?.get("retry-after-ms");
    if (ms && Number.isFinite(Number(ms))) return `${Number(ms) / 1000} s`;
    const value = headers?.get("retry-after");
    if (!value) return undefined;
    if (/^\d+$/.test(value)) return `${value} s`;
    const at = Date.parse(value);
    return Number.isNaN(at) ? value : `${Math.max(0, Math.round((at - Date.now()) / 1000))} s (${value})`;
}

/** A 404 is a retired model (the catalog says so, with its replacement) or a wrong route. */
function notFoundHint(target: SmokeTarget, today: Date): string {
    const model = findModel(target.model);
    const lc = target.kind === "online" ? model?.managed?.lifecycle : model?.serverless?.lifecycle;
    const route = `${target.baseURL.replace(/\/+$/, "")}/${target.api === "chat" ? "chat/completions" : "completions"}`;
    if (lc && lifecycleStage(lc, today) === "retired") {
        const offer = target.kind === "online" ? "managed" : "serverless";
        return `${model!.name} was retired on ${lc.retired}: its endpoints return 404; ${replacementClause(lc, { offer, today })}`;
    }
    return `POST ${route} does not exist: a wrong route or base URL (use the deployment's client.baseURL), or a deployment that is gone`;
}
