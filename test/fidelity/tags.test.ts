/**
 * `pulumi config set --path 'azure-ai-models:workspace.tags.costCenter' 4711` stores a number (and `true` a
 * boolean); Azure tags are strings, so they are accepted and deployed as their text.
 */
import { describe, expect, it } from "vitest";
import { namespaceValues, validateStackConfig } from "../../infra/config";
import { byName, runStack } from "../helpers/stack";

describe("tag values", () => {
    const workspace = { name: "aim", location: "eastus2", kind: "workspace", tags: { costCenter: 4711, pci: true } };

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
