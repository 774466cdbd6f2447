/**
 * Provenance of keys in the offline plan: which stack outputs were computed from what a key-listing function
 * returned (the registry's `secretOutputs.listFunction`), also through a component's secret output made plain, and
 * also during a preview, where the keys are unknown and no value can be recognised. Then the rule's verdict on them.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { FoundryAccount } from "../../infra/components";
import { evaluatePolicies } from "../../plan/checks/policy";
import { captureProgram, type Capture } from "../../plan/run/capture";

const LIST_KEYS = "azure-native:cognitiveservices:listAccountKeys";

function run(program: () => unknown, preview: boolean): Promise<Capture> {
    return captureProgram(program, { project: "lib", stack: "test", preview });
}

/** A Foundry account with local auth on: its component returns the account's keys as secrets. */
function account(): FoundryAccount {
    return new FoundryAccount("keys", {
        accountName: "keys",
        location: "eastus2",
        accessManagedElsewhere: true,
        customSubDomain: "contoso-keys",
        disableLocalAuth: false,
        createResourceGroup: false,
        resourceGroupName: "rg-shared",
    });
}

function program(): Record<string, unknown> {
    const a = account();
    return {
        endpoint: a.endpoint,
        kept: a.primaryKey,
        // Under innocent names, made plain again, nested and computed from.
        settings: { clients: [{ value: pulumi.unsecret(a.secondaryKey) }], url: a.openAiBaseUrl },
        header: pulumi.interpolate`Bearer ${pulumi.unsecret(a.primaryKey)}`,
    };
}

const keyRule = (c: Capture) =>
    evaluatePolicies(c.resources, c.outputs, undefined, { keyValues: c.keyValues, keyOutputs: c.keyOutputs })
        .filter((v) => v.policyName === "no-plaintext-keys-in-outputs")
        .map((v) => v.message);

const computed = (path: string) =>
    `Stack output ${path} is computed from a key returned by ${LIST_KEYS} and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`, whatever its name. ` +
    "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.";
const holds = (path: string) =>
    `Stack output ${path} holds a key returned by ${LIST_KEYS} and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`, whatever its name. ` +
    "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.";

describe("key provenance of stack outputs", () => {
    it("records every output path computed from a key-listing function, secret or not, and no other", async () => {
        const c = await run(program, true);
        expect(c.error).toBeUndefined();
        expect(c.keyOutputs).toEqual([
            { path: "kept", source: LIST_KEYS },
            { path: "settings.clients.0.value", source: LIST_KEYS },
            { path: "header", source: LIST_KEYS },
        ]);
        // The marker never becomes a dependency of anything the engine registers.
        for (const r of c.resources) expect(r.dependencies.every((d) => d.startsWith("urn:pulumi:"))).toBe(true);
    });

    it("refuses keys made plain during a preview, where their values are unknown; the secret one passes", async () => {
        const c = await run(program, true);
        expect(c.keyValues).toEqual([]); // nothing to recognise by value: the keys are unknown
        expect(keyRule(c)).toEqual([computed("settings.clients.0.value"), computed("header")]);
    });

    it("reports each output once with update semantics, where the values are known too", async () => {
        const c = await run(program, false);
        // The value check finds both (in the order of the outputs); provenance adds no second finding.
        expect(keyRule(c)).toEqual([holds("header"), holds("settings.clients.0.value")]);
    });

    it("without provenance the same preview reports nothing: the keys are unknown and their names innocent", async () => {
        const c = await run(program, true);
        const messages = evaluatePolicies(c.resources, c.outputs, undefined, {})
            .filter((v) => v.policyName === "no-plaintext-keys-in-outputs")
            .map((v) => v.message);
        expect(messages).toEqual([]);
    });
});
