// `npm run policies:bundle [-- --out DIR]`: bundles the policy pack into one standalone folder that
// `pulumi policy publish` can upload. The pack imports the catalog from ../infra/catalog, which the CLI does not
// upload with policies/; the bundle inlines it (and zod), keeping only @pulumi/policy and @pulumi/pulumi as
// dependencies, installed by `npm install` in the bundle folder.
//
//   npm run policies:bundle                 # writes policies/dist/
//   cd policies/dist && npm install && pulumi policy publish <org>
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outArg = process.argv.indexOf("--out");
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(here, "dist"));
const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const external = Object.keys(pkg.dependencies);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
    entryPoints: [join(here, "index.ts")],
    outfile: join(out, "index.js"),
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    external: external.flatMap((d) => [d, `${d}/*`]),
    legalComments: "none",
    logLevel: "warning",
});
writeFileSync(
    join(out, "package.json"),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license, private: true, main: "index.js", engines: pkg.engines, dependencies: pkg.dependencies }, null, 2)}\n`,
);
copyFileSync(join(here, "PulumiPolicy.yaml"), join(out, "PulumiPolicy.yaml"));
process.stdout.write(`bundled the policy pack into ${out} (dependencies: ${external.join(", ")})\n`);
