/**
 * The `network` block of the `foundry` and `workspace` sections: the private endpoints that are the way in to a
 * resource closed to the public, the private DNS choice a landing zone needs, and the named setting for access that
 * comes from elsewhere. And the reachability rule: a resource closed to the public with no way in fails validation.
 *
 * ```yaml
 * network:
 *   privateEndpoints:
 *     - subnetId: /subscriptions/<sub>/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/pe
 *   dns:
 *     mode: create                 # create | existing | policy
 *     linkVirtualNetworkIds: [/subscriptions/<sub>/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub]
 * ```
 */
import { z } from "zod";
import {
    PRIVATE_DNS_ZONE_ID,
    PRIVATE_LINK,
    SUBNET_ID,
    VIRTUAL_NETWORK_ID,
    type PrivateLinkTargetName,
} from "../catalog/privateLink";
import { configPath, show } from "./issues";
import { arr, isObject, str, type Loose } from "./loose";
import { choice } from "../catalog/choice";
import { PRIVATE_DNS_MODES } from "../catalog/vocabulary";

/** Virtual network and subnet names: 2-64 (subnet 1-80) letters, digits, '_', '.' and '-' (ARM naming rules). */
const VNET_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]$/;
const SUBNET_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])?$/;
const CIDR_V4 = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/** A virtual network and its one subnet for the private endpoints, created by the stack. */
export const createdVirtualNetworkSchema = z.strictObject({
    /** Virtual network name, in the section's resource group. */
    name: z.string().regex(VNET_NAME, "2-64 characters: letters, digits, '_', '.' and '-'"),
    /** Address space, a CIDR range such as 10.40.0.0/16. */
    addressPrefix: z.string().regex(CIDR_V4, "an IPv4 CIDR range such as 10.40.0.0/16"),
    /** @default "private-endpoints" */
    subnetName: z
        .string()
        .regex(SUBNET_NAME, "1-80 characters: letters, digits, '_', '.' and '-'")
        .default("private-endpoints"),
    /** Subnet range inside the address space, such as 10.40.1.0/24. */
    subnetPrefix: z.string().regex(CIDR_V4, "an IPv4 CIDR range such as 10.40.1.0/24"),
});

/** Where one private endpoint goes: a subnet that exists, or a virtual network the stack creates. */
export const privateEndpointPlacementSchema = z.strictObject({
    /** ARM id of an existing subnet. Give this or `virtualNetwork`. */
    subnetId: z
        .string()
        .regex(SUBNET_ID, "a subnet ARM id .../providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>")
        .optional(),
    /** A virtual network and subnet the stack creates. Give this or `subnetId`. */
    virtualNetwork: createdVirtualNetworkSchema.optional(),
});

export const dnsSchema = z.strictObject({
    /**
     * `create`: the stack creates the private DNS zones and links them to the created virtual networks and to
     * `linkVirtualNetworkIds`. `existing`: the endpoints register in the zones of `zoneIds`. `policy`: no zone group;
     * Azure Policy (DeployIfNotExists, as in landing zones) writes the records.
     * @default "create"
     */
    mode: choice(PRIVATE_DNS_MODES).default("create"),
    /** `create`: more virtual networks whose clients resolve the zones (hub and spokes). @default [] */
    linkVirtualNetworkIds: z.array(z.string().regex(VIRTUAL_NETWORK_ID, "a virtual network ARM id")).default([]),
    /** `existing`: the ARM id of each zone the endpoints need. @default [] */
    zoneIds: z.array(z.string().regex(PRIVATE_DNS_ZONE_ID, "a private DNS zone ARM id")).default([]),
});

export const networkSchema = z.strictObject({
    /** Private endpoints: one per entry, each in its subnet. @default [] */
    privateEndpoints: z.array(privateEndpointPlacementSchema).default([]),
    /** @default { mode: "create" } */
    dns: dnsSchema.default({ mode: "create", linkVirtualNetworkIds: [], zoneIds: [] }),
    /**
     * The resource is closed and this stack creates no way in, because another team or stack does (an endpoint
     * managed elsewhere, a VPN into a network the account allows). Without it, a closed resource with no private
     * endpoint fails validation. @default false
     */
    accessManagedElsewhere: z.boolean().default(false),
});

