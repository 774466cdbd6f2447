/**
 * Records of the network types `PrivateAccess` creates: private endpoints and their DNS zone groups, private DNS
 * zones and their virtual network links, and the virtual network (with its subnet inline) it may create.
 */
import { PRIVATE_LINK_SOURCES } from "../privateLink";
import { IN_RESOURCE_GROUP, LOCATION, str } from "./common";
import type { ResourceType } from "./types";

const NET = "Microsoft.Network";
/** Why losing a private endpoint or a zone must be reviewed. */
const DNS_PATH = `${PRIVATE_LINK_SOURCES.serviceZones.document}: clients in the network resolve the resource's public name to the endpoint's private address through the zone's A records`;

export const PRIVATE_ENDPOINT: ResourceType = {
    type: "azure-native:network:PrivateEndpoint",
    // API version 2019-02-01 called it an interface endpoint; azure-native keeps the old token as an alias.
    aliases: ["azure-native:network:InterfaceEndpoint"],
    title: "private endpoint",
    nameInput: "privateEndpointName",
    armId: { under: "resource group", path: (_, n) => `${NET}/privateEndpoints/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [
        LOCATION,
        {
            path: "subnet.id",
            reason: "an endpoint's network interface stays in the subnet it was created in",
            source: "assumed: the private endpoint API has no move between subnets; another subnet is another endpoint",
        },
    ],
    destructive: {
        what: "private endpoint",
        consequence:
            "clients in its network lose their way in to a resource closed to the public until the new one is approved",
        source: DNS_PATH,
    },
    keyInputs: ["privateEndpointName", "subnet.id", "privateLinkServiceConnections"],
};

export const PRIVATE_DNS_ZONE_GROUP: ResourceType = {
    type: "azure-native:network:PrivateDnsZoneGroup",
    title: "private DNS zone group (the endpoint's records in private DNS zones)",
    nameInput: "privateDnsZoneGroupName",
    armId: {
        under: "resource group",
        path: (i, n) => `${NET}/privateEndpoints/${str(i.privateEndpointName)}/privateDnsZoneGroups/${n}`,
    },
    parents: [IN_RESOURCE_GROUP, { input: "privateEndpointName", what: "private endpoint" }],
    keyInputs: ["privateEndpointName", "privateDnsZoneConfigs"],
};

export const PRIVATE_DNS_ZONE: ResourceType = {
    type: "azure-native:privatedns:PrivateZone",
    // Older API versions had private DNS under the network module; azure-native keeps those tokens as aliases.
    aliases: ["azure-native:network:PrivateZone"],
    title: "private DNS zone",
    nameInput: "privateZoneName",
    armId: { under: "resource group", path: (_, n) => `${NET}/privateDnsZones/${n}` },
    parents: [IN_RESOURCE_GROUP],
    destructive: {
        what: "private DNS zone",
        consequence:
            "the records of every endpoint registered in it go with it, and clients in the linked networks resolve the public addresses",
        source: DNS_PATH,
    },
    keyInputs: ["privateZoneName", "location"],
};

export const VIRTUAL_NETWORK_LINK: ResourceType = {
    type: "azure-native:privatedns:VirtualNetworkLink",
    // Older API versions had private DNS under the network module; azure-native keeps those tokens as aliases.
    aliases: ["azure-native:network:VirtualNetworkLink"],
    title: "private DNS zone link to a virtual network",
    nameInput: "virtualNetworkLinkName",
    armId: {
        under: "resource group",
        path: (i, n) => `${NET}/privateDnsZones/${str(i.privateZoneName)}/virtualNetworkLinks/${n}`,
    },
    parents: [IN_RESOURCE_GROUP, { input: "privateZoneName", what: "private DNS zone" }],
    fixedInputs: [
        {
            path: "virtualNetwork.id",
            reason: "a link names one virtual network for its life",
            source: "assumed: the virtual network link API has no relink; another network is another link",
        },
    ],
    keyInputs: ["virtualNetworkLinkName", "virtualNetwork.id", "registrationEnabled"],
};

export const VIRTUAL_NETWORK: ResourceType = {
    type: "azure-native:network:VirtualNetwork",
    title: "virtual network",
    nameInput: "virtualNetworkName",
    armId: { under: "resource group", path: (_, n) => `${NET}/virtualNetworks/${n}` },
    parents: [IN_RESOURCE_GROUP],
    fixedInputs: [LOCATION],
    destructive: {
        what: "virtual network",
        consequence: "its subnets and the private endpoints in them go with it",
        source: "ARM: a virtual network holds its subnets; a subnet in use by private endpoints blocks the delete until they go",
    },
    keyInputs: ["virtualNetworkName", "addressSpace.addressPrefixes", "subnets"],
};
