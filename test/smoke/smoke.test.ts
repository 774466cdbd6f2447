/**
 * The post-deploy smoke check against a loopback HTTPS server that answers as the OpenAI-compatible APIs do: the
 * success table, and the message for each failure a user meets (401, 403, 404, 429, timeout, TLS, DNS).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderReport, smoke } from "../../smoke/run";
import { OutputsError, readTargets } from "../../smoke/targets";
import { startModelServer, TEST_SERVER_CERT, type ModelServer } from "../helpers/modelServer";

const KEY = "sk-serverless-0123456789abcdef";
const ONLINE_KEY = "online-key-fedcba9876543210";
const TOKEN = "entra-token-for-tests";
const TODAY = new Date("2026-12-01T00:00:00Z");
const ROOT = path.resolve(__dirname, "../..");

let server: ModelServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});

/** One serverless deployment output, as the stack exports it. */
function serverless(base: string, model: string, extra: Record<string, unknown> = {}) {
    return {
        model,
        type: "serverless",
        uri: base,
        client: {
            baseURL: `${base}/v1`,
            api: "chat",
            authorization: { header: "Authorization", value: "Bearer <primaryKey or secondaryKey>" },
            model,
            modelRequired: false,
        },
        primaryKey: KEY,
        secondaryKey: "second-key-not-used",
        ...extra,
    };
}

const options = (extra: Record<string, unknown> = {}) => ({
    ca: TEST_SERVER_CERT,
    timeoutSeconds: 5,
    today: TODAY,
    getToken: async () => TOKEN,
    ...extra,
});

