/**
 * No import cycle under `plan/`: its files import one another one way only (docs/architecture.md, "plan/"), so each
 * folder can be read, tested and changed from the bottom up. The walk reads the imports statically (type-only
 * imports included: a circle of types is still a circle a reader has to hold at once).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCycles, importGraph } from "./importGraph";

const ROOT = path.resolve(__dirname, "../..");

describe("the plan tool's imports", () => {
    it("form no cycle", () => {
        const graph = importGraph(path.join(ROOT, "plan"));
        // The walk saw the tree: the entry imports the command, which imports the run.
        expect(graph.get("cli/cli.ts")).toContain("cli/command.ts");
        expect(graph.get("cli/command.ts")).toContain("run/run.ts");
        expect(importCycles(graph)).toEqual([]);
    });
});

describe("the cycle walk", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "import-cycles-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
    };

    it("names every cycle, type-only, re-export, dynamic and through an index, and nothing else", () => {
        write("run/types.ts", 'import type { Violation } from "../checks/policy";\nexport type T = Violation;\n');
        write("checks/policy.ts", 'import type { T } from "../run/types";\nexport type Violation = T[];\n');
        write("a.ts", 'export * from "./b";\n');
        write("b.ts", 'export const load = () => import("./c");\n');
        write("c.ts", 'const a = require("./a");\nexport { a };\n');
        write("self.ts", 'import "./self";\n');
        write("lib/index.ts", 'import { x } from "../user";\nexport const y = x;\n');
        write("user.ts", 'import { y } from "./lib";\nexport const x = 1; export { y };\n');
        // Not cycles: a one-way chain, a package, a file outside the folder.
        write("one.ts", 'import { two } from "./two";\nimport * as fs from "node:fs";\nexport { two, fs };\n');
        write("two.ts", 'import { z } from "../outside";\nexport const two = z;\n');

        expect(importCycles(importGraph(dir))).toEqual([
            "a.ts -> b.ts -> c.ts -> a.ts",
            "checks/policy.ts -> run/types.ts -> checks/policy.ts",
            "lib/index.ts -> user.ts -> lib/index.ts",
            "self.ts -> self.ts",
        ]);
    });
});
