/**
 * Rule 1: every resource with a `location` input is in an allowed region. Azure Policy's built-in
 * "Allowed locations" (e56962a6) does this at the ARM level; this rule says so at preview time, before anything is
 * created, and defaults to the regions where serverless models can be deployed.
 */
import { DEFAULT_REGIONS, normalizeRegion } from "../lib/catalog";
import { describe } from "../lib/azure";
import { defineResourceRule, list, stringList } from "../lib/rule";
import { knownString } from "../lib/unknown";

export interface AllowedRegionsConfig {
    allowedRegions: string[];
    /** Locations that are not regions (`global`), never judged. */
    ignoredLocations: string[];
}

export const allowedRegions = defineResourceRule<AllowedRegionsConfig>({
    name: "allowed-regions",
    description:
        "Every resource with a location is in an allowed Azure region (default: the seven regions where serverless models can be deployed).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedRegions: {
                ...stringList(
                    "Allowed regions, as Azure names (`eastus2`) or display names (`East US 2`); compared without spaces, dashes or case.",
                    DEFAULT_REGIONS,
                ),
                minItems: 1,
            },
            ignoredLocations: stringList("Location values that are not regions and are never judged.", ["global"]),
        },
    },
    remediationSteps:
        "Set the resource's location to an allowed region, or add the region to the allowed-regions config (allowedRegions).",
    check: (resource, config) => {
        // Provider resources and the stack carry no location of their own; components register no inputs in the CLI.
        if (resource.type.startsWith("pulumi:") || resource.custom === false) return [];
        const location = knownString(resource.props, "location");
        if (location === undefined) return [];
        const region = normalizeRegion(location);
        if (config.ignoredLocations.some((l) => normalizeRegion(l) === region)) return [];
        if (config.allowedRegions.some((r) => normalizeRegion(r) === region)) return [];
        return [
            `${describe(resource)} is in region "${location}", which is not allowed. ` +
                `Allowed regions: ${list(config.allowedRegions.map(normalizeRegion))}. ` +
                `Set its location to one of them, or add "${region}" to the allowed-regions config (allowedRegions).`,
        ];
    },
});
