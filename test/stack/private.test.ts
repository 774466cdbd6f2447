/**
 * The network-secured example stack (`Pulumi.private.yaml`) under mocks: the Foundry account's private endpoint in a
 * created virtual network, the three AI Services zones created and linked, the endpoint ordered after every other
 * write to the account; the closed hub's endpoints (hub, blob, file, vault) in an existing subnet. And the two other
 * DNS modes. What mocks cannot prove: that Azure approves the connections or that the records resolve.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigValidationError } from "../../infra/config";
import { byName, output, registered, runStack } from "../helpers/stack";
import { stackFileConfig } from "../review/plans";

const EXAMPLE = stackFileConfig(path.join(__dirname, "../../Pulumi.private.yaml"));
const foundry = EXAMPLE["azure-ai-models:foundry"] as Record<string, unknown>;
const workspace = EXAMPLE["azure-ai-models:workspace"] as Record<string, unknown>;
const NET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network";
const ZONES = [
    "privatelink.cognitiveservices.azure.com",
    "privatelink.openai.azure.com",
    "privatelink.services.ai.azure.com",
];

/** The resources under a component, as `type name`, sorted. */
const childrenOf = (run: Awaited<ReturnType<typeof runStack>>, component: string) => {
    const parent = byName(run, component).urn;
    return registered(run)
        .filter((r) => r.parent === parent)
        .map((r) => `${r.type.replace(/^azure-native:/, "")} ${r.name}`)
        .sort();
};

