/**
 * The schema the component provider serves, which `pulumi package add` turns into the Python, Go, .NET and YAML
 * SDKs. Pulumi's analyzer derives it from the TypeScript, and drops what it cannot read without a word, so these
 * tests compare the schema with the sources, read here with the TypeScript parser: every input of each `Args`
 * interface, every public output, the enums, the secret outputs, and a description (with its default) on each.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { packageSchema } from "../helpers/schema";
import * as components from "../../infra/components";
import * as enums from "../../infra/components/enums";
import {
    componentSources,
    PACKAGE_DIR,
    PACKAGE_NAME,
    PUBLISHED_COMPONENTS,
    SECRET_OUTPUTS,
    componentToken,
    type PublishedComponentName,
} from "../../infra/provider";

interface Property {
    type?: string;
    $ref?: string;
    items?: Property;
    additionalProperties?: Property;
    description?: string;
    secret?: boolean;
    plain?: boolean;
}
interface Resource {
    isComponent: boolean;
    description?: string;
    inputProperties: Record<string, Property>;
    requiredInputs: string[];
    properties: Record<string, Property>;
}
interface Schema {
    name: string;
    version: string;
    resources: Record<string, Resource>;
    types: Record<
        string,
        { type: string; enum?: { name: string; value: string }[]; properties?: Record<string, Property> }
    >;
}

const NAMES = Object.keys(SECRET_OUTPUTS) as PublishedComponentName[];
const typeToken = (name: string) => `${PACKAGE_NAME}:index:${name}`;

/** A property as written in the source: optional or not, its declared type without `pulumi.Input<...>`, its `@default`. */
interface SourceProperty {
    optional: boolean;
    type: string;
    defaultTag?: string;
}

/** The interfaces and classes of the components' sources, parsed (not type-checked). */
function readSources(): { interfaces: Map<string, Map<string, SourceProperty>>; outputs: Map<string, string[]> } {
    const interfaces = new Map<string, Map<string, SourceProperty>>();
    const outputs = new Map<string, string[]>();
    for (const file of componentSources(path.join(PACKAGE_DIR, "infra", "components"))) {
        const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
        for (const node of source.statements) {
            if (ts.isInterfaceDeclaration(node)) {
                // Inherited properties would be missed here (the analyzer sees them): such an interface is left out,
                // so a published one fails below as missing instead of passing with half its properties.
                if (node.heritageClauses) continue;
                const properties = new Map<string, SourceProperty>();
                for (const member of node.members) {
                    if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name) || !member.type) continue;
                    const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
                    properties.set(member.name.text, {
                        optional: member.questionToken !== undefined,
                        type: member.type.getText(source).replace(/^pulumi\.Input<(.*)>$/s, "$1"),
                        defaultTag: tag ? ts.getTextOfJSDocComment(tag.comment) : undefined,
                    });
                }
                interfaces.set(node.name.text, properties);
            }
            if (ts.isClassDeclaration(node) && node.name) {
                const isPublic = (m: ts.ClassElement) =>
                    !(
                        ts.getCombinedModifierFlags(m as ts.Declaration) &
                        (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)
                    );
                const fields = node.members.filter(
                    (m): m is ts.PropertyDeclaration =>
                        ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && isPublic(m),
                );
                outputs.set(
                    node.name.text,
                    fields.map((m) => m.name.getText(source)),
                );
            }
        }
    }
    return { interfaces, outputs };
}

const sources = readSources();
const enumNames = Object.keys(enums).filter((k) => typeof (enums as Record<string, unknown>)[k] === "object");
let schema: Schema;

beforeAll(async () => {
    schema = JSON.parse(await packageSchema()) as Schema;
});

function argsOf(name: string): Map<string, SourceProperty> {
    const args = sources.interfaces.get(`${name}Args`);
    if (!args) throw new Error(`no ${name}Args interface (that extends nothing) in infra/components`);
    return args;
}

/** Every object type of the schema with the interface it came from. */
function objectTypes(): [string, Record<string, Property>, Map<string, SourceProperty>][] {
    return Object.entries(schema.types)
        .filter(([, t]) => t.properties)
        .map(([token, t]) => {
            const name = token.split(":")[2];
            const iface = sources.interfaces.get(name);
            if (!iface)
                throw new Error(
                    `schema type ${token} has no interface ${name} (that extends nothing) in infra/components`,
                );
            return [token, t.properties ?? {}, iface];
        });
}

