/**
 * Rule (network, mandatory): a Foundry account (`cognitiveservices.Account` of kind `AIServices`) is not open to
 * every network. Open means public network access on (`properties.publicNetworkAccess: Enabled`, or unset: the
 * 2025-06-01 spec gives it no default, and Azure Policy's built-in 47ba1dd7 "Configure Cognitive Services accounts to
 * disable public network access" treats anything but `Disabled` as public) while the network rules let every client
 * through (`networkAcls` unset or `defaultAction: Allow`). Public access limited to listed addresses or subnets (`defaultAction: Deny` with
 * `ipRules` / `virtualNetworkRules`) is refused too unless `allowSelectedNetworks` says otherwise. A development
 * stack opened on purpose lists its account in `allowedAccounts`. With `includeWorkspaces`, hubs and workspaces
 * (not projects, which use their hub's network) are held to the same: `publicNetworkAccess: Disabled`.
 */
import { describe } from "../lib/azure";
import { accountKindsOption, networkSubject, publicAccessPath, publicSide, type NetworkSubject } from "../lib/network";
import { defineResourceRule, matchesAnyGlob, stringList } from "../lib/rule";

export interface FoundryPublicNetworkAccessConfig {
    accountKinds: string[];
    allowedAccounts: string[];
    allowSelectedNetworks: boolean;
    includeWorkspaces: boolean;
}

const NAME = "foundry-public-network-access";

function subjectName(subject: NetworkSubject): string {
    return `${describe(subject.resource)} (kind ${subject.kind})`;
}

function given(value: string | undefined, path: string): string {
    return value === undefined ? `leaves ${path} unset (public access on)` : `sets ${path} to "${value}"`;
}

export const foundryPublicNetworkAccess = defineResourceRule<FoundryPublicNetworkAccessConfig>({
    name: NAME,
    description:
        "Foundry (AIServices) accounts are closed to the public internet: publicNetworkAccess Disabled (or network rules that deny by default), reached through private endpoints.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            accountKinds: accountKindsOption(),
            allowedAccounts: stringList(
                "Pulumi resource names of accounts (and, with includeWorkspaces, workspaces) allowed to be public, e.g. a development stack's (globs, `*` for any characters, case-insensitive).",
                [],
            ),
            allowSelectedNetworks: {
                type: "boolean",
                default: false,
                description:
                    "Allow public access limited by network rules (networkAcls.defaultAction Deny with ipRules or virtualNetworkRules).",
            },
            includeWorkspaces: {
                type: "boolean",
                default: false,
                description:
                    "Also judge hubs and workspaces (machinelearningservices.Workspace, projects left out): publicNetworkAccess must be Disabled.",
            },
        },
    },
    remediationSteps:
        'Set publicNetworkAccess to "Disabled" and reach the resource through a private endpoint (network.PrivateEndpoint), or list a development stack\'s resource in the foundry-public-network-access config (allowedAccounts).',
    check: (resource, config) => {
        const subject = networkSubject(resource, config.accountKinds);
        if (!subject || (subject.what === "workspace" && !config.includeWorkspaces)) return [];
        if (matchesAnyGlob(resource.name, config.allowedAccounts)) return [];
        const side = publicSide(subject);
        if (side.state === "unknown" || side.state === "closed") return [];
        if (side.state === "selected" && config.allowSelectedNetworks) return [];
        const path = publicAccessPath(subject.what);
        const fix =
            `Set ${path} to "Disabled" and reach it through a private endpoint, ` +
            `or, for a development stack opened on purpose, list it in the ${NAME} config (allowedAccounts).`;
        if (side.state === "selected")
            return [
                `${subjectName(subject)} ${given(side.publicNetworkAccess, path)} with network rules that admit listed addresses or subnets (properties.networkAcls), so it is reachable from outside a private network. ` +
                    `${fix} To allow network rules, set allowSelectedNetworks in the ${NAME} config.`,
            ];
        const acl =
            subject.what === "workspace"
                ? ""
                : side.defaultAction === undefined
                  ? " and no network rules (properties.networkAcls unset)"
                  : ` and properties.networkAcls.defaultAction to "${side.defaultAction}"`;
        return [
            `${subjectName(subject)} ${given(side.publicNetworkAccess, path)}${acl}, so every network on the internet reaches it. ${fix}`,
        ];
    },
});
