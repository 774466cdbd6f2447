/**
 * The components as a Pulumi component package, for Python, Go, .NET and YAML programs: `PulumiPlugin.yaml` at the
 * repository root declares the package (runtime `nodejs`), `pulumi package add <path or git URL>` asks the provider
 * below for its schema and generates an SDK from it, and every `new AiWorkspace(...)` in those programs becomes a
 * `construct` call that runs the TypeScript component here.
 *
 * The schema comes from Pulumi's analyzer (`ComponentProvider`), which reads the components' TypeScript: their `Args`
 * interfaces become inputs, their public `Output` fields become outputs, their TSDoc becomes descriptions. It cannot
 * see which outputs a component wraps in `pulumi.secret`, so {@link SECRET_OUTPUTS} says so and the provider marks
 * them in the schema it serves; and it keeps a TSDoc comment's text but drops its `@default` tag, so the provider
 * adds each default to the description (what a Python or Go user reads). `EndpointTraffic` is not published: it is
 * a dynamic resource, and dynamic providers run only inside Node.js programs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "@pulumi/pulumi/provider";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import type * as TS from "typescript";
import {
    AiProject,
    AiWorkspace,
    ContentFilter,
    ContentFilterBlocklist,
    FoundryAccount,
    FoundryModelDeployment,
    FoundryProject,
    ManagedModelDeployment,
    ManagedOnlineEndpoint,
    MarketplaceModelSubscription,
    PrivateAccess,
    ServerlessModelEndpoint,
} from "./components";
import { secretOutputsByComponent } from "./catalog";

/** The package name: first part of every type token (`azure-ai-models:index:AiWorkspace`). */
export const PACKAGE_NAME = "azure-ai-models";

/** The package root: where `PulumiPlugin.yaml`, `package.json`, `tsconfig.json` and the analyzer's `index.ts` are. */
export const PACKAGE_DIR = path.resolve(__dirname, "..");

const COMPONENTS = {
    AiWorkspace,
    AiProject,
    MarketplaceModelSubscription,
    ServerlessModelEndpoint,
    ManagedOnlineEndpoint,
    ManagedModelDeployment,
    FoundryAccount,
    FoundryProject,
    ContentFilterBlocklist,
    ContentFilter,
    FoundryModelDeployment,
    PrivateAccess,
};

/** Name of a published component: its class name, the last part of its type token. */
export type PublishedComponentName = keyof typeof COMPONENTS;

/** The components the package publishes, in the order README and docs/ introduce them. */
export const PUBLISHED_COMPONENTS = Object.values(COMPONENTS);

/**
 * Outputs each published component wraps in `pulumi.secret`, which the schema marks `"secret": true` so that every
 * generated SDK treats them as secrets: a view of the resource-type registry (a record's `secretOutputs` say which
 * component publishes its keys under which names). A test constructs each component and checks this list against
 * the outputs that come back secret.
 */
export const SECRET_OUTPUTS = Object.fromEntries(
    Object.keys(COMPONENTS).map((name) => [name, secretOutputsByComponent()[name] ?? []]),
) as unknown as { readonly [C in PublishedComponentName]: readonly string[] };

/** The token of a published component: `azure-ai-models:index:<ClassName>`. */
export function componentToken(name: PublishedComponentName): string {
    return `${PACKAGE_NAME}:index:${name}`;
}

/** A property of a Pulumi package schema, as far as this module reads and changes it. */
interface SchemaProperty {
    description?: string;
    secret?: boolean;
}

/** The parts of a Pulumi package schema this module reads and changes. */
interface PackageSchema {
    resources: Record<
        string,
        { inputProperties?: Record<string, SchemaProperty>; properties?: Record<string, SchemaProperty> }
    >;
    types?: Record<string, { properties?: Record<string, SchemaProperty> }>;
}

/**
 * Marks the listed outputs `"secret": true` in a schema the analyzer generated. A listed output the schema does not
 * have is an error: the list and the components have drifted apart, and an unmarked key is worse than no package.
 */
