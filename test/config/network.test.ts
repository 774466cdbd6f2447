/**
 * The `network` block of the `foundry` and `workspace` sections and the reachability rule: a resource closed to the
 * public with no private endpoint fails validation (an error, with the others) naming the fixes, unless
 * `accessManagedElsewhere` says so; each
 * DNS mode gets what it needs, and only that. And README's short example is valid (it must be reachable).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateStackConfig } from "../../infra/config";

const TODAY = new Date("2026-11-21T00:00:00Z");
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network";
const SUBNET = `${SUB}/virtualNetworks/vnet-hub/subnets/pe`;
const VNET = `${SUB}/virtualNetworks/vnet-hub`;
const zoneId = (zone: string) => `${SUB}/privateDnsZones/${zone}`;
const FOUNDRY_ZONES = [
    "privatelink.cognitiveservices.azure.com",
    "privatelink.openai.azure.com",
    "privatelink.services.ai.azure.com",
];

const foundry = (extra: Record<string, unknown> = {}) => ({
    foundry: { name: "aimodels", location: "swedencentral", ...extra },
});
const errorsOf = (raw: Record<string, unknown>) =>
    validateStackConfig(raw, { today: TODAY }).errors.map((e) => `${e.path}: ${e.message}`);
const warningsOf = (raw: Record<string, unknown>) => {
    const r = validateStackConfig(raw, { today: TODAY });
    expect(r.errors).toEqual([]);
    return r.warnings.map((e) => `${e.path}: ${e.message}`);
};

const CLOSED_FOUNDRY = (why: string) =>
    `azure-ai-models:foundry: is closed to every client: ${why} and azure-ai-models:foundry.network.privateEndpoints is empty, so nothing could call it after deployment. Add a private endpoint (azure-ai-models:foundry.network.privateEndpoints: [{ subnetId: ... }] or [{ virtualNetwork: { name, addressPrefix, subnetPrefix } }]), say that another team provides the way in (azure-ai-models:foundry.network.accessManagedElsewhere: true), or open it deliberately for development (publicNetworkAccess: Enabled with networkAcls.defaultAction: Allow, or networkAcls.ipRules for your addresses); see docs/networking.md`;

const CLOSED_HUB =
    'azure-ai-models:workspace: is closed to every client: publicNetworkAccess is "Disabled" (the default) and azure-ai-models:workspace.network.privateEndpoints is empty, so nothing could call it after deployment. Add a private endpoint (azure-ai-models:workspace.network.privateEndpoints: [{ subnetId: ... }] or [{ virtualNetwork: { name, addressPrefix, subnetPrefix } }]), say that another team provides the way in (azure-ai-models:workspace.network.accessManagedElsewhere: true), or open it deliberately for development (publicNetworkAccess: Enabled); see docs/networking.md';

describe("reachability", () => {
    it("refuses a Foundry resource closed by default with no private endpoint, naming the three ways in", () => {
        expect(errorsOf(foundry())).toEqual([CLOSED_FOUNDRY('publicNetworkAccess is "Disabled" (the default)')]);
        expect(errorsOf(foundry({ publicNetworkAccess: "Disabled" }))).toEqual([
            CLOSED_FOUNDRY('publicNetworkAccess is "Disabled"'),
        ]);
    });

    it("refuses an enabled account whose network rules deny every client", () => {
        expect(errorsOf(foundry({ publicNetworkAccess: "Enabled" }))).toEqual([
            CLOSED_FOUNDRY("publicNetworkAccess is Enabled but the network rules deny every client"),
        ]);
        expect(errorsOf(foundry({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } }))).toEqual([
            CLOSED_FOUNDRY("publicNetworkAccess is Enabled but the network rules deny every client"),
        ]);
    });

    it("accepts an open account, one with an IP rule, one with a private endpoint, and one managed elsewhere", () => {
        expect(
            warningsOf(foundry({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } })),
        ).toEqual([]);
        expect(
            warningsOf(foundry({ publicNetworkAccess: "Enabled", networkAcls: { ipRules: ["203.0.113.0/24"] } })),
        ).toEqual([]);
        expect(
            warningsOf(
                foundry({
                    network: { privateEndpoints: [{ subnetId: SUBNET }], dns: { linkVirtualNetworkIds: [VNET] } },
                }),
            ),
        ).toEqual([]);
        expect(warningsOf(foundry({ network: { accessManagedElsewhere: true } }))).toEqual([]);
        // false is the default: said out loud, it changes nothing.
        expect(errorsOf(foundry({ network: { accessManagedElsewhere: false } }))).toEqual([
            CLOSED_FOUNDRY('publicNetworkAccess is "Disabled" (the default)'),
        ]);
    });

    it("refuses a closed hub with no private endpoint, and accepts it opened, with an endpoint or managed elsewhere", () => {
        const hub = (extra: Record<string, unknown>) => ({
            workspace: { name: "aimodels-dev", location: "eastus2", ...extra },
        });
        expect(errorsOf(hub({}))).toEqual([CLOSED_HUB]);
        expect(errorsOf(hub({ publicNetworkAccess: "Disabled" }))).toEqual([
            CLOSED_HUB.replace('"Disabled" (the default)', '"Disabled"'),
        ]);
        expect(warningsOf(hub({ publicNetworkAccess: "Enabled" }))).toEqual([]);
        expect(warningsOf(hub({ network: { accessManagedElsewhere: true } }))).toEqual([]);
        expect(
            warningsOf(
                hub({
                    network: {
                        privateEndpoints: [
                            {
                                virtualNetwork: {
                                    name: "vnet-ai",
                                    addressPrefix: "10.0.0.0/16",
                                    subnetPrefix: "10.0.1.0/24",
                                },
                            },
                        ],
                    },
                }),
            ),
        ).toEqual([]);
    });
});

describe("reachability on an invalid config", () => {
    it("is one error among the others, reported at once, and no warning", () => {
        const r = validateStackConfig(foundry({ logRetentionDays: 7 }), { today: TODAY });
        expect(r.errors.map((e) => e.path)).toEqual([
            "azure-ai-models:foundry.logRetentionDays",
            "azure-ai-models:foundry",
        ]);
        expect(r.errors[1].message).toBe(
            CLOSED_FOUNDRY('publicNetworkAccess is "Disabled" (the default)').replace("azure-ai-models:foundry: ", ""),
        );
        expect(r.warnings).toEqual([]);
        expect(r.config).toBeUndefined();
    });
});

describe("private endpoints and DNS", () => {
    it("wants exactly one place per endpoint, and one entry per created network", () => {
        const vnet = { name: "vnet-ai", addressPrefix: "10.0.0.0/16", subnetPrefix: "10.0.1.0/24" };
        expect(
            errorsOf(
                foundry({
                    network: {
                        privateEndpoints: [
                            {},
                            { subnetId: SUBNET, virtualNetwork: vnet },
                            { virtualNetwork: vnet },
                            { virtualNetwork: { ...vnet, name: "VNET-AI" } },
                        ],
                    },
                }),
            ),
        ).toEqual([
            "azure-ai-models:foundry.network.privateEndpoints[0]: says nowhere to put the endpoint: give subnetId (an existing subnet's ARM id) or virtualNetwork (name, addressPrefix, subnetPrefix) for one the stack creates",
            "azure-ai-models:foundry.network.privateEndpoints[1]: gives both subnetId and virtualNetwork: give one",
            'azure-ai-models:foundry.network.privateEndpoints[2].virtualNetwork.name: "vnet-ai" is created by an earlier entry already; put both endpoints in it with subnetId, or name another network',
            'azure-ai-models:foundry.network.privateEndpoints[3].virtualNetwork.name: "VNET-AI" is created by an earlier entry already; put both endpoints in it with subnetId, or name another network',
        ]);
    });

    it("create: refuses zones linked to no network", () => {
        expect(errorsOf(foundry({ network: { privateEndpoints: [{ subnetId: SUBNET }] } }))).toEqual([
            `azure-ai-models:foundry.network.dns.linkVirtualNetworkIds: is empty, and the stack creates no virtual network: the zones ${FOUNDRY_ZONES.join(", ")} would be linked to no network and resolve for no client; list the virtual networks your clients are in`,
        ]);
    });

    it("existing: wants the id of every zone the endpoints need, and no other", () => {
        const network = (zoneIds: string[]) => ({
            network: { privateEndpoints: [{ subnetId: SUBNET }], dns: { mode: "existing", zoneIds } },
        });
        expect(errorsOf(foundry(network(FOUNDRY_ZONES.map(zoneId))))).toEqual([]);
        expect(
            errorsOf(foundry(network([zoneId(FOUNDRY_ZONES[0]), zoneId("privatelink.blob.core.windows.net")]))),
        ).toEqual([
            'azure-ai-models:foundry.network.dns.zoneIds[1]: "privatelink.blob.core.windows.net" is not a zone these endpoints use; they need privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com, privatelink.services.ai.azure.com',
            'azure-ai-models:foundry.network.dns.zoneIds: lacks privatelink.openai.azure.com, privatelink.services.ai.azure.com: with mode "existing" give the ARM id of every zone the endpoints need (privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com, privatelink.services.ai.azure.com), or use mode "create" or "policy"',
        ]);
    });

    it("policy: no zones, no links; an unknown mode or a malformed id is the schema's", () => {
        expect(
            errorsOf(foundry({ network: { privateEndpoints: [{ subnetId: SUBNET }], dns: { mode: "policy" } } })),
        ).toEqual([]);
        expect(
            errorsOf(
                foundry({
                    network: {
                        privateEndpoints: [{ subnetId: SUBNET }],
                        dns: { mode: "policy", zoneIds: [zoneId(FOUNDRY_ZONES[0])], linkVirtualNetworkIds: [VNET] },
                    },
                }),
            ),
        ).toEqual([
            'azure-ai-models:foundry.network.dns.linkVirtualNetworkIds: is for mode "create" only; the mode is "policy"',
            'azure-ai-models:foundry.network.dns.zoneIds: is for mode "existing" only; the mode is "policy"',
        ]);
        const bad = errorsOf(
            foundry({ network: { privateEndpoints: [{ subnetId: "subnet-1" }], dns: { mode: "Create" } } }),
        );
        expect(bad.some((e) => e.startsWith("azure-ai-models:foundry.network.privateEndpoints[0].subnetId:"))).toBe(
            true,
        );
        expect(bad.some((e) => e.startsWith("azure-ai-models:foundry.network.dns.mode:"))).toBe(true);
    });
});

describe("README's short example", () => {
    it("is valid: the Foundry resource has a private endpoint and the hub is opened on purpose", () => {
        const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
        const block = /## A stack in a few lines[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(block).toBeDefined();
        const config = (parse(block!) as { config: Record<string, unknown> }).config;
        const raw = Object.fromEntries(Object.entries(config).map(([k, v]) => [k.replace(/^azure-ai-models:/, ""), v]));
        expect(warningsOf(raw)).toEqual([]);
    });
});