export type NetworkConfig = z.output<typeof networkSchema>;
export type PrivateEndpointPlacement = z.output<typeof privateEndpointPlacementSchema>;

/** The private DNS zones the targets of a section need, in a fixed order without repeats. */
export function zonesOf(targets: readonly PrivateLinkTargetName[]): string[] {
    return [...new Set(targets.flatMap((t) => PRIVATE_LINK[t].zones))];
}

/** What the reachability rule knows of a resource's public side. */
export interface PublicSide {
    /** `publicNetworkAccess` as given (default `Disabled`). */
    publicNetworkAccess: string | undefined;
    /** Whether the public side lets any client through when it is enabled (an allow-all or a rule). */
    admitsClients: boolean;
    /** How to open it, for the message. */
    openHint: string;
}

/**
 * The Foundry account's public side, from the `foundry` section or `FoundryAccount`'s arguments (the same names):
 * enabled, and its network rules allow all or name some addresses or subnets.
 */
export function foundryPublicSide(raw: { publicNetworkAccess?: unknown; networkAcls?: unknown }): PublicSide {
    const acls = isObject(raw.networkAcls) ? raw.networkAcls : {};
    const admitsClients =
        acls.defaultAction === "Allow" || arr(acls.ipRules).length > 0 || arr(acls.virtualNetworkRules).length > 0;
    return {
        publicNetworkAccess: str(raw.publicNetworkAccess),
        admitsClients,
        openHint:
            "publicNetworkAccess: Enabled with networkAcls.defaultAction: Allow, or networkAcls.ipRules for your addresses",
    };
}

/** The hub's public side, from the `workspace` section or `AiWorkspace`'s arguments: enabled or not. */
export function workspacePublicSide(raw: { publicNetworkAccess?: unknown }): PublicSide {
    return {
        publicNetworkAccess: str(raw.publicNetworkAccess),
        admitsClients: true,
        openHint: "publicNetworkAccess: Enabled",
    };
}

/** Why a resource is closed to every client on its public side; undefined when the public side admits clients. */
export function closedBecause(side: PublicSide): string | undefined {
    if (side.publicNetworkAccess === "Enabled" && side.admitsClients) return undefined;
    return side.publicNetworkAccess === "Enabled"
        ? "publicNetworkAccess is Enabled but the network rules deny every client"
        : `publicNetworkAccess is ${show(side.publicNetworkAccess ?? "Disabled")}${side.publicNetworkAccess === undefined ? " (the default)" : ""}`;
}

/**
 * The reachability rule for a component's arguments (`FoundryAccount`, `AiWorkspace`): a resource closed to every
 * client fails unless `accessManagedElsewhere` says the way in is made outside the component (private endpoints to
 * it, as the stack program creates with `PrivateAccess` after the account's last write, or an endpoint another team
 * manages). Returns the problem, or undefined.
 */
export function unreachableArgProblem(
    side: PublicSide,
    accessManagedElsewhere: boolean | undefined,
): { propertyPath: string; reason: string } | undefined {
    const why = closedBecause(side);
    if (why === undefined || accessManagedElsewhere === true) return undefined;
    return {
        propertyPath: "publicNetworkAccess",
        reason: `is closed to every client: ${why} and no way in is planned, so nothing could call it after deployment. Put a private endpoint on it (a PrivateAccess with it as a target) and set accessManagedElsewhere: true, set accessManagedElsewhere: true if another team provides the way in, or open it deliberately for development (${side.openHint}); see docs/networking.md`,
    };
}

/**
 * Checks the raw `network` block of a section (`foundry` or `workspace`) and the reachability rule. `targets` are the
 * private link targets the section puts behind each endpoint (their zones are what DNS must cover).
 */
