/**
 * plan/runTs.js, what the npm scripts start TypeScript with: a program and the files it imports (extensionless,
 * TypeScript-only syntax included) run as compiled JavaScript, as the main module with its arguments; an edited file
 * is used by the next run; the exit code is the program's.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/planCommand";

const RUN_TS = path.join(ROOT, "plan/runTs.js");

function runTs(file: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [RUN_TS, file, ...args], { encoding: "utf8", timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function program(greeting: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-run-ts-"));
    writeFileSync(
        path.join(dir, "greeter.ts"),
        [
            "export enum Tone { Plain = 1, Loud = 2 }",
            "export class Greeter {",
            "    constructor(private readonly tone: Tone) {}",
            `    greet(name: string): string { const text = \`${greeting}, \${name}\`; return this.tone === Tone.Loud ? text.toUpperCase() : text; }`,
            "}",
        ].join("\n"),
    );
    writeFileSync(
        path.join(dir, "main.ts"),
        [
            'import { Greeter, Tone } from "./greeter";',
            "const [name, tone] = process.argv.slice(2);",
            'const greeter: Greeter = new Greeter(tone === "loud" ? Tone.Loud : Tone.Plain);',
            "console.log(greeter.greet(name), require.main === module);",
            "process.exitCode = 7;",
        ].join("\n"),
    );
    return dir;
}

describe("node plan/runTs.js FILE.ts ARGS", () => {
    it("runs the program as the main module with its arguments, and ends with its exit code", () => {
        const dir = program("Hello");
        const r = runTs(path.join(dir, "main.ts"), "Ada", "loud");
        expect(r.stderr).toBe("");
        expect(r.stdout).toBe("HELLO, ADA true\n");
        expect(r.code).toBe(7);
    });

    it("uses an edited file on the next run", () => {
        const dir = program("Hello");
        expect(runTs(path.join(dir, "main.ts"), "Ada").stdout).toBe("Hello, Ada true\n");
        writeFileSync(
            path.join(dir, "greeter.ts"),
            "export enum Tone { Plain = 1, Loud = 2 }\nexport class Greeter { constructor(readonly tone: Tone) {} greet(name: string): string { return `Bye, ${name}`; } }\n",
        );
        expect(runTs(path.join(dir, "main.ts"), "Ada").stdout).toBe("Bye, Ada true\n");
    });

    it("says how to use it when given no file", () => {
        const r = spawnSync(process.execPath, [RUN_TS], { encoding: "utf8" });
        expect(r.status).toBe(2);
        expect(r.stderr).toBe("usage: node plan/runTs.js FILE.ts [ARGS...]\n");
    });
});
