import { availableParallelism } from "node:os";
import * as path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Node's compile cache (the V8 code of every module a process loads, @pulumi/pulumi's included) for the test
// workers and the processes the tests start: after the first, each skips most of the parsing and compiling.
// (Relative to the working directory: npm test runs from the repository root.)
process.env.NODE_COMPILE_CACHE ??= path.resolve("node_modules/.cache/azure-ai-models/v8");

/**
 * End-to-end checks too slow for every change (type-checking consumers with tsc, the plan diff in git worktrees, the
 * component package's plugin over gRPC, which analyzes the sources in a process of its own): the `e2e` project,
 * `npm run test:e2e`. `npm test` runs the other two: everything else, the few process tests (the CLI's exit codes,
 * the packed tarball, the policy pack over gRPC) included.
 */
const E2E = "test/**/*.e2e.test.ts";
/**
 * Pure functions over plain values (the catalog, config validation, the policy rules over resource views): the
 * `unit` project. Every other file (programs under the mock runtime, components, the plan): the `stack` project.
 * Both reuse worker processes across files (no isolation): a process loads @pulumi/pulumi once, not once per file.
 * That holds because every program runs through `captureProgram` (plan/run/capture.ts), which sets the mocks and the
 * config afresh for each run, so nothing of one file's programs reaches the next; the suite passes in any order
 * (`--sequence.shuffle`).
 */
const UNIT = ["test/catalog/**/*.test.ts", "test/config/**/*.test.ts", "test/policies/**/*.test.ts"];

export default defineConfig({
    test: {
        // Builds dist/ before any file runs, once per change of the library: the examples and the packed-tarball
        // tests import the built library.
        globalSetup: ["test/package/buildDist.globalSetup.ts"],
        // As many worker processes as there are cores, and at least two (files wait on the processes they start).
        // The e2e files keep a process each.
        pool: "forks",
        maxWorkers: Math.max(2, availableParallelism()),
        testTimeout: 60_000,
        hookTimeout: 60_000,
        projects: [
            {
                extends: true,
                test: { name: "unit", include: UNIT, exclude: [...configDefaults.exclude, E2E], isolate: false },
            },
            {
                extends: true,
                test: {
                    name: "stack",
                    include: ["test/**/*.test.ts"],
                    exclude: [...configDefaults.exclude, E2E, ...UNIT],
                    isolate: false,
                },
            },
            { extends: true, test: { name: "e2e", include: [E2E] } },
        ],
    },
});
