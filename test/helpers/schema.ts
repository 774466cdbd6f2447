/**
 * The component package's schema as `AzureAiModelsProvider.getSchema()` serves it. The analyzer behind it builds a
 * TypeScript program over the package (about 6 s of CPU), so the schema is kept under `node_modules/.cache`, named
 * by a hash of everything it is computed from: the files of test files that only read it share one computation.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { AzureAiModelsProvider } from "../../infra/provider";

const ROOT = path.resolve(__dirname, "../..");

/** A hash of the analyzer's inputs: the package's TypeScript, its manifests and the Pulumi SDK's version. */
function inputsHash(): string {
    const hash = createHash("sha256");
    const infra = path.join(ROOT, "infra");
    const sources = readdirSync(infra, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .sort()
        .map((f) => path.join(infra, f));
    const manifests = ["index.ts", "package.json", "tsconfig.json", "PulumiPlugin.yaml"].map((f) => path.join(ROOT, f));
    for (const file of [...sources, ...manifests, require.resolve("@pulumi/pulumi/package.json")])
        hash.update(`${path.relative(ROOT, file)}\0`)
            .update(readFileSync(file))
            .update("\0");
    return hash.digest("hex");
}

/** The schema JSON the provider serves. */
export async function packageSchema(): Promise<string> {
    const file = path.join(ROOT, "node_modules/.cache/azure-ai-models/schema", `${inputsHash()}.json`);
    if (existsSync(file)) return readFileSync(file, "utf8");
    const schema = await new AzureAiModelsProvider().getSchema();
    mkdirSync(path.dirname(file), { recursive: true });
    // Written whole, then renamed: a test file starting at the same time never reads half of it.
    writeFileSync(`${file}.${process.pid}`, schema);
    renameSync(`${file}.${process.pid}`, file);
    return schema;
}
