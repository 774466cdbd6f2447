/**
 * The examples in `examples/` type-checked with tsc against the library's published declarations (`dist/`, which
 * `azure-ai-models` resolves to inside this repository: see test/package/dist.ts). A tsc process each, so in
 * `npm run test:e2e`; examples.test.ts plans them.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runNode } from "../helpers/process";
import { ensureDist, ROOT, TSC } from "../package/dist";

async function typecheck(example: string): Promise<{ code: number | null; output: string }> {
    const r = await runNode([TSC, "-p", path.join(ROOT, "examples", example, "tsconfig.json")], ROOT);
    return { code: r.code, output: r.stdout + r.stderr };
}

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

describe("the examples type-check against the library's declarations", () => {
    for (const example of ["app-stack", "consume-outputs"]) {
        it(`examples/${example}`, async () => {
            const r = await typecheck(example);
            expect(r.output).toBe("");
            expect(r.code).toBe(0);
        }, 180_000);
    }
});
