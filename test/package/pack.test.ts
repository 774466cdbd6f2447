/**
 * The npm package as a consumer gets it: `npm pack` lists only the compiled library, and the packed tarball,
 * installed into a temporary project, type-checks and plans a consumer program.
 *
 * Without network: the tarball is unpacked into the consumer's `node_modules/azure-ai-models` (what `npm install`
 * does with it), and the package's dependencies are links to this repository's `node_modules` (Node resolves a
 * link to its real path, so `@pulumi/pulumi` is the one the plan command's mock runtime uses). `dist/` is built by
 * the global setup (see dist.ts), so npm runs with `--ignore-scripts`; `prepack` is what builds it on a real
 * `npm pack` or `npm publish`, checked below.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    realpathSync,
    rmSync,
    symlinkSync,
    writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { stringify } from "yaml";
import { ensureDist, PLAN_CLI, ROOT, TSC, TSX } from "./dist";

interface PackageJson {
    name: string;
    main: string;
    types: string;
    exports: Record<string, string | { types: string; default: string }>;
    files: string[];
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
}
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;

/** npm as the test run found it: the one running `npm test`, else the one on PATH. No network, no lifecycle scripts. */
function npm(args: string[], cwd = ROOT): SpawnSyncReturns<string> {
    const cli = process.env.npm_execpath;
    const [command, prefix] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ["npm", []];
    return spawnSync(command, [...prefix, ...args, "--ignore-scripts", "--offline", "--no-audit", "--no-fund"], {
        cwd,
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, npm_config_update_notifier: "false" },
    });
}

function node(args: string[], cwd: string) {
    const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 180_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface PackResult {
    filename: string;
    files: { path: string }[];
}

function pack(extra: string[]): PackResult {
    const r = npm(["pack", "--json", ...extra]);
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as PackResult[])[0];
}

