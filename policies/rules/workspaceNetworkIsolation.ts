/**
 * Rule 10d (advisory): workspaces and hubs disable public network access and use managed network isolation, as the
 * Azure Policy built-ins 438c38d2 (public network access) and 6ddb1705 (managed network) and Checkov CKV_AZURE_144
 * ask. Projects (`kind: Project`) inherit their hub's managed network, so only an explicit setting of theirs is judged.
 */
import { describe, isKind } from "../lib/azure";
import { defineResourceRule, includesIgnoreCase, list } from "../lib/rule";
import { read } from "../lib/unknown";
import { isProject } from "../lib/workspaces";

export interface WorkspaceNetworkIsolationConfig {
    requirePublicNetworkAccessDisabled: boolean;
    allowedIsolationModes: string[];
}

export const workspaceNetworkIsolation = defineResourceRule<WorkspaceNetworkIsolationConfig>({
    name: "workspace-network-isolation",
    description: "Workspaces and hubs disable public network access and isolate their managed network.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requirePublicNetworkAccessDisabled: {
                type: "boolean",
                default: true,
                description:
                    "Report workspaces whose publicNetworkAccess is not Disabled (the API default is Enabled).",
            },
            allowedIsolationModes: {
                type: "array",
                items: { type: "string", enum: ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"] },
                default: ["AllowInternetOutbound", "AllowOnlyApprovedOutbound"],
                description:
                    'Allowed managedNetwork.isolationMode values; set ["AllowOnlyApprovedOutbound"] to match Azure Policy 6ddb1705. An empty list turns the check off.',
            },
        },
    },
    remediationSteps:
        'Set publicNetworkAccess to "Disabled" (reach the workspace through a private endpoint) and managedNetwork.isolationMode to an allowed mode.',
    check: (resource, config) => {
        if (!isKind(resource, "Workspace")) return [];
        const messages: string[] = [];
        const project = isProject(resource);
        const pna = read(resource.props, "publicNetworkAccess");
        if (
            config.requirePublicNetworkAccessDisabled &&
            pna.state !== "unknown" &&
            !(project && pna.state === "absent")
        ) {
            const value = pna.state === "known" ? String(pna.value) : undefined;
            if (value?.toLowerCase() !== "disabled") {
                messages.push(
                    `${describe(resource)} ${value === undefined ? "leaves publicNetworkAccess unset (the API default is Enabled)" : `sets publicNetworkAccess to "${value}"`}; ` +
                        `it must be "Disabled". Set publicNetworkAccess: "Disabled" and reach the workspace through a private endpoint.`,
                );
            }
        }
        const mode = read(resource.props, "managedNetwork.isolationMode");
        if (config.allowedIsolationModes.length && mode.state !== "unknown" && !(project && mode.state === "absent")) {
            const value = mode.state === "known" ? String(mode.value) : undefined;
            if (!includesIgnoreCase(config.allowedIsolationModes, value ?? "")) {
                messages.push(
                    `${describe(resource)} ${value === undefined ? "leaves managedNetwork.isolationMode unset (no managed network isolation)" : `sets managedNetwork.isolationMode to "${value}"`}; ` +
                        `allowed: ${list(config.allowedIsolationModes)}. Set managedNetwork: { isolationMode: "${config.allowedIsolationModes[config.allowedIsolationModes.length - 1]}" }.`,
                );
            }
        }
        return messages;
    },
});