describe("smoke check", () => {
    it("calls every serverless, online and Foundry deployment once and prints status, latency and tokens", async () => {
        server = await startModelServer({ keys: [KEY, ONLINE_KEY, TOKEN], deployments: ["blue", "green"] });
        const o = server.origin;
        const outputs = {
            deployments: {
                ministral: serverless(`${o}/ok`, "Ministral-3B"),
                base: serverless(`${o}/ok`, "Meta-Llama-3.1-8B", {
                    client: { baseURL: `${o}/ok/v1`, api: "completions", model: "Meta-Llama-3.1-8B" },
                }),
                ocr: { model: "mistral-document-ai-2505", type: "serverless", uri: `${o}/ok`, primaryKey: KEY },
            },
            onlineEndpoints: {
                mixtral: {
                    authMode: "Key",
                    scoringUri: `${o}/ok/score`,
                    client: { baseURL: `${o}/ok`, deploymentHeader: "azureml-model-deployment" },
                    deployments: { blue: { model: "mistralai-Mixtral-8x7B-Instruct-v01", api: "chat" } },
                    primaryKey: ONLINE_KEY,
                },
                entra: {
                    authMode: "AADToken",
                    client: { baseURL: `${o}/ok`, deploymentHeader: "azureml-model-deployment" },
                    deployments: { green: { model: "Llama-2-7b-chat", api: "chat" } },
                },
            },
            foundry: { deployments: { large: { baseURL: `${o}/ok/openai/v1`, model: "Mistral-Large-3" } } },
        };
        const scopes: string[] = [];
        const report = await smoke(outputs, options({ getToken: async (s: string) => (scopes.push(s), TOKEN) }));
        expect(report.passed).toBe(true);
        expect(report.results.map((r) => [r.endpoint, r.model, r.status, r.tokens, r.ok])).toEqual([
            ["deployments.ministral", "Ministral-3B", 200, 11, true],
            ["deployments.base", "Meta-Llama-3.1-8B", 200, 11, true],
            ["onlineEndpoints.mixtral/blue", "mistralai-Mixtral-8x7B-Instruct-v01", 200, 11, true],
            ["onlineEndpoints.entra/green", "Llama-2-7b-chat", 200, 11, true],
            ["foundry.deployments.large", "Mistral-Large-3", 200, 11, true],
        ]);
        expect(scopes.sort()).toEqual([
            "https://cognitiveservices.azure.com/.default",
            "https://ml.azure.com/.default",
        ]);
        // What went over the wire: the documented routes, the key as bearer, a minimal body, the deployment header.
        const sent = server.requests.map((r) => [
            r.path,
            r.authorized,
            r.body.model,
            r.body.max_tokens,
            r.headers["azureml-model-deployment"],
        ]);
        expect(sent.sort()).toEqual(
            [
                ["/ok/v1/chat/completions", true, "Ministral-3B", 5, undefined],
                ["/ok/v1/completions", true, "Meta-Llama-3.1-8B", 5, undefined],
                ["/ok/chat/completions", true, "mistralai-Mixtral-8x7B-Instruct-v01", 5, "blue"],
                ["/ok/chat/completions", true, "Llama-2-7b-chat", 5, "green"],
                ["/ok/openai/v1/chat/completions", true, "Mistral-Large-3", 5, undefined],
            ].sort(),
        );
        const text = renderReport(report, "dev");
        const lines = text.split("\n");
        expect(lines[0]).toBe("Smoke check: stack dev, 5 deployment(s) called, 0 failed");
        expect(lines[2]).toMatch(/^endpoint +model +status +latency +tokens +result$/);
        expect(lines[3]).toMatch(/^deployments\.ministral +Ministral-3B +200 +\d+ ms +11 +ok$/);
        expect(lines.slice(-2)).toEqual([
            "Not called:",
            "  deployments.ocr (mistral-document-ai-2505): no chat or completions route (client is absent)",
        ]);
        expect(text).not.toContain(KEY);
        expect(text).not.toContain(ONLINE_KEY);
    });

    it("401: names the key that was refused, never its value", async () => {
        server = await startModelServer({ keys: ["another-key-entirely"] });
        const report = await smoke(
            { deployments: { m: serverless(`${server.origin}/ok`, "Ministral-3B") } },
            options(),
        );
        expect(report.passed).toBe(false);
        expect(report.results[0]).toMatchObject({ status: 401, ok: false });
        expect(report.results[0].message).toMatch(
            /^401 Unauthorized: the endpoint refused the key deployments\.m\.primaryKey; a regenerated key/,
        );
        expect(JSON.stringify(report)).not.toContain(KEY);
    });

    it("403: says which role the identity needs", async () => {
        server = await startModelServer();
        const outputs = {
            onlineEndpoints: {
                e: {
                    authMode: "AADToken",
                    client: { baseURL: `${server.origin}/forbidden` },
                    deployments: { blue: { model: "Llama-2-7b-chat" } },
                },
            },
            foundry: {
                deployments: {
                    f: {
                        baseURL: `${server.origin}/forbidden/openai/v1`,
                        model: "Llama-4-Maverick-17B-128E-Instruct-FP8",
                    },
                },
            },
        };
        const report = await smoke(outputs, options());
        expect(report.results.map((r) => r.message?.split(" (service said")[0])).toEqual([
            "403 Forbidden: the Microsoft Entra ID token for https://ml.azure.com/.default was accepted but not allowed: the identity needs Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action on the endpoint (e.g. AzureML Data Scientist)",
            "403 Forbidden: the Microsoft Entra ID token for https://cognitiveservices.azure.com/.default was accepted but not allowed: the identity needs the Foundry User role (formerly Azure AI User) on the Foundry resource",
        ]);
    });

    it("404: a retired model with its replacement, or a wrong route", async () => {
        server = await startModelServer({ keys: [KEY] });
        const outputs = {
            deployments: {
                nemo: serverless(`${server.origin}/gone`, "Mistral-Nemo"),
                vision: serverless(`${server.origin}/gone`, "Llama-3.2-90B-Vision-Instruct"),
                typo: serverless(`${server.origin}/nowhere`, "Ministral-3B"),
            },
        };
        const report = await smoke(outputs, options());
        expect(report.results.map((r) => [r.status, r.message?.split(" (service said")[0]])).toEqual([
            [
                404,
                "404 Not Found: Mistral-Nemo was retired on 2026-01-30: its endpoints return 404; replacement: mistral-small-2503",
            ],
            [
                404,
                "404 Not Found: Llama-3.2-90B-Vision-Instruct was retired on 2026-06-13: its endpoints return 404; replacement: Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on a Foundry resource (azure-ai-models:foundry)",
            ],
            [
                404,
                `404 Not Found: POST ${server.origin}/nowhere/v1/chat/completions does not exist: a wrong route or base URL (use the deployment's client.baseURL), or a deployment that is gone`,
            ],
        ]);
    });

    it("429: rate limited, with the wait the service asks for", async () => {
        server = await startModelServer({ keys: [KEY] });
        const report = await smoke(
            { deployments: { m: serverless(`${server.origin}/limited`, "Ministral-3B") } },
            options(),
        );
        expect(report.results[0].status).toBe(429);
        expect(report.results[0].message).toMatch(
            /^429 Too Many Requests: rate limited \(a serverless deployment allows 200000 tokens and 1000 requests per minute\); retry after 7 s/,
        );
    });

    it("a timeout, an untrusted certificate and a name that does not resolve", async () => {
        server = await startModelServer({ keys: [KEY], slowMs: 3000 });
        const slow = await smoke(
            { deployments: { m: serverless(`${server.origin}/slow`, "Ministral-3B") } },
            options({ timeoutSeconds: 0.3 }),
        );
        expect(slow.results[0]).toMatchObject({ ok: false, message: "timeout: no answer within 0.3 s" });
        expect(slow.results[0].status).toBeUndefined();

        const tls = await smoke(
            { deployments: { m: serverless(`${server.origin}/ok`, "Ministral-3B") } },
            options({ ca: undefined }),
        );
        expect(tls.results[0].message).toMatch(
            /^TLS: the certificate of 127\.0\.0\.1:\d+ is not trusted \([A-Z_]+\): a proxy inspecting TLS needs its CA passed with --ca FILE$/,
        );

        const dns = await smoke(
            { deployments: { m: serverless("https://smoke-test.invalid", "Ministral-3B") } },
            options(),
        );
        expect(dns.results[0].message).toMatch(
            /^DNS: smoke-test\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\): the endpoint was deleted or renamed/,
        );
    });

    it("refuses outputs read without --show-secrets, listing every missing key", () => {
        const outputs = {
            deployments: { m: { ...serverless("https://x", "Ministral-3B"), primaryKey: "[secret]" } },
            onlineEndpoints: { e: { authMode: "Key", client: { baseURL: "https://y" }, deployments: { blue: {} } } },
        };
        expect(() => readTargets(outputs)).toThrow(OutputsError);
        expect(() => readTargets(outputs)).toThrow(
            "deployments.m.primaryKey is not in the outputs: read them with pulumi stack output --json --show-secrets\n" +
                "onlineEndpoints.e.primaryKey is not in the outputs: read them with pulumi stack output --json --show-secrets",
        );
    });
});

