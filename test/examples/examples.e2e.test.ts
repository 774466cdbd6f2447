/**
 * The examples in `examples/` type-checked with tsc against the library's published declarations (`dist/`, which
 * `azure-ai-models` resolves to inside this repository: see test/package/dist.ts). A tsc process each, so in
 * `npm run test:e2e`; examples.test.ts plans them.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ensureDist, ROOT, TSC } from "../package/dist";

function typecheck(example: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [TSC, "-p", path.join(ROOT, "examples", example, "tsconfig.json")], {
            cwd: ROOT,
            timeout: 180_000,
        });
        let output = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, output }));
    });
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
