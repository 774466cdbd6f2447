/**
 * Each list entry is validated once, as one record of its path, its raw value and its parsed value: a problem is
 * reported at the entry that has it, exactly once, and a resolved model stays with its own entry, whatever the
 * entries around it do (one fails the schema, others fail the catalog, the list is reordered).
 */
import { describe, expect, it } from "vitest";
import { validateStackConfig } from "../../infra/config";
import type { Entry } from "../../infra/config/entries";
import { resolveOnlineEndpoints, type CheckedEndpointEntry } from "../../infra/config/validateManaged";
import { resolveFoundry, validateFoundry, type FoundryDeploymentEntry } from "../../infra/config/validateFoundry";
import { foundryDeploymentSchema } from "../../infra/config/foundrySchema";
import { findModel, MODELS, managedAssetId } from "../../infra/catalog";

const today = new Date("2026-11-21T00:00:00Z");
const network = { accessManagedElsewhere: true };
const workspace = { name: "aim", location: "eastus2", projects: [{ name: "chat" }, { name: "search" }], network };
const foundry = { name: "aimf", location: "swedencentral", network };

const lines = (issues: readonly { path: string; message: string }[]) => issues.map((i) => `${i.path}: ${i.message}`);
/** How many problems each config path got. */
const perPath = (issues: readonly { path: string }[]) =>
    issues.reduce<Record<string, number>>((n, i) => ({ ...n, [i.path]: (n[i.path] ?? 0) + 1 }), {});

describe("serverless deployments: one record per entry", () => {
    it("reports entry 1's schema problem and entries 0 and 2's catalog problems each at its own path, once", () => {
        const result = validateStackConfig(
            {
                workspace,
                deployments: [
                    { name: "large", model: "Mistral-Lage", project: "chat" },
                    { name: "ministral", model: "Ministral-3B", project: "chat", contentSafety: "Off" },
                    { name: "mistral7b", model: "Mistral-7B-v01", project: "search" },
                ],
            },
            { today },
        );
        expect(lines(result.errors)).toEqual([
            'azure-ai-models:deployments[1].contentSafety: "Off" is not allowed; allowed: Enabled, Disabled',
            'azure-ai-models:deployments[0].model: "Mistral-Lage" is not in the catalog; closest: Mistral-large, Mistral-Nemo, Mistral-small. A model the catalog lacks can be added under azure-ai-models:customModels',
            "azure-ai-models:deployments[2].type: mistralai-Mistral-7B-v01 cannot be deployed as serverless; supported: managed",
        ]);
        expect(perPath(result.errors)).toEqual({
            "azure-ai-models:deployments[0].model": 1,
            "azure-ai-models:deployments[1].contentSafety": 1,
            "azure-ai-models:deployments[2].type": 1,
        });
        expect(result.config).toBeUndefined();
    });

    it("resolves each deployment to its own model, in either order, its warning at its own path", () => {
        const deployments = [
            { name: "codestral", model: "Codestral-2501", project: "chat" },
            { name: "ministral", model: "Ministral-3B", project: "search", authMode: "AAD" },
            { name: "small", model: "mistral-small-2503", project: "chat" },
        ];
        for (const list of [deployments, [...deployments].reverse()]) {
            const result = validateStackConfig({ workspace, deployments: list }, { today });
            expect(result.errors).toEqual([]);
            const at = list.findIndex((d) => d.name === "ministral");
            expect(lines(result.warnings)).toEqual([
                `azure-ai-models:deployments[${at}].authMode: "AAD": the docs say serverless endpoints do not accept Entra ID tokens; clients will need keys`,
            ]);
            expect(result.config!.deployments.map((d) => [d.name, d.authMode, d.catalogModel.name])).toEqual(
                list.map((d) => [d.name, d.authMode ?? "Key", findModel(d.model)!.name]),
            );
        }
    });
});