/** Every file an `exports` entry (or `main`/`types`) points at, without `./`. */
function exportTargets(): string[] {
    const targets = Object.values(PKG.exports).flatMap((t) => (typeof t === "string" ? [t] : [t.types, t.default]));
    return [...new Set([...targets, PKG.main, PKG.types].map((t) => t.replace(/^\.\//, "")))].sort();
}

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

describe("npm pack", () => {
    let listed: string[];
    beforeAll(() => {
        listed = pack(["--dry-run"])
            .files.map((f) => f.path)
            .sort();
    }, 120_000);

    it("publishes only compiled JavaScript with its declarations, README.md, LICENSE and package.json", () => {
        const unexpected = listed.filter(
            (f) => !/^dist\/.+\.(js|d\.ts)$/.test(f) && !["README.md", "LICENSE", "package.json"].includes(f),
        );
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
    const consumer = mkdtempSync(path.join(tmpdir(), "aim-consumer-"));
    const installed = path.join(consumer, "node_modules", PKG.name);

    beforeAll(() => {
        const { filename } = pack(["--pack-destination", consumer]);
        mkdirSync(installed, { recursive: true });
        const untar = spawnSync(
            "tar",
            ["-xzf", path.join(consumer, filename), "-C", installed, "--strip-components=1"],
            { encoding: "utf8" },
        );
        expect(untar.status, untar.stderr).toBe(0);
        // The package's dependencies (whole scopes for scoped names), plus @types for the type-check.
        const links = new Set([...Object.keys(PKG.dependencies).map((d) => d.split("/")[0]), "@types"]);
        for (const name of links)
            symlinkSync(path.join(ROOT, "node_modules", name), path.join(consumer, "node_modules", name), "dir");
        writeConsumer(consumer);
    }, 120_000);
    afterAll(() => rmSync(consumer, { recursive: true, force: true }));

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
            path.join(realpathSync(installed), "dist/catalog/index.js"),
        ]);
    });

    it("type-checks a consumer program against the installed declarations (module node16)", () => {
        const r = node([TSC, "-p", "tsconfig.json"], consumer);
        expect(r.stdout + r.stderr).toBe("");
        expect(r.code).toBe(0);
    }, 180_000);

    it("type-checks it with `pulumi new typescript`'s settings too (module commonjs, moduleResolution node)", () => {
        const r = node([TSC, "-p", "tsconfig.pulumi-template.json"], consumer);
        expect(r.stdout + r.stderr).toBe("");
        expect(r.code).toBe(0);
    }, 180_000);

    it("plans it: deployments in existing projects, through defineStack and the components, from the installed package", () => {
        const r = node([TSX, PLAN_CLI, "--dir", consumer, "--json", "--today", "2026-11-21"], consumer);
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
    it("reports the installed package's config validation errors as the plan's own (exit 1, no stack trace)", () => {
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
        const r = node([TSX, PLAN_CLI, "--dir", consumer, "--stack", "bad", "--today", "2026-11-21"], consumer);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain("Invalid stack config: 1 problem. Nothing would be deployed.");
        expect(r.stderr).toContain(
            'azure-ai-models:deployments[0].model: "Ministral-3C" is not in the catalog; closest: Ministral-3B',
        );
        expect(r.stderr).not.toContain("plan failed");
    }, 180_000);
});

/** A consumer's Pulumi project that uses the installed package through all four entry points. */
function writeConsumer(dir: string): void {
    writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "consumer-app", private: true, dependencies: { [PKG.name]: PKG.name } }, null, 4),
    );
    writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        stringify({
            name: "consumer-app",
            runtime: { name: "nodejs", options: { typescript: true } },
            main: "index.ts",
        }),
    );
    writeFileSync(
        path.join(dir, "Pulumi.dev.yaml"),
        stringify({
            config: {
                "azure-native:location": "eastus2",
                "azure-ai-models:existingWorkspace": {
                    resourceGroupName: "rg-platform-ai",
                    name: "chat-k3v9qz",
                    location: "eastus2",
                },
                "azure-ai-models:deployments": [{ name: "team-chat", model: "Ministral-3B" }],
            },
        }),
    );
    const compilerOptions = {
        target: "ES2022",
        lib: ["ES2023"],
        types: ["node"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
    };
    // What `pulumi new typescript` writes (classic `moduleResolution: node`, which ignores `exports`), plus
    // skipLibCheck: without it, zod 4's own declarations need esModuleInterop.
    const template = {
        strict: true,
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
        noEmit: true,
        skipLibCheck: true,
    };
    writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify(
            {
                compilerOptions: { ...compilerOptions, module: "node16", moduleResolution: "node16" },
                files: ["index.ts"],
            },
            null,
            4,
        ),
    );
    writeFileSync(
        path.join(dir, "tsconfig.pulumi-template.json"),
        JSON.stringify({ compilerOptions: template, files: ["index.ts"] }, null, 4),
    );
    writeFileSync(
        path.join(dir, "index.ts"),
        `import * as pulumi from "@pulumi/pulumi";
import { defineStack, loadStackConfig, type DeploymentOutput } from "azure-ai-models";
import { findModel } from "azure-ai-models/catalog";
import { MarketplaceModelSubscription, ServerlessModelEndpoint } from "azure-ai-models/components";
import { CONFIG_NAMESPACE, type ValidStackConfig } from "azure-ai-models/config";

// From validated config: azure-ai-models:existingWorkspace and azure-ai-models:deployments.
const config: ValidStackConfig = loadStackConfig();
const stack = defineStack(config);
const chat: DeploymentOutput = stack.deployments["team-chat"];

// The same model in another existing project, through the components.
const model = findModel("Ministral-3B");
if (!model?.serverless) throw new Error("Ministral-3B has no serverless offer");
const project = { resourceGroupName: "rg-platform-ai", workspaceName: "search-p4m2xq" };
const subscription = new MarketplaceModelSubscription("search-p4m2xq-Ministral-3B", { ...project, modelId: model.serverless.modelId });
const direct = new ServerlessModelEndpoint("search-chat", {
    ...project,
    location: "eastus2",
    endpointName: "search-chat",
    modelId: model.serverless.modelId,
    marketplaceSubscriptionId: subscription.subscriptionId,
});

export const deployments = stack.deployments;
export const chatUri: pulumi.Output<string> = chat.uri;
export const directKey = direct.primaryKey;
export const catalog = { model: model.name, tokensPerMinute: model.serverless.rateLimits.tokensPerMinute, namespace: CONFIG_NAMESPACE };
export const library = require.resolve("azure-ai-models");
`,
    );
}
