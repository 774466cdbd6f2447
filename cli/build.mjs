// @ts-check
/**
 * Builds the CLI package: compiles the entry point of every command (`commands.js`) and everything it imports from
 * the repository's sources (plan/, smoke/, preflight/, policies/, infra/) into `dist/`, at the same paths relative to
 * the repository root, with the repository's own compiler options (tsconfig.json). No source is copied into this
 * folder: the repository's files are the one source, compiled. `plan/runTs.js`, already JavaScript, is copied as is.
 *
 * Runs with the repository's TypeScript (the CLI package has no development dependencies of its own), so it needs
 * the repository's `npm ci` first. `npm pack` in this folder runs it (`prepack`).
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const DIST = path.join(HERE, "dist");
const require = createRequire(import.meta.url);
const { COMMANDS, RUN_TS } = require("./commands.js");
/** @type {typeof import("typescript")} */
const ts = createRequire(path.join(ROOT, "package.json"))("typescript");

const configFile = path.join(ROOT, "tsconfig.json");
const read = ts.readConfigFile(configFile, ts.sys.readFile);
if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, configFile);
const options = {
    ...parsed.options,
    rootDir: ROOT,
    outDir: DIST,
    noEmit: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
};
const entries = Object.values(COMMANDS).map((c) => path.join(ROOT, `${c.entry}.ts`));

rmSync(DIST, { recursive: true, force: true });
const program = ts.createProgram(entries, options);
const result = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" };
    process.stderr.write(ts.formatDiagnostics(diagnostics, host));
    process.exit(1);
}
mkdirSync(path.dirname(path.join(DIST, RUN_TS)), { recursive: true });
copyFileSync(path.join(ROOT, RUN_TS), path.join(DIST, RUN_TS));
const emitted = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes("node_modules"));
process.stdout.write(`built ${path.relative(ROOT, DIST)}: ${emitted.length} modules, ${entries.length} commands\n`);
