/**
 * One minimal request per target through the official `openai` client, and what its answer means: HTTP status,
 * latency and tokens, or a message that says what to fix (which key or role for 401/403, a retired model or a wrong
 * route for 404, the wait for 429, timeouts, TLS and DNS). Keys are sent, never printed: every message is redacted.
 */
import { getBearerTokenProvider, type TokenCredential } from "@azure/identity";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { Agent, fetch as undiciFetch } from "undici";
import { findModel, lifecycleStage, replacementClause, SERVERLESS_RATE_LIMITS } from "../infra/catalog";
import { credentialHostProblem } from "../infra/catalog/hosts";
import { redactor } from "../infra/util/redact";
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
    /**
     * Where Microsoft Entra ID tokens come from, for targets without a key (a Foundry resource with local auth off,
     * an online endpoint with `AADToken`): `DefaultAzureCredential` in the CLI, a fake in tests.
     */
    credential?: TokenCredential;
    /** The day lifecycle hints are judged on. @default - today */
    today?: Date;
    /**
     * Hosts besides Azure's inference hosts of each target's kind (`infra/catalog/hosts.ts`) that may receive keys
     * and tokens: a custom domain in front of an endpoint (`api.example.com`, or `*.example.com`).
     * @default - none
     */
    allowedHosts?: readonly string[];
}

/**
 * Hides every secret in a text, in the forms a service echoes it in (another case, base64, URL-encoded, hex, cut
 * short): see `infra/util/redact.ts`. Applied before any text is cut, so a cut cannot keep part of a key.
 */
export function redact(text: string, secrets: readonly string[]): string {
    return redactor(secrets)(text);
}

/**
 * What the client sends as bearer: the key, or (the `openai` package's documented way for Azure's v1 API) a token
 * provider from `getBearerTokenProvider`, called for the request. Every token handed out is recorded, so that no
 * message can show it, and a failure to get one is kept apart from the service's answer.
 */
function bearer(target: SmokeTarget, options: SmokeOptions) {
    const seen: { secrets: string[]; tokenError?: Error } = { secrets: [] };
    if (target.auth.kind === "key") {
        seen.secrets.push(target.auth.key);
        return { apiKey: target.auth.key, seen };
    }
    const scope = target.auth.scope;
    const provider = options.credential ? getBearerTokenProvider(options.credential, scope) : undefined;
    const apiKey = async () => {
        try {
            if (!provider) throw new Error("no Microsoft Entra ID credential was given");
            const token = await provider();
            seen.secrets.push(token);
            return token;
        } catch (e) {
            seen.tokenError = e as Error;
            throw e;
        }
    };
    return { apiKey, seen };
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
    const refused = credentialHostProblem(target.baseURL, target.kind, options.allowedHosts);
    if (refused) return { ...base, latencyMs: 0, ok: false, message: `not called: ${refused}` };
    const { apiKey, seen } = bearer(target, options);
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
    const hide = (text: string) => redact(text, seen.secrets);
    try {
        const { status, tokens } = await send(client, target);
        return { ...base, status, latencyMs: elapsed(), ...(tokens !== undefined ? { tokens } : {}), ok: true };
    } catch (e) {
        const failure = seen.tokenError
            ? { message: tokenMessage(seen.tokenError, target) }
            : explain(e, target, { timeoutSeconds, today: options.today ?? new Date(), hide });
        return { ...base, ...failure, message: hide(failure.message), latencyMs: elapsed(), ok: false };
    } finally {
        await dispatcher.destroy();
    }
}

