/**
 * Azure's public-cloud regions, by the names ARM uses (`az account list-locations --query "[].name"`), physical
 * regions only: a `location` that is none of these is a typo, refused before anything is registered.
 */
import type { Source } from "./types";
import { normalizeRegion } from "./regions";
import { closest, typoDistance } from "./suggest";

export const AZURE_REGIONS_SOURCE: Source = {
    document:
        "Azure Resource Manager Subscriptions - List Locations (physical regions of the public cloud), as listed by az account list-locations and MS docs azure/reliability/regions-list",
    date: "2026-12-01",
    note: "A region Azure opens later is missing until it is added here; its config then fails with this list.",
};

export const AZURE_REGIONS: readonly string[] = [
    // Americas
    "eastus",
    "eastus2",
    "centralus",
    "northcentralus",
    "southcentralus",
    "westcentralus",
    "westus",
    "westus2",
    "westus3",
    "canadacentral",
    "canadaeast",
    "brazilsouth",
    "brazilsoutheast",
    "mexicocentral",
    "chilecentral",
    // Europe
    "northeurope",
    "westeurope",
    "uksouth",
    "ukwest",
    "francecentral",
    "francesouth",
    "germanywestcentral",
    "germanynorth",
    "switzerlandnorth",
    "switzerlandwest",
    "norwayeast",
    "norwaywest",
    "swedencentral",
    "swedensouth",
    "polandcentral",
    "italynorth",
    "spaincentral",
    "austriaeast",
    "belgiumcentral",
    "denmarkeast",
    // Middle East and Africa
    "uaenorth",
    "uaecentral",
    "qatarcentral",
    "israelcentral",
    "southafricanorth",
    "southafricawest",
    // Asia Pacific
    "eastasia",
    "southeastasia",
    "japaneast",
    "japanwest",
    "koreacentral",
    "koreasouth",
    "centralindia",
    "southindia",
    "westindia",
    "jioindiawest",
    "jioindiacentral",
    "australiaeast",
    "australiasoutheast",
    "australiacentral",
    "australiacentral2",
    "newzealandnorth",
    "indonesiacentral",
    "malaysiawest",
];

const KNOWN = new Set(AZURE_REGIONS);

/** Whether a region (ARM name or display name: `East US 2`) is one of Azure's. */
export function isAzureRegion(region: string): boolean {
    return KNOWN.has(normalizeRegion(region));
}

/** The Azure regions closest to a name that is none of them: those at the smallest edit distance among the near. */
export function closestRegions(region: string): string[] {
    const name = normalizeRegion(region);
    const near = closest(name, AZURE_REGIONS, AZURE_REGIONS.length);
    if (near.length === 0) return [];
    const best = Math.min(...near.map((r) => typoDistance(name, r)));
    return near.filter((r) => typoDistance(name, r) === best).slice(0, 3);
}
