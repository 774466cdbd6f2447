/**
 * Rule 10f (advisory): required tags on the resources that carry Marketplace and compute costs, so the bill can be
 * split by team: hub workspaces and endpoints, and Cognitive Services accounts (a Foundry resource, whose model
 * deployments are billed to it). A MarketplaceSubscription has no tags in the API: tag its workspace and endpoints
 * instead.
 */
import { describe, mlKind, mlType } from "../lib/azure";

/** The Foundry resource (and any other Cognitive Services account): its deployments are billed to it. */
const FOUNDRY_ACCOUNT_TYPE = "azure-native:cognitiveservices:Account";
import { defineResourceRule, list, stringList } from "../lib/rule";
import { isUnknown, read } from "../lib/unknown";

export interface RequiredTagsConfig {
    requiredTags: string[];
    resourceTypes: string[];
}

export const requiredTags = defineResourceRule<RequiredTagsConfig>({
    name: "required-tags",
    description:
        "Workspaces, endpoints and Foundry accounts carry the tags cost tracking needs (default: owner and costCenter).",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            requiredTags: stringList(
                "Tag names every judged resource must carry with a non-empty value (case-insensitive, as Azure compares tag names).",
                ["owner", "costCenter"],
            ),
            resourceTypes: stringList(
                "Type tokens of the resources judged (an azure-native machinelearningservices token also matches its API-version variants).",
                [
                    ...(["Workspace", "ServerlessEndpoint", "OnlineEndpoint", "OnlineDeployment"] as const).map(mlType),
                    FOUNDRY_ACCOUNT_TYPE,
                ],
            ),
        },
    },
    remediationSteps:
        "Add the missing tags to the resource's tags input (a stack transform or the provider's default tags can add them everywhere).",
    check: (resource, config) => {
        // A token of an explicit API version module (`machinelearningservices/v20250101:...`) counts as its kind.
        const kind = mlKind(resource.type);
        if (!config.resourceTypes.some((t) => t === resource.type || (kind !== undefined && mlKind(t) === kind)))
            return [];
        const tags = read(resource.props, "tags");
        if (tags.state === "unknown") return [];
        const given =
            tags.state === "known" && typeof tags.value === "object" ? (tags.value as Record<string, unknown>) : {};
        const missing = config.requiredTags.filter((name) => {
            const entry = Object.entries(given).find(([k]) => k.toLowerCase() === name.toLowerCase());
            if (!entry) return true;
            const value = entry[1];
            return !isUnknown(value) && (typeof value !== "string" || value.trim() === "");
        });
        if (!missing.length) return [];
        return [
            `${describe(resource)} lacks the tag${missing.length > 1 ? "s" : ""} ${list(missing.map((m) => `"${m}"`))} ` +
                `(required: ${list(config.requiredTags)}). Add ${missing.length > 1 ? "them" : "it"} to its tags input, or change required-tags requiredTags.`,
        ];
    },
});