describe("the private example stack", () => {
    it("puts the Foundry account behind one endpoint in a new network, with the three zones linked to it", async () => {
        const run = await runStack({ foundry });
        expect(run.error).toBeUndefined();
        expect(childrenOf(run, "aimodels-pv-private")).toEqual(
            [
                "network:VirtualNetwork aimodels-pv-private-vnet-vnet-aimodels-pv",
                "network:PrivateEndpoint aimodels-pv-private-account",
                "network:PrivateDnsZoneGroup aimodels-pv-private-account-dns",
                ...ZONES.map((z) => `privatedns:PrivateZone aimodels-pv-private-${z}`),
                ...ZONES.map((z) => `privatedns:VirtualNetworkLink aimodels-pv-private-${z}-vnet-aimodels-pv`),
            ].sort(),
        );
        const account = byName(run, "aimodels-pv-account");
        const endpoint = byName(run, "aimodels-pv-private-account");
        const vnet = byName(run, "aimodels-pv-private-vnet-vnet-aimodels-pv");
        expect(vnet.inputs).toEqual({
            virtualNetworkName: "vnet-aimodels-pv",
            resourceGroupName: "rg-aimodels-pv",
            location: "swedencentral",
            addressSpace: { addressPrefixes: ["10.40.0.0/16"] },
            // azure-native's SDK defaults
            enableDdosProtection: false,
            enableVmProtection: false,
            subnets: [{ name: "private-endpoints", addressPrefix: "10.40.1.0/24" }],
            tags: { owner: "ai-platform", costCenter: "4711", environment: "prod" },
        });
        const accountId = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aimodels-pv/providers/Microsoft.CognitiveServices/accounts/${String(account.inputs.accountName)}`;
        const vnetId =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aimodels-pv/providers/Microsoft.Network/virtualNetworks/vnet-aimodels-pv";
        expect(endpoint.inputs).toEqual({
            privateEndpointName: "pe-aimodels-pv-account",
            resourceGroupName: "rg-aimodels-pv",
            location: "swedencentral",
            // privateEndpointNetworkPolicies and privateLinkServiceNetworkPolicies: azure-native's SubnetArgs defaults
            subnet: {
                id: `${vnetId}/subnets/private-endpoints`,
                privateEndpointNetworkPolicies: "Disabled",
                privateLinkServiceNetworkPolicies: "Enabled",
            },
            privateLinkServiceConnections: [
                { name: "pe-aimodels-pv-account", privateLinkServiceId: accountId, groupIds: ["account"] },
            ],
            tags: { owner: "ai-platform", costCenter: "4711", environment: "prod" },
        });
        const group = byName(run, "aimodels-pv-private-account-dns");
        expect(group.inputs).toEqual({
            privateDnsZoneGroupName: "default",
            privateEndpointName: "pe-aimodels-pv-account",
            resourceGroupName: "rg-aimodels-pv",
            privateDnsZoneConfigs: ZONES.map((z) => ({
                name: z.replace(/\./g, "-"),
                privateDnsZoneId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aimodels-pv/providers/Microsoft.Network/privateDnsZones/${z}`,
            })),
        });
        expect(byName(run, `aimodels-pv-private-${ZONES[1]}`).inputs).toEqual({
            privateZoneName: ZONES[1],
            resourceGroupName: "rg-aimodels-pv",
            location: "global",
            tags: { owner: "ai-platform", costCenter: "4711", environment: "prod" },
        });
        expect(byName(run, `aimodels-pv-private-${ZONES[2]}-vnet-aimodels-pv`).inputs).toEqual({
            virtualNetworkLinkName: "link-vnet-aimodels-pv",
            privateZoneName: ZONES[2],
            resourceGroupName: "rg-aimodels-pv",
            location: "global",
            virtualNetwork: { id: vnetId },
            registrationEnabled: false,
            tags: { owner: "ai-platform", costCenter: "4711", environment: "prod" },
        });
    });

    it("orders the endpoint after every other write to the account: the project and both deployments", async () => {
        const run = await runStack({ foundry });
        const endpoint = byName(run, "aimodels-pv-private-account");
        const writes = [
            "aimodels-pv-chat-project",
            "aimodels-pv-mistral-large-deployment",
            "aimodels-pv-llama-scout-deployment",
        ].map((n) => byName(run, n).urn);
        // The account's write chain: the endpoint waits for the last write, which waits for the one before it.
        expect(endpoint.dependencies.filter((u) => writes.includes(u))).toEqual([writes[2]]);
        const before = new Set<string>();
        const visit = (urn: string) => {
            for (const d of run.resources.find((r) => r.urn === urn)?.dependencies ?? []) {
                if (before.has(d)) continue;
                before.add(d);
                visit(d);
            }
        };
        visit(endpoint.urn);
        for (const w of writes) expect(before.has(w), w).toBe(true);
    });

    it("outputs the endpoint ids and the host names clients resolve privately", async () => {
        const run = await runStack({ foundry });
        const f = output(run, "foundry").value as {
            customSubDomain: string;
            privateFqdns: string[];
            privateEndpointIds: string[];
        };
        expect(f.privateFqdns).toEqual([
            `${f.customSubDomain}.cognitiveservices.azure.com`,
            `${f.customSubDomain}.openai.azure.com`,
            `${f.customSubDomain}.services.ai.azure.com`,
        ]);
        expect(f.privateEndpointIds).toEqual([
            expect.stringMatching(/^\/subscriptions\/.+\/resourceGroups\/rg-aimodels-pv\//),
        ]);
    });

    it("gives the closed hub endpoints for the hub, blob, file and vault in the given subnet, zones linked to its network", async () => {
        const run = await runStack({ workspace });
        expect(run.error).toBeUndefined();
        const kinds = { hub: "amlworkspace", blob: "blob", file: "file", vault: "vault" };
        for (const [target, groupId] of Object.entries(kinds)) {
            const pe = byName(run, `aimodels-pvhub-private-${target}`);
            expect((pe.inputs.subnet as { id: string }).id).toBe(
                `${NET}/virtualNetworks/vnet-hub/subnets/private-endpoints`,
            );
            expect((pe.inputs.privateLinkServiceConnections as { groupIds: string[] }[])[0].groupIds).toEqual([
                groupId,
            ]);
        }
        // One endpoint after another, in target order: none is written while another is.
        const order = Object.keys(kinds).map((t) => byName(run, `aimodels-pvhub-private-${t}`));
        for (let i = 1; i < order.length; i++) expect(order[i].dependencies).toContain(order[i - 1].urn);
        expect(
            registered(run)
                .filter((r) => r.type === "azure-native:privatedns:VirtualNetworkLink")
                .map((r) => [r.inputs.privateZoneName, (r.inputs.virtualNetwork as { id: string }).id]),
        ).toEqual(
            [
                "privatelink.api.azureml.ms",
                "privatelink.notebooks.azure.net",
                "privatelink.blob.core.windows.net",
                "privatelink.file.core.windows.net",
                "privatelink.vaultcore.azure.net",
            ].map((z) => [z, `${NET}/virtualNetworks/vnet-hub`]),
        );
        expect(byName(run, "aimodels-pvhub-private-hub-dns").inputs.privateDnsZoneConfigs).toEqual([
            {
                name: "privatelink-api-azureml-ms",
                privateDnsZoneId: expect.stringMatching(/privateDnsZones\/privatelink\.api\.azureml\.ms$/),
            },
            {
                name: "privatelink-notebooks-azure-net",
                privateDnsZoneId: expect.stringMatching(/privateDnsZones\/privatelink\.notebooks\.azure\.net$/),
            },
        ]);
    });

    it("existing zones: no zone is created, the group uses the given ids; policy: no zone group at all", async () => {
        const network = foundry.network as Record<string, unknown>;
        const ids = ZONES.map((z) => `${NET}/privateDnsZones/${z}`);
        const existing = await runStack({
            foundry: { ...foundry, network: { ...network, dns: { mode: "existing", zoneIds: ids } } },
        });
        expect(existing.error).toBeUndefined();
        const types = (run: typeof existing) => registered(run).map((r) => r.type);
        expect(types(existing)).not.toContain("azure-native:privatedns:PrivateZone");
        expect(types(existing)).not.toContain("azure-native:privatedns:VirtualNetworkLink");
        expect(byName(existing, "aimodels-pv-private-account-dns").inputs.privateDnsZoneConfigs).toEqual(
            ZONES.map((z, i) => ({ name: z.replace(/\./g, "-"), privateDnsZoneId: ids[i] })),
        );
        const policy = await runStack({ foundry: { ...foundry, network: { ...network, dns: { mode: "policy" } } } });
        expect(policy.error).toBeUndefined();
        expect(types(policy).filter((t) => /privatedns|PrivateDnsZoneGroup/.test(t))).toEqual([]);
        expect(types(policy)).toContain("azure-native:network:PrivateEndpoint");
    });
});

