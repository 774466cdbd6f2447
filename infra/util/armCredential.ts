/**
 * One way to get the deployer's Microsoft Entra ID credential, for every part of the package that calls Azure itself
 * (the traffic provider, the smoke check, the preflight): the `ARM_*` environment variables that azure-native reads
 * and that Pulumi ESC's `azure-login` and Pulumi Deployments set, else `DefaultAzureCredential`.
 *
 * The `ARM_*` variables, as Pulumi ESC's azure-login documents them (pulumi.com/docs/esc/providers/login/azure-login,
 * read 2026-12): `ARM_CLIENT_ID`, `ARM_TENANT_ID`, `ARM_SUBSCRIPTION_ID`, and `ARM_USE_OIDC=true` with `ARM_OIDC_TOKEN`,
 * or `ARM_CLIENT_SECRET`. As azure-native also accepts: `ARM_OIDC_REQUEST_TOKEN` + `ARM_OIDC_REQUEST_URL` (a CI
 * runner's ID-token endpoint, GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_*` values) instead of `ARM_OIDC_TOKEN`.
 * `DefaultAzureCredential` reads `AZURE_*`, not `ARM_*`: without this module a stack deployed with ESC credentials would
 * find none for the traffic provider or the smoke check.
 *
 * The token endpoint is `<authority host>/<tenant>/oauth2/v2.0/token` (the client-credentials grant, with a client
 * secret or a federated token as client assertion). The authority host is `AZURE_AUTHORITY_HOST` (the variable
 * `@azure/identity` reads, so sovereign clouds set one variable for both), else `https://login.microsoftonline.com`;
 * tests point it at a loopback token endpoint.
 *
 * `@azure/identity` and `undici` are loaded on call, never at module level: the traffic provider is serialized by
 * Pulumi's closure serialization, which must not capture them.
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";

/** The environment the credential is read from (`process.env`, or a test's object). */
export type ArmEnv = Readonly<Record<string, string | undefined>>;

/** Where tokens come from, as {@link armCredentialSource} reads the environment. */
export type ArmCredentialSource =
    | { kind: "client-secret"; tenantId: string; clientId: string }
    | { kind: "oidc-token"; tenantId: string; clientId: string }
    | { kind: "oidc-request"; tenantId: string; clientId: string }
    | { kind: "default" };

/** The `ARM_*` (and `AZURE_*`) variables are set in a way that names no usable credential; the message says which. */
export class ArmCredentialError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ArmCredentialError";
    }
}

/** Public Azure's authority host (Microsoft Entra ID). */
export const PUBLIC_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** The audience of a federated token requested from a CI runner, as azurerm and azure-native ask for it. */
export const OIDC_REQUEST_AUDIENCE = "api://AzureADTokenExchange";

const set = (env: ArmEnv, name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
};

/**
 * Which credential the environment names. `ARM_CLIENT_ID` with `ARM_TENANT_ID` and one of a federated token
 * (`ARM_OIDC_TOKEN`), a token request (`ARM_OIDC_REQUEST_TOKEN` + `ARM_OIDC_REQUEST_URL`, with `ARM_USE_OIDC=true`)
 * or a secret (`ARM_CLIENT_SECRET`); nothing of these: `DefaultAzureCredential`. Throws {@link ArmCredentialError}
 * listing every missing or contradictory variable when the variables are set half-way.
 */
