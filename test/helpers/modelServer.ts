/**
 * A loopback stand-in for the inference endpoints the smoke check calls, speaking HTTPS with the test certificate
 * of `armServer.ts`. It answers as the OpenAI-compatible APIs do: `POST <base>/chat/completions` and
 * `POST <base>/completions` with a `chat.completion` / `text_completion` body and its `usage`; errors as
 * `{ error: { code, message } }` with the status. Each base path is a scenario, so one server serves them all:
 *
 * - `/ok/...`: checks `Authorization: Bearer <key>` (401 otherwise) and, where `deployments` are set, the
 *   `azureml-model-deployment` header (404 for an unknown deployment), then answers 200;
 * - `/forbidden/...`: 403; `/gone/...`: 404; `/limited/...`: 429 with `retry-after: 7`; `/slow/...`: answers after
 *   `slowMs`; anything else: 404 (a wrong route).
 *
 * - `/openai/v1/...`: a Foundry resource's OpenAI-compatible v1 API, as Azure OpenAI answers it: `POST
 *   /openai/v1/chat/completions` with `model` = a deployment name of `foundry.deployments`; 401 without an accepted
 *   bearer key or token, 403 for a token of `foundry.withoutRole` (valid, no Foundry User role), 404
 *   `DeploymentNotFound` for another `model`, 429 with `retry-after` for a deployment of `foundry.limited`.
 *
 * It records every request (path, headers without `authorization`, JSON body) and must be closed after each test.
 */
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { TEST_SERVER_CERT, TEST_SERVER_KEY } from "./armServer";

export { TEST_SERVER_CERT };

export interface ModelRequest {
    method: string;
    path: string;
    headers: Record<string, string | string[] | undefined>;
    /** Whether `Authorization` carried the expected bearer credential. */
    authorized: boolean;
    body: Record<string, unknown>;
}

export interface ModelServer {
    /** `https://127.0.0.1:<port>` */
    origin: string;
    requests: ModelRequest[];
    close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
}

const error = (code: string, message: string) => ({ error: { code, message } });

function answer(path: string, body: Record<string, unknown>, model: string): unknown {
    const usage = { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 };
    if (path.endsWith("/completions") && !path.endsWith("/chat/completions"))
        return {
            id: "cmpl-1",
            object: "text_completion",
            created: 1764547200,
            model,
            choices: [{ index: 0, text: "OK", finish_reason: "stop", logprobs: null }],
            usage,
        };
    return {
        id: "chatcmpl-1",
        object: "chat.completion",
        created: 1764547200,
        model: String(body.model ?? model),
        choices: [{ index: 0, message: { role: "assistant", content: "OK" }, finish_reason: "stop" }],
        usage,
    };
}

/** The Foundry resource the server plays at `/openai/v1/`. */
export interface FoundryServerOptions {
    /** Deployment names (what clients send as `model`). */
    deployments: readonly string[];
    /** Bearer tokens that are valid but whose principal lacks the Foundry User role. */
    withoutRole?: readonly string[];
    /** Deployments over their rate limit. */
    limited?: readonly string[];
    /**
     * Answer this many calls 403 before serving, as while a new Foundry User role assignment propagates (the counter
     * is the server's, over every call). @default 0
     */
    forbiddenFirst?: number;
}

