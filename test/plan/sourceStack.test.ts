/**
 * An error thrown while a program is planned is reported at its TypeScript lines: `plan/runTs.js` runs the program
 * without source maps and maps the reported stack back (plan/run/sourceStack.ts). The fixture's types shift the
 * JavaScript's lines away from the TypeScript's, so a stack of JavaScript lines fails this test.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/planCommand";

const DIR = path.join(ROOT, "test/fixtures/component-programs/throws");

/** The 1-based line of the first line of `file` that contains `text`, and the column where `text` starts. */
function where(file: string, text: string): string {
    const lines = readFileSync(path.join(DIR, file), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes(text));
    return `${path.join(DIR, file)}:${line + 1}:${lines[line].indexOf(text) + 1}`;
}

describe("stack traces of a planned program", () => {
    it("name the TypeScript file, line and column of each frame in the program, imported files included", () => {
        const r = spawnSync(
            process.execPath,
            [path.join(ROOT, "plan/runTs.js"), "plan/cli/cli.ts", "--dir", DIR, "--stack", "test"],
            { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
        );
        expect(r.status).toBe(3);
        const lines = r.stderr.split("\n");
        expect(lines[0]).toBe("plan failed: Error: no deployments planned for team-foundry");
        expect(lines[1]).toBe(`    at checked (${where("names.ts", "new Error")})`);
        expect(lines[2]).toBe(`    at Object.<anonymous> (${where("index.ts", "checked({")})`);
    });
});
