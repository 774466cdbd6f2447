/**
 * Rule 10a (advisory): managed online endpoints authenticate callers with Microsoft Entra ID (`AADToken`) rather
 * than keys, which cannot be scoped to a caller and must be rotated by hand (REST spec OnlineEndpoint authMode: `AMLToken`, `Key`,
 * `AADToken`). Serverless endpoints accept keys only, so they are not judged.
 */
import { describe, isKind } from "../lib/azure";
import { defineResourceRule, includesIgnoreCase, list } from "../lib/rule";
import { knownString } from "../lib/unknown";

export interface OnlineEndpointEntraAuthConfig {
    allowedAuthModes: string[];
}

export const onlineEndpointEntraAuth = defineResourceRule<OnlineEndpointEntraAuthConfig>({
    name: "online-endpoint-entra-auth",
    description: "Managed online endpoints use Microsoft Entra ID authentication (authMode AADToken).",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            allowedAuthModes: {
                type: "array",
                items: { type: "string", enum: ["AADToken", "AMLToken", "Key"] },
                minItems: 1,
                default: ["AADToken"],
                description: "The allowed properties.authMode values.",
            },
        },
    },
    remediationSteps:
        'Set properties.authMode to "AADToken" and grant callers a role on the endpoint instead of sharing keys.',
    check: (resource, config) => {
        if (!isKind(resource, "OnlineEndpoint")) return [];
        const mode = knownString(resource.props, "properties.authMode");
        if (mode === undefined || includesIgnoreCase(config.allowedAuthModes, mode)) return [];
        return [
            `${describe(resource)} sets properties.authMode to "${mode}"; allowed: ${list(config.allowedAuthModes)}. ` +
                `Set it to "AADToken" (Microsoft Entra ID) and grant callers a role, or change online-endpoint-entra-auth allowedAuthModes.`,
        ];
    },
});
