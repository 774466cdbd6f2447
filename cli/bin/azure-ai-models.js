#!/usr/bin/env node
// @ts-check
/**
 * `azure-ai-models <command> [options]`: the package's tools on your own Pulumi program (`--dir`, default the current
 * folder) and stack files. Each command is the repository's tool, compiled into `dist/` (see `../commands.js` and
 * `../build.mjs`), run under the TypeScript loader that also loads your `.ts` program.
 *
 * A command that runs the program (`plan`, `diff`, `preflight`) needs the program and this CLI to load the same
 * `@pulumi/pulumi`: the plan's mock runtime is that module's state. This is checked before anything runs.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { COMMANDS, RUN_TS } = require("../commands.js");

const DIST = path.join(__dirname, "..", "dist");
const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));

function usage() {
    const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
    const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
    return [
        "usage: azure-ai-models <command> [options]      (azure-ai-models <command> --help for its options)",
        "",
        "commands:",
        ...lines,
        "",
        "Runs on the Pulumi project in --dir PATH (default: the current folder) and its Pulumi.<stack>.yaml files.",
    ].join("\n");
}

/** Edit distance, for a suggestion on a misspelt command. */
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const next = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = next;
        }
    }
    return row[b.length];
}

/** The value of `--dir` in the arguments (`--dir X` or `--dir=X`), else undefined. */
function dirOption(args) {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === "--dir") return args[i + 1];
        if (args[i].startsWith("--dir=")) return args[i].slice("--dir=".length);
    }
    return undefined;
}

/** Where `@pulumi/pulumi` resolves from a folder (its real path), or undefined when it does not. */
function pulumiFrom(dir) {
    try {
        return fs.realpathSync(require.resolve("@pulumi/pulumi/package.json", { paths: [dir] }));
    } catch {
        return undefined;
    }
}

/** A problem with the project's `@pulumi/pulumi`, or undefined when the program and the CLI share one. */
function sdkProblem(projectDir) {
    const ours = pulumiFrom(DIST);
    const theirs = pulumiFrom(projectDir);
    if (!fs.existsSync(path.join(projectDir, "Pulumi.yaml"))) return undefined; // the command reports the missing project
    if (theirs === undefined)
        return `the program in ${projectDir} cannot load @pulumi/pulumi: run npm install in its folder first`;
    if (ours !== theirs)
        return (
            `the program in ${projectDir} loads @pulumi/pulumi from ${path.dirname(theirs)}, this CLI from ` +
            `${ours ? path.dirname(ours) : "nowhere"}: the plan needs one copy, shared by both. Install the CLI ` +
            `in the program's project (npm install --save-dev azure-ai-models-cli) and run it from there.`
        );
    return undefined;
}

function main() {
    const [name, ...args] = process.argv.slice(2);
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        (name === undefined ? process.stderr : process.stdout).write(`${usage()}\n`);
        return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
        process.stdout.write(`${version}\n`);
        return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) {
        const [nearest] = Object.keys(COMMANDS)
            .map((n) => ({ n, d: distance(name, n) }))
            .filter(({ d }) => d <= 2)
            .sort((a, b) => a.d - b.d);
        const hint = nearest ? ` (did you mean ${nearest.n}?)` : "";
        process.stderr.write(`unknown command ${JSON.stringify(name)}${hint}\n${usage()}\n`);
        return 2;
    }
    if (command.runsProgram && !args.includes("--help") && !args.includes("-h")) {
        const problem = sdkProblem(path.resolve(dirOption(args) ?? process.cwd()));
        if (problem) {
            process.stderr.write(`${problem}\n`);
            return 2;
        }
    }
    const loader = path.join(DIST, RUN_TS);
    // The loader reads its arguments as `node runTs.js ENTRY ARGS...` and runs ENTRY as the main module.
    process.argv = [process.argv[0], loader, path.join(DIST, `${command.entry}.js`), ...args];
    require(loader);
    return undefined;
}

const code = main();
if (code !== undefined) process.exitCode = code;
