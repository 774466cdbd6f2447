/**
 * A loopback stand-in for Microsoft Entra ID's token endpoint (`POST /{tenant}/oauth2/v2.0/token`, the
 * client-credentials grant with `client_secret` or a `client_assertion`) and for a CI runner's OpenID Connect token
 * request URL (`GET /oidc?audience=...` with `Authorization: Bearer <request token>`, answering `{ value }` as GitHub
 * Actions does). It speaks HTTPS with the test certificate of `armServer.ts`, listens on 127.0.0.1 only, records
 * every request and must be closed after each test.
 *
 * What it cannot prove: Entra ID's own checks of a federated token (issuer, subject, audience) and its error texts.
 */
import { once } from "node:events";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { TEST_SERVER_CERT, TEST_SERVER_KEY } from "./armServer";

export { TEST_SERVER_CERT };

export interface TokenServerOptions {
    tenantId: string;
    clientId: string;
    /** The secret the token endpoint accepts. @default - none: secrets are refused */
    clientSecret?: string;
    /** The federated token accepted as client assertion. @default - none */
    assertion?: string;
    /** The runner's request token accepted at `/oidc`, which answers {@link TokenServerOptions.assertion}. */
    requestToken?: string;
    /** The access token handed out. @default "loopback-access-token" */
    accessToken?: string;
}

export interface TokenRequest {
    method: string;
    path: string;
    /** Query of a GET, form fields of a POST. */
    fields: Record<string, string>;
    authorization?: string;
    status: number;
}

export interface TokenServer {
    /** `https://127.0.0.1:<port>`: the authority host. */
    readonly url: string;
    /** `<url>/oidc`: the ARM_OIDC_REQUEST_URL. */
    readonly oidcRequestUrl: string;
    readonly accessToken: string;
    readonly requests: TokenRequest[];
    close(): Promise<void>;
}

export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
    const accessToken = options.accessToken ?? "loopback-access-token";
    const requests: TokenRequest[] = [];
    const server = createServer({ cert: TEST_SERVER_CERT, key: TEST_SERVER_KEY }, (req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const url = new URL(req.url ?? "/", "https://127.0.0.1");
            const fields =
                req.method === "POST"
                    ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))
                    : Object.fromEntries(url.searchParams);
            const answer = (status: number, body: unknown) => {
                requests.push({
                    method: req.method ?? "",
                    path: url.pathname,
                    fields,
                    authorization: req.headers.authorization,
                    status,
                });
                res.writeHead(status, { "content-type": "application/json" });
                res.end(JSON.stringify(body));
            };
            if (req.method === "GET" && url.pathname === "/oidc") {
                const ok = options.requestToken && req.headers.authorization === `Bearer ${options.requestToken}`;
                return ok ? answer(200, { value: options.assertion }) : answer(401, { message: "bad request token" });
            }
            if (req.method !== "POST" || url.pathname !== `/${options.tenantId}/oauth2/v2.0/token`)
                return answer(404, { error: "not_found" });
            const byClient = fields.client_id === options.clientId && fields.grant_type === "client_credentials";
            const bySecret = options.clientSecret !== undefined && fields.client_secret === options.clientSecret;
            const byAssertion =
                options.assertion !== undefined &&
                fields.client_assertion === options.assertion &&
                fields.client_assertion_type === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
            if (!byClient || !(bySecret || byAssertion))
                return answer(401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client" });
            answer(200, { token_type: "Bearer", expires_in: 3599, access_token: accessToken });
        });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        url,
        oidcRequestUrl: `${url}/oidc`,
        accessToken,
        requests,
        close: async () => {
            server.closeAllConnections();
            server.close();
            await once(server, "close");
        },
    };
}