describe("the component package", () => {
    it("is declared by PulumiPlugin.yaml with the Node.js runtime and the provider as entry point", () => {
        const manifest = parse(readFileSync(path.join(PACKAGE_DIR, "PulumiPlugin.yaml"), "utf8")) as {
            runtime: string;
            main: string;
        };
        expect(manifest).toEqual({ runtime: "nodejs", main: "infra/provider.ts" });
        expect(existsSync(path.join(PACKAGE_DIR, manifest.main))).toBe(true);
    });

    it("gives the analyzer index.ts to start from, inside the TypeScript program it builds from tsconfig.json", () => {
        // package.json's exports point at compiled JavaScript, which the analyzer cannot read: it tries "main", then index.ts.
        const tsconfig = ts.readConfigFile(path.join(PACKAGE_DIR, "tsconfig.json"), ts.sys.readFile).config as {
            include: string[];
        };
        expect(tsconfig.include).toContain("index.ts");
        expect(readFileSync(path.join(PACKAGE_DIR, "index.ts"), "utf8")).toContain(
            'export * from "./infra/components";',
        );
    });

    it("publishes every component class of infra/components, and nothing else", () => {
        const classes = Object.values(components).filter(
            (v) => typeof v === "function" && v.prototype instanceof pulumi.ComponentResource,
        );
        expect(new Set(PUBLISHED_COMPONENTS)).toEqual(new Set(classes));
        expect(PUBLISHED_COMPONENTS.map((c) => c.name).sort()).toEqual([...NAMES].sort());
    });
});

