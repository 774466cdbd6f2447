#!/usr/bin/env node
// @ts-check
/**
 * `node plan/runTs.js FILE.ts [ARGS...]`: runs a TypeScript entry point (the plan, the plan diff, the bench, the
 * catalog table) as compiled JavaScript, with nothing else loaded. The npm scripts start here instead of `tsx`.
 *
 * Every `.ts` file the process requires (this repository's, or a user program's in another folder through
 * `--dir`) is transpiled once with esbuild (type erasure only, one file at a time: `isolatedModules` holds) and the
 * JavaScript is kept under `node_modules/.cache/azure-ai-models/ts/` (the project's, when this file runs from the CLI
 * package installed there), named by a hash of the file's text and the
 * transpiler's version and options. A file whose text changes gets a new name, so an edit is used by the next run
 * and nothing needs building beforehand (a fresh clone: `npm ci && npm run plan`). A cache hit loads no
 * transpiler. No source maps while the program runs: with them on, every `Error().stack` the Pulumi runtime takes
 * costs twice as much. Only when an error is reported does a stack get the TypeScript lines back (see
 * {@link remapStack}): the files it names are transpiled again, with a source map, at that moment.
 *
 * Node's own compile cache (V8 code for every module, `@pulumi/pulumi` included) sits next to it, so a second run
 * skips most of the parsing and compiling of its dependencies.
 *
 * Plain JavaScript, because it is what runs before any TypeScript can.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

/**
 * The cache folder: this repository's `node_modules/.cache/azure-ai-models`, or, where this file is installed as
 * part of a package (the CLI package's `dist/plan/runTs.js` in a project's `node_modules`), that project's.
 */
function cacheRoot() {
    const parts = __dirname.split(path.sep);
    const installed = parts.indexOf("node_modules");
    const nodeModules =
        installed > 0 ? parts.slice(0, installed + 1).join(path.sep) : path.join(__dirname, "..", "node_modules");
    return path.join(nodeModules, ".cache", "azure-ai-models");
}

const CACHE_ROOT = cacheRoot();
const TS_CACHE = path.join(CACHE_ROOT, "ts");

/**
 * esbuild's options. The tsconfig fields esbuild reads, as `tsconfig.json` sets them (target ES2022 implies
 * `useDefineForClassFields`, what `tsc` does for `dist/`).
 * @type {import("esbuild").TransformOptions}
 */
const OPTIONS = {
    loader: "ts",
    format: "cjs",
    target: "node22",
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
};

/** The transpiler's identity: its version and our options, part of every cache key. */
function transpilerKey() {
    const pkg = require.resolve("esbuild/package.json");
    const { version } = JSON.parse(fs.readFileSync(pkg, "utf8"));
    return `esbuild ${version} ${JSON.stringify(OPTIONS)}`;
}

let key;
/** @type {typeof import("esbuild") | undefined} */
let esbuild;

/** The JavaScript for a TypeScript file's text: from the cache, else transpiled and written to it. */
function compiled(source, filename) {
    key ??= transpilerKey();
    const hash = crypto.createHash("sha256").update(key).update("\0").update(source).digest("hex");
    const file = path.join(TS_CACHE, hash.slice(0, 2), `${hash.slice(2)}.js`);
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // not cached yet
    }
    esbuild ??= require("esbuild");
    const { code } = esbuild.transformSync(source, { ...OPTIONS, sourcefile: filename });
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Written whole under a temporary name, then renamed: a concurrent run never reads half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, code);
        fs.renameSync(tmp, file);
    } catch {
        // A read-only checkout: run without caching.
    }
    return code;
}

/**
 * The TypeScript files this process ran, with the JavaScript each ran as: what {@link remapStack} maps back. Only
 * references to strings the loader already holds, so the normal path pays one `Map.set` per file.
 * @type {Map<string, { source: string, code: string }>}
 */
const ran = new Map();

/** A frame's `FILE.ts:LINE:COLUMN` (CommonJS paths, as Node prints them). */
const FRAME = /([^\s()]+\.[cm]?ts):(\d+):(\d+)/g;

/**
 * An error's stack with each frame in a TypeScript file this process ran pointing at the TypeScript line and column
 * instead of the transpiled JavaScript's. Each file named is transpiled again with a source map (the same options,
 * so the same code: a file whose code differs is left as it is, never mapped wrongly). Costs a transpiler load and
 * one transpile per file named, paid only when an error is reported.
 * @param {string} stack
 * @returns {string}
 */
function remapStack(stack) {
    /** @type {Map<string, import("node:module").SourceMap | undefined>} */
    const maps = new Map();
    /** @param {string} file */
    const mapOf = (file) => {
        if (maps.has(file)) return maps.get(file);
        const r = ran.get(file);
        let map;
        if (r) {
            try {
                esbuild ??= require("esbuild");
                const out = esbuild.transformSync(r.source, { ...OPTIONS, sourcefile: file, sourcemap: "external" });
                if (out.code === r.code) map = new Module.SourceMap(JSON.parse(out.map));
            } catch {
                // no map: the frame keeps the JavaScript line
            }
        }
        maps.set(file, map);
        return map;
    };
    return stack.replace(FRAME, (frame, file, line, column) => {
        const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
        return entry && "originalLine" in entry
            ? `${file}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
            : frame;
    });
}
// The plan's error reports find it here (plan/run/sourceStack.ts); nothing else of this loader is reachable.
Object.defineProperty(globalThis, Symbol.for("azure-ai-models.remapStack"), { value: remapStack });

/** @type {Record<string, (module: NodeJS.Module & { _compile(code: string, file: string): void }, filename: string) => void>} */
// @ts-expect-error -- Module._extensions is Node's loader table, untyped in @types/node.
const extensions = Module._extensions;
extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const code = compiled(source, filename);
    ran.set(filename, { source, code });
    module._compile(code, filename);
};

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
    process.stderr.write("usage: node plan/runTs.js FILE.ts [ARGS...]\n");
    process.exitCode = 2;
} else {
    try {
        Module.enableCompileCache?.(path.join(CACHE_ROOT, "v8"));
    } catch {
        // no cache: slower, not wrong
    }
    const main = path.resolve(entry);
    // The entry runs as the main module (`require.main === module`), with the argv of `node FILE.js ARGS`.
    process.argv = [process.argv[0], main, ...args];
    // @ts-expect-error -- Module._load(request, parent, isMain) is how Node itself starts a CommonJS entry.
    Module._load(main, null, true);
}
