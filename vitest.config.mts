import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        // Builds dist/ once before any file runs: the examples and the packed-tarball tests import the built library.
        globalSetup: ["test/package/buildDist.globalSetup.ts"],
        // Pulumi's runtime keeps process-wide state (mocks, config, the root resource): one file per fork.
        pool: "forks",
        testTimeout: 60_000,
        hookTimeout: 60_000,
    },
});