export function armCredentialSource(env: ArmEnv): ArmCredentialSource {
    const clientId = set(env, "ARM_CLIENT_ID");
    const tenantId = set(env, "ARM_TENANT_ID");
    const useOidc = set(env, "ARM_USE_OIDC")?.toLowerCase() === "true";
    const oidcToken = set(env, "ARM_OIDC_TOKEN");
    const requestToken = set(env, "ARM_OIDC_REQUEST_TOKEN");
    const requestUrl = set(env, "ARM_OIDC_REQUEST_URL");
    const secret = set(env, "ARM_CLIENT_SECRET");
    const asks = useOidc || oidcToken !== undefined || secret !== undefined;
    if (!asks) return { kind: "default" };
    const problems: string[] = [];
    if (!clientId) problems.push("ARM_CLIENT_ID is not set");
    if (!tenantId) problems.push("ARM_TENANT_ID is not set");
    const request = useOidc && requestToken !== undefined && requestUrl !== undefined;
    if (useOidc && !oidcToken && !request && !secret)
        problems.push(
            "ARM_USE_OIDC is true but neither ARM_OIDC_TOKEN nor ARM_OIDC_REQUEST_TOKEN with ARM_OIDC_REQUEST_URL is set",
        );
    if (problems.length > 0)
        throw new ArmCredentialError(`the ARM_* credential variables are incomplete: ${problems.join("; ")}`);
    const ids = { tenantId: tenantId!, clientId: clientId! };
    if (oidcToken) return { kind: "oidc-token", ...ids };
    if (request) return { kind: "oidc-request", ...ids };
    return { kind: "client-secret", ...ids };
}

/** A sentence naming the credential (never its secret), for reports: `ARM_* client secret (client id ...)`. */
export function describeArmCredential(source: ArmCredentialSource): string {
    switch (source.kind) {
        case "default":
            return "DefaultAzureCredential (AZURE_* variables, workload or managed identity, Azure CLI login, ...)";
        case "client-secret":
            return `ARM_* client secret of client ${source.clientId} in tenant ${source.tenantId}`;
        case "oidc-token":
            return `ARM_* OpenID Connect token (ARM_OIDC_TOKEN) of client ${source.clientId} in tenant ${source.tenantId}`;
        case "oidc-request":
            return `ARM_* OpenID Connect token from ARM_OIDC_REQUEST_URL for client ${source.clientId} in tenant ${source.tenantId}`;
    }
}

/** The subscription the environment names: `ARM_SUBSCRIPTION_ID`, else `AZURE_SUBSCRIPTION_ID` (`/subscriptions/` dropped). */
export function armSubscriptionId(env: ArmEnv): string | undefined {
    const v = set(env, "ARM_SUBSCRIPTION_ID") ?? set(env, "AZURE_SUBSCRIPTION_ID");
    return v?.replace(/^\/?subscriptions\//i, "").replace(/\/$/, "");
}

export interface ArmCredentialOptions {
    /** @default - `AZURE_AUTHORITY_HOST` of the environment, else {@link PUBLIC_AUTHORITY_HOST} */
    authorityHost?: string;
    /** Extra CA certificate (PEM) trusted for the token and OIDC request endpoints, for loopback tests. @default - none */
    ca?: string;
    /** Deadline of one token request, in milliseconds. @default 30000 */
    timeoutMs?: number;
}

/**
 * The credential the environment names (see {@link armCredentialSource}): for the `ARM_*` variables a credential that
 * runs the client-credentials grant against the authority host and caches the token until five minutes before it
 * expires; otherwise `DefaultAzureCredential`.
 */
export function armCredential(env: ArmEnv = process.env, options: ArmCredentialOptions = {}): TokenCredential {
    const source = armCredentialSource(env);
    if (source.kind === "default") {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on call (see above)
        const identity = require("@azure/identity") as typeof import("@azure/identity");
        const authorityHost = options.authorityHost ?? set(env, "AZURE_AUTHORITY_HOST");
        return new identity.DefaultAzureCredential(authorityHost ? { authorityHost } : {});
    }
    return envCredential(source, env, options);
}

interface HttpAnswer {
    status: number;
    json: unknown;
}

/** One request to a token endpoint: status and parsed JSON body, within the deadline, trusting `options.ca`. */
async function httpJson(
    url: string,
    init: RequestInit,
    options: ArmCredentialOptions,
    abort?: AbortSignal,
): Promise<HttpAnswer> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on call (see above)
    const undici = require("undici") as typeof import("undici");
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = abort ? AbortSignal.any([timeout, abort]) : timeout;
    const dispatcher = options.ca ? new undici.Agent({ connect: { ca: options.ca } }) : undefined;
    try {
        const res = await undici.fetch(url, { ...(init as object), signal, dispatcher });
        const text = await res.text();
        let json: unknown;
        try {
            json = JSON.parse(text);
        } catch {
            json = undefined;
        }
        return { status: res.status, json };
    } finally {
        await dispatcher?.close();
    }
}