/** Azure OpenAI's v1 API on a Foundry resource; the body is already recorded, `authorized` already judged. */
function foundry(
    res: ServerResponse,
    r: { method: string; path: string; authorization?: string; authorized: boolean; body: Record<string, unknown> },
    f: FoundryServerOptions | undefined,
): void {
    if (!f || r.method !== "POST" || r.path !== "/openai/v1/chat/completions")
        return send(res, 404, error("404", "Resource not found"));
    if ((f.forbiddenFirst ?? 0) > 0) {
        f.forbiddenFirst = (f.forbiddenFirst ?? 0) - 1;
        return send(res, 403, error("PermissionDenied", "The principal lacks the required data action."));
    }
    if (r.authorization && f.withoutRole?.includes(r.authorization.replace(/^Bearer /, "")))
        return send(
            res,
            403,
            error(
                "PermissionDenied",
                "The principal lacks the required data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action to perform POST /openai/v1/chat/completions.",
            ),
        );
    if (!r.authorized)
        return send(res, 401, error("401", "Access denied due to invalid subscription key or wrong API endpoint."));
    const model = String(r.body.model ?? "");
    if (!f.deployments.includes(model))
        return send(res, 404, error("DeploymentNotFound", "The API deployment for this resource does not exist."));
    if (f.limited?.includes(model))
        return send(
            res,
            429,
            error("429", "Requests to the ChatCompletions_Create Operation have exceeded the rate limit."),
            {
                "retry-after": "12",
            },
        );
    return send(res, 200, answer(r.path, r.body, model));
}

export async function startModelServer(
    options: {
        keys?: readonly string[];
        deployments?: readonly string[];
        slowMs?: number;
        foundry?: FoundryServerOptions;
    } = {},
): Promise<ModelServer> {
    const keys = new Set((options.keys ?? []).map((k) => `Bearer ${k}`));
    const requests: ModelRequest[] = [];
    const handle = async (req: IncomingMessage, res: ServerResponse) => {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const text = Buffer.concat(chunks).toString("utf8");
        const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
        const path = (req.url ?? "/").split("?")[0];
        const { authorization, ...headers } = req.headers;
        const authorized = typeof authorization === "string" && keys.has(authorization);
        requests.push({ method: req.method ?? "", path, headers, authorized, body });
        const scenario = path.split("/")[1];
        if (scenario === "openai")
            return foundry(res, { method: req.method ?? "", path, authorization, authorized, body }, options.foundry);
        const route = /\/(chat\/)?completions$/.test(path) && req.method === "POST";
        if (!route) return send(res, 404, error("NotFound", `no route ${req.method} ${path}`));
        if (scenario.startsWith("echo-")) {
            // A service that echoes the credential in its error body, as given, cut, upper-cased or base64-encoded.
            const credential = String(authorization ?? "");
            const form =
                scenario === "echo-upper"
                    ? credential.toUpperCase()
                    : scenario === "echo-base64"
                      ? Buffer.from(credential).toString("base64")
                      : credential;
            const padding = scenario === "echo-cut" ? "x".repeat(150) : "";
            const status = scenario === "echo-401" ? 401 : 500;
            return send(res, status, error("Echo", `${padding}bad credential ${form}`));
        }
        if (scenario === "forbidden")
            return send(res, 403, error("PermissionDenied", "principal lacks the data action"));
        if (scenario === "gone") return send(res, 404, error("DeploymentNotFound", "the model is not available"));
        if (scenario === "limited")
            return send(res, 429, error("TooManyRequests", "rate limit exceeded"), { "retry-after": "7" });
        if (scenario === "slow") {
            await new Promise((r) => setTimeout(r, options.slowMs ?? 2000));
            if (!res.destroyed) send(res, 200, answer(path, body, "slow"));
            return;
        }
        if (scenario !== "ok") return send(res, 404, error("NotFound", `no route ${path}`));
        if (!authorized) return send(res, 401, error("Unauthorized", "invalid key or token"));
        const deployment = req.headers["azureml-model-deployment"];
        if (options.deployments && typeof deployment === "string" && !options.deployments.includes(deployment))
            return send(res, 404, error("DeploymentNotFound", `no deployment ${deployment}`));
        return send(res, 200, answer(path, body, typeof deployment === "string" ? deployment : "model"));
    };
    const server = createServer({ cert: TEST_SERVER_CERT, key: TEST_SERVER_KEY }, (req, res) => {
        handle(req, res).catch((e: unknown) => send(res, 500, error("Internal", String(e))));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    return {
        origin: `https://127.0.0.1:${port}`,
        requests,
        close: async () => {
            server.closeAllConnections();
            server.close();
            await once(server, "close");
        },
    };
}
