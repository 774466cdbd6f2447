/** The ARM reader against the loopback ARM: pagination, 429 with Retry-After, 403, slow answers, bounded concurrency. */
import { afterEach, describe, expect, it } from "vitest";
import { ArmCallError, armReader, retryAfterMs, type ArmReader } from "../../preflight/arm";
import { startPreflightArm, TEST_SERVER_CERT, type PreflightArm } from "../helpers/preflightArm";
import { cleanSubscription, fakeCredential, SUB } from "./fixtures";

let arm: PreflightArm | undefined;
let reader: ArmReader | undefined;
afterEach(async () => {
    await reader?.close();
    await arm?.close();
    arm = reader = undefined;
});

const USAGES = `/subscriptions/${SUB}/providers/Microsoft.CognitiveServices/locations/swedencentral/usages`;
const CS = { "api-version": "2025-06-01" };

function read(server: PreflightArm, extra: Partial<Parameters<typeof armReader>[0]> = {}): ArmReader {
    reader = armReader({ endpoint: server.url, credential: fakeCredential, ca: TEST_SERVER_CERT, ...extra });
    return reader;
}

describe("armReader", () => {
    it("follows nextLink to the last page", async () => {
        arm = await startPreflightArm({ ...cleanSubscription(), pageSize: 1 });
        const items = (await read(arm).list(USAGES, CS)) as { name: { value: string } }[];
        expect(items.map((u) => u.name.value)).toEqual([
            "AccountCount",
            "AIServices.GlobalStandard.Mistral-Large-3",
            "AIServices.GlobalStandard.MaaS",
            "OpenAI.GlobalStandard.gpt-5.4-mini",
        ]);
        expect(arm.log()).toEqual([
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages 200",
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages?$skipToken=1 200",
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages?$skipToken=2 200",
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages?$skipToken=3 200",
        ]);
    });

    it("429 with Retry-After: waits as asked, then reads; past maxRetries the 429 is the error", async () => {
        arm = await startPreflightArm(cleanSubscription());
        arm.fail({
            pathIncludes: "/usages",
            status: 429,
            code: "TooManyRequests",
            message: "slow down",
            retryAfter: "0.2",
            times: 2,
        });
        const start = Date.now();
        const items = await read(arm).list(USAGES, CS);
        expect(Date.now() - start).toBeGreaterThanOrEqual(390);
        expect(items).toHaveLength(4);
        expect(arm.log().slice(0, 3)).toEqual([
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages 429",
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages 429",
            "GET Microsoft.CognitiveServices/locations/swedencentral/usages 200",
        ]);
        arm.fail({
            pathIncludes: "/usages",
            status: 429,
            code: "TooManyRequests",
            message: "slow down",
            retryAfter: "0",
            times: 5,
        });
        const error = await read(arm, { maxRetries: 1 })
            .list(USAGES, CS)
            .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ArmCallError);
        expect((error as ArmCallError).message).toBe(`GET ${USAGES}: 429 TooManyRequests: slow down`);
    });

    it("403: the ARM error's code and message, no retry", async () => {
        arm = await startPreflightArm(cleanSubscription());
        arm.fail({ pathIncludes: "/usages", status: 403, code: "AuthorizationFailed", message: "no access", times: 5 });
        const error = (await read(arm)
            .list(USAGES, CS)
            .catch((e: unknown) => e)) as ArmCallError;
        expect([error.status, error.code]).toEqual([403, "AuthorizationFailed"]);
        expect(arm.requests).toHaveLength(1);
    });

    it("a slow answer past the deadline fails as a timeout", async () => {
        arm = await startPreflightArm({ ...cleanSubscription(), delayMs: 500 });
        const error = (await read(arm, { timeoutMs: 100 })
            .list(USAGES, CS)
            .catch((e: unknown) => e)) as ArmCallError;
        expect([error.status, error.code]).toEqual([0, "Timeout"]);
        expect(error.message).toBe(`GET ${USAGES}: no answer within 100 ms`);
    });

    it("never more calls in flight than the concurrency", async () => {
        arm = await startPreflightArm({ ...cleanSubscription(), delayMs: 50 });
        const r = read(arm, { concurrency: 3 });
        await Promise.all(Array.from({ length: 9 }, () => r.get(USAGES, CS)));
        // The server counts what it holds at once: the limit is reached and never passed.
        expect(arm.maxInFlight).toBe(3);
        expect(r.calls).toBe(9);
    });

    it("reads Retry-After as seconds or an HTTP date", () => {
        expect(retryAfterMs("7")).toBe(7000);
        expect(retryAfterMs(null)).toBe(1000);
        expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(58_000);
    });
});