/**
 * The `ARM_*` credential: a client-credentials grant with a secret or a federated token. Built from closures, not a
 * class, so Pulumi's closure serialization of the traffic provider captures plain functions.
 */
function envCredential(
    source: Exclude<ArmCredentialSource, { kind: "default" }>,
    env: ArmEnv,
    options: ArmCredentialOptions,
): TokenCredential {
    const cache = new Map<string, AccessToken>();

    const request = (url: string, init: RequestInit, abort?: AbortSignal) => httpJson(url, init, options, abort);

    /** `ARM_OIDC_TOKEN`, or a fresh token from the runner's `ARM_OIDC_REQUEST_URL`. */
    const federatedToken = async (abort?: AbortSignal): Promise<string> => {
        if (source.kind === "oidc-token") return set(env, "ARM_OIDC_TOKEN")!;
        const url = new URL(set(env, "ARM_OIDC_REQUEST_URL")!);
        url.searchParams.set("audience", OIDC_REQUEST_AUDIENCE);
        const answer = await request(
            url.href,
            { method: "GET", headers: { authorization: `Bearer ${set(env, "ARM_OIDC_REQUEST_TOKEN")!}` } },
            abort,
        );
        const value = (answer.json as { value?: unknown } | undefined)?.value;
        if (answer.status !== 200 || typeof value !== "string")
            throw new ArmCredentialError(
                `ARM_OIDC_REQUEST_URL ${url.origin} gave no OpenID Connect token (HTTP ${answer.status})`,
            );
        return value;
    };

    const getToken = async (scopes: string | string[], opts?: GetTokenOptions): Promise<AccessToken | null> => {
        const scope = (Array.isArray(scopes) ? scopes : [scopes]).join(" ");
        const cached = cache.get(scope);
        if (cached && cached.expiresOnTimestamp - Date.now() > 5 * 60_000) return cached;
        const form = new URLSearchParams({ grant_type: "client_credentials", client_id: source.clientId, scope });
        if (source.kind === "client-secret") form.set("client_secret", set(env, "ARM_CLIENT_SECRET")!);
        else {
            form.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
            form.set("client_assertion", await federatedToken(opts?.abortSignal as AbortSignal | undefined));
        }
        const host = (options.authorityHost ?? set(env, "AZURE_AUTHORITY_HOST") ?? PUBLIC_AUTHORITY_HOST).replace(
            /\/+$/,
            "",
        );
        const url = new URL(`${host}/${encodeURIComponent(source.tenantId)}/oauth2/v2.0/token`);
        const answer = await request(
            url.href,
            {
                method: "POST",
                headers: { "content-type": "application/x-www-form-urlencoded" },
                body: form.toString(),
            },
            opts?.abortSignal as AbortSignal | undefined,
        );
        const body = answer.json as { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
        if (answer.status !== 200 || typeof body?.access_token !== "string") {
            // The error code Entra ID answers (AADSTS...) helps; the request and its secret are never repeated.
            const code = typeof body?.error === "string" ? body.error : `HTTP ${answer.status}`;
            throw new ArmCredentialError(
                `${describeArmCredential(source)}: the token endpoint ${url.origin} refused the request (${code})`,
            );
        }
        const token = {
            token: body.access_token,
            expiresOnTimestamp: Date.now() + Number(body.expires_in ?? 0) * 1000,
        };
        cache.set(scope, token);
        return token;
    };

    return { getToken };
}
