/**
 * `pulumi config set --path 'azure-ai-models:workspace.tags.costCenter' 4711` stores a number (and `true` a
 * boolean); Azure tags are strings, so they are accepted and deployed as their text. The `foundry` section shares
 * the workspace's tag, region and resource group rules (`infra/config/fields.ts`): one value, one verdict.
 */
import { describe, expect, it } from "vitest";
import { namespaceValues, validateStackConfig } from "../../infra/config";
import { byName, runStack } from "../helpers/stack";

const TODAY = new Date("2026-11-21T00:00:00Z");

describe("tag values", () => {
    const workspace = {
        name: "aim",
        location: "eastus2",
        network: { accessManagedElsewhere: true },
        kind: "workspace",
        tags: { costCenter: 4711, pci: true },
    };

    it("accepts numbers and booleans as their text, as the Pulumi CLI hands them to the program", () => {
        // What the CLI hands the program for a number set with --path: the JSON of the object.
        const raw = namespaceValues({ "azure-ai-models:workspace": JSON.stringify(workspace) });
        const result = validateStackConfig(raw, { today: new Date("2026-11-21") });
        expect(result.errors).toEqual([]);
        expect(result.config?.workspace?.tags).toEqual({ costCenter: "4711", pci: "true" });
    });

    it("deploys them as strings", async () => {
        const run = await runStack({ workspace });
        expect(run.error).toBeUndefined();
        expect(byName(run, "aim-ws").inputs.tags).toEqual({ costCenter: "4711", pci: "true" });
    });
});

describe("foundry shares the workspace's field rules", () => {
    const WS = { name: "aim", location: "eastus2", network: { accessManagedElsewhere: true }, kind: "workspace" };
    const FOUNDRY = {
        name: "aimf",
        location: "swedencentral",
        network: { accessManagedElsewhere: true },
        projects: [{ name: "chat" }],
        deployments: [{ name: "scout", model: "Llama-4-Scout-17B-16E-Instruct", sku: "GlobalStandard", capacity: 50 }],
    };
    /** The errors of one section, with its path prefix cut, so both sections' verdicts compare as text. */
    const verdict = (section: "workspace" | "foundry", patch: Record<string, unknown>) => {
        const result = validateStackConfig(
            { [section]: { ...(section === "workspace" ? WS : FOUNDRY), ...patch } },
            { today: TODAY },
        );
        const prefix = `azure-ai-models:${section}.`;
        return {
            errors: result.errors.map((e) => `${e.path.replace(prefix, "")}: ${e.message}`),
            tags: result.config?.[section]?.tags,
        };
    };
    const TAG_CASES: Record<string, unknown>[] = [
        { n: 4711, pci: true, owner: "ai-platform" },
        { "a/b": "1", "x&y": "2", "why?": "3" },
        { env: ["dev"] },
        { long: "v".repeat(257) },
        { ["k".repeat(513)]: "v" },
        Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])),
    ];

    it.each(TAG_CASES.map((t) => [Object.keys(t).join(",").slice(0, 20), t]))(
        "tags %s: the same errors and values in foundry as in workspace",
        (_, tags) => {
            expect(verdict("foundry", { tags })).toEqual(verdict("workspace", { tags }));
        },
    );

    it("foundry takes a number as its text and refuses a/b, as the workspace does", () => {
        const result = validateStackConfig(
            { foundry: { ...FOUNDRY, tags: { n: 4711 }, projects: [{ name: "chat", tags: { "a/b": "1" } }] } },
            { today: TODAY },
        );
        expect(result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
            'azure-ai-models:foundry.projects[0].tags.a/b: "a/b": is not a valid tag name: Azure forbids < > % & \\ ? / in tag names',
        ]);
        const ok = validateStackConfig(
            {
                foundry: {
                    ...FOUNDRY,
                    tags: { n: 4711 },
                    deployments: [{ ...FOUNDRY.deployments[0], tags: { m: 1 } }],
                },
            },
            { today: TODAY },
        );
        expect(ok.errors).toEqual([]);
        expect(ok.config?.foundry?.tags).toEqual({ n: "4711" });
        expect(ok.config?.foundry?.deployments[0].tags).toEqual({ m: "1" });
    });

    it("judges a resource group name alike in both sections", () => {
        const resourceGroup = { name: "rg-ends-in-dot.", existing: true };
        expect(verdict("foundry", { resourceGroup })).toEqual(verdict("workspace", { resourceGroup }));
        expect(verdict("foundry", { resourceGroup }).errors).toEqual([
            "resourceGroup.name: \"rg-ends-in-dot.\" is not valid; expected 1-90 characters: letters, digits, '_', '-', '.', '(', ')', not ending in '.' (unique in the subscription)",
        ]);
    });

    it("refuses a resource group name without existing in both sections: creating a group is said, never guessed", () => {
        const resourceGroup = { name: "rg-platform" };
        expect(verdict("foundry", { resourceGroup })).toEqual(verdict("workspace", { resourceGroup }));
        expect(verdict("foundry", { resourceGroup }).errors).toEqual([
            'resourceGroup.existing: nothing: must be set with resourceGroup.name: true uses the existing group "rg-platform" ' +
                "(the stack never creates or deletes it), false makes the stack create and own it, as leaving existing " +
                "out used to (destroying the stack deletes the group and everything in it)",
        ]);
        for (const existing of [true, false])
            expect(verdict("foundry", { resourceGroup: { ...resourceGroup, existing } }).errors).toEqual([]);
    });
});

describe("Azure's documented tag limits (TAG_LIMITS in the catalog, with its source)", () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));
    const errorsOf = (tags: Record<string, unknown>) =>
        validateStackConfig(
            {
                workspace: {
                    name: "aim",
                    location: "eastus2",
                    kind: "workspace",
                    network: { accessManagedElsewhere: true },
                    tags,
                },
            },
            { today: TODAY },
        ).errors.map((e) => `${e.path}: ${e.message}`);

    it("refuses more than 50 tags on a resource, at the tags' path, with the count and the limit", () => {
        expect(errorsOf(many)).toEqual([
            'azure-ai-models:workspace.tags: "51 tags": has 51 tags: Azure allows at most 50 tag name/value pairs per resource (a JSON string in one tag\'s value can hold more)',
        ]);
        const fifty = Object.fromEntries(Object.entries(many).slice(0, 50));
        expect(errorsOf(fifty)).toEqual([]);
    });

    it("names every problem at once: the count, a forbidden character, a value too long", () => {
        expect(errorsOf({ ...many, "a%b": "1", long: "v".repeat(257) })).toHaveLength(3);
    });

    it("accepts the prefixes reserved for predefined tag names only (microsoft, azure, windows) on a resource", () => {
        expect(errorsOf({ microsoftOwner: "x", azureTeam: "y", windowsBuild: "z" })).toEqual([]);
    });
});
