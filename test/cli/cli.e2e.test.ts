/**
 * The CLI package (`cli/`) as a consumer gets it: both packages packed, installed with a real `npm install` into a
 * temporary Pulumi project with a component-based program (FoundryAccount and its deployments from validated
 * `azure-ai-models:foundry` config), and each command run with `npx azure-ai-models`. A second project installs the
 * library alone and gets none of the CLI's dependencies. The `pulumi new` template (templates/foundry-starter) is
 * instantiated as `pulumi new` does it and planned with the installed CLI.
 *
 * Installs from the npm cache where it can (`--prefer-offline`); the registry fills the gaps.
 */
import { spawn, spawnSync } from "node:child_process";
import {
    cpSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    symlinkSync,
    writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse, stringify } from "yaml";
import { ensureDist, ROOT } from "../package/dist";

const CLI_DIR = path.join(ROOT, "cli");
const TEMPLATE = path.join(ROOT, "templates", "foundry-starter");
const ROOT_PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
};
const CLI_PKG = JSON.parse(readFileSync(path.join(CLI_DIR, "package.json"), "utf8")) as {
    name: string;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
};
/** A day before mistral-document-ai-2505 retires (2026-07-15, within the lifecycle window): every command uses it. */
const TODAY = "2026-05-01";
/** Each test runs the CLI in processes of its own (a plan is 10-60 s on a busy machine; the workflow step plans four). */
const SLOW = 900_000;

const work = mkdtempSync(path.join(tmpdir(), "aim-cli-"));
const consumer = path.join(work, "consumer");
const libraryOnly = path.join(work, "library-only");

interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
}

const npmCli =
    process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : "";
const ENV = { ...process.env, npm_config_update_notifier: "false", NODE_COMPILE_CACHE: "" };

