/**
 * The npm package's public API, three ways that must agree: what each entry point of package.json `exports`
 * exports at run time (the built `dist/`, what a consumer requires), the API report checked in for it
 * (`api/<entry>.api.md`, made by API Extractor; `npm run api:check` in CI fails when the declarations drift from it),
 * and the list in docs/reuse.md. A name added to or dropped from an entry point fails here until the report and the
 * docs say so too.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { PKG } from "./consumer";
import { ensureDist, ROOT } from "./dist";

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

/** Each entry point with its compiled module and its report, as api/report.mjs names them. */
const ENTRIES = Object.entries(PKG.exports)
    .filter((e): e is [string, { types: string; default: string }] => typeof e[1] === "object")
    .map(([subpath, target]) => ({
        specifier: subpath === "." ? PKG.name : `${PKG.name}/${subpath.slice(2)}`,
        module: path.join(ROOT, target.default),
        report: path.join(ROOT, "api", `${subpath === "." ? PKG.name : subpath.slice(2)}.api.md`),
    }));

function runtimeNames(module: string): string[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return Object.keys(require(module) as object)
        .filter((k) => k !== "__esModule")
        .sort();
}

/** The names a report declares as values (classes, functions, constants, namespaces), top level only. */
function reportedValues(report: string): string[] {
    const text = readFileSync(report, "utf8");
    const names = [...text.matchAll(/^(?:export )?(?:declare )?(?:class|function|const|let|enum|namespace) (\w+)/gm)]
        .filter((m) => m[0].startsWith("export ") || m[0].startsWith("declare namespace"))
        .map((m) => m[1]);
    return [...new Set(names)].sort();
}

/** The names docs/reuse.md lists for an entry point: its bullet under "What each entry point exports". */
function documentedValues(specifier: string): string[] {
    const doc = readFileSync(path.join(ROOT, "docs/reuse.md"), "utf8");
    const section = doc.slice(doc.indexOf("#### What each entry point exports"));
    const bullet = section.split("\n").find((l) => l.startsWith(`- \`${specifier}\`:`));
    if (!bullet) throw new Error(`docs/reuse.md lists nothing for ${specifier}`);
    return [...bullet.slice(specifier.length + 5).matchAll(/`(\w+)`/g)].map((m) => m[1]).sort();
}

describe("the npm package's public API", () => {
    it("has the four entry points the docs describe, each with a report", () => {
        expect(ENTRIES.map((e) => e.specifier)).toEqual([
            "azure-ai-models",
            "azure-ai-models/components",
            "azure-ai-models/catalog",
            "azure-ai-models/config",
        ]);
    });

    it.each(ENTRIES.map((e) => [e.specifier, e]))(
        "%s exports at run time exactly the values its API report and docs/reuse.md list",
        (_, entry) => {
            const runtime = runtimeNames(entry.module);
            expect(runtime).toEqual(reportedValues(entry.report));
            expect(runtime).toEqual(documentedValues(entry.specifier));
        },
    );

    it("keeps internal helpers out: the root's catalog and config namespaces are the subpath entry points", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const lib = require(ENTRIES[0].module) as Record<string, object>;
        for (const [ns, sub] of [
            ["catalog", ENTRIES[2]],
            ["config", ENTRIES[3]],
        ] as const)
            expect(Object.keys(lib[ns]).sort(), ns).toEqual(runtimeNames(sub.module));
        const all = ENTRIES.flatMap((e) => runtimeNames(e.module));
        for (const internal of ["nameProblem", "resolveWorkspace", "endpointTrafficProvider", "fromZodIssues"])
            expect(all).not.toContain(internal);
    });
});
