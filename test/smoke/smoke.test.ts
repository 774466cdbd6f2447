/**
 * The post-deploy smoke check against a loopback HTTPS server that answers as the OpenAI-compatible APIs do: the
 * success table, and the message for each failure a user meets (401, 403, 404, 429, timeout, TLS, DNS).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { TokenCredential } from "@azure/identity";
import { afterEach, describe, expect, it } from "vitest";
import { runPlan } from "../../plan/run/run";
import { main } from "../../smoke/cli";
import { smokeTarget } from "../../smoke/check";
import { renderReport, smoke } from "../../smoke/run";
import { FOUNDRY_ROLE_HINT, OutputsError, readTargets } from "../../smoke/targets";
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

/** A stand-in for `DefaultAzureCredential`: hands out `token` for any scope and records the scopes asked for. */
function fakeCredential(token: string, scopes: string[] = []): TokenCredential {
    return {
        getToken: async (scope: string | string[]) => {
            scopes.push(...[scope].flat());
            return { token, expiresOnTimestamp: Date.now() + 3600_000 };
        },
    };
}

const options = (extra: Record<string, unknown> = {}) => ({
    // The loopback server stands in for Azure's inference hosts (the only hosts keys go to by default).
    allowedHosts: ["127.0.0.1", "*.invalid"],
    ca: TEST_SERVER_CERT,
    timeoutSeconds: 5,
    today: TODAY,
    credential: fakeCredential(TOKEN),
    ...extra,
});

