/**
 * A consumer project with the packed tarball installed (what `npm install` does with it, without network): the
 * tarball unpacked into its `node_modules/azure-ai-models`, the package's dependencies linked to this repository's
 * `node_modules` (Node resolves a link to its real path, so `@pulumi/pulumi` is the one the plan's mock runtime
 * uses). For pack.test.ts and pack.e2e.test.ts.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "vitest";
import { stringify } from "yaml";
import { ROOT } from "./dist";

export interface PackageJson {
    name: string;
    main: string;
    types: string;
    exports: Record<string, string | { types: string; default: string }>;
    files: string[];
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
}
export const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;

/** npm as the test run found it: the one running `npm test`, else the one on PATH. No network, no lifecycle scripts. */
export function npm(args: string[], cwd = ROOT): SpawnSyncReturns<string> {
    const cli = process.env.npm_execpath;
    const [command, prefix] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ["npm", []];
    return spawnSync(command, [...prefix, ...args, "--ignore-scripts", "--offline", "--no-audit", "--no-fund"], {
        cwd,
        encoding: "utf8",
        timeout: 120_000,
        env: { ...process.env, npm_config_update_notifier: "false" },
    });
}

export interface PackResult {
    filename: string;
    files: { path: string }[];
}

export function pack(extra: string[]): PackResult {
    const r = npm(["pack", "--json", ...extra]);
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as PackResult[])[0];
}

/**
 * A new consumer project with the packed tarball installed; returns its folder, the installed package's and what
 * `npm pack` reported.
 */
export function installedConsumer(): { consumer: string; installed: string; packed: PackResult } {
    const consumer = mkdtempSync(path.join(tmpdir(), "aim-consumer-"));
    const installed = path.join(consumer, "node_modules", PKG.name);
    const packed = pack(["--pack-destination", consumer]);
    const { filename } = packed;
    mkdirSync(installed, { recursive: true });
    const untar = spawnSync("tar", ["-xzf", path.join(consumer, filename), "-C", installed, "--strip-components=1"], {
        encoding: "utf8",
    });
    expect(untar.status, untar.stderr).toBe(0);
    // The package's dependencies (whole scopes for scoped names), plus @types for the type-check.
    const links = new Set([...Object.keys(PKG.dependencies).map((d) => d.split("/")[0]), "@types"]);
    for (const name of links)
        symlinkSync(path.join(ROOT, "node_modules", name), path.join(consumer, "node_modules", name), "dir");
    writeConsumer(consumer);
    return { consumer, installed, packed };
}

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
    // What `pulumi new typescript` writes (classic `moduleResolution: node`, which ignores `exports`, and no
    // skipLibCheck), with noEmit for the test.
    const pulumiNew = {
        strict: true,
        target: "es2020",
        module: "commonjs",
        moduleResolution: "node",
        sourceMap: true,
        experimentalDecorators: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
        noEmit: true,
    };
    // The one setting it needs (docs/fidelity.md): zod 4's declarations default-import CommonJS modules.
    const template = { ...pulumiNew, esModuleInterop: true };
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
        path.join(dir, "tsconfig.pulumi-new.json"),
        JSON.stringify({ compilerOptions: pulumiNew, files: ["index.ts"] }, null, 4),
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
