import { describe, expect, it } from "vitest";
import { notJudgedOffline } from "../../policies/lib/securityInputs";
import { customerManagedKey } from "../../policies/rules/customerManagedKey";
import { foundryPublicNetworkAccess } from "../../policies/rules/foundryPublicNetworkAccess";
import { outboundRestricted } from "../../policies/rules/outboundRestricted";
import { privateEndpointRequired } from "../../policies/rules/privateEndpointRequired";
import { resourceView } from "../../plan/checks/policy";
import type { PlannedResource } from "../../plan/run/types";
import { PULUMI_UNKNOWN, RG, foundryAccount, res, verdict, workspace } from "./harness";

const closed = (name: string, more: Record<string, unknown> = {}) =>
    foundryAccount(name, {
        properties: { customSubDomainName: name, disableLocalAuth: true, publicNetworkAccess: "Disabled", ...more },
    });
const withProps = (name: string, properties: Record<string, unknown>) =>
    foundryAccount(name, { properties: { customSubDomainName: name, disableLocalAuth: true, ...properties } });
const accountId = (name: string) =>
    `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/${name}`;

/** A private endpoint whose one connection targets `target` (an id, or unknown), optionally from a resource's URN. */
function endpoint(name: string, target: unknown, from?: PlannedResource, list = "privateLinkServiceConnections") {
    return res(
        "azure-native:network:PrivateEndpoint",
        name,
        {
            resourceGroupName: RG,
            privateEndpointName: name,
            location: "eastus2",
            subnet: {
                id: "/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/v/subnets/pe",
            },
            [list]: [{ name, privateLinkServiceId: target, groupIds: ["account"] }],
        },
        from ? { propertyDependencies: { [list]: [from.urn] }, dependencies: [from.urn] } : {},
    );
}

describe("foundry-public-network-access", () => {
    const RULE = foundryPublicNetworkAccess;
    const fix =
        'Set properties.publicNetworkAccess to "Disabled" and reach it through a private endpoint, or, for a development stack opened on purpose, list it in the foundry-public-network-access config (allowedAccounts).';

    it("refuses an account open to every network: Enabled, or unset, with no deny-by-default network rules", () => {
        const enabled = withProps("enabled", {
            publicNetworkAccess: "Enabled",
            networkAcls: { defaultAction: "Allow" },
        });
        const unset = withProps("unset", {});
        const enabledNoAcls = withProps("noacls", { publicNetworkAccess: "Enabled" });
        expect(verdict(RULE, { resources: [enabled, unset, enabledNoAcls] })).toEqual([
            `cognitiveservices.Account "enabled" (kind AIServices) sets properties.publicNetworkAccess to "Enabled" and properties.networkAcls.defaultAction to "Allow", so every network on the internet reaches it. ${fix}`,
            `cognitiveservices.Account "unset" (kind AIServices) leaves properties.publicNetworkAccess unset (public access on) and no network rules (properties.networkAcls unset), so every network on the internet reaches it. ${fix}`,
            `cognitiveservices.Account "noacls" (kind AIServices) sets properties.publicNetworkAccess to "Enabled" and no network rules (properties.networkAcls unset), so every network on the internet reaches it. ${fix}`,
        ]);
    });

    it("passes a closed account: Disabled, or deny by default without rules; refuses selected networks unless allowed", () => {
        const disabled = closed("disabled", { networkAcls: { defaultAction: "Allow" } });
        const denyAll = withProps("denyall", { networkAcls: { defaultAction: "Deny", ipRules: [] } });
        const selected = withProps("selected", {
            publicNetworkAccess: "Enabled",
            networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24" }] },
        });
        expect(verdict(RULE, { resources: [disabled, denyAll] })).toEqual([]);
        expect(verdict(RULE, { resources: [selected] })).toEqual([
            `cognitiveservices.Account "selected" (kind AIServices) sets properties.publicNetworkAccess to "Enabled" with network rules that admit listed addresses or subnets (properties.networkAcls), so it is reachable from outside a private network. ${fix} To allow network rules, set allowSelectedNetworks in the foundry-public-network-access config.`,
        ]);
        expect(verdict(RULE, { resources: [selected], config: { allowSelectedNetworks: true } })).toEqual([]);
    });

    it("allows the accounts the config names, never judges unknowns, and judges workspaces only when asked", () => {
        const dev = withProps("dev-foundry", { publicNetworkAccess: "Enabled" });
        expect(verdict(RULE, { resources: [dev], config: { allowedAccounts: ["dev-*"] } })).toEqual([]);
        const unknownPna = withProps("later", { publicNetworkAccess: PULUMI_UNKNOWN });
        const unknownAcl = withProps("later2", { networkAcls: { defaultAction: PULUMI_UNKNOWN } });
        const openai = foundryAccount("oai", { kind: "OpenAI", properties: { publicNetworkAccess: "Enabled" } });
        const hub = workspace("hub", { publicNetworkAccess: "Enabled" });
        const project = workspace("proj", { kind: "Project", publicNetworkAccess: "Enabled" });
        expect(verdict(RULE, { resources: [unknownPna, unknownAcl, openai, hub, project] })).toEqual([]);
        expect(verdict(RULE, { resources: [hub, project], config: { includeWorkspaces: true } })).toEqual([
            'Workspace "hub" (kind Hub) sets publicNetworkAccess to "Enabled", so every network on the internet reaches it. Set publicNetworkAccess to "Disabled" and reach it through a private endpoint, or, for a development stack opened on purpose, list it in the foundry-public-network-access config (allowedAccounts).',
        ]);
    });
});