describe("Foundry deployments: one record per entry", () => {
    it("reports entry 1's schema problem and entries 0 and 2's catalog problems each at its own path, once", () => {
        const result = validateStackConfig(
            {
                foundry: {
                    ...foundry,
                    deployments: [
                        { name: "lage", model: "Mistral-Lage-3", sku: "GlobalStandard", capacity: 10 },
                        {
                            name: "scout",
                            model: "Llama-4-Scout-17B-16E-Instruct",
                            sku: "GlobalStandard",
                            capacity: 2.5,
                        },
                        {
                            name: "scout-dz",
                            model: "Llama-4-Scout-17B-16E-Instruct",
                            sku: "DataZoneStandard",
                            capacity: 10,
                        },
                    ],
                },
            },
            { today },
        );
        expect(lines(result.errors)).toEqual([
            "azure-ai-models:foundry.deployments[1].capacity: expected int, got 2.5",
            'azure-ai-models:foundry.deployments[0].model: "Mistral-Lage-3" is not offered on a Foundry resource in the catalog; closest: Mistral-Large-3. A model outside the catalog is deployed by format, model and version (format: OpenAI, the name and version the account lists)',
            'azure-ai-models:foundry.deployments[2].sku: "DataZoneStandard": Llama-4-Scout-17B-16E-Instruct is not offered with this SKU on Foundry; SKUs: GlobalStandard (MicrosoftDocs/azure-ai-docs articles/foundry/foundry-models/includes/model-matrix/marketplace-deployments-standard.md @1b8d987c, 2026-09-02)',
        ]);
        expect(perPath(result.errors)).toEqual({
            "azure-ai-models:foundry.deployments[0].model": 1,
            "azure-ai-models:foundry.deployments[1].capacity": 1,
            "azure-ai-models:foundry.deployments[2].sku": 1,
        });
        expect(result.config).toBeUndefined();
    });

    it("resolves each deployment to its own model, its quota warning at its own path, once", () => {
        const result = validateStackConfig(
            {
                foundry: {
                    ...foundry,
                    deployments: [
                        { name: "large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 100_000 },
                        { name: "scout", model: "Llama-4-Scout-17B-16E-Instruct", sku: "GlobalStandard", capacity: 10 },
                        { name: "ministral", model: "Ministral-3B", sku: "GlobalStandard", capacity: 100_000 },
                    ],
                },
            },
            { today },
        );
        expect(result.errors).toEqual([]);
        expect(perPath(result.warnings)).toEqual({
            "azure-ai-models:foundry.deployments[0].capacity": 1,
            "azure-ai-models:foundry.deployments[2].capacity": 1,
        });
        expect(result.warnings[0].message).toMatch(
            /^this deployment asks 100,000 capacity units .* of Mistral-Large-3 /,
        );
        expect(result.warnings[1].message).toMatch(/^this deployment asks 100,000 capacity units .* of Ministral-3B /);
        expect(result.config!.foundry!.deployments.map((d) => [d.name, d.checked.name, d.offer?.name])).toEqual([
            ["large", "Mistral-Large-3", "Mistral-Large-3"],
            ["scout", "Llama-4-Scout-17B-16E-Instruct", "Llama-4-Scout-17B-16E-Instruct"],
            ["ministral", "Ministral-3B", "Ministral-3B"],
        ]);
    });

    it("keeps each model with its own entry when the entries travel in another order than the section lists them", () => {
        const raw = [
            { name: "large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 10 },
            { name: "ministral", model: "Ministral-3B", sku: "GlobalStandard", capacity: 10 },
        ];
        const entries: FoundryDeploymentEntry[] = raw.map((d, index) => ({
            path: ["foundry", "deployments", index],
            index,
            raw: d,
            parsed: foundryDeploymentSchema.parse(d),
        }));
        const problems: string[] = [];
        const ctx = { err: (p: PropertyKey[], m: string) => problems.push(`${p.join(".")}: ${m}`), today };
        const checked = validateFoundry({ network, deployments: raw }, entries, {
            ...ctx,
            warn: ctx.err,
            region: undefined,
        });
        expect(problems).toEqual([]);
        const config = { ...foundry, projects: [], contentFilters: [], blocklists: [], principals: [] };
        const resolved = resolveFoundry(config as never, [...checked].reverse());
        expect(resolved.deployments.map((d) => [d.name, d.checked.name])).toEqual([
            ["ministral", "Ministral-3B"],
            ["large", "Mistral-Large-3"],
        ]);
    });
});

describe("online endpoint deployments: one record per entry", () => {
    const blue = { name: "blue", model: "Mixtral-8x7B-Instruct-v01", instanceType: "Standard_ND96asr_v4" };

    it("reports entry 1's schema problem and entries 0 and 2's catalog problems each at its own path, once", () => {
        const result = validateStackConfig(
            {
                workspace: { ...workspace, projects: [{ name: "open" }] },
                onlineEndpoints: [
                    {
                        name: "mixtral",
                        project: "open",
                        deployments: [
                            { ...blue, model: "Mixtral-8x7B-Instruct" },
                            { ...blue, name: "green", instanceCount: 0 },
                            { ...blue, name: "red", model: "Ministral-3B" },
                        ],
                        traffic: { blue: 100 },
                    },
                ],
            },
            { today },
        );
        expect(lines(result.errors)).toEqual([
            "azure-ai-models:onlineEndpoints[0].deployments[1].instanceCount: 0 is out of range; expected at least 1",
            'azure-ai-models:onlineEndpoints[0].deployments[0].model: "Mixtral-8x7B-Instruct" is not in the catalog; closest: mistralai-Mixtral-8x7B-Instruct-v01, mistralai-Mixtral-8x22B-Instruct-v0-1, mistralai-Mistral-7B-Instruct-v01',
            "azure-ai-models:onlineEndpoints[0].deployments[2].model: Ministral-3B is not offered on managed compute; supported: serverless (serverless models go under azure-ai-models:deployments)",
        ]);
        expect(result.config).toBeUndefined();
    });

    it("resolves each deployment's model id from its own entry, whatever order the entries come in", () => {
        const mixtral = MODELS.find((m) => m.name === "mistralai-Mixtral-8x7B-Instruct-v01")!;
        const deployment = (name: string, version: number): Entry<never> & { facts: unknown } =>
            ({
                path: ["onlineEndpoints", 0, "deployments", version],
                index: version,
                raw: {},
                parsed: { ...blue, name, version },
                facts: { catalogModel: mixtral, modelId: managedAssetId(mixtral, version) },
            }) as never;
        const endpoint = {
            path: ["onlineEndpoints", 0],
            index: 0,
            raw: {},
            parsed: { name: "mixtral", traffic: { blue: 50, green: 50 } },
            deployments: [deployment("green", 2), deployment("blue", 1)],
        } as unknown as CheckedEndpointEntry;
        const [resolved] = resolveOnlineEndpoints([endpoint]);
        expect(resolved.deployments.map((d) => [d.name, d.modelId])).toEqual([
            ["green", managedAssetId(mixtral, 2)],
            ["blue", managedAssetId(mixtral, 1)],
        ]);
    });
});

describe("schema problems of the stack and of its entries", () => {
    it("come in the order one parse of the whole stack gives: by key in schema order, entries in place", () => {
        const result = validateStackConfig(
            {
                workspace: { ...workspace, projects: [{ name: "chat" }], logRetentionDays: "30 days" },
                deployments: [{ name: "ministral", model: "Ministral-3B", project: "chat", contentSafety: "Off" }],
                customModels: [{ name: "mine", modelId: "azureml://registries/x/models/mine", regions: ["eastus2"] }],
                onlineEndpoints: [
                    {
                        name: "mixtral",
                        project: "chat",
                        authMode: "Token",
                        deployments: [
                            {
                                name: "blue",
                                model: "Mixtral-8x7B-Instruct-v01",
                                instanceType: "Standard_ND96asr_v4",
                                instanceCount: 0,
                            },
                        ],
                        traffic: { blue: "all" },
                        sharedQouta: true,
                    },
                ],
                foundry: {
                    ...foundry,
                    deployments: [
                        {
                            name: "scout",
                            model: "Llama-4-Scout-17B-16E-Instruct",
                            sku: "GlobalStandard",
                            capacity: 2.5,
                        },
                    ],
                    principals: [{ principalId: "alice" }],
                },
                deploymnets: [],
            },
            { today },
        );
        expect(lines(result.errors)).toEqual([
            'azure-ai-models:workspace.logRetentionDays: expected number, got "30 days"',
            'azure-ai-models:deployments[0].contentSafety: "Off" is not allowed; allowed: Enabled, Disabled',
            "azure-ai-models:customModels[0].source: is required (expected string)",
            'azure-ai-models:onlineEndpoints[0].authMode: "Token" is not allowed; allowed: AADToken, Key, AMLToken',
            "azure-ai-models:onlineEndpoints[0].deployments[0].instanceCount: 0 is out of range; expected at least 1",
            'azure-ai-models:onlineEndpoints[0].traffic.blue: expected number, got "all"',
            'azure-ai-models:onlineEndpoints[0].sharedQouta: unknown key "sharedQouta"; did you mean "sharedQuota"? valid keys here: name, project, authMode, publicNetworkAccess, description, deployments, traffic, mirrorTraffic, sharedQuota, contentSafety, tags',
            "azure-ai-models:foundry.deployments[0].capacity: expected int, got 2.5",
            'azure-ai-models:foundry.principals[0].principalId: "alice" is not valid; expected a GUID (the principal\'s object id)',
            'azure-ai-models:deploymnets: unknown key "deploymnets"; did you mean "deployments"? valid keys here: workspace, existingWorkspace, deployments, customModels, onlineEndpoints, foundry',
            'azure-ai-models:onlineEndpoints[0].traffic.blue: must be an integer from 0 to 100; got "all"',
        ]);
    });
});
