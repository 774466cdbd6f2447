/**
 * Rule (network, advisory; judges only where the policy config sets `required`): Foundry accounts and hubs /
 * workspaces restrict outbound traffic. An account (API 2025-06-01) sets `properties.restrictOutboundNetworkAccess:
 * true` (with the destinations it may reach in `properties.allowedFqdnList`); a hub or workspace (API 2025-12-01,
 * flattened by azure-native) sets `managedNetwork.isolationMode: AllowOnlyApprovedOutbound` (outbound only by its
 * outbound rules). Projects use their hub's managed network and are not judged. Values unknown during a preview
 * are not judged.
 */
import { describe } from "../lib/azure";
import { accountKindsOption, exemptResourcesOption, networkSubject, requiredOption } from "../lib/network";
import { defineResourceRule, matchesAnyGlob } from "../lib/rule";
import { read } from "../lib/unknown";

export interface OutboundRestrictedConfig {
    required: boolean;
    accountKinds: string[];
    exemptResources: string[];
}

const NAME = "outbound-restricted";
const ACCOUNT_PATH = "properties.restrictOutboundNetworkAccess";
const WORKSPACE_PATH = "managedNetwork.isolationMode";
const APPROVED_ONLY = "AllowOnlyApprovedOutbound";

export const outboundRestricted = defineResourceRule<OutboundRestrictedConfig>({
    name: NAME,
    description:
        "Where required, Foundry accounts restrict outbound network access and hubs / workspaces allow only approved outbound traffic.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            required: requiredOption(
                "Restricted outbound traffic is required: judge accounts and workspaces (nothing is judged otherwise).",
            ),
            accountKinds: accountKindsOption(),
            exemptResources: exemptResourcesOption(),
        },
    },
    remediationSteps: `Foundry account: set ${ACCOUNT_PATH} to true and list the destinations it needs in properties.allowedFqdnList. Workspace: set ${WORKSPACE_PATH} to "${APPROVED_ONLY}" and add outbound rules for what it needs.`,
    check: (resource, config) => {
        if (!config.required) return [];
        const subject = networkSubject(resource, config.accountKinds);
        if (!subject || matchesAnyGlob(resource.name, config.exemptResources)) return [];
        const what = `${describe(resource)} (kind ${subject.kind})`;
        const exempt = `or list it in the ${NAME} config (exemptResources).`;
        if (subject.what === "account") {
            const value = read(resource.props, ACCOUNT_PATH);
            if (value.state === "unknown" || (value.state === "known" && value.value === true)) return [];
            const given =
                value.state === "absent"
                    ? `leaves ${ACCOUNT_PATH} unset (outbound traffic unrestricted)`
                    : `sets ${ACCOUNT_PATH} to ${JSON.stringify(value.value)}`;
            return [
                `${what} ${given}, but the policy config requires restricted outbound traffic. Set ${ACCOUNT_PATH} to true and list the destinations it needs in properties.allowedFqdnList, ${exempt}`,
            ];
        }
        const mode = read(resource.props, WORKSPACE_PATH);
        if (mode.state === "unknown") return [];
        if (mode.state === "known" && String(mode.value).toLowerCase() === APPROVED_ONLY.toLowerCase()) return [];
        const given =
            mode.state === "absent"
                ? `leaves ${WORKSPACE_PATH} unset (no managed network: outbound traffic unrestricted)`
                : `sets ${WORKSPACE_PATH} to "${String(mode.value)}"`;
        return [
            `${what} ${given}, but the policy config requires restricted outbound traffic. Set ${WORKSPACE_PATH} to "${APPROVED_ONLY}" and add outbound rules for what it needs, ${exempt}`,
        ];
    },
});