describe("npm run smoke", () => {
    it("exits 0 when every deployment answered, 1 when one did not, 2 without a stack, and never prints a key", async () => {
        server = await startModelServer({ keys: [KEY] });
        const dir = mkdtempSync(path.join(tmpdir(), "aim-smoke-"));
        const ca = path.join(dir, "ca.pem");
        writeFileSync(ca, TEST_SERVER_CERT);
        let n = 0;
        // Asynchronous, so this process's loopback server answers while the CLI runs.
        const run = (args: string[], outputs?: unknown) =>
            new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
                const file = path.join(dir, `outputs-${n++}.json`);
                if (outputs !== undefined) writeFileSync(file, JSON.stringify(outputs));
                const extra = outputs === undefined ? [] : ["--outputs", file, "--ca", ca, "--timeout", "10"];
                execFile(
                    process.execPath,
                    [require.resolve("tsx/cli"), "smoke/cli.ts", ...args, ...extra],
                    { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
                    (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
                );
            });
        const good = await run(["--stack", "dev"], {
            deployments: { m: serverless(`${server.origin}/ok`, "Ministral-3B") },
        });
        expect(good.stderr).toBe("");
        expect(good.code).toBe(0);
        expect(good.stdout.split("\n")[0]).toBe("Smoke check: stack dev, 1 deployment(s) called, 0 failed");
        expect(good.stdout).toMatch(/\ndeployments\.m +Ministral-3B +200 +\d+ ms +11 +ok\n/);
        const bad = await run(["--stack", "dev"], {
            deployments: { m: serverless(`${server.origin}/ok`, "Ministral-3B", { primaryKey: "wrong-key-1234" }) },
        });
        expect(bad.code).toBe(1);
        expect(bad.stdout).toContain(
            "  deployments.m: 401 Unauthorized: the endpoint refused the key deployments.m.primaryKey",
        );
        expect(good.stdout + bad.stdout + bad.stderr).not.toContain(KEY);
        expect(bad.stdout).not.toContain("wrong-key-1234");
        const noStack = await run([]);
        expect(noStack.code).toBe(2);
        expect(noStack.stderr.split("\n")[0]).toBe("--stack is required");
    });
});
