// The package's public API, one report per npm entry point (package.json `exports`), made by API Extractor from
// the built declarations (`dist/`). `npm run api:check` fails when the surface differs from the reports checked in
// here; `npm run api:update` rewrites them, and the diff of a pull request then shows every change of the surface.
import { mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const update = process.argv.includes("--update");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** Each entry point with a declaration file, and its report's name: `.` is the package's own name. */
function entryPoints(exportsMap) {
    return Object.entries(exportsMap)
        .filter(([, target]) => typeof target === "object" && target.types)
        .map(([subpath, target]) => ({
            subpath,
            types: target.types,
            report: subpath === "." ? pkg.name : subpath.replace(/^\.\//, ""),
        }));
}

// The report records the surface and the types it uses but does not export (ae-forgotten-export); what TSDoc says
// or leaves out is the docs' business, not the surface's.
const messages = {
    compilerMessageReporting: { default: { logLevel: "error" } },
    extractorMessageReporting: {
        default: { logLevel: "none" },
        "ae-forgotten-export": { logLevel: "none", addToApiReportFile: true },
        "ae-incompatible-release-tags": { logLevel: "none", addToApiReportFile: true },
        "ae-wrong-input-file-type": { logLevel: "error" },
    },
    tsdocMessageReporting: { default: { logLevel: "none" } },
};

const temp = path.join(ROOT, "node_modules", ".cache", "api-extractor");
mkdirSync(temp, { recursive: true });
let changed = 0;
for (const entry of entryPoints(pkg.exports)) {
    const mainEntryPointFilePath = path.join(ROOT, entry.types);
    const config = ExtractorConfig.prepare({
        configObject: {
            projectFolder: ROOT,
            mainEntryPointFilePath,
            compiler: {
                // Only the declarations: the repository's tsconfig would make API Extractor load every test too.
                overrideTsconfig: {
                    compilerOptions: {
                        target: "ES2022",
                        module: "commonjs",
                        moduleResolution: "node",
                        lib: ["ES2023"],
                        types: ["node"],
                        strict: true,
                        esModuleInterop: true,
                        skipLibCheck: true,
                    },
                    files: [mainEntryPointFilePath],
                },
                skipLibCheck: true,
            },
            apiReport: {
                enabled: true,
                reportFileName: entry.report,
                reportFolder: path.join(ROOT, "api"),
                reportTempFolder: temp,
            },
            docModel: { enabled: false },
            dtsRollup: { enabled: false },
            tsdocMetadata: { enabled: false },
            messages,
        },
        configObjectFullPath: path.join(ROOT, "api", "api-extractor.json"),
        packageJsonFullPath: path.join(ROOT, "package.json"),
    });
    const result = Extractor.invoke(config, {
        localBuild: update,
        messageCallback: (m) => {
            // API Extractor's own notes (which TypeScript it bundles, "report created") are noise here.
            if (m.category === "console" && m.logLevel !== "error") m.handled = true;
        },
    });
    const file = path.join("api", `${entry.report}.api.md`);
    if (result.apiReportChanged) {
        changed++;
        console.error(
            update
                ? `${file}: updated for ${pkg.name}${entry.subpath.slice(1)}`
                : `${file}: the public API of ${pkg.name}${entry.subpath.slice(1)} changed; run npm run api:update and commit the report (compare: ${path.relative(ROOT, path.join(temp, `${entry.report}.api.md`))})`,
        );
    }
    if (!result.succeeded && !result.apiReportChanged) {
        console.error(`${file}: API Extractor failed (${result.errorCount} errors)`);
        process.exitCode = 1;
    }
}
if (changed > 0 && !update) process.exitCode = 1;
else if (process.exitCode !== 1 && !update)
    console.log(`public API: the ${entryPoints(pkg.exports).length} entry points match api/*.api.md`);
