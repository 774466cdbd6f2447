/**
 * The pieces of the provider that post-process the analyzer's schema, and how it knows it is the plugin process.
 */
import { describe, expect, it } from "vitest";
import { documentDefaults, isPluginProcess, markSecretOutputs } from "../../infra/provider";

const schema = () => ({
    resources: {
        "azure-ai-models:index:ServerlessModelEndpoint": {
            inputProperties: { authMode: { description: "How clients authenticate." }, tags: {} },
            properties: {
                uri: { description: "Inference URI." },
                primaryKey: { description: "Primary key (secret)." },
            },
        },
    },
    types: {
        "azure-ai-models:index:ProbeArgs": {
            properties: { periodSeconds: { description: "Seconds between probes." } },
        },
    },
});

describe("markSecretOutputs", () => {
    it("marks the listed outputs secret and leaves the others alone", () => {
        const marked = markSecretOutputs(schema(), { ServerlessModelEndpoint: ["primaryKey"] });
        expect(marked.resources["azure-ai-models:index:ServerlessModelEndpoint"].properties).toEqual({
            uri: { description: "Inference URI." },
            primaryKey: { description: "Primary key (secret).", secret: true },
        });
    });

    it("refuses a listed output the schema does not have, naming the outputs it has", () => {
        expect(() => markSecretOutputs(schema(), { ServerlessModelEndpoint: ["primaryKey", "adminKey"] })).toThrow(
            'azure-ai-models:index:ServerlessModelEndpoint has no output "adminKey" to mark secret; outputs: uri, primaryKey',
        );
    });
});

describe("documentDefaults", () => {
    it("appends the @default of the Args interface and of object types to the description, or makes it the description", () => {
        const defaults = new Map([
            [
                "ServerlessModelEndpointArgs",
                new Map([
                    ["authMode", '"Key"'],
                    ["tags", "- none"],
                ]),
            ],
            ["ProbeArgs", new Map([["periodSeconds", "- Azure's (10 seconds)"]])],
            ["ServerlessModelEndpoint", new Map([["uri", "not an input"]])],
        ]);
        const documented = documentDefaults(schema(), defaults);
        const endpoint = documented.resources["azure-ai-models:index:ServerlessModelEndpoint"];
        expect(endpoint.inputProperties).toEqual({
            authMode: { description: 'How clients authenticate.\n\nDefault: "Key"' },
            tags: { description: "Default: none" },
        });
        expect(endpoint.properties.uri).toEqual({ description: "Inference URI." });
        expect(documented.types["azure-ai-models:index:ProbeArgs"].properties.periodSeconds).toEqual({
            description: "Seconds between probes.\n\nDefault: Azure's (10 seconds)",
        });
    });
});

describe("isPluginProcess", () => {
    const moduleAt = (filename: string) => ({ filename }) as NodeJS.Module;

    it("is the plugin when Pulumi's run-plugin started the process, or Node ran the provider itself", () => {
        expect(isPluginProcess(moduleAt("/pkg/node_modules/@pulumi/pulumi/cmd/run-plugin/index.js"))).toBe(true);
        const self = moduleAt("/pkg/infra/provider.ts");
        expect(isPluginProcess(self, self)).toBe(true);
    });

    it("is not the plugin under a Pulumi program, a test runner, or a REPL", () => {
        expect(isPluginProcess(moduleAt("/pkg/node_modules/@pulumi/pulumi/cmd/run/index.js"))).toBe(false);
        expect(isPluginProcess(moduleAt("/pkg/node_modules/vitest/dist/workers/forks.js"))).toBe(false);
        expect(isPluginProcess(undefined)).toBe(false);
        expect(isPluginProcess()).toBe(false);
    });
});
