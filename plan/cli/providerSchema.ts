/**
 * `node plan/runTs.js plan/cli/providerSchema.ts OUT_FILE`: writes the component package's schema, as the provider of
 * this checkout serves it (analyzed from the components' TypeScript, secret outputs marked, defaults described),
 * with the analyzer's component definitions. `npm run build` writes it to `dist/provider-schema.json`, where the
 * installed package's provider (which has no TypeScript sources to analyze) serves it from.
 */
import { writeFileSync } from "node:fs";
import { AzureAiModelsProvider } from "../../infra/provider";

async function main(argv: string[]): Promise<number> {
    if (argv.length !== 1 || argv[0].startsWith("-")) {
        process.stderr.write("usage: node plan/runTs.js plan/cli/providerSchema.ts OUT_FILE\n");
        return argv[0] === "--help" || argv[0] === "-h" ? 0 : 2;
    }
    const prebuilt = await new AzureAiModelsProvider().buildPrebuiltSchema();
    writeFileSync(argv[0], `${JSON.stringify(prebuilt)}\n`);
    return 0;
}

if (require.main === module)
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(1);
        },
    );