describe("the schema the provider serves", () => {
    it("names the package and its version", () => {
        const pkg = JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string };
        expect(schema.name).toBe("azure-ai-models");
        expect(schema.version).toBe(pkg.version);
    });

    it("lists exactly the twelve components, as components, by their tokens", () => {
        expect(Object.keys(schema.resources).sort()).toEqual(
            [
                "azure-ai-models:index:AiProject",
                "azure-ai-models:index:AiWorkspace",
                "azure-ai-models:index:ContentFilter",
                "azure-ai-models:index:ContentFilterBlocklist",
                "azure-ai-models:index:FoundryAccount",
                "azure-ai-models:index:FoundryModelDeployment",
                "azure-ai-models:index:FoundryProject",
                "azure-ai-models:index:ManagedModelDeployment",
                "azure-ai-models:index:ManagedOnlineEndpoint",
                "azure-ai-models:index:MarketplaceModelSubscription",
                "azure-ai-models:index:PrivateAccess",
                "azure-ai-models:index:ServerlessModelEndpoint",
            ].sort(),
        );
        for (const name of NAMES) expect(schema.resources[componentToken(name)].isComponent).toBe(true);
        // EndpointTraffic is a dynamic resource: dynamic providers run only inside Node.js programs.
        expect(
            [...Object.keys(schema.resources), ...Object.keys(schema.types)].filter((t) =>
                t.includes("EndpointTraffic"),
            ),
        ).toEqual([]);
    });

    it.each(NAMES)(
        "%s: every property of its Args interface is an input, required where the interface requires it",
        (name) => {
            const resource = schema.resources[componentToken(name)];
            const args = argsOf(name);
            expect(Object.keys(resource.inputProperties).sort()).toEqual([...args.keys()].sort());
            expect([...resource.requiredInputs].sort()).toEqual(
                [...args]
                    .filter(([, p]) => !p.optional)
                    .map(([n]) => n)
                    .sort(),
            );
        },
    );

    it.each(NAMES)("%s: every public output field of the class is an output", (name) => {
        expect(Object.keys(schema.resources[componentToken(name)].properties).sort()).toEqual(
            [...(sources.outputs.get(name) ?? [])].sort(),
        );
    });

    it("keeps every property of the object types the inputs and outputs use", () => {
        expect(
            objectTypes()
                .map(([token]) => token.split(":")[2])
                .sort(),
        ).toEqual(
            [
                "AiDeveloperPrincipal",
                "BlocklistItem",
                "ContentFilterBlocklistRef",
                "ContentFilterRule",
                "CustomerManagedKey",
                "EndpointAuthorization",
                "EndpointRoute",
                "ExistingUserAssignedIdentity",
                "FoundryNetworkAcls",
                "FoundryUserPrincipal",
                "ManagedOutboundRule",
                "MarketplacePlan",
                "PrivateAccessPlacement",
                "PrivateAccessTarget",
                "PrivateAccessVirtualNetwork",
                "ProbeArgs",
            ].sort(),
        );
        for (const [, properties, iface] of objectTypes())
            expect(Object.keys(properties).sort()).toEqual([...iface.keys()].sort());
    });

    it("turns each choice into an enum with the names and values of its as-const object", () => {
        const enumTypes = Object.entries(schema.types).filter(([, t]) => t.enum);
        expect(enumTypes.map(([token]) => token.split(":")[2]).sort()).toEqual([...enumNames].sort());
        for (const [token, type] of enumTypes) {
            const choices = (enums as unknown as Record<string, Record<string, string>>)[token.split(":")[2]];
            expect(type.type).toBe("string");
            expect(type.enum?.map((m) => [m.name, m.value]).sort()).toEqual(Object.entries(choices).sort());
        }
    });

    it("refers to the enum wherever a property takes one of the choices", () => {
        type Row = [where: string, property: Property, source: SourceProperty];
        const properties: Row[] = [
            ...NAMES.flatMap((name) => {
                const inputs = schema.resources[componentToken(name)].inputProperties;
                return [...argsOf(name)].map(([p, source]): Row => [`${name}.${p}`, inputs[p], source]);
            }),
            ...objectTypes().flatMap(([token, props, iface]) =>
                [...iface].map(([p, source]): Row => [`${token}.${p}`, props[p], source]),
            ),
        ];
        const enumTyped = properties.filter(([, , source]) => enumNames.includes(source.type));
        // Every choice is taken somewhere (10 properties today), so none of them is an enum by accident.
        expect(new Set(enumTyped.map(([, , source]) => source.type))).toEqual(new Set(enumNames));
        for (const [where, property, source] of enumTyped)
            expect({ where, ref: property.$ref }).toEqual({ where, ref: `#/types/${typeToken(source.type)}` });
    });

    it("marks exactly the outputs the components wrap in pulumi.secret as secret", () => {
        const secret = Object.entries(schema.resources).flatMap(([token, r]) =>
            Object.entries(r.properties)
                .filter(([, p]) => p.secret)
                .map(([n]) => `${token.split(":")[2]}.${n}`),
        );
        expect(secret.sort()).toEqual([
            "FoundryAccount.primaryKey",
            "FoundryAccount.secondaryKey",
            "ManagedOnlineEndpoint.primaryKey",
            "ManagedOnlineEndpoint.secondaryKey",
            "ServerlessModelEndpoint.primaryKey",
            "ServerlessModelEndpoint.secondaryKey",
        ]);
        expect(NAMES.flatMap((name) => SECRET_OUTPUTS[name].map((o) => `${name}.${o}`)).sort()).toEqual(secret.sort());
    });

    it("describes every component, input, output and object-type property with its TSDoc", () => {
        const missing: string[] = [];
        const check = (where: string, description: string | undefined) => {
            // The analyzer joins a comment with {@link ...} parts as "[object Object]": write `Name` instead.
            if (!description?.trim() || description.includes("[object Object]")) missing.push(where);
        };
        for (const [token, r] of Object.entries(schema.resources)) {
            check(token, r.description);
            for (const [n, p] of Object.entries(r.inputProperties)) check(`${token} input ${n}`, p.description);
            for (const [n, p] of Object.entries(r.properties)) check(`${token} output ${n}`, p.description);
        }
        for (const [token, properties] of objectTypes())
            for (const [n, p] of Object.entries(properties)) check(`${token}.${n}`, p.description);
        expect(missing).toEqual([]);
    });

    it("adds each input's @default to its description, which the analyzer leaves out", () => {
        const withDefault = NAMES.flatMap((name) =>
            [...argsOf(name)]
                .filter(([, p]) => p.defaultTag)
                .map(
                    ([n, p]) =>
                        [schema.resources[componentToken(name)].inputProperties[n].description, p.defaultTag] as const,
                ),
        );
        expect(withDefault.length).toBeGreaterThan(30);
        for (const [description, tag] of withDefault)
            expect(description).toContain(`Default: ${tag?.replace(/^-\s*/, "")}`);
        const workspace = schema.resources[componentToken("AiWorkspace")].inputProperties;
        expect(workspace.resourceGroupName.description).toBe(
            "An existing resource group to put the workspace in: the component uses it and never creates or deletes it\n" +
                "(unless `createResourceGroup` is `true`).\n\nDefault: `rg-<workspaceName>`, created by the component",
        );
        expect(workspace.createResourceGroup.description).toMatch(
            /\n\nDefault: `true` without `resourceGroupName`, `false` with it \(the named group is used as it is\)$/,
        );
        expect(workspace.publicNetworkAccess.description).toMatch(/\n\nDefault: "Disabled"$/);
    });
});
