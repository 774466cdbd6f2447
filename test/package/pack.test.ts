/**
 * The npm package as a consumer gets it: `npm pack` lists only the compiled library, and the packed tarball,
 * installed into a temporary project, plans a consumer program (pack.e2e.test.ts type-checks it).
 *
 * Without network: the tarball is unpacked into the consumer's `node_modules/azure-ai-models` (what `npm install`
 * does with it), and the package's dependencies are links to this repository's `node_modules` (Node resolves a
 * link to its real path, so `@pulumi/pulumi` is the one the plan command's mock runtime uses). `dist/` is built by
 * the global setup (see dist.ts), so npm runs with `--ignore-scripts`; `prepack` is what builds it on a real
 * `npm pack` or `npm publish`, checked below.
 */
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { stringify } from "yaml";
import { plan } from "../helpers/planCommand";
import { installedConsumer, PKG, type PackResult } from "./consumer";
import { ensureDist, PLAN_CLI, RUN_TS } from "./dist";

function node(args: string[], cwd: string) {
    const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 180_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file an `exports` entry (or `main`/`types`) points at, without `./`. */
function exportTargets(): string[] {
    const targets = Object.values(PKG.exports).flatMap((t) => (typeof t === "string" ? [t] : [t.types, t.default]));
    return [...new Set([...targets, PKG.main, PKG.types].map((t) => t.replace(/^\.\//, "")))].sort();
}

// One `npm pack`: its listing is checked, and its tarball installed into a consumer project.
let consumer: string;
let installed: string;
let listed: string[];
beforeAll(() => {
    ensureDist(inject("azureAiModelsDistBuilt"));
    let packed: PackResult;
    ({ consumer, installed, packed } = installedConsumer());
    listed = packed.files.map((f) => f.path).sort();
}, 300_000);
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe("npm pack", () => {
    it("publishes only compiled JavaScript with its declarations, the provider's schema, the plugin manifest, README.md, LICENSE and package.json", () => {
        const unexpected = listed.filter(
            (f) =>
                !/^dist\/.+\.(js|d\.ts)$/.test(f) &&
                !/^schema\/[\w-]+\.schema\.json$/.test(f) &&
                !["dist/provider-schema.json", "PulumiPlugin.yaml", "README.md", "LICENSE", "package.json"].includes(f),
        );
        expect(listed).toContain("dist/provider-schema.json");
        expect(listed).toContain("PulumiPlugin.yaml");
        // The stack-config JSON Schema the stack files' modeline and docs/configuration.md's VS Code setup point at.
        expect(listed).toContain("schema/stack-config.schema.json");
        expect(unexpected).toEqual([]);
        // Nothing from tests, fixtures, examples, the policy pack, the offline plan, scratch work or TypeScript sources.
        expect(
            listed.filter((f) => /(^|\/)(test|tests|fixtures?|examples|scratch|policies|bench|plan)(\/|$)/.test(f)),
        ).toEqual([]);
        expect(listed.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
        expect(listed.filter((f) => f.endsWith(".map"))).toEqual([]);
        // The schema analyzer's entry (the root index.ts) is not part of the npm library.
        expect(listed).not.toContain("dist/index.js");
    });

    it("includes every file the exports, main and types point at, each .js with its .d.ts", () => {
        expect(exportTargets().filter((t) => !listed.includes(t))).toEqual([]);
        const js = listed.filter((f) => f.endsWith(".js"));
        expect(js.filter((f) => !listed.includes(f.replace(/\.js$/, ".d.ts")))).toEqual([]);
        expect(Object.keys(PKG.exports).sort()).toEqual([
            ".",
            "./catalog",
            "./components",
            "./config",
            "./package.json",
        ]);
    });

    it("builds dist/ before packing or publishing", () => {
        expect(PKG.scripts.prepack).toBe("npm run build");
        expect(PKG.scripts.build).toContain("tsc -p tsconfig.build.json");
    });
});

describe("the packed tarball installed into a consumer project", () => {
    it("holds exactly what npm pack listed, and nothing of the repository's sources", () => {
        expect(existsSync(path.join(installed, "dist/lib.js"))).toBe(true);
        expect(existsSync(path.join(installed, "infra"))).toBe(false);
        expect(existsSync(path.join(installed, "test"))).toBe(false);
        const resolved = node(
            ["-e", `console.log(require.resolve("${PKG.name}"), require.resolve("${PKG.name}/catalog"))`],
            consumer,
        );
        expect(resolved.stdout.trim().split(" ")).toEqual([
            path.join(realpathSync(installed), "dist/lib.js"),
            path.join(realpathSync(installed), "dist/api/catalog.js"),
        ]);
    });

    it("plans it: deployments in existing projects, through defineStack and the components, from the installed package", () => {
        // A process, as a user runs it: npm run plan's command in the consumer's folder.
        const r = node([RUN_TS, PLAN_CLI, "--dir", consumer, "--json", "--today", "2026-11-21"], consumer);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const plan = JSON.parse(r.stdout) as {
            resources: { type: string; name: string; inputs: Record<string, unknown> }[];
            outputs: { name: string; value: unknown; secret: boolean; secretPaths: string[] }[];
        };
        expect(plan.resources.map((x) => `${x.type} ${x.name}`).sort()).toEqual(
            [
                "pulumi:pulumi:Stack consumer-app-dev",
                "azure-ai-models:index:MarketplaceModelSubscription chat-k3v9qz-Ministral-3B",
                "azure-native:machinelearningservices:MarketplaceSubscription chat-k3v9qz-Ministral-3B-sub",
                "azure-ai-models:index:ServerlessModelEndpoint team-chat",
                "random:index/randomString:RandomString team-chat-suffix",
                "azure-native:machinelearningservices:ServerlessEndpoint team-chat-endpoint",
                "azure-ai-models:index:MarketplaceModelSubscription search-p4m2xq-Ministral-3B",
                "azure-native:machinelearningservices:MarketplaceSubscription search-p4m2xq-Ministral-3B-sub",
                "azure-ai-models:index:ServerlessModelEndpoint search-chat",
                "random:index/randomString:RandomString search-chat-suffix",
                "azure-native:machinelearningservices:ServerlessEndpoint search-chat-endpoint",
            ].sort(),
        );
        const outputs = Object.fromEntries(plan.outputs.map((o) => [o.name, o]));
        // The program ran the installed copy, not this repository's dist/.
        expect(outputs.library.value).toBe(path.join(realpathSync(installed), "dist/lib.js"));
        expect(outputs.deployments.secretPaths).toEqual([
            "deployments.team-chat.primaryKey",
            "deployments.team-chat.secondaryKey",
        ]);
        expect(outputs.directKey).toMatchObject({ value: "[secret]", secret: true });
        expect(outputs.catalog.value).toEqual({
            model: "Ministral-3B",
            tokensPerMinute: 200000,
            namespace: "azure-ai-models",
        });
    }, 180_000);
    it("reports the installed package's config validation errors as the plan's own (exit 1, no stack trace)", async () => {
        writeFileSync(
            path.join(consumer, "Pulumi.bad.yaml"),
            stringify({
                config: {
                    "azure-ai-models:existingWorkspace": {
                        resourceGroupName: "rg-platform-ai",
                        name: "chat-k3v9qz",
                        location: "eastus2",
                    },
                    "azure-ai-models:deployments": [{ name: "team-chat", model: "Ministral-3C" }],
                },
            }),
        );
        const r = await plan(["--dir", consumer, "--stack", "bad", "--today", "2026-11-21"]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain("Invalid stack config: 1 problem. Nothing would be deployed.");
        expect(r.stderr).toContain(
            'azure-ai-models:deployments[0].model: "Ministral-3C" is not in the catalog; closest: Ministral-3B',
        );
        expect(r.stderr).not.toContain("plan failed");
    }, 180_000);
});
