/**
 * The CLI package's manifest against the repository (fast; the packed packages run in cli.e2e.test.ts): same version
 * as the library, which it takes as an exact peer; the development versions of its dependencies; every command's
 * entry point a source file of this repository (a tool that moves without `cli/commands.js` fails here).
 */
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../package/dist";

interface Manifest {
    name: string;
    version: string;
    bin?: Record<string, string>;
    files?: string[];
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
}
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as Manifest;
const LIBRARY = read("package.json");
const CLI = read("cli/package.json");
const { COMMANDS, RUN_TS } = createRequire(__filename)("../../cli/commands.js") as {
    COMMANDS: Record<string, { entry: string; summary: string; runsProgram: boolean }>;
    RUN_TS: string;
};

describe("cli/package.json", () => {
    it("is azure-ai-models-cli at the library's version, with the azure-ai-models command", () => {
        expect(CLI.name).toBe("azure-ai-models-cli");
        expect(CLI.version).toBe(LIBRARY.version);
        expect(CLI.bin).toEqual({ "azure-ai-models": "bin/azure-ai-models.js" });
        accessSync(path.join(ROOT, "cli", CLI.bin!["azure-ai-models"]), constants.X_OK);
        expect(CLI.files).toEqual(["bin/*.js", "commands.js", "dist/**/*.js", "README.md"]);
    });

    it("takes the library at exactly its version and @pulumi/pulumi as the library does, as peers", () => {
        expect(CLI.peerDependencies).toEqual({
            "@pulumi/pulumi": LIBRARY.peerDependencies!["@pulumi/pulumi"],
            "azure-ai-models": LIBRARY.version,
        });
    });

    it("depends on the versions the repository develops and tests with", () => {
        const ours = { ...LIBRARY.devDependencies, ...LIBRARY.dependencies };
        for (const [name, range] of Object.entries(CLI.dependencies!)) {
            const dev = ours[name];
            expect(dev, `${name} is not a dependency of the repository`).toBeDefined();
            expect(range, name).toBe(dev.startsWith("^") ? dev : `^${dev}`);
        }
    });

    it("names an entry point of this repository for every command, and the loader", () => {
        expect(Object.keys(COMMANDS)).toEqual(["plan", "diff", "lifecycle", "smoke", "preflight"]);
        for (const [name, command] of Object.entries(COMMANDS))
            expect(existsSync(path.join(ROOT, `${command.entry}.ts`)), `${name}: ${command.entry}.ts`).toBe(true);
        expect(existsSync(path.join(ROOT, RUN_TS))).toBe(true);
    });
});