/** npm (or npx) as the test run found it; asynchronous, so the two installs run side by side. */
function npmAsync(args: string[], cwd: string, npx = false): Promise<Run> {
    const script = npmCli && path.join(path.dirname(npmCli), npx ? "npx-cli.js" : "npm-cli.js");
    const [command, prefix] = script ? [process.execPath, [script]] : [npx ? "npx" : "npm", []];
    return new Promise((resolve) => {
        // Bounded: a command that hangs fails its test instead of the whole run.
        const child = spawn(command, [...prefix, ...args], { cwd, env: ENV, timeout: 300_000 });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

/** `npx azure-ai-models ARGS` in a folder. */
const cli = (args: string[], cwd = consumer) => npmAsync(["--no-install", "azure-ai-models", ...args], cwd, true);

function packInto(dir: string, destination: string): string {
    const script = npmCli || "npm";
    const r = spawnSync(
        npmCli ? process.execPath : "npm",
        [...(npmCli ? [script] : []), "pack", "--ignore-scripts", "--json", "--pack-destination", destination],
        { cwd: dir, encoding: "utf8", env: ENV, timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    return path.join(destination, (JSON.parse(r.stdout) as { filename: string }[])[0].filename);
}

const STACK = {
    config: {
        "azure-native:location": "swedencentral",
        "azure-ai-models:foundry": {
            name: "teamai",
            location: "swedencentral",
            tags: { owner: "team-search", costCenter: "4712" },
            // Closed (the default): the private endpoint is another team's.
            network: { accessManagedElsewhere: true },
            deployments: [
                { name: "chat", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 10 },
                { name: "documents", model: "mistral-document-ai-2505", sku: "GlobalStandard", capacity: 10 },
            ],
        },
    },
};

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig } from "azure-ai-models";
import { FoundryAccount, FoundryModelDeployment } from "azure-ai-models/components";

// Validated config (every problem at once), then the components.
const { foundry } = loadStackConfig();
if (!foundry) throw new Error("this program needs azure-ai-models:foundry");
const account = new FoundryAccount("ai", {
    accountName: foundry.name,
    location: foundry.location,
    tags: foundry.tags,
    accessManagedElsewhere: foundry.network?.accessManagedElsewhere,
});
// One write to the account at a time (Azure answers a second with 409): each after the account, then the previous.
let previous: pulumi.Resource = account;
for (const d of foundry.deployments) {
    previous = new FoundryModelDeployment(
        d.name,
        {
            resourceGroupName: account.resourceGroupName,
            accountName: account.accountName,
            location: foundry.location,
            deploymentName: d.name,
            model: d.model,
            sku: d.sku,
            capacity: d.capacity,
        },
        { dependsOn: [previous] },
    );
}
export const endpoint = account.openAiBaseUrl;
`;

function writeProject(dir: string, dependencies: Record<string, string>, devDependencies: Record<string, string>) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: path.basename(dir), private: true, dependencies, devDependencies }, null, 4),
    );
    writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        stringify({ name: "foundry-consumer", runtime: { name: "nodejs", options: { typescript: true } } }),
    );
    writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stringify(STACK));
    writeFileSync(path.join(dir, "index.ts"), PROGRAM);
    // What `pulumi new typescript` writes, with the one setting zod's declarations need (docs/fidelity.md).
    const compilerOptions = { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node" };
    writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { ...compilerOptions, esModuleInterop: true }, files: ["index.ts"] }),
    );
}

beforeAll(async () => {
    ensureDist(inject("azureAiModelsDistBuilt"));
    const build = spawnSync(process.execPath, [path.join(CLI_DIR, "build.mjs")], { encoding: "utf8", env: ENV });
    expect(build.status, build.stderr).toBe(0);
    const library = packInto(ROOT, work);
    const tool = packInto(CLI_DIR, work);
    const sdks = {
        "@pulumi/pulumi": ROOT_PKG.devDependencies["@pulumi/pulumi"],
        "@pulumi/azure-native": ROOT_PKG.devDependencies["@pulumi/azure-native"],
    };
    // What `pulumi new typescript` puts in devDependencies, and the CLI.
    writeProject(
        consumer,
        { "azure-ai-models": `file:${library}`, ...sdks },
        { "azure-ai-models-cli": `file:${tool}`, typescript: ROOT_PKG.devDependencies.typescript },
    );
    writeProject(libraryOnly, { "azure-ai-models": `file:${library}`, ...sdks }, {});
    const installs = await Promise.all(
        [consumer, libraryOnly].map((dir) => npmAsync(["install", "--prefer-offline", "--no-audit", "--no-fund"], dir)),
    );
    for (const r of installs) expect(r.status, r.stderr).toBe(0);
}, 900_000);
// Two projects' node_modules (about 800 MB): a minute or more on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 600_000);

/** Every package a folder's node_modules holds, scoped ones as `@scope/name`, nested ones included. */
function installedNames(nodeModules: string, out = new Set<string>()): Set<string> {
    if (!existsSync(nodeModules)) return out;
    for (const entry of readdirSync(nodeModules)) {
        if (entry.startsWith(".")) continue;
        const names = entry.startsWith("@")
            ? readdirSync(path.join(nodeModules, entry)).map((n) => `${entry}/${n}`)
            : [entry];
        for (const name of names) {
            out.add(name);
            installedNames(path.join(nodeModules, name, "node_modules"), out);
        }
    }
    return out;
}

describe("npx azure-ai-models in a consumer project", { timeout: SLOW }, () => {
    it("lists its commands and suggests one for a typo", async () => {
        const help = await cli(["--help"]);
        expect(help.status, help.stderr).toBe(0);
        for (const name of ["plan", "diff", "lifecycle", "smoke", "preflight"])
            expect(help.stdout).toContain(`  ${name} `);
        const typo = await cli(["plna"]);
        expect(typo.status).toBe(2);
        expect(typo.stderr).toContain('unknown command "plna" (did you mean plan?)');
    });

    it("plans the consumer's own component program and stack file with the default pack", async () => {
        const r = await cli(["plan", "--stack", "dev", "--today", TODAY]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain(
            "Plan: stack dev of foundry-consumer (offline, preview semantics; lifecycle checked on 2026-05-01)",
        );
        expect(r.stdout).toMatch(/\+ cognitiveservices:Deployment {2}chat-deployment\n\s+deploymentName: chat\n/);
        expect(r.stdout).toContain("properties.model.name: mistral-document-ai-2505");
        expect(r.stdout).toContain("kind: AIServices");
        expect(r.stdout).toContain("Policies: passed (0 mandatory, 0 advisory violations)");
    });

    it("applies the consumer's policy config: a mandatory rule fails the plan with exit 1", async () => {
        const file = path.join(consumer, "policy.json");
        writeFileSync(
            file,
            JSON.stringify({
                "required-tags": { enforcementLevel: "mandatory", requiredTags: ["owner", "dataClass"] },
            }),
        );
        const r = await cli(["plan", "--stack", "dev", "--today", TODAY, "--policy-config", file]);
        expect(r.status).toBe(1);
        expect(r.stdout).toContain(
            '[mandatory] required-tags: cognitiveservices.Account "ai-account" lacks the tag "dataClass"',
        );
    });

    it("diffs against a saved plan; --fail-on-destructive exits 4 once a deployment is removed", async () => {
        const saved = await cli(["plan", "--stack", "dev", "--today", TODAY, "--json", "--out", "base.json"]);
        expect(saved.status, saved.stderr).toBe(0);
        const stackFile = path.join(consumer, "Pulumi.dev.yaml");
        const stack = parse(readFileSync(stackFile, "utf8")) as typeof STACK;
        stack.config["azure-ai-models:foundry"].deployments.pop();
        writeFileSync(stackFile, stringify(stack));
        try {
            const same = ["diff", "--stack", "dev", "--before", "base.json", "--today", TODAY];
            const gated = await cli([...same, "--fail-on-destructive"]);
            expect(gated.status, gated.stderr).toBe(4);
            expect(gated.stdout).toContain("Changes: 0 to create, 0 to update, 0 to replace, 1 to delete");
            expect(gated.stdout).toContain("✗ Foundry deployment documents (documents-deployment) is deleted");
            const ungated = await cli(same);
            expect(ungated.status, ungated.stderr).toBe(0);
        } finally {
            writeFileSync(stackFile, stringify(STACK));
        }
    });

    it("reports the lifecycle of the stack's deployments (exit 1: one is due)", async () => {
        const r = await cli(["lifecycle", "--stack", "dev", "--today", TODAY]);
        expect(r.status, r.stderr).toBe(1);
        expect(r.stdout).toContain("2 deployment(s) checked, 1 due");
        expect(r.stdout).toMatch(/documents\s+foundry\s+mistral-document-ai-2505\s+retired\s+2026-07-15/);
    });

    it("installs one @pulumi/pulumi, shared by the program and the CLI, and refuses a project with another", async () => {
        const ls = await npmAsync(["ls", "@pulumi/pulumi", "--all", "--parseable"], consumer);
        expect(new Set(ls.stdout.trim().split("\n"))).toEqual(
            new Set([path.join(consumer, "node_modules/@pulumi/pulumi")]),
        );
        // A project whose @pulumi/pulumi is another copy: the mock runtime would not be the program's.
        const other = path.join(work, "other-sdk");
        mkdirSync(path.join(other, "node_modules/@pulumi"), { recursive: true });
        cpSync(path.join(consumer, "Pulumi.yaml"), path.join(other, "Pulumi.yaml"));
        symlinkSync(path.join(ROOT, "node_modules/@pulumi/pulumi"), path.join(other, "node_modules/@pulumi/pulumi"));
        const r = await cli(["plan", "--dir", other]);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain(
            `the program in ${other} loads @pulumi/pulumi from ${path.join(ROOT, "node_modules/@pulumi/pulumi")}`,
        );
    });

    it("declares every package its compiled code loads", () => {
        const dist = path.join(consumer, "node_modules", CLI_PKG.name, "dist");
        const loaded = new Set<string>();
        for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js")))
            for (const [, spec] of readFileSync(path.join(dist, file), "utf8").matchAll(/require\("([^".][^"]*)"\)/g))
                if (!spec.startsWith("node:")) loaded.add(/^(@[^/]+\/[^/]+|[^/]+)/.exec(spec)![1]);
        expect([...loaded].sort()).toEqual(
            Object.keys({ ...CLI_PKG.dependencies, ...CLI_PKG.peerDependencies })
                .filter((n) => n !== "azure-ai-models")
                .sort(),
        );
    });
});

describe("the reusable workflow (.github/workflows/consumer-review.yml)", { timeout: SLOW }, () => {
    it("its review step plans every stack, diffs it against the base and gates a removed deployment", async () => {
        const workflow = parse(readFileSync(path.join(ROOT, ".github/workflows/consumer-review.yml"), "utf8")) as {
            jobs: { review: { steps: { id?: string; run?: string }[] } };
        };
        const script = path.join(work, "review-step.sh");
        writeFileSync(script, workflow.jobs.review.steps.find((s) => s.id === "diff")!.run!);
        // The consumer project as a repository: the base commit has two deployments, the pull request one.
        const stackFile = path.join(consumer, "Pulumi.dev.yaml");
        const stack = structuredClone(STACK);
        stack.config["azure-ai-models:foundry"].deployments[1] = {
            name: "scout",
            model: "Llama-4-Scout-17B-16E-Instruct",
            sku: "GlobalStandard",
            capacity: 10,
        };
        const git = (...args: string[]) => {
            const r = spawnSync("git", ["-c", "user.name=ci", "-c", "user.email=ci@example.com", ...args], {
                cwd: consumer,
                encoding: "utf8",
            });
            expect(r.status, r.stderr).toBe(0);
        };
        writeFileSync(path.join(consumer, ".gitignore"), "node_modules/\n*.json\n!package.json\n!tsconfig.json\n");
        writeFileSync(stackFile, stringify(stack));
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        stack.config["azure-ai-models:foundry"].deployments.pop();
        writeFileSync(stackFile, stringify(stack));
        git("commit", "-q", "-am", "pull request: remove scout");
        const run = async (allow: boolean) => {
            const temp = mkdtempSync(path.join(work, "runner-"));
            const [output, summary] = [path.join(temp, "output"), path.join(temp, "summary")];
            const r = await new Promise<Run>((resolve) => {
                // GitHub's `shell: bash`: bash --noprofile --norc -eo pipefail {0}
                const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
                    cwd: consumer,
                    timeout: 600_000,
                    env: {
                        ...ENV,
                        STACKS: "",
                        POLICY_CONFIG: "",
                        BASE_REF: "main",
                        ALLOW_DESTRUCTIVE: String(allow),
                        RUNNER_TEMP: temp,
                        GITHUB_OUTPUT: output,
                        GITHUB_STEP_SUMMARY: summary,
                    },
                });
                let stdout = "";
                let stderr = "";
                child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
                child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
                child.on("close", (status) => resolve({ status, stdout, stderr }));
            });
            expect(r.status, r.stderr).toBe(0);
            return { output: readFileSync(output, "utf8"), summary: readFileSync(summary, "utf8") };
        };
        try {
            const gated = await run(false);
            expect(gated.output).toBe("exit-code=4\n");
            expect(gated.summary).toContain("Foundry deployment `scout` (`scout-deployment`) is deleted");
            const allowed = await run(true);
            expect(allowed.output).toBe("exit-code=0\n");
        } finally {
            rmSync(path.join(consumer, ".git"), { recursive: true, force: true });
            writeFileSync(stackFile, stringify(STACK));
        }
    });
});

describe("a library-only consumer", () => {
    it("installs none of the CLI's dependencies", () => {
        const names = installedNames(path.join(libraryOnly, "node_modules"));
        expect(names.has("azure-ai-models")).toBe(true);
        for (const name of ["openai", "esbuild", "@pulumi/policy", "azure-ai-models-cli", "yaml"])
            expect(names.has(name), name).toBe(false);
    });
});

describe("the pulumi new template (templates/foundry-starter)", { timeout: SLOW }, () => {
    it("instantiates as pulumi new does and plans with the CLI", async () => {
        const dir = path.join(work, "starter");
        cpSync(TEMPLATE, dir, { recursive: true });
        const project = "my-foundry";
        const description = "A Foundry starter";
        // pulumi new: ${PROJECT} and ${DESCRIPTION} substituted in every file, the template section dropped, and the
        // prompted config (the defaults here) written to the stack file, project keys under the project's name.
        for (const file of readdirSync(dir)) {
            const text = readFileSync(path.join(dir, file), "utf8");
            writeFileSync(
                path.join(dir, file),
                text.replaceAll("${PROJECT}", project).replaceAll("${DESCRIPTION}", description),
            );
        }
        const projectFile = parse(readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as {
            name: string;
            template: { config: Record<string, { default?: string }> };
        };
        expect(projectFile.name).toBe(project);
        const config = Object.fromEntries(
            Object.entries(projectFile.template.config).map(([key, v]) => [
                key.includes(":") ? key : `${project}:${key}`,
                v.default,
            ]),
        );
        delete (projectFile as { template?: unknown }).template;
        writeFileSync(path.join(dir, "Pulumi.yaml"), stringify(projectFile));
        writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stringify({ config }));
        // npm install: the consumer's packages (the template names the same ones).
        symlinkSync(path.join(consumer, "node_modules"), path.join(dir, "node_modules"), "dir");
        const r = await cli(["plan", "--stack", "dev", "--today", TODAY, "--typecheck", "--dir", dir]);
        expect(r.status, r.stderr + r.stdout).toBe(0);
        expect(r.stdout).toContain("Plan: stack dev of my-foundry");
        expect(r.stdout).toContain("properties.model.name: Mistral-Large-3");
        expect(r.stdout).toContain("sku.capacity: 10");
        expect(r.stdout).toContain("location: swedencentral");
    });
});
