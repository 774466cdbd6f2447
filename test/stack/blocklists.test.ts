/**
 * Custom blocklists: `foundry.blocklists` become RaiBlocklist and RaiBlocklistItem resources on the account, written
 * in its one chain before the content filters that apply them; a filter's `blocklists` become its
 * `properties.customBlocklists`; every reference is checked before anything is registered.
 */
import { describe, expect, it } from "vitest";
import { ContentFilter, ContentFilterBlocklist } from "../../infra/components";
import { ConfigValidationError, validateStackConfig } from "../../infra/config";
import { captureProgram } from "../../plan/run/capture";
import { byName, registered, runStack } from "../helpers/stack";

const today = new Date("2026-11-21T00:00:00Z");
const F = "azure-ai-models:foundry";

function foundry(patch: Record<string, unknown>) {
    return {
        name: "aimf",
        location: "swedencentral",
        network: { accessManagedElsewhere: true },
        blocklists: [
            {
                name: "competitors",
                description: "Names we do not discuss",
                items: [{ pattern: "Contoso" }, { name: "fabrikam", pattern: "fabrikam\\w*", isRegex: true }],
            },
        ],
        contentFilters: [
            {
                name: "strict",
                filters: [{ category: "Hate", source: "Prompt", severityThreshold: "Low" }],
                blocklists: [
                    { name: "competitors", source: "Prompt" },
                    { name: "competitors", blocking: false },
                ],
            },
        ],
        deployments: [
            { name: "large", model: "Mistral-Large-3", sku: "GlobalStandard", capacity: 10, contentFilter: "strict" },
        ],
        ...patch,
    };
}

describe("blocklists on a Foundry account", () => {
    it("creates the list and its items, then the filter that applies them, in the account's chain", async () => {
        const run = await runStack({ foundry: foundry({}) });
        expect(run.error).toBeUndefined();
        const types = registered(run).map((r) => `${r.type} ${r.name}`);
        expect(types).toEqual(
            expect.arrayContaining([
                "azure-ai-models:index:ContentFilterBlocklist aimf-competitors",
                "azure-native:cognitiveservices:RaiBlocklist aimf-competitors-blocklist",
                "azure-native:cognitiveservices:RaiBlocklistItem aimf-competitors-item-1",
                "azure-native:cognitiveservices:RaiBlocklistItem aimf-competitors-fabrikam",
            ]),
        );
        const list = byName(run, "aimf-competitors-blocklist");
        const one = byName(run, "aimf-competitors-item-1");
        const two = byName(run, "aimf-competitors-fabrikam");
        const policy = byName(run, "aimf-strict-policy");
        expect(list.inputs).toMatchObject({
            raiBlocklistName: "competitors",
            properties: { description: "Names we do not discuss" },
        });
        expect(one.inputs).toMatchObject({
            raiBlocklistName: "competitors",
            raiBlocklistItemName: "item-1",
            properties: { pattern: "Contoso", isRegex: false },
        });
        expect(two.inputs.properties).toEqual({ pattern: "fabrikam\\w*", isRegex: true });
        expect((policy.inputs.properties as Record<string, unknown>).customBlocklists).toEqual([
            { blocklistName: "competitors", blocking: true, source: "Prompt" },
            { blocklistName: "competitors", blocking: false, source: "Prompt" },
            { blocklistName: "competitors", blocking: false, source: "Completion" },
        ]);
        // One write after another: list, item-1, fabrikam, then the filter.
        expect(one.dependencies).toContain(list.urn);
        expect(two.dependencies).toContain(one.urn);
        expect(policy.dependencies).toContain(two.urn);
        expect(byName(run, "aimf-large-deployment").dependencies).toContain(policy.urn);
    });

    it("reports every bad reference and item at once, with its path, the value and what is allowed", async () => {
        const run = await runStack({
            foundry: foundry({
                blocklists: [
                    { name: "competitors", items: [{ pattern: "a" }, { name: "item-1", pattern: "b" }] },
                    { name: "Competitors", items: [{ pattern: "x".repeat(1001) }] },
                    { name: "empty", items: [] },
                ],
                contentFilters: [
                    {
                        name: "strict",
                        filters: [{ category: "Hate", source: "Prompt", severityThreshold: "Low" }],
                        blocklists: [{ name: "competitor" }, { name: "competitors", source: "Both" }],
                    },
                ],
            }),
        });
        expect(run.error).toBeInstanceOf(ConfigValidationError);
        expect((run.error as ConfigValidationError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
            `${F}.blocklists[1].items[0].pattern: "${"x".repeat(200)}"… (1001 chars) is out of range; expected at most 1000 characters`,
            `${F}.blocklists[2].items: [] is out of range; expected at least 1 entries`,
            `${F}.contentFilters[0].blocklists[1].source: "Both" is not allowed; allowed: Prompt, Completion`,
            `${F}.blocklists[1].name: blocklist "Competitors" is defined twice; names must be unique`,
            `${F}.blocklists[0].items[1].name: item name "item-1" is already used by items[0]; names are unique per blocklist`,
            `${F}.contentFilters[0].blocklists[0].name: "competitor" is not a blocklist of ${F}.blocklists; known: competitors, Competitors, empty; did you mean "competitors"?`,
        ]);
        expect(registered(run)).toEqual([]);
    });

    it("validates a section without blocklists as before", () => {
        const result = validateStackConfig(
            { foundry: foundry({ blocklists: undefined, contentFilters: [], deployments: [] }) },
            { today },
        );
        expect(result.errors).toEqual([]);
        expect(result.config!.foundry!.blocklists).toEqual([]);
    });

    it("checks a library user's arguments in the components", async () => {
        const run = await captureProgram(
            () => {
                const list = new ContentFilterBlocklist("b", {
                    resourceGroupName: "rg",
                    accountName: "acct",
                    blocklistName: "words",
                    items: [{ pattern: "one" }, { pattern: "two" }],
                });
                new ContentFilter(
                    "f",
                    {
                        resourceGroupName: "rg",
                        accountName: "acct",
                        filterName: "strict",
                        filters: [{ category: "Jailbreak", source: "Prompt" }],
                        blocklists: [{ name: list.blocklistName, source: "Completion" }],
                    },
                    { dependsOn: [list.lastWrite()] },
                );
            },
            { project: "lib", stack: "test", preview: false },
        );
        expect(run.error).toBeUndefined();
        expect(byName(run, "b-item-2").dependencies).toContain(byName(run, "b-item-1").urn);
        expect((byName(run, "f-policy").inputs.properties as Record<string, unknown>).customBlocklists).toEqual([
            { blocklistName: "words", blocking: true, source: "Completion" },
        ]);
        const bad = await captureProgram(
            () =>
                new ContentFilterBlocklist("b", {
                    resourceGroupName: "rg",
                    accountName: "acct",
                    blocklistName: "w",
                    items: [{ pattern: "one" }, { name: "item-1", pattern: "two" }],
                }),
            { project: "lib", stack: "test", preview: false },
        );
        expect(String(bad.error)).toContain("ContentFilterBlocklist b: invalid arguments:");
        expect(String(bad.error)).toContain(
            'items[1].name: item name "item-1" is already used by items[0]; names are unique per blocklist',
        );
        expect(bad.resources.filter((r) => r.type.startsWith("azure-native"))).toEqual([]);
    });
});
