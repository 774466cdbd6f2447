import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as pulumi from "@pulumi/pulumi";
import { PRIVATE_DNS_ZONE_ID, PRIVATE_LINK } from "../catalog/privateLink";

import type { PrivateDnsMode, PrivateLinkTargetKind } from "./enums";

/** A resource to put behind the private endpoints. */
export interface PrivateAccessTarget {
    /** Short name, part of the endpoint's Azure and Pulumi names (`account`, `hub`, `blob`). */
    name: string;
    /** What it is: decides the sub-resource (`groupIds`) and the DNS zones (see the catalog's `PRIVATE_LINK`). */
    kind: PrivateLinkTargetKind;
    /** ARM id of the resource. */
    resourceId: pulumi.Input<string>;
}

/** A virtual network with one subnet for the private endpoints, created by the component. */
export interface PrivateAccessVirtualNetwork {
    /** Virtual network name. */
    name: string;
    /** Address space, e.g. `10.40.0.0/16`. */
    addressPrefix: string;
    /** Subnet name. @default "private-endpoints" */
    subnetName?: string;
    /** Subnet range, e.g. `10.40.1.0/24`. */
    subnetPrefix: string;
}

/** Where one set of endpoints (one per target) goes: an existing subnet, or a network the component creates. */
export interface PrivateAccessPlacement {
    /** ARM id of an existing subnet. Give this or `virtualNetwork`. @default - none */
    subnetId?: pulumi.Input<string>;
    /** A virtual network and subnet to create. Give this or `subnetId`. @default - none */
    virtualNetwork?: PrivateAccessVirtualNetwork;
}

/** Arguments of {@link PrivateAccess}. */
export interface PrivateAccessArgs {
    /** Base of the Azure names: endpoint `pe-<baseName>-<target>[-<n>]`. */
    baseName: string;
    /** Resource group of the endpoints, the zones and the created networks. */
    resourceGroupName: pulumi.Input<string>;
    /** Region of the endpoints and created networks: the virtual network's region. */
    location: pulumi.Input<string>;
    /** The resources the endpoints connect to. */
    targets: PrivateAccessTarget[];
    /** One entry per subnet: each gets one endpoint per target. */
    placements: PrivateAccessPlacement[];
    /**
     * `create`: create the zones the targets need and link them to the created networks and `linkVirtualNetworkIds`;
     * `existing`: register the endpoints in `zoneIds`; `policy`: no zone group (Azure Policy writes the records).
     * @default "create"
     */
    dnsMode?: PrivateDnsMode;
    /** `create`: further virtual networks to link the zones to. @default [] */
    linkVirtualNetworkIds?: pulumi.Input<string>[];
    /** `existing`: ARM ids of the zones, one per zone the targets need. @default [] */
    zoneIds?: string[];
    /** Tags on every resource the component creates. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * Private endpoints to Azure resources, with the DNS a landing zone chooses: the component creates the private DNS
 * zones and links them to virtual networks, or registers the endpoints in zones that exist, or leaves the records to
 * Azure Policy (no zone group). Each placement is an existing subnet or a virtual network and subnet it creates.
 * Give the last writes to a target as the component's `dependsOn`, which every endpoint then waits for: an endpoint
 * created while an account is still updating fails with `AccountProvisioningStateInvalid`.
 */
export class PrivateAccess extends pulumi.ComponentResource {
    /** ARM ids of the private endpoints, in placement order, then target order. */
    public readonly privateEndpointIds: pulumi.Output<string[]>;
    /** ARM id of each private DNS zone the endpoints register in, by zone name (none in mode `policy`). */
    public readonly privateDnsZoneIds: pulumi.Output<Record<string, string>>;
    /** ARM ids of the virtual networks the component created. */
    public readonly virtualNetworkIds: pulumi.Output<string[]>;