describe("private-endpoint-required", () => {
    const RULE = privateEndpointRequired;
    const on = { required: true };
    const accountMessage = (name: string, closedBy = 'properties.publicNetworkAccess "Disabled"') =>
        `cognitiveservices.Account "${name}" (kind AIServices) is closed to the public (${closedBy}) and no private endpoint of the stack connects to it, so no client can call it. ` +
        'Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is its id (groupIds ["account"]), with private DNS for privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com, privatelink.services.ai.azure.com; ' +
        "or, when another team provides the way in, list it in the private-endpoint-required config (accessManagedElsewhere).";

    it("judges nothing unless the policy config requires it", () => {
        expect(
            verdict(RULE, { resources: [closed("foundry"), workspace("hub", { publicNetworkAccess: "Disabled" })] }),
        ).toEqual([]);
    });

    it("refuses a closed account or hub with no endpoint, and one whose endpoints lead elsewhere", () => {
        const account = closed("foundry");
        const acl = withProps("acl", { networkAcls: { defaultAction: "Deny" } });
        const hub = workspace("hub", { publicNetworkAccess: "Disabled" });
        const elsewhere = endpoint("pe-other", accountId("other"));
        const found = verdict(RULE, { resources: [account, acl, hub, elsewhere], config: on });
        expect(found).toEqual([
            accountMessage("foundry"),
            accountMessage("acl", 'properties.networkAcls.defaultAction "Deny" with no IP or virtual network rule'),
            'Workspace "hub" (kind Hub) is closed to the public (publicNetworkAccess "Disabled") and no private endpoint of the stack connects to it, so no client can call it. ' +
                'Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is its id (groupIds ["amlworkspace"]), with private DNS for privatelink.api.azureml.ms, privatelink.notebooks.azure.net; ' +
                "or, when another team provides the way in, list it in the private-endpoint-required config (accessManagedElsewhere).",
        ]);
    });

    it("passes an account reached by URN linkage (id unknown at preview), by a known id, or through the manual list", () => {
        const a = closed("a");
        const b = closed("b");
        const c = closed("c");
        const resources = [
            a,
            b,
            c,
            endpoint("pe-a", PULUMI_UNKNOWN, a),
            endpoint("pe-b", accountId("B").toUpperCase()),
            endpoint("pe-c", accountId("c"), undefined, "manualPrivateLinkServiceConnections"),
        ];
        expect(verdict(RULE, { resources, config: on })).toEqual([]);
        // Linked, not merely unknown: the plan has nothing it could not judge.
        expect(notJudgedOffline(resources.map(resourceView))).toEqual([]);
    });

    it("judges nothing when an endpoint's target is unknown and came from no closed resource; the plan lists it as not judged", () => {
        const account = closed("foundry");
        const pe = endpoint("pe-mystery", PULUMI_UNKNOWN);
        expect(verdict(RULE, { resources: [account, pe], config: on })).toEqual([]);
        expect(notJudgedOffline([account, pe].map(resourceView))).toEqual([
            {
                urn: pe.urn,
                resourceName: "pe-mystery",
                resourceType: "azure-native:network:PrivateEndpoint",
                path: "privateLinkServiceConnections[0].privateLinkServiceId",
            },
        ]);
        // Once another endpoint leads to the account, the unknown one is not needed to judge it.
        const known = endpoint("pe-known", accountId("foundry"));
        expect(notJudgedOffline([account, pe, known].map(resourceView))).toEqual([]);
    });

    it("skips open accounts, projects, other kinds and what the config names as managed elsewhere", () => {
        const open = withProps("open", { publicNetworkAccess: "Enabled" });
        const project = workspace("proj", { kind: "Project", publicNetworkAccess: "Disabled" });
        const speech = foundryAccount("speech", {
            kind: "SpeechServices",
            properties: { publicNetworkAccess: "Disabled" },
        });
        const landingZone = closed("lz-foundry");
        expect(
            verdict(RULE, {
                resources: [open, project, speech, landingZone],
                config: { ...on, accessManagedElsewhere: ["lz-*"] },
            }),
        ).toEqual([]);
    });
});