/** The credential could not give a token: nothing was sent. */
function tokenMessage(e: Error, target: SmokeTarget): string {
    const scope = target.auth.kind === "entra" ? target.auth.scope : "";
    const text = e.message.split("\n")[0].slice(0, 300);
    return `Entra ID: no token for ${scope}: ${text}; sign in first (az login, a managed identity, or the workflow's OpenID Connect login)`;
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
    c: { timeoutSeconds: number; today: Date; hide: (text: string) => string },
): { status?: number; message: string } {
    if (e instanceof APIConnectionTimeoutError) return { message: `timeout: no answer within ${c.timeoutSeconds} s` };
    if (e instanceof APIError && e.status !== undefined)
        return { status: e.status, message: httpMessage(e, target, c.today, c.hide) };
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

function httpMessage(e: APIError, target: SmokeTarget, today: Date, hide: (text: string) => string): string {
    const status = e.status as number;
    // 401 and 403 bodies are never shown (they may echo the credential); others are redacted first, then cut.
    if (status === 401) return `401 Unauthorized: ${unauthorized(target)}`;
    if (status === 403) return `403 Forbidden: ${forbidden(target)}`;
    const serverText = typeof e.error === "object" && e.error ? hide(JSON.stringify(e.error)).slice(0, 200) : "";
    const detail = serverText ? ` (service said: ${serverText})` : "";
    if (status === 404) return `404 Not Found: ${notFoundHint(target, today)}${detail}`;
    if (status === 429) {
        const wait = retryAfter(e.headers);
        const limits =
            target.kind === "serverless"
                ? ` (a serverless deployment allows ${SERVERLESS_RATE_LIMITS.tokensPerMinute} tokens and ${SERVERLESS_RATE_LIMITS.requestsPerMinute} requests per minute)`
                : target.rateLimit
                  ? ` (${target.rateLimit})`
                  : "";
        return `429 Too Many Requests: rate limited${limits}; retry after ${wait ?? "an unstated wait"}${detail}`;
    }
    return `${status}: the request failed${detail}`;
}

const who = (target: SmokeTarget) =>
    target.auth.kind === "key"
        ? `the key ${target.auth.keyPath}`
        : `the Microsoft Entra ID token for ${target.auth.scope}`;

/** 401: the credential itself is wrong. */
function unauthorized(target: SmokeTarget): string {
    if (target.kind === "foundry" && target.auth.kind === "key")
        return `the Foundry resource refused ${who(target)}: the key is wrong (regenerated since the outputs were read) or local auth was turned off: read the outputs again with --show-secrets, or drop the key and use Microsoft Entra ID`;
    if (target.kind === "foundry")
        return `the Foundry resource refused ${who(target)}: the token is for another tenant or has expired: sign in to the resource's tenant (az login --tenant)`;
    return `the endpoint refused ${who(target)}; a regenerated key or a token for another tenant is the usual cause: read the outputs again with --show-secrets`;
}

/** 403: the credential is valid but not allowed: a role for a token, network rules for a Foundry key. */
function forbidden(target: SmokeTarget): string {
    if (target.kind === "foundry" && target.auth.kind === "key")
        return `${who(target)} was accepted but the request is not allowed: the Foundry resource's network rules (public network access, IP rules) refuse this caller; call from a network they allow`;
    return `${who(target)} was accepted but not allowed: ${target.roleHint}`;
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

/** A 404 is a retired model (the catalog says so, with its replacement), a missing Foundry deployment or a wrong route. */
function notFoundHint(target: SmokeTarget, today: Date): string {
    const route = `${target.baseURL.replace(/\/+$/, "")}/${target.api === "chat" ? "chat/completions" : "completions"}`;
    if (target.kind === "foundry") return foundryNotFound(target, today, route);
    const model = findModel(target.model);
    const lc = target.kind === "online" ? model?.managed?.lifecycle : model?.serverless?.lifecycle;
    if (lc && lifecycleStage(lc, today) === "retired") {
        const offer = target.kind === "online" ? "managed" : "serverless";
        return `${model!.name} was retired on ${lc.retired}: its endpoints return 404; ${replacementClause(lc, { offer, today })}`;
    }
    return `POST ${route} does not exist: a wrong route or base URL (use the deployment's client.baseURL), or a deployment that is gone`;
}

/** On a Foundry resource `model` names the deployment: a 404 is a deployment that is missing or a retired model. */
function foundryNotFound(target: SmokeTarget, today: Date, route: string): string {
    const offer = findModel(target.model)?.foundry;
    const lc = offer?.lifecycle;
    if (lc && lifecycleStage(lc, today) === "retired")
        return `${offer!.name} was retired on ${lc.retired}: its Foundry deployments return 404; ${replacementClause(lc, { offer: "foundry", today })}`;
    const host = new URL(target.baseURL).host;
    return `the Foundry resource ${host} has no deployment named ${target.modelField} (POST ${route} with model "${target.modelField}"): it was deleted or renamed, or pulumi up has not created it yet (compare with pulumi refresh); use the deployment's openAiBaseUrl and model outputs`;
}
