/**
 * The packed tarball, installed into a consumer project (consumer.ts), type-checks a consumer program against its
 * declarations with tsc: two tsc processes, so in `npm run test:e2e`; pack.test.ts checks the rest.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runNode } from "../helpers/process";
import { installedConsumer } from "./consumer";
import { ensureDist, TSC } from "./dist";

const tsc = (project: string, cwd: string) => runNode([TSC, "-p", project], cwd);

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

describe("the packed tarball installed into a consumer project", () => {
    let consumer: string;
    beforeAll(() => {
        ({ consumer } = installedConsumer());
    }, 120_000);
    afterAll(() => rmSync(consumer, { recursive: true, force: true }));

    it("type-checks a consumer program against the installed declarations (module node16)", async () => {
        const r = await tsc("tsconfig.json", consumer);
        expect(r.stdout + r.stderr).toBe("");
        expect(r.code).toBe(0);
    }, 180_000);

    it("type-checks it with `pulumi new typescript`'s settings plus esModuleInterop, without skipLibCheck", async () => {
        const r = await tsc("tsconfig.pulumi-template.json", consumer);
        expect(r.stdout + r.stderr).toBe("");
        expect(r.code).toBe(0);
    }, 180_000);

    it("without esModuleInterop, only zod's own declarations fail (TS1259), as docs/fidelity.md says", async () => {
        const r = await tsc("tsconfig.pulumi-new.json", consumer);
        expect(r.code).toBe(2);
        const errors = r.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
        expect(errors.length).toBeGreaterThan(0);
        for (const line of errors) {
            expect(line).toMatch(
                /node_modules\/zod\/.*error TS1259: .*can only be default-imported using the 'esModuleInterop' flag/,
            );
        }
    }, 180_000);
});
