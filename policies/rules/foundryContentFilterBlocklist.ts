/**
 * Rule (Foundry, advisory, off until asked): where the policy config requires it, every content filter (RaiPolicy)
 * has at least one custom blocklist (`properties.customBlocklists`), and no model deployment uses one of Microsoft's
 * built-in filters (`Microsoft.*`), which cannot carry a blocklist. For teams whose terms (internal code names,
 * customer names) must never reach or leave a model: the stack config's `foundry.blocklists` and
 * `contentFilters[].blocklists` create and attach them (docs/foundry.md).
 */
import { describe } from "../lib/azure";
import { DEFAULT_RAI_POLICY } from "../lib/catalog";
import { cognitiveKind } from "../lib/foundry";
import { defineResourceRule, matchesAnyGlob, stringList } from "../lib/rule";
import { read } from "../lib/unknown";

export interface FoundryContentFilterBlocklistConfig {
    required: boolean;
    exemptFilters: string[];
}

const LISTS = "properties.customBlocklists";
const FILTER = "properties.raiPolicyName";

export const foundryContentFilterBlocklist = defineResourceRule<FoundryContentFilterBlocklistConfig>({
    name: "foundry-content-filter-blocklist",
    description: `Where required, every Foundry content filter has a custom blocklist (${LISTS}), and no deployment uses a built-in Microsoft filter, which cannot have one.`,
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            required: {
                type: "boolean",
                default: false,
                description: "Require a custom blocklist on every content filter (nothing is judged otherwise).",
            },
            exemptFilters: stringList(
                "Azure names of content filters (and of the built-in filters deployments may use) not judged (globs, `*` for any characters, case-insensitive).",
                [],
            ),
        },
    },
    remediationSteps:
        "Define the list under azure-ai-models:foundry.blocklists and name it in the filter's blocklists (contentFilters[].blocklists); point deployments at a custom content filter.",
    check: (resource, config) => {
        if (!config.required) return [];
        const kind = cognitiveKind(resource.type);
        if (kind === "RaiPolicy") {
            const name = read(resource.props, "raiPolicyName");
            if (name.state === "known" && matchesAnyGlob(String(name.value), config.exemptFilters)) return [];
            const lists = read(resource.props, LISTS);
            if (lists.state === "unknown") return [];
            if (lists.state === "known" && Array.isArray(lists.value) && lists.value.length > 0) return [];
            return [
                `${describe(resource)} has no custom blocklist (${LISTS} is empty), and the policy config requires one. ` +
                    "Attach a blocklist (contentFilters[].blocklists in the stack config), or exempt the filter in the foundry-content-filter-blocklist config (exemptFilters).",
            ];
        }
        if (kind === "Deployment") {
            const filter = read(resource.props, FILTER);
            // Left out, Azure applies its default filter, a built-in one.
            if (filter.state === "unknown") return [];
            const used = filter.state === "absent" ? DEFAULT_RAI_POLICY.name : filter.value;
            if (typeof used !== "string") return [];
            if (!used.startsWith("Microsoft.") || matchesAnyGlob(used, config.exemptFilters)) return [];
            return [
                `${describe(resource)} uses the built-in content filter ${JSON.stringify(used)}, which cannot have a custom blocklist, and the policy config requires one. ` +
                    "Give the deployment a custom content filter with a blocklist (its contentFilter in the stack config), or exempt the filter in the foundry-content-filter-blocklist config (exemptFilters).",
            ];
        }
        return [];
    },
});
