/**
 * Rule 11 (Foundry): AIServices accounts turn local (API key) authentication off. With `disableLocalAuth` unset,
 * Azure issues account keys that grant every deployment on the account, unlike Entra ID, whose access each client
 * gets by role (Foundry User, formerly Azure AI User) and loses when the role is removed.
 */
import { accountKindsOption } from "../lib/network";
import { describe } from "../lib/azure";
import { FOUNDRY_USER } from "../lib/catalog";
import { cognitiveKind } from "../lib/foundry";
import { defineResourceRule, includesIgnoreCase, matchesAnyGlob, stringList } from "../lib/rule";
import { knownString, read } from "../lib/unknown";

export interface FoundryLocalAuthDisabledConfig {
    accountKinds: string[];
    exemptAccounts: string[];
}

const PATH = "properties.disableLocalAuth";

export const foundryLocalAuthDisabled = defineResourceRule<FoundryLocalAuthDisabledConfig>({
    name: "foundry-local-auth-disabled",
    description:
        "Foundry (AIServices) accounts set properties.disableLocalAuth to true, so clients authenticate with Entra ID, not account keys.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            accountKinds: accountKindsOption(),
            exemptAccounts: stringList(
                "Pulumi resource names of accounts allowed to keep local auth (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    },
    remediationSteps: `Set properties.disableLocalAuth to true on the account and grant clients the ${FOUNDRY_USER.name} role (Entra ID) instead of handing out keys.`,
    check: (resource, config) => {
        if (cognitiveKind(resource.type) !== "Account" || matchesAnyGlob(resource.name, config.exemptAccounts))
            return [];
        const kind = knownString(resource.props, "kind");
        if (kind === undefined || !includesIgnoreCase(config.accountKinds, kind)) return [];
        const value = read(resource.props, PATH);
        if (value.state === "unknown" || (value.state === "known" && value.value === true)) return [];
        const given =
            value.state === "absent"
                ? `leaves ${PATH} unset (Azure's default: keys enabled)`
                : `sets ${PATH} to ${JSON.stringify(value.value)}`;
        return [
            `${describe(resource)} (kind ${kind}) ${given}, so its API keys grant every deployment on the account. ` +
                `Set ${PATH} to true and grant clients the ${FOUNDRY_USER.name} role (${FOUNDRY_USER.id}), ` +
                `or list the account in the foundry-local-auth-disabled config (exemptAccounts).`,
        ];
    },
});
