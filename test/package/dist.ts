/**
 * The compiled library (`dist/`) that the package tests pack and the examples import. The examples import
 * `azure-ai-models` by name, which inside this repository resolves to `dist/` through Node's package
 * self-reference (the root package.json has that name and `exports`), so `dist/` must be built from the current
 * sources before they run.
 *
 * `buildDist.globalSetup.ts` builds it once, clean, before any test file starts (test files run in parallel
 * processes, and one rebuilding `dist/` while another reads it would be a race). When that global setup is not in
 * the Vitest config, {@link ensureDist} builds it under a lock, and only when a source is newer than the build.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
/** What `npm run plan` runs TypeScript with (see plan/runTs.js). */
export const RUN_TS = path.join(ROOT, "plan/runTs.js");
export const PLAN_CLI = path.join(ROOT, "plan/cli/cli.ts");

/** Key the global setup provides (`inject(DIST_BUILT)`) once it has built `dist/`. */
export const DIST_BUILT = "azureAiModelsDistBuilt";

declare module "vitest" {
    export interface ProvidedContext {
        azureAiModelsDistBuilt: boolean;
    }
}

/**
 * A hash of everything `dist/` is built from: the library's sources (`infra/**\/*.ts`), the build's config and
 * TypeScript's package.json (its version).
 */
export function distSourcesHash(): string {
    const hash = createHash("sha256");
    const infra = path.join(ROOT, "infra");
    const sources = readdirSync(infra, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .sort();
    for (const file of [...sources.map((f) => path.join(infra, f)), ...BUILD_CONFIG.map((f) => path.join(ROOT, f))])
        hash.update(`${path.relative(ROOT, file)}\0`)
            .update(readFileSync(file))
            .update("\0");
    hash.update(readFileSync(require.resolve("typescript/package.json")));
    return hash.digest("hex");
}

const BUILD_CONFIG = ["tsconfig.json", "tsconfig.build.json", "package.json", "index.ts", "plan/cli/providerSchema.ts"];
/** Written into `dist/` after a build: the {@link distSourcesHash} it was built from. `npm run build` removes it. */
const DIST_STAMP = path.join(DIST, ".sources-sha256");

/**
 * Builds `dist/` unless it was built by this function from the same sources (its stamp holds their hash): the test
 * suite builds it once per change of the library, not once per run.
 */
export function buildDistOnce(): void {
    const hash = distSourcesHash();
    if (existsSync(DIST_STAMP) && readFileSync(DIST_STAMP, "utf8") === hash && existsSync(path.join(DIST, "lib.js")))
        return;
    buildDist();
    writeFileSync(DIST_STAMP, hash);
}

/**
 * What `npm run build` does (`tsc -p tsconfig.build.json`, then the provider's prebuilt schema), after removing
 * `dist/` so no stale file survives.
 */
export function buildDist(): void {
    rmSync(DIST, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 300_000,
    });
    if (r.status !== 0) throw new Error(`building dist/ (tsc -p tsconfig.build.json) failed:\n${r.stdout}${r.stderr}`);
    const schema = spawnSync(process.execPath, [RUN_TS, "plan/cli/providerSchema.ts", "dist/provider-schema.json"], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 300_000,
    });
    if (schema.status !== 0)
        throw new Error(`building dist/provider-schema.json failed:\n${schema.stdout}${schema.stderr}`);
}

function newestMtime(dir: string, keep: (file: string) => boolean): number {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (entry.isFile() && keep(file)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
    return newest;
}

/** Whether `dist/` is missing or older than a library source or the build's config. */
export function distIsStale(): boolean {
    const built = path.join(DIST, "lib.js");
    if (!existsSync(built)) return true;
    const sources = Math.max(
        newestMtime(path.join(ROOT, "infra"), (f) => f.endsWith(".ts")),
        ...["tsconfig.json", "tsconfig.build.json", "package.json"].map((f) => statSync(path.join(ROOT, f)).mtimeMs),
    );
    return statSync(built).mtimeMs < sources;
}

function sleep(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes sure `dist/` is built from the current sources. `builtByGlobalSetup` is `inject(DIST_BUILT)`: true when the
 * global setup built it for this run. Otherwise one process builds (if stale) while the others wait for its lock.
 */
export function ensureDist(builtByGlobalSetup: boolean | undefined): void {
    if (builtByGlobalSetup) return;
    const lockParent = path.join(ROOT, "node_modules/.cache");
    const lock = path.join(lockParent, "azure-ai-models-dist.lock");
    mkdirSync(lockParent, { recursive: true });
    const deadline = Date.now() + 300_000;
    for (;;) {
        try {
            mkdirSync(lock);
            break;
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
            // A lock older than the longest build is left over from a killed run.
            if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
            else if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
            else sleep(250);
        }
    }
    try {
        if (distIsStale()) buildDist();
    } finally {
        rmSync(lock, { recursive: true, force: true });
    }
}