describe("a closed resource and its way in", () => {
    const { network: _f, ...closedFoundry } = foundry;
    const { network: _w, ...closedHub } = workspace;

    it("refuses the example's Foundry account and hub without their endpoints, registering nothing", async () => {
        const run = await runStack({ foundry: closedFoundry, workspace: closedHub });
        expect(run.error).toBeInstanceOf(ConfigValidationError);
        expect((run.error as ConfigValidationError).issues.map((i) => `${i.path}: ${i.message.split(":")[0]}`)).toEqual(
            [
                "azure-ai-models:foundry: is closed to every client",
                "azure-ai-models:workspace: is closed to every client",
            ],
        );
        expect(registered(run)).toEqual([]);
    });

    it("plans both with accessManagedElsewhere: closed as configured, and no endpoint, zone or network of its own", async () => {
        const elsewhere = { accessManagedElsewhere: true };
        const run = await runStack({
            foundry: { ...closedFoundry, network: elsewhere },
            workspace: { ...closedHub, network: elsewhere },
        });
        expect(run.error).toBeUndefined();
        const types = registered(run).map((r) => r.type);
        expect(types.filter((t) => /:network:|:privatedns:|PrivateAccess/.test(t))).toEqual([]);
        expect(types).toContain("azure-native:cognitiveservices:Deployment");
        expect(byName(run, "aimodels-pv-account").inputs.properties).toMatchObject({
            publicNetworkAccess: "Disabled",
            networkAcls: { defaultAction: "Deny" },
        });
        expect(byName(run, "aimodels-pvhub-ws").inputs.publicNetworkAccess).toBe("Disabled");
        expect(output(run, "foundry").value).not.toHaveProperty("privateEndpointIds");
    });
});