export function validateNetwork(
    section: "foundry" | "workspace",
    raw: Loose,
    targets: readonly PrivateLinkTargetName[],
    publicSide: PublicSide,
    err: (path: PropertyKey[], message: string) => void,
): void {
    const base: PropertyKey[] = [section, "network"];
    const network = isObject(raw.network) ? raw.network : undefined;
    const placements = arr(network?.privateEndpoints);
    const createdVnets: string[] = [];
    placements.forEach((p, i) => {
        if (!isObject(p)) return;
        const given = [
            p.subnetId !== undefined && "subnetId",
            p.virtualNetwork !== undefined && "virtualNetwork",
        ].filter(Boolean);
        if (given.length !== 1)
            err(
                [...base, "privateEndpoints", i],
                given.length === 0
                    ? "says nowhere to put the endpoint: give subnetId (an existing subnet's ARM id) or virtualNetwork (name, addressPrefix, subnetPrefix) for one the stack creates"
                    : "gives both subnetId and virtualNetwork: give one",
            );
        if (isObject(p.virtualNetwork)) {
            const name = str(p.virtualNetwork.name);
            if (name !== undefined) {
                if (createdVnets.some((n) => n.toLowerCase() === name.toLowerCase()))
                    err(
                        [...base, "privateEndpoints", i, "virtualNetwork", "name"],
                        `${show(name)} is created by an earlier entry already; put both endpoints in it with subnetId, or name another network`,
                    );
                createdVnets.push(name);
            }
        }
    });
    checkDns(base, network, placements.length > 0, createdVnets.length > 0, zonesOf(targets), err);

    const why = closedBecause(publicSide);
    if (why !== undefined && placements.length === 0 && network?.accessManagedElsewhere !== true)
        err(
            [section],
            `is closed to every client: ${why} and ${configPath(base)}.privateEndpoints is empty, so nothing could call it after deployment. Add a private endpoint (${configPath([...base, "privateEndpoints"])}: [{ subnetId: ... }] or [{ virtualNetwork: { name, addressPrefix, subnetPrefix } }]), say that another team provides the way in (${configPath([...base, "accessManagedElsewhere"])}: true), or open it deliberately for development (${publicSide.openHint}); see docs/networking.md`,
        );
}

/** The DNS block: each mode gets what it needs, and only that. */
function checkDns(
    base: PropertyKey[],
    network: Loose | undefined,
    hasEndpoints: boolean,
    createsVnet: boolean,
    needed: string[],
    err: (path: PropertyKey[], message: string) => void,
): void {
    const dns = isObject(network?.dns) ? network.dns : {};
    const mode = str(dns.mode) ?? "create";
    const links = arr(dns.linkVirtualNetworkIds);
    const zoneIds = arr(dns.zoneIds);
    if (hasEndpoints) {
        if (mode === "create" && !createsVnet && links.length === 0)
            err(
                [...base, "dns", "linkVirtualNetworkIds"],
                `is empty, and the stack creates no virtual network: the zones ${needed.join(", ")} would be linked to no network and resolve for no client; list the virtual networks your clients are in`,
            );
        if (mode === "existing") {
            const given = new Map<string, number>();
            zoneIds.forEach((id, i) => {
                const zone = typeof id === "string" ? PRIVATE_DNS_ZONE_ID.exec(id)?.[1]?.toLowerCase() : undefined;
                if (zone === undefined) return;
                if (!needed.includes(zone))
                    err(
                        [...base, "dns", "zoneIds", i],
                        `${show(zone)} is not a zone these endpoints use; they need ${needed.join(", ")}`,
                    );
                given.set(zone, i);
            });
            const missing = needed.filter((z) => !given.has(z));
            if (missing.length > 0)
                err(
                    [...base, "dns", "zoneIds"],
                    `lacks ${missing.join(", ")}: with mode "existing" give the ARM id of every zone the endpoints need (${needed.join(", ")}), or use mode "create" or "policy"`,
                );
        }
    }
    if (mode !== "create" && links.length > 0)
        err([...base, "dns", "linkVirtualNetworkIds"], `is for mode "create" only; the mode is ${show(mode)}`);
    if (mode !== "existing" && zoneIds.length > 0)
        err([...base, "dns", "zoneIds"], `is for mode "existing" only; the mode is ${show(mode)}`);
}