    constructor(name: string, args: PrivateAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("azure-ai-models:index:PrivateAccess", name, {}, opts);
        // A component's dependsOn does not reach its children: each endpoint waits for the writes itself.
        const after = opts?.dependsOn;
        const mode = args.dnsMode ?? "create";
        const zones = [...new Set(args.targets.flatMap((t) => PRIVATE_LINK[t.kind].zones))];
        const vnets = new Map<number, network.VirtualNetwork>();
        args.placements.forEach((p, i) => {
            if (p.virtualNetwork) vnets.set(i, this.virtualNetwork(name, args, p.virtualNetwork));
        });
        const zoneIds = this.zones(
            name,
            args,
            mode,
            zones,
            [...vnets].map(([i, vnet]) => ({ name: args.placements[i].virtualNetwork!.name, vnet })),
        );

        const endpoints: network.PrivateEndpoint[] = [];
        let previous: network.PrivateEndpoint | undefined;
        args.placements.forEach((p, i) => {
            const vnet = vnets.get(i);
            const subnetId = vnet
                ? pulumi.interpolate`${vnet.id}/subnets/${p.virtualNetwork!.subnetName ?? "private-endpoints"}`
                : p.subnetId!;
            for (const target of args.targets) {
                const suffix = args.placements.length > 1 ? `-${i + 1}` : "";
                const peName = `pe-${args.baseName}-${target.name}${suffix}`;
                const fact = PRIVATE_LINK[target.kind];
                const endpoint = new network.PrivateEndpoint(
                    `${name}-${target.name}${suffix}`,
                    {
                        privateEndpointName: peName,
                        resourceGroupName: args.resourceGroupName,
                        location: args.location,
                        subnet: { id: subnetId },
                        privateLinkServiceConnections: [
                            { name: peName, privateLinkServiceId: target.resourceId, groupIds: [fact.groupId] },
                        ],
                        tags: args.tags,
                    },
                    {
                        parent: this,
                        // One endpoint after another: two endpoints written to one account at once are refused as
                        // writes in parallel to the account are (the first waits for the account's last write).
                        dependsOn: previous
                            ? [...(vnet ? [vnet] : []), previous]
                            : pulumi
                                  .output(after ?? [])
                                  .apply((a) => [...(vnet ? [vnet] : []), ...(Array.isArray(a) ? a : [a])]),
                    },
                );
                previous = endpoint;
                endpoints.push(endpoint);
                if (mode === "policy") continue;
                new network.PrivateDnsZoneGroup(
                    `${name}-${target.name}${suffix}-dns`,
                    {
                        privateDnsZoneGroupName: "default",
                        privateEndpointName: endpoint.name,
                        resourceGroupName: args.resourceGroupName,
                        privateDnsZoneConfigs: fact.zones.map((zone) => ({
                            name: zone.replace(/\./g, "-"),
                            privateDnsZoneId: zoneIds.get(zone)!,
                        })),
                    },
                    { parent: this },
                );
            }
        });

        this.privateEndpointIds = pulumi.all(endpoints.map((e) => e.id));
        this.privateDnsZoneIds = pulumi.all(Object.fromEntries(zoneIds));
        this.virtualNetworkIds = pulumi.all([...vnets.values()].map((v) => v.id));
        this.registerOutputs({
            privateEndpointIds: this.privateEndpointIds,
            privateDnsZoneIds: this.privateDnsZoneIds,
            virtualNetworkIds: this.virtualNetworkIds,
        });
    }

    private virtualNetwork(
        name: string,
        args: PrivateAccessArgs,
        v: PrivateAccessVirtualNetwork,
    ): network.VirtualNetwork {
        return new network.VirtualNetwork(
            `${name}-vnet-${v.name}`,
            {
                virtualNetworkName: v.name,
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                addressSpace: { addressPrefixes: [v.addressPrefix] },
                subnets: [{ name: v.subnetName ?? "private-endpoints", addressPrefix: v.subnetPrefix }],
                tags: args.tags,
            },
            { parent: this },
        );
    }

    /** The zone ids by zone name: created and linked (`create`), given (`existing`), or none (`policy`). */
    private zones(
        name: string,
        args: PrivateAccessArgs,
        mode: PrivateDnsMode,
        zones: string[],
        created: { name: string; vnet: network.VirtualNetwork }[],
    ): Map<string, pulumi.Input<string>> {
        const ids = new Map<string, pulumi.Input<string>>();
        if (mode === "policy") return ids;
        if (mode === "existing") {
            for (const id of args.zoneIds ?? []) {
                const zone = PRIVATE_DNS_ZONE_ID.exec(id)?.[1]?.toLowerCase();
                if (zone && zones.includes(zone)) ids.set(zone, id);
            }
            const missing = zones.filter((z) => !ids.has(z));
            if (missing.length > 0)
                throw new pulumi.InputPropertyError({
                    propertyPath: "zoneIds",
                    reason: `lacks ${missing.join(", ")}: give the ARM id of every zone the endpoints need (${zones.join(", ")})`,
                });
            return ids;
        }
        // A link is named after its network: `link-<vnet name>`, the same on every run.
        const links: { key: string; vnetName: string; id: pulumi.Input<string> }[] = [
            ...created.map((v) => ({ key: v.name, vnetName: v.name, id: v.vnet.id as pulumi.Input<string> })),
            ...(args.linkVirtualNetworkIds ?? []).map((id, i) => {
                const vnetName = typeof id === "string" ? (id.split("/").pop() ?? `link${i + 1}`) : `link${i + 1}`;
                return { key: `${vnetName}-${i + 1}`, vnetName, id };
            }),
        ];
        for (const zone of zones) {
            const z = new privatedns.PrivateZone(
                `${name}-${zone}`,
                {
                    privateZoneName: zone,
                    resourceGroupName: args.resourceGroupName,
                    location: "global",
                    tags: args.tags,
                },
                { parent: this },
            );
            ids.set(zone, z.id);
            for (const link of links) {
                new privatedns.VirtualNetworkLink(
                    `${name}-${zone}-${link.key}`,
                    {
                        virtualNetworkLinkName: `link-${link.vnetName}`.slice(0, 80),
                        privateZoneName: z.name,
                        resourceGroupName: args.resourceGroupName,
                        location: "global",
                        virtualNetwork: { id: link.id },
                        registrationEnabled: false,
                        tags: args.tags,
                    },
                    { parent: this },
                );
            }
        }
        return ids;
    }
}
