/**
 * The import graph of a folder's TypeScript files, read statically (TypeScript's own pre-processor lists every
 * module a file names: `import`, `import type`, `export ... from`, `import()` and `require()`), and the import cycles
 * in it. Only relative imports that resolve to a file of the folder count: packages and files elsewhere are edges out
 * of the folder, and cannot close a circle inside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** Every `.ts` file under `dir` (declaration files left out), as absolute paths, sorted. */
export function tsFilesUnder(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...tsFilesUnder(full));
        else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(full);
    }
    return out.sort();
}

/** The file a relative specifier names, as Node's resolution of a TypeScript source would find it. */
function resolveRelative(fromFile: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(fromFile), specifier);
    for (const candidate of [base, `${base}.ts`, path.join(base, "index.ts")]) {
        if (candidate.endsWith(".ts") && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
}

/** For each file under `dir`: the files under `dir` it imports (paths relative to `dir`, `/`-separated). */
export function importGraph(dir: string): Map<string, string[]> {
    const files = tsFilesUnder(dir);
    const inside = new Set(files);
    const rel = (file: string) => path.relative(dir, file).split(path.sep).join("/");
    const graph = new Map<string, string[]>();
    for (const file of files) {
        const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
        const targets = new Set<string>();
        for (const { fileName } of importedFiles) {
            if (!fileName.startsWith("./") && !fileName.startsWith("../")) continue;
            const target = resolveRelative(file, fileName);
            if (target !== undefined && inside.has(target)) targets.add(rel(target));
        }
        graph.set(rel(file), [...targets].sort());
    }
    return graph;
}

/**
 * The import cycles of a graph: one per strongly connected component of more than one file (or a file importing
 * itself), each given as a path that starts and ends at its smallest file name, e.g. `a.ts -> b.ts -> a.ts`.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
    // Tarjan's strongly connected components, iteratively bounded by the graph's size.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const components: string[][] = [];
    const visit = (node: string): void => {
        index.set(node, next);
        low.set(node, next);
        next++;
        stack.push(node);
        onStack.add(node);
        for (const to of graph.get(node) ?? []) {
            if (!index.has(to)) {
                visit(to);
                low.set(node, Math.min(low.get(node)!, low.get(to)!));
            } else if (onStack.has(to)) {
                low.set(node, Math.min(low.get(node)!, index.get(to)!));
            }
        }
        if (low.get(node) === index.get(node)) {
            const component: string[] = [];
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== node);
            components.push(component);
        }
    };
    for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

    const cycles: string[] = [];
    for (const component of components) {
        const members = new Set(component);
        const start = [...component].sort()[0];
        if (component.length === 1 && !(graph.get(start) ?? []).includes(start)) continue;
        cycles.push(shortestCycle(graph, start, members).join(" -> "));
    }
    return cycles.sort();
}

/** The shortest import path from `start` back to itself, through the files of its component only. */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, start: string, members: Set<string>): string[] {
    const previous = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        for (const to of graph.get(node) ?? []) {
            if (!members.has(to)) continue;
            if (to === start) {
                const between: string[] = [];
                for (let at = node; at !== start; at = previous.get(at)!) between.unshift(at);
                return [start, ...between, start];
            }
            if (!previous.has(to)) {
                previous.set(to, node);
                queue.push(to);
            }
        }
    }
    return [start, start];
}
