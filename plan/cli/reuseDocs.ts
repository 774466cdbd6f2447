/**
 * `npm run docs:reuse -- [--check]`: rewrites the component table of docs/reuse.md from the component package's
 * schema, as this checkout's provider serves it (analyzed from the components' TypeScript, as `npm run build` does
 * for `dist/provider-schema.json`). `--check` changes nothing and exits 1 when the doc is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { argumentError, optionsIn } from "../../infra/util/args";
import { AzureAiModelsProvider } from "../../infra/provider";
import { withComponentTable, type PackageSchema } from "../report/componentDocs";
import { sourceStack } from "../run/sourceStack";

const DOC = path.join(__dirname, "../../docs/reuse.md");
const USAGE = "usage: npm run docs:reuse -- [--check]";

async function main(argv: string[]): Promise<number> {
    let values: { check?: boolean; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
            strict: true,
        }));
    } catch (e) {
        process.stderr.write(`${argumentError(e, optionsIn(USAGE))}\n${USAGE}\n`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const prebuilt = await new AzureAiModelsProvider().buildPrebuiltSchema();
    const doc = readFileSync(DOC, "utf8");
    const next = withComponentTable(doc, prebuilt.schema as PackageSchema);
    if (next === doc) return 0;
    if (values.check) {
        process.stderr.write("docs/reuse.md's component table is stale: run npm run docs:reuse\n");
        return 1;
    }
    writeFileSync(DOC, next);
    process.stdout.write("docs/reuse.md: component table rewritten\n");
    return 0;
}

if (require.main === module)
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            process.stderr.write(`${sourceStack(e)}\n`);
            process.exit(1);
        },
    );
