/**
 * `@pulumi/pulumi` and `@pulumi/azure-native` are peer dependencies: a consumer on a newer `@pulumi/pulumi` than the
 * one this repository pins gets exactly one copy, shared by this package, azure-native and @pulumi/random. Installs
 * the packed tarball with a real `npm install` from the registry (the only networked test), next to
 * `@pulumi/pulumi` 3.276.0 (this repository pins 3.270.0).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureDist, ROOT } from "./dist";

const NEWER_PULUMI = "3.276.0";
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
};
const consumer = mkdtempSync(path.join(tmpdir(), "aim-peers-"));

function npm(args: string[], cwd: string) {
    const cli = process.env.npm_execpath;
    const [command, prefix] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ["npm", []];
    return spawnSync(command, [...prefix, ...args, "--no-audit", "--no-fund"], {
        cwd,
        encoding: "utf8",
        timeout: 240_000,
        env: { ...process.env, npm_config_update_notifier: "false" },
    });
}

beforeAll(() => {
    ensureDist(inject("azureAiModelsDistBuilt"));
    const packed = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", consumer], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = path.join(consumer, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename);
    writeFileSync(
        path.join(consumer, "package.json"),
        JSON.stringify({
            name: "consumer",
            private: true,
            dependencies: {
                [PKG.name]: `file:${tarball}`,
                "@pulumi/pulumi": NEWER_PULUMI,
                "@pulumi/azure-native": PKG.devDependencies["@pulumi/azure-native"],
            },
        }),
    );
    const installed = npm(["install", "--prefer-offline", "--ignore-scripts"], consumer);
    expect(installed.status, installed.stderr).toBe(0);
}, 300_000);
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe("the packed tarball next to a newer @pulumi/pulumi", () => {
    it("declares the Pulumi SDKs as caret peer dependencies, pinned for development", () => {
        expect(PKG.peerDependencies).toEqual({
            "@pulumi/azure-native": `^${PKG.devDependencies["@pulumi/azure-native"]}`,
            "@pulumi/pulumi": `^${PKG.devDependencies["@pulumi/pulumi"]}`,
        });
    });

    it("installs one @pulumi/pulumi, the consumer's, and the library loads with it", () => {
        const ls = npm(["ls", "@pulumi/pulumi", "--all", "--json"], consumer);
        const versions = new Set<string>();
        const walk = (deps: Record<string, { version?: string; dependencies?: object }> | undefined) => {
            for (const [n, d] of Object.entries(deps ?? {})) {
                if (n === "@pulumi/pulumi" && d.version) versions.add(d.version);
                walk(d.dependencies as never);
            }
        };
        walk((JSON.parse(ls.stdout) as { dependencies: never }).dependencies);
        expect([...versions]).toEqual([NEWER_PULUMI]);
        expect(existsSync(path.join(consumer, "node_modules", PKG.name, "node_modules/@pulumi/pulumi"))).toBe(false);

        const probe = spawnSync(
            process.execPath,
            [
                "-e",
                `const lib = require(${JSON.stringify(PKG.name)});` +
                    `const sdk = require.resolve("@pulumi/pulumi", { paths: [require.resolve(${JSON.stringify(PKG.name)})] });` +
                    `console.log(typeof lib.AiWorkspace, require(require("path").join(sdk, "../package.json")).version);`,
            ],
            { cwd: consumer, encoding: "utf8" },
        );
        expect(probe.stderr).toBe("");
        expect(probe.stdout.trim()).toBe(`function ${NEWER_PULUMI}`);
    });
});