describe("smoke check", () => {
    it("calls every serverless, online and Foundry deployment once and prints status, latency and tokens", async () => {
        server = await startModelServer({
            keys: [KEY, ONLINE_KEY, TOKEN],
            deployments: ["blue", "green"],
            foundry: { deployments: ["mistral-large"] },
        });
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
            foundry: {
                deployments: {
                    "mistral-large": {
                        model: "mistral-large",
                        modelName: "Mistral-Large-3",
                        openAiBaseUrl: `${o}/openai/v1/`,
                        entraScope: "https://cognitiveservices.azure.com/.default",
                        capacity: 100,
                    },
                },
            },
        };
        const scopes: string[] = [];
        const report = await smoke(outputs, options({ credential: fakeCredential(TOKEN, scopes) }));
        expect(report.passed).toBe(true);
        expect(report.results.map((r) => [r.endpoint, r.model, r.status, r.tokens, r.ok])).toEqual([
            ["deployments.ministral", "Ministral-3B", 200, 11, true],
            ["deployments.base", "Meta-Llama-3.1-8B", 200, 11, true],
            ["onlineEndpoints.mixtral/blue", "mistralai-Mixtral-8x7B-Instruct-v01", 200, 11, true],
            ["onlineEndpoints.entra/green", "Llama-2-7b-chat", 200, 11, true],
            ["foundry.deployments.mistral-large", "Mistral-Large-3", 200, 11, true],
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
                ["/openai/v1/chat/completions", true, "mistral-large", 5, undefined],
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
        };
        const report = await smoke(outputs, options());
        expect(report.results.map((r) => r.message?.split(" (service said")[0])).toEqual([
            "403 Forbidden: the Microsoft Entra ID token for https://ml.azure.com/.default was accepted but not allowed: the identity needs Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action on the endpoint (e.g. AzureML Data Scientist)",
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
            foundry: {
                deployments: {
                    keyed: { model: "keyed", openAiBaseUrl: "https://z/openai/v1/", primaryKey: "[secret]" },
                    old: { model: "old", baseURL: "https://z/openai/v1/" },
                },
            },
        };
        expect(() => readTargets(outputs)).toThrow(OutputsError);
        expect(() => readTargets(outputs)).toThrow(
            "deployments.m.primaryKey is not in the outputs: read them with pulumi stack output --json --show-secrets\n" +
                "onlineEndpoints.e.primaryKey is not in the outputs: read them with pulumi stack output --json --show-secrets\n" +
                "foundry.deployments.keyed.primaryKey is not in the outputs: read them with pulumi stack output --json --show-secrets",
        );
        // A Foundry deployment without openAiBaseUrl (outputs of another version) is named too.
        const old = { foundry: { deployments: { old: { model: "old", baseURL: "https://z/openai/v1/" } } } };
        expect(() => readTargets(old)).toThrow(
            "foundry.deployments.old.openAiBaseUrl is missing from the outputs (is the stack deployed with this version?)",
        );
    });
});

/**
 * The `foundry` output exactly as `npm run plan -- --stack foundry` computes it from `Pulumi.foundry.yaml` (local
 * auth off: no keys), with the account's host pointed at the loopback server.
 */
let planned: Record<string, unknown> | undefined;
async function foundryOutputs(origin: string): Promise<{ foundry: Record<string, unknown> }> {
    if (!planned) {
        const plan = await runPlan({
            projectDir: ROOT,
            stack: "foundry",
            preview: false,
            policies: false,
            today: TODAY,
        });
        expect(plan.errors).toEqual([]);
        planned = plan.outputs.find((o) => o.name === "foundry")!.value as Record<string, unknown>;
    }
    const host = new URL(String(planned.openAiBaseUrl)).origin;
    return { foundry: JSON.parse(JSON.stringify(planned).split(host).join(origin)) as Record<string, unknown> };
}

const FOUNDRY_SCOPE = "https://cognitiveservices.azure.com/.default";

describe("smoke check of Foundry deployments (Pulumi.foundry.yaml)", () => {
    it("reads the planned outputs: openAiBaseUrl, model (the deployment), entraScope, no key", async () => {
        const { foundry } = await foundryOutputs("https://loopback.test");
        const { targets } = readTargets({ foundry });
        expect(targets).toEqual([
            // The OpenAI model outside the catalog is called like any other: chat, with its deployment name.
            expect.objectContaining({
                endpoint: "foundry.deployments.gpt-mini",
                model: "gpt-5.4-mini",
                modelField: "gpt-mini",
                api: "chat",
                auth: { kind: "entra", scope: FOUNDRY_SCOPE },
            }),
            expect.objectContaining({
                endpoint: "foundry.deployments.llama-scout",
                model: "Llama-4-Scout-17B-16E-Instruct",
                modelField: "llama-scout",
                auth: { kind: "entra", scope: FOUNDRY_SCOPE },
            }),
            {
                endpoint: "foundry.deployments.mistral-large",
                kind: "foundry",
                model: "Mistral-Large-3",
                baseURL: "https://loopback.test/openai/v1/",
                api: "chat",
                modelField: "mistral-large",
                auth: { kind: "entra", scope: FOUNDRY_SCOPE },
                headers: {},
                roleHint: FOUNDRY_ROLE_HINT,
                rateLimit: "deployment mistral-large has capacity 100: 100000 tokens per minute",
            },
        ]);
    }, 180_000);

    it("200: sends an Entra ID token for entraScope to POST /openai/v1/chat/completions with model = the deployment", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large", "llama-scout", "gpt-mini"] },
        });
        const scopes: string[] = [];
        const report = await smoke(
            await foundryOutputs(server.origin),
            options({ credential: fakeCredential(TOKEN, scopes) }),
        );
        expect(report.passed).toBe(true);
        expect(report.results.map((r) => [r.endpoint, r.model, r.status, r.tokens])).toEqual([
            ["foundry.deployments.gpt-mini", "gpt-5.4-mini", 200, 11],
            ["foundry.deployments.llama-scout", "Llama-4-Scout-17B-16E-Instruct", 200, 11],
            ["foundry.deployments.mistral-large", "Mistral-Large-3", 200, 11],
        ]);
        expect(scopes).toEqual([FOUNDRY_SCOPE, FOUNDRY_SCOPE, FOUNDRY_SCOPE]);
        expect(
            server.requests.map((r) => [r.method, r.path, r.authorized, r.body.model, r.body.max_tokens]).sort(),
        ).toEqual([
            ["POST", "/openai/v1/chat/completions", true, "gpt-mini", 5],
            ["POST", "/openai/v1/chat/completions", true, "llama-scout", 5],
            ["POST", "/openai/v1/chat/completions", true, "mistral-large", 5],
        ]);
        expect(renderReport(report, "foundry")).not.toContain(TOKEN);
    }, 180_000);

    it("401 and 403: a refused token, a token without the Foundry User role, a wrong key; none is printed", async () => {
        const NO_ROLE = "entra-token-without-role";
        server = await startModelServer({
            keys: [KEY],
            foundry: { deployments: ["mistral-large", "llama-scout", "gpt-mini"], withoutRole: [NO_ROLE] },
        });
        const outputs = await foundryOutputs(server.origin);
        const refused = await smoke(outputs, options({ credential: fakeCredential("token-of-another-tenant") }));
        expect(refused.results.map((r) => [r.status, r.message?.split(" (service said")[0]])).toEqual(
            ["gpt-mini", "mistral-large", "llama-scout"].map(() => [
                401,
                `401 Unauthorized: the Foundry resource refused the Microsoft Entra ID token for ${FOUNDRY_SCOPE}: the token is for another tenant or has expired: sign in to the resource's tenant (az login --tenant)`,
            ]),
        );
        const noRole = await smoke(outputs, options({ credential: fakeCredential(NO_ROLE) }));
        expect(noRole.results[0]).toMatchObject({ status: 403, ok: false });
        expect(noRole.results[0].message?.split(" (service said")[0]).toBe(
            `403 Forbidden: the Microsoft Entra ID token for ${FOUNDRY_SCOPE} was accepted but not allowed: the identity needs the Foundry User role (formerly Azure AI User, id 53ca6127-db72-4b80-b1b0-d745d6d5456d) on the Foundry resource: add it under azure-ai-models:foundry.principals, or assign it with az role assignment create`,
        );
        // Local auth on: the stack exports the account's keys (secrets) next to each deployment.
        const deployments = outputs.foundry.deployments as Record<string, Record<string, unknown>>;
        const withKey = {
            foundry: {
                ...outputs.foundry,
                localAuth: "enabled",
                deployments: {
                    "mistral-large": {
                        ...deployments["mistral-large"],
                        primaryKey: "wrong-foundry-key-5678",
                        secondaryKey: "s2",
                    },
                },
            },
        };
        const wrongKey = await smoke(withKey, options());
        expect(wrongKey.results[0].message?.split(" (service said")[0]).toBe(
            "401 Unauthorized: the Foundry resource refused the key foundry.deployments.mistral-large.primaryKey: the key is wrong (regenerated since the outputs were read) or local auth was turned off: read the outputs again with --show-secrets, or drop the key and use Microsoft Entra ID",
        );
        const all = JSON.stringify([refused, noRole, wrongKey]);
        for (const secret of ["token-of-another-tenant", NO_ROLE, "wrong-foundry-key-5678"])
            expect(all).not.toContain(secret);
        const right = {
            foundry: {
                ...withKey.foundry,
                deployments: { "mistral-large": { ...withKey.foundry.deployments["mistral-large"], primaryKey: KEY } },
            },
        };
        const keyed = await smoke(right, options({ credential: fakeCredential("unused") }));
        expect(keyed.results[0]).toMatchObject({ status: 200, ok: true });
        expect(server.requests.at(-1)!.authorized).toBe(true);
    }, 180_000);

    it("404: a deployment that does not exist, and a deployment of a retired model with its replacement; OCR not called", async () => {
        server = await startModelServer({ keys: [TOKEN], foundry: { deployments: ["llama-scout"] } });
        const outputs = await foundryOutputs(server.origin);
        const report = await smoke(outputs, options());
        expect(report.results.map((r) => [r.endpoint, r.status, r.message])).toEqual([
            [
                "foundry.deployments.gpt-mini",
                404,
                `404 Not Found: the Foundry resource ${new URL(server.origin).host} has no deployment named gpt-mini (POST ${server.origin}/openai/v1/chat/completions with model "gpt-mini"): it was deleted or renamed, or pulumi up has not created it yet (compare with pulumi refresh); use the deployment's openAiBaseUrl and model outputs (service said: {"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."})`,
            ],
            ["foundry.deployments.llama-scout", 200, undefined],
            [
                "foundry.deployments.mistral-large",
                404,
                `404 Not Found: the Foundry resource ${new URL(server.origin).host} has no deployment named mistral-large (POST ${server.origin}/openai/v1/chat/completions with model "mistral-large"): it was deleted or renamed, or pulumi up has not created it yet (compare with pulumi refresh); use the deployment's openAiBaseUrl and model outputs (service said: {"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."})`,
            ],
        ]);
        // A retired model's deployment answers 404 too: the message names the date and the replacement.
        const [target] = readTargets(outputs).targets.filter((t) => t.modelField === "llama-scout");
        const gone = await smokeTarget(
            { ...target, model: "mistral-document-ai-2505", modelField: "mistral-large" },
            options(),
        );
        expect(gone.message?.split(" (service said")[0]).toBe(
            "404 Not Found: mistral-document-ai-2505 was retired on 2026-07-15: its Foundry deployments return 404; replacement: mistral-document-ai-2512 on a Foundry resource (azure-ai-models:foundry)",
        );
        // Document OCR is not chat: such a deployment is listed as not called.
        const deployments = outputs.foundry.deployments as Record<string, Record<string, unknown>>;
        const ocr = { ...deployments["llama-scout"], model: "ocr", modelName: "mistral-document-ai-2512" };
        expect(readTargets({ foundry: { deployments: { ocr } } })).toEqual({
            targets: [],
            skipped: [
                {
                    endpoint: "foundry.deployments.ocr",
                    model: "mistral-document-ai-2512",
                    reason: "ocr model: no chat completions to call",
                },
            ],
        });
    }, 180_000);

    it("429: the deployment's capacity and the wait Azure asks for", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large", "llama-scout", "gpt-mini"], limited: ["mistral-large"] },
        });
        const report = await smoke(await foundryOutputs(server.origin), options());
        expect(report.passed).toBe(false);
        expect(report.results[0]).toMatchObject({ endpoint: "foundry.deployments.gpt-mini", status: 200, ok: true });
        expect(report.results[1]).toMatchObject({ endpoint: "foundry.deployments.llama-scout", status: 200, ok: true });
        expect(report.results[2].status).toBe(429);
        expect(report.results[2].message?.split(" (service said")[0]).toBe(
            "429 Too Many Requests: rate limited (deployment mistral-large has capacity 100: 100000 tokens per minute); retry after 12 s",
        );
    }, 180_000);

    it("a credential that cannot give a token: nothing is sent, the message says how to sign in", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large", "llama-scout", "gpt-mini"] },
        });
        const failing: TokenCredential = {
            getToken: async () => {
                throw new Error("DefaultAzureCredential failed to retrieve a token from the included credentials.");
            },
        };
        const report = await smoke(await foundryOutputs(server.origin), options({ credential: failing }));
        expect(report.results[0].message).toBe(
            `Entra ID: no token for ${FOUNDRY_SCOPE}: DefaultAzureCredential failed to retrieve a token from the included credentials.; sign in first (az login, a managed identity, or the workflow's OpenID Connect login)`,
        );
        expect(server.requests).toEqual([]);
    }, 180_000);

    it("npm run smoke with an injected credential: exit 0, the table, no token", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large", "llama-scout", "gpt-mini"] },
        });
        const dir = mkdtempSync(path.join(tmpdir(), "aim-smoke-foundry-"));
        const file = path.join(dir, "outputs.json");
        writeFileSync(file, JSON.stringify(await foundryOutputs(server.origin)));
        const ca = path.join(dir, "ca.pem");
        writeFileSync(ca, TEST_SERVER_CERT);
        const r = await main(
            ["--stack", "foundry", "--outputs", file, "--ca", ca, "--allow-host", "127.0.0.1"],
            undefined,
            fakeCredential(TOKEN),
        );
        expect(r.code).toBe(0);
        expect(r.stdout.split("\n")[0]).toBe("Smoke check: stack foundry, 3 deployment(s) called, 0 failed");
        expect(r.stdout).toMatch(/\nfoundry\.deployments\.mistral-large +Mistral-Large-3 +200 +\d+ ms +11 +ok\n/);
        expect(r.stdout + r.stderr).not.toContain(TOKEN);
    }, 180_000);
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
                    [require.resolve("tsx/cli"), "smoke/cli.ts", ...args, ...extra, "--allow-host", "127.0.0.1"],
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