export function markSecretOutputs<S extends PackageSchema>(
    schema: S,
    secrets: { readonly [name: string]: readonly string[] } = SECRET_OUTPUTS,
): S {
    for (const [name, outputs] of Object.entries(secrets)) {
        const token = `${PACKAGE_NAME}:index:${name}`;
        const properties = schema.resources[token]?.properties ?? {};
        for (const output of outputs) {
            const property = properties[output];
            if (!property) {
                throw new Error(
                    `${token} has no output "${output}" to mark secret; outputs: ${Object.keys(properties).join(", ")}`,
                );
            }
            property.secret = true;
        }
    }
    return schema;
}

/** `@default` tags of the properties of the interfaces in TypeScript sources: interface name, property name, tag text. */
export function readDefaultTags(files: readonly string[]): Map<string, Map<string, string>> {
    // Loaded here only: a checkout reads its sources with it; the installed package serves its prebuilt schema.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require("typescript") as typeof TS;
    const defaults = new Map<string, Map<string, string>>();
    for (const file of files) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
        for (const node of source.statements) {
            if (!ts.isInterfaceDeclaration(node)) continue;
            const properties = new Map<string, string>();
            for (const member of node.members) {
                if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name)) continue;
                const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
                const text = tag && ts.getTextOfJSDocComment(tag.comment)?.trim();
                if (text) properties.set(member.name.text, text);
            }
            if (properties.size > 0) defaults.set(node.name.text, properties);
        }
    }
    return defaults;
}

/** The TypeScript sources of the components, whose `@default` tags {@link documentDefaults} adds to the schema. */
export function componentSources(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join(dir, f));
}

/**
 * Appends each input's `@default` to its schema description (`Default: "Hub"`; the `@default -` form, a described
 * behaviour, loses its dash): component inputs come from the `<Component>Args` interface, properties of object types
 * from the interface of the type's name.
 */
export function documentDefaults<S extends PackageSchema>(schema: S, defaults: Map<string, Map<string, string>>): S {
    const describe = (
        properties: Record<string, SchemaProperty> | undefined,
        tags: Map<string, string> | undefined,
    ) => {
        for (const [name, text] of tags ?? []) {
            const property = properties?.[name];
            if (!property) continue;
            const sentence = `Default: ${text.replace(/^-\s*/, "")}`;
            property.description = property.description ? `${property.description}\n\n${sentence}` : sentence;
        }
    };
    for (const [token, resource] of Object.entries(schema.resources)) {
        describe(resource.inputProperties, defaults.get(`${tokenName(token)}Args`));
    }
    for (const [token, type] of Object.entries(schema.types ?? {})) {
        describe(type.properties, defaults.get(tokenName(token)));
    }
    return schema;
}

/** `AiWorkspace` from `azure-ai-models:index:AiWorkspace`. */
function tokenName(token: string): string {
    return token.split(":")[2] ?? token;
}

/**
 * The component provider of this package: Pulumi's `ComponentProvider` for the {@link PUBLISHED_COMPONENTS}, serving
 * a schema with the {@link SECRET_OUTPUTS} marked and the inputs' defaults described. `construct` is the base
 * class's: it creates the component from the inputs the engine sends and returns its URN and the outputs the schema
 * lists.
 */
export class AzureAiModelsProvider extends ComponentProvider {
    private readonly packageDir: string;

    private readonly prebuiltFile: string;

    /**
     * `dirname`: the package root, where the analyzer finds `package.json`, `tsconfig.json` and the sources;
     * `prebuilt`: the schema served where there are no sources (the installed package), `dist/provider-schema.json`.
     */
    constructor(options: { dirname?: string; prebuilt?: string } = {}) {
        const packageDir = options.dirname ?? PACKAGE_DIR;
        super({ name: PACKAGE_NAME, dirname: packageDir, components: PUBLISHED_COMPONENTS });
        this.packageDir = packageDir;
        this.prebuiltFile = options.prebuilt ?? path.join(__dirname, PREBUILT_SCHEMA_FILE);
    }

