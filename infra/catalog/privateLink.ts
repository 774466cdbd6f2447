/**
 * Private Link facts: for each Azure resource the package can put behind a private endpoint, the sub-resource
 * (`groupIds` of the endpoint's connection) and the private DNS zones its names resolve through. A client in the
 * network keeps the public host name: Azure's public DNS answers it with a CNAME into the `privatelink.` zone, and
 * the private zone linked to the client's virtual network answers that with the endpoint's private address.
 */
import type { PrivateLinkTargetValue } from "./vocabulary";
import type { Source } from "./types";

/** Where the zone names and group ids come from (the versions read, with the day they were read). */
export const PRIVATE_LINK_SOURCES = {
    /** Lists the three zones of an AI Services (Foundry) account, sub-resource `account`. */
    foundryZones: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/agents/how-to/virtual-networks.md, 'DNS zone configurations summary' (commit 001ba03a249fca3ba1050299a6c78e6a4a1ceada)",
        date: "2026-12-06",
    },
    /** The Azure services table: ML workspace, storage blob/file, key vault, container registry zones and sub-resources. */
    serviceZones: {
        document:
            "MicrosoftDocs/azure-docs articles/private-link/private-endpoint-dns.md, 'Azure services DNS zone configuration' (commit 0095ac36d2562dea0378c60e0440a1de5424ce73)",
        date: "2026-12-06",
    },
} as const satisfies Record<string, Source>;

/** One kind of private endpoint target. */
export interface PrivateLinkTarget {
    /** ARM resource type of the target. */
    resourceType: string;
    /** The sub-resource the endpoint connects to (`privateLinkServiceConnections[].groupIds`). */
    groupId: string;
    /** The private DNS zones the target's host names resolve through, in a fixed order. */
    zones: readonly string[];
    source: Source;
}

/** The private endpoint targets of a Foundry resource and of a hub and its dependencies. */
export const PRIVATE_LINK = {
    /** A Foundry resource (Cognitive Services account of kind AIServices): all three zones, or clients fail on one of its host names. */
    foundryAccount: {
        resourceType: "Microsoft.CognitiveServices/accounts",
        groupId: "account",
        zones: [
            "privatelink.cognitiveservices.azure.com",
            "privatelink.openai.azure.com",
            "privatelink.services.ai.azure.com",
        ],
        source: PRIVATE_LINK_SOURCES.foundryZones,
    },
    /** An AI hub or Azure Machine Learning workspace. */
    mlWorkspace: {
        resourceType: "Microsoft.MachineLearningServices/workspaces",
        groupId: "amlworkspace",
        zones: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
        source: PRIVATE_LINK_SOURCES.serviceZones,
    },
    /** The hub's storage account, blob service. */
    storageBlob: {
        resourceType: "Microsoft.Storage/storageAccounts",
        groupId: "blob",
        zones: ["privatelink.blob.core.windows.net"],
        source: PRIVATE_LINK_SOURCES.serviceZones,
    },
    /** The hub's storage account, file service (a hub needs both blob and file). */
    storageFile: {
        resourceType: "Microsoft.Storage/storageAccounts",
        groupId: "file",
        zones: ["privatelink.file.core.windows.net"],
        source: PRIVATE_LINK_SOURCES.serviceZones,
    },
    /** The hub's key vault. */
    keyVault: {
        resourceType: "Microsoft.KeyVault/vaults",
        groupId: "vault",
        zones: ["privatelink.vaultcore.azure.net"],
        source: PRIVATE_LINK_SOURCES.serviceZones,
    },
    /** The hub's container registry (Premium). */
    containerRegistry: {
        resourceType: "Microsoft.ContainerRegistry/registries",
        groupId: "registry",
        zones: ["privatelink.azurecr.io"],
        source: PRIVATE_LINK_SOURCES.serviceZones,
    },
} as const satisfies Record<PrivateLinkTargetValue, PrivateLinkTarget>;

/** A key of {@link PRIVATE_LINK}: the vocabulary's `PRIVATE_LINK_TARGETS`, each with its record (the `satisfies` above). */
export type PrivateLinkTargetName = keyof typeof PRIVATE_LINK;

/**
 * The host names of a Foundry resource that clients call (and that resolve privately once the three zones are
 * linked): `<sub>.cognitiveservices.azure.com`, `<sub>.openai.azure.com`, `<sub>.services.ai.azure.com`.
 */
export function foundryPrivateFqdns(customSubDomain: string): string[] {
    return PRIVATE_LINK.foundryAccount.zones.map((zone) => `${customSubDomain}.${zone.replace(/^privatelink\./, "")}`);
}

/** The ARM id form of a private DNS zone, for config checks. */
export const PRIVATE_DNS_ZONE_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/([^/]+)$/i;
/** The ARM id form of a virtual network. */
export const VIRTUAL_NETWORK_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i;
/** The ARM id form of a subnet. */
export const SUBNET_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;
