/**
 * Bad stack configs: each mistake gives its exact, path-bearing message, every problem at once, and the program
 * registers no resource. The same messages come out of the plan command (see test/plan/cli.test.ts).
 */
import { describe, expect, it } from "vitest";
import { ConfigValidationError, formatIssues, validateStackConfig } from "../../infra/config";
import { registered, runStack } from "../helpers/stack";
import { BAD_CASES, BASE, EXPECTED } from "./cases";

describe("bad stack config", () => {
    it("covers at least 15 distinct mistakes", () => {
        expect(BAD_CASES.length).toBeGreaterThanOrEqual(15);
        expect(Object.keys(EXPECTED).sort()).toEqual(BAD_CASES.map((c) => c.name).sort());
    });

    it("accepts the base config the cases start from", () => {
        expect(validateStackConfig(BASE, { today: new Date("2026-11-21T00:00:00Z") }).errors).toEqual([]);
    });

    for (const c of BAD_CASES) {
        it(`${c.name}: exact messages, nothing registered`, async () => {
            const lines = EXPECTED[c.name];
            const run = await runStack(c.config, { today: c.today ?? "2026-11-21" });
            expect(run.error).toBeInstanceOf(ConfigValidationError);
            const error = run.error as ConfigValidationError;
            expect(error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(lines);
            expect(error.message).toBe(
                [
                    `Invalid stack config: ${lines.length} problem${lines.length === 1 ? "" : "s"}. Nothing was deployed.`,
                    ...lines.map((l) => `  - ${l}`),
                ].join("\n"),
            );
            expect(registered(run)).toEqual([]);
        });
    }

    it("reports a pulumi.RunError, so `pulumi up` prints the message without a stack trace", async () => {
        const run = await runStack(BAD_CASES[0].config);
        const pulumi = await import("@pulumi/pulumi");
        expect(pulumi.RunError.isInstance(run.error)).toBe(true);
        expect(formatIssues((run.error as ConfigValidationError).issues)).toBe((run.error as Error).message);
    });
});
