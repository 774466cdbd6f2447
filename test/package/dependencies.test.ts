/**
 * A lean library: the runtime `dependencies` are exactly the packages `dist/` loads (the peers aside), each with a
 * caret range so consumers can dedupe and take patches; the repository's tools (the plan, the smoke check: `openai`,
 * `yaml`) stay devDependencies. `undici` is a dependency: the ARM credential (`infra/util/armCredential.ts`, used by the
 * traffic provider) loads it on call for a custom CA. And Node as the ecosystem provides it: no Node binary among the
 * dependencies, `engines` what the dependencies need, `.nvmrc` and `devEngines` what to develop with.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DIST, ensureDist, ROOT } from "./dist";

const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    engines: Record<string, string>;
    devEngines: { runtime: { name: string; version: string; onFail: string } };
};

/**
 * Loaded by `dist/provider.js` only to read the TypeScript sources of a checkout of this repository (the schema's
 * defaults); the installed package serves its prebuilt schema and never loads it (provider.test.ts).
 */
const CHECKOUT_ONLY = ["typescript"];

function jsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : [],
    );
}

/** The packages (`@scope/name` or `name`) the compiled library requires. */
function loadedPackages(): string[] {
    const names = new Set<string>();
    for (const file of jsFiles(DIST)) {
        for (const m of readFileSync(file, "utf8").matchAll(/\brequire\("([^"]+)"\)|\bimport\("([^"]+)"\)/g)) {
            const spec = m[1] ?? m[2];
            if (spec.startsWith(".") || spec.startsWith("node:") || builtinModules.includes(spec)) continue;
            const parts = spec.split("/");
            names.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
        }
    }
    return [...names].sort();
}

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

describe("the library's dependencies", () => {
    it("are exactly what dist/ loads, besides the peers", () => {
        const loaded = loadedPackages();
        expect(loaded).toEqual(
            [...Object.keys(PKG.dependencies), ...Object.keys(PKG.peerDependencies), ...CHECKOUT_ONLY].sort(),
        );
        for (const tool of ["openai", "yaml"]) {
            expect(loaded).not.toContain(tool);
            expect(Object.keys(PKG.devDependencies)).toContain(tool);
        }
    });

    it("take caret ranges", () => {
        for (const [name, range] of Object.entries({ ...PKG.dependencies, ...PKG.peerDependencies }))
            expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
    });
});

describe("Node", () => {
    it("is no dependency: no Node binary is installed", () => {
        const all = { ...PKG.dependencies, ...PKG.devDependencies };
        expect(Object.keys(all).filter((n) => n === "node" || /^node-(linux|darwin|win)-/.test(n))).toEqual([]);
        const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
            packages: Record<string, unknown>;
        };
        expect(
            Object.keys(lock.packages).filter((p) => /(^|\/)node_modules\/node(-[a-z]+-[a-z0-9]+)?$/.test(p)),
        ).toEqual([]);
    });

    it("engines says what the dependencies need; .nvmrc and devEngines what to develop with", () => {
        expect(PKG.engines.node).toBe(">=22");
        expect(PKG.devEngines.runtime).toEqual({ name: "node", version: ">=22", onFail: "error" });
        const nvmrc = readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim();
        expect(Number(nvmrc.split(".")[0])).toBeGreaterThanOrEqual(22);
    });
});