describe("customer-managed-key", () => {
    const RULE = customerManagedKey;
    const on = { required: true };
    const accountFix =
        'Set properties.encryption to { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri, keyName, identityClientId } } with a user-assigned identity that holds the Key Vault Crypto Service Encryption User role on the key, or list it in the customer-managed-key config (exemptResources).';
    const workspaceFix =
        'Set encryption to { status: "Enabled", keyVaultProperties: { keyVaultArmId, keyIdentifier } } with an identity that may use the key, or list it in the customer-managed-key config (exemptResources).';

    it("judges nothing unless the policy config requires customer-managed keys", () => {
        expect(verdict(RULE, { resources: [closed("foundry"), workspace("hub")] })).toEqual([]);
    });

    it("reports Microsoft-managed keys on accounts and workspaces, and a key without its vault", () => {
        const none = closed("none");
        const msft = closed("msft", { encryption: { keySource: "Microsoft.CognitiveServices" } });
        const noKey = closed("nokey", {
            encryption: {
                keySource: "Microsoft.KeyVault",
                keyVaultProperties: { keyVaultUri: "https://kv.vault.azure.net/" },
            },
        });
        const hub = workspace("hub");
        const off = workspace("off", {
            encryption: { status: "Disabled", keyVaultProperties: { keyVaultArmId: "x", keyIdentifier: "y" } },
        });
        expect(verdict(RULE, { resources: [none, msft, noKey, hub, off], config: on })).toEqual([
            `cognitiveservices.Account "none" (kind AIServices) leaves properties.encryption unset (Microsoft-managed keys), but the policy config requires customer-managed keys. ${accountFix}`,
            `cognitiveservices.Account "msft" (kind AIServices) sets properties.encryption.keySource to "Microsoft.CognitiveServices" (Microsoft-managed keys), but the policy config requires customer-managed keys. ${accountFix}`,
            `cognitiveservices.Account "nokey" (kind AIServices) leaves properties.encryption.keyVaultProperties.keyName unset (no key to encrypt with), but the policy config requires customer-managed keys. ${accountFix}`,
            `Workspace "hub" (kind Hub) leaves encryption unset (Microsoft-managed keys), but the policy config requires customer-managed keys. ${workspaceFix}`,
            `Workspace "off" (kind Hub) sets encryption.status to "Disabled", but the policy config requires customer-managed keys. ${workspaceFix}`,
        ]);
    });

    it("passes a key in Key Vault (keySource given or the spec's default), unknowns, projects and exempt resources", () => {
        const key = { keyVaultUri: "https://kv.vault.azure.net/", keyName: "cmk", identityClientId: "c" };
        const explicit = closed("explicit", {
            encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: key },
        });
        const defaulted = closed("defaulted", { encryption: { keyVaultProperties: key } });
        const later = closed("later", {
            encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: PULUMI_UNKNOWN },
        });
        const hub = workspace("hub", {
            encryption: {
                status: "Enabled",
                keyVaultProperties: { keyVaultArmId: "/kv", keyIdentifier: "https://kv/keys/k" },
            },
        });
        const project = workspace("proj", { kind: "Project" });
        const exempt = closed("legacy");
        expect(
            verdict(RULE, {
                resources: [explicit, defaulted, later, hub, project, exempt],
                config: { ...on, exemptResources: ["legacy"] },
            }),
        ).toEqual([]);
    });
});