    override async getSchema(): Promise<string> {
        if (!hasSources(this.packageDir)) return this.prebuiltSchema();
        // The base class caches the analyzer's schema (a TypeScript program over the package): marking is cheap.
        const schema = JSON.parse(await super.getSchema()) as PackageSchema;
        const defaults = readDefaultTags(componentSources(path.join(this.packageDir, "infra", "components")));
        return JSON.stringify(markSecretOutputs(documentDefaults(schema, defaults)));
    }

    /**
     * The schema as this checkout serves it and the analyzer's component definitions (`construct` returns the
     * outputs they list): what `npm run build` writes to `dist/provider-schema.json` for the installed package.
     */
    async buildPrebuiltSchema(): Promise<PrebuiltSchema> {
        const schema = JSON.parse(await this.getSchema()) as PackageSchema;
        return { schema, components: (this as unknown as ProviderInternals).componentDefinitions ?? {} };
    }

    /** The installed package's schema: built from the sources with the package, served as it was built. */
    private prebuiltSchema(): string {
        const file = this.prebuiltFile;
        if (!fs.existsSync(file))
            throw new Error(
                `${file} is missing: the package's schema is built with it (npm run build) from the components' sources`,
            );
        const prebuilt = JSON.parse(fs.readFileSync(file, "utf8")) as PrebuiltSchema;
        (this as unknown as ProviderInternals).componentDefinitions = prebuilt.components;
        return JSON.stringify(prebuilt.schema);
    }
}

/** Beside the compiled provider in `dist/`: the schema the installed package serves (no sources to analyze there). */
export const PREBUILT_SCHEMA_FILE = "provider-schema.json";

export interface PrebuiltSchema {
    schema: PackageSchema;
    /** The analyzer's definitions by component name (`construct` reads each one's `outputs`). */
    components: Record<string, { outputs: Record<string, unknown> }>;
}

/** What the base class keeps of the analyzer's result; set from the prebuilt file where there are no sources. */
interface ProviderInternals {
    componentDefinitions?: Record<string, { outputs: Record<string, unknown> }>;
}

/** Whether `dir` is a checkout with the components' TypeScript sources for the analyzer (else: the installed package). */
export function hasSources(dir: string): boolean {
    return ["tsconfig.json", "index.ts", "infra/components"].every((f) => fs.existsSync(path.join(dir, f)));
}

/**
 * Serves the provider over gRPC as a Pulumi plugin, as `componentProviderHost` from
 * `@pulumi/pulumi/provider/experimental` does (which builds a plain `ComponentProvider`, whose schema would have no
 * secret outputs): prints the port for the engine and keeps the process alive. `args` are the plugin's command line
 * (the engine's address).
 */
export function serve(args: string[] = process.argv.slice(2)): Promise<void> {
    return main(new AzureAiModelsProvider(), args);
}

/**
 * Whether this process is the plugin: Node ran this file itself (`tsx infra/provider.ts`), or Pulumi's `run-plugin`
 * loaded the package. The Pulumi CLI starts a Node.js plugin as `node @pulumi/pulumi/cmd/run-plugin <package dir>`,
 * which requires the directory (package.json `main`, else `index.ts`, which imports this module) and then would
 * host any exported components itself with a plain `ComponentProvider`; serving first makes that second host a no-op.
 */
export function isPluginProcess(
    entry: NodeJS.Module | undefined = require.main,
    self: NodeJS.Module = module,
): boolean {
    if (entry === undefined) return false;
    return entry === self || /[\\/]@pulumi[\\/]pulumi[\\/]cmd[\\/]run-plugin[\\/]/.test(entry.filename);
}

if (isPluginProcess()) {
    serve().catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    });
}
