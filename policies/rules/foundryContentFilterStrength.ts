/**
 * Mandatory (Foundry): a content filter the stack creates (`cognitiveservices.RaiPolicy`) actually filters.
 * `foundry-content-filter` checks that each deployment names a filter; a filter that names itself strict but turns
 * every category off, filters only `High` severity or starts from `Microsoft.Nil` (no filtering) would pass it.
 *
 * Read against the REST spec (Microsoft.CognitiveServices 2025-06-01, `RaiPolicyProperties` and
 * `RaiPolicyContentFilter`, kept in test/restspec/spec): each entry of `properties.contentFilters` has `enabled`,
 * `blocking` and `severityThreshold` (`Low`, `Medium`, `High`: the level at which content is filtered, so `Low`
 * filters the most); `properties.basePolicyName` is the policy it starts from. An entry that is disabled or not
 * blocking filters nothing for its category; a threshold outside the allowed list filters less than the team
 * allows. Values unknown during the preview are not judged here.
 */
import { describe } from "../lib/azure";
import { resourceTypeOf } from "../lib/catalog";
import { defineResourceRule, includesIgnoreCase, list, matchesAnyGlob, stringList } from "../lib/rule";
import { isUnknown, read } from "../lib/unknown";

export interface FoundryContentFilterStrengthConfig {
    allowedSeverityThresholds: string[];
    allowNilBasePolicy: boolean;
    exemptFilters: string[];
}

const RAI_POLICY = "azure-native:cognitiveservices:RaiPolicy";
const NIL = "Microsoft.Nil";

export const foundryContentFilterStrength = defineResourceRule<FoundryContentFilterStrengthConfig>({
    name: "foundry-content-filter-strength",
    description:
        "Every content filter (cognitiveservices.RaiPolicy) filters: no category disabled or non-blocking, severity thresholds the config allows, and no Microsoft.Nil base policy unless allowed.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedSeverityThresholds: stringList(
                "Severity thresholds a category may use (`Low` filters low, medium and high severity; `Medium` medium and high; `High` only high).",
                ["Low", "Medium"],
            ),
            allowNilBasePolicy: {
                type: "boolean",
                default: false,
                description: `Allow a filter based on ${NIL} (Azure's policy that filters nothing).`,
            },
            exemptFilters: stringList(
                "Pulumi resource names of content filters not judged (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    },
    remediationSteps:
        "Enable and block every category of the content filter at an allowed severity threshold, and base it on Microsoft.DefaultV2; or change the foundry-content-filter-strength config (allowedSeverityThresholds, allowNilBasePolicy, exemptFilters).",
    check: (resource, config) => {
        if (resourceTypeOf(resource.type)?.type !== RAI_POLICY) return [];
        if (matchesAnyGlob(resource.name, config.exemptFilters)) return [];
        const what = describe(resource);
        const problems: string[] = [];
        const base = read(resource.props, "properties.basePolicyName");
        if (
            base.state === "known" &&
            String(base.value).toLowerCase() === NIL.toLowerCase() &&
            !config.allowNilBasePolicy
        )
            problems.push(
                `${what} is based on ${NIL}, which filters nothing. Base it on Microsoft.DefaultV2, or set allowNilBasePolicy in the foundry-content-filter-strength config.`,
            );
        const filters = read(resource.props, "properties.contentFilters");
        const entries = filters.state === "known" && Array.isArray(filters.value) ? filters.value : [];
        entries.forEach((entry, i) => {
            if (entry === null || typeof entry !== "object") return;
            const f = entry as Record<string, unknown>;
            const at = `properties.contentFilters[${i}]`;
            const label = `category ${typeof f.name === "string" ? `"${f.name}"` : i}${typeof f.source === "string" ? ` (${f.source})` : ""}`;
            if (f.enabled === false)
                problems.push(`${what} disables ${label} (${at}.enabled is false), so that category is not filtered.`);
            else if (f.blocking === false)
                problems.push(
                    `${what} does not block ${label} (${at}.blocking is false), so flagged content still passes.`,
                );
            const t = f.severityThreshold;
            if (typeof t === "string" && !isUnknown(t) && !includesIgnoreCase(config.allowedSeverityThresholds, t))
                problems.push(
                    `${what} filters ${label} only from severity "${t}" (${at}.severityThreshold); allowed: ${list(config.allowedSeverityThresholds)}.`,
                );
        });
        return problems;
    },
});
