import { describe, expect, it } from "vitest";
import { foundryLocalAuthDisabled } from "../../policies/rules/foundryLocalAuthDisabled";
import { CS, PULUMI_UNKNOWN, foundryAccount, res, verdict } from "./harness";

const RULE = foundryLocalAuthDisabled;

const message = (name: string, given: string) =>
    `cognitiveservices.Account "${name}" (kind AIServices) ${given}, so its API keys grant every deployment on the account. ` +
    "Set properties.disableLocalAuth to true and grant clients the Foundry User role (53ca6127-db72-4b80-b1b0-d745d6d5456d), " +
    "or list the account in the foundry-local-auth-disabled config (exemptAccounts).";

describe("foundry-local-auth-disabled", () => {
    it("passes an AIServices account with local auth off", () => {
        expect(verdict(RULE, { resources: [foundryAccount("foundry")] })).toEqual([]);
    });

    it("reports an AIServices account that leaves local auth on or unset", () => {
        const on = foundryAccount("keys", { properties: { customSubDomainName: "keys", disableLocalAuth: false } });
        const unset = foundryAccount("unset", { properties: { customSubDomainName: "unset" } });
        expect(verdict(RULE, { resources: [on, unset] })).toEqual([
            message("keys", "sets properties.disableLocalAuth to false"),
            message("unset", "leaves properties.disableLocalAuth unset (Azure's default: keys enabled)"),
        ]);
    });

    it("judges only the configured account kinds (AIServices by default), case-insensitively", () => {
        const contentSafety = foundryAccount("cs", { kind: "ContentSafety", properties: {} });
        const openai = foundryAccount("oai", { kind: "OpenAI", properties: {} });
        expect(verdict(RULE, { resources: [contentSafety, openai] })).toEqual([]);
        expect(verdict(RULE, { resources: [openai], config: { accountKinds: ["aiservices", "openai"] } })).toEqual([
            message("oai", "leaves properties.disableLocalAuth unset (Azure's default: keys enabled)").replace(
                "kind AIServices",
                "kind OpenAI",
            ),
        ]);
    });

    it("exempts the accounts the config names, and never judges unknown values or other types", () => {
        const on = foundryAccount("legacy-keys", { properties: { disableLocalAuth: false } });
        expect(verdict(RULE, { resources: [on], config: { exemptAccounts: ["legacy-*"] } })).toEqual([]);
        const unknown = foundryAccount("later", { properties: { disableLocalAuth: PULUMI_UNKNOWN } });
        const unknownProps = foundryAccount("later2", { properties: "[unknown]" });
        const unknownKind = foundryAccount("later3", { kind: PULUMI_UNKNOWN, properties: {} });
        const project = res(`${CS}:Project`, "p", { accountName: "foundry", properties: {} });
        expect(verdict(RULE, { resources: [unknown, unknownProps, unknownKind, project] })).toEqual([]);
    });
});
