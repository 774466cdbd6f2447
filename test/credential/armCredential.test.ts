/**
 * The deployer's credential from the `ARM_*` variables (Pulumi ESC azure-login, Pulumi Deployments), against a
 * loopback token endpoint: the grant each variant sends, the cache, the messages of half-set variables and refusals,
 * and the same credential driving the traffic provider's SDK client and the smoke check.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
    armCredential,
    armCredentialSource,
    armSubscriptionId,
    describeArmCredential,
    OIDC_REQUEST_AUDIENCE,
} from "../../infra/util/armCredential";
import { createTrafficClient, defaultClientFactory } from "../../infra/traffic/client";
import { main as smokeMain } from "../../smoke/cli";
import { readTraffic } from "../../infra/traffic/operations";
import { smoke } from "../../smoke/run";
import { startArmServer, type ArmServer } from "../helpers/armServer";
import { startModelServer, type ModelServer } from "../helpers/modelServer";
import { startTokenServer, TEST_SERVER_CERT, type TokenServer } from "../helpers/tokenServer";

const TENANT = "11111111-2222-3333-4444-555555555555";
const CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const SECRET = "client-secret-never-printed";
const ASSERTION = "federated.jwt.from-esc";
const REQUEST_TOKEN = "runner-request-token";
const ARM_SCOPE = "https://management.azure.com/.default";

let tokens: TokenServer | undefined;
let arm: ArmServer | undefined;
let models: ModelServer | undefined;
afterEach(async () => {
    await tokens?.close();
    await arm?.close();
    await models?.close();
    tokens = arm = models = undefined;
});

async function tokenServer(): Promise<TokenServer> {
    tokens = await startTokenServer({
        tenantId: TENANT,
        clientId: CLIENT,
        clientSecret: SECRET,
        assertion: ASSERTION,
        requestToken: REQUEST_TOKEN,
    });
    return tokens;
}

const secretEnv = (t: TokenServer) => ({
    ARM_CLIENT_ID: CLIENT,
    ARM_TENANT_ID: TENANT,
    ARM_CLIENT_SECRET: SECRET,
    AZURE_AUTHORITY_HOST: t.url,
});

describe("armCredentialSource", () => {
    it("names the credential the variables describe, DefaultAzureCredential when none", () => {
        expect(armCredentialSource({})).toEqual({ kind: "default" });
        expect(armCredentialSource({ ARM_CLIENT_ID: CLIENT, ARM_TENANT_ID: TENANT })).toEqual({ kind: "default" });
        const ids = { clientId: CLIENT, tenantId: TENANT };
        expect(armCredentialSource({ ...ids_(), ARM_CLIENT_SECRET: SECRET })).toEqual({
            kind: "client-secret",
            ...ids,
        });
        expect(armCredentialSource({ ...ids_(), ARM_USE_OIDC: "true", ARM_OIDC_TOKEN: ASSERTION })).toEqual({
            kind: "oidc-token",
            ...ids,
        });
        expect(
            armCredentialSource({
                ...ids_(),
                ARM_USE_OIDC: "true",
                ARM_OIDC_REQUEST_TOKEN: REQUEST_TOKEN,
                ARM_OIDC_REQUEST_URL: "https://runner.test/token?x=1",
            }),
        ).toEqual({ kind: "oidc-request", ...ids });
    });

    it("half-set variables fail with every missing one named", () => {
        expect(() => armCredentialSource({ ARM_USE_OIDC: "true" })).toThrow(
            "the ARM_* credential variables are incomplete: ARM_CLIENT_ID is not set; ARM_TENANT_ID is not set; " +
                "ARM_USE_OIDC is true but neither ARM_OIDC_TOKEN nor ARM_OIDC_REQUEST_TOKEN with ARM_OIDC_REQUEST_URL is set",
        );
        expect(() => armCredentialSource({ ARM_CLIENT_SECRET: SECRET, ARM_CLIENT_ID: CLIENT })).toThrow(
            "the ARM_* credential variables are incomplete: ARM_TENANT_ID is not set",
        );
    });

    it("reads the subscription as ESC writes it, with or without /subscriptions/", () => {
        expect(armSubscriptionId({ ARM_SUBSCRIPTION_ID: "/subscriptions/0000-1111" })).toBe("0000-1111");
        expect(armSubscriptionId({ AZURE_SUBSCRIPTION_ID: "2222" })).toBe("2222");
        expect(armSubscriptionId({})).toBeUndefined();
    });

    it("describes a credential without its secret", () => {
        const text = describeArmCredential(armCredentialSource({ ...ids_(), ARM_CLIENT_SECRET: SECRET }));
        expect(text).toBe(`ARM_* client secret of client ${CLIENT} in tenant ${TENANT}`);
    });
});

function ids_() {
    return { ARM_CLIENT_ID: CLIENT, ARM_TENANT_ID: TENANT };
}

describe("armCredential against a loopback token endpoint", () => {
    it("ARM_CLIENT_SECRET: the client-credentials grant with the secret, cached per scope", async () => {
        const t = await tokenServer();
        const credential = armCredential(secretEnv(t), { ca: TEST_SERVER_CERT });
        const token = await credential.getToken(ARM_SCOPE);
        expect(token?.token).toBe(t.accessToken);
        expect(token!.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3_500_000);
        await credential.getToken(ARM_SCOPE);
        expect(t.requests).toEqual([
            {
                method: "POST",
                path: `/${TENANT}/oauth2/v2.0/token`,
                fields: {
                    grant_type: "client_credentials",
                    client_id: CLIENT,
                    scope: ARM_SCOPE,
                    client_secret: SECRET,
                },
                authorization: undefined,
                status: 200,
            },
        ]);
    });

    it("ARM_OIDC_TOKEN (Pulumi ESC azure-login with oidc): the token goes as client assertion", async () => {
        const t = await tokenServer();
        const env = { ...ids_(), ARM_USE_OIDC: "true", ARM_OIDC_TOKEN: ASSERTION, AZURE_AUTHORITY_HOST: t.url };
        const token = await armCredential(env, { ca: TEST_SERVER_CERT }).getToken(ARM_SCOPE);
        expect(token?.token).toBe(t.accessToken);
        expect(t.requests.map((r) => r.fields)).toEqual([
            {
                grant_type: "client_credentials",
                client_id: CLIENT,
                scope: ARM_SCOPE,
                client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                client_assertion: ASSERTION,
            },
        ]);
    });

    it("ARM_OIDC_REQUEST_TOKEN + ARM_OIDC_REQUEST_URL: asks the runner for a token, then exchanges it", async () => {
        const t = await tokenServer();
        const env = {
            ...ids_(),
            ARM_USE_OIDC: "true",
            ARM_OIDC_REQUEST_TOKEN: REQUEST_TOKEN,
            ARM_OIDC_REQUEST_URL: `${t.oidcRequestUrl}?api-version=2.0`,
            AZURE_AUTHORITY_HOST: t.url,
        };
        const token = await armCredential(env, { ca: TEST_SERVER_CERT }).getToken(ARM_SCOPE);
        expect(token?.token).toBe(t.accessToken);
        expect(t.requests.map((r) => [r.method, r.path, r.status])).toEqual([
            ["GET", "/oidc", 200],
            ["POST", `/${TENANT}/oauth2/v2.0/token`, 200],
        ]);
        expect(t.requests[0].fields).toEqual({ "api-version": "2.0", audience: OIDC_REQUEST_AUDIENCE });
        expect(t.requests[0].authorization).toBe(`Bearer ${REQUEST_TOKEN}`);
        expect(t.requests[1].fields.client_assertion).toBe(ASSERTION);
    });

    it("a refused secret: the error names the client and Entra's code, never the secret", async () => {
        const t = await tokenServer();
        const env = { ...secretEnv(t), ARM_CLIENT_SECRET: "wrong-secret-value" };
        const error = await armCredential(env, { ca: TEST_SERVER_CERT })
            .getToken(ARM_SCOPE)
            .catch((e: Error) => e);
        expect((error as Error).message).toBe(
            `ARM_* client secret of client ${CLIENT} in tenant ${TENANT}: the token endpoint ${t.url} refused the request (invalid_client)`,
        );
        expect((error as Error).message).not.toContain("wrong-secret-value");
    });
});

describe("the same credential drives the traffic provider's client and the smoke check", () => {
    it("traffic: the SDK client signs its ARM read with the ARM_* token", async () => {
        const t = await tokenServer();
        arm = await startArmServer();
        const ref = {
            subscriptionId: "00000000-1111-2222-3333-444444444444",
            resourceGroupName: "rg",
            workspaceName: "ws",
            endpointName: "ep",
        };
        arm.seedEndpoint(ref, {});
        arm.seedDeployment(ref, "blue");
        const url = arm.url;
        const live = await readTraffic(ref, {
            createClient: (sub) =>
                createTrafficClient(armCredential(secretEnv(t), { ca: TEST_SERVER_CERT }), sub, {
                    endpoint: url,
                    tlsOptions: { ca: TEST_SERVER_CERT },
                }),
        });
        expect(live).toEqual({ traffic: {}, mirrorTraffic: {}, provisioningState: "Succeeded" });
        // The SDK asks for its endpoint's scope: the loopback server here, https://management.azure.com in real runs.
        expect(t.requests.map((r) => r.fields.scope)).toEqual([`${url}/.default`]);
    });

    it("smoke: an Entra ID target gets the ARM_* token for its own scope", async () => {
        const t = await tokenServer();
        models = await startModelServer({ keys: [t.accessToken], deployments: ["blue"] });
        const outputs = {
            onlineEndpoints: {
                chat: {
                    authMode: "AADToken",
                    scoringUri: `${models.origin}/ok/score`,
                    client: { baseURL: `${models.origin}/ok/v1` },
                    deployments: { blue: { model: "Llama-3.3-70B-Instruct" } },
                },
            },
        };
        const report = await smoke(outputs, {
            ca: TEST_SERVER_CERT,
            timeoutSeconds: 5,
            allowedHosts: ["127.0.0.1"],
            credential: armCredential(secretEnv(t), { ca: TEST_SERVER_CERT }),
        });
        expect(report.results.map((r) => [r.endpoint, r.ok, r.status, r.ok ? "" : r.message])).toEqual([
            ["onlineEndpoints.chat/blue", true, 200, ""],
        ]);
        expect(t.requests.map((r) => r.fields.scope)).toEqual(["https://ml.azure.com/.default"]);
    });

    it("the real entry points read the ARM_* variables: half-set ones stop them with the same message", async () => {
        vi.stubEnv("ARM_USE_OIDC", "true");
        vi.stubEnv("ARM_CLIENT_ID", CLIENT);
        vi.stubEnv("ARM_TENANT_ID", "");
        try {
            const message =
                "the ARM_* credential variables are incomplete: ARM_TENANT_ID is not set; " +
                "ARM_USE_OIDC is true but neither ARM_OIDC_TOKEN nor ARM_OIDC_REQUEST_TOKEN with ARM_OIDC_REQUEST_URL is set";
            expect(() => defaultClientFactory("00000000-1111-2222-3333-444444444444")).toThrow(message);
            await expect(smokeMain(["--stack", "dev"], () => "{}")).rejects.toThrow(message);
        } finally {
            vi.unstubAllEnvs();
        }
    });
});
