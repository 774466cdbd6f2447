/**
 * `--wait-for-access SECONDS`: a deployment that answers 403 while a new role assignment propagates is called again
 * with a growing backoff until it answers or the wait is over, then reported as without the option. A loopback
 * Foundry endpoint answers 403 first, then 200; the clock and the sleep are fakes, so no test waits.
 */
import type { TokenCredential } from "@azure/identity";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../smoke/cli";
import { smoke } from "../../smoke/run";
import { startModelServer, TEST_SERVER_CERT, type ModelServer } from "../helpers/modelServer";

/** The loopback model server is no Azure host: the smoke check sends it credentials only when allowed by name. */
const LOOPBACK = ["127.0.0.1"];
const TOKEN = "entra-token-for-the-test";
const credential: TokenCredential = {
    getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3600_000 }),
};
let server: ModelServer | undefined;
afterEach(async () => {
    await server?.close();
    server = undefined;
});

/** The outputs of a stack with one Foundry deployment, pointed at the server. */
function outputs(origin: string) {
    return {
        foundry: {
            deployments: {
                "mistral-large": {
                    model: "mistral-large",
                    modelName: "Mistral-Large-3",
                    openAiBaseUrl: `${origin}/openai/v1/`,
                    entraScope: "https://cognitiveservices.azure.com/.default",
                    capacity: 100,
                },
            },
        },
    };
}

/** A fake clock that the fake sleep advances, and the waits it was asked for. */
function fakeTime() {
    let t = 0;
    const waits: number[] = [];
    return {
        waits,
        now: () => t,
        sleep: async (ms: number) => {
            waits.push(ms);
            t += ms;
        },
    };
}

describe("smoke --wait-for-access", () => {
    it("retries 403 with a doubling backoff until the role applies, then passes", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large"], forbiddenFirst: 2 },
        });
        const time = fakeTime();
        const report = await smoke(outputs(server.origin), {
            ca: TEST_SERVER_CERT,
            timeoutSeconds: 5,
            credential,
            waitForAccessSeconds: 60,
            allowedHosts: LOOPBACK,
            ...time,
        });
        expect(report.passed).toBe(true);
        expect(report.results.map((r) => [r.endpoint, r.status, r.ok])).toEqual([
            ["foundry.deployments.mistral-large", 200, true],
        ]);
        expect(time.waits).toEqual([2000, 4000]);
        expect(server.requests.length).toBe(3);
    });

    it("gives up at the deadline and reports the 403 as without the option, saying how long it waited", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large"], forbiddenFirst: 100 },
        });
        const time = fakeTime();
        const report = await smoke(outputs(server.origin), {
            ca: TEST_SERVER_CERT,
            timeoutSeconds: 5,
            credential,
            waitForAccessSeconds: 10,
            allowedHosts: LOOPBACK,
            ...time,
        });
        expect(report.passed).toBe(false);
        expect(time.waits).toEqual([2000, 4000]);
        const [r] = report.results;
        expect(r.status).toBe(403);
        expect(r.message).toMatch(/^403 Forbidden: the Microsoft Entra ID/);
        expect(r.message).toMatch(/\(still 403 after 3 calls over 6 s of --wait-for-access\)$/);
    });

    it("without the option: one call, the 403 reported as before", async () => {
        server = await startModelServer({
            keys: [TOKEN],
            foundry: { deployments: ["mistral-large"], forbiddenFirst: 1 },
        });
        const time = fakeTime();
        const report = await smoke(outputs(server.origin), {
            ca: TEST_SERVER_CERT,
            credential,
            allowedHosts: LOOPBACK,
            ...time,
        });
        expect(report.results[0].status).toBe(403);
        expect(report.results[0].message).not.toContain("--wait-for-access");
        expect(time.waits).toEqual([]);
        expect(server.requests.length).toBe(1);
    });

    it("refuses a wait that is not a number of seconds", async () => {
        const r = await main(
            ["--stack", "foundry", "--wait-for-access", "soon"],
            () => "{}",
            credential,
            () => false,
        );
        expect(r).toEqual({ code: 2, stdout: "", stderr: '--wait-for-access "soon" is not a number of seconds\n' });
    });
});