describe("outbound-restricted", () => {
    const RULE = outboundRestricted;
    const on = { required: true };
    const exempt = "or list it in the outbound-restricted config (exemptResources).";

    it("judges nothing unless required; then refuses open outbound on accounts and hubs", () => {
        const account = closed("foundry");
        const off = closed("off", { restrictOutboundNetworkAccess: false });
        const hub = workspace("hub", { managedNetwork: { isolationMode: "AllowInternetOutbound" } });
        const bare = workspace("bare");
        expect(verdict(RULE, { resources: [account, hub] })).toEqual([]);
        expect(verdict(RULE, { resources: [account, off, hub, bare], config: on })).toEqual([
            `cognitiveservices.Account "foundry" (kind AIServices) leaves properties.restrictOutboundNetworkAccess unset (outbound traffic unrestricted), but the policy config requires restricted outbound traffic. Set properties.restrictOutboundNetworkAccess to true and list the destinations it needs in properties.allowedFqdnList, ${exempt}`,
            `cognitiveservices.Account "off" (kind AIServices) sets properties.restrictOutboundNetworkAccess to false, but the policy config requires restricted outbound traffic. Set properties.restrictOutboundNetworkAccess to true and list the destinations it needs in properties.allowedFqdnList, ${exempt}`,
            `Workspace "hub" (kind Hub) sets managedNetwork.isolationMode to "AllowInternetOutbound", but the policy config requires restricted outbound traffic. Set managedNetwork.isolationMode to "AllowOnlyApprovedOutbound" and add outbound rules for what it needs, ${exempt}`,
            `Workspace "bare" (kind Hub) leaves managedNetwork.isolationMode unset (no managed network: outbound traffic unrestricted), but the policy config requires restricted outbound traffic. Set managedNetwork.isolationMode to "AllowOnlyApprovedOutbound" and add outbound rules for what it needs, ${exempt}`,
        ]);
    });

    it("passes restricted accounts and hubs, unknowns, projects and exempt resources", () => {
        const account = closed("foundry", { restrictOutboundNetworkAccess: true, allowedFqdnList: ["example.com"] });
        const hub = workspace("hub", { managedNetwork: { isolationMode: "allowonlyapprovedoutbound" } });
        const later = closed("later", { restrictOutboundNetworkAccess: PULUMI_UNKNOWN });
        const project = workspace("proj", { kind: "Project" });
        const exemptHub = workspace("legacy-hub");
        expect(
            verdict(RULE, {
                resources: [account, hub, later, project, exemptHub],
                config: { ...on, exemptResources: ["legacy-*"] },
            }),
        ).toEqual([]);
    });
});