describe("credentials stay secret", () => {
    const SECRET_KEY = "q7Lk2Vx9Rt4Wm8Zp3Nc6Hb1Yf5Gd0Sj2";

    /** Every 6-character run of the key, as given, upper-cased and in base64 of the bearer header. */
    const fragments = () => {
        // base64 of the header from its 11th character on: the first 10 encode "Bearer " (and one bit of the key).
        const forms = [
            SECRET_KEY,
            SECRET_KEY.toUpperCase(),
            Buffer.from(`Bearer ${SECRET_KEY}`).toString("base64").slice(10),
        ];
        return forms.flatMap((f) => Array.from({ length: f.length - 5 }, (_, i) => f.slice(i, i + 6)));
    };

    it("an error body echoing the key whole, cut, upper-cased or base64-encoded shows none of it; 401 bodies are not shown", async () => {
        server = await startModelServer({ keys: [SECRET_KEY] });
        const scenarios = ["echo-whole", "echo-cut", "echo-upper", "echo-base64", "echo-401"];
        const outputs = {
            deployments: Object.fromEntries(
                scenarios.map((s) => [
                    s,
                    serverless(`${server!.origin}/${s}`, "Ministral-3B", { primaryKey: SECRET_KEY }),
                ]),
            ),
        };
        const report = await smoke(outputs, options());
        expect(report.results.map((r) => r.status)).toEqual([500, 500, 500, 500, 401]);
        // Hidden, then cut: the cut one ends inside the mark.
        for (const r of report.results.slice(0, 4)) expect(r.message).toMatch(/\[s/);
        expect(report.results[4].message).not.toContain("service said");
        const text = JSON.stringify(report) + renderReport(report, "dev");
        for (const f of fragments()) expect(text, f).not.toContain(f);
    });

    it("sends no credential over http or to a host that is not of the target's kind, unless allowed", async () => {
        const targets = [
            ["http", "http://ministral.eastus2.models.ai.azure.com"],
            ["elsewhere", "https://collector.example.com"],
            ["wrongKind", "https://acct.openai.azure.com"],
        ] as const;
        const outputs = {
            deployments: Object.fromEntries(targets.map(([n, url]) => [n, serverless(url, "Ministral-3B")])),
        };
        const report = await smoke(outputs, options({ allowedHosts: [] }));
        expect(report.results.map((r) => [r.endpoint, r.ok, r.message])).toEqual([
            ["deployments.http", false, "not called: http:// is not https: credentials go over https only"],
            [
                "deployments.elsewhere",
                false,
                "not called: collector.example.com is not a serverless inference host (*.models.ai.azure.com): credentials are not sent there; for a custom domain pass --allow-host collector.example.com",
            ],
            [
                "deployments.wrongKind",
                false,
                "not called: acct.openai.azure.com is not a serverless inference host (*.models.ai.azure.com): credentials are not sent there; for a custom domain pass --allow-host acct.openai.azure.com",
            ],
        ]);
    });
});
